// SPDX-License-Identifier: BSD-2-Clause
// The shell's entry: options, the start-up environment, the reading loop
// (interactive with a prompt and line editing, or a script, or -c), error
// reporting and exit.
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct shell sh;
static jmp_buf *abort_jmp; /* the interactive loop, to abandon a command */
extern char **environ;

void sh_error(const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fprintf(stderr, "%s: ", sh.errname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

_Noreturn void sh_exit(int status)
{
	/* The EXIT trap sees $? and does not change the status (unless it
	 * calls exit itself, which comes back here with its own). */
	sh.status = status;
	trap_exit_run();
	fflush(stdout);
	fflush(stderr);
	exit(status & 0xff);
}

_Noreturn void sh_abort(int status)
{
	sh.status = status;
	if (!sh.interactive || !abort_jmp)
		sh_exit(status);
	longjmp(*abort_jmp, 1);
}

static const struct {
	char letter;
	const char *name;
	int *flag;
} options[] = {
	{ 'e', "errexit", &sh.errexit }, { 'f', "noglob", &sh.noglob },
	{ 'm', "monitor", &sh.jobctl },	 { 'n', "noexec", &sh.noexec },
	{ 'u', "nounset", &sh.nounset }, { 'v', "verbose", &sh.verbose },
	{ 'x', "xtrace", &sh.xtrace },	 { 'C', "noclobber", &sh.noclobber },
};
#define NOPTIONS (sizeof options / sizeof options[0])

const char *sh_options(void)
{
	static char buf[NOPTIONS + 2];
	size_t n = 0;
	for (size_t i = 0; i < NOPTIONS; i++)
		if (*options[i].flag)
			buf[n++] = options[i].letter;
	if (sh.interactive)
		buf[n++] = 'i';
	buf[n] = 0;
	return buf;
}

int sh_set_option(char c, int on)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		if (options[i].letter == c) {
			*options[i].flag = on;
			return 0;
		}
	return -1;
}

int sh_set_long_option(const char *name, int on)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		if (!strcmp(options[i].name, name)) {
			*options[i].flag = on;
			return 0;
		}
	return -1;
}

void sh_print_options(void)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		printf("%-16s%s\n", options[i].name, *options[i].flag ? "on" : "off");
}

void child_reset(void)
{
	sh.subshell = 1;
	sh.interactive = 0;
	sh.jobctl = 0;
	traps_reset_in_child();
	jobs_forget_all();
}

static void init_vars(void)
{
	var_import(environ);
	var_set("IFS", " \t\n", 0);
	var_set("PS2", "> ", 0);
	var_set("PS4", "+ ", 0);
	var_set("OPTIND", "1", 0);
	if (!var_get("PS1"))
		var_set("PS1", geteuid() == 0 ? "# " : "$ ", 0);
	char buf[64];
	snprintf(buf, sizeof buf, "%ld", (long)getppid());
	var_set("PPID", buf, 0);
	char *cwd = getcwd(NULL, 0);
	if (cwd) {
		var_set("PWD", cwd, V_EXPORT);
		free(cwd);
	}
}

/* One line from fd 0, a byte at a time so that commands that read their
 * input get the rest of it. NULL at end of input. */
static char *read_plain_line(void)
{
	struct strbuf b = { 0 };
	for (;;) {
		char c;
		ssize_t r = read(0, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (!b.n)
				return NULL;
			break;
		}
		sb_addc(&b, c);
		if (c == '\n')
			break;
	}
	return sb_take(&b);
}

static char *prompt_text(const char *var)
{
	const char *p = var_get(var);
	if (!p)
		return xstrdup("");
	return expand_string(p, EX_STRING);
}

static char *get_line(int use_editor, const char *ps)
{
	if (!sh.interactive)
		return read_plain_line();
	char *prompt = prompt_text(ps);
	char *line;
	if (use_editor) {
		line = line_read(prompt);
	} else {
		fputs(prompt, stderr);
		fflush(stderr);
		line = read_plain_line();
	}
	free(prompt);
	return line;
}

