// SPDX-License-Identifier: BSD-2-Clause
// The attribute calls on open files and the compatibility names:
// futimens, utimes, fchownat, fstatvfs, statfs and fstatfs (the checks by
// a user who may not are in tests/user/permchild.c).
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <sys/vfs.h>
#include <unistd.h>

UTEST(vfs_futimens)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(vfs_put("/tmp/futim", "abc", 3), 0);
	int fd = open("/tmp/futim", O_RDONLY); /* root: no write access needed */
	CHECK(fd >= 0);
	struct timespec ts[2] = { { 1000, 5 }, { 2000, 7 } };
	CHECK_EQ(futimens(fd, ts), 0);
	struct stat st;
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK_EQ(st.st_atim.tv_sec, 1000);
	CHECK_EQ(st.st_atim.tv_nsec, 5);
	CHECK_EQ(st.st_mtim.tv_sec, 2000);
	CHECK_EQ(st.st_mtim.tv_nsec, 7);
	struct timespec omit[2] = { { 0, UTIME_NOW }, { 0, UTIME_OMIT } };
	CHECK_EQ(futimens(fd, omit), 0);
	CHECK_EQ(stat("/tmp/futim", &st), 0);
	CHECK(st.st_atim.tv_sec != 1000 || st.st_atim.tv_nsec != 5);
	CHECK_EQ(st.st_mtim.tv_sec, 2000);
	CHECK_EQ(futimens(fd, NULL), 0);
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK(st.st_mtim.tv_sec != 2000 || st.st_mtim.tv_nsec != 7);
	struct timespec bad[2] = { { 0, 0 }, { 0, -1 } };
	CHECK_ERRNO(futimens(fd, bad), EINVAL);
	CHECK_EQ(close(fd), 0);
	CHECK_ERRNO(futimens(fd, ts), EBADF);
	CHECK_ERRNO(futimens(-1, NULL), EBADF);
	/* A pipe is no node of a mounted filesystem. */
	int p[2];
	CHECK_EQ(pipe(p), 0);
	CHECK_ERRNO(futimens(p[0], NULL), EINVAL);
	close(p[0]), close(p[1]);
	CHECK_EQ(unlink("/tmp/futim"), 0);
}

UTEST(vfs_utimes)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(vfs_put("/tmp/utim", "abc", 3), 0);
	struct timeval tv[2] = { { 3000, 5 }, { 4000, 999999 } };
	CHECK_EQ(utimes("/tmp/utim", tv), 0);
	struct stat st;
	CHECK_EQ(stat("/tmp/utim", &st), 0);
	CHECK_EQ(st.st_atim.tv_sec, 3000);
	CHECK_EQ(st.st_atim.tv_nsec, 5000);
	CHECK_EQ(st.st_mtim.tv_sec, 4000);
	CHECK_EQ(st.st_mtim.tv_nsec, 999999000);
	CHECK_EQ(utimes("/tmp/utim", NULL), 0);
	CHECK_EQ(stat("/tmp/utim", &st), 0);
	CHECK(st.st_atim.tv_sec != 3000 && st.st_mtim.tv_sec != 4000);
	tv[1].tv_usec = 1000000;
	CHECK_ERRNO(utimes("/tmp/utim", tv), EINVAL);
	tv[1].tv_usec = 0, tv[0].tv_usec = -1;
	CHECK_ERRNO(utimes("/tmp/utim", tv), EINVAL);
	CHECK_ERRNO(utimes("/tmp/no-such", NULL), ENOENT);
	CHECK_ERRNO(utimes("/bin/spawnee", NULL), EROFS);
	CHECK_EQ(unlink("/tmp/utim"), 0);
}

UTEST(vfs_fchownat)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(mkdir("/tmp/chat", 0755), 0);
	CHECK_EQ(vfs_put("/tmp/chat/f", "abc", 3), 0);
	CHECK_EQ(symlink("f", "/tmp/chat/l"), 0);
	int dir = open("/tmp/chat", O_RDONLY | O_DIRECTORY);
	CHECK(dir >= 0);
	CHECK_EQ(fchownat(dir, "f", 1000, 100, 0), 0);
	struct stat st;
	CHECK_EQ(stat("/tmp/chat/f", &st), 0);
	CHECK_EQ(st.st_uid, 1000);
	CHECK_EQ(st.st_gid, 100);
	CHECK_EQ(fchownat(dir, "f", (uid_t)-1, 7, 0), 0); /* the uid stays */
	CHECK_EQ(stat("/tmp/chat/f", &st), 0);
	CHECK_EQ(st.st_uid, 1000);
	CHECK_EQ(st.st_gid, 7);
	/* Through the link, or the link itself. */
	CHECK_EQ(fchownat(dir, "l", 2000, 2000, 0), 0);
	CHECK_EQ(stat("/tmp/chat/f", &st), 0);
	CHECK_EQ(st.st_uid, 2000);
	CHECK_EQ(fchownat(AT_FDCWD, "/tmp/chat/l", 3000, 3000, AT_SYMLINK_NOFOLLOW), 0);
	CHECK_EQ(lstat("/tmp/chat/l", &st), 0);
	CHECK_EQ(st.st_uid, 3000);
	CHECK_EQ(stat("/tmp/chat/f", &st), 0);
	CHECK_EQ(st.st_uid, 2000);
	CHECK_ERRNO(fchownat(dir, "f", 0, 0, 0x8000), EINVAL);
	CHECK_ERRNO(fchownat(dir, "none", 0, 0, 0), ENOENT);
	CHECK_ERRNO(fchownat(99, "f", 0, 0, 0), EBADF);
	int file = open("/tmp/chat/f", O_RDONLY);
	CHECK_ERRNO(fchownat(file, "f", 0, 0, 0), ENOTDIR);
	CHECK_ERRNO(fchownat(AT_FDCWD, "/bin/spawnee", 0, 0, 0), EROFS);
	close(file), close(dir);
	CHECK_EQ(unlink("/tmp/chat/l"), 0);
	CHECK_EQ(unlink("/tmp/chat/f"), 0);
	CHECK_EQ(rmdir("/tmp/chat"), 0);
}

