// SPDX-License-Identifier: BSD-2-Clause
// <sys/resource.h>: resource limits, kept by the process server and
// inherited by children (lib/c/os/proc/limits.c; docs/ARCHITECTURE.md
// section 14.3). Enforced: RLIMIT_AS (mmap and malloc fail with ENOMEM),
// RLIMIT_NPROC (here the threads of the process: pthread_create fails with
// EAGAIN), RLIMIT_VG_HANDLES (kernel handles held: calls that would make
// one more fail), RLIMIT_NOFILE (EMFILE), RLIMIT_CPU (SIGXCPU at the soft
// limit, once a second, SIGKILL at the hard one). The others are kept.
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H
#include <sys/types.h>

typedef unsigned long long rlim_t;
#define RLIM_INFINITY (~0ull)
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIM_SAVED_CUR RLIM_INFINITY

struct rlimit {
	rlim_t rlim_cur; /* the soft limit */
	rlim_t rlim_max; /* the hard limit: the ceiling of the soft one */
};

/* Linux's numbers. */
#define RLIMIT_CPU 0 /* seconds */
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6 /* Verdigris: threads of this process */
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9 /* bytes of address space mapped */
#define RLIMIT_LOCKS 10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE 13
#define RLIMIT_RTPRIO 14
#define RLIMIT_RTTIME 15
#define RLIMIT_VG_HANDLES 16 /* Verdigris: kernel handles held */
#define RLIMIT_NLIMITS 17

int getrlimit(int resource, struct rlimit *rl);
int setrlimit(int resource, const struct rlimit *rl);
/* Linux's: pid's limit (0: ours) into *old, then new's if not NULL. */
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old);

/* Priorities (lib/c/os/proc/priority.c): the process server keeps each
 * process's nice (-20 to 19, 0 at first, inherited by children), which
 * weighs its threads' share of the CPU. PRIO_PROCESS, PRIO_PGRP and
 * PRIO_USER (real uid; who 0: the caller's own). Changing another user's
 * process is EPERM, lowering a nice needs effective uid 0 (EACCES), as on
 * Linux; getpriority returns the lowest nice selected, -1
 * with errno on failure (clear errno first to tell -1 apart). */
#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define PRIO_USER 2
int getpriority(int which, id_t who);
int setpriority(int which, id_t who, int prio);

#endif
