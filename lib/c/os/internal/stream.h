// SPDX-License-Identifier: BSD-2-Clause
// Streams that are not on a descriptor (lib/c/os/stdio/file.c).
#ifndef LIBC_OS_INTERNAL_STREAM_H
#define LIBC_OS_INTERNAL_STREAM_H
#include <stddef.h>
#include <stdio.h>

/* A read-only stream of len bytes of text (malloc'ed; the stream owns it
 * and frees it with fclose), for text the library makes: setmntent's
 * mount list. NULL (ENOMEM) on failure, text not taken. */
FILE *__libc_stream_of_text(char *text, size_t len);

#endif