/* statfs's fields are statvfs's. */
static void check_same(const struct statfs *a, const struct statvfs *v)
{
	CHECK_EQ(a->f_type, 0);
	CHECK_EQ(a->f_bsize, v->f_bsize);
	CHECK_EQ(a->f_frsize, v->f_frsize);
	CHECK_EQ(a->f_blocks, v->f_blocks);
	CHECK_EQ(a->f_bfree, v->f_bfree);
	CHECK_EQ(a->f_bavail, v->f_bavail);
	CHECK_EQ(a->f_files, v->f_files);
	CHECK_EQ(a->f_ffree, v->f_ffree);
	CHECK_EQ(a->f_namelen, v->f_namemax);
	CHECK_EQ(a->f_flags, v->f_flag);
}

UTEST(vfs_statfs_and_fstatvfs)
{
	CHECK_EQ(vfs_up(), 0);
	/* A small tmpfs: its own figures, not /tmp's. */
	CHECK_EQ(mkdir("/tmp/sfs", 0755), 0);
	CHECK_EQ(vfs_up_mount_tmpfs("/tmp/sfs", VFS_UP_SMALL), 0);
	CHECK_EQ(vfs_put("/tmp/sfs/f", "abc", 3), 0);
	struct statvfs v, fv;
	struct statfs s, fs;
	CHECK_EQ(statvfs("/tmp/sfs/f", &v), 0);
	CHECK_EQ(v.f_blocks * v.f_bsize, VFS_UP_SMALL);
	CHECK_EQ(statfs("/tmp/sfs/f", &s), 0);
	check_same(&s, &v);
	int fd = open("/tmp/sfs/f", O_RDONLY);
	CHECK(fd >= 0);
	CHECK_EQ(fstatvfs(fd, &fv), 0);
	CHECK_EQ(fv.f_blocks, v.f_blocks);
	CHECK_EQ(fv.f_bfree, v.f_bfree);
	CHECK_EQ(fv.f_ffree, v.f_ffree);
	CHECK_EQ(fstatfs(fd, &fs), 0);
	check_same(&fs, &fv);
	CHECK_EQ(close(fd), 0);
	/* /tmp's: another size; the boot archive's: read-only. */
	CHECK_EQ(statvfs("/tmp", &v), 0);
	fd = open("/tmp", O_RDONLY | O_DIRECTORY);
	CHECK_EQ(fstatvfs(fd, &fv), 0);
	CHECK_EQ(fv.f_blocks, v.f_blocks);
	CHECK(fv.f_blocks != VFS_UP_SMALL / v.f_bsize);
	CHECK(!(fv.f_flag & ST_RDONLY));
	CHECK_EQ(close(fd), 0);
	fd = open("/bin/spawnee", O_RDONLY);
	CHECK_EQ(fstatfs(fd, &fs), 0);
	CHECK(fs.f_flags & ST_RDONLY);
	CHECK_EQ(close(fd), 0);
	/* Errors. */
	CHECK_ERRNO(fstatvfs(fd, &fv), EBADF);
	CHECK_ERRNO(fstatfs(-1, &fs), EBADF);
	CHECK_ERRNO(statfs("/tmp/sfs/none", &s), ENOENT);
	CHECK_ERRNO(statfs("/tmp/sfs/f/x", &s), ENOTDIR);
	CHECK_ERRNO(statfs("/tmp/sfs", NULL), EFAULT);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	CHECK_ERRNO(fstatvfs(p[0], NULL), EFAULT);
	CHECK_EQ(fstatvfs(p[0], &fv), 0); /* the pipe server's (t_vfs_efault.c) */
	close(p[0]), close(p[1]);
	CHECK_EQ(unlink("/tmp/sfs/f"), 0);
	CHECK_EQ(fs_vfs_unmount(vfs_up_vfs(), "/tmp/sfs"), 0);
	CHECK_EQ(rmdir("/tmp/sfs"), 0);
}
