// SPDX-License-Identifier: BSD-2-Clause
// ls [-1adhlRA] [file...]: lists files and directories' contents, sorted
// by name (bytes). -a shows names starting with '.', -A all but "." and
// "..", -d lists directories themselves, -R descends, -l gives the long
// form (mode, links, owner, group, size, modification time: month, day
// and time within six months, else the year; links with their target),
// -h sizes in K, M, G, -1 one name per line (the default when the output
// is not a terminal; on one the names go in columns as wide as $COLUMNS).
#include "../lib/users.h"
#include "../lib/util.h"
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static bool opt_a, opt_A, opt_d, opt_h, opt_l, opt_R, one_per_line;
static int status;

struct entry {
	char *name; /* as shown */
	char *path; /* to stat and to descend into */
	struct stat st;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static void size_string(char *buf, size_t n, const struct stat *st)
{
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		snprintf(buf, n, "%u, %u", (unsigned)(st->st_rdev >> 8) & 0xfff,
			 (unsigned)(st->st_rdev & 0xff));
	else if (opt_h)
		util_human_size(buf, n, (double)st->st_size);
	else
		snprintf(buf, n, "%lld", (long long)st->st_size);
}

static void print_long(struct entry *e, size_t n)
{
	int wl = 1, wo = 1, wg = 1, ws = 1;
	char buf[64];
	for (size_t k = 0; k < n; k++) {
		int w = snprintf(buf, sizeof(buf), "%lu", (unsigned long)e[k].st.st_nlink);
		wl = w > wl ? w : wl;
		util_user_name(buf, sizeof(buf), e[k].st.st_uid);
		w = (int)strlen(buf);
		wo = w > wo ? w : wo;
		util_group_name(buf, sizeof(buf), e[k].st.st_gid);
		w = (int)strlen(buf);
		wg = w > wg ? w : wg;
		size_string(buf, sizeof(buf), &e[k].st);
		w = (int)strlen(buf);
		ws = w > ws ? w : ws;
	}
	time_t now = time(NULL);
	for (size_t k = 0; k < n; k++) {
		const struct stat *st = &e[k].st;
		char mode[11], owner[64], group[64], size[64], date[32];
		util_mode_string(st->st_mode, mode);
		util_user_name(owner, sizeof(owner), st->st_uid);
		util_group_name(group, sizeof(group), st->st_gid);
		size_string(size, sizeof(size), st);
		struct tm tm;
		localtime_r(&st->st_mtim.tv_sec, &tm);
		/* "recent" is within six months (of 365.2425 / 2 days) either way */
		long age = (long)(now - st->st_mtim.tv_sec);
		bool recent = age < 15778476 && age > -15778476;
		strftime(date, sizeof(date), recent ? "%b %e %H:%M" : "%b %e  %Y", &tm);
		printf("%s %*lu %-*s %-*s %*s %s %s", mode, wl, (unsigned long)st->st_nlink, wo,
		       owner, wg, group, ws, size, date, e[k].name);
		if (S_ISLNK(st->st_mode)) {
			char target[PATH_MAX];
			ssize_t len = readlink(e[k].path, target, sizeof(target) - 1);
			if (len >= 0)
				printf(" -> %.*s", (int)len, target);
		}
		putchar('\n');
	}
}

static void print_names(struct entry *e, size_t n)
{
	if (one_per_line) {
		for (size_t k = 0; k < n; k++)
			puts(e[k].name);
		return;
	}
	size_t width = 1;
	for (size_t k = 0; k < n; k++)
		if (strlen(e[k].name) + 2 > width)
			width = strlen(e[k].name) + 2;
	/* POSIX: the terminal's width is $COLUMNS */
	long cols = 80;
	const char *env = getenv("COLUMNS");
	if (env && (!util_parse_long(env, &cols) || cols < 1))
		cols = 80;
	size_t per_row = (size_t)cols / width ? (size_t)cols / width : 1;
	size_t rows = (n + per_row - 1) / per_row;
	for (size_t r = 0; r < rows; r++) {
		for (size_t k = r; k < n; k += rows) {
			bool last = k + rows >= n;
			printf("%-*s", last ? 0 : (int)width, e[k].name);
			if (last)
				break;
		}
		putchar('\n');
	}
}

static void print_entries(struct entry *e, size_t n)
{
	qsort(e, n, sizeof(*e), by_name);
	if (opt_l)
		print_long(e, n);
	else
		print_names(e, n);
}

static char *join(const char *dir, const char *name)
{
	size_t d = strlen(dir);
	char *p = malloc(d + strlen(name) + 2);
	if (p)
		sprintf(p, "%s%s%s", dir, d && dir[d - 1] == '/' ? "" : "/", name);
	return p;
}

static void free_entries(struct entry *e, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		free(e[k].name);
		free(e[k].path);
	}
	free(e);
}

