// SPDX-License-Identifier: BSD-2-Clause
// The loader's error message, its memory and its lock.
#include <kernel/string.h>

#include "ld.h"

static char error[256];
static bool error_pending;

void ld_fail(const char *who, const char *what, const char *detail)
{
	vg_snprintf(error, sizeof(error), "%s: %s%s%s", who, what, detail ? ": " : "",
		    detail ? detail : "");
	error_pending = true;
}

const char *ld_last_error(void)
{
	return error;
}

char *ld_dlerror(void)
{
	/* Each failure is reported once (POSIX): the next call says none. */
	if (!error_pending)
		return NULL;
	error_pending = false;
	return error;
}

static uint32_t lock_word, alloc_lock_word;

static void spin_lock(uint32_t *w)
{
	while (__atomic_exchange_n(w, 1, __ATOMIC_ACQUIRE))
		vg_thread_yield();
}

static void spin_unlock(uint32_t *w)
{
	__atomic_store_n(w, 0, __ATOMIC_RELEASE);
}

void ld_lock(void)
{
	spin_lock(&lock_word);
}

void ld_unlock(void)
{
	spin_unlock(&lock_word);
}

#define CHUNK (64 * 1024)

void *ld_alloc(size_t size)
{
	static uintptr_t next, end;
	size = (size + 63) & ~(size_t)63; /* any TLS block's alignment up to 64 */
	spin_lock(&alloc_lock_word);
	if (end - next < size) {
		size_t len = size > CHUNK ? (size + 4095) & ~(size_t)4095 : CHUNK;
		uintptr_t at = vg_map_anon(vg_self(), len);
		if (at) {
			next = at;
			end = at + len;
		}
	}
	void *p = NULL;
	if (end - next >= size) {
		p = (void *)next;
		next += size;
	}
	spin_unlock(&alloc_lock_word);
	return p;
}
