// SPDX-License-Identifier: BSD-2-Clause
// sed [-nE] script [file...], sed [-nE] [-e script] [-f file]... [file...]:
// the stream editor of POSIX (s with g, p and N flags, & and \1-\9; d, D,
// p, P, q, Q, a, i, c, y, =, n, N, g, G, h, H, x, b, t, :label, { });
// addresses by line number, $, /re/ or \cREc, ranges, ! negation.
// -E (or -r) takes extended regular expressions. Exit status: 0, 1 for a
// bad script or usage, 2 if an input file could not be read (as GNU's).
#include "../lib/util.h"
#include "sed.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct text {
	char *s;
	size_t len;
};

static void add_piece(struct text *t, const char *s, size_t n)
{
	t->s = realloc(t->s, t->len + n + 2);
	if (!t->s) {
		util_warnx("out of memory");
		exit(4);
	}
	if (t->len)
		t->s[t->len++] = '\n';
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = 0;
}

static bool add_file(struct text *t, const char *path)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (!f) {
		util_warn(path);
		return false;
	}
	char *all = NULL;
	size_t len = 0;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		all = realloc(all, len + n + 1);
		if (!all)
			exit(4);
		memcpy(all + len, chunk, n);
		len += n;
	}
	if (f != stdin)
		fclose(f);
	if (len && all[len - 1] == '\n')
		len--;
	add_piece(t, all ? all : "", len);
	free(all);
	return true;
}

int main(int argc, char **argv)
{
	util_init(argv, "sed");
	static const char usage[] = "[-nE] [-e script] [-f file] [script] [file...]";
	struct text script = { 0 };
	bool quiet = false, have_script = false;
	int cflags = 0, c;
	while ((c = getopt(argc, argv, "nEre:f:")) != -1) {
		switch (c) {
		case 'n': quiet = true; break;
		case 'E':
		case 'r': cflags |= REG_EXTENDED; break;
		case 'e':
			add_piece(&script, optarg, strlen(optarg));
			have_script = true;
			break;
		case 'f':
			if (!add_file(&script, optarg))
				return 1;
			have_script = true;
			break;
		default: util_usage_status(usage, 1);
		}
	}
	if (!have_script) {
		if (optind == argc)
			util_usage_status(usage, 1);
		add_piece(&script, argv[optind], strlen(argv[optind]));
		optind++;
	}
	struct sed_script s;
	if (!sed_compile(&s, script.s, cflags)) {
		sed_free(&s);
		free(script.s);
		return 1;
	}
	static char *dash[] = { "-", NULL };
	int status = sed_run(&s, optind < argc ? argv + optind : dash, quiet);
	sed_free(&s);
	free(script.s);
	return util_finish(status);
}
