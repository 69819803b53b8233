// SPDX-License-Identifier: BSD-2-Clause
// Streams that are not on a descriptor (lib/c/os/stdio/file.c).
#ifndef LIBC_OS_INTERNAL_STREAM_H
#define LIBC_OS_INTERNAL_STREAM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A read-only stream of len bytes of text (malloc'ed; the stream owns it
 * and frees it with fclose), for text the library makes: setmntent's
 * mount list. NULL (ENOMEM) on failure, text not taken. */
FILE *__libc_stream_of_text(char *text, size_t len);

/* A stream's wide state: its orientation (0 none yet, > 0 wide, < 0
 * byte: the first input or output sets it) and the characters ungetwc
 * (and fwscanf) pushed back, back[0..nback), the last first: the next
 * wide reads return them before the buffered bytes. */
#define __LIBC_UNGETWC_MAX 8
struct __libc_wide {
	int orient;
	int nback;
	wchar_t back[__LIBC_UNGETWC_MAX];
};

/* What the wide functions (os/stdio/wide.c) use of file.c. Between lock
 * and unlock (which flushes an unbuffered stream) the stream is theirs. */
void __libc_stream_lock(FILE *f);
void __libc_stream_unlock(FILE *f);
struct __libc_wide *__libc_stream_wide(FILE *f);
/* The next byte (as unsigned char), or EOF (end of file or error). */
int __libc_stream_getc_locked(FILE *f);
/* Buffers n bytes: 0, or EOF (error flag set; EBADF when not writable). */
int __libc_stream_put_locked(FILE *f, const char *s, size_t n);
void __libc_stream_set_error(FILE *f);
void __libc_stream_clear_eof(FILE *f);

#endif
