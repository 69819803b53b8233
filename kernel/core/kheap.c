// SPDX-License-Identifier: BSD-2-Clause
// The kernel heap: the size-class heap over pmm pages seen through the physmap.
#include <kernel/heap.h>
#include <kernel/panic.h>
#include <kernel/pmm.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>

static struct heap kheap;
static spinlock_t lock = SPINLOCK_INIT;

static void *pages_alloc(size_t count)
{
	paddr_t pa = pmm_alloc(count, 1, 0);
	return pa ? phys_to_virt(pa) : NULL;
}

static void pages_free(void *p, size_t count)
{
	pmm_free((paddr_t)((uintptr_t)p - PHYSMAP_BASE), count);
}

void kheap_init(void)
{
	static const struct heap_backend backend = { pages_alloc, pages_free };
	heap_init(&kheap, &backend);
}

void *kmalloc(size_t size)
{
	irqflags_t f = spin_lock_irqsave(&lock);
	void *p = heap_alloc(&kheap, size);
	spin_unlock_irqrestore(&lock, f);
	return p;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);
	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(void *p)
{
	irqflags_t f = spin_lock_irqsave(&lock);
	int err = heap_free(&kheap, p);
	spin_unlock_irqrestore(&lock, f);
	if (err)
		panic("kfree: %p was not allocated or is freed twice", p);
}

struct heap_stats kheap_stats(void)
{
	irqflags_t f = spin_lock_irqsave(&lock);
	struct heap_stats s = kheap.stats;
	spin_unlock_irqrestore(&lock, f);
	return s;
}
