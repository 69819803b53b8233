// SPDX-License-Identifier: BSD-2-Clause
// Named semaphores: a sem_t in a tmpfs file under SHM_DIR ("sem." and the
// name), mapped MAP_SHARED by every process that opens it. The futex is
// keyed by the memory (docs/ARCHITECTURE.md section 11), so sem_wait in one
// process and sem_post in another meet exactly as for an unnamed
// process-shared semaphore.
//
// A new semaphore is written whole into a temporary file and then linked
// under its name, so no process ever opens a half-made one; the link
// failing with EEXIST is the race with another creator, which O_EXCL
// reports and plain O_CREAT answers by opening the winner's.
//
// POSIX wants every sem_open of one semaphore in a process to give the same
// address, so the process keeps a list of its open semaphores (by file
// identity) with a count of opens; sem_close unmaps at the last. Each keeps
// its file open while mapped: tmpfs frees an unlinked file's pages when its
// last descriptor closes, mappings or not, and a semaphore must outlive
// sem_unlink for those who have it open.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shm_path.h"

struct named {
	struct named *next;
	dev_t dev;
	ino_t ino;
	sem_t *sem;
	int fd;
	unsigned long opens;
};

static struct named *opened;
static pthread_mutex_t opened_lock = PTHREAD_MUTEX_INITIALIZER;

/* A file holding a new semaphore of the given value, linked as path; the
 * descriptor, or -1 with errno (EEXIST when path exists). */
static int create(const char *path, mode_t mode, unsigned value)
{
	static unsigned long seq;
	char tmp[PATH_MAX];
	snprintf(tmp, sizeof(tmp), "%s/.sem.%ld.%lu", SHM_DIR, (long)getpid(),
		 __atomic_fetch_add(&seq, 1, __ATOMIC_RELAXED));
	int fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode & 0777);
	if (fd < 0)
		return -1;
	sem_t s;
	sem_init(&s, 1, value);
	int err = 0;
	if (write(fd, &s, sizeof(s)) != (ssize_t)sizeof(s) || link(tmp, path))
		err = errno ? errno : EIO;
	unlink(tmp);
	if (err) {
		close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

/* The mapping of the open semaphore file fd, shared with an earlier
 * sem_open of the same file; SEM_FAILED with errno. Takes fd: keeps it
 * with a new mapping, else closes it. */
static sem_t *attach(int fd)
{
	struct stat st;
	sem_t *sem = SEM_FAILED;
	if (fstat(fd, &st)) {
		close(fd);
		return SEM_FAILED;
	}
	if (!S_ISREG(st.st_mode) || st.st_size < (off_t)sizeof(sem_t)) {
		close(fd);
		errno = EINVAL;
		return SEM_FAILED;
	}
	pthread_mutex_lock(&opened_lock);
	struct named *n = opened;
	while (n && (n->dev != st.st_dev || n->ino != st.st_ino))
		n = n->next;
	if (n) {
		n->opens++;
		sem = n->sem;
	} else if ((n = malloc(sizeof(*n)))) {
		void *at = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (at == MAP_FAILED) {
			free(n);
		} else {
			*n = (struct named){ opened, st.st_dev, st.st_ino, at, fd, 1 };
			opened = n;
			sem = at;
			fd = -1;
		}
	}
	pthread_mutex_unlock(&opened_lock);
	if (fd >= 0) {
		int err = errno;
		close(fd);
		errno = err;
	}
	return sem;
}

sem_t *sem_open(const char *name, int oflag, ...)
{
	char path[PATH_MAX];
	mode_t mode = 0;
	unsigned value = 0;
	if (oflag & O_CREAT) {
		va_list ap;
		va_start(ap, oflag);
		mode = (mode_t)va_arg(ap, unsigned);
		value = va_arg(ap, unsigned);
		va_end(ap);
	}
	if (__libc_shm_path(name, "sem.", path))
		return SEM_FAILED;
	if ((oflag & ~(O_CREAT | O_EXCL)) || value > SEM_VALUE_MAX) {
		errno = EINVAL;
		return SEM_FAILED;
	}
	if (oflag & O_CREAT)
		__libc_shm_dir();
	for (;;) {
		int fd = (oflag & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)
			? -1
			: open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
		if (fd >= 0)
			return attach(fd);
		if ((oflag & (O_CREAT | O_EXCL)) != (O_CREAT | O_EXCL) &&
		    (errno != ENOENT || !(oflag & O_CREAT)))
			return SEM_FAILED;
		errno = 0;
		fd = create(path, mode, value);
		if (fd >= 0)
			return attach(fd);
		/* Someone else made it first: theirs, unless we had to make it. */
		if (errno != EEXIST || (oflag & O_EXCL))
			return SEM_FAILED;
	}
}

int sem_close(sem_t *sem)
{
	pthread_mutex_lock(&opened_lock);
	struct named **p = &opened;
	while (*p && (*p)->sem != sem)
		p = &(*p)->next;
	struct named *n = *p;
	if (n && !--n->opens) {
		*p = n->next;
		munmap(n->sem, sizeof(sem_t));
		close(n->fd);
		free(n);
	}
	pthread_mutex_unlock(&opened_lock);
	if (!n) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

int sem_unlink(const char *name)
{
	char path[PATH_MAX];
	if (__libc_shm_path(name, "sem.", path))
		return -1;
	return unlink(path);
}
