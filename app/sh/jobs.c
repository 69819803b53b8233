// SPDX-License-Identifier: BSD-2-Clause
// The job table: waiting for foreground jobs (and noticing when they stop),
// background jobs and their announcements, fg, bg, jobs and wait.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

/* POSIX.1-2024's; glibc hides it from a POSIX.1-2008 program (the host's
 * build). The bit is the same everywhere. */
#ifndef WCOREDUMP
#define WCOREDUMP(ws) ((ws)&0x80)
#endif

struct job {
	struct job *next;
	int id;
	pid_t pgid;
	int n;
	pid_t *pids;
	int *ws; /* wait status of each, or -1 while it runs */
	int stopped;
	int bg; /* in the table (background or stopped) */
	char *text;
};

static struct job *jobs; /* newest first */

static int next_id(void)
{
	int id = 1;
	for (struct job *j = jobs; j; j = j->next)
		if (j->id >= id)
			id = j->id + 1;
	return id;
}

struct job *job_new(const char *text, int bg)
{
	struct job *j = xmalloc(sizeof *j);
	memset(j, 0, sizeof *j);
	j->text = xstrdup(text ? text : "");
	j->bg = bg;
	return j;
}

void job_add_pid(struct job *j, pid_t pid)
{
	if (!j->n)
		j->pgid = pid;
	j->pids = xrealloc(j->pids, sizeof *j->pids * (size_t)(j->n + 1));
	j->ws = xrealloc(j->ws, sizeof *j->ws * (size_t)(j->n + 1));
	j->pids[j->n] = pid;
	j->ws[j->n++] = -1;
}

pid_t job_pgid(struct job *j)
{
	return j->pgid;
}

static void job_free(struct job *j)
{
	free(j->pids);
	free(j->ws);
	free(j->text);
	free(j);
}

static void unlink_job(struct job *j)
{
	for (struct job **pp = &jobs; *pp; pp = &(*pp)->next)
		if (*pp == j) {
			*pp = j->next;
			return;
		}
}

void job_discard(struct job *j)
{
	unlink_job(j);
	job_free(j);
}

static int running(const struct job *j)
{
	for (int i = 0; i < j->n; i++)
		if (j->ws[i] == -1)
			return 1;
	return 0;
}

static int status_of(int ws)
{
	if (WIFEXITED(ws))
		return WEXITSTATUS(ws);
	if (WIFSIGNALED(ws))
		return 128 + WTERMSIG(ws);
	if (WIFSTOPPED(ws))
		return 128 + WSTOPSIG(ws);
	return 0;
}

static int job_status(const struct job *j)
{
	return j->n ? status_of(j->ws[j->n - 1]) : 0;
}

static struct job *fg_job; /* not in the table while in the foreground */

/* Record a wait status for whichever job has this pid. */
static void record(pid_t pid, int ws)
{
	struct job *list[2] = { fg_job, jobs };
	for (int k = 0; k < 2; k++)
		for (struct job *j = list[k]; j; j = k ? j->next : NULL)
			for (int i = 0; i < j->n; i++)
				if (j->pids[i] == pid) {
					if (WIFSTOPPED(ws)) {
						j->stopped = 1;
						j->ws[i] = -1;
					} else {
						j->ws[i] = ws;
						/* Ended while stopped (killed): done. */
						if (!running(j))
							j->stopped = 0;
					}
					if (WIFSIGNALED(ws) && k == 0 && WTERMSIG(ws) == SIGINT &&
					    sh.interactive)
						putc('\n', stderr);
					return;
				}
}

/* How a process ended by a signal is told, as bash and dash tell it:
 * strsignal's words (the C library's, as psignal's), and " (core dumped)"
 * when the wait status has the core-dump bit. */
static const char *signal_text(int ws, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s", strsignal(WTERMSIG(ws)), WCOREDUMP(ws) ? " (core dumped)" : "");
	return buf;
}

static const char *state_text(const struct job *j, char *buf, size_t n)
{
	if (j->stopped)
		return "Stopped";
	if (running(j))
		return "Running";
	int ws = j->ws[j->n - 1];
	if (WIFSIGNALED(ws))
		return signal_text(ws, buf, n);
	if (WEXITSTATUS(ws))
		snprintf(buf, n, "Exit %d", WEXITSTATUS(ws));
	else
		snprintf(buf, n, "Done");
	return buf;
}

/* A job's line of jobs and of the announcement of its end. The state
 * column is 24 wide, and a longer state keeps a space before the text. */
static void print_job(FILE *f, const struct job *j)
{
	char buf[64];
	char mark = j == jobs ? '+' : (jobs && j == jobs->next) ? '-' : ' ';
	fprintf(f, "[%d]%c  %-23s %s\n", j->id, mark, state_text(j, buf, sizeof buf), j->text);
}

static void restore_terminal(void)
{
	if (sh.jobctl && sh.tty_fd >= 0)
		term_setpgrp(sh.tty_fd, sh.shell_pgid);
}

