// SPDX-License-Identifier: BSD-2-Clause
// A program for the credentials tests (t_vfs_perm.c), started by the root
// task as root:
//   credchild groups   takes the supplementary groups 300 and 301, becomes
//                      uid 1000 (saved uid 0) and gid 1000 (saved gid 50)
//                      and checks what the groups grant and refuse in
//                      /tmp/grp (prepared by the test), chown to a group,
//                      switching the effective ids between real and saved,
//                      what children inherit, and dropping for good
//   credchild saved    exits 0 when its ids are uid 1000 and gid 1000, all
//                      three (getauxval's AT_UID, AT_GID and AT_EGID
//                      too), and its groups 300 and 301 (what a new
//                      program gets from the above: saved := effective)
//   credchild ids R E S RG EG SG [file]
//                      exits 0 when its user ids are R E S and its group
//                      ids RG EG SG (a set-user-ID or set-group-ID copy of
//                      it, t_setuid.c), the process server shows E as its
//                      uid, and, with file, when it can read file, and
//                      secure_getenv gives CRED_PROBE exactly when the ids
//                      are all the same (not set-id), as getauxval's
//                      AT_SECURE and issetugid say, AT_UID and AT_EUID
//                      are the real and effective uids and AT_GID and
//                      AT_EGID the gids (the page saying so cannot be
//                      made writable); else 1
// Exit status: 0, or the line of the first check that failed.
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <proc.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vg/vg.h>

