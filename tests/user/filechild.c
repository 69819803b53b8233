// SPDX-License-Identifier: BSD-2-Clause
// A program for the file tests between processes (t_vfs_procs.c), started
// by the root task with posix_spawn; descriptors it is given are named by
// number in its arguments:
//   filechild setlkw PATH W      opens PATH, writes "w" to descriptor W,
//                                waits (F_SETLKW) for a write lock of all
//                                of it, then writes "g" to W
//   filechild holdexit PATH W R  write-locks PATH, writes "L" to W, reads
//                                a byte from R, then returns from main
//                                without closing anything
//   filechild append PATH ID N   appends N records of RECORD bytes to PATH
//                                ("ID seq" and a pattern, one write each)
//   filechild rename DIR N K     renames DIR/aI to DIR/bI and back, for I
//                                below K, N rounds: each succeeds or is
//                                ENOENT (another renamer moved it first)
//   filechild look DIR N K       stats and opens DIR/aI and DIR/bI, N
//                                rounds: each succeeds or is ENOENT, and
//                                what opens is file I
//   filechild cloexec PATH       opens PATH as descriptors 7 (FD_CLOEXEC),
//                                8 (without), 9 (O_CLOEXEC), then execs
//                                itself as "cloexec-check"
//   filechild cloexec-check      exits 0 when 7 and 9 are closed and 8 is
//                                open and reads the file
// Exit status: 0, or the line of the first check that failed.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "filechild.h"

#define EXPECT(c)                                                         \
	do {                                                              \
		if (!(c)) {                                               \
			printf("filechild: line %d: %s\n", __LINE__, #c); \
			return __LINE__;                                  \
		}                                                         \
	} while (0)

static int setlkw(const char *path, int w)
{
	int fd = open(path, O_RDWR);
	EXPECT(fd >= 0);
	EXPECT(write(w, "w", 1) == 1);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	EXPECT(fcntl(fd, F_SETLKW, &fl) == 0);
	EXPECT(write(w, "g", 1) == 1);
	return 0;
}

static int holdexit(const char *path, int w, int r)
{
	int fd = open(path, O_RDWR);
	EXPECT(fd >= 0);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	EXPECT(fcntl(fd, F_SETLK, &fl) == 0);
	EXPECT(write(w, "L", 1) == 1);
	char c;
	EXPECT(read(r, &c, 1) == 1);
	return 0; /* fd stays open: exit ends the process with it */
}

static int append(const char *path, int id, int n)
{
	int fd = open(path, O_WRONLY | O_APPEND);
	EXPECT(fd >= 0);
	for (int seq = 0; seq < n; seq++) {
		char rec[FILECHILD_RECORD];
		filechild_record(rec, id, seq);
		EXPECT(write(fd, rec, sizeof(rec)) == (ssize_t)sizeof(rec));
	}
	EXPECT(close(fd) == 0);
	return 0;
}

static void name(char *out, const char *dir, char side, int i)
{
	snprintf(out, 256, "%s/%c%d", dir, side, i);
}

static int renames(const char *dir, int n, int k)
{
	char a[256], b[256];
	for (int round = 0; round < n; round++)
		for (int i = 0; i < k; i++) {
			name(a, dir, 'a', i), name(b, dir, 'b', i);
			EXPECT(rename(a, b) == 0 || errno == ENOENT);
			EXPECT(rename(b, a) == 0 || errno == ENOENT);
		}
	return 0;
}

/* path is file i, or gone. */
static int look_at(const char *path, int i)
{
	struct stat st;
	EXPECT(stat(path, &st) == 0 || errno == ENOENT);
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		EXPECT(errno == ENOENT);
		return 0;
	}
	char got[16] = { 0 }, want[16];
	snprintf(want, sizeof(want), "file %d", i);
	EXPECT(read(fd, got, sizeof(got) - 1) == (ssize_t)strlen(want));
	EXPECT(!strcmp(got, want));
	EXPECT(close(fd) == 0);
	return 0;
}

static int look(const char *dir, int n, int k)
{
	char path[256];
	for (int round = 0; round < n; round++)
		for (int i = 0; i < k; i++)
			for (char side = 'a'; side <= 'b'; side++) {
				name(path, dir, side, i);
				int r = look_at(path, i);
				if (r)
					return r;
			}
	return 0;
}

static int cloexec(const char *path)
{
	int fd = open(path, O_RDONLY);
	EXPECT(fd >= 0);
	EXPECT(dup2(fd, 7) == 7 && fcntl(7, F_SETFD, FD_CLOEXEC) == 0);
	EXPECT(dup2(fd, 8) == 8 && fcntl(8, F_GETFD) == 0);
	EXPECT(close(fd) == 0);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	EXPECT(fd >= 0 && (fd == 9 || dup3(fd, 9, O_CLOEXEC) == 9));
	char *argv[] = { "filechild", "cloexec-check", NULL };
	execv("/bin/filechild", argv);
	return 99; /* the exec failed */
}

static int cloexec_check(void)
{
	EXPECT(fcntl(7, F_GETFD) == -1 && errno == EBADF);
	EXPECT(fcntl(9, F_GETFD) == -1 && errno == EBADF);
	EXPECT(fcntl(8, F_GETFD) == 0);
	char got[16] = { 0 };
	EXPECT(pread(8, got, sizeof(got) - 1, 0) == 8 && !strcmp(got, "cloexec!"));
	return close(8) ? __LINE__ : 0;
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";
	if (!strcmp(what, "setlkw") && argc == 4)
		return setlkw(argv[2], atoi(argv[3]));
	if (!strcmp(what, "holdexit") && argc == 5)
		return holdexit(argv[2], atoi(argv[3]), atoi(argv[4]));
	if (!strcmp(what, "append") && argc == 5)
		return append(argv[2], atoi(argv[3]), atoi(argv[4]));
	if (!strcmp(what, "rename") && argc == 5)
		return renames(argv[2], atoi(argv[3]), atoi(argv[4]));
	if (!strcmp(what, "look") && argc == 5)
		return look(argv[2], atoi(argv[3]), atoi(argv[4]));
	if (!strcmp(what, "cloexec") && argc == 3)
		return cloexec(argv[2]);
	if (!strcmp(what, "cloexec-check"))
		return cloexec_check();
	return 100;
}
