// SPDX-License-Identifier: BSD-2-Clause
// strerror and strerror_r: the message of each of <errno.h>'s numbers.
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char *const messages[__ELAST + 1] = {
	[0] = "Success",
	[EPERM] = "Operation not permitted",
	[ENOENT] = "No such file or directory",
	[ESRCH] = "No such process",
	[EINTR] = "Interrupted function call",
	[EIO] = "Input/output error",
	[ENXIO] = "No such device or address",
	[E2BIG] = "Argument list too long",
	[ENOEXEC] = "Executable file format error",
	[EBADF] = "Bad file descriptor",
	[ECHILD] = "No child processes",
	[EAGAIN] = "Resource temporarily unavailable",
	[ENOMEM] = "Not enough memory",
	[EACCES] = "Permission denied",
	[EFAULT] = "Bad address",
	[EBUSY] = "Device or resource busy",
	[EEXIST] = "File exists",
	[EXDEV] = "Cross-device link",
	[ENODEV] = "No such device",
	[ENOTDIR] = "Not a directory",
	[EISDIR] = "Is a directory",
	[EINVAL] = "Invalid argument",
	[ENFILE] = "Too many open files in system",
	[EMFILE] = "Too many open files",
	[ENOTTY] = "Inappropriate I/O control operation",
	[ETXTBSY] = "Text file busy",
	[EFBIG] = "File too large",
	[ENOSPC] = "No space left on device",
	[ESPIPE] = "Invalid seek",
	[EROFS] = "Read-only file system",
	[EMLINK] = "Too many links",
	[EPIPE] = "Broken pipe",
	[EDOM] = "Mathematics argument out of domain",
	[ERANGE] = "Result too large",
	[EILSEQ] = "Illegal byte sequence",
	[EOVERFLOW] = "Value too large for data type",
	[EDEADLK] = "Resource deadlock would occur",
	[ENAMETOOLONG] = "File name too long",
	[ENOLCK] = "No locks available",
	[ENOSYS] = "Function not implemented",
	[ENOTEMPTY] = "Directory not empty",
	[ELOOP] = "Too many levels of symbolic links",
	[ENOTSUP] = "Not supported",
	[ECANCELED] = "Operation canceled",
	[ETIMEDOUT] = "Timed out",
	[EALREADY] = "Operation already in progress",
	[EINPROGRESS] = "Operation in progress",
	[EDQUOT] = "Disk quota exceeded",
	[ESTALE] = "Stale file handle",
	[ENOMSG] = "No message of the desired type",
	[EIDRM] = "Identifier removed",
	[EBADMSG] = "Bad message",
	[EPROTO] = "Protocol error",
	[EOWNERDEAD] = "Previous owner died",
	[ENOTRECOVERABLE] = "State not recoverable",
	[EMULTIHOP] = "Multihop attempted",
	[ENOLINK] = "Link has been severed",
	[ENOTSOCK] = "Not a socket",
	[EDESTADDRREQ] = "Destination address required",
	[EMSGSIZE] = "Message too long",
	[EPROTOTYPE] = "Protocol wrong type for socket",
	[ENOPROTOOPT] = "Protocol not available",
	[EPROTONOSUPPORT] = "Protocol not supported",
	[EAFNOSUPPORT] = "Address family not supported",
	[EADDRINUSE] = "Address in use",
	[EADDRNOTAVAIL] = "Address not available",
	[ENETDOWN] = "Network is down",
	[ENETUNREACH] = "Network unreachable",
	[ENETRESET] = "Connection aborted by network",
	[ECONNABORTED] = "Connection aborted",
	[ECONNRESET] = "Connection reset",
	[ENOBUFS] = "No buffer space available",
	[EISCONN] = "Socket is connected",
	[ENOTCONN] = "Socket is not connected",
	[ECONNREFUSED] = "Connection refused",
	[EHOSTUNREACH] = "Host is unreachable",
};

/* NULL for a number that has no message. */
static const char *message(int e)
{
	return e >= 0 && e <= __ELAST ? messages[e] : NULL;
}

int strerror_r(int errnum, char *buf, size_t size)
{
	const char *m = message(errnum);
	int n = m ? snprintf(buf, size, "%s", m) : snprintf(buf, size, "Unknown error %d", errnum);
	if (n >= 0 && (size_t)n >= size)
		return ERANGE;
	return m ? 0 : EINVAL;
}

char *strerror(int errnum)
{
	static char unknown[32]; /* only for numbers without a message */
	const char *m = message(errnum);
	if (m)
		return (char *)(uintptr_t)m;
	snprintf(unknown, sizeof(unknown), "Unknown error %d", errnum);
	return unknown;
}
