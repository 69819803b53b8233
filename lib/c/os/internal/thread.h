// SPDX-License-Identifier: BSD-2-Clause
// The threads' internals shared by lib/c/os: the per-thread data (in each
// thread's TLS block, so that pthread_self is one thread-pointer-relative
// address), futex waits with absolute deadlines, and the exit stubs
// (lib/c/arch/<arch>/thread_exit.S).
#ifndef LIBC_THREAD_H
#define LIBC_THREAD_H
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

enum { T_JOINABLE, T_DETACHED, T_EXITING, T_EXITED };

struct __pthread {
	void *(*fn)(void *);
	void *arg;
	void *result;
	uint32_t state; /* T_*; a futex word: joiners wait for T_EXITED */
	uintptr_t map_base; /* the stack and TLS mapping; 0: the first thread */
	size_t map_len;
	struct __pthread *zombie_next; /* exited detached threads, not yet reaped */
	uint32_t handle; /* the kernel thread's handle (pthread_kill); 0: the first thread */
	bool user_stack; /* pthread_attr_setstack: the mapping is the caller's */
	bool affinity_set; /* affinity holds what pthread_setaffinity_np set */
	cpu_set_t affinity;
	struct {
		void *value;
		unsigned gen; /* the key's generation when value was set */
	} tsd[PTHREAD_KEYS_MAX];
};

extern _Thread_local struct __pthread __libc_self;

/* The kernel deadline (monotonic ns) of an absolute CLOCK_REALTIME or
 * CLOCK_MONOTONIC time (the same clock for now); UINT64_MAX for NULL. -1
 * through *bad for an invalid timespec. */
uint64_t __libc_deadline(const struct timespec *abstime, int *bad);
/* futex_wait: 0 when woken or the word differed, ETIMEDOUT at deadline. */
int __libc_futex_wait(const void *word, uint32_t expected, uint64_t deadline);
void __libc_futex_wake(const void *word, uint32_t count);

/* Whether the calling thread holds m (recursive and error-checking kinds). */
int __libc_mutex_owned(const pthread_mutex_t *m);

/* TSD destructors of the calling thread (pthread_exit). */
void __libc_tsd_run_destructors(void);
/* The calling thread's allocator caches back to the shared slabs
 * (pthread_exit). */
void __libc_malloc_thread_exit(void);
/* stdio's buffers out (exit). */
void __libc_stdio_flush_all(void);

_Noreturn void __libc_exit_and_wake(uint32_t *word, uint32_t value);

/* Held around the library's vm_map and vm_unmap calls (lib/c/os/malloc/
 * pages.c, thread stacks): today's kernel does not serialize changes to an
 * address space made by several threads at once. */
extern int __libc_vm_lock;

#endif
