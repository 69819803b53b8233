// SPDX-License-Identifier: BSD-2-Clause
// glibc 2.36 has no strlcpy, which kernel/core code uses: forward to the
// kernel's own (built with prefixed names, see kstring_rename.h), so the host
// build runs the exact code the kernel does.
#include <stddef.h>

size_t kstr_strlcpy(char *dst, const char *src, size_t size);
size_t strlcpy(char *dst, const char *src, size_t size);

size_t strlcpy(char *dst, const char *src, size_t size)
{
	return kstr_strlcpy(dst, src, size);
}
