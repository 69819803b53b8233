// SPDX-License-Identifier: BSD-2-Clause
// Error numbers. The numbering is Verdigris's own (it matches no other
// system's); strerror() names each one. errno is per thread: __errno()
// returns the calling thread's slot.
#ifndef _ERRNO_H
#define _ERRNO_H

int *__errno(void);
#define errno (*__errno())

/* Process, memory and arguments */
#define EPERM 1 /* Operation not permitted */
#define ENOENT 2 /* No such file or directory */
#define ESRCH 3 /* No such process */
#define EINTR 4 /* Interrupted function call */
#define EIO 5 /* Input/output error */
#define ENXIO 6 /* No such device or address */
#define E2BIG 7 /* Argument list too long */
#define ENOEXEC 8 /* Executable file format error */
#define EBADF 9 /* Bad file descriptor */
#define ECHILD 10 /* No child processes */
#define EAGAIN 11 /* Resource temporarily unavailable */
#define EWOULDBLOCK EAGAIN
#define ENOMEM 12 /* Not enough memory */
#define EACCES 13 /* Permission denied */
#define EFAULT 14 /* Bad address */
#define EBUSY 15 /* Device or resource busy */
#define EEXIST 16 /* File exists */
#define EXDEV 17 /* Cross-device link */
#define ENODEV 18 /* No such device */
#define ENOTDIR 19 /* Not a directory */
#define EISDIR 20 /* Is a directory */
#define EINVAL 21 /* Invalid argument */
#define ENFILE 22 /* Too many open files in system */
#define EMFILE 23 /* Too many open files */
#define ENOTTY 24 /* Inappropriate I/O control operation */
#define ETXTBSY 25 /* Text file busy */
#define EFBIG 26 /* File too large */
#define ENOSPC 27 /* No space left on device */
#define ESPIPE 28 /* Invalid seek */
#define EROFS 29 /* Read-only file system */
#define EMLINK 30 /* Too many links */
#define EPIPE 31 /* Broken pipe */
/* Mathematics and text */
#define EDOM 32 /* Mathematics argument out of domain */
#define ERANGE 33 /* Result too large */
#define EILSEQ 34 /* Illegal byte sequence */
#define EOVERFLOW 35 /* Value too large for data type */
/* Files and resources */
#define EDEADLK 36 /* Resource deadlock would occur */
#define ENAMETOOLONG 37 /* File name too long */
#define ENOLCK 38 /* No locks available */
#define ENOSYS 39 /* Function not implemented */
#define ENOTEMPTY 40 /* Directory not empty */
#define ELOOP 41 /* Too many levels of symbolic links */
#define ENOTSUP 42 /* Not supported */
#define EOPNOTSUPP ENOTSUP
#define ECANCELED 43 /* Operation canceled */
#define ETIMEDOUT 44 /* Timed out */
#define EALREADY 45 /* Operation already in progress */
#define EINPROGRESS 46 /* Operation in progress */
#define EDQUOT 47 /* Disk quota exceeded */
#define ESTALE 48 /* Stale file handle */
/* IPC and synchronization */
#define ENOMSG 49 /* No message of the desired type */
#define EIDRM 50 /* Identifier removed */
#define EBADMSG 51 /* Bad message */
#define EPROTO 52 /* Protocol error */
#define EOWNERDEAD 53 /* Previous owner died */
#define ENOTRECOVERABLE 54 /* State not recoverable */
#define EMULTIHOP 55 /* Multihop attempted */
#define ENOLINK 56 /* Link has been severed */
/* Networking */
#define ENOTSOCK 57 /* Not a socket */
#define EDESTADDRREQ 58 /* Destination address required */
#define EMSGSIZE 59 /* Message too long */
#define EPROTOTYPE 60 /* Protocol wrong type for socket */
#define ENOPROTOOPT 61 /* Protocol not available */
#define EPROTONOSUPPORT 62 /* Protocol not supported */
#define EAFNOSUPPORT 63 /* Address family not supported */
#define EADDRINUSE 64 /* Address in use */
#define EADDRNOTAVAIL 65 /* Address not available */
#define ENETDOWN 66 /* Network is down */
#define ENETUNREACH 67 /* Network unreachable */
#define ENETRESET 68 /* Connection aborted by network */
#define ECONNABORTED 69 /* Connection aborted */
#define ECONNRESET 70 /* Connection reset */
#define ENOBUFS 71 /* No buffer space available */
#define EISCONN 72 /* Socket is connected */
#define ENOTCONN 73 /* Socket is not connected */
#define ECONNREFUSED 74 /* Connection refused */
#define EHOSTUNREACH 75 /* Host is unreachable */
#define __ELAST 75

#endif
