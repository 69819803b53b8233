// SPDX-License-Identifier: BSD-2-Clause
// Helpers shared by the utilities in app/: messages in the form
// "name: what: why" on stderr, reading whole descriptors, and the checks
// every utility makes before it exits.
#ifndef APP_UTIL_H
#define APP_UTIL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

extern const char *util_name;

/* Names the utility in every message (getopt's too: argv[0] becomes name). */
void util_init(char **argv, const char *name);

/* "name: what: strerror(errno)" */
void util_warn(const char *what);
/* "name: " and the formatted message */
void util_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage line on stderr and exit status 2 (POSIX: an option error). */
_Noreturn void util_usage(const char *usage);
/* The same with another status (1 where GNU's tool exits with 1). */
_Noreturn void util_usage_status(const char *usage, int status);

/* Opens a file for reading; "-" is standard input. -1 (and a message) on
 * failure. */
int util_open_in(const char *path);
void util_close_in(int fd);
/* Copies everything from in to out; -1 with errno on failure. */
int util_copy_fd(int in, int out);
int util_write_all(int fd, const void *buf, size_t n);

/* Flushes stdout; returns status, or 1 (with a message) if the output
 * could not be written. */
int util_finish(int status);

/* Numbers from the command line: false if s is not entirely a number. */
bool util_parse_long(const char *s, long *out);

/* "1.5K" style size, as ls -h and df -h print it. */
void util_human_size(char *buf, size_t size, double bytes);

/* "drwxr-xr-x" for a mode. */
void util_mode_string(mode_t mode, char out[11]);

#endif
