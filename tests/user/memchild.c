// SPDX-License-Identifier: BSD-2-Clause
// A program the memory tests (tests/user/utest/t_mprotect.c,
// t_mmap_fork.c, t_exec_file.c) start with posix_spawn, so that their
// forks and faults happen in a process of their own. argv[1] says what to
// do; the exit code says how it went (0: every check passed, else the
// line of the first that failed, modulo 200, plus 1). The modes meant to
// fault end with SIGSEGV, which the test expects instead.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vg/vg.h>

#define PAGE 4096
#define EXPECT(c)                                                                   \
	do {                                                                        \
		if (!(c)) {                                                         \
			vg_printf("memchild: %s:%d: %s\n", __FILE__, __LINE__, #c); \
			return __LINE__ % 200 + 1;                                  \
		}                                                                   \
	} while (0)

/* A child running fn: its wait status, or -1. */
static int in_child(int (*fn)(char *), char *p)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(fn(p));
	int st;
	return pid > 0 && waitpid(pid, &st, 0) == pid ? st : -1;
}

static int write_page(char *p)
{
	p[0] = 'w';
	return 0;
}

static int read_page(char *p)
{
	return *(volatile char *)p == 0x7f ? 3 : 4;
}

/* mprotect to make a page read-only, inaccessible, writable again: the
 * data stays, and each forbidden access is SIGSEGV; a range is split at
 * its ends; errors as POSIX has them. */
static int protections(void)
{
	char *p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(p != MAP_FAILED);
	memset(p, 'a', 3 * PAGE);
	EXPECT(mprotect(p + PAGE, PAGE, PROT_READ) == 0);
	EXPECT(p[PAGE] == 'a');
	/* The neighbours stay writable; the middle page faults on a write. */
	p[0] = 'b';
	p[2 * PAGE] = 'c';
	int st = in_child(write_page, p + PAGE);
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
	EXPECT(in_child(write_page, p + 2 * PAGE) == 0);
	EXPECT(mprotect(p, 3 * PAGE, PROT_NONE) == 0);
	st = in_child(read_page, p);
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
	EXPECT(mprotect(p, 3 * PAGE, PROT_READ | PROT_WRITE) == 0);
	EXPECT(p[0] == 'b' && p[PAGE] == 'a' && p[2 * PAGE] == 'c');
	p[PAGE] = 'd';
	EXPECT(p[PAGE] == 'd');
	/* Errors: unaligned, not mapped (ENOMEM), W+X (refused everywhere
	 * here), unknown bits; a zero length does nothing. */
	EXPECT(mprotect(p + 1, PAGE, PROT_READ) == -1 && errno == EINVAL);
	EXPECT(mprotect(p, PAGE, 0x100) == -1 && errno == EINVAL);
	EXPECT(mprotect(p, PAGE, PROT_WRITE | PROT_EXEC) == -1 && errno == EACCES);
	EXPECT(mprotect(p, 0, PROT_NONE) == 0);
	EXPECT(munmap(p + PAGE, PAGE) == 0);
	EXPECT(mprotect(p, 3 * PAGE, PROT_READ) == -1 && errno == ENOMEM);
	EXPECT(p[0] == 'b'); /* nothing changed: still writable */
	p[0] = 'e';
	EXPECT(munmap(p, 3 * PAGE) == 0);
	return 0;
}

static int make_writable_and_write(char *p)
{
	if (mprotect(p, PAGE, PROT_READ | PROT_WRITE))
		return 5;
	p[0] = 'c';
	return p[0] == 'c' ? 0 : 6;
}

/* A private mapping made read-only before a fork is still the parent's
 * own: a child that makes it writable writes its own copy. A read-only
 * file mapping cannot become writable. */
static int private_stays_private(void)
{
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(p != MAP_FAILED);
	p[0] = 'p';
	EXPECT(mprotect(p, PAGE, PROT_READ) == 0);
	EXPECT(in_child(make_writable_and_write, p) == 0);
	EXPECT(p[0] == 'p');
	int fd = open("/tmp/memchild_ro", O_RDWR | O_CREAT | O_TRUNC, 0644);
	EXPECT(fd >= 0 && ftruncate(fd, PAGE) == 0);
	close(fd);
	fd = open("/tmp/memchild_ro", O_RDONLY);
	EXPECT(fd >= 0);
	char *f = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	EXPECT(f != MAP_FAILED);
	EXPECT(mprotect(f, PAGE, PROT_READ | PROT_WRITE) == -1 && errno == EACCES);
	EXPECT(munmap(f, PAGE) == 0 && close(fd) == 0 && unlink("/tmp/memchild_ro") == 0);
	return 0;
}

static int write_child(char *p)
{
	memcpy(p, "child", 6);
	return 0;
}

/* MAP_SHARED stays one memory across fork (anonymous and file); a private
 * mapping is the child's copy. */
static int shared_across_fork(void)
{
	char *s = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	char *q = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(s != MAP_FAILED && q != MAP_FAILED);
	memcpy(s, "parent", 7);
	memcpy(q, "parent", 7);
	EXPECT(in_child(write_child, s) == 0);
	EXPECT(!strcmp(s, "child"));
	EXPECT(in_child(write_child, q) == 0);
	EXPECT(!strcmp(q, "parent"));
	int fd = open("/tmp/memchild_sh", O_RDWR | O_CREAT | O_TRUNC, 0644);
	EXPECT(fd >= 0 && ftruncate(fd, PAGE) == 0);
	char *f = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	EXPECT(f != MAP_FAILED);
	memcpy(f, "parent", 7);
	EXPECT(in_child(write_child, f) == 0);
	EXPECT(!strcmp(f, "child"));
	char back[6];
	EXPECT(pread(fd, back, 6, 0) == 6 && !memcmp(back, "child", 6));
	EXPECT(munmap(f, PAGE) == 0 && close(fd) == 0 && unlink("/tmp/memchild_sh") == 0);
	return 0;
}

/* execve of argv[2] (exec-file): its exit status, or 100 + errno if it
 * could not start. */
static int exec_file(char *path)
{
	char *argv[] = { "proc_child", "exit", "7", NULL };
	char *envp[] = { NULL };
	execve(path, argv, envp);
	return 100 + errno;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "exec-file"))
		return exec_file(argv[2]);
	if (argc != 2)
		return 2;
	if (!strcmp(argv[1], "protections"))
		return protections();
	if (!strcmp(argv[1], "private"))
		return private_stays_private();
	if (!strcmp(argv[1], "shared"))
		return shared_across_fork();
	return 2;
}
