// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/heap.h>
#include <kernel/pmm.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/vmo.h>
#include <verdigris/errors.h>

static spinlock_t commit_lock = SPINLOCK_INIT;

static void vmo_destroy(struct kobject *o)
{
	struct vmo *v = to_vmo(o);
	for (size_t i = 0; i < v->npages; i++)
		if (v->pages[i])
			pmm_free(v->pages[i], 1);
	kfree(v->pages);
	kfree(v);
}

static const struct kobject_ops vmo_ops = { .destroy = vmo_destroy };

struct vmo *vmo_create(uint64_t size)
{
	if (size == 0 || size > VMO_MAX_SIZE)
		return NULL;
	size = ALIGN_UP(size, PAGE_SIZE);
	struct vmo *v = kzalloc(sizeof(*v));
	if (!v)
		return NULL;
	v->size = size;
	v->npages = (size_t)(size / PAGE_SIZE);
	v->pages = kzalloc(v->npages * sizeof(paddr_t));
	if (!v->pages) {
		kfree(v);
		return NULL;
	}
	kobject_init(&v->obj, VG_OBJ_VMO, &vmo_ops);
	return v;
}

paddr_t vmo_commit_page(struct vmo *v, size_t index)
{
	if (index >= v->npages)
		return 0;
	irqflags_t f = spin_lock_irqsave(&commit_lock);
	paddr_t pa = v->pages[index];
	spin_unlock_irqrestore(&commit_lock, f);
	if (pa)
		return pa;
	pa = pmm_alloc_page();
	if (!pa)
		return 0;
	memset(phys_to_virt(pa), 0, PAGE_SIZE);
	f = spin_lock_irqsave(&commit_lock);
	if (v->pages[index]) { /* someone else committed it meanwhile */
		spin_unlock_irqrestore(&commit_lock, f);
		pmm_free(pa, 1);
		return v->pages[index];
	}
	v->pages[index] = pa;
	v->committed++;
	spin_unlock_irqrestore(&commit_lock, f);
	return pa;
}

/* Walks [offset, offset+len) page by page, handing each piece to fn. */
static int for_each_piece(struct vmo *v, uint64_t offset, size_t len,
			  void (*fn)(void *page_part, void *buf, size_t n), void *buf)
{
	if (offset > v->size || len > v->size - offset)
		return ERR_OUT_OF_RANGE;
	while (len) {
		size_t in_page = (size_t)(offset % PAGE_SIZE);
		size_t n = MIN(len, PAGE_SIZE - in_page);
		paddr_t pa = vmo_commit_page(v, (size_t)(offset / PAGE_SIZE));
		if (!pa)
			return ERR_NO_MEMORY;
		fn((char *)phys_to_virt(pa) + in_page, buf, n);
		buf = (char *)buf + n;
		offset += n;
		len -= n;
	}
	return 0;
}

static void copy_in(void *page_part, void *buf, size_t n)
{
	memcpy(page_part, buf, n);
}

static void copy_out(void *page_part, void *buf, size_t n)
{
	memcpy(buf, page_part, n);
}

int vmo_write(struct vmo *v, uint64_t offset, const void *src, size_t len)
{
	return for_each_piece(v, offset, len, copy_in, (void *)(uintptr_t)src);
}

int vmo_read(struct vmo *v, uint64_t offset, void *dst, size_t len)
{
	return for_each_piece(v, offset, len, copy_out, dst);
}
