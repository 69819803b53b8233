// SPDX-License-Identifier: BSD-2-Clause
// <sys/uio.h>: vectored I/O.
#ifndef _SYS_UIO_H
#define _SYS_UIO_H
#include <sys/types.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};
#define IOV_MAX 1024

ssize_t readv(int fd, const struct iovec *iov, int count);
ssize_t writev(int fd, const struct iovec *iov, int count);

#endif
