// SPDX-License-Identifier: BSD-2-Clause
// A program for the file system tests (t_vfs_perm.c, t_vfs_locks.c,
// t_pipe.c), started by the root task as root:
//   permchild drop        checks effective against real ids, drops to uid
//                         and gid 1000 and checks what a user may and may
//                         not do in /tmp/perm (prepared by the test)
//   permchild ids U       exits 0 when its ids are all U (inheritance)
//   permchild cwd PATH    exits 0 when its working directory is PATH and a
//                         relative name opens there
//   permchild lock PATH   write-locks all of PATH, then sleeps to be killed
//   permchild hold        writes "x" to descriptor 3 (when that works),
//                         then sleeps to be killed
//   permchild bigfork PATH  writes 256 KiB to a new PATH, forks; the child
//                         writes 256 KiB more, then the parent 256 KiB, all
//                         through the direct data path (t_vfs_direct.c)
//   permchild as ID PROG ARGS...  becomes uid and gid ID for good, then runs
//                         PROG (t_realtime.c, and tools/scenario.py: a
//                         user's `date -s` from root's shell)
// Exit status: 0, or the line of the first check that failed.
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define EXPECT(c)                                                         \
	do {                                                              \
		if (!(c)) {                                               \
			printf("permchild: line %d: %s\n", __LINE__, #c); \
			return __LINE__;                                  \
		}                                                         \
	} while (0)
#define FAILS(expr, e) EXPECT((expr) == -1 && errno == (e))

static int closes(int fd)
{
	return fd >= 0 && close(fd) == 0;
}

static int ids_are(unsigned id)
{
	return getuid() == id && geteuid() == id && getgid() == id && getegid() == id;
}

/* Root with another effective uid: access() asks with the real one. */
static int effective_and_real(void)
{
	EXPECT(ids_are(0));
	EXPECT(seteuid(1000) == 0);
	EXPECT(getuid() == 0 && geteuid() == 1000);
	FAILS(open("/tmp/perm/secret", O_RDONLY), EACCES);
	EXPECT(access("/tmp/perm/secret", R_OK) == 0);
	EXPECT(seteuid(0) == 0); /* back: 0 is its real uid */
	EXPECT(closes(open("/tmp/perm/secret", O_RDONLY)));
	FAILS(access("/tmp/perm/script", X_OK), EACCES); /* root needs an x bit */
	EXPECT(access("/tmp/perm/exe", X_OK) == 0);
	return 0;
}

static int reading_and_writing(void)
{
	FAILS(open("/tmp/perm/secret", O_RDONLY), EACCES);
	EXPECT(closes(open("/tmp/perm/public", O_RDONLY)));
	FAILS(open("/tmp/perm/public", O_WRONLY), EACCES);
	FAILS(open("/tmp/perm/public", O_RDWR), EACCES);
	FAILS(open("/tmp/perm/public", O_RDONLY | O_TRUNC), EACCES);
	EXPECT(closes(open("/tmp/perm/shared", O_RDWR)));
	FAILS(open("/tmp/perm/new", O_CREAT | O_WRONLY, 0644), EACCES);
	/* O_CREAT of a name that exists needs no write on the directory. */
	EXPECT(closes(open("/tmp/perm/public", O_CREAT | O_RDONLY, 0644)));
	FAILS(truncate("/tmp/perm/public", 0), EACCES);
	EXPECT(truncate("/tmp/perm/shared", 0) == 0);
	FAILS(utimensat(AT_FDCWD, "/tmp/perm/public", NULL, 0), EACCES);
	EXPECT(utimensat(AT_FDCWD, "/tmp/perm/shared", NULL, 0) == 0);
	struct timespec t[2] = { { 1, 0 }, { 2, 0 } };
	FAILS(utimensat(AT_FDCWD, "/tmp/perm/shared", t, 0), EPERM); /* not the owner */
	return 0;
}

static int searching(void)
{
	struct stat st;
	FAILS(stat("/tmp/perm/closed/f", &st), EACCES);
	FAILS(open("/tmp/perm/closed/f", O_RDONLY), EACCES);
	FAILS(open("/tmp/perm/closed", O_RDONLY | O_DIRECTORY), EACCES);
	EXPECT(stat("/tmp/perm/closed", &st) == 0); /* its parent is searchable */
	FAILS(access("/tmp/perm/secret", R_OK), EACCES);
	EXPECT(access("/tmp/perm/public", R_OK) == 0);
	FAILS(access("/tmp/perm/public", W_OK), EACCES);
	EXPECT(access("/tmp/perm/exe", X_OK) == 0);
	FAILS(access("/tmp/perm/script", X_OK), EACCES);
	return 0;
}

static int names(void)
{
	FAILS(unlink("/tmp/perm/public"), EACCES);
	FAILS(rename("/tmp/perm/public", "/tmp/perm/mine/x"), EACCES);
	FAILS(mkdir("/tmp/perm/d", 0755), EACCES);
	FAILS(link("/tmp/perm/public", "/tmp/perm/l"), EACCES);
	FAILS(symlink("public", "/tmp/perm/s"), EACCES);
	int fd = open("/tmp/perm/mine/f", O_CREAT | O_WRONLY, 0640);
	EXPECT(closes(fd));
	struct stat st;
	EXPECT(stat("/tmp/perm/mine/f", &st) == 0 && st.st_uid == 1000 && st.st_gid == 1000);
	EXPECT(mkdir("/tmp/perm/mine/sub", 0700) == 0);
	EXPECT(rename("/tmp/perm/mine/f", "/tmp/perm/mine/g") == 0);
	EXPECT(link("/tmp/perm/public", "/tmp/perm/mine/pl") == 0);
	EXPECT(unlink("/tmp/perm/mine/pl") == 0);
	/* The sticky directory: others' names stay, one's own go. */
	FAILS(unlink("/tmp/perm/sticky/rootfile"), EPERM);
	FAILS(rename("/tmp/perm/sticky/rootfile", "/tmp/perm/sticky/x"), EPERM);
	EXPECT(closes(open("/tmp/perm/sticky/own", O_CREAT | O_WRONLY, 0600)));
	EXPECT(unlink("/tmp/perm/sticky/own") == 0);
	FAILS(mknod("/tmp/perm/mine/dev", S_IFCHR | 0600, 0x100), EPERM);
	return 0;
}

static int owners(void)
{
	FAILS(chmod("/tmp/perm/public", 0666), EPERM);
	EXPECT(chmod("/tmp/perm/mine/g", 0600) == 0);
	FAILS(chown("/tmp/perm/mine/g", 0, 1000), EPERM);
	FAILS(chown("/tmp/perm/mine/g", 1000, 0), EPERM);
	EXPECT(chown("/tmp/perm/mine/g", 1000, 1000) == 0);
	FAILS(chown("/tmp/perm/public", 1000, 1000), EPERM);
	/* An unprivileged chown clears set-user-ID. */
	struct stat st;
	EXPECT(chmod("/tmp/perm/mine/g", 04755) == 0);
	EXPECT(chown("/tmp/perm/mine/g", (uid_t)-1, 1000) == 0);
	EXPECT(stat("/tmp/perm/mine/g", &st) == 0 && (st.st_mode & 07777) == 0755);
	EXPECT(unlink("/tmp/perm/mine/g") == 0 && rmdir("/tmp/perm/mine/sub") == 0);
	return 0;
}

/* fchmod and fchown are checked as chmod and chown are. */
static int open_files(void)
{
	int fd = open("/tmp/perm/shared", O_RDWR);
	EXPECT(fd >= 0);
	FAILS(fchmod(fd, 0600), EPERM);
	FAILS(fchown(fd, 1000, 1000), EPERM);
	/* times: "now" by a writer, given ones by the owner only */
	EXPECT(futimens(fd, NULL) == 0);
	struct timespec t[2] = { { 1, 0 }, { 2, 0 } };
	FAILS(futimens(fd, t), EPERM);
	EXPECT(closes(fd));
	fd = open("/tmp/perm/public", O_RDONLY);
	EXPECT(fd >= 0);
	FAILS(futimens(fd, NULL), EACCES); /* neither owner nor writer */
	EXPECT(closes(fd));
	FAILS(utimes("/tmp/perm/public", NULL), EACCES);
	FAILS(fchownat(AT_FDCWD, "/tmp/perm/public", 1000, (gid_t)-1, 0), EPERM);
	FAILS(fchownat(AT_FDCWD, "/tmp/perm/closed/f", 1000, (gid_t)-1, 0), EACCES);
	struct stat st;
	EXPECT(stat("/tmp/perm/shared", &st) == 0 && (st.st_mode & 07777) == 0666 &&
	       st.st_uid == 0);
	fd = open("/tmp/perm/mine/own", O_CREAT | O_RDWR, 0644);
	EXPECT(fd >= 0 && fchmod(fd, 0640) == 0);
	EXPECT(fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0640);
	EXPECT(fchown(fd, (uid_t)-1, 1000) == 0);
	FAILS(fchown(fd, 0, (gid_t)-1), EPERM);
	FAILS(fchown(fd, (uid_t)-1, 0), EPERM);
	EXPECT(closes(fd) && unlink("/tmp/perm/mine/own") == 0);
	return 0;
}

/* chdir and fchdir need search permission on the directory itself. */
static int changing_directory(void)
{
	char was[256];
	EXPECT(getcwd(was, sizeof(was)));
	FAILS(chdir("/tmp/perm/closed"), EACCES);
	FAILS(chdir("/tmp/perm/listonly"), EACCES); /* r but no x */
	int fd = open("/tmp/perm/listonly", O_RDONLY | O_DIRECTORY);
	EXPECT(fd >= 0);
	FAILS(fchdir(fd), EACCES);
	EXPECT(closes(fd));
	char now[256];
	EXPECT(getcwd(now, sizeof(now)) && !strcmp(now, was)); /* unchanged */
	EXPECT(chdir("/tmp/perm/mine") == 0);
	EXPECT(getcwd(now, sizeof(now)) && !strcmp(now, "/tmp/perm/mine"));
	EXPECT(chdir(was) == 0);
	return 0;
}

/* In the set-group-ID directory (group 50) new names take its group, and
 * a new directory its bit too. */
static int setgid_directory(void)
{
	struct stat st;
	EXPECT(closes(open("/tmp/perm/sgid/f", O_CREAT | O_WRONLY, 0644)));
	EXPECT(stat("/tmp/perm/sgid/f", &st) == 0 && st.st_uid == 1000 && st.st_gid == 50);
	EXPECT(mkdir("/tmp/perm/sgid/d", 0755) == 0);
	EXPECT(stat("/tmp/perm/sgid/d", &st) == 0 && st.st_gid == 50 && (st.st_mode & 02000));
	EXPECT(mkdir("/tmp/perm/sgid/d/e", 0755) == 0);
	EXPECT(stat("/tmp/perm/sgid/d/e", &st) == 0 && st.st_gid == 50 && (st.st_mode & 02000));
	EXPECT(rmdir("/tmp/perm/sgid/d/e") == 0 && rmdir("/tmp/perm/sgid/d") == 0);
	EXPECT(unlink("/tmp/perm/sgid/f") == 0);
	return 0;
}

static int no_way_back(void)
{
	FAILS(setuid(0), EPERM);
	FAILS(seteuid(0), EPERM);
	FAILS(setgid(0), EPERM);
	FAILS(setreuid(0, (uid_t)-1), EPERM);
	EXPECT(setuid(1000) == 0); /* its own id: allowed */
	return 0;
}

/* A forked and a spawned child are the same user. */
static int inherited(void)
{
	int st;
	pid_t pid = fork();
	if (pid == 0)
		_exit(ids_are(1000) && open("/tmp/perm/secret", O_RDONLY) == -1 && errno == EACCES
			      ? 0
			      : 1);
	EXPECT(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	char *argv[] = { "permchild", "ids", "1000", NULL }, *envp[] = { NULL };
	EXPECT(posix_spawn(&pid, "/bin/permchild", NULL, NULL, argv, envp) == 0);
	EXPECT(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}

static int drop(void)
{
	int r;
	if ((r = effective_and_real()))
		return r;
	EXPECT(setgid(1000) == 0 && setuid(1000) == 0);
	EXPECT(ids_are(1000));
	if ((r = reading_and_writing()) || (r = searching()) || (r = names()) || (r = owners()) ||
	    (r = open_files()) || (r = changing_directory()) || (r = setgid_directory()) ||
	    (r = no_way_back()) || (r = inherited()))
		return r;
	return 0;
}

/* Byte i of bigfork's file. */
static unsigned char big_byte(size_t i)
{
	return (unsigned char)(i * 5 + (i >> 12));
}

static int bigfork(const char *path)
{
	enum { N = 256 << 10 };
	static unsigned char buf[3 * N];
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = big_byte(i);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	EXPECT(fd >= 0 && write(fd, buf, N) == N);
	pid_t pid = fork();
	if (pid == 0)
		_exit(write(fd, buf + N, N) == N ? 0 : 1);
	int st;
	EXPECT(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	EXPECT(lseek(fd, 0, SEEK_CUR) == 2 * N); /* the description is shared */
	EXPECT(write(fd, buf + 2 * N, N) == N);
	memset(buf, 0, sizeof(buf));
	EXPECT(pread(fd, buf, sizeof(buf), 0) == (ssize_t)sizeof(buf));
	for (size_t i = 0; i < sizeof(buf); i++)
		EXPECT(buf[i] == big_byte(i));
	EXPECT(closes(fd));
	return 0;
}

static int cwd_is(const char *want)
{
	char buf[256];
	EXPECT(getcwd(buf, sizeof(buf)) && !strcmp(buf, want));
	EXPECT(closes(open("public", O_RDONLY)));
	return 0;
}

static int sleep_to_be_killed(void)
{
	struct timespec ts = { 30, 0 };
	nanosleep(&ts, NULL);
	return 99;
}

static int lock(const char *path)
{
	int fd = open(path, O_RDWR);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
	EXPECT(fd >= 0 && fcntl(fd, F_SETLK, &fl) == 0);
	return sleep_to_be_killed();
}

/* What a user's program does: ids id, then prog (status 126 when it
 * cannot run, 125 when the ids cannot be taken). */
static int run_as(unsigned id, char **args)
{
	if (setgid(id) || setuid(id) || !ids_are(id))
		return 125;
	execv(args[0], args);
	printf("permchild: %s: %s\n", args[0], strerror(errno));
	return 126;
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";
	if (!strcmp(what, "as") && argc > 3)
		return run_as((unsigned)atoi(argv[2]), argv + 3);
	if (!strcmp(what, "lock") && argc > 2)
		return lock(argv[2]);
	if (!strcmp(what, "bigfork") && argc > 2)
		return bigfork(argv[2]);
	if (!strcmp(what, "hold")) {
		(void)!write(3, "x", 1);
		return sleep_to_be_killed();
	}
	if (!strcmp(what, "drop"))
		return drop();
	if (!strcmp(what, "ids") && argc > 2)
		return ids_are((unsigned)atoi(argv[2])) ? 0 : 1;
	if (!strcmp(what, "cwd") && argc > 2)
		return cwd_is(argv[2]);
	return 127;
}
