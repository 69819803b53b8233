// SPDX-License-Identifier: BSD-2-Clause
// Named semaphores and shared memory objects (lib/c/os/shm): POSIX's
// errors, one address per semaphore in a process, and two processes that
// each open the objects by name (neither inherits the other's mapping: the
// child is forked before either opens anything) and meet in their futexes.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../utest.h"
#include "../vfs_up.h"

#define WAIT_S 10

static struct timespec deadline(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += WAIT_S;
	return ts;
}

/* errno after a call that must fail. */
#define FAILS_WITH(call, bad, err)      \
	do {                            \
		errno = 0;              \
		CHECK((call) == (bad)); \
		CHECK_EQ(errno, (err)); \
	} while (0)

UTEST(libc_sem_named_errors)
{
	CHECK_EQ(vfs_up(), 0);
	char longname[NAME_MAX + 2];
	longname[0] = '/';
	memset(longname + 1, 'n', NAME_MAX);
	longname[NAME_MAX + 1] = 0;
	sem_unlink("/t_sem_err");
	FAILS_WITH(sem_open("/t_sem_err", 0), SEM_FAILED, ENOENT);
	FAILS_WITH(sem_open("/", O_CREAT, 0600, 0), SEM_FAILED, EINVAL);
	FAILS_WITH(sem_open("/a/b", O_CREAT, 0600, 0), SEM_FAILED, EINVAL);
	FAILS_WITH(sem_open("/..", O_CREAT, 0600, 0), SEM_FAILED, EINVAL);
	FAILS_WITH(sem_open(longname, O_CREAT, 0600, 0), SEM_FAILED, ENAMETOOLONG);
	FAILS_WITH(sem_open("/t_sem_err", O_CREAT, 0600, SEM_VALUE_MAX + 1u), SEM_FAILED, EINVAL);
	FAILS_WITH(sem_open("/t_sem_err", O_CREAT | O_TRUNC, 0600, 0), SEM_FAILED, EINVAL);
	sem_t *s = sem_open("/t_sem_err", O_CREAT | O_EXCL, 0600, 2);
	CHECK(s != SEM_FAILED);
	FAILS_WITH(sem_open("/t_sem_err", O_CREAT | O_EXCL, 0600, 0), SEM_FAILED, EEXIST);
	/* Opened again, with or without O_CREAT: the same semaphore, same
	 * address, its value untouched by the second O_CREAT's. */
	sem_t *t = sem_open("//t_sem_err", O_CREAT, 0600, 7);
	sem_t *u = sem_open("/t_sem_err", 0);
	CHECK(t == s && u == s);
	int v = -1;
	CHECK_EQ(sem_getvalue(s, &v), 0);
	CHECK_EQ(v, 2);
	CHECK_EQ(sem_close(t), 0);
	CHECK_EQ(sem_close(u), 0);
	CHECK_EQ(sem_trywait(s), 0); /* still mapped after two of three closes */
	CHECK_EQ(sem_close(s), 0);
	FAILS_WITH(sem_close(s), -1, EINVAL);
	sem_t plain;
	sem_init(&plain, 0, 0);
	FAILS_WITH(sem_close(&plain), -1, EINVAL);
	/* The value lives in the file: a new open sees the wait above. */
	s = sem_open("/t_sem_err", 0);
	CHECK(s != SEM_FAILED);
	CHECK_EQ(sem_getvalue(s, &v), 0);
	CHECK_EQ(v, 1);
	CHECK_EQ(sem_unlink("/t_sem_err"), 0);
	FAILS_WITH(sem_unlink("/t_sem_err"), -1, ENOENT);
	/* Unlinked, it still works for those who have it open. */
	CHECK_EQ(sem_post(s), 0);
	CHECK_EQ(sem_getvalue(s, &v), 0);
	CHECK_EQ(v, 2);
	CHECK_EQ(sem_close(s), 0);
	FAILS_WITH(sem_open("/t_sem_err", 0), SEM_FAILED, ENOENT);
	FAILS_WITH(sem_unlink(""), -1, EINVAL);
	FAILS_WITH(sem_unlink(longname), -1, ENAMETOOLONG);
	/* A semaphore file someone else truncated is refused, not mapped. */
	sem_t *w = sem_open("/t_sem_short", O_CREAT, 0600, 0);
	CHECK(w != SEM_FAILED);
	CHECK_EQ(sem_close(w), 0);
	CHECK_EQ(truncate("/run/shm/sem.t_sem_short", 1), 0);
	FAILS_WITH(sem_open("/t_sem_short", 0), SEM_FAILED, EINVAL);
	CHECK_EQ(sem_unlink("/t_sem_short"), 0);
}

