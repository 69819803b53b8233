// SPDX-License-Identifier: BSD-2-Clause
// id [-G | -g | -u] [-nr] [user]: the calling process's user and group
// ids, or those /etc/passwd and /etc/group give user (a name or a number).
// Without options: "uid=U(name) gid=G(name)", " euid=..." and " egid=..."
// when they differ from the real ones, and " groups=" with every group
// (the real gid, the effective one, then the supplementary ones, each
// once), a name in parentheses where the database has one. -u the
// effective uid, -g the effective gid, -G every group, separated by
// spaces; -r the real id instead, -n names instead of numbers (the number
// where there is no name). For a user operand the real and effective ids
// are its entry's, the groups its login group and every group listing it.
#include "../lib/users.h"
#include "../lib/util.h"
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#define USAGE "[-G | -g | -u] [-nr] [user]"

/* Whose ids: the process's, or a user's of the database. */
static const struct passwd *who;

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

/* Appends g to out[0..k) unless it is there; the new count. */
static int add_group(gid_t *out, int k, gid_t g)
{
	for (int j = 0; j < k; j++)
		if (out[j] == g)
			return k;
	out[k] = g;
	return k + 1;
}

/* The groups of the operand's user: its login group, then every group of
 * /etc/group that lists it (getgrent: getgrouplist is not POSIX). */
static int user_groups(gid_t *out)
{
	int k = add_group(out, 0, who->pw_gid);
	char name[256];
	snprintf(name, sizeof(name), "%s", who->pw_name);
	const struct group *gr;
	setgrent();
	while ((gr = getgrent()) && k < NGROUPS_MAX + 2)
		for (char **m = gr->gr_mem; *m; m++)
			if (!strcmp(*m, name))
				k = add_group(out, k, gr->gr_gid);
	endgrent();
	return k;
}

/* Every group once: real, effective, then the supplementary ones. */
static int all_groups(gid_t *out)
{
	if (who)
		return user_groups(out);
	gid_t sup[NGROUPS_MAX];
	int n = getgroups(NGROUPS_MAX, sup);
	if (n < 0) {
		util_warn("getgroups");
		return -1;
	}
	int k = add_group(out, 0, getgid());
	k = add_group(out, k, getegid());
	for (int i = 0; i < n; i++)
		k = add_group(out, k, sup[i]);
	return k;
}

static uid_t real_uid(void)
{
	return who ? who->pw_uid : getuid();
}

static uid_t eff_uid(void)
{
	return who ? who->pw_uid : geteuid();
}

static gid_t real_gid(void)
{
	return who ? who->pw_gid : getgid();
}

static gid_t eff_gid(void)
{
	return who ? who->pw_gid : getegid();
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
	uid_t ruid = real_uid(), euid = eff_uid();
	gid_t rgid = real_gid(), egid = eff_gid();
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
	if (argc - optind > 1) {
		util_warnx("extra operand '%s'", argv[optind + 1]);
		util_usage_status(USAGE, 1);
	}
	if (optind < argc) {
		uid_t uid;
		if (!util_parse_user(argv[optind], &uid) || !(who = getpwuid(uid))) {
			util_warnx("'%s': no such user", argv[optind]);
			return 1;
		}
		/* Kept: later lookups reuse getpwuid's static entry. */
		static struct passwd copy;
		static char name[256];
		copy = *who;
		snprintf(name, sizeof(name), "%s", who->pw_name);
		copy.pw_name = name;
		who = &copy;
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
		uid_t u = real ? real_uid() : eff_uid();
		put(u, user_name(u), names, false);
	} else if (which == 'g') {
		gid_t g = real ? real_gid() : eff_gid();
		put(g, group_name(g), names, false);
	} else if (which == 'G') {
		status = print_groups(' ', names, false);
	} else {
		status = full();
	}
	putchar('\n');
	return util_finish(status);
}
