// SPDX-License-Identifier: BSD-2-Clause
// fork: a new process whose memory is a copy-on-write snapshot of ours
// (the kernel's vm_clone), running on from this call with one thread, the
// caller's.
//
// Handle values are per process, so the child cannot use ours. Before the
// snapshot is taken, the parent makes the child's handles: duplicates of
// its log, initrd, resource and tagged startup handles, a handle to the
// child process itself, and a fresh endpoint to the process server
// (badged with the child's pid, from the server's `fork`), all moved into
// the child; their values there go into `child_view`, a startup block as
// the child must see it. The snapshot then carries that block and a
// jmp_buf into the child, whose first thread starts on a small stack of
// its own, long-jumps back into fork's frame (in the child's copy of the
// caller's stack) and there adopts the block before returning 0.
//
// POSIX semantics: the child has only the calling thread; locks that other
// threads held at the moment of the snapshot stay held in the child (as on
// every system, only async-signal-safe calls are safe in the child of a
// multi-threaded program before it calls exec). The parent's threads keep
// their IPC buffers' pins, even those waiting in a call: the kernel gives
// the child a copy of every pinned page instead of a share. The child's
// one thread registers its copy of the buffer again.
//
// pthread_atfork's handlers run around all of this: each prepare handler
// (the last registered first) before, then the parent or child handlers
// (the first registered first) in each process after.
#include <errno.h>
#include <proc.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdbool.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vg/vg.h>

#include "../internal/fd.h"
#include "../internal/lock.h"
#include "../internal/proc.h"
#include "../internal/signal.h"

#define TRAMPOLINE_STACK 4096

static int fork_lock;
static struct {
	struct vg_startup su;
	struct vg_startup_handle handles[VG_SPAWN_MAX_HANDLES];
	vg_handle_t ep;
	int32_t pid;
	jmp_buf resume;
} child_view;
static _Alignas(16) unsigned char trampoline_stack[TRAMPOLINE_STACK];

/* A duplicate of h moved into child: its value there, or 0. */
static vg_handle_t give(vg_handle_t h, vg_handle_t child)
{
	struct vg_handle_info info;
	vg_handle_t dup, there;
	if (!h || vg_handle_info(h, &info) || vg_handle_duplicate(h, info.rights, &dup))
		return VG_HANDLE_INVALID;
	if (vg_handle_transfer(dup, child, &there)) {
		vg_handle_close(dup);
		return VG_HANDLE_INVALID;
	}
	return there;
}

/* The child's handles, into child_view: 0 or an ERR_*. */
static long make_child_handles(vg_handle_t child, vg_handle_t ep)
{
	const struct vg_startup *su = vg_startup();
	const struct vg_startup_handle *h = (const void *)(uintptr_t)su->handles;
	child_view.su = *su;
	child_view.su.log = give(su->log, child);
	child_view.su.self = give(child, child);
	child_view.su.resource = give(su->resource, child);
	child_view.su.initrd = give(su->initrd, child);
	/* The child has our mapping of the index; its handle to it is new. */
	vg_handle_t index;
	child_view.su.initrd_index = vg_initrd_index(&index, &child_view.su.initrd_index_slots)
		? give(index, child)
		: VG_HANDLE_INVALID;
	if (!child_view.su.self)
		return ERR_NO_MEMORY;
	size_t n = 0;
	for (uint64_t i = 0; i < su->nhandles && n + 1 < VG_SPAWN_MAX_HANDLES; i++) {
		/* The descriptor table passes its own (__vg_fd_fork_prepare);
		 * the working directory was read at start and is in the
		 * memory the child copies. */
		if (h[i].tag == VG_HTAG_PROC || h[i].tag == VG_HTAG_FD ||
		    h[i].tag == VG_HTAG_FS_ROOT || h[i].tag == VG_HTAG_FS_CWD ||
		    h[i].tag == VG_HTAG_SIGNALS)
			continue;
		vg_handle_t there = give(h[i].handle, child);
		if (there)
			child_view.handles[n++] =
				(struct vg_startup_handle){ h[i].tag, h[i].arg, there, 0 };
	}
	vg_handle_t there;
	if (vg_handle_transfer(ep, child, &there)) {
		vg_handle_close(ep);
		return ERR_NO_MEMORY;
	}
	child_view.handles[n++] = (struct vg_startup_handle){ VG_HTAG_PROC, 0, there, 0 };
	child_view.ep = there;
	child_view.su.handles = (uint64_t)(uintptr_t)child_view.handles;
	child_view.su.nhandles = n;
	return 0;
}

/* pthread_atfork's handlers. Only ever appended: fork reads how many
 * there are and runs those, holding no lock while they run. */
#define ATFORK_MAX 32
static struct {
	void (*prepare)(void), (*parent)(void), (*child)(void);
} atfork[ATFORK_MAX];
static unsigned natfork;
static int atfork_lock;

