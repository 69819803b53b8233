// SPDX-License-Identifier: BSD-2-Clause
// The allocator: malloc, free, realloc, calloc, aligned_alloc, memalign,
// posix_memalign, malloc_usable_size.
//
// Memory comes in 64 KiB chunks aligned to 64 KiB, carved from 4 MiB
// regions of fresh pages (internal/pages.h). Every block's chunk header is
// found from the block's address alone: (p - 1) rounded down to 64 KiB,
// since a block never starts at its chunk's first byte. There are two kinds
// of chunk:
//
// - a slab holds objects of one size class (40 classes: every multiple of 16
//   up to 256, then four per power of two up to 16 KiB). Each class keeps a
//   list of slabs with free objects under its own lock; a slab hands out
//   freed objects first (a list threaded through them), then never-used ones
//   from a bump pointer, so fresh pages are touched only when needed. A slab
//   that becomes empty goes back to a shared pool of chunks when its class
//   has another one with room. Objects of a class whose size is a multiple
//   of 2^k are aligned to 2^k (up to 4096): aligned requests pick such a
//   class.
// - a large block (over 16 KiB, or aligned to more than 4096) is mapped on
//   its own, with its header in the 64 KiB unit before the block, and
//   unmapped by free.
//
// Each thread caches freed small objects per class (see struct tcache), so
// most malloc/free pairs take no lock; below the caches, locks are per
// class, so threads allocating different sizes do not meet.
#include <errno.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../internal/lock.h"
#include "../internal/pages.h"
#include "../internal/thread.h"

#define CHUNK ((uintptr_t)64 * 1024)
#define REGION_CHUNKS 64
#define PAGE ((size_t)4096)
#define MAX_SMALL 16384
#define NCLASSES 40
#define MAGIC_SLAB 0x51ab51abu
#define MAGIC_LARGE 0x1a26e1a2u

struct chunk {
	uint32_t magic;
	uint32_t cls;
	/* slabs */
	void *free; /* freed objects, linked through their first word */
	char *bump; /* the next never-used object */
	char *limit; /* the end of the object area */
	uint32_t nfree; /* objects on the list or above bump */
	uint32_t nobj;
	struct chunk *next, *prev; /* the class's slabs with room */
	/* large blocks */
	char *map;
	size_t map_len;
	size_t usable;
};

struct size_class {
	int lock;
	struct chunk *partial;
};

static struct size_class classes[NCLASSES];
static int chunk_lock;
static struct chunk *free_chunks; /* linked through next */
static uintptr_t region_next, region_end;

static size_t class_size(unsigned c)
{
	if (c < 16)
		return 16 * (c + 1);
	unsigned b = (c - 16) / 4 + 8, k = (c - 16) % 4 + 1;
	return ((size_t)1 << b) + k * ((size_t)1 << (b - 2));
}

/* The smallest class holding n bytes (n <= MAX_SMALL). */
static unsigned class_of(size_t n)
{
	if (n <= 256)
		return n ? (unsigned)((n + 15) / 16 - 1) : 0;
	unsigned b = 63 - (unsigned)__builtin_clzll(n - 1);
	size_t base = (size_t)1 << b, step = base / 4;
	unsigned k = (unsigned)((n - base + step - 1) / step);
	return 16 + (b - 8) * 4 + (k - 1);
}

/* The alignment every object of a class has. */
static size_t class_align(unsigned c)
{
	size_t s = class_size(c), a = s & -s;
	return a > PAGE ? PAGE : a;
}