static void list_dir(const char *path, bool header, bool first)
{
	DIR *d = opendir(path);
	if (!d) {
		util_warn(path);
		status = 1;
		return;
	}
	struct entry *e = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		const char *nm = de->d_name;
		if (nm[0] == '.' && !opt_a && (!opt_A || !nm[1] || (nm[1] == '.' && !nm[2])))
			continue;
		struct entry *ne = realloc(e, (n + 1) * sizeof(*e));
		if (!ne)
			break;
		e = ne;
		e[n].name = strdup(nm);
		e[n].path = join(path, nm);
		if (!e[n].name || !e[n].path || lstat(e[n].path, &e[n].st)) {
			util_warn(e[n].path ? e[n].path : path);
			status = 1;
			free(e[n].name);
			free(e[n].path);
			continue;
		}
		n++;
	}
	closedir(d);
	if (header)
		printf("%s%s:\n", first ? "" : "\n", path);
	if (opt_l) {
		long long blocks = 0;
		for (size_t k = 0; k < n; k++)
			blocks += e[k].st.st_blocks;
		printf("total %lld\n", (blocks + 1) / 2);
	}
	print_entries(e, n);
	if (opt_R)
		for (size_t k = 0; k < n; k++)
			if (S_ISDIR(e[k].st.st_mode) && strcmp(e[k].name, ".") &&
			    strcmp(e[k].name, ".."))
				list_dir(e[k].path, true, false);
	free_entries(e, n);
}

int main(int argc, char **argv)
{
	util_init(argv, "ls");
	one_per_line = !isatty(STDOUT_FILENO);
	int c;
	while ((c = getopt(argc, argv, "1aAdhlR")) != -1) {
		switch (c) {
		case '1': one_per_line = true; break;
		case 'a': opt_a = true; break;
		case 'A': opt_A = true; break;
		case 'd': opt_d = true; break;
		case 'h': opt_h = true; break;
		case 'l': opt_l = true; break;
		case 'R': opt_R = true; break;
		default: util_usage("[-1aAdhlR] [file...]");
		}
	}
	static char *dot[] = { ".", NULL };
	char **ops = optind < argc ? argv + optind : dot;
	int nops = optind < argc ? argc - optind : 1;
	/* files first (all together), then each directory */
	struct entry *files = calloc((size_t)nops, sizeof(*files)),
		     *dirs = calloc((size_t)nops, sizeof(*dirs));
	size_t nf = 0, nd = 0;
	if (!files || !dirs) {
		util_warn("memory");
		return 2;
	}
	for (int k = 0; k < nops; k++) {
		struct stat st;
		if (lstat(ops[k], &st)) {
			util_warn(ops[k]);
			status = 2;
			continue;
		}
		/* a link to a directory named on the command line is followed */
		struct stat target;
		if (S_ISLNK(st.st_mode) && !opt_l && !opt_d && stat(ops[k], &target) == 0)
			st = target;
		struct entry e = { strdup(ops[k]), strdup(ops[k]), st };
		if (S_ISDIR(st.st_mode) && !opt_d)
			dirs[nd++] = e;
		else
			files[nf++] = e;
	}
	if (nf)
		print_entries(files, nf);
	qsort(dirs, nd, sizeof(*dirs), by_name);
	bool headers = nops > 1 || opt_R;
	for (size_t k = 0; k < nd; k++)
		list_dir(dirs[k].path, headers, k == 0 && nf == 0);
	free_entries(files, nf);
	free_entries(dirs, nd);
	return util_finish(status);
}