int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void))
{
	__libc_lock(&atfork_lock);
	unsigned n = natfork;
	if (n < ATFORK_MAX) {
		atfork[n].prepare = prepare;
		atfork[n].parent = parent;
		atfork[n].child = child;
		__atomic_store_n(&natfork, n + 1, __ATOMIC_RELEASE);
	}
	__libc_unlock(&atfork_lock);
	return n < ATFORK_MAX ? 0 : ENOMEM;
}

/* The parent's or child's handlers, in the order they were registered. */
static void run_atfork_after(unsigned n, bool child)
{
	for (unsigned i = 0; i < n; i++) {
		void (*f)(void) = child ? atfork[i].child : atfork[i].parent;
		if (f)
			f();
	}
}

/* The child's first instruction: back into fork, on the caller's stack. */
static void child_start(uint64_t arg)
{
	(void)arg;
	longjmp(child_view.resume, 1);
}

/* In the child, back in fork: take our own handles. */
static void child_adopt(void)
{
	vg_startup_set(&child_view.su);
	__vg_fd_forked();
	/* The kernel knows no IPC buffer for this new thread: register the
	 * copy at the same address. */
	struct vg_tcb *tcb = vg_tcb();
	if (tcb->ipc_buffer && vg_ipc_buffer_set((uintptr_t)tcb->ipc_buffer))
		tcb->ipc_buffer = NULL; /* a fresh one on first use */
	__libc_proc_forked(child_view.ep, child_view.pid);
	__libc_threads_forked();
	__libc_sig_forked();
	__libc_sig_ready(); /* a copy of memory has no entry yet (crash reports) */
	fork_lock = 0;
}

/* fork without the handlers. */
static pid_t fork_process(vg_handle_t ep)
{
	vg_handle_t child, server_copy, child_ep;
	__libc_lock(&fork_lock);
	long st = vg_process_create(&child);
	if (st) {
		__libc_unlock(&fork_lock);
		errno = ENOMEM;
		return -1;
	}
	/* A signal that comes before the child registers its entry waits for
	 * it, to meet the mask and actions it has from us. */
	vg_process_interrupt_hold(child);
	int32_t pid = 0;
	st = vg_handle_duplicate(child, VG_RIGHT_MANAGE | VG_RIGHT_WAIT | VG_RIGHT_TRANSFER,
				 &server_copy);
	/* An interruption refuses a call the server has not received (the
	 * kernel withdraws it; once received, the reply always comes): so
	 * the call is only ever refused whole, and fork, which POSIX never
	 * fails with EINTR, asks again after the handler ran. */
	while (!st && (st = proc_process_fork(ep, server_copy, &pid, &child_ep)) == ERR_INTERRUPTED)
		st = 0;
	if (!st)
		st = make_child_handles(child, child_ep);
	child_view.pid = pid;
	if (!st)
		__vg_fd_fork_prepare(child);
	if (!st && setjmp(child_view.resume)) {
		child_adopt();
		return 0;
	}
	if (!st) {
		st = vg_vm_clone(vg_self(), child);
		__vg_fd_fork_done();
	}
	/* The pins of our threads' IPC buffers stay good: the kernel gave
	 * the child copies of those pages rather than shares. */
	if (!st) {
		vg_handle_t thread;
		st = vg_thread_create(child, (uintptr_t)child_start,
				      (uintptr_t)trampoline_stack + TRAMPOLINE_STACK -
					      VG_ENTRY_SP_BIAS,
				      0, vg_arch_thread_pointer(), &thread);
		if (!st)
			vg_handle_close(thread);
	}
	/* Registered but not running: a process dies when its last thread
	 * ends, so give it one that ends at once (killed before it reaches
	 * user mode, or faulting at address 0), then reap it. A process with
	 * no thread at all would stay in the table. */
	bool reap = false;
	if (st && pid) {
		vg_handle_t thread;
		reap = !vg_thread_create(child, 0, 0, 0, 0, &thread);
		if (reap)
			vg_handle_close(thread);
		vg_process_kill(child, -1);
	}
	vg_handle_close(child);
	__libc_unlock(&fork_lock);
	if (st) {
		if (reap)
			waitpid(pid, NULL, 0);
		return __libc_proc_fail(st);
	}
	return pid;
}

pid_t fork(void)
{
	vg_handle_t ep = __libc_proc_ep();
	if (!ep) {
		errno = ENOSYS;
		return -1;
	}
	unsigned nhandlers = __atomic_load_n(&natfork, __ATOMIC_ACQUIRE);
	for (unsigned i = nhandlers; i-- > 0;) /* prepare: the last registered first */
		if (atfork[i].prepare)
			atfork[i].prepare();
	pid_t pid = fork_process(ep);
	run_atfork_after(nhandlers, pid == 0);
	return pid;
}
