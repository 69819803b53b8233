/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_FMT_H
#define KERNEL_FMT_H

#include <kernel/types.h>

/*
 * printf-style formatting shared by the console, the log and snprintf.
 * Supports flags "-0+ #", width and precision (numbers or '*'), length
 * modifiers hh h l ll z t j, and conversions d i u x X o c s p %.
 * Floating point is not supported in the kernel: %f and friends print
 * "<fmt?>" so a misuse is visible instead of silently wrong.
 */
typedef void (*fmt_sink)(void *ctx, const char *s, size_t n);

/* Formats into sink; returns the number of characters produced. */
size_t fmt_format(fmt_sink sink, void *ctx, const char *fmt, va_list ap);

/* C99 semantics: always terminates when size > 0, returns the full length. */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
