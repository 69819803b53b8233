// SPDX-License-Identifier: BSD-2-Clause
// mmap of files on tmpfs and the boot archive: shared mappings are the
// file (read() and other mappers see their writes, and they see write()),
// private ones a copy; protections and errors.
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define PAGE 4096

UTEST(vfs_mmap_shared_is_the_file)
{
	CHECK_EQ(vfs_up(), 0);
	int fd = open("/tmp/mm", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	static char page[2 * PAGE];
	memset(page, 'x', sizeof(page));
	CHECK_EQ(write(fd, page, sizeof(page)), sizeof(page));
	char *a = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *b = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, PAGE);
	CHECK(a != MAP_FAILED && b != MAP_FAILED);
	if (a == MAP_FAILED || b == MAP_FAILED)
		return;
	CHECK_EQ(a[0], 'x');
	CHECK_EQ(b[PAGE - 1], 'x');
	/* Through the mapping: read() and the other mapper see it. */
	memcpy(a + PAGE + 10, "mapped", 6);
	CHECK(!memcmp(b + 10, "mapped", 6));
	char back[6];
	CHECK_EQ(pread(fd, back, 6, PAGE + 10), 6);
	CHECK(!memcmp(back, "mapped", 6));
	/* Through write(): both mappings see it, as does a new descriptor's. */
	CHECK_EQ(pwrite(fd, "written", 7, PAGE + 100), 7);
	CHECK(!memcmp(a + PAGE + 100, "written", 7));
	CHECK(!memcmp(b + 100, "written", 7));
	int fd2 = open("/tmp/mm", O_RDONLY);
	CHECK_EQ(pread(fd2, back, 6, PAGE + 10), 6);
	CHECK(!memcmp(back, "mapped", 6));
	close(fd2);
	CHECK_EQ(msync(a, 2 * PAGE, MS_SYNC), 0);
	CHECK_EQ(msync(a, PAGE, MS_ASYNC | MS_INVALIDATE), 0);
	/* A mapping outlives its descriptor; munmap ends it. */
	close(fd);
	CHECK(!memcmp(b + 10, "mapped", 6));
	a[0] = 'y';
	CHECK_EQ(munmap(a, 2 * PAGE), 0);
	CHECK_EQ(munmap(b, PAGE), 0);
	fd = open("/tmp/mm", O_RDONLY);
	CHECK_EQ(read(fd, back, 1), 1);
	CHECK_EQ(back[0], 'y');
	close(fd);
	CHECK_EQ(unlink("/tmp/mm"), 0);
}

/* The usual shm pattern: open, map, close, unlink, go on using the
 * mapping. The last close of an unlinked file must not take its pages
 * from under the mapping (it did: the next access faulted). */
UTEST(vfs_mmap_outlives_unlink_and_close)
{
	CHECK_EQ(vfs_up(), 0);
	int fd = open("/tmp/mmu", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	CHECK_EQ(ftruncate(fd, 2 * PAGE), 0);
	char *m = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED);
	if (m == MAP_FAILED)
		return;
	memcpy(m + PAGE, "before", 6);
	CHECK_EQ(close(fd), 0);
	CHECK_EQ(unlink("/tmp/mmu"), 0);
	CHECK(!memcmp(m + PAGE, "before", 6));
	memcpy(m, "after", 5);
	CHECK(!memcmp(m, "after", 5));
	CHECK_EQ(munmap(m, 2 * PAGE), 0);
}

