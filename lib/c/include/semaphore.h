// SPDX-License-Identifier: BSD-2-Clause
// <semaphore.h>: unnamed semaphores on the kernel futex, within one
// process or (pshared) in memory that several processes map; named ones
// (sem_open) are such a semaphore in a tmpfs file under /run/shm
// (lib/c/os/shm/sem_named.c).
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H
#include <time.h>

typedef struct {
	unsigned value;
	unsigned waiters;
} sem_t;

#define SEM_VALUE_MAX 0x7fffffff
#define SEM_FAILED ((sem_t *)0)

int sem_init(sem_t *s, int pshared, unsigned value);
int sem_destroy(sem_t *s);
int sem_wait(sem_t *s);
int sem_trywait(sem_t *s);
int sem_timedwait(sem_t *restrict s, const struct timespec *restrict abstime);
int sem_post(sem_t *s);
int sem_getvalue(sem_t *restrict s, int *restrict value);
sem_t *sem_open(const char *name, int oflag, ...);
int sem_close(sem_t *s);
int sem_unlink(const char *name);

#endif
