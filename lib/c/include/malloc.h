// SPDX-License-Identifier: BSD-2-Clause
// <malloc.h>: the allocator's extensions beside <stdlib.h>'s functions.
#ifndef _MALLOC_H
#define _MALLOC_H
#include <stddef.h>
#include <stdlib.h>

/* The bytes usable in the block p points to (at least what was asked). */
size_t malloc_usable_size(void *p);
/* aligned_alloc under its older name. */
void *memalign(size_t align, size_t size);

#endif
