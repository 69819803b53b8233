// SPDX-License-Identifier: BSD-2-Clause
// grep [-E|-F|-G] [-ciHhlnqrsvwx] [-e pattern]... [pattern] [file...]:
// prints the lines that match any of the patterns (basic regular
// expressions by default, extended with -E, fixed strings with -F; a
// pattern with newlines is several). -i ignores case, -v selects lines that
// do not match, -w and -x only matches that are whole words or whole lines,
// -c counts, -l names the files, -n numbers the lines, -q prints nothing,
// -s keeps quiet about unreadable files, -r searches directories, -H/-h
// force or hide file names. Status 0 if a line was selected, 1 if none,
// 2 on an error.
#include "../lib/util.h"
#include <ctype.h>
#include <dirent.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

enum mode { BASIC, EXTENDED, FIXED };

static struct {
	enum mode mode;
	bool icase, invert, word, line, count, list, number, quiet, silent, recursive;
	int names; /* -1 never, 1 always, 0 when several files */
} opt;

static char **patterns;
static size_t npatterns;
static regex_t *res;
static bool error, selected_any;

static void add_patterns(const char *text)
{
	/* one pattern per line of text */
	for (const char *p = text;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char **n = realloc(patterns, (npatterns + 1) * sizeof(*n));
		char *copy = strndup(p, len);
		if (!n || !copy) {
			util_warn("memory");
			exit(2);
		}
		patterns = n;
		patterns[npatterns++] = copy;
		if (!nl)
			break;
		p = nl + 1;
	}
}

static bool word_char(int c)
{
	return isalnum(c) || c == '_';
}

/* Whether [so, eo) of line satisfies -w and -x. */
static bool acceptable(const char *line, size_t len, size_t so, size_t eo)
{
	if (opt.line)
		return so == 0 && eo == len;
	if (opt.word)
		return (so == 0 || !word_char((unsigned char)line[so - 1])) &&
			(eo == len || !word_char((unsigned char)line[eo])) && eo > so;
	return true;
}

static bool fixed_match(const char *pat, const char *line, size_t len)
{
	size_t plen = strlen(pat);
	for (size_t so = 0; so + plen <= len; so++) {
		bool same = opt.icase ? !strncasecmp(line + so, pat, plen)
				      : !strncmp(line + so, pat, plen);
		if (same && acceptable(line, len, so, so + plen))
			return true;
		if (opt.line)
			break;
	}
	return false;
}

static bool regex_match(const regex_t *re, const char *line, size_t len)
{
	/* With -w a later start may succeed where the first failed. */
	for (size_t start = 0; start <= len; start++) {
		regmatch_t m;
		if (regexec(re, line + start, 1, &m, start ? REG_NOTBOL : 0))
			return false;
		size_t so = start + (size_t)m.rm_so, eo = start + (size_t)m.rm_eo;
		if (acceptable(line, len, so, eo))
			return true;
		if (!opt.word)
			return false;
		start = so;
	}
	return false;
}

static bool matches(const char *line, size_t len)
{
	for (size_t k = 0; k < npatterns; k++)
		if (opt.mode == FIXED ? fixed_match(patterns[k], line, len)
				      : regex_match(&res[k], line, len))
			return true;
	return false;
}

/* Returns whether a line was selected. */
static bool grep_file(FILE *f, const char *name, bool show_name)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0, count = 0;
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		size_t len = (size_t)n;
		if (len && line[len - 1] == '\n')
			line[--len] = 0;
		if (matches(line, len) == opt.invert)
			continue;
		count++;
		if (opt.quiet) {
			free(line);
			exit(0);
		}
		if (opt.list)
			break;
		if (opt.count)
			continue;
		if (show_name)
			printf("%s:", name);
		if (opt.number)
			printf("%ld:", lineno);
		fwrite(line, 1, len, stdout);
		putchar('\n');
	}
	if (ferror(f)) {
		if (!opt.silent)
			util_warn(name);
		error = true;
	}
	free(line);
	if (opt.count) {
		if (show_name)
			printf("%s:", name);
		printf("%ld\n", count);
	}
	if (opt.list && count)
		puts(name);
	return count > 0;
}