static uintptr_t align_up(uintptr_t v, uintptr_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static struct chunk *chunk_of(const void *p)
{
	return (struct chunk *)(((uintptr_t)p - 1) & ~(CHUNK - 1));
}

/* A fresh or recycled chunk, or NULL. */
static struct chunk *chunk_get(void)
{
	__libc_lock(&chunk_lock);
	struct chunk *c = free_chunks;
	if (c) {
		free_chunks = c->next;
	} else {
		if (region_next == region_end) {
			size_t len = REGION_CHUNKS * CHUNK + CHUNK;
			char *m = __libc_pages_map(len);
			if (m) {
				region_next = align_up((uintptr_t)m, CHUNK);
				region_end = region_next + REGION_CHUNKS * CHUNK;
			}
		}
		if (region_next != region_end) {
			c = (struct chunk *)region_next;
			region_next += CHUNK;
		}
	}
	__libc_unlock(&chunk_lock);
	/* A fresh chunk's pages are committed as they are touched: two
	 * threads faulting on one page at once is a spurious fault for the
	 * second, which the kernel resolves (aspace_fault). */
	return c;
}

static void chunk_put(struct chunk *c)
{
	c->magic = 0;
	__libc_lock(&chunk_lock);
	c->next = free_chunks;
	free_chunks = c;
	__libc_unlock(&chunk_lock);
}

static void list_remove(struct size_class *sc, struct chunk *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else
		sc->partial = c->next;
	if (c->next)
		c->next->prev = c->prev;
	c->next = c->prev = NULL;
}

static void list_push(struct size_class *sc, struct chunk *c)
{
	c->prev = NULL;
	c->next = sc->partial;
	if (sc->partial)
		sc->partial->prev = c;
	sc->partial = c;
}

static void slab_init(struct chunk *c, unsigned cls)
{
	size_t size = class_size(cls);
	uintptr_t first = align_up((uintptr_t)c + sizeof(*c), class_align(cls));
	c->magic = MAGIC_SLAB;
	c->cls = cls;
	c->free = NULL;
	c->bump = (char *)first;
	c->nobj = (uint32_t)(((uintptr_t)c + CHUNK - first) / size);
	c->limit = c->bump + (size_t)c->nobj * size;
	c->nfree = c->nobj;
	c->next = c->prev = NULL;
}

/* Per-thread caches: freed small objects of each class, kept by the
 * thread that freed them (whichever allocated them) for its next malloc of
 * that class, with no lock. A cache holds at most cache_cap(class)
 * objects; an empty one refills half of that from the slabs under one lock,
 * a full one gives half back the same way, and a thread's caches go back
 * when it exits (__libc_malloc_thread_exit). */
struct tcache {
	void *head[NCLASSES];
	unsigned count[NCLASSES];
};
static _Thread_local struct tcache tcache;

static unsigned cache_cap(unsigned cls)
{
	size_t s = class_size(cls);
	return s <= 1024 ? 32 : s <= 4096 ? 8 : 2;
}

static void cache_push(struct tcache *t, unsigned cls, void *p)
{
	*(void **)p = t->head[cls];
	t->head[cls] = p;
	t->count[cls]++;
}

/* One object from the class's slabs, and up to want - 1 more into the
 * cache; NULL when no memory is left. */
static void *slab_alloc(unsigned cls, struct tcache *t, unsigned want)
{
	struct size_class *sc = &classes[cls];
	void *first = NULL;
	unsigned got = 0;
	__libc_lock(&sc->lock);
	while (got < want) {
		struct chunk *c = sc->partial;
		if (!c) {
			if (got)
				break;
			__libc_unlock(&sc->lock);
			struct chunk *fresh = chunk_get();
			if (!fresh)
				return NULL;
			slab_init(fresh, cls);
			__libc_lock(&sc->lock);
			list_push(sc, fresh);
			continue;
		}
		void *p;
		if (c->free) {
			p = c->free;
			c->free = *(void **)p;
		} else {
			p = c->bump;
			c->bump += class_size(cls);
		}
		if (--c->nfree == 0)
			list_remove(sc, c);
		if (first)
			cache_push(t, cls, p);
		else
			first = p;
		got++;
	}
	__libc_unlock(&sc->lock);
	return first;
}

/* Gives n objects of one class, linked through their first words, back to
 * their slabs. */
static void slab_free_list(unsigned cls, void *list, unsigned n)
{
	struct size_class *sc = &classes[cls];
	__libc_lock(&sc->lock);
	while (n--) {
		void *p = list;
		list = *(void **)p;
		struct chunk *c = chunk_of(p);
		*(void **)p = c->free;
		c->free = p;
		if (c->nfree++ == 0)
			list_push(sc, c);
		/* Empty, and the class has another slab with room: give it
		 * back (the chunk lock nests inside a class lock, never the
		 * other way round). */
		if (c->nfree == c->nobj && (c->prev || c->next)) {
			list_remove(sc, c);
			chunk_put(c);
		}
	}
	__libc_unlock(&sc->lock);
}

static void *small_alloc(unsigned cls)
{
	struct tcache *t = &tcache;
	void *p = t->head[cls];
	if (p) {
		t->head[cls] = *(void **)p;
		t->count[cls]--;
		return p;
	}
	return slab_alloc(cls, t, cache_cap(cls) / 2);
}

static void small_free(struct chunk *c, void *p)
{
	struct tcache *t = &tcache;
	unsigned cls = c->cls;
	if (t->count[cls] >= cache_cap(cls)) {
		unsigned n = t->count[cls] / 2;
		void *list = t->head[cls], *last = list;
		for (unsigned i = 1; i < n; i++)
			last = *(void **)last;
		t->head[cls] = *(void **)last;
		t->count[cls] -= n;
		slab_free_list(cls, list, n);
	}
	cache_push(t, cls, p);
}

void __libc_malloc_thread_exit(void)
{
	struct tcache *t = &tcache;
	for (unsigned cls = 0; cls < NCLASSES; cls++) {
		if (t->count[cls])
			slab_free_list(cls, t->head[cls], t->count[cls]);
		t->head[cls] = NULL;
		t->count[cls] = 0;
	}
}

static void *large_alloc(size_t n, size_t align)
{
	if (align < 16)
		align = 16;
	size_t hdr = sizeof(struct chunk);
	if (n > SIZE_MAX / 4 || align > SIZE_MAX / 4) {
		errno = ENOMEM;
		return NULL;
	}
	size_t len = align_up(CHUNK + hdr + align + n, PAGE);
	char *m = __libc_pages_map(len);
	if (!m) {
		errno = ENOMEM;
		return NULL;
	}
	uintptr_t unit = align_up((uintptr_t)m, CHUNK);
	uintptr_t p = align_up(unit + hdr, align);
	struct chunk *c = chunk_of((void *)p);
	c->magic = MAGIC_LARGE;
	c->map = m;
	c->map_len = len;
	c->usable = (uintptr_t)m + len - p;
	return (void *)p;
}

/* size bytes aligned to align (a power of two). */
static void *alloc(size_t size, size_t align)
{
	if (size <= MAX_SMALL && align <= PAGE) {
		unsigned c = class_of(size > align ? size : align);
		while (c < NCLASSES && class_align(c) < align)
			c++;
		if (c < NCLASSES) {
			void *p = small_alloc(c);
			if (!p)
				errno = ENOMEM;
			return p;
		}
	}
	return large_alloc(size, align);
}

static struct chunk *checked_chunk(void *p)
{
	struct chunk *c = chunk_of(p);
	if (c->magic != MAGIC_SLAB && c->magic != MAGIC_LARGE)
		__builtin_trap(); /* not ours, or freed twice into a pooled chunk */
	return c;
}

void *malloc(size_t size)
{
	return alloc(size, 16);
}

void free(void *p)
{
	if (!p)
		return;
	struct chunk *c = checked_chunk(p);
	if (c->magic == MAGIC_LARGE) {
		c->magic = 0;
		__libc_pages_unmap(c->map, c->map_len);
	} else {
		small_free(c, p);
	}
}

size_t malloc_usable_size(void *p)
{
	if (!p)
		return 0;
	struct chunk *c = checked_chunk(p);
	return c->magic == MAGIC_LARGE ? c->usable : class_size(c->cls);
}

void *calloc(size_t n, size_t size)
{
	size_t total;
	if (__builtin_mul_overflow(n, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	void *p = alloc(total, 16);
	/* Large blocks are fresh pages, already zero. */
	if (p && checked_chunk(p)->magic == MAGIC_SLAB)
		memset(p, 0, total);
	return p;
}

void *realloc(void *p, size_t size)
{
	if (!p)
		return malloc(size);
	size_t have = malloc_usable_size(p);
	/* Keep the block when the new size fits and wastes at most half. */
	if (size <= have && (size >= have / 2 || have <= 16))
		return p;
	void *q = malloc(size);
	if (!q)
		return NULL;
	memcpy(q, p, size < have ? size : have);
	free(p);
	return q;
}

void *aligned_alloc(size_t align, size_t size)
{
	if (!align || (align & (align - 1))) {
		errno = EINVAL;
		return NULL;
	}
	return alloc(size, align < 16 ? 16 : align);
}

void *memalign(size_t align, size_t size)
{
	return aligned_alloc(align, size);
}

int posix_memalign(void **out, size_t align, size_t size)
{
	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	int saved = errno;
	void *p = alloc(size, align < 16 ? 16 : align);
	errno = saved;
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}
