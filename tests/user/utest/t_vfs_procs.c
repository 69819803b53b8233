// SPDX-License-Identifier: BSD-2-Clause
// Files shared between processes (tests/user/filechild.c): F_SETLKW
// waiting for another process's lock, a lock released when its holder
// ends normally, O_APPEND writers in separate processes, renames racing
// with lookups, close-on-exec across exec.
#include "../filechild.h"
#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* filechild with up to four arguments (a NULL ends them): its pid, or -1. */
static pid_t filechild(char *a1, char *a2, char *a3, char *a4)
{
	char *argv[] = { "filechild", a1, a2, a3, a4, NULL }, *envp[] = { NULL };
	pid_t pid;
	return posix_spawn(&pid, "/bin/filechild", NULL, NULL, argv, envp) ? -1 : pid;
}

/* Its exit status, or -1 if it did not exit. */
static int exit_code(pid_t pid)
{
	int st;
	return pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char *num(char *buf, int n)
{
	snprintf(buf, 12, "%d", n);
	return buf;
}

/* A pipe whose read end stays here (close-on-exec) and whose write end
 * children inherit. */
static int pipe_to_children(int p[2])
{
	return pipe2(p, O_CLOEXEC) || fcntl(p[1], F_SETFD, 0) ? -1 : 0;
}

UTEST(vfs_setlkw_between_processes)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(proc_server());
	CHECK_EQ(vfs_put("/tmp/lkw", "0123456789", 10), 0);
	int fd = open("/tmp/lkw", O_RDWR | O_CLOEXEC), p[2];
	CHECK(fd >= 0);
	CHECK_EQ(pipe_to_children(p), 0);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	CHECK_EQ(fcntl(fd, F_SETLK, &fl), 0);
	char w[12];
	pid_t pid = filechild("setlkw", "/tmp/lkw", num(w, p[1]), NULL);
	CHECK(pid > 0);
	/* The child writes "w" before it waits, "g" once it has the lock;
	 * this writes "U" just before it unlocks: "U" must come first. */
	char got[4] = { 0 };
	CHECK_EQ(read(p[0], got, 1), 1);
	CHECK_EQ(got[0], 'w');
	nanosleep(&(struct timespec){ 0, 50 * 1000 * 1000 }, NULL);
	CHECK_EQ(write(p[1], "U", 1), 1);
	fl.l_type = F_UNLCK;
	CHECK_EQ(fcntl(fd, F_SETLK, &fl), 0);
	CHECK_EQ(exit_code(pid), 0);
	CHECK_EQ(close(p[1]), 0);
	CHECK_EQ(read(p[0], got, 3), 2);
	CHECK_EQ(strcmp(got, "Ug"), 0);
	CHECK_EQ(close(p[0]), 0);
	CHECK_EQ(close(fd), 0);
	CHECK_EQ(unlink("/tmp/lkw"), 0);
}

UTEST(vfs_lock_released_when_holder_exits)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(proc_server());
	CHECK_EQ(vfs_put("/tmp/lkx", "0123456789", 10), 0);
	int fd = open("/tmp/lkx", O_RDWR | O_CLOEXEC), from[2], to[2];
	CHECK(fd >= 0);
	CHECK_EQ(pipe_to_children(from), 0);
	CHECK_EQ(pipe2(to, O_CLOEXEC), 0);
	CHECK_EQ(fcntl(to[0], F_SETFD, 0), 0); /* the child reads this one */
	char w[12], r[12];
	pid_t pid = filechild("holdexit", "/tmp/lkx", num(w, from[1]), num(r, to[0]));
	CHECK(pid > 0);
	char c = 0;
	CHECK_EQ(read(from[0], &c, 1), 1);
	CHECK_EQ(c, 'L');
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	CHECK_ERRNO(fcntl(fd, F_SETLK, &fl), EAGAIN);
	CHECK_EQ(write(to[1], "x", 1), 1); /* let it end */
	CHECK_EQ(exit_code(pid), 0);
	/* The filesystem learns of its handles' end by a notice of the
	 * kernel, which may come a little after the exit status. */
	int st = -1;
	for (int i = 0; i < 5000 && st; i++) {
		st = fcntl(fd, F_SETLK, &fl);
		if (st)
			nanosleep(&(struct timespec){ 0, 1000 * 1000 }, NULL);
	}
	CHECK_EQ(st, 0);
	close(from[0]), close(from[1]), close(to[0]), close(to[1]);
	CHECK_EQ(close(fd), 0);
	CHECK_EQ(unlink("/tmp/lkx"), 0);
}

