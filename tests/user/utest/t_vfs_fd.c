// SPDX-License-Identifier: BSD-2-Clause
// Descriptors: dup and its shared position, fcntl, close-on-exec, the
// working directory, *at() relative to a directory, export for children.
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vg_fd.h>

UTEST(vfs_dup_and_fcntl)
{
	CHECK_EQ(vfs_up(), 0);
	int fd = open("/tmp/dup", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	int fd2 = dup(fd);
	CHECK(fd2 > fd);
	/* One open file: one position. */
	CHECK_EQ(write(fd, "abc", 3), 3);
	CHECK_EQ(lseek(fd2, 0, SEEK_CUR), 3);
	CHECK_EQ(write(fd2, "def", 3), 3);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 6);
	/* Closing one leaves the other working. */
	CHECK_EQ(close(fd), 0);
	CHECK_EQ(pwrite(fd2, "X", 1, 0), 1);
	CHECK_EQ(dup2(fd2, 50), 50);
	CHECK_EQ(lseek(50, 0, SEEK_CUR), 6);
	CHECK_EQ(dup2(50, 50), 50);
	CHECK_ERRNO(dup2(40, 40), EBADF);
	CHECK_ERRNO(dup2(fd2, -1), EBADF);
	CHECK_ERRNO(dup2(fd2, 1 << 20), EBADF);
	CHECK_ERRNO(dup3(50, 50, 0), EINVAL);
	CHECK_ERRNO(dup3(50, 51, 1), EINVAL);
	CHECK_EQ(dup3(50, 51, O_CLOEXEC), 51);
	CHECK_EQ(fcntl(51, F_GETFD), FD_CLOEXEC);
	CHECK_EQ(fcntl(50, F_GETFD), 0);
	CHECK_EQ(fcntl(50, F_SETFD, FD_CLOEXEC), 0);
	CHECK_EQ(fcntl(50, F_GETFD), FD_CLOEXEC);
	CHECK_EQ(fcntl(50, F_SETFD, 0), 0);
	/* dup2 onto an open descriptor closes what was there. */
	int other = open("/tmp/dup2", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK_EQ(dup2(fd2, other), other);
	CHECK_EQ(lseek(other, 0, SEEK_CUR), 6);
	CHECK_EQ(fcntl(fd2, F_DUPFD, 60), 60);
	CHECK_EQ(fcntl(fd2, F_DUPFD, 60), 61);
	CHECK_EQ(fcntl(fd2, F_DUPFD_CLOEXEC, 60), 62);
	CHECK_EQ(fcntl(62, F_GETFD), FD_CLOEXEC);
	CHECK_ERRNO(fcntl(fd2, F_DUPFD, -1), EINVAL);
	CHECK_ERRNO(fcntl(fd2, 9999), EINVAL);
	CHECK_EQ(fcntl(fd2, F_GETFL), O_RDWR);
	CHECK_ERRNO(fcntl(-1, F_GETFL), EBADF);
	CHECK_ERRNO(fcntl(1000, F_GETFD), EBADF);
	CHECK_ERRNO(dup(-1), EBADF);
	CHECK_ERRNO(dup(1024), EBADF);
	/* The lowest free descriptor is taken. */
	CHECK_EQ(close(other), 0);
	int low = dup(fd2);
	CHECK_EQ(low, other);
	/* Export: the file system first, the working directory (a memory
	 * object holding its path, the umask as arg: only when either is not
	 * what a program starts with, "/" and 022), then descriptors
	 * without FD_CLOEXEC, each a handle of its own to the same open
	 * file. */
	struct vg_startup_handle hs[16];
	char here[PATH_MAX];
	CHECK(getcwd(here, sizeof(here)) != NULL);
	mode_t start_mask = umask(022);
	size_t n = __vg_fd_export(hs, 16, false);
	CHECK(n >= 1);
	CHECK_EQ(hs[0].tag, VG_HTAG_FS_ROOT);
	bool cwd_passed = n >= 2 && hs[1].tag == VG_HTAG_FS_CWD;
	CHECK_EQ(cwd_passed, strcmp(here, "/") != 0);
	for (size_t i = 0; i < n; i++)
		if (hs[i].tag == VG_HTAG_FD)
			fs_file_close(hs[i].handle);
	for (size_t i = 0; i < n; i++)
		vg_handle_close(hs[i].handle);
	umask(027); /* not the default: the directory goes with it */
	n = __vg_fd_export(hs, 16, false);
	int found50 = 0, found51 = 0, found62 = 0;
	CHECK(n >= 2);
	CHECK_EQ(hs[0].tag, VG_HTAG_FS_ROOT);
	CHECK_EQ(hs[1].tag, VG_HTAG_FS_CWD);
	vg_handle_close(hs[0].handle);
	CHECK_EQ(hs[1].tag, VG_HTAG_FS_CWD);
	char cwd_there[8] = { 0 };
	mode_t mask = umask(0);
	umask(mask);
	CHECK_EQ(hs[1].arg, mask);
	CHECK_EQ(vg_vmo_read(hs[1].handle, 0, cwd_there, sizeof(cwd_there) - 1), 0);
	CHECK(cwd_there[0] == '/');
	vg_handle_close(hs[1].handle);
	for (size_t i = 2; i < n; i++) {
		CHECK_EQ(hs[i].tag, VG_HTAG_FD);
		found50 += hs[i].arg == 50;
		found51 += hs[i].arg == 51;
		found62 += hs[i].arg == 62;
		if (hs[i].arg == 50) {
			uint64_t pos;
			CHECK_EQ(fs_file_seek(hs[i].handle, 0, SEEK_CUR, &pos), 0);
			CHECK_EQ(pos, 6);
			CHECK_EQ(fs_file_seek(hs[i].handle, 2, SEEK_SET, &pos), 0);
		}
		fs_file_close(hs[i].handle);
		vg_handle_close(hs[i].handle);
	}
	CHECK_EQ(found50, 1);
	CHECK_EQ(found51, 0);
	CHECK_EQ(found62, 0);
	CHECK_EQ(lseek(50, 0, SEEK_CUR), 2); /* the position is shared */
	CHECK_EQ(__vg_fd_export(hs, 3, false), 3);
	CHECK_EQ(hs[0].tag, VG_HTAG_FS_ROOT);
	vg_handle_close(hs[0].handle);
	vg_handle_close(hs[1].handle);
	fs_file_close(hs[2].handle);
	vg_handle_close(hs[2].handle);
	umask(start_mask);
	int closed = 0;
	int fds[] = { fd2, 50, 51, 60, 61, 62, low };
	for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		closed += close(fds[i]) == 0;
	CHECK_EQ(closed, 7);
	CHECK_EQ(vfs_size("/tmp/dup"), 6);
	CHECK_EQ(unlink("/tmp/dup"), 0);
	CHECK_EQ(unlink("/tmp/dup2"), 0);
}

UTEST(vfs_working_directory_and_at)
{
	CHECK_EQ(vfs_up(), 0);
	char cwd[PATH_MAX];
	CHECK(getcwd(cwd, sizeof(cwd)) == cwd);
	CHECK(strcmp(cwd, "/") == 0);
	CHECK_EQ(mkdir("/tmp/w", 0755), 0);
	CHECK_EQ(mkdir("/tmp/w/x", 0755), 0);
	CHECK_EQ(symlink("/tmp/w/x", "/tmp/wl"), 0);
	CHECK_EQ(chdir("/tmp/wl"), 0); /* the canonical path is kept */
	CHECK(getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/tmp/w/x") == 0);
	CHECK_EQ(vfs_put("rel", "r", 1), 0);
	CHECK_EQ(vfs_size("/tmp/w/x/rel"), 1);
	CHECK_EQ(chdir(".."), 0);
	CHECK(getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/tmp/w") == 0);
	CHECK_EQ(vfs_size("x/rel"), 1);
	CHECK_EQ(vfs_size("./x/../x/rel"), 1);
	CHECK_ERRNO(chdir("x/rel"), ENOTDIR);
	CHECK_ERRNO(chdir("none"), ENOENT);
	CHECK_ERRNO(chdir(""), ENOENT);
	CHECK(getcwd(cwd, 2) == NULL);
	CHECK_EQ(errno, ERANGE);
	CHECK(getcwd(cwd, 0) == NULL);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(chdir("/run"), 0);
	CHECK_EQ(chdir("../tmp/w/x/.."), 0);
	CHECK(getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/tmp/w") == 0);
	/* Relative to a directory descriptor. */
	int dfd = open("/tmp/w/x", O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0);
	int fd = openat(dfd, "new", O_RDWR | O_CREAT, 0600);
	CHECK(fd >= 0);
	struct stat st;
	CHECK_EQ(fstatat(dfd, "new", &st, 0), 0);
	CHECK_EQ(st.st_mode & 0777, 0600);
	CHECK_EQ(fstatat(AT_FDCWD, "x/new", &st, 0), 0);
	CHECK_EQ(fstatat(dfd, "/tmp/w/x/new", &st, 0), 0); /* absolute: dirfd unused */
	CHECK_ERRNO(openat(fd, "new", O_RDONLY), ENOTDIR);
	CHECK_ERRNO(openat(99, "new", O_RDONLY), EBADF);
	CHECK_ERRNO(fstatat(dfd, "new", &st, 0x4000), EINVAL);
	CHECK_EQ(mkdirat(dfd, "sub", 0755), 0);
	CHECK_EQ(symlinkat("new", dfd, "ln"), 0);
	char buf[8];
	CHECK_EQ(readlinkat(dfd, "ln", buf, sizeof(buf)), 3);
	CHECK_EQ(fstatat(dfd, "ln", &st, AT_SYMLINK_NOFOLLOW), 0);
	CHECK(S_ISLNK(st.st_mode));
	CHECK_EQ(linkat(dfd, "ln", dfd, "hard", AT_SYMLINK_FOLLOW), 0);
	CHECK_EQ(fstatat(dfd, "hard", &st, AT_SYMLINK_NOFOLLOW), 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(st.st_nlink, 2);
	CHECK_EQ(renameat(dfd, "hard", AT_FDCWD, "moved"), 0);
	CHECK_EQ(vfs_size("/tmp/w/moved"), 0);
	CHECK_ERRNO(unlinkat(dfd, "sub", 0), EISDIR);
	CHECK_ERRNO(unlinkat(dfd, "sub", 0x1), EINVAL);
	CHECK_EQ(unlinkat(dfd, "sub", AT_REMOVEDIR), 0);
	CHECK_EQ(faccessat(dfd, "new", R_OK, 0), 0);
	CHECK_EQ(fchmodat(dfd, "new", 0640, 0), 0);
	CHECK_EQ(fchdir(dfd), 0);
	CHECK(getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/tmp/w/x") == 0);
	CHECK_ERRNO(fchdir(fd), ENOTDIR);
	CHECK_ERRNO(fchdir(-3), EBADF);
	close(fd);
	close(dfd);
	CHECK_EQ(remove("new"), 0);
	CHECK_EQ(remove("ln"), 0);
	CHECK_EQ(remove("rel"), 0);
	CHECK_EQ(chdir("/"), 0);
	CHECK_EQ(remove("/tmp/w/moved"), 0);
	CHECK_EQ(remove("/tmp/w/x"), 0);
	CHECK_EQ(remove("/tmp/w"), 0);
	CHECK_EQ(remove("/tmp/wl"), 0);
	CHECK_ERRNO(remove("/tmp/w"), ENOENT);
}

/* Waits for child's exit code. */
static long exit_code(vg_handle_t child)
{
	vg_handle_t port;
	struct vg_port_packet pkt;
	long st = vg_port_create(&port);
	if (!st)
		st = vg_port_bind(port, child, 1);
	if (!st)
		st = next_packet(port, 5000000000ull, &pkt);
	vg_handle_close(port);
	return st ? st - 1000000 : (long)pkt.data[0];
}

UTEST(vfs_descriptors_inherited_by_a_child)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(vfs_put("/tmp/in", "hello child", 11), 0);
	int in = open("/tmp/in", O_RDONLY),
	    out = open("/tmp/out", O_WRONLY | O_CREAT | O_APPEND, 0644);
	int hidden = open("/tmp/in", O_RDONLY | O_CLOEXEC);
	CHECK(in >= 0 && out >= 0 && hidden >= 0);
	CHECK_EQ(lseek(in, 6, SEEK_SET), 6); /* the child reads from here */
	CHECK_EQ(write(out, ">", 1), 1);
	/* Descriptors moved to 3, 4 and 5 as the child expects them. */
	CHECK_EQ(dup2(in, 3), 3);
	CHECK_EQ(dup2(out, 4), 4);
	CHECK_EQ(dup3(hidden, 5, O_CLOEXEC), 5);
	struct vg_startup_handle hs[32];
	size_t n = __vg_fd_export(hs, 31, false);
	vg_handle_t vfs;
	CHECK_EQ(vg_handle_duplicate(vfs_up_vfs(), VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &vfs), 0);
	hs[n++] = (struct vg_startup_handle){ VG_HTAG_FS_ROOT, 0, vfs, 0 };
	const void *image;
	size_t len;
	CHECK_EQ(vg_initrd_find("bin/fdchild", &image, &len), 0);
	static const char *const argv[] = { "fdchild", "/tmp/made-by-child", NULL };
	struct vg_spawn_req req = {
		.image = image, .len = len, .argv = argv, .handles = hs, .nhandles = n
	};
	vg_handle_t child;
	const char *why = NULL;
	CHECK_EQ(vg_spawn(&req, &child, &why), 0);
	CHECK_EQ(exit_code(child), 0);
	vg_handle_close(child);
	/* What the child wrote, and the position it shared with us. */
	char buf[32] = { 0 };
	CHECK_EQ(pread(in, buf, sizeof(buf), 0), 11);
	int rd = open("/tmp/out", O_RDONLY);
	CHECK_EQ(read(rd, buf, sizeof(buf)), 6);
	CHECK(memcmp(buf, ">CHILD", 6) == 0);
	close(rd);
	CHECK_EQ(lseek(in, 0, SEEK_CUR), 11);
	CHECK_EQ(vfs_size("/tmp/made-by-child"), 5);
	int closed = 0;
	int fds[] = { in, out, hidden, 3, 4, 5 };
	for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		closed += close(fds[i]) == 0;
	CHECK_EQ(closed, 6);
	CHECK_EQ(unlink("/tmp/in"), 0);
	CHECK_EQ(unlink("/tmp/out"), 0);
	CHECK_EQ(unlink("/tmp/made-by-child"), 0);
}
