/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_PROCESS_H
#define KERNEL_PROCESS_H

#include <kernel/aspace.h>
#include <kernel/object.h>
#include <kernel/thread.h>

/*
 * A process: an address space, a handle table and its threads. When the
 * last thread exits (or the process is killed) the address space and the
 * handles go at once; the process object itself lives on while handles to
 * it exist, holding the exit code.
 */
struct process {
	struct kobject obj;
	struct aspace as;
	struct handle_table handles;
	struct list threads;
	int nthreads;
	bool dead;
	long exit_code;
	char name[32];
	struct wait_queue exited; /* woken when the process dies */
	/* x86 I/O ports it enabled (ioport_enable): IO_BITMAP_BYTES, a set bit
	 * denies; NULL (no ports at all) until the first enable. */
	uint8_t *io_bitmap;
};

struct process *process_create(const char *name);
/* Starts a user thread in p at pc with sp and two arguments. Returns its
 * id (it may be gone already: it runs at once), or an error. */
long process_start_thread(struct process *p, uintptr_t pc, uintptr_t sp, uint64_t arg0,
			  uint64_t arg1);
/* Ends the calling user thread; the last one ends its process with code. */
_Noreturn void process_exit_thread(long code);
/* Kills the caller's process after a fault, with a report in the log. */
_Noreturn void process_kill_current(struct arch_regs *r, const char *why);
/* A dying thread's IPC duties: a caller it owes a reply gets an error. */
void ipc_thread_exit(struct thread *t);
/* Blocks until p has died; returns its exit code. */
long process_wait(struct process *p);

static inline struct process *current_process(void)
{
	return thread_current()->proc;
}

static inline struct process *to_process(struct kobject *o)
{
	return (struct process *)o;
}

#endif