#define WRITERS 4
#define RECORDS 150

UTEST(vfs_append_from_processes)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(proc_server());
	CHECK_EQ(vfs_put("/tmp/appendp", "", 0), 0);
	pid_t pids[WRITERS];
	char ids[WRITERS][12], n[12];
	for (int i = 0; i < WRITERS; i++)
		pids[i] = filechild("append", "/tmp/appendp", num(ids[i], i), num(n, RECORDS));
	for (int i = 0; i < WRITERS; i++)
		CHECK_EQ(exit_code(pids[i]), 0);
	/* Every record whole, each once, each writer's in its order. */
	const long size = (long)WRITERS * RECORDS * FILECHILD_RECORD;
	CHECK_EQ(vfs_size("/tmp/appendp"), size);
	char *all = malloc((size_t)size);
	int fd = open("/tmp/appendp", O_RDONLY);
	CHECK(all && fd >= 0);
	if (!all || fd < 0)
		return;
	CHECK_EQ(read(fd, all, (size_t)size), size);
	int next[WRITERS] = { 0 }, bad = 0;
	for (long at = 0; at < size; at += FILECHILD_RECORD) {
		int id, seq;
		if (filechild_parse(all + at, &id, &seq) || id >= WRITERS || seq != next[id])
			bad++;
		else
			next[id]++;
	}
	CHECK_EQ(bad, 0);
	for (int i = 0; i < WRITERS; i++)
		CHECK_EQ(next[i], RECORDS);
	free(all);
	close(fd);
	CHECK_EQ(unlink("/tmp/appendp"), 0);
}

#define RACE_FILES 4

UTEST(vfs_rename_races)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(proc_server());
	CHECK_EQ(mkdir("/tmp/race", 0755), 0);
	char path[64], text[16];
	for (int i = 0; i < RACE_FILES; i++) {
		snprintf(path, sizeof(path), "/tmp/race/a%d", i);
		snprintf(text, sizeof(text), "file %d", i);
		CHECK_EQ(vfs_put(path, text, strlen(text)), 0);
	}
	/* Two renamers moving the same names back and forth, two lookers. */
	char k[12];
	num(k, RACE_FILES);
	pid_t pids[4] = {
		filechild("rename", "/tmp/race", "150", k),
		filechild("look", "/tmp/race", "150", k),
		filechild("rename", "/tmp/race", "150", k),
		filechild("look", "/tmp/race", "150", k),
	};
	for (int i = 0; i < 4; i++)
		CHECK_EQ(exit_code(pids[i]), 0);
	/* Each file under exactly one of its names, nothing else there. */
	for (int i = 0; i < RACE_FILES; i++) {
		char a[64], b[64];
		snprintf(a, sizeof(a), "/tmp/race/a%d", i);
		snprintf(b, sizeof(b), "/tmp/race/b%d", i);
		long sa = vfs_size(a), sb = vfs_size(b);
		CHECK_EQ((sa >= 0) + (sb >= 0), 1);
		const char *there = sa >= 0 ? a : b;
		char got[16] = { 0 };
		int fd = open(there, O_RDONLY);
		snprintf(text, sizeof(text), "file %d", i);
		CHECK_EQ(read(fd, got, sizeof(got) - 1), (long)strlen(text));
		CHECK_EQ(strcmp(got, text), 0);
		close(fd);
		CHECK_EQ(unlink(there), 0);
	}
	DIR *d = opendir("/tmp/race");
	int left = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		left += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	CHECK(d != NULL);
	CHECK_EQ(left, 0);
	if (d)
		closedir(d);
	CHECK_EQ(rmdir("/tmp/race"), 0);
}

UTEST(vfs_cloexec_across_exec)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(proc_server());
	CHECK_EQ(vfs_put("/tmp/cloexec", "cloexec!", 8), 0);
	CHECK_EQ(exit_code(filechild("cloexec", "/tmp/cloexec", NULL, NULL)), 0);
	CHECK_EQ(unlink("/tmp/cloexec"), 0);
}
