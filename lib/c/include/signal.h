// SPDX-License-Identifier: BSD-2-Clause
// <signal.h>: POSIX signals on the kernel's interruptions
// (lib/c/os/signal, docs/ARCHITECTURE.md section 15).
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

/* Linux's numbers, so that exit statuses (128 + n) read the same. */
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT SIGABRT
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31
/* Real-time signals (queued, each with its value: sigqueue), lowest
 * delivered first. Linux's kernel numbers them from 32; ours end at 63 so
 * that a sigset_t stays one word. */
#define SIGRTMIN 32
#define SIGRTMAX 63
#define NSIG 64
#define _NSIG NSIG
/* Queued signals waiting in one process at most (sysconf). */
#define SIGQUEUE_MAX 32

typedef int sig_atomic_t;
typedef uint64_t sigset_t; /* bit n: signal n */
typedef void (*sighandler_t)(int);

#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)

union sigval {
	int sival_int;
	void *sival_ptr;
};

typedef struct {
	int si_signo;
	int si_code;
	int si_errno;
	pid_t si_pid; /* the sender, for SI_USER */
	uid_t si_uid;
	void *si_addr; /* the faulting address, for SIGSEGV, SIGBUS, SIGILL, SIGFPE */
	int si_status;
	union sigval si_value;
} siginfo_t;

/* si_code */
#define SI_USER 0 /* kill, raise */
#define SI_QUEUE (-1)
#define SI_TIMER (-2)
#define SI_TKILL (-6) /* pthread_kill */
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define BUS_ADRALN 1
#define BUS_ADRERR 2 /* past the end of a file mapping */
#define ILL_ILLOPC 1
#define FPE_INTDIV 1
#define TRAP_BRKPT 1
#define CLD_EXITED 1 /* SIGCHLD and waitid: the child ended */
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6

struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	};
	sigset_t sa_mask;
	int sa_flags;
};

#define SA_NOCLDSTOP 0x1
#define SA_NOCLDWAIT 0x2
#define SA_SIGINFO 0x4
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

typedef struct {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define MINSIGSTKSZ 4096
#define SIGSTKSZ 16384

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old);
sighandler_t signal(int sig, sighandler_t handler);
int sigqueue(pid_t pid, int sig, const union sigval value);
int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigwait(const sigset_t *restrict set, int *restrict sig);
int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict info);
int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info,
		 const struct timespec *restrict timeout);
int sigaltstack(const stack_t *restrict ss, stack_t *restrict old);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
int raise(int sig);
int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
void psignal(int sig, const char *s);
/* A signal's name without "SIG" (HUP, RTMIN+2) and back: sig2str.c. */
#define SIG2STR_MAX 32
int sig2str(int sig, char *str);
int str2sig(const char *restrict str, int *restrict sig);
int pause(void);

typedef struct __pthread *pthread_t;
int pthread_kill(pthread_t t, int sig);
int pthread_sigmask(int how, const sigset_t *restrict set, sigset_t *restrict old);

#endif