UTEST(vfs_mmap_follows_truncate_and_growth)
{
	CHECK_EQ(vfs_up(), 0);
	int fd = open("/tmp/mmt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	static char data[3 * PAGE];
	memset(data, 'o', sizeof(data));
	CHECK_EQ(write(fd, data, sizeof(data)), sizeof(data));
	char *m = mmap(NULL, 3 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED);
	if (m == MAP_FAILED)
		return;
	/* Cut to one page and written again: the mapping shows the new
	 * pages, not the old ones. */
	CHECK_EQ(ftruncate(fd, PAGE), 0);
	CHECK_EQ(pwrite(fd, "new", 3, 2 * PAGE), 3);
	CHECK_EQ(m[0], 'o');
	CHECK_EQ(m[PAGE], 0);
	CHECK(!memcmp(m + 2 * PAGE, "new", 3));
	/* A file growing far past its size moves to larger storage; the
	 * mapping stays on the file's pages. */
	static char big[256 << 10];
	memset(big, 'g', sizeof(big));
	CHECK_EQ(pwrite(fd, big, sizeof(big), 0), sizeof(big));
	CHECK_EQ(m[0], 'g');
	CHECK_EQ(m[3 * PAGE - 1], 'g');
	CHECK_EQ(munmap(m, 3 * PAGE), 0);
	close(fd);
	CHECK_EQ(unlink("/tmp/mmt"), 0);
}

UTEST(vfs_mmap_private_is_a_copy)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(vfs_put("/tmp/mp", "private data", 12), 0);
	int fd = open("/tmp/mp", O_RDONLY);
	/* Writable private mappings of a read-only descriptor are allowed. */
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return;
	CHECK(!memcmp(p, "private data", 12));
	CHECK_EQ(p[12], 0); /* past the end of the file: zeros */
	p[0] = 'P';
	char back[12];
	CHECK_EQ(pread(fd, back, 12, 0), 12);
	CHECK_EQ(back[0], 'p');
	CHECK_EQ(munmap(p, PAGE), 0);
	close(fd);
	CHECK_EQ(unlink("/tmp/mp"), 0);
}

UTEST(vfs_mmap_errors)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(vfs_put("/tmp/me", "abc", 3), 0);
	int ro = open("/tmp/me", O_RDONLY), wo = open("/tmp/me", O_WRONLY);
	int rw = open("/tmp/me", O_RDWR);
	CHECK(ro >= 0 && wo >= 0 && rw >= 0);
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0), EACCES);
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, wo, 0), EACCES);
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, wo, 0), EACCES);
	CHECK_ERRNO(mmap(NULL, 0, PROT_READ, MAP_SHARED, rw, 0), EINVAL);
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, rw, 100), EINVAL);
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, rw, -PAGE), EINVAL);
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, 0, rw, 0), EINVAL);
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_SHARED | MAP_PRIVATE, rw, 0), EINVAL);
	CHECK_ERRNO(mmap(NULL, PAGE, 0x80, MAP_SHARED, rw, 0), EINVAL);
	CHECK_ERRNO(mmap((void *)0x1001, PAGE, PROT_READ, MAP_SHARED | MAP_FIXED, rw, 0), EINVAL);
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, 999, 0), EBADF);
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, -1, 0), EBADF);
	/* Not mappable: directories, pipes, devices. */
	int dir = open("/tmp", O_RDONLY | O_DIRECTORY);
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, dir, 0), ENODEV);
	int pfd[2];
	CHECK_EQ(pipe(pfd), 0);
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, pfd[0], 0), ENODEV);
	int zero = open("/dev/zero", O_RDWR);
	CHECK(zero >= 0);
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, zero, 0), ENODEV);
	CHECK_ERRNO(munmap((void *)0x1001, PAGE), EINVAL);
	CHECK_ERRNO(munmap((void *)0x1000, 0), EINVAL);
	CHECK_ERRNO(msync((void *)0x1001, PAGE, MS_SYNC), EINVAL);
	CHECK_ERRNO(msync((void *)0x1000, PAGE, MS_SYNC | MS_ASYNC), EINVAL);
	/* A mapping larger than the file, and an executable one. */
	char *m = mmap(NULL, 4 * PAGE, PROT_READ | PROT_EXEC, MAP_SHARED, ro, 0);
	CHECK(m != MAP_FAILED);
	if (m != MAP_FAILED) {
		CHECK(!memcmp(m, "abc", 3));
		CHECK_EQ(munmap(m, 4 * PAGE), 0);
	}
	close(zero);
	close(pfd[0]);
	close(pfd[1]);
	close(dir);
	close(ro);
	close(wo);
	close(rw);
	CHECK_EQ(unlink("/tmp/me"), 0);
}

