// SPDX-License-Identifier: BSD-2-Clause
// <assert.h>: a failed assertion prints where to stderr and aborts.
// Included again, it follows NDEBUG afresh, as C requires.
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
_Noreturn void __assert_fail(const char *expr, const char *file, int line, const char *func);
#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif
#ifndef _ASSERT_H
#define _ASSERT_H
#define static_assert _Static_assert
#endif
