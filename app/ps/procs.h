// SPDX-License-Identifier: BSD-2-Clause
// What ps knows of a process, and where it gets it: on Verdigris the
// process server's table (procs_verdigris.c), the one source that is not
// portable.
#ifndef APP_PS_PROCS_H
#define APP_PS_PROCS_H
#include <stdint.h>
#include <sys/types.h>

struct ps_proc {
	pid_t pid, ppid, pgid, sid;
	char state; /* R running, S sleeping, T stopped, Z zombie */
	uid_t uid;
	int nice; /* setpriority's, -20 to 19 */
	unsigned threads;
	uint64_t rss; /* bytes of memory in use */
	uint64_t vsz; /* bytes of address space mapped */
	uint64_t cpu_ns;
	uint64_t age_ns; /* since it started */
	char args[1024]; /* name and arguments, separated by spaces */
};

/* The process with the lowest pid above `after`: 0, or -1 past the last
 * (errno 0) or on an error (errno set). */
int ps_next(pid_t after, struct ps_proc *out);
/* The caller's session, to select the default listing. */
pid_t ps_my_session(void);

#endif