#define EXPECT(c)                                                         \
	do {                                                              \
		if (!(c)) {                                               \
			printf("credchild: line %d: %s\n", __LINE__, #c); \
			return __LINE__;                                  \
		}                                                         \
	} while (0)
#define FAILS(expr, e) EXPECT((expr) == -1 && errno == (e))

static int uids_are(uid_t r, uid_t e, uid_t s)
{
	uid_t a, b, c;
	return getresuid(&a, &b, &c) == 0 && a == r && b == e && c == s && getuid() == r &&
		geteuid() == e;
}

static int gids_are(gid_t r, gid_t e, gid_t s)
{
	gid_t a, b, c;
	return getresgid(&a, &b, &c) == 0 && a == r && b == e && c == s && getgid() == r &&
		getegid() == e;
}

static int groups_are_300_301(void)
{
	gid_t g[NGROUPS_MAX];
	return getgroups(0, NULL) == 2 && getgroups(NGROUPS_MAX, g) == 2 && g[0] == 300 &&
		g[1] == 301;
}

/* The process server's uid of us (ps's, kill's), or -1. */
static long server_uid(void)
{
	struct proc_info info;
	char args[PROC_PROCESS_NEXT_ARGS_MAX + 1];
	vg_handle_t ps = vg_startup_find(VG_HTAG_PROC, 0);
	for (int32_t after = 0; !proc_process_next(ps, after, &info, args); after = info.pid)
		if (info.pid == getpid())
			return info.uid;
	return -1;
}

/* getauxval's page, from the process server, stays read-only; types
 * nobody gives are 0 with ENOENT. */
static bool aux_sound(void)
{
	uint64_t aux = vg_startup()->aux;
	if (!aux || vg_vm_protect(vg_self(), aux, 4096, VG_VM_READ | VG_VM_WRITE) == 0)
		return false;
	errno = 0;
	if (getauxval(AT_NULL) != 0 || errno != ENOENT)
		return false;
	errno = 0;
	return getauxval(AT_PAGESZ) == 4096 && errno == 0;
}

static int readable(const char *path)
{
	int fd = open(path, O_RDONLY);
	return fd >= 0 && close(fd) == 0;
}

static int denied(const char *path)
{
	return open(path, O_RDONLY) == -1 && errno == EACCES;
}

/* As root: the list, its limits, then the ids with saved ones apart. */
static int take_groups(void)
{
	gid_t none[1], many[NGROUPS_MAX + 1];
	EXPECT(getgroups(0, NULL) == 0);
	gid_t g[NGROUPS_MAX];
	/* nobody is in no group of /etc/group: initgroups gives the one group. */
	EXPECT(initgroups("nobody", 77) == 0 && getgroups(NGROUPS_MAX, g) == 1 && g[0] == 77);
	EXPECT(setgroups(2, (gid_t[]){ 300, 301 }) == 0);
	EXPECT(groups_are_300_301());
	FAILS(getgroups(1, none), EINVAL); /* too small for the list */
	FAILS(getgroups(-1, none), EINVAL);
	for (int i = 0; i <= NGROUPS_MAX; i++)
		many[i] = (gid_t)(500 + i);
	FAILS(setgroups(NGROUPS_MAX + 1, many), EINVAL);
	FAILS(setgroups(1, (gid_t[]){ (gid_t)-1 }), EINVAL);
	EXPECT(groups_are_300_301()); /* the failures changed nothing */
	EXPECT(setresgid(1000, 1000, 50) == 0 && gids_are(1000, 1000, 50));
	EXPECT(setresuid(1000, 1000, 0) == 0 && uids_are(1000, 1000, 0));
	EXPECT(groups_are_300_301()); /* changing ids keeps the groups */
	return 0;
}

/* Uid 1000 in groups 300 and 301, effective gid 1000. */
static int group_access(void)
{
	EXPECT(readable("/tmp/grp/g300")); /* 0640, group 300 */
	EXPECT(readable("/tmp/grp/g301"));
	EXPECT(denied("/tmp/grp/g400")); /* 0640, group 400: not ours */
	EXPECT(denied("/tmp/grp/g300none")); /* 0604, group 300: its bits, not others' */
	EXPECT(access("/tmp/grp/g300", R_OK) == 0); /* the real ids' groups too */
	FAILS(access("/tmp/grp/g400", R_OK), EACCES);
	FAILS(setgroups(0, NULL), EPERM); /* not root (root is only saved) */
	FAILS(setgroups(1, (gid_t[]){ 300 }), EPERM);
	EXPECT(groups_are_300_301());
	/* chown to a group: the effective gid or a supplementary one. */
	int fd = open("/tmp/grp/mine/f", O_CREAT | O_WRONLY, 0640);
	EXPECT(fd >= 0 && close(fd) == 0);
	struct stat st;
	EXPECT(stat("/tmp/grp/mine/f", &st) == 0 && st.st_uid == 1000 && st.st_gid == 1000);
	EXPECT(chown("/tmp/grp/mine/f", (uid_t)-1, 301) == 0);
	EXPECT(stat("/tmp/grp/mine/f", &st) == 0 && st.st_gid == 301);
	FAILS(chown("/tmp/grp/mine/f", (uid_t)-1, 400), EPERM);
	FAILS(chown("/tmp/grp/mine/f", (uid_t)-1, 50), EPERM); /* saved gid: not a member */
	EXPECT(chown("/tmp/grp/mine/f", (uid_t)-1, 1000) == 0);
	EXPECT(unlink("/tmp/grp/mine/f") == 0);
	return 0;
}

/* The effective ids go to the saved ones and back, as often as wanted:
 * each switch is a new entry of the VFS's table and the old one is freed,
 * so many more switches than the table has entries all work. */
static int saved_switching(void)
{
	EXPECT(seteuid(0) == 0 && uids_are(1000, 0, 0));
	EXPECT(readable("/tmp/grp/g400")); /* root again */
	EXPECT(seteuid(1000) == 0 && uids_are(1000, 1000, 0));
	EXPECT(denied("/tmp/grp/g400"));
	EXPECT(setegid(50) == 0 && gids_are(1000, 50, 50));
	EXPECT(setegid(1000) == 0 && gids_are(1000, 1000, 50));
	FAILS(setegid(300), EPERM); /* a supplementary group is not an id to take */
	FAILS(seteuid(5), EPERM);
	FAILS(setresuid((uid_t)-1, (uid_t)-1, 5), EPERM);
	/* setuid to the saved id moves the effective one only. */
	EXPECT(setuid(0) == 0 && uids_are(1000, 0, 0));
	EXPECT(seteuid(1000) == 0);
	for (int i = 0; i < 1500; i++)
		EXPECT(seteuid(i & 1 ? 1000 : 0) == 0);
	EXPECT(uids_are(1000, 1000, 0));
	/* setreuid: the effective one to something but the real id sets
	 * saved too (Linux); the real one only to real or effective. */
	FAILS(setreuid(0, (uid_t)-1), EPERM); /* 0 is only saved */
	EXPECT(setreuid((uid_t)-1, 1000) == 0 && uids_are(1000, 1000, 0));
	return 0;
}

/* fork keeps every id; a new program's saved ids are its effective ones. */
static int children(void)
{
	int st;
	pid_t pid = fork();
	if (pid == 0)
		_exit(uids_are(1000, 1000, 0) && gids_are(1000, 1000, 50) && groups_are_300_301() &&
				      seteuid(0) == 0 && readable("/tmp/grp/g400")
			      ? 0
			      : 1);
	EXPECT(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	EXPECT(uids_are(1000, 1000, 0)); /* the child's seteuid was its own */
	char *argv[] = { "credchild", "saved", NULL }, *envp[] = { NULL };
	EXPECT(posix_spawn(&pid, "/bin/credchild", NULL, NULL, argv, envp) == 0);
	EXPECT(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	/* What id(1) makes of it: every group once, the real one first. */
	EXPECT(setegid(50) == 0);
	posix_spawn_file_actions_t fa;
	EXPECT(posix_spawn_file_actions_init(&fa) == 0);
	EXPECT(posix_spawn_file_actions_addopen(&fa, 1, "/tmp/grp/mine/id.out",
						O_CREAT | O_TRUNC | O_WRONLY, 0644) == 0);
	char *id_argv[] = { "id", NULL };
	EXPECT(posix_spawn(&pid, "/bin/id", &fa, NULL, id_argv, envp) == 0);
	EXPECT(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	posix_spawn_file_actions_destroy(&fa);
	EXPECT(setegid(1000) == 0);
	char out[128] = { 0 };
	int fd = open("/tmp/grp/mine/id.out", O_RDONLY);
	EXPECT(fd >= 0 && read(fd, out, sizeof(out) - 1) > 0 && close(fd) == 0);
	EXPECT(!strcmp(out,
		       "uid=1000(user) gid=1000(user) egid=50 groups=1000(user),50,300,301\n"));
	EXPECT(unlink("/tmp/grp/mine/id.out") == 0);
	return 0;
}

/* Root's setuid sets all three: no way back. */
static int for_good(void)
{
	EXPECT(seteuid(0) == 0);
	EXPECT(setgid(1000) == 0 && gids_are(1000, 1000, 1000));
	EXPECT(setuid(1000) == 0 && uids_are(1000, 1000, 1000));
	FAILS(seteuid(0), EPERM);
	FAILS(setuid(0), EPERM);
	FAILS(setegid(50), EPERM);
	EXPECT(denied("/tmp/grp/g400") && readable("/tmp/grp/g300"));
	return 0;
}

static int groups(void)
{
	int r;
	if ((r = take_groups()) || (r = group_access()) || (r = saved_switching()) ||
	    (r = children()) || (r = for_good()))
		return r;
	return 0;
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";
	if (!strcmp(what, "groups"))
		return groups();
	if (!strcmp(what, "saved"))
		return uids_are(1000, 1000, 1000) && gids_are(1000, 1000, 1000) &&
				groups_are_300_301() && getauxval(AT_UID) == 1000 &&
				getauxval(AT_GID) == 1000 && getauxval(AT_EGID) == 1000
			? 0
			: 1;
	if (!strcmp(what, "ids") && (argc == 8 || argc == 9)) {
		unsigned id[6];
		for (int i = 0; i < 6; i++)
			id[i] = (unsigned)strtoul(argv[2 + i], NULL, 10);
		/* secure_getenv hides CRED_PROBE exactly when the ids differ. */
		bool setid = id[0] != id[1] || id[0] != id[2] || id[3] != id[4] || id[3] != id[5];
		const char *probe = getenv("CRED_PROBE");
		return uids_are(id[0], id[1], id[2]) && gids_are(id[3], id[4], id[5]) &&
				server_uid() == id[1] && (argc == 8 || readable(argv[8])) &&
				secure_getenv("CRED_PROBE") == (setid ? NULL : probe) &&
				getauxval(AT_SECURE) == setid && issetugid() == setid &&
				getauxval(AT_UID) == id[0] && getauxval(AT_EUID) == id[1] &&
				getauxval(AT_GID) == id[3] && getauxval(AT_EGID) == id[4] &&
				aux_sound()
			? 0
			: 1;
	}
	return 127;
}
