/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hardware abstraction layer: the one interface between generic kernel
 * code and kernel/arch/<arch>/. Generic code includes this header and never
 * an arch header directly; each arch provides <arch/hal_arch.h> (constants
 * and inline page-table encoders) and implements the functions below.
 */
#ifndef KERNEL_HAL_H
#define KERNEL_HAL_H

#include <arch/hal_arch.h>
#include <kernel/types.h>

/*
 * hal_arch.h must define:
 *   ARCH_NAME                  "x86_64", "aarch64" or "riscv64"
 *   KERNEL_VBASE, KERNEL_PBASE the kernel image maps phys P at P - PBASE + VBASE
 *   PHYSMAP_BASE               all RAM is mapped at PHYSMAP_BASE + phys
 *   MMIO_BASE, MMIO_SIZE       the kernel window where device registers are mapped
 *   BOOT_PHYSMAP_LIMIT         RAM below this is reachable through the physmap
 *                              already when arch code calls kernel_main()
 *   PT_LEVELS                  page-table levels (leaf level is 0)
 *   FRAME_PREV_OFF, FRAME_RET_OFF  offsets from a frame pointer to the saved
 *                              previous frame pointer and return address
 *   and the static inline page-table encoders and CPU-control functions
 *   declared further down.
 */

/* ---- early console (polled; usable from the first C line) ---- */
void arch_console_putc(char c);
struct vg_console_info;
/* Describes the console UART for its user-space driver (console_info);
 * false when there is none (RISC-V falling back to the SBI console). */
bool arch_console_describe(struct vg_console_info *out);
struct vg_rtc_info;
/* Describes the real-time clock chip for its user-space driver (rtc_info);
 * false when the machine has none the kernel knows of. */
bool arch_rtc_describe(struct vg_rtc_info *out);
struct vg_cpu_info;
/* The CPU's features in Linux's AT_HWCAP layout (cpu_info). */
void arch_cpu_features(struct vg_cpu_info *out);

/* ---- boot ---- */
struct boot_info;
struct percpu;
struct thread;
/* Generic entry; arch start code calls it once the kernel runs at its link
 * address with traps installed and a filled-in boot_info. */
_Noreturn void kernel_main(struct boot_info *bi);
/* Interrupt controller and timer bring-up, after the heap exists. */
void arch_late_init(const struct boot_info *bi);

/* ---- CPU control ----
 * irqflags_t (kernel/types.h) is what arch_irq_save returns; these are
 * static inline in hal_arch.h (they are on every lock's path):
 *   void arch_irq_enable(void), void arch_irq_disable(void)
 *   irqflags_t arch_irq_save(void)        disable, return the previous state
 *   void arch_irq_restore(irqflags_t flags)
 *   struct percpu *arch_this_cpu(void)    this CPU's data (kernel/percpu.h),
 *                                         through the arch's per-CPU register */
void arch_wait_for_interrupt(void); /* sleep until an interrupt */
/* Points the per-CPU register at c (percpu_init, once per CPU). */
void arch_set_this_cpu(struct percpu *c);
/* Power off the machine. failed != 0 makes QEMU exit with a failure status
 * that the test harness sees. */
_Noreturn void arch_poweroff(int failed);
/* Reset the machine (QEMU restarts it, or exits under -no-reboot). */
_Noreturn void arch_reboot(void);

/* ---- memory ---- */
/* One whole page (PAGE_SIZE, both page aligned): the copy-on-write copy
 * and the demand-zero fill of every fault, faster than the generic
 * memcpy and memset (page.S). */
void arch_page_copy(void *dst, const void *src);
void arch_page_zero(void *dst);

/* ---- time ---- */
uint64_t arch_counter(void); /* free-running monotonic counter */
uint64_t arch_counter_freq(void); /* its frequency in Hz (known after late init on x86) */
/* Start a periodic tick at hz; each tick calls timer_tick() in irq context. */
void arch_timer_start(uint32_t hz);
void timer_tick(void); /* generic, called by arch */

/* ---- device interrupt lines (irq objects, kernel/core/irq.c) ----
 * A line is named by its user-visible number (docs/ARCHITECTURE.md 12.1):
 * x86_64: 0-15 an ISA IRQ (through the MADT's overrides), 16 and up a GSI;
 * AArch64: a GIC INTID (SPIs only, 32 and up); RISC-V: a PLIC source.
 * attach returns 0, ERR_NOT_FOUND (no such line) or ERR_BUSY (the kernel or
 * another irq object has it, or it shares the pin of one that does) and
 * leaves the line masked. fn(arg) then runs in interrupt context, interrupts
 * off, before the controller's end of interrupt; it is expected to mask the
 * line. detach masks the line and forgets fn. mask/unmask only on an
 * attached line; all four are safe with interrupts off (under the scheduler
 * lock) and in fn. */
