/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V private definitions shared by the arch's C and assembly files: CSR
 * bits (privileged spec v1.12), SBI extension numbers (SBI spec v1.0), the
 * trap frame layout, and the arch's internal interfaces.
 */
#ifndef ARCH_RISCV64_RISCV_H
#define ARCH_RISCV64_RISCV_H

#include <arch/hal_arch.h>

#define SSTATUS_SIE (1 << 1)
#define SSTATUS_SPIE (1 << 5)
#define SSTATUS_SPP (1 << 8)
#define SSTATUS_VS (3 << 9)
#define SSTATUS_FS (3 << 13)
#define SSTATUS_SUM (1 << 18)

/* Interrupt numbers: bit positions in sie/sip, scause codes with the
 * interrupt bit set. */
#define IRQ_S_SOFT 1
#define IRQ_S_TIMER 5
#define IRQ_S_EXT 9
#define SIE_SSIE (1 << IRQ_S_SOFT)
#define SIE_STIE (1 << IRQ_S_TIMER)
#define SIE_SEIE (1 << IRQ_S_EXT)

/* Exception codes (scause with the interrupt bit clear). */
#define EXC_INSN_MISALIGNED 0
#define EXC_INSN_ACCESS 1
#define EXC_ILLEGAL_INSN 2
#define EXC_BREAKPOINT 3
#define EXC_LOAD_MISALIGNED 4
#define EXC_LOAD_ACCESS 5
#define EXC_STORE_MISALIGNED 6
#define EXC_STORE_ACCESS 7
#define EXC_ECALL_U 8
#define EXC_ECALL_S 9
#define EXC_INSN_PAGE_FAULT 12
#define EXC_LOAD_PAGE_FAULT 13
#define EXC_STORE_PAGE_FAULT 15

#define SATP_MODE_SV39 ARCH_ULL(0x8000000000000000) /* MODE = 8 */

/* SBI extension IDs and function IDs. */
#define SBI_EXT_LEGACY_SET_TIMER 0x00
#define SBI_EXT_LEGACY_PUTCHAR 0x01
#define SBI_EXT_LEGACY_SHUTDOWN 0x08
#define SBI_EXT_BASE 0x10
#define SBI_BASE_SPEC_VERSION 0
#define SBI_BASE_IMPL_ID 1
#define SBI_BASE_IMPL_VERSION 2
#define SBI_BASE_PROBE_EXT 3
#define SBI_EXT_TIME 0x54494d45
#define SBI_EXT_SRST 0x53525354
#define SBI_SRST_SHUTDOWN 0
#define SBI_SRST_COLD_REBOOT 1
#define SBI_SRST_REASON_NONE 0
#define SBI_SRST_REASON_FAILURE 1

/*
 * Trap frame offsets: struct arch_regs (hal_arch.h), for trap.S.
 */
#define TF_X(n) ((n)*8)
#define TF_SEPC 256
#define TF_SSTATUS 264
#define TF_SCAUSE 272
#define TF_STVAL 280
#define TF_UNWIND_FP 288
#define TF_UNWIND_RA 296
#define TF_SIZE 304 /* a multiple of 16: the ABI's stack alignment */

/* sstatus.FS values (the field is bits 13-14). */
#define SSTATUS_FS_INITIAL (1 << 13)
#define SSTATUS_FS_CLEAN (2 << 13)
#define SSTATUS_FS_DIRTY (3 << 13)

/* Offsets in the FP state (ARCH_FPU_STATE_SIZE bytes): f0-f31, then fcsr. */
#define FPU_F(n) ((n)*8)
#define FPU_FCSR 256

#ifndef __ASSEMBLY__
#include <kernel/types.h>

_Static_assert(sizeof(struct arch_regs) == TF_SIZE, "trap frame layout");
_Static_assert(__builtin_offsetof(struct arch_regs, sepc) == TF_SEPC, "trap frame layout");
_Static_assert(__builtin_offsetof(struct arch_regs, sstatus) == TF_SSTATUS, "trap frame layout");
_Static_assert(__builtin_offsetof(struct arch_regs, scause) == TF_SCAUSE, "trap frame layout");
_Static_assert(__builtin_offsetof(struct arch_regs, stval) == TF_STVAL, "trap frame layout");
_Static_assert(__builtin_offsetof(struct arch_regs, unwind_fp) == TF_UNWIND_FP,
	       "trap frame layout");
_Static_assert(FPU_FCSR + 8 <= ARCH_FPU_STATE_SIZE && ARCH_FPU_STATE_SIZE % 16 == 0,
	       "FP state layout");

#define csr_read(csr)                                                    \
	({                                                               \
		unsigned long v_;                                        \
		__asm__ volatile("csrr %0, " #csr : "=r"(v_)::"memory"); \
		v_;                                                      \
	})
#define csr_write(csr, val) \
	__asm__ volatile("csrw " #csr ", %0" ::"r"((unsigned long)(val)) : "memory")
#define csr_set(csr, bits) \
	__asm__ volatile("csrs " #csr ", %0" ::"r"((unsigned long)(bits)) : "memory")
#define csr_clear(csr, bits) \
	__asm__ volatile("csrc " #csr ", %0" ::"r"((unsigned long)(bits)) : "memory")

/* sbi.c */
struct sbiret {
	long error;
	long value;
};
struct sbiret sbi_call(unsigned long ext, unsigned long fid, unsigned long a0, unsigned long a1,
		       unsigned long a2);
void sbi_init(void);
bool sbi_has_ext(unsigned long ext);
/* Major << 24 | minor, as the base extension reports it (0.1 for legacy-only). */
unsigned long sbi_spec_version(void);
void sbi_set_timer(uint64_t deadline);
void sbi_console_putc(char c);
_Noreturn void sbi_shutdown(bool failed);
_Noreturn void sbi_reboot(void);

/* console.c: the 16550 and the sifive,test0 finisher */
struct fdt;
void console_setup_early(const struct fdt *f);
void console_map(void);
/* Back to the SBI console (a fault while printing must not recurse). */
void console_use_sbi(void);
void console_attach_irq(void);
void console_detach_irq(void);
void finisher_fail(void);
/* Fires the UART's transmitter-empty interrupt once (for the PLIC test). */
void uart_kick_tx_irq(void);
unsigned long uart_irq_count(void);
bool uart_has_irq(void);

/* plic.c */
typedef void (*irq_handler_t)(void *arg);
void plic_init(const struct fdt *f, unsigned long hartid);
/* Routes PLIC source irq to handler with priority 1; false if unknown. */
bool plic_attach(uint32_t irq, irq_handler_t handler, void *arg);
void plic_handle(void);
bool plic_present(void);

/* timer.c */
void timer_setup(const struct fdt *f);
void timer_interrupt(void);

/* trap.c */
struct trap_stats {
	unsigned long exceptions_fixed; /* resumed through the extable */
	unsigned long last_cause; /* scause of the last fixed exception */
	unsigned long last_tval;
};
extern struct trap_stats trap_stats;
/* Called by trap.S with the frame: traps from S-mode and from U-mode. */
void riscv_trap(struct arch_regs *tf);
void riscv_user_trap(struct arch_regs *r);

/* The kernel stack top entries from U-mode use is struct percpu's
 * kstack_top (user.c sets it; trap.S reads it through tp). */

/* boot.c */
extern unsigned long boot_hartid;
/* The boot device tree's node for this hart ("/cpus/cpu@N" whose reg is the
 * hart id), or -1. */
int boot_cpu_node(const struct fdt *f);
#endif

#endif
