// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/heap.h>
#include <kernel/string.h>
#include <verdigris/errors.h>

#define SLAB_MAGIC 0x51ab51ab
#define LARGE_MAGIC 0x1a26e0b1
#define FREE_MARK 0xf7eef7eef7eef7eeull /* second word of a freed slot */
#define MIN_SHIFT 4

/* Header at the start of every slab page. */
struct slab {
	uint32_t magic;
	uint16_t cls;
	uint16_t inuse;
	struct slab *next, *prev;
	void *free; /* singly linked through the slots */
};

/* Header in front of a large allocation (16 bytes: keeps alignment). */
struct large {
	uint32_t magic;
	uint32_t pages;
	uint64_t size;
};

_Static_assert(sizeof(struct slab) % 16 == 0, "slab header keeps 16-byte slots aligned");
_Static_assert(sizeof(struct large) == 16, "large header is 16 bytes");

static size_t class_size(int cls)
{
	return (size_t)1 << (cls + MIN_SHIFT);
}

static int size_class(size_t size)
{
	int cls = 0;
	while (class_size(cls) < size)
		cls++;
	return cls;
}

static size_t slots_per_slab(int cls)
{
	return (PAGE_SIZE - sizeof(struct slab)) / class_size(cls);
}

void heap_init(struct heap *h, const struct heap_backend *backend)
{
	memset(h, 0, sizeof(*h));
	h->backend = *backend;
}

static void list_remove(struct slab **head, struct slab *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		*head = s->next;
	if (s->next)
		s->next->prev = s->prev;
	s->next = s->prev = NULL;
}

static void list_push(struct slab **head, struct slab *s)
{
	s->prev = NULL;
	s->next = *head;
	if (*head)
		(*head)->prev = s;
	*head = s;
}

static struct slab *new_slab(struct heap *h, int cls)
{
	struct slab *s = h->empty[cls];
	if (s) {
		h->empty[cls] = NULL;
		return s;
	}
	s = h->backend.alloc_pages(1);
	if (!s)
		return NULL;
	h->stats.slab_pages++;
	*s = (struct slab){ .magic = SLAB_MAGIC, .cls = (uint16_t)cls };
	/* Thread the free list through the slots, lowest address first. */
	uint8_t *base = (uint8_t *)s + sizeof(struct slab);
	size_t n = slots_per_slab(cls), sz = class_size(cls);
	for (size_t i = n; i-- > 0;) {
		void **slot = (void **)(base + i * sz);
		slot[0] = s->free;
		if (sz >= 16)
			slot[1] = (void *)FREE_MARK;
		s->free = slot;
	}
	return s;
}

static void *alloc_large(struct heap *h, size_t size)
{
	/* Bound size first: the page count must not wrap around (SIZE_MAX would
	 * come out as one page) nor exceed the header's 32-bit field. */
	if (size > (size_t)UINT32_MAX * PAGE_SIZE - sizeof(struct large))
		return NULL;
	size_t pages = (size + sizeof(struct large) + PAGE_SIZE - 1) / PAGE_SIZE;
	struct large *l = h->backend.alloc_pages(pages);
	if (!l)
		return NULL;
	*l = (struct large){ .magic = LARGE_MAGIC, .pages = (uint32_t)pages, .size = size };
	h->stats.live_large++;
	h->stats.large_pages += pages;
	h->stats.live_bytes += size;
	return l + 1;
}

void *heap_alloc(struct heap *h, size_t size)
{
	if (size == 0)
		size = 1;
	if (size > HEAP_MAX_SMALL)
		return alloc_large(h, size);
	int cls = size_class(size);
	struct slab *s = h->partial[cls];
	if (!s) {
		s = new_slab(h, cls);
		if (!s)
			return NULL;
		list_push(&h->partial[cls], s);
	}
	void **slot = s->free;
	s->free = slot[0];
	slot[1] = NULL;
	s->inuse++;
	if (!s->free)
		list_remove(&h->partial[cls], s);
	h->stats.live_objects[cls]++;
	h->stats.live_bytes += class_size(cls);
	return slot;
}

static struct slab *slab_of(const void *p)
{
	return (struct slab *)ALIGN_DOWN((uintptr_t)p, PAGE_SIZE);
}

static bool slot_is_free(const struct slab *s, const void *p)
{
	for (void **q = s->free; q; q = q[0])
		if (q == p)
			return true;
	return false;
}

int heap_free(struct heap *h, void *p)
{
	if (!p)
		return 0;
	struct slab *s = slab_of(p);
	if ((uintptr_t)p == (uintptr_t)s + sizeof(struct large) &&
	    ((struct large *)s)->magic == LARGE_MAGIC) {
		struct large *l = (struct large *)s;
		size_t pages = l->pages;
		h->stats.live_large--;
		h->stats.large_pages -= pages;
		h->stats.live_bytes -= l->size;
		l->magic = 0; /* a second free of this block is then refused */
		h->backend.free_pages(l, pages);
		return 0;
	}
	if (s->magic != SLAB_MAGIC || s->cls >= HEAP_NCLASSES)
		return ERR_INVALID_ARGS;
	int cls = s->cls;
	size_t sz = class_size(cls);
	uintptr_t off = (uintptr_t)p - (uintptr_t)s - sizeof(struct slab);
	if ((uintptr_t)p < (uintptr_t)s + sizeof(struct slab) || off % sz ||
	    off / sz >= slots_per_slab(cls))
		return ERR_INVALID_ARGS;
	void **slot = p;
	if (slot[1] == (void *)FREE_MARK && slot_is_free(s, p))
		return ERR_INVALID_ARGS; /* double free */

	bool was_full = s->free == NULL;
	slot[0] = s->free;
	slot[1] = (void *)FREE_MARK;
	s->free = slot;
	s->inuse--;
	h->stats.live_objects[cls]--;
	h->stats.live_bytes -= sz;
	if (was_full)
		list_push(&h->partial[cls], s);
	if (s->inuse == 0) {
		list_remove(&h->partial[cls], s);
		if (h->empty[cls]) {
			s->magic = 0;
			h->stats.slab_pages--;
			h->backend.free_pages(s, 1);
		} else {
			h->empty[cls] = s;
		}
	}
	return 0;
}

size_t heap_usable_size(struct heap *h, const void *p)
{
	(void)h;
	const struct slab *s = slab_of(p);
	if ((uintptr_t)p == (uintptr_t)s + sizeof(struct large) &&
	    ((const struct large *)s)->magic == LARGE_MAGIC)
		return ((const struct large *)s)->pages * PAGE_SIZE - sizeof(struct large);
	return class_size(s->cls);
}