typedef void (*arch_irq_fn)(void *arg);
int arch_irq_line_attach(uint32_t line, arch_irq_fn fn, void *arg);
void arch_irq_line_detach(uint32_t line);
void arch_irq_line_mask(uint32_t line);
void arch_irq_line_unmask(uint32_t line);

/* ---- faults ---- */
/* Probes that return 0 on success and -1 if the access faulted; the fault is
 * recovered through the exception table (see extable.h), never fatal. */
int arch_probe_read64(const volatile void *addr, uint64_t *out);
int arch_probe_write64(volatile void *addr, uint64_t value);
/* Execute code at addr, expecting it to fault (W^X / NX tests); returns -1 when
 * the fetch faulted as it should, 0 if the code ran and returned. */
int arch_probe_exec(const void *addr);

/* ---- MMU ---- */
/* Make the page table rooted at physical root the kernel's translation. */
void arch_mmu_switch_kernel(paddr_t root);
/* Drops stale translations of va. Also orders earlier page-table writes
 * before later accesses, so it is called after new mappings too (ARM needs
 * a barrier before a new entry is walked). */
void arch_tlb_flush_page(vaddr_t va);
void arch_tlb_flush_all(void);

/* Page-table entry encoders, static inline in hal_arch.h:
 *   pte_t arch_pte_table(paddr_t next)                 pointer to next level
 *   pte_t arch_pte_leaf(paddr_t pa, unsigned prot, int level)
 *                                 leaf (page or block) with VM_* protections
 *   bool  arch_pte_valid(pte_t)
 *   bool  arch_pte_is_leaf(pte_t, int level)
 *   paddr_t arch_pte_addr(pte_t)
 *   unsigned arch_pte_prot(pte_t, int level)           VM_* bits of a leaf
 *   bool  arch_level_allows_leaf(int level)            block mappings there
 */

/* ---- user mode ----
 * hal_arch.h defines USER_BASE and USER_TOP (the user half), struct
 * arch_regs (the user registers saved at the top of a thread's kernel stack
 * on every entry from user mode: system call, exception, interrupt) and
 * ARCH_FPU_STATE_SIZE: bytes of FP/SIMD state per thread (16-byte aligned). */
struct arch_regs;
uint64_t arch_regs_syscall_nr(const struct arch_regs *r);
uint64_t arch_regs_arg(const struct arch_regs *r, int i); /* argument 0-5 */
void arch_regs_set_result(struct arch_regs *r, int i, uint64_t v); /* result 0-5 */
/* A fresh user context: pc, sp, and arg0/arg1 in the first argument registers. */
void arch_regs_init_user(struct arch_regs *r, uintptr_t pc, uintptr_t sp, uint64_t arg0,
			 uint64_t arg1);
void arch_regs_dump(const struct arch_regs *r); /* all registers, via kprintf */
/* Leaves the kernel for user mode with the registers in r, which lies at the
 * top of the current thread's kernel stack. */
_Noreturn void arch_enter_user(struct arch_regs *r);
/* Where entries from user mode put their frame: the top of the next
 * thread's kernel stack. The scheduler stores it in percpu->kstack_top and,
 * unless hal_arch.h defines ARCH_KSTACK_IN_PERCPU (the entry code reads it
 * from there and nothing else is needed), calls this too (x86_64: the TSS). */
void arch_set_kernel_stack(uintptr_t top);
/* Makes the page tables rooted at root the user translation (0: none). */
void arch_aspace_activate(paddr_t root);
/* Prepares a new root table: the kernel half, where the arch shares it
 * through the same root (x86_64, RISC-V), is copied from the kernel's. */
void arch_aspace_init_root(pte_t *root, const pte_t *kernel_root);
/* FP/SIMD state. The kernel never uses the FP registers itself, so they hold
 * user values across kernel entries. Where hal_arch.h defines ARCH_FPU_LAZY
 * the scheduler switches them lazily (sched.c, "FP state"): only the CPU's
 * fpu_owner may use them from user mode; another thread's first FP
 * instruction traps and the arch calls fpu_user_trap(). Without it they are
 * saved and restored on every switch between user threads. */