static void setup_job_control(void)
{
	int fd = fcntl(0, F_DUPFD_CLOEXEC, 10);
	if (fd < 0)
		return;
	/* Wait until we are in the foreground, then lead our own group. */
	pid_t pg;
	while ((pg = term_getpgrp(fd)) >= 0 && pg != getpgrp())
		kill(-getpgrp(), SIGTTIN);
	sh.tty_fd = fd;
	setpgid(0, 0);
	sh.shell_pgid = getpgrp();
	term_setpgrp(fd, sh.shell_pgid);
}

/* Read, parse and run commands from fd 0 (interactive or not). */
static int input_loop(void)
{
	int use_editor = sh.interactive && isatty(0);
	jmp_buf jb;
	if (setjmp(jb)) {
		redir_unwind();
		sh.loop_depth = sh.breaks = sh.continues = sh.returning = 0;
		sh.func_depth = sh.dot_depth = sh.errexit_off = 0;
	}
	abort_jmp = &jb;
	for (;;) {
		if (sh.interactive)
			jobs_reap(1);
		if (sig_pending)
			traps_run();
		char *line = get_line(use_editor, "PS1");
		if (!line)
			break;
		struct strbuf cmd = { 0 };
		sb_adds(&cmd, line);
		free(line);
		while (!parse_check_complete(cmd.s)) {
			line = get_line(use_editor, "PS2");
			if (!line)
				break;
			sb_adds(&cmd, line);
			free(line);
		}
		char *text = sb_take(&cmd);
		if (sh.interactive) {
			size_t n = strlen(text);
			while (n && text[n - 1] == '\n')
				n--;
			if (n) {
				char *h = xstrndup(text, n);
				history_add(h);
				free(h);
			}
		}
		/* exec_string may abandon the command by a long jump. */
		static char *running;
		free(running);
		running = text;
		exec_string(running);
		sh.breaks = sh.continues = 0;
		if (sh.returning)
			sh.returning = 0;
	}
	if (sh.interactive)
		fputc('\n', stderr);
	return sh.status;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: sh [-eufxvnCmi] [-o option] [-c command [name [arg...]] | "
		"script [arg...] | -s [arg...]]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	sh.arg0 = argv[0] ? argv[0] : "sh";
	sh.errname = "sh";
	sh.pid = getpid();
	sh.tty_fd = -1;
	init_vars();
	int i = 1, cflag = 0, iflag = 0, sflag = 0, mflag = -1;
	for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		int on = argv[i][0] == '-';
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'c')
				cflag = 1;
			else if (*p == 'i')
				iflag = 1;
			else if (*p == 's')
				sflag = 1;
			else if (*p == 'm')
				mflag = on;
			else if (*p == 'o') {
				if (++i >= argc || sh_set_long_option(argv[i], on) < 0)
					usage();
			} else if (sh_set_option(*p, on) < 0)
				usage();
		}
	}
	if (cflag) {
		if (i >= argc)
			usage();
		const char *cmd = argv[i++];
		if (i < argc)
			sh.arg0 = argv[i++];
		pos_set(argv + i, argc - i);
		signals_init();
		sh_exit(exec_string(cmd));
	}
	if (i < argc && !sflag) {
		const char *script = argv[i++];
		sh.arg0 = (char *)script;
		sh.errname = script;
		pos_set(argv + i, argc - i);
		int fd = open(script, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			sh_error("%s: %s", script, strerror(errno));
			exit(errno == ENOENT ? 127 : 126);
		}
		signals_init();
		int st = exec_file(fd);
		close(fd);
		sh_exit(st);
	}
	pos_set(argv + i, argc - i);
	sh.interactive = iflag || (isatty(0) && isatty(2));
	if (sh.interactive) {
		sh.jobctl = mflag >= 0 ? mflag : isatty(0);
		if (sh.jobctl)
			setup_job_control();
		if (sh.tty_fd < 0)
			sh.jobctl = 0;
	}
	signals_init();
	sh_exit(input_loop());
}
