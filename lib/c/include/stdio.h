// SPDX-License-Identifier: BSD-2-Clause
// <stdio.h>: for now the formatting and scanning of strings (the FILE
// streams come with the OS-dependent part of the library).
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
int sprintf(char *restrict buf, const char *restrict fmt, ...)
	__attribute__((format(printf, 2, 3)));
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
int sscanf(const char *restrict s, const char *restrict fmt, ...)
	__attribute__((format(scanf, 2, 3)));
int vsscanf(const char *restrict s, const char *restrict fmt, va_list ap)
	__attribute__((format(scanf, 2, 0)));

#endif