/* The child's side: open both by name (racing the parent to create them),
 * wait for "go", post "done" three times. */
static int sem_child(void)
{
	sem_t *go = sem_open("/t_sem_go", O_CREAT, 0600, 0);
	sem_t *done = sem_open("/t_sem_done", O_CREAT, 0600, 0);
	if (go == SEM_FAILED || done == SEM_FAILED)
		return 1;
	struct timespec until = deadline();
	if (sem_timedwait(go, &until))
		return 2;
	for (int i = 0; i < 3; i++)
		sem_post(done);
	return sem_close(go) || sem_close(done) ? 3 : 0;
}

UTEST(libc_sem_named_two_processes)
{
	CHECK_EQ(vfs_up(), 0);
	sem_unlink("/t_sem_go");
	sem_unlink("/t_sem_done");
	pid_t pid = fork();
	if (pid == 0)
		_exit(sem_child());
	CHECK(pid > 0);
	sem_t *go = sem_open("/t_sem_go", O_CREAT, 0600, 0);
	sem_t *done = sem_open("/t_sem_done", O_CREAT, 0600, 0);
	CHECK(go != SEM_FAILED && done != SEM_FAILED);
	if (go == SEM_FAILED || done == SEM_FAILED)
		return;
	/* Give the child time to fall asleep in sem_timedwait, so the post
	 * below has to wake it through the futex. */
	struct timespec pause = { 0, 100000000 };
	nanosleep(&pause, NULL);
	CHECK_EQ(sem_post(go), 0);
	struct timespec until = deadline();
	for (int i = 0; i < 3; i++)
		CHECK_EQ(sem_timedwait(done, &until), 0);
	int status = -1;
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status));
	CHECK_EQ(WEXITSTATUS(status), 0);
	int v = -1;
	CHECK_EQ(sem_getvalue(done, &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(sem_close(go), 0);
	CHECK_EQ(sem_close(done), 0);
	CHECK_EQ(sem_unlink("/t_sem_go"), 0);
	CHECK_EQ(sem_unlink("/t_sem_done"), 0);
}

/* The child writes a message into the object and posts "ready". */
static int shm_child(void)
{
	sem_t *ready = sem_open("/t_shm_ready", O_CREAT, 0600, 0);
	int fd = shm_open("/t_shm", O_RDWR | O_CREAT, 0600);
	if (ready == SEM_FAILED || fd < 0 || ftruncate(fd, 4096))
		return 1;
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return 2;
	close(fd);
	strcpy(p + 100, "from the child");
	sem_post(ready);
	return 0;
}

UTEST(libc_shm_open_two_processes)
{
	CHECK_EQ(vfs_up(), 0);
	shm_unlink("/t_shm");
	sem_unlink("/t_shm_ready");
	FAILS_WITH(shm_open("/t_shm", O_RDWR, 0), -1, ENOENT);
	FAILS_WITH(shm_open("/t_shm", O_WRONLY | O_CREAT, 0600), -1, EINVAL);
	FAILS_WITH(shm_open("t/shm", O_RDWR | O_CREAT, 0600), -1, EINVAL);
	FAILS_WITH(shm_unlink("/t_shm"), -1, ENOENT);
	pid_t pid = fork();
	if (pid == 0)
		_exit(shm_child());
	CHECK(pid > 0);
	sem_t *ready = sem_open("/t_shm_ready", O_CREAT, 0600, 0);
	CHECK(ready != SEM_FAILED);
	struct timespec until = deadline();
	CHECK_EQ(sem_timedwait(ready, &until), 0);
	int fd = shm_open("/t_shm", O_RDONLY, 0);
	CHECK(fd >= 0);
	FAILS_WITH(shm_open("/t_shm", O_RDWR | O_CREAT | O_EXCL, 0600), -1, EEXIST);
	struct stat st;
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK_EQ(st.st_size, 4096);
	char *p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		CHECK(!strcmp(p + 100, "from the child"));
		munmap(p, 4096);
	}
	close(fd);
	int status = -1;
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_EQ(sem_close(ready), 0);
	CHECK_EQ(shm_unlink("/t_shm"), 0);
	CHECK_EQ(sem_unlink("/t_shm_ready"), 0);
	FAILS_WITH(shm_open("/t_shm", O_RDONLY, 0), -1, ENOENT);
}
