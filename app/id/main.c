// SPDX-License-Identifier: BSD-2-Clause
// id [-G | -g | -u] [-nr]: the calling process's user and group ids.
// Without options: "uid=U(name) gid=G(name)", " euid=..." and " egid=..."
// when they differ from the real ones, and " groups=" with every group
// (the real gid, the effective one, then the supplementary ones, each
// once), a name in parentheses where the database has one. -u the
// effective uid, -g the effective gid, -G every group, separated by
// spaces; -r the real id instead, -n names instead of numbers (the number
// where there is no name). The user operand is not supported: it needs a
// group database, which Verdigris does not have.
#include "../lib/util.h"
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <unistd.h>

#define USAGE "[-G | -g | -u] [-nr]"

static const char *user_name(uid_t uid)
{
	const struct passwd *pw = getpwuid(uid);
	return pw ? pw->pw_name : NULL;
}

static const char *group_name(gid_t gid)
{
	const struct group *gr = getgrgid(gid);
	return gr ? gr->gr_name : NULL;
}

/* One id: the number, or the name with -n, or (full form) both. */
static void put(unsigned id, const char *name, bool names, bool full)
{
	if (names && name)
		fputs(name, stdout);
	else
		printf("%u", id);
	if (full && name)
		printf("(%s)", name);
}

/* Every group once: real, effective, then the supplementary ones. */
static int all_groups(gid_t *out)
{
	gid_t sup[NGROUPS_MAX];
	int n = getgroups(NGROUPS_MAX, sup);
	if (n < 0) {
		util_warn("getgroups");
		return -1;
	}
	int k = 0;
	out[k++] = getgid();
	if (getegid() != out[0])
		out[k++] = getegid();
	for (int i = 0; i < n; i++) {
		bool seen = false;
		for (int j = 0; j < k && !seen; j++)
			seen = out[j] == sup[i];
		if (!seen)
			out[k++] = sup[i];
	}
	return k;
}

static int print_groups(char sep, bool names, bool full)
{
	gid_t g[NGROUPS_MAX + 2];
	int n = all_groups(g);
	if (n < 0)
		return 1;
	for (int i = 0; i < n; i++) {
		if (i)
			putchar(sep);
		put(g[i], group_name(g[i]), names, full);
	}
	return 0;
}

static int full(void)
{
	uid_t ruid = getuid(), euid = geteuid();
	gid_t rgid = getgid(), egid = getegid();
	fputs("uid=", stdout);
	put(ruid, user_name(ruid), false, true);
	fputs(" gid=", stdout);
	put(rgid, group_name(rgid), false, true);
	if (euid != ruid) {
		fputs(" euid=", stdout);
		put(euid, user_name(euid), false, true);
	}
	if (egid != rgid) {
		fputs(" egid=", stdout);
		put(egid, group_name(egid), false, true);
	}
	fputs(" groups=", stdout);
	return print_groups(',', false, true);
}

int main(int argc, char **argv)
{
	util_init(argv, "id");
	int c, which = 0, choices = 0;
	bool names = false, real = false;
	while ((c = getopt(argc, argv, "Ggunr")) != -1) {
		switch (c) {
		case 'G':
		case 'g':
		case 'u':
			choices += which != c;
			which = c;
			break;
		case 'n': names = true; break;
		case 'r': real = true; break;
		default: util_usage(USAGE);
		}
	}
	if (optind < argc) {
		util_warnx("extra operand '%s' (no user database)", argv[optind]);
		util_usage_status(USAGE, 1);
	}
	if (choices > 1) {
		util_warnx("cannot print only one of more than one choice");
		util_usage_status(USAGE, 1);
	}
	if ((names || real) && !which) {
		util_warnx("printing only names or real IDs requires -u, -g, or -G");
		util_usage_status(USAGE, 1);
	}
	int status = 0;
	if (which == 'u') {
		uid_t u = real ? getuid() : geteuid();
		put(u, user_name(u), names, false);
	} else if (which == 'g') {
		gid_t g = real ? getgid() : getegid();
		put(g, group_name(g), names, false);
	} else if (which == 'G') {
		status = print_groups(' ', names, false);
	} else {
		status = full();
	}
	putchar('\n');
	return util_finish(status);
}