void arch_fpu_init_state(void *state); /* the state a new thread starts with */
void arch_fpu_save(void *state); /* the registers to memory */
void arch_fpu_restore(const void *state); /* and back */
/* ARCH_FPU_LAZY only. Lets t's user mode use the FP registers (on) or makes
 * its next FP instruction trap (off). Called for the thread about to run on
 * every switch, and for the old and new owner when ownership moves. */
void arch_fpu_user_access(struct thread *t, bool on);
/* ARCH_FPU_LAZY only: whether the owner t may have changed the registers
 * since they were loaded from t's state (true when the arch cannot tell). */
bool arch_fpu_dirty(const struct thread *t);
/* (ARCH_INLINE_REGS also gives arch_regs_pc: where the thread resumes.) */
/* The user thread pointer, the base of thread-local storage: x86 FS base,
 * AArch64 TPIDR_EL0, RISC-V tp. arch_tls_set gives user thread t a new one
 * (recorded in t->tls; at once if t is the current thread, else when it
 * next runs); arch_tls_switch keeps each user thread's across a switch
 * between prev and next (either may be a kernel thread), unless hal_arch.h
 * defines ARCH_TLS_IN_FRAME (the register is part of the user frame). */
void arch_tls_set(struct thread *t, uintptr_t value);
void arch_tls_switch(struct thread *prev, struct thread *next);
/* Copies between kernel and user memory; 0, or -1 if a user page faulted.
 * The caller has checked that the user range lies below USER_TOP. */
int arch_copy_from_user(void *dst, const void *usrc, size_t n);
int arch_copy_to_user(void *udst, const void *src, size_t n);

/* Interruptions (kernel/core/interrupt.c; the frame layout is
 * abi/verdigris/intr.h, whose struct vg_intr_regs is struct arch_regs).
 * hal_arch.h also gives arch_regs_sp, arch_regs_fp (the user stack and
 * frame pointers), arch_regs_result (result 0) and ARCH_USER_RED_ZONE. Sets r up to call
 * entry(arg0, arg1) in user mode with the stack pointer at sp (16-byte aligned, 16 zero bytes below
 * the frame above it), as a C function is called: */
void arch_regs_enter_handler(struct arch_regs *r, uintptr_t entry, uintptr_t sp, uint64_t arg0,
			     uint64_t arg1);
/* Takes the user-settable registers of from into r; ERR_INVALID_ARGS (r
 * unchanged) when from holds a pc outside user space or privileged bits
 * that differ from what user mode may hold. */
int arch_regs_restore_user(struct arch_regs *r, const struct arch_regs *from);
/* 0 if the FP state could be loaded without faulting (x86: MXCSR's
 * reserved bits), else ERR_INVALID_ARGS. */
int arch_fpu_check_state(const void *state);

/* Generic entry points the arch trap code calls for entries from user mode,
 * with the frame at the top of the kernel stack. */
void syscall_dispatch(struct arch_regs *r);
/* A page fault in user mode at addr; access is VM_READ, VM_WRITE or VM_EXEC. */
void user_page_fault(struct arch_regs *r, vaddr_t addr, unsigned access);
/* Any other exception in user mode, cause a VG_EXC_* with its address
 * (the pc, or the data address of an alignment fault): an interruption
 * if the process has an entry, else the exception port or a kill with a
 * report, which names it with what and detail. */
void user_exception(struct arch_regs *r, uint32_t cause, uint64_t addr, const char *what,
		    uint64_t detail);
/* A kernel-mode fault on a user address at an instruction listed in the
 * exception table (a user copy): true when the page was brought in and the
 * instruction should be retried, false to take the fixup. */
bool user_fault_from_kernel(vaddr_t addr, unsigned access);
/* Last thing before the arch returns to user mode. */
void user_return(struct arch_regs *r);
/* ARCH_FPU_LAZY: user mode touched the FP registers without access. True
 * when that was the lazy switch (the registers are now the current
 * thread's: retry the instruction); false when the thread had access and
 * the instruction is simply illegal. Interrupts off. */
bool fpu_user_trap(void);

#ifdef ARCH_HAS_IOPORTS
/* x86 I/O ports: the bitmap (IO_BITMAP_BYTES, a set bit denies the port)
 * of the process that runs from now on, NULL for none; owner names whose it
 * is (a koid) so that the arch copies it only when it changes hands, or
 * when changed is true. */
void arch_ioports_load(const uint8_t *bitmap, uint64_t owner, bool changed);
#endif

#endif
