/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Interruptions (docs/ARCHITECTURE.md section 15): the frame the kernel
 * writes on a thread's user stack before it enters the process's
 * interruption entry, and interrupt_return reads back.
 *
 * The entry is called like a C function, entry(arg, frame), on a stack
 * whose top is just below the frame (16-byte aligned; on x86_64 a zero
 * return address is pushed, so a return from the entry faults instead of
 * running garbage). It must not return: it ends with
 * interrupt_return(frame, 0), which resumes the saved context, or with a
 * kill code, which ends the process with a crash report of that context.
 */
#ifndef VERDIGRIS_INTR_H
#define VERDIGRIS_INTR_H

#include <stdint.h>

/* arg of an interruption made by a synchronous fault: this bit, and the
 * cause (enum vg_exception_cause, verdigris/ipc.h) in the low bits; the
 * address is in the frame's addr. Senders (thread_interrupt,
 * process_interrupt) may not set this bit. */
#define VG_INTR_FAULT (1ull << 63)
#define VG_INTR_CAUSE(arg) ((uint32_t)((arg)&0xffffffffu))
/* arg of a counted interruption (sigqueue's): the kernel accepts at most
 * VG_INTR_COUNTED_MAX of them per process until the process gives them
 * back with interrupt_release (ERR_SHOULD_WAIT beyond), so that a sender
 * learns when the receiver could not keep another. The bit stays in the
 * arg the entry gets. */
#define VG_INTR_COUNTED (1ull << 62)
#define VG_INTR_COUNTED_MAX 32
/* At most this many interruptions wait for a thread (ERR_SHOULD_WAIT
 * beyond): interrupt_take never has more to give. */
#define VG_INTR_WAITING_MAX 16
/* The frame's magic: interrupt_return refuses a frame without it. */
#define VG_INTR_MAGIC 0x56474946524d3031ull /* "VGIFRM01" */

/* The C library's signals (lib/c/os/signal) use arg as: the signal number
 * in bits 0-7, si_code as a signed byte in bits 8-15, VG_SIGARG_DIE (end
 * the process with the signal's default action, whatever its handler),
 * SIGCHLD's status (below) and the sender's pid in bits 32-61. The
 * process server's kill(pid, sig) is process_interrupt(process,
 * VG_SIGARG(sig, 0, sender_pid)). */
#define VG_SIGARG(sig, code, pid)                                     \
	(((uint64_t)(sig)&0xffu) | ((uint64_t)(uint8_t)(code) << 8) | \
	 (((uint64_t)(pid)&0x3fffffffu) << 32))
#define VG_SIGARG_DIE (1ull << 16)
/* SIGCHLD's si_status (an exit code, or the signal that ended, stopped or
 * continued the child) in bits 17-24. */
#define VG_SIGARG_WITH_STATUS(arg, status) ((arg) | (((uint64_t)(status)&0xffu) << 17))
#define VG_SIGARG_STATUS(arg) ((int)(((arg) >> 17) & 0xffu))
#define VG_SIGARG_SIG(arg) ((int)((arg)&0xffu))
#define VG_SIGARG_CODE(arg) ((int)(int8_t)(((arg) >> 8) & 0xffu))
#define VG_SIGARG_PID(arg) ((int)(((arg) >> 32) & 0x3fffffffu))

/* interrupt_return's kill_code with this bit: the kernel ends the process
 * with the code without the bit and logs no report (the C library logged
 * its own, symbolized, or the signal is no crash: SIGTERM, SIGINT...). */
#define VG_INTR_QUIET (1l << 30)
/* user_backtrace returns at most this many return addresses. */
#define VG_BACKTRACE_MAX 64

/* The user registers, in the kernel's saving order (so the kernel copies
 * them as they are). On return the kernel keeps its own values for the
 * fields marked "ignored" and refuses a frame whose privileged bits differ
 * from what user mode may hold. */
#if defined(__x86_64__)
struct vg_intr_regs {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error; /* ignored */
	uint64_t rip, cs, rflags, rsp, ss; /* cs and ss must be the user selectors */
};
#define VG_INTR_FPU_SIZE 512 /* the fxsave area */
#elif defined(__aarch64__)
struct vg_intr_regs {
	uint64_t x[31];
	uint64_t sp, pc;
	uint64_t pstate; /* NZCV (and SSBS, DIT, BTYPE) only */
	uint64_t esr, far; /* ignored */
	uint64_t tpidr; /* TPIDR_EL0 */
	uint64_t pad;
};
#define VG_INTR_FPU_SIZE (32 * 16 + 16) /* q0-q31, then FPSR and FPCR */
#elif defined(__riscv)
struct vg_intr_regs {
	uint64_t x[32]; /* x[0] ignored; x[2] sp, x[4] tp */
	uint64_t pc;
	uint64_t sstatus; /* read-only to user mode: must match the kernel's */
	uint64_t scause, stval, unwind_fp, unwind_ra; /* ignored */
};
#define VG_INTR_FPU_SIZE 272 /* f0-f31, then fcsr */
#else
#error "unknown architecture"
#endif

struct vg_intr_frame {
	uint64_t magic; /* VG_INTR_MAGIC */
	uint64_t arg; /* the sender's arg, or VG_INTR_FAULT | cause */
	uint64_t addr; /* a fault's address (0 otherwise) */
	uint64_t reserved; /* 0 */
	struct vg_intr_regs regs;
	uint8_t fpu[VG_INTR_FPU_SIZE] __attribute__((aligned(16)));
};

#endif
