// SPDX-License-Identifier: BSD-2-Clause
// Advisory locks: flock, fcntl byte ranges, waiting, release with the last
// close and with the death of the holder.
#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

UTEST(vfs_flock)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(vfs_put("/tmp/lockf", "0123456789", 10), 0);
	int a = open("/tmp/lockf", O_RDWR), b = open("/tmp/lockf", O_RDWR);
	CHECK_EQ(flock(a, LOCK_EX), 0);
	CHECK_ERRNO(flock(b, LOCK_EX | LOCK_NB), EAGAIN);
	CHECK_ERRNO(flock(b, LOCK_SH | LOCK_NB), EAGAIN);
	int a2 = dup(a); /* the same open file: the same lock */
	CHECK_EQ(flock(a2, LOCK_EX | LOCK_NB), 0);
	CHECK_EQ(close(a2), 0); /* a still has the open file: still locked */
	CHECK_ERRNO(flock(b, LOCK_SH | LOCK_NB), EAGAIN);
	CHECK_EQ(flock(a, LOCK_UN), 0);
	CHECK_EQ(flock(b, LOCK_SH), 0);
	CHECK_EQ(flock(a, LOCK_SH | LOCK_NB), 0); /* shared with b */
	CHECK_ERRNO(flock(a, LOCK_EX | LOCK_NB), EAGAIN);
	CHECK_EQ(close(b), 0); /* its lock goes with it */
	CHECK_EQ(flock(a, LOCK_EX | LOCK_NB), 0);
	CHECK_ERRNO(flock(a, 0), EINVAL);
	CHECK_ERRNO(flock(a, LOCK_SH | LOCK_EX), EINVAL);
	CHECK_ERRNO(flock(99, LOCK_SH), EBADF);
	CHECK_EQ(close(a), 0);
	CHECK_EQ(unlink("/tmp/lockf"), 0);
}

static int waiter_fd;
static volatile int waiter_done;

static void *wait_for_lock(void *arg)
{
	(void)arg;
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 10, .l_len = 2 };
	waiter_done = fcntl(waiter_fd, F_SETLKW, &fl) == 0 ? 1 : -1;
	return NULL;
}

