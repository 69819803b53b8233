// SPDX-License-Identifier: BSD-2-Clause
// SIGBUS for an access to a file mapping past the end of the file
// (docs/ARCHITECTURE.md sections 13 and 17): the file server's VMO holds
// the file's pages only, the mapping reaches past it (VG_VM_PAST_END),
// and the fault there is VG_EXC_PAST_END, which the C library makes
// SIGBUS with si_code BUS_ADRERR and si_addr; the same after ftruncate
// shrinks a mapped file, and no more once it grows again.
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../utest.h"
#include "../vfs_up.h"

#define PAGE 4096

static sigjmp_buf back;
static volatile int bus_sig, bus_code;
static void *volatile bus_addr;

static void on_bus(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	bus_sig = sig;
	bus_code = si->si_code;
	bus_addr = si->si_addr;
	siglongjmp(back, 1);
}

/* Reads the byte at p: its value, or -1 after a SIGBUS at p. */
static int touch(volatile char *p)
{
	bus_sig = bus_code = 0;
	bus_addr = NULL;
	if (sigsetjmp(back, 1))
		return bus_sig == SIGBUS && bus_code == BUS_ADRERR && bus_addr == (void *)p ? -1
											    : -2;
	return (unsigned char)*p;
}

/* Maps the SIGBUS handler for a test; the old action goes in old. */
static void catch_bus(struct sigaction *old)
{
	struct sigaction a = { .sa_sigaction = on_bus, .sa_flags = SA_SIGINFO };
	sigemptyset(&a.sa_mask);
	CHECK_EQ(sigaction(SIGBUS, &a, old), 0);
}

static int make_file(const char *path, size_t len)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	static char data[3 * PAGE];
	memset(data, 'f', sizeof(data));
	if (fd >= 0 && write(fd, data, len) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	return fd;
}

