// SPDX-License-Identifier: BSD-2-Clause
// errno's storage: one slot per thread.
#include <errno.h>

static _Thread_local int errno_slot;

int *__errno(void)
{
	return &errno_slot;
}
