/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_INTERRUPT_H
#define KERNEL_INTERRUPT_H

#include <kernel/hal.h>

/*
 * Interruptions (docs/ARCHITECTURE.md section 15): a process registers a
 * user entry; thread_interrupt and process_interrupt queue an arg for a
 * thread, which at its next return to user mode saves its whole context
 * in a frame on its user stack (abi/verdigris/intr.h) and enters the
 * entry; interrupt_return resumes the frame. A blocked thread is woken
 * with ERR_INTERRUPTED first. Synchronous faults of a process with an
 * entry become interruptions of the faulting thread.
 */

/* A fault of the current thread as an interruption: 0 when r now enters
 * the entry, or an error (no room on the stack) to handle it otherwise. */
int interrupt_fault(struct arch_regs *r, uint32_t cause, uint64_t addr);
/* user_return's slow path: stops while the process is suspended, then
 * delivers the waiting interruptions. */
void interrupt_user_work(struct arch_regs *r);
/* A thread leaving its process (lock held): the counted interruptions it
 * never took are given back. */
void interrupt_thread_exit(struct thread *t);
/* The current thread is about to block (lock held): a process still held
 * for an entry it has not registered (process_interrupt_hold) never will,
 * as the C library registers its entry before any wait: the hold ends, and
 * what waited is for the holder to take back (process_interrupt_unhold),
 * told by a packet to watchers of stops. */
void interrupt_hold_lapse(struct thread *t);

#endif
