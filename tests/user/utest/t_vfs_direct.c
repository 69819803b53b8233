// SPDX-License-Identifier: BSD-2-Clause
// The direct data path (lib/c/os/fd/direct.c; file.pages and file.span in
// idl/fs.idl): the rights of the pages' handle, span at the position, at
// offsets, past the end and with O_APPEND, the access mode; a shared
// mapping and write()/read() seeing each other; a bad buffer; a forked
// child's big writes (tests/user/permchild.c, "bigfork").
#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static uint32_t rights_of(vg_handle_t h)
{
	struct vg_handle_info info = { 0 };
	return vg_handle_info(h, &info) ? 0 : info.rights;
}

UTEST(vfs_direct_protocol)
{
	CHECK_EQ(vfs_up(), 0);
	enum { N = 100000 };
	unsigned char *buf = vfs_patterned(N), *back = malloc(N);
	CHECK(buf && back);
	if (!buf || !back)
		return;
	vg_handle_t rw, ro, wo, mem, rmem;
	struct fs_attr attr;
	CHECK_EQ(fs_vfs_open(vfs_up_vfs(), "/tmp/direct", O_RDWR | O_CREAT | O_TRUNC, 0644, &rw,
			     &attr),
		 0);
	CHECK_EQ(fs_vfs_open(vfs_up_vfs(), "/tmp/direct", O_RDONLY, 0, &ro, &attr), 0);
	CHECK_EQ(fs_vfs_open(vfs_up_vfs(), "/tmp/direct", O_WRONLY | O_APPEND, 0, &wo, &attr), 0);
	/* The pages: read and write as the open file allows, never map. */
	CHECK_EQ(fs_file_pages(ro, &rmem), 0);
	CHECK_EQ(rights_of(rmem) & (VG_RIGHT_READ | VG_RIGHT_WRITE | VG_RIGHT_MAP), VG_RIGHT_READ);
	CHECK(vg_vmo_write(rmem, 0, "x", 1) < 0);
	CHECK_EQ(fs_file_pages(rw, &mem), 0);
	CHECK_EQ(rights_of(mem) & (VG_RIGHT_READ | VG_RIGHT_WRITE | VG_RIGHT_MAP),
		 VG_RIGHT_READ | VG_RIGHT_WRITE);
	/* A write span: the size and the position move; the copy is ours. */
	uint64_t at = 1, count = 1;
	CHECK_EQ(fs_file_span(rw, UINT64_MAX, N, true, &at, &count), 0);
	CHECK_EQ(at, 0);
	CHECK_EQ(count, N);
	CHECK_EQ(vfs_size("/tmp/direct"), N);
	CHECK_EQ(vg_vmo_write(mem, 0, buf, N), 0);
	/* O_APPEND: at the end, wherever the position is. */
	CHECK_EQ(fs_file_span(wo, UINT64_MAX, 5000, true, &at, &count), 0);
	CHECK_EQ(at, N);
	CHECK_EQ(count, 5000);
	CHECK_EQ(vg_vmo_write(mem, N, buf, 5000), 0);
	/* Read spans: from the position, cut at the end, nothing past it. */
	CHECK_EQ(fs_file_span(ro, UINT64_MAX, 70000, false, &at, &count), 0);
	CHECK_EQ(at, 0);
	CHECK_EQ(count, 70000);
	CHECK_EQ(fs_file_span(ro, UINT64_MAX, 70000, false, &at, &count), 0);
	CHECK_EQ(at, 70000);
	CHECK_EQ(count, N + 5000 - 70000);
	CHECK_EQ(fs_file_span(ro, 3 * N, 10, false, &at, &count), 0);
	CHECK_EQ(count, 0);
	CHECK_EQ(vg_vmo_read(rmem, 0, back, N), 0);
	CHECK_EQ(vfs_pattern_bad(back, 0, N), 0);
	/* The same bytes through read(). */
	int fd = open("/tmp/direct", O_RDONLY);
	memset(back, 0, N);
	CHECK_EQ(pread(fd, back, N, 0), N);
	CHECK_EQ(vfs_pattern_bad(back, 0, N), 0);
	CHECK_EQ(pread(fd, back, 5000, N), 5000);
	CHECK_EQ(vfs_pattern_bad(back, 0, 5000), 0);
	close(fd);
	/* The access mode holds. */
	CHECK_EQ(fs_file_span(ro, 0, 10, true, &at, &count), FS_FS_ERROR_BAD_FILE);
	CHECK_EQ(fs_file_span(wo, 0, 10, false, &at, &count), FS_FS_ERROR_BAD_FILE);
	vg_handle_close(mem);
	vg_handle_close(rmem);
	vg_handle_t h[] = { rw, ro, wo };
	for (int i = 0; i < 3; i++) {
		CHECK_EQ(fs_file_close(h[i]), 0);
		vg_handle_close(h[i]);
	}
	CHECK_EQ(unlink("/tmp/direct"), 0);
	free(buf);
	free(back);
}

UTEST(vfs_direct_mapping_and_bad_buffer)
{
	CHECK_EQ(vfs_up(), 0);
	enum { N = 256 << 10 };
	unsigned char *buf = vfs_patterned(N), *back = malloc(N);
	CHECK(buf && back);
	if (!buf || !back)
		return;
	int fd = open("/tmp/dmap", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK_EQ(write(fd, buf, N), N);
	unsigned char *m = mmap(NULL, N, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED);
	if (m == MAP_FAILED)
		return;
	CHECK_EQ(vfs_pattern_bad(m, 0, N), 0);
	/* Stores through the mapping: read() sees them. */
	memset(m, 0xab, N / 2);
	CHECK_EQ(pread(fd, back, N, 0), N);
	CHECK(back[0] == 0xab && back[N / 2 - 1] == 0xab);
	CHECK_EQ(vfs_pattern_bad(back + N / 2, N / 2, N / 2), 0);
	/* write(): the mapping sees it. */
	CHECK_EQ(pwrite(fd, buf, N, 0), N);
	CHECK_EQ(vfs_pattern_bad(m, 0, N), 0);
	CHECK_EQ(munmap(m, N), 0);
	/* A bad buffer: EFAULT, and the position stays. */
	CHECK_EQ(lseek(fd, 4096, SEEK_SET), 4096);
	CHECK_ERRNO(write(fd, (void *)(uintptr_t)4096, 128 << 10), EFAULT);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 4096);
	CHECK_ERRNO(read(fd, (void *)(uintptr_t)4096, 128 << 10), EFAULT);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 4096);
	close(fd);
	CHECK_EQ(unlink("/tmp/dmap"), 0);
	free(buf);
	free(back);
}

/* After fork the child has its own handle to the file's pages. */
UTEST(vfs_direct_after_fork)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(proc_server());
	char *argv[] = { "permchild", "bigfork", "/tmp/dfork", NULL }, *envp[] = { NULL };
	pid_t pid;
	int st = -1;
	CHECK_EQ(posix_spawn(&pid, "/bin/permchild", NULL, NULL, argv, envp), 0);
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 0);
	CHECK_EQ(vfs_size("/tmp/dfork"), 3 << 18);
	CHECK_EQ(unlink("/tmp/dfork"), 0);
}
