// SPDX-License-Identifier: BSD-2-Clause
// chmod [-R] mode file...: sets the mode of each file. mode is octal
// (755) or symbolic as POSIX says: comma-separated clauses
// [ugoa]*[+-=][rwxXst]* or [+-=][ugo] (copying another class's bits);
// without [ugoa] the umask's bits are left alone. -R descends into
// directories (symbolic links are neither followed nor changed). A first
// operand like -w is a mode, not an option.
#include "../lib/children.h"
#include "../lib/util.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { WHO_U = 04700, WHO_G = 02070, WHO_O = 01007, WHO_ALL = 07777 };

/* The bits of perm for the classes in who: "rwx" given as 0007 in each. */
static mode_t spread(mode_t rwx, mode_t who)
{
	return (rwx << 6 | rwx << 3 | rwx) & who & 0777;
}

/* The mode after the symbolic clauses of spec; -1 if spec is not one. */
static long apply_symbolic(const char *spec, mode_t old, bool dir, mode_t mask)
{
	mode_t mode = old & 07777;
	const char *p = spec;
	for (;;) {
		mode_t who = 0;
		for (; strchr("ugoa", *p) && *p; p++)
			who |= *p == 'u' ? WHO_U : *p == 'g' ? WHO_G : *p == 'o' ? WHO_O : WHO_ALL;
		if (!*p || !strchr("+-=", *p))
			return -1;
		while (*p && strchr("+-=", *p)) {
			char op = *p++;
			mode_t bits = 0;
			if (*p && strchr("ugo", *p)) {
				int shift = *p == 'u' ? 6 : *p == 'g' ? 3 : 0;
				bits = spread((mode >> shift) & 7, who ? who : WHO_ALL);
				p++;
			} else {
				for (; *p && strchr("rwxXst", *p); p++) {
					mode_t all = who ? who : WHO_ALL;
					if (*p == 'r')
						bits |= spread(4, all);
					else if (*p == 'w')
						bits |= spread(2, all);
					else if (*p == 'x' || (*p == 'X' && (dir || (old & 0111))))
						bits |= spread(1, all);
					else if (*p == 's')
						bits |= all & (S_ISUID | S_ISGID);
					else if (*p == 't')
						bits |= S_ISVTX;
				}
			}
			if (!who)
				bits &= ~mask;
			if (op == '+')
				mode |= bits;
			else if (op == '-')
				mode &= ~bits;
			else
				mode = (mode & ~(who ? who : WHO_ALL)) | bits;
		}
		if (!*p)
			return (long)mode;
		if (*p++ != ',')
			return -1;
	}
}

static long new_mode(const char *spec, mode_t old, bool dir, mode_t mask)
{
	if (*spec >= '0' && *spec <= '7') {
		char *end;
		long v = strtol(spec, &end, 8);
		return *end || v > 07777 ? -1 : v;
	}
	return apply_symbolic(spec, old, dir, mask);
}

struct change_how {
	const char *spec;
	mode_t mask;
};

static int change(const char *path, const char *spec, mode_t mask, bool recurse, bool top);

static int change_child(const char *child, void *ctx)
{
	const struct change_how *h = ctx;
	return change(child, h->spec, h->mask, true, false);
}

static int change(const char *path, const char *spec, mode_t mask, bool recurse, bool top)
{
	struct stat st;
	if ((top ? stat : lstat)(path, &st) != 0) {
		util_warn(path);
		return 1;
	}
	if (S_ISLNK(st.st_mode))
		return 0;
	int status = 0;
	long mode = new_mode(spec, st.st_mode, S_ISDIR(st.st_mode), mask);
	if (chmod(path, (mode_t)mode) != 0) {
		util_warn(path);
		status = 1;
	}
	if (!recurse || !S_ISDIR(st.st_mode))
		return status;
	return status | util_each_child(path, change_child, &(struct change_how){ spec, mask });
}

int main(int argc, char **argv)
{
	util_init(argv, "chmod");
	/* Not getopt: "-w" is a mode, so an option is only a word of R's. */
	bool recurse = false;
	int optind = 1;
	for (; optind < argc && argv[optind][0] == '-' && argv[optind][1]; optind++) {
		if (!strcmp(argv[optind], "--")) {
			optind++;
			break;
		}
		if (strspn(argv[optind] + 1, "R") != strlen(argv[optind] + 1))
			break;
		recurse = true;
	}
	if (argc - optind < 2) {
		util_warnx(optind < argc ? "missing operand after '%s'" : "missing operand",
			   argv[optind < argc ? optind : 0]);
		return 1;
	}
	const char *spec = argv[optind++];
	mode_t mask = umask(0);
	umask(mask);
	if (new_mode(spec, 0, false, mask) < 0) {
		util_warnx("invalid mode: '%s'", spec);
		return 1;
	}
	int status = 0;
	for (; optind < argc; optind++)
		status |= change(argv[optind], spec, mask, recurse, true);
	return util_finish(status);
}
