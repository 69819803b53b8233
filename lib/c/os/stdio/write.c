// SPDX-License-Identifier: BSD-2-Clause
// write(2): through the descriptor table (lib/c/os/fd/io.c), after
// whatever stdout or stderr hold for descriptor 1 or 2, so that the order
// is kept. A closed descriptor is EBADF, 1 and 2 too: programs without a
// terminal are given the kernel log as 1 and 2 (an FD_LOG descriptor) by
// whoever starts them (the kernel for the root task, init for services).
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

ssize_t __fd_write(int fd, const void *buf, size_t n);
/* write() without flushing stdout or stderr first: theirs (file.c). */
ssize_t __libc_write_unbuffered(int fd, const void *buf, size_t n);

ssize_t __libc_write_unbuffered(int fd, const void *buf, size_t n)
{
	/* Streams write with their lock (and fflush(NULL) the list's) held,
	 * so their output is no cancellation point (POSIX leaves it to us):
	 * a cancellation there would leave the locks held. */
	int state;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &state);
	ssize_t r = __fd_write(fd, buf, n);
	pthread_setcancelstate(state, NULL);
	return r;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	if (fd == 1 || fd == 2)
		fflush(fd == 1 ? stdout : stderr);
	return __fd_write(fd, buf, n);
}