UTEST(vfs_mmap_fixed_and_anonymous)
{
	CHECK_EQ(vfs_up(), 0);
	char *anon =
		mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(anon != MAP_FAILED);
	if (anon == MAP_FAILED)
		return;
	CHECK_EQ(anon[0] | anon[3 * PAGE - 1], 0);
	anon[PAGE] = 'a';
	/* MAP_FIXED replaces the middle page with a file's. */
	CHECK_EQ(vfs_put("/tmp/mf", "fixed", 5), 0);
	int fd = open("/tmp/mf", O_RDONLY);
	char *f = mmap(anon + PAGE, PAGE, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0);
	CHECK(f == anon + PAGE);
	CHECK(!memcmp(anon + PAGE, "fixed", 5));
	anon[2 * PAGE] = 'b';
	CHECK_EQ(anon[2 * PAGE], 'b');
	CHECK_EQ(munmap(anon, 3 * PAGE), 0);
	close(fd);
	CHECK_EQ(unlink("/tmp/mf"), 0);
}

UTEST(vfs_mmap_boot_archive_file)
{
	CHECK_EQ(vfs_up(), 0);
	int fd = open("/bin/tmpfs", O_RDONLY);
	CHECK(fd >= 0);
	struct stat st;
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK(st.st_size > PAGE);
	static char head[PAGE + 64];
	CHECK_EQ(pread(fd, head, sizeof(head), 0), sizeof(head));
	char *s = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(s != MAP_FAILED && p != MAP_FAILED);
	if (s == MAP_FAILED || p == MAP_FAILED)
		return;
	CHECK(!memcmp(s, "\177ELF", 4));
	CHECK(!memcmp(s, head, sizeof(head)));
	CHECK(!memcmp(p, head, sizeof(head)));
	p[0] = 0; /* the copy only */
	CHECK_EQ(s[0], 0x7f);
	/* The archive is read-only: no shared writable mapping. */
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), EACCES);
	CHECK_EQ(munmap(s, (size_t)st.st_size), 0);
	CHECK_EQ(munmap(p, 2 * PAGE), 0);
	close(fd);
}

/* file.map itself: the handle's rights follow the request, and no client
 * may change the size of a file's pages behind tmpfs's back. */
UTEST(vfs_map_protocol_rights)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(vfs_put("/tmp/mr", "rights", 6), 0);
	vg_handle_t rw, ro, mem;
	struct fs_attr attr;
	CHECK_EQ(fs_vfs_open(vfs_up_vfs(), "/tmp/mr", O_RDWR, 0, &rw, &attr), 0);
	CHECK_EQ(fs_vfs_open(vfs_up_vfs(), "/tmp/mr", O_RDONLY, 0, &ro, &attr), 0);
	CHECK_EQ(fs_file_map(ro, PAGE, true, &mem), FS_FS_ERROR_DENIED);
	CHECK_EQ(fs_file_map(rw, 0, false, &mem), FS_FS_ERROR_INVALID);
	CHECK_EQ(fs_file_map(ro, PAGE, false, &mem), 0);
	struct vg_handle_info info;
	CHECK_EQ(vg_handle_info(mem, &info), 0);
	CHECK_EQ(info.rights & (VG_RIGHT_WRITE | VG_RIGHT_MANAGE), 0);
	vg_handle_close(mem);
	CHECK_EQ(fs_file_map(rw, PAGE, true, &mem), 0);
	CHECK_EQ(vg_handle_info(mem, &info), 0);
	CHECK(info.rights & VG_RIGHT_WRITE);
	CHECK_EQ(vg_vmo_set_size(mem, 0), ERR_ACCESS_DENIED);
	char back[6];
	CHECK_EQ(vg_vmo_read(mem, 0, back, 6), 0);
	CHECK(!memcmp(back, "rights", 6));
	vg_handle_close(mem);
	CHECK_EQ(fs_file_close(rw), 0);
	CHECK_EQ(fs_file_close(ro), 0);
	vg_handle_close(rw);
	vg_handle_close(ro);
	CHECK_EQ(unlink("/tmp/mr"), 0);
}