UTEST(sigbus_past_the_end_of_a_mapped_file)
{
	CHECK_EQ(vfs_up(), 0);
	struct sigaction old;
	catch_bus(&old);
	int fd = make_file("/tmp/sigbus", 100);
	CHECK(fd >= 0);
	char *s = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(s != MAP_FAILED && p != MAP_FAILED);
	if (s == MAP_FAILED || p == MAP_FAILED)
		return;
	/* The file's page: its bytes, then zeros to the page's end. */
	CHECK_EQ(touch(s + 99), 'f');
	CHECK_EQ(touch(s + 100), 0);
	CHECK_EQ(touch(p + 99), 'f');
	/* The page past the end of the file. */
	CHECK_EQ(touch(s + PAGE), -1);
	CHECK_EQ(touch(s + 2 * PAGE - 1), -1);
	CHECK_EQ(touch(p + PAGE + 8), -1);
	/* A fork copies such mappings as they are. */
	pid_t pid = fork();
	if (pid == 0)
		_exit(touch(s + 1) == 'f' && touch(s + PAGE) == -1 ? 0 : 1);
	int st;
	CHECK(pid > 0);
	CHECK_EQ(waitpid(pid, &st, 0), pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	/* The file grows: the shared mapping sees the new page. */
	CHECK_EQ(ftruncate(fd, PAGE + 10), 0);
	CHECK_EQ(touch(s + PAGE), 0);
	CHECK_EQ(munmap(s, 2 * PAGE), 0);
	CHECK_EQ(munmap(p, 2 * PAGE), 0);
	close(fd);
	CHECK_EQ(unlink("/tmp/sigbus"), 0);
	sigaction(SIGBUS, &old, NULL);
}

UTEST(sigbus_after_ftruncate_shrinks_a_mapped_file)
{
	CHECK_EQ(vfs_up(), 0);
	struct sigaction old;
	catch_bus(&old);
	int fd = make_file("/tmp/sigbus2", 3 * PAGE);
	CHECK(fd >= 0);
	char *s = mmap(NULL, 3 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(s != MAP_FAILED);
	if (s == MAP_FAILED)
		return;
	CHECK_EQ(touch(s + 2 * PAGE), 'f');
	CHECK_EQ(ftruncate(fd, PAGE), 0);
	CHECK_EQ(touch(s + PAGE - 1), 'f');
	CHECK_EQ(touch(s + PAGE), -1);
	CHECK_EQ(touch(s + 2 * PAGE + 5), -1);
	CHECK_EQ(ftruncate(fd, 3 * PAGE), 0);
	CHECK_EQ(touch(s + 2 * PAGE + 5), 0);
	CHECK_EQ(munmap(s, 3 * PAGE), 0);
	close(fd);
	CHECK_EQ(unlink("/tmp/sigbus2"), 0);
	sigaction(SIGBUS, &old, NULL);
}

/* Runs check in a fork's child: whether it gave 0 there. */
static bool in_child(int (*check)(char *, char *), char *s, char *p)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(check(s, p));
	int st;
	return pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static int empty_in_child(char *s, char *p)
{
	return touch(s + 9) == 'f' && touch(s + PAGE) == -1 && touch(p) == -1 ? 0 : 1;
}

/* An empty file has no page: its mapping's first page is past the end as
 * much as the second (it read zeros). */
UTEST(sigbus_in_the_mapping_of_an_empty_file)
{
	CHECK_EQ(vfs_up(), 0);
	struct sigaction old;
	catch_bus(&old);
	int fd = make_file("/tmp/sigbus3", 0);
	CHECK(fd >= 0);
	char *s = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(s != MAP_FAILED && p != MAP_FAILED);
	if (s == MAP_FAILED || p == MAP_FAILED)
		return;
	CHECK_EQ(touch(s), -1);
	CHECK_EQ(touch(s + PAGE - 1), -1);
	CHECK_EQ(touch(s + PAGE), -1);
	CHECK_EQ(touch(p), -1);
	/* It grows: the shared mapping sees the page, the private one stays
	 * the (empty) copy it was. A fork copies both as they are. */
	CHECK_EQ(write(fd, "ffffffffff", 10), 10);
	CHECK_EQ(touch(s + 9), 'f');
	CHECK_EQ(touch(s + 10), 0);
	CHECK_EQ(touch(s + PAGE), -1);
	CHECK_EQ(touch(p), -1);
	CHECK(in_child(empty_in_child, s, p));
	CHECK_EQ(munmap(s, 2 * PAGE), 0);
	CHECK_EQ(munmap(p, PAGE), 0);
	close(fd);
	CHECK_EQ(unlink("/tmp/sigbus3"), 0);
	sigaction(SIGBUS, &old, NULL);
}

/* However the file grows under a mapping (a write past its end, a larger
 * truncation, a write that moves it to larger storage), the page holding
 * its last byte reads zeros after it and every whole page past it is
 * SIGBUS: tmpfs's storage grows by doubling, and its spare pages read as
 * zeros through the mapping. */
UTEST(sigbus_past_the_last_page_after_growth)
{
	CHECK_EQ(vfs_up(), 0);
	struct sigaction old;
	catch_bus(&old);
	int fd = make_file("/tmp/sigbus4", 100);
	CHECK(fd >= 0);
	char *s = mmap(NULL, 32 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(s != MAP_FAILED);
	if (s == MAP_FAILED)
		return;
	CHECK_EQ(touch(s + PAGE), -1);
	CHECK_EQ(pwrite(fd, "ffffffffff", 10, 2 * PAGE), 10);
	CHECK_EQ(touch(s + PAGE), 0);
	CHECK_EQ(touch(s + 2 * PAGE + 9), 'f');
	CHECK_EQ(touch(s + 2 * PAGE + 10), 0);
	CHECK_EQ(touch(s + 3 * PAGE), -1);
	CHECK_EQ(ftruncate(fd, 5 * PAGE + 1), 0);
	CHECK_EQ(touch(s + 5 * PAGE), 0);
	CHECK_EQ(touch(s + 6 * PAGE), -1);
	CHECK_EQ(touch(s + 7 * PAGE + 100), -1);
	static char big[70 << 10];
	memset(big, 'f', sizeof(big));
	CHECK_EQ(pwrite(fd, big, sizeof(big), 0), sizeof(big));
	CHECK_EQ(touch(s + sizeof(big) - 1), 'f');
	CHECK_EQ(touch(s + sizeof(big)), 0);
	CHECK_EQ(touch(s + 18 * PAGE), -1);
	CHECK_EQ(touch(s + 31 * PAGE), -1);
	/* A mapping made now ends there too. */
	char *t = mmap(NULL, 32 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(t != MAP_FAILED);
	if (t != MAP_FAILED) {
		CHECK_EQ(touch(t + 17 * PAGE), 'f');
		CHECK_EQ(touch(t + 18 * PAGE), -1);
		CHECK_EQ(munmap(t, 32 * PAGE), 0);
	}
	CHECK_EQ(munmap(s, 32 * PAGE), 0);
	close(fd);
	CHECK_EQ(unlink("/tmp/sigbus4"), 0);
	sigaction(SIGBUS, &old, NULL);
}

static int past_in_child(char *s, char *p)
{
	return touch(s) == -1 && touch(p + PAGE) == -1 ? 0 : 1;
}

/* A mapping may start past the file's last page (POSIX, Linux): it is
 * made, and its accesses are SIGBUS until the file reaches them. An offset
 * past the largest file is EOVERFLOW. */
UTEST(mmap_at_an_offset_past_the_end_of_the_file)
{
	CHECK_EQ(vfs_up(), 0);
	struct sigaction old;
	catch_bus(&old);
	int fd = make_file("/tmp/sigbus5", 100);
	CHECK(fd >= 0);
	char *s = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, 4 * PAGE);
	char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, PAGE);
	CHECK(s != MAP_FAILED && p != MAP_FAILED);
	if (s == MAP_FAILED || p == MAP_FAILED)
		return;
	CHECK_EQ(touch(s), -1);
	CHECK_EQ(touch(s + PAGE + 1), -1);
	CHECK_EQ(touch(p), -1);
	CHECK_EQ(touch(p + PAGE), -1);
	CHECK(in_child(past_in_child, s, p));
	/* The file reaches the shared one: it shows the new page (the private
	 * one is the copy it was, of nothing). */
	CHECK_EQ(ftruncate(fd, 5 * PAGE), 0);
	CHECK_EQ(pwrite(fd, "f", 1, 4 * PAGE + 7), 1);
	CHECK_EQ(touch(s + 7), 'f');
	CHECK_EQ(touch(s + PAGE), -1);
	CHECK_EQ(touch(p), -1);
	CHECK_EQ(munmap(s, 2 * PAGE), 0);
	CHECK_EQ(munmap(p, 2 * PAGE), 0);
	const off_t largest = (off_t)1 << 36; /* tmpfs's largest file */
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, largest), EOVERFLOW);
	CHECK_ERRNO(mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, largest - PAGE), EOVERFLOW);
	char *last = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, largest - PAGE);
	CHECK(last != MAP_FAILED);
	if (last != MAP_FAILED) {
		CHECK_EQ(touch(last), -1);
		CHECK_EQ(munmap(last, PAGE), 0);
	}
	close(fd);
	CHECK_EQ(unlink("/tmp/sigbus5"), 0);
	sigaction(SIGBUS, &old, NULL);
}
