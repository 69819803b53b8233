// SPDX-License-Identifier: BSD-2-Clause
// xargs [-0] [-n number] [-I replstr] [-t] [utility [argument...]]: runs
// utility (echo by default) with arguments read from standard input:
// blank-separated words with '...', "..." and backslash quoting, or with
// -0 NUL-terminated strings. -n puts at most number of them on each
// command line; -I runs the utility once per input line, replstr in the
// arguments replaced by the line; -t shows each command on stderr.
// Status 123 if an invocation failed, 124 if one exited 255, 126 or 127 if
// the utility could not be run or found.
#include "../lib/util.h"
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_LINE_BYTES 131072

static bool trace;

static int run(char **argv)
{
	if (trace) {
		for (int k = 0; argv[k]; k++)
			fprintf(stderr, "%s%s", k ? " " : "", argv[k]);
		fputc('\n', stderr);
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		util_warn("fork");
		exit(1);
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		int err = errno;
		util_warn(argv[0]);
		_exit(err == ENOENT ? 127 : 126);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			util_warn("waitpid");
			exit(1);
		}
	if (WIFSIGNALED(st)) {
		util_warnx("%s: terminated by signal %d", argv[0], WTERMSIG(st));
		exit(125);
	}
	int rc = WEXITSTATUS(st);
	if (rc == 255) {
		util_warnx("%s: exited with status 255; aborting", argv[0]);
		exit(124);
	}
	if (rc == 126 || rc == 127)
		exit(rc);
	return rc ? 123 : 0;
}

/* Appends c to the word being read, growing it; false without memory. */
static bool put(char **w, size_t *n, size_t *cap, int c)
{
	if (*n + 1 >= *cap) {
		char *g = realloc(*w, *cap * 2);
		if (!g)
			return false;
		*w = g;
		*cap *= 2;
	}
	(*w)[(*n)++] = (char)c;
	return true;
}

/* The next argument from stdin, or NULL at the end. */
static char *next_word(bool nul)
{
	size_t cap = 64, n = 0;
	char *w = malloc(cap);
	int c;
	if (!w)
		return NULL;
	if (nul) {
		while ((c = getchar()) != EOF && c)
			if (!put(&w, &n, &cap, c))
				goto nomem;
		if (c == EOF && n == 0) {
			free(w);
			return NULL;
		}
		w[n] = 0;
		return w;
	}
	while ((c = getchar()) != EOF && isspace(c))
		;
	if (c == EOF) {
		free(w);
		return NULL;
	}
	int quote = 0;
	for (; c != EOF; c = getchar()) {
		if (!quote && isspace(c))
			break;
		if (!quote && (c == '\'' || c == '"')) {
			quote = c;
			continue;
		}
		if (quote && c == quote) {
			quote = 0;
			continue;
		}
		if (!quote && c == '\\') {
			c = getchar();
			if (c == EOF)
				break;
		}
		if (quote && c == '\n') {
			util_warnx("unmatched %s quote", quote == '"' ? "double" : "single");
			exit(1);
		}
		if (!put(&w, &n, &cap, c))
			goto nomem;
	}
	if (quote) {
		util_warnx("unmatched %s quote", quote == '"' ? "double" : "single");
		exit(1);
	}
	w[n] = 0;
	return w;
nomem:
	util_warn("memory");
	exit(1);
}

static char *replace(const char *arg, const char *repl, const char *with)
{
	size_t rl = strlen(repl), wl = strlen(with), count = 0;
	for (const char *p = strstr(arg, repl); p && rl; p = strstr(p + rl, repl))
		count++;
	char *out = malloc(strlen(arg) + count * wl + 1), *o = out;
	if (!out)
		return NULL;
	for (const char *p = arg; *p;) {
		if (rl && !strncmp(p, repl, rl)) {
			memcpy(o, with, wl);
			o += wl;
			p += rl;
		} else {
			*o++ = *p++;
		}
	}
	*o = 0;
	return out;
}

int main(int argc, char **argv)
{
	util_init(argv, "xargs");
	bool nul = false;
	long max_args = 0;
	const char *repl = NULL;
	int c;
	while ((c = getopt(argc, argv, "+0n:I:t")) != -1) {
		if (c == '0') {
			nul = true;
		} else if (c == 'n') {
			if (!util_parse_long(optarg, &max_args) || max_args < 1) {
				util_warnx("invalid number for -n: '%s'", optarg);
				return 1;
			}
		} else if (c == 'I') {
			repl = optarg;
		} else if (c == 't') {
			trace = true;
		} else {
			util_usage("[-0t] [-n number] [-I replstr] [utility [argument...]]");
		}
	}
	static char *echo[] = { "echo", NULL };
	char **cmd = optind < argc ? argv + optind : echo;
	int ncmd = optind < argc ? argc - optind : 1;
	int status = 0;
	if (repl) {
		/* one command per line, leading blanks dropped */
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;
		char **args = calloc((size_t)ncmd + 1, sizeof(char *));
		if (!args)
			return 1;
		while ((n = getdelim(&line, &cap, nul ? '\0' : '\n', stdin)) >= 0) {
			if (n && line[n - 1] == (nul ? '\0' : '\n'))
				line[n - 1] = 0;
			char *start = line;
			while (!nul && isblank((unsigned char)*start))
				start++;
			if (!*start && !nul)
				continue;
			for (int k = 0; k < ncmd; k++)
				args[k] = replace(cmd[k], repl, start);
			int rc = run(args);
			if (rc)
				status = rc;
			for (int k = 0; k < ncmd; k++)
				free(args[k]);
		}
		free(line);
		free(args);
		return status;
	}
	size_t cap = 64;
	char **args = malloc(cap * sizeof(char *));
	if (!args)
		return 1;
	char *w = next_word(nul);
	/* no input at all still runs the utility once (POSIX) */
	bool first = true;
	while (w || first) {
		first = false;
		int n = 0;
		size_t bytes = 0;
		for (int k = 0; k < ncmd; k++)
			args[n++] = cmd[k];
		while (w && (max_args == 0 || n - ncmd < max_args) &&
		       (n == ncmd || bytes + strlen(w) < MAX_LINE_BYTES)) {
			if ((size_t)n + 2 > cap) {
				char **na = realloc(args, (cap *= 2) * sizeof(char *));
				if (!na)
					return 1;
				args = na;
			}
			bytes += strlen(w) + 1;
			args[n++] = w;
			w = next_word(nul);
		}
		args[n] = NULL;
		int rc = run(args);
		if (rc)
			status = rc;
		for (int k = ncmd; k < n; k++)
			free(args[k]);
	}
	free(args);
	return status;
}
