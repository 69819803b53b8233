// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/usercopy.h>
#include <verdigris/errors.h>

static bool user_range(const void *p, size_t n)
{
	uintptr_t a = (uintptr_t)p;
	return a >= USER_BASE && a < USER_TOP && n <= USER_TOP - a;
}

int copy_from_user(void *dst, const void *usrc, size_t n)
{
	if (!user_range(usrc, n))
		return ERR_BAD_ADDRESS;
	return n && arch_copy_from_user(dst, usrc, n) ? ERR_BAD_ADDRESS : 0;
}

int copy_to_user(void *udst, const void *src, size_t n)
{
	if (!user_range(udst, n))
		return ERR_BAD_ADDRESS;
	return n && arch_copy_to_user(udst, src, n) ? ERR_BAD_ADDRESS : 0;
}