int job_wait_fg(struct job *j)
{
	fg_job = j;
	j->stopped = 0;
	while (running(j) && !j->stopped) {
		int ws;
		pid_t pid = waitpid(-1, &ws, sh.jobctl ? WUNTRACED : 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break; /* ECHILD: nothing left to wait for */
		}
		record(pid, ws);
	}
	fg_job = NULL;
	restore_terminal();
	if (j->stopped) {
		if (!j->bg) {
			j->bg = 1;
			j->id = next_id();
			j->next = jobs;
			jobs = j;
		} else {
			/* fg of a table job: it becomes the current one */
			unlink_job(j);
			j->next = jobs;
			jobs = j;
		}
		fputc('\n', stderr);
		print_job(stderr, j);
		return 128 + SIGTSTP;
	}
	/* Killed by a signal the user did not send from the keyboard (^C)
	 * nor one that only ends a pipeline early: said, as bash and dash do. */
	int ws = j->n ? j->ws[j->n - 1] : -1;
	if (ws != -1 && WIFSIGNALED(ws) && WTERMSIG(ws) != SIGINT && WTERMSIG(ws) != SIGPIPE) {
		char buf[64];
		fprintf(stderr, "%s\n", signal_text(ws, buf, sizeof buf));
	}
	int st = job_status(j);
	if (j->bg)
		unlink_job(j);
	job_free(j);
	return st;
}

void job_background(struct job *j)
{
	j->id = next_id();
	j->next = jobs;
	jobs = j;
	if (sh.interactive)
		fprintf(stderr, "[%d] %ld\n", j->id, (long)j->pids[j->n - 1]);
}

void jobs_reap(int announce)
{
	int ws;
	pid_t pid;
	while ((pid = waitpid(-1, &ws, WNOHANG | (sh.jobctl ? WUNTRACED : 0))) > 0)
		record(pid, ws);
	if (!announce)
		return;
	for (struct job *j = jobs, *next; j; j = next) {
		next = j->next;
		if (!running(j) && !j->stopped) {
			print_job(stderr, j);
			unlink_job(j);
			job_free(j);
		}
	}
}

static struct job *find_job(const char *spec)
{
	if (!spec || !strcmp(spec, "%%") || !strcmp(spec, "%+") || !strcmp(spec, "%"))
		return jobs;
	if (!strcmp(spec, "%-"))
		return jobs ? jobs->next : NULL;
	if (spec[0] == '%') {
		char *end;
		long id = strtol(spec + 1, &end, 10);
		for (struct job *j = jobs; j; j = j->next)
			if (*end ? !strncmp(j->text, spec + 1, strlen(spec + 1)) : j->id == id)
				return j;
		return NULL;
	}
	char *end;
	long pid = strtol(spec, &end, 10);
	if (*end)
		return NULL;
	for (struct job *j = jobs; j; j = j->next)
		for (int i = 0; i < j->n; i++)
			if (j->pids[i] == pid)
				return j;
	return NULL;
}

pid_t jobs_spec_pgid(const char *spec, int *stopped)
{
	struct job *j = find_job(spec);
	*stopped = j && j->stopped;
	return j ? j->pgid : 0;
}

void jobs_list(int argc, char **argv)
{
	jobs_reap(0);
	int pids = argc > 1 && !strcmp(argv[1], "-p");
	fflush(stdout);
	for (struct job *j = jobs, *next; j; j = next) {
		next = j->next;
		if (pids)
			printf("%ld\n", (long)j->pgid);
		else
			print_job(stdout, j);
		if (!running(j) && !j->stopped) { /* reported: forgotten */
			unlink_job(j);
			job_free(j);
		}
	}
}

int jobs_fg(const char *spec, int fg)
{
	struct job *j = find_job(spec);
	if (!j) {
		sh_error("%s: %s: no such job", fg ? "fg" : "bg", spec ? spec : "current");
		return 1;
	}
	if (fg)
		printf("%s\n", j->text);
	else
		printf("[%d] %s &\n", j->id, j->text);
	fflush(stdout);
	if (fg && sh.jobctl && sh.tty_fd >= 0)
		term_setpgrp(sh.tty_fd, j->pgid);
	if (sh.jobctl)
		kill(-j->pgid, SIGCONT);
	else
		for (int i = 0; i < j->n; i++)
			kill(j->pids[i], SIGCONT);
	j->stopped = 0;
	if (!fg)
		return 0;
	return job_wait_fg(j);
}

static int wait_one(struct job *j)
{
	while (running(j)) {
		int ws;
		pid_t pid = waitpid(-1, &ws, 0);
		if (pid < 0) {
			if (errno == EINTR) {
				if (sig_pending)
					return 128 + 2; /* interrupted by a trapped signal */
				continue;
			}
			break;
		}
		record(pid, ws);
	}
	int st = job_status(j);
	/* An interactive shell announces the end before its next prompt,
	 * waited for or not, as bash and dash do: the job stays until then. */
	if (!sh.interactive || running(j)) {
		unlink_job(j);
		job_free(j);
	}
	return st;
}

int jobs_wait(const char *spec)
{
	struct job *j = find_job(spec);
	if (!j)
		return 127;
	return wait_one(j);
}

int jobs_wait_all(void)
{
	for (;;) {
		struct job *j = jobs;
		while (j && (j->stopped || !running(j)))
			j = j->next;
		if (!j)
			return 0;
		wait_one(j);
	}
}

void jobs_forget_all(void)
{
	while (jobs) {
		struct job *j = jobs;
		jobs = j->next;
		job_free(j);
	}
}
