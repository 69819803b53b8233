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
struct port;

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
	bool killed; /* process_kill: each thread ends on its way out */
	long kill_code;
	struct kobject *exc_port; /* a port, referenced; NULL: faults kill */
	uint64_t exc_key;
	/* Interruptions (interrupt.c): the entry (0: none), and suspension. */
	uintptr_t intr_entry;
	/* Counted interruptions accepted and not yet released; whether
	 * interruptions wait (process_interrupt_hold) while there is no
	 * entry yet. */
	uint32_t intr_counted;
	bool intr_hold;
	/* A hold that ended without an entry (interrupt_hold_lapse): what
	 * waited stays for process_interrupt_unhold; lapse_report: a packet
	 * (VG_PACKET_PROCESS_UNHELD) not yet given to watchers of stops. */
	bool intr_lapsed, lapse_report;
	bool suspended;
	struct wait_queue resumed; /* its threads, stopped while suspended */
	uint64_t dead_ticks; /* run_ticks of its threads that have exited */
	/* process_watch_stops: each change of `suspended` is a packet to the
	 * process's port bindings; stop_reported is the last one reported. */
	bool watch_stops, stop_reported;
	uint32_t max_threads; /* VG_LIMIT_THREADS, 0: none */
	/* The nice of its time-shared threads (process_set_nice); a new
	 * process starts with its creator's (fork's inheritance). */
	int8_t nice;
};

/* A user thread as an object: lives on after the thread, with its code. */
struct thread_obj {
	struct kobject obj;
	struct thread *t; /* NULL once it has died */
	bool dead;
	long exit_code;
};

struct process *process_create(const char *name);
/* Starts a user thread in p at pc with sp, two arguments and a thread
 * pointer; *obj (if asked for) gets a reference to its object. 0 or an
 * error; the thread may be gone already when this returns. */
int process_start_thread(struct process *p, uintptr_t pc, uintptr_t sp, uint64_t arg0,
			 uint64_t arg1, uintptr_t tls, struct thread_obj **obj);
/* Kills p: every thread ends at its next return to user mode, blocked ones
 * woken with ERR_CANCELED to get there. */
void process_kill(struct process *p, long code);
/* Ends the calling user thread; the last one ends its process with code. */
_Noreturn void process_exit_thread(long code);
/* An unresolvable fault: an exception packet on the process's exception
 * port, returning when a handler resumes the thread; or, with no port (or
 * when the handler kills or closes), the process is killed with a report
 * in the log and the thread does not return. cause is a VG_EXC_*. */
void process_fault(struct arch_regs *r, uint32_t cause, uint64_t addr, const char *why);
/* The report of a process killed for a fault or a fatal interruption:
 * why, the registers and the user backtrace, in the log. */
void process_crash_report(struct process *p, const struct arch_regs *r, const char *why);
/* The return addresses of the current process's user frame-pointer chain
 * from fp (the caller's frames: the pc itself is not among them), at most
 * max; how many were found. */
unsigned process_user_backtrace(uintptr_t fp, uint64_t *out, unsigned max);
/* A dying thread's IPC duties: a caller it owes a reply gets an error. */
void ipc_thread_exit(struct thread *t);
/* t, blocked, is about to be woken with an error (its process is killed):
 * if it waits for a reply, the server loses the right to send one. Lock
 * held. An interruption never does this (interrupt.c): it waits for the
 * reply. */
void ipc_cancel_wait(struct thread *t);
/* Lets a thread stopped on an exception run again (ERR_BAD_STATE if it is
 * not stopped). */
int thread_resume(struct thread_obj *to);
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

static inline struct thread_obj *to_thread_obj(struct kobject *o)
{
	return (struct thread_obj *)o;
}

#endif