static void grep_path(const char *path, bool show_name)
{
	struct stat st;
	if (!strcmp(path, "-")) {
		selected_any |= grep_file(stdin, "(standard input)", show_name);
		return;
	}
	if (stat(path, &st)) {
		if (!opt.silent)
			util_warn(path);
		error = true;
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!opt.recursive) {
			if (!opt.silent)
				util_warnx("%s: Is a directory", path);
			error = true;
			return;
		}
		DIR *d = opendir(path);
		if (!d) {
			if (!opt.silent)
				util_warn(path);
			error = true;
			return;
		}
		/* sorted, so that the output does not depend on the directory */
		char **names = NULL;
		size_t n = 0;
		struct dirent *e;
		while ((e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			char **nn = realloc(names, (n + 1) * sizeof(*nn));
			if (!nn)
				break;
			names = nn;
			names[n] = malloc(strlen(path) + strlen(e->d_name) + 2);
			if (names[n])
				sprintf(names[n++], "%s%s%s", path,
					path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
		}
		closedir(d);
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
				char *t = names[j];
				names[j] = names[j - 1];
				names[j - 1] = t;
			}
		for (size_t i = 0; i < n; i++) {
			grep_path(names[i], show_name);
			free(names[i]);
		}
		free(names);
		return;
	}
	FILE *f = fopen(path, "r");
	if (!f) {
		if (!opt.silent)
			util_warn(path);
		error = true;
		return;
	}
	selected_any |= grep_file(f, path, show_name);
	fclose(f);
}

int main(int argc, char **argv)
{
	util_init(argv, "grep");
	int c;
	while ((c = getopt(argc, argv, "EFGciHhlnqrRsvwxe:f:")) != -1) {
		switch (c) {
		case 'E': opt.mode = EXTENDED; break;
		case 'F': opt.mode = FIXED; break;
		case 'G': opt.mode = BASIC; break;
		case 'c': opt.count = true; break;
		case 'i': opt.icase = true; break;
		case 'H': opt.names = 1; break;
		case 'h': opt.names = -1; break;
		case 'l': opt.list = true; break;
		case 'n': opt.number = true; break;
		case 'q': opt.quiet = true; break;
		case 'r':
		case 'R': opt.recursive = true; break;
		case 's': opt.silent = true; break;
		case 'v': opt.invert = true; break;
		case 'w': opt.word = true; break;
		case 'x': opt.line = true; break;
		case 'e': add_patterns(optarg); break;
		case 'f': {
			FILE *f = fopen(optarg, "r");
			if (!f) {
				util_warn(optarg);
				return 2;
			}
			char *line = NULL;
			size_t cap = 0;
			ssize_t n;
			while ((n = getline(&line, &cap, f)) >= 0) {
				if (n && line[n - 1] == '\n')
					line[n - 1] = 0;
				add_patterns(line);
			}
			free(line);
			fclose(f);
			break;
		}
		default:
			fprintf(stderr,
				"grep: usage: grep [-E|-F] [-ciHhlnqrsvwx] [-e pattern]... "
				"[pattern] "
				"[file...]\n");
			return 2;
		}
	}
	if (!patterns) {
		if (optind == argc) {
			fprintf(stderr,
				"grep: usage: grep [-E|-F] [-ciHhlnqrsvwx] [-e pattern]... "
				"[pattern] "
				"[file...]\n");
			return 2;
		}
		add_patterns(argv[optind++]);
	}
	if (opt.mode != FIXED) {
		res = calloc(npatterns, sizeof(*res));
		if (!res) {
			util_warn("memory");
			return 2;
		}
		int flags = (opt.mode == EXTENDED ? REG_EXTENDED : 0) | (opt.icase ? REG_ICASE : 0);
		for (size_t k = 0; k < npatterns; k++) {
			int rc = regcomp(&res[k], patterns[k], flags);
			if (rc) {
				char msg[128];
				regerror(rc, &res[k], msg, sizeof(msg));
				util_warnx("%s: %s", patterns[k], msg);
				return 2;
			}
		}
	}
	static char *dash[] = { "-", NULL }, *dot[] = { ".", NULL };
	char **files = optind < argc ? argv + optind : opt.recursive ? dot : dash;
	bool show_name = opt.names == 1 || (opt.names == 0 && (argc - optind > 1 || opt.recursive));
	for (; *files; files++)
		grep_path(*files, show_name);
	int status = error && !(opt.quiet && selected_any) ? 2 : selected_any ? 0 : 1;
	return util_finish(0) ? 2 : status;
}
