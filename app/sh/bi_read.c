// SPDX-License-Identifier: BSD-2-Clause
// Input builtins: read (IFS splitting, backslash escapes unless -r) and
// getopts.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"

static int is_ifs(const char *ifs, char c, int ws)
{
	if (!strchr(ifs, c) || !c)
		return 0;
	int space = c == ' ' || c == '\t' || c == '\n';
	return ws < 0 || ws == space;
}

int bi_read(int argc, char **argv)
{
	int raw = 0, i = 1;
	const char *prompt = NULL;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'r')
				raw = 1;
			else if (*p == 'p' && i + 1 < argc) {
				prompt = argv[++i];
				break;
			} else {
				sh_error("read: -%c: bad option", *p);
				return 2;
			}
		}
	}
	if (prompt && isatty(0)) {
		fputs(prompt, stderr);
		fflush(stderr);
	}
	/* The line, with a mark on characters a backslash protected. */
	struct strbuf line = { 0 }, esc = { 0 };
	int eof = 0;
	for (;;) {
		char c;
		ssize_t r = read(0, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			eof = 1;
			break;
		}
		if (c == '\n')
			break;
		if (c == '\\' && !raw) {
			r = read(0, &c, 1);
			if (r <= 0) {
				eof = 1;
				break;
			}
			if (c == '\n')
				continue;
			sb_addc(&line, c);
			sb_addc(&esc, 1);
			continue;
		}
		sb_addc(&line, c);
		sb_addc(&esc, 0);
	}
	const char *ifs = var_get("IFS");
	if (!ifs)
		ifs = " \t\n";
	const char *s = line.s ? line.s : "";
	const char *e = esc.s ? esc.s : "";
	size_t n = line.n, p = 0;
	char *reply[] = { "REPLY", NULL };
	char **vars = i < argc ? argv + i : reply;
	while (p < n && !e[p] && is_ifs(ifs, s[p], 1))
		p++;
	for (int v = 0; vars[v]; v++) {
		struct strbuf f = { 0 };
		if (!vars[v + 1]) {
			/* The last variable: the rest, less trailing IFS white space. */
			size_t end = n;
			while (end > p && !e[end - 1] && is_ifs(ifs, s[end - 1], 1))
				end--;
			sb_addn(&f, s + p, end - p);
			p = n;
		} else {
			while (p < n && (e[p] || !is_ifs(ifs, s[p], -1)))
				sb_addc(&f, s[p++]);
			while (p < n && !e[p] && is_ifs(ifs, s[p], 1))
				p++;
			if (p < n && !e[p] && is_ifs(ifs, s[p], 0)) {
				p++;
				while (p < n && !e[p] && is_ifs(ifs, s[p], 1))
					p++;
			}
		}
		char *val = sb_take(&f);
		var_set(vars[v], val, 0);
		free(val);
	}
	sb_free(&line);
	sb_free(&esc);
	return eof;
}

static int getopts_pos = 1; /* the next character within the current argument */
static long getopts_last = -1;

int bi_getopts(int argc, char **argv)
{
	if (argc < 3) {
		sh_error("getopts: usage: getopts optstring name [arg...]");
		return 2;
	}
	const char *opts = argv[1], *name = argv[2];
	char **args = argc > 3 ? argv + 3 : pos.v;
	int nargs = argc > 3 ? argc - 3 : pos.n;
	const char *oi = var_get("OPTIND");
	long optind = oi ? strtol(oi, NULL, 10) : 1;
	if (optind < 1)
		optind = 1;
	if (optind != getopts_last)
		getopts_pos = 1;
	int silent = opts[0] == ':';
	char buf[32];
	int st = 0;
	if (optind > nargs ||
	    (getopts_pos == 1 && (args[optind - 1][0] != '-' || !args[optind - 1][1]))) {
		st = 1;
	} else if (getopts_pos == 1 && !strcmp(args[optind - 1], "--")) {
		optind++;
		st = 1;
	}
	if (st) {
		var_set(name, "?", 0);
		var_unset("OPTARG");
	} else {
		const char *arg = args[optind - 1];
		char c = arg[getopts_pos++];
		const char *spec = c == ':' ? NULL : strchr(opts + silent, c);
		char opt[2] = { c, 0 };
		if (!arg[getopts_pos]) {
			optind++;
			getopts_pos = 1;
		}
		if (!spec) {
			if (silent)
				var_set("OPTARG", opt, 0);
			else {
				sh_error("Illegal option -%c", c);
				var_unset("OPTARG");
			}
			var_set(name, "?", 0);
		} else if (spec[1] == ':') {
			if (getopts_pos > 1) { /* the rest of this argument */
				var_set("OPTARG", arg + getopts_pos, 0);
				optind++;
				getopts_pos = 1;
				var_set(name, opt, 0);
			} else if (optind <= nargs) {
				var_set("OPTARG", args[optind - 1], 0);
				optind++;
				var_set(name, opt, 0);
			} else if (silent) {
				var_set("OPTARG", opt, 0);
				var_set(name, ":", 0);
			} else {
				sh_error("No arg for -%c option", c);
				var_unset("OPTARG");
				var_set(name, "?", 0);
			}
		} else {
			var_set(name, opt, 0);
			var_unset("OPTARG");
		}
	}
	snprintf(buf, sizeof buf, "%ld", optind);
	var_set("OPTIND", buf, 0);
	getopts_last = optind;
	return st;
}