UTEST(vfs_fcntl_byte_range_locks)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(vfs_put("/tmp/lockr", "0123456789", 10), 0);
	int a = open("/tmp/lockr", O_RDWR), b = open("/tmp/lockr", O_RDWR);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 10, .l_len = 10 };
	CHECK_EQ(fcntl(a, F_SETLK, &fl), 0);
	/* Who holds what, as b sees it. */
	struct flock q = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 15, .l_len = 1 };
	CHECK_EQ(fcntl(b, F_GETLK, &q), 0);
	CHECK_EQ(q.l_type, F_WRLCK);
	CHECK_EQ(q.l_start, 10);
	CHECK_EQ(q.l_len, 10);
	q = (struct flock){ .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };
	CHECK_EQ(fcntl(b, F_GETLK, &q), 0);
	CHECK_EQ(q.l_type, F_UNLCK);
	/* Ranges beside a's are free, across it not. */
	fl = (struct flock){ .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };
	CHECK_EQ(fcntl(b, F_SETLK, &fl), 0);
	fl.l_start = 19, fl.l_len = 2;
	CHECK_ERRNO(fcntl(b, F_SETLK, &fl), EAGAIN);
	fl.l_start = 20, fl.l_len = 0; /* to the end */
	CHECK_EQ(fcntl(b, F_SETLK, &fl), 0);
	fl.l_type = F_RDLCK, fl.l_start = 100, fl.l_len = 1;
	CHECK_ERRNO(fcntl(a, F_SETLK, &fl), EAGAIN);
	/* a unlocks the middle of its range: b can lock there. */
	fl = (struct flock){ .l_type = F_UNLCK, .l_whence = SEEK_SET, .l_start = 12, .l_len = 2 };
	CHECK_EQ(fcntl(a, F_SETLK, &fl), 0);
	fl.l_type = F_WRLCK;
	CHECK_EQ(fcntl(b, F_SETLK, &fl), 0);
	fl.l_start = 11, fl.l_len = 1;
	CHECK_ERRNO(fcntl(b, F_SETLK, &fl), EAGAIN);
	/* Relative to the position and the end. */
	CHECK_EQ(lseek(b, 18, SEEK_SET), 18);
	q = (struct flock){ .l_type = F_WRLCK, .l_whence = SEEK_CUR, .l_start = 0, .l_len = 1 };
	CHECK_EQ(fcntl(b, F_GETLK, &q), 0);
	CHECK_EQ(q.l_type, F_WRLCK);
	CHECK_EQ(q.l_start, 14);
	q = (struct flock){ .l_type = F_WRLCK, .l_whence = SEEK_END, .l_start = 0, .l_len = -1 };
	CHECK_EQ(fcntl(a, F_GETLK, &q), 0); /* byte 9: b's */
	CHECK_EQ(q.l_type, F_WRLCK);
	CHECK_EQ(q.l_start, 0);
	/* F_SETLKW waits for the holder to let go. */
	waiter_fd = b;
	waiter_done = 0;
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, wait_for_lock, NULL), 0);
	nanosleep(&(struct timespec){ 0, 30000000 }, NULL);
	CHECK_EQ(waiter_done, 0);
	fl = (struct flock){ .l_type = F_UNLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
	CHECK_EQ(fcntl(a, F_SETLK, &fl), 0);
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(waiter_done, 1);
	/* Bad requests. */
	fl = (struct flock){ .l_type = 7, .l_whence = SEEK_SET };
	CHECK_ERRNO(fcntl(a, F_SETLK, &fl), EINVAL);
	fl = (struct flock){ .l_type = F_RDLCK, .l_whence = 9 };
	CHECK_ERRNO(fcntl(a, F_SETLK, &fl), EINVAL);
	fl = (struct flock){ .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = -5 };
	CHECK_ERRNO(fcntl(a, F_SETLK, &fl), EINVAL);
	CHECK_ERRNO(fcntl(a, F_SETLK, NULL), EFAULT);
	int ro = open("/tmp/lockr", O_RDONLY);
	fl = (struct flock){ .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 50, .l_len = 1 };
	CHECK_ERRNO(fcntl(ro, F_SETLK, &fl), EBADF);
	close(ro);
	/* b's locks end with its last close. */
	CHECK_EQ(close(b), 0);
	fl = (struct flock){ .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
	CHECK_EQ(fcntl(a, F_SETLK, &fl), 0);
	CHECK_EQ(close(a), 0);
	CHECK_EQ(unlink("/tmp/lockr"), 0);
}

/* posix_spawn of permchild locking path: its pid, or -1. */
static pid_t lock_child(const char *path)
{
	char *argv[] = { "permchild", "lock", (char *)path, NULL }, *envp[] = { NULL };
	pid_t pid;
	return posix_spawn(&pid, "/bin/permchild", NULL, NULL, argv, envp) ? -1 : pid;
}

/* A process killed while it holds a lock: the kernel tells the filesystem
 * that its handle is gone, and the lock goes with it. */
UTEST(vfs_lock_released_when_holder_killed)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(proc_server());
	CHECK_EQ(vfs_put("/tmp/lockk", "0123456789", 10), 0);
	int fd = open("/tmp/lockk", O_RDWR);
	pid_t pid = lock_child("/tmp/lockk");
	CHECK(fd >= 0 && pid > 0);
	struct flock q;
	for (int i = 0; i < 5000; i++) { /* until the child holds it */
		q = (struct flock){ .l_type = F_WRLCK, .l_whence = SEEK_SET };
		CHECK_EQ(fcntl(fd, F_GETLK, &q), 0);
		if (q.l_type != F_UNLCK)
			break;
		nanosleep(&(struct timespec){ 0, 1000 * 1000 }, NULL);
	}
	CHECK_EQ(q.l_type, F_WRLCK);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	CHECK_ERRNO(fcntl(fd, F_SETLK, &fl), EAGAIN);
	CHECK_EQ(kill(pid, SIGKILL), 0);
	int st;
	CHECK_EQ(waitpid(pid, &st, 0), pid);
	CHECK(WIFSIGNALED(st));
	CHECK_EQ(fcntl(fd, F_SETLK, &fl), 0);
	CHECK_EQ(close(fd), 0);
	CHECK_EQ(unlink("/tmp/lockk"), 0);
}
