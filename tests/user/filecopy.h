/* SPDX-License-Identifier: BSD-2-Clause */
/* Copies from to a new file to (with mode, set by fchmod, so the umask
 * does not matter), at most limit bytes: 0 or -1 (tests/user/utest/
 * filecopy.c). */
#ifndef TESTS_USER_FILECOPY_H
#define TESTS_USER_FILECOPY_H

#include <stddef.h>
#include <sys/types.h>

int utest_copy_file(const char *from, const char *to, mode_t mode, size_t limit);

#endif
