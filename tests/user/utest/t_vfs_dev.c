// SPDX-License-Identifier: BSD-2-Clause
// The boot archive as the root filesystem (read-only, the same bytes as the
// archive), and devices: /dev's memory devices, device nodes elsewhere.
#include "../utest.h"
#include "../vfs_up.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

UTEST(vfs_initrd_is_the_root)
{
	CHECK_EQ(vfs_up(), 0);
	const void *image;
	size_t len;
	CHECK_EQ(vg_initrd_find("bin/spawnee", &image, &len), 0);
	struct stat st;
	CHECK_EQ(stat("/bin/spawnee", &st), 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(st.st_size, (long)len);
	/* The same bytes, read through the VFS. */
	unsigned char *buf = malloc(len + 1);
	int fd = open("/bin/spawnee", O_RDONLY);
	CHECK(fd >= 0);
	CHECK_EQ(read(fd, buf, len + 1), (long)len);
	CHECK(memcmp(buf, image, len) == 0);
	close(fd);
	free(buf);
	/* Read-only. */
	CHECK_ERRNO(open("/bin/spawnee", O_WRONLY), EROFS);
	CHECK_ERRNO(open("/bin/spawnee", O_RDONLY | O_TRUNC), EROFS);
	CHECK_ERRNO(open("/newfile", O_RDWR | O_CREAT, 0644), EROFS);
	CHECK_ERRNO(mkdir("/newdir", 0755), EROFS);
	CHECK_ERRNO(unlink("/bin/spawnee"), EROFS);
	CHECK_ERRNO(rename("/bin/spawnee", "/bin/x"), EROFS);
	CHECK_ERRNO(chmod("/bin/spawnee", 0777), EROFS);
	CHECK_ERRNO(symlink("x", "/bin/x"), EROFS);
	CHECK_ERRNO(link("/bin/spawnee", "/bin/x"), EROFS);
	struct statvfs sv;
	CHECK_EQ(statvfs("/", &sv), 0);
	CHECK(sv.f_flag & ST_RDONLY);
	CHECK_EQ(statvfs("/tmp", &sv), 0);
	CHECK(!(sv.f_flag & ST_RDONLY));
	/* Its directories list the programs, and the mount points. */
	int init = 0, vfs = 0, tmpfs = 0;
	DIR *d = opendir("/bin");
	CHECK(d != NULL);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		init += !strcmp(e->d_name, "init") && e->d_type == DT_REG;
		vfs += !strcmp(e->d_name, "vfs");
		tmpfs += !strcmp(e->d_name, "tmpfs");
	}
	if (d)
		closedir(d);
	CHECK_EQ(init + vfs + tmpfs, 3);
	CHECK_EQ(stat("/dev", &st), 0);
	CHECK(S_ISDIR(st.st_mode));
	CHECK_EQ(stat("/run/..", &st), 0);
	CHECK_EQ(st.st_ino, 1);
}

UTEST(vfs_memory_devices)
{
	CHECK_EQ(vfs_up(), 0);
	struct stat st;
	CHECK_EQ(stat("/dev/null", &st), 0);
	CHECK(S_ISCHR(st.st_mode));
	CHECK_EQ(major(st.st_rdev), 1);
	CHECK_EQ(minor(st.st_rdev), 3);
	char buf[300];
	int fd = open("/dev/null", O_RDWR);
	CHECK(fd >= 0);
	CHECK_EQ(write(fd, "gone", 4), 4);
	CHECK_EQ(read(fd, buf, sizeof(buf)), 0);
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK(S_ISCHR(st.st_mode));
	close(fd);
	fd = open("/dev/zero", O_RDONLY);
	memset(buf, 7, sizeof(buf));
	CHECK_EQ(read(fd, buf, sizeof(buf)), (long)sizeof(buf));
	int nonzero = 0;
	for (size_t i = 0; i < sizeof(buf); i++)
		nonzero += buf[i] != 0;
	CHECK_EQ(nonzero, 0);
	CHECK_ERRNO(write(fd, buf, 1), EBADF);
	close(fd);
	fd = open("/dev/full", O_WRONLY);
	CHECK_ERRNO(write(fd, "x", 1), ENOSPC);
	close(fd);
	fd = open("/dev/urandom", O_RDONLY);
	char a[64], b[64];
	CHECK_EQ(read(fd, a, sizeof(a)), 64);
	CHECK_EQ(read(fd, b, sizeof(b)), 64);
	CHECK(memcmp(a, b, sizeof(a)) != 0);
	close(fd);
	fd = open("/dev/random", O_RDONLY);
	CHECK_EQ(read(fd, a, 5), 5);
	close(fd);
	/* A device node on any filesystem opens the device. */
	CHECK_EQ(mknod("/tmp/myzero", S_IFCHR | 0644, makedev(1, 5)), 0);
	fd = open("/tmp/myzero", O_RDONLY);
	CHECK(fd >= 0);
	memset(buf, 1, 8);
	CHECK_EQ(read(fd, buf, 8), 8);
	CHECK_EQ(buf[0] | buf[7], 0);
	close(fd);
	CHECK_EQ(unlink("/tmp/myzero"), 0);
	/* Without a driver: ENXIO; a minor the driver does not have: ENOENT. */
	CHECK_EQ(mknod("/tmp/nodev", S_IFCHR | 0644, makedev(77, 1)), 0);
	CHECK_ERRNO(open("/tmp/nodev", O_RDONLY), ENXIO);
	CHECK_EQ(unlink("/tmp/nodev"), 0);
	CHECK_EQ(mknod("/tmp/nominor", S_IFCHR | 0644, makedev(1, 200)), 0);
	CHECK_ERRNO(open("/tmp/nominor", O_RDONLY), ENOENT);
	CHECK_EQ(unlink("/tmp/nominor"), 0);
	CHECK_ERRNO(mknod("/tmp/bad", S_IFREG | 0644, 0), EINVAL);
	CHECK_ERRNO(mknod("/dev/null", S_IFCHR | 0644, makedev(1, 3)), EEXIST);
}
