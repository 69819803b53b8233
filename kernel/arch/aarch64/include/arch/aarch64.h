/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Private to kernel/arch/aarch64: system register access, the trap frame
 * shared with vectors.S, and the interfaces between the arch files. Generic
 * code never includes this.
 */
#ifndef ARCH_AARCH64_H
#define ARCH_AARCH64_H

/* Trap frame layout (bytes): struct arch_regs in hal_arch.h, which
 * vectors.S saves exactly. */
#define TF_X(n) ((n)*8)
#define TF_SP (31 * 8)
#define TF_ELR (32 * 8)
#define TF_SPSR (33 * 8)
#define TF_ESR (34 * 8)
#define TF_FAR (35 * 8)
#define TF_TPIDR (36 * 8)
#define TF_SIZE (38 * 8) /* a multiple of 16: sp stays aligned */

/* ESR_ELx exception classes used here (ARM ARM D17.2.37). */
#define EC_UNKNOWN 0x00
#define EC_FP_ACCESS 0x07 /* FP/SIMD use trapped by CPACR_EL1.FPEN */
#define EC_SVC64 0x15
#define EC_IABT_LOW 0x20
#define EC_IABT_CUR 0x21
#define EC_PC_ALIGN 0x22
#define EC_DABT_LOW 0x24
#define EC_DABT_CUR 0x25
#define EC_SP_ALIGN 0x26
#define EC_BRK64 0x3c

/* ESR_ELx fields. */
#define ESR_EC(esr) ((unsigned)((esr) >> 26) & 0x3f)
#define ESR_ISS(esr) ((unsigned)(esr)&0x1ffffff)
#define ISS_ABT_FSC 0x3fu /* fault status code */
#define ISS_ABT_WNR (1u << 6) /* data abort: the access was a write */
#define ISS_ABT_CM (1u << 8) /* data abort: by a cache maintenance instruction */
#define ISS_ABT_FNV (1u << 10) /* FAR is not valid */

/* TCR_EL1.EPD0: no translation table walks through TTBR0. */
#define TCR_EPD0 (1 << 7)

#define CPACR_FPEN (3 << 20) /* FP/SIMD not trapped at EL0 or EL1 */
#define CPACR_FPEN_EL1 (1 << 20) /* FP/SIMD trapped at EL0 only (EC_FP_ACCESS) */

#ifndef __ASSEMBLY__
#include <arch/hal_arch.h>
#include <kernel/types.h>

#define read_sysreg(r)                                      \
	({                                                  \
		uint64_t v_;                                \
		__asm__ volatile("mrs %0, " #r : "=r"(v_)); \
		v_;                                         \
	})
#define write_sysreg(r, v) __asm__ volatile("msr " #r ", %0" : : "r"((uint64_t)(v)) : "memory")
#define isb() __asm__ volatile("isb" : : : "memory")
#define dsb(opt) __asm__ volatile("dsb " #opt : : : "memory")

_Static_assert(sizeof(struct arch_regs) == TF_SIZE, "trap frame layout");
_Static_assert(__builtin_offsetof(struct arch_regs, sp) == TF_SP, "trap frame layout");
_Static_assert(__builtin_offsetof(struct arch_regs, elr) == TF_ELR, "trap frame layout");
_Static_assert(__builtin_offsetof(struct arch_regs, esr) == TF_ESR, "trap frame layout");
_Static_assert(__builtin_offsetof(struct arch_regs, tpidr) == TF_TPIDR, "trap frame layout");

/* Called from vectors.S with the frame just saved. from_user: the
 * exception came from EL0 (the frame is at the top of the kernel stack).
 * kind: which vector (see vectors.S). */
void aarch64_trap_sync(struct arch_regs *tf, int from_user);
void aarch64_trap_irq(struct arch_regs *tf, int from_user);
void aarch64_trap_user_serror(struct arch_regs *tf);
void aarch64_trap_unexpected(struct arch_regs *tf, int kind);
/* Called from vectors.S when a return to EL0 finds the frame anywhere but
 * at the top of the kernel stack that arch_set_kernel_stack recorded. */
_Noreturn void aarch64_bad_user_return(struct arch_regs *tf, uintptr_t kstack_top);

/* The current user thread's kernel stack top (arch_set_kernel_stack), where
 * SP_EL1 stands whenever the CPU runs at EL0, is struct percpu's kstack_top. */

/* User memory copies (user.S): a fault inside [start, end) is on a user
 * address and may be resolved (demand paging) before the extable fixup. */
extern const char aarch64_usercopy_start[], aarch64_usercopy_end[];
/* Called from start.S once running at the kernel's link address. */
_Noreturn void aarch64_boot(paddr_t x0, uint64_t boot_el);

/* The exception level the kernel was entered at (1 or 2). */
extern uint64_t aarch64_boot_el;

/* Console (boot.c): the PL011's current virtual address. */
volatile void *aarch64_uart_base(void);

/* Interrupt controller (gic.c). */
typedef void (*irq_handler_t)(unsigned intid);
/* Maps and initialises the GIC the device tree names; false if none. */
bool gic_init(void);
/* "GICv2" or "GICv3" once gic_init succeeded, else NULL. */
const char *gic_version(void);
void gic_set_handler(unsigned intid, irq_handler_t fn);
void gic_enable(unsigned intid);
void gic_handle_irq(void);
uint64_t gic_irq_count(unsigned intid);

/* Generic timer (timer.c). */
void aarch64_timer_init(void);
unsigned aarch64_timer_intid(void);

/* Fault bookkeeping for tests (trap.c): how many faults were recovered
 * through the exception table, and the ESR of the last one. */
extern volatile uint64_t aarch64_recovered_faults;
extern volatile uint64_t aarch64_last_recovered_esr;

/* Semihosting SYS_EXIT (start.S); returns -1 when semihosting is off (the
 * HLT then traps as undefined and is recovered through the extable). */
int aarch64_semihost_exit(uint64_t reason, uint64_t subcode);
/* Switch TTBR1_EL1 through the identity map (start.S, see there). */
void aarch64_replace_ttbr1(paddr_t root, paddr_t trampoline_pa);
void aarch64_ttbr1_trampoline(void);
/* PSCI call by the conduit the device tree names (start.S). */
uint64_t aarch64_psci_hvc(uint64_t fn);
uint64_t aarch64_psci_smc(uint64_t fn);
/* For the tests (start.S): a function that just returns, and an FP/SIMD
 * round trip through v0 (returns what it read back). */
void aarch64_ret_only(void);
uint64_t aarch64_fp_roundtrip(uint64_t v);
#endif /* !__ASSEMBLY__ */

#endif
