// SPDX-License-Identifier: BSD-2-Clause
// write(2): through the descriptor table (lib/c/os/fd/io.c); descriptors 1
// and 2, while they are not open, write to the kernel log (after whatever
// stdout and stderr hold, so that the order is kept). One log record holds
// at most 255 bytes: longer writes become several.
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>
#include <vg/vg.h>

ssize_t __fd_write(int fd, const void *buf, size_t n, bool *open);
/* write() without flushing stdout or stderr first: theirs (file.c). */
ssize_t __libc_write_unbuffered(int fd, const void *buf, size_t n);

/* To the descriptor, or to the log for 1 and 2 when they are not open. */
static ssize_t write_out(int fd, const void *buf, size_t n)
{
	bool open;
	ssize_t r = __fd_write(fd, buf, n, &open);
	if (open)
		return r;
	if (fd != 1 && fd != 2) {
		errno = EBADF;
		return -1;
	}
	const char *p = buf;
	for (size_t done = 0; done < n;) {
		size_t chunk = n - done < 255 ? n - done : 255;
		if (vg_log_write(vg_log_handle(), p + done, chunk) < 0) {
			errno = EIO;
			return done ? (ssize_t)done : -1;
		}
		done += chunk;
	}
	return (ssize_t)n;
}

ssize_t __libc_write_unbuffered(int fd, const void *buf, size_t n)
{
	/* Streams write with their lock (and fflush(NULL) the list's) held,
	 * so their output is no cancellation point (POSIX leaves it to us):
	 * a cancellation there would leave the locks held. */
	int state;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &state);
	ssize_t r = write_out(fd, buf, n);
	pthread_setcancelstate(state, NULL);
	return r;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	if (fd == 1 || fd == 2)
		fflush(fd == 1 ? stdout : stderr);
	return write_out(fd, buf, n);
}
