// SPDX-License-Identifier: BSD-2-Clause
// Memory objects: anonymous (with copy-on-write children), physical and
// contiguous (see vmo.h).
#include <kernel/aspace.h>
#include <kernel/hal.h>
#include <kernel/heap.h>
#include <kernel/panic.h>
#include <kernel/pmm.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/vmo.h>
#include <verdigris/errors.h>

static spinlock_t lock = SPINLOCK_INIT;

irqflags_t vmo_lock(void)
{
	return spin_lock_irqsave(&lock);
}

void vmo_unlock(irqflags_t f)
{
	spin_unlock_irqrestore(&lock, f);
}

static void vmo_destroy(struct kobject *o)
{
	struct vmo *v = to_vmo(o);
	/* Every vma holds a reference: none can be left. */
	kassert(list_empty(&v->mappings));
	if (v->kind == VMO_ANON) {
		/* A page shared with a parent or child stays with them. */
		for (size_t i = v->lo; i < v->hi; i++)
			if (v->pages[i])
				pmm_page_release(v->pages[i]);
		kfree(v->pages);
	} else if (v->kind == VMO_CONTIGUOUS) {
		pmm_free(v->phys, v->npages);
	}
	kfree(v);
}

static const struct kobject_ops vmo_ops = { .destroy = vmo_destroy };

/* size may be 0 here: an anonymous child of nothing (vmo_create_child). */
static struct vmo *vmo_alloc(uint64_t size, enum vmo_kind kind)
{
	if (size > VMO_MAX_SIZE)
		return NULL;
	size = ALIGN_UP(size, PAGE_SIZE);
	struct vmo *v = kzalloc(sizeof(*v));
	if (!v)
		return NULL;
	v->size = size;
	v->npages = (size_t)(size / PAGE_SIZE);
	v->kind = kind;
	list_init(&v->mappings);
	kobject_init(&v->obj, VG_OBJ_VMO, &vmo_ops);
	return v;
}

/* An anonymous VMO of size bytes, 0 allowed (no pages: every access is
 * past its end). */
static struct vmo *anon_create(uint64_t size)
{
	struct vmo *v = vmo_alloc(size, VMO_ANON);
	if (!v || !v->npages)
		return v;
	v->pages = kzalloc(v->npages * sizeof(paddr_t));
	if (!v->pages) {
		kfree(v);
		return NULL;
	}
	return v;
}

struct vmo *vmo_create(uint64_t size)
{
	return size ? anon_create(size) : NULL;
}

struct vmo *vmo_create_physical(paddr_t pa, uint64_t size, unsigned cache)
{
	/* No page array: a device range may be large, and its pages are
	 * computed from the base. */
	struct vmo *v = vmo_alloc(size, VMO_PHYSICAL);
	if (v) {
		v->phys = pa;
		v->cache = cache;
		v->committed = v->npages;
	}
	return v;
}

struct vmo *vmo_create_contiguous(uint64_t size, unsigned cache, paddr_t limit)
{
	struct vmo *v = vmo_alloc(size, VMO_CONTIGUOUS);
	if (!v)
		return NULL;
	v->phys = pmm_alloc(v->npages, 1, limit);
	if (!v->phys) {
		kfree(v);
		return NULL;
	}
	memset(phys_to_virt(v->phys), 0, v->size);
	v->cache = cache;
	v->committed = v->npages;
	return v;
}

int vmo_create_child(struct vmo *parent, uint64_t offset, uint64_t size, unsigned flags,
		     struct vmo **out)
{
	if (parent->kind != VMO_ANON)
		return ERR_NOT_SUPPORTED;
	if ((offset & (PAGE_SIZE - 1)) || (flags & ~VG_CHILD_UP_TO_END))
		return ERR_INVALID_ARGS;
	if (size == 0 || size > VMO_MAX_SIZE)
		return ERR_OUT_OF_RANGE;
	size = ALIGN_UP(size, PAGE_SIZE);
	uint64_t has = __atomic_load_n(&parent->size, __ATOMIC_RELAXED);
	/* Up to the end: none of the range may be the parent's (a mapping
	 * wholly past the end of a file), and the child is then empty. */
	if (flags & VG_CHILD_UP_TO_END)
		size = offset < has ? MIN(size, has - offset) : 0;
	if (offset > has ? size != 0 : size > has - offset)
		return ERR_OUT_OF_RANGE;
	struct vmo *c = anon_create(size);
	if (!c)
		return ERR_NO_MEMORY;
	size_t first = (size_t)(offset / PAGE_SIZE);
	bool shared = false;
	irqflags_t f = vmo_lock();
	/* The snapshot: every page the parent has committed now is shared;
	 * pages it has not are zero for both, and whichever side touches one
	 * later commits its own. */
	size_t from = parent->lo > first ? parent->lo - first : 0;
	size_t to = parent->hi > first ? MIN(parent->hi - first, c->npages) : 0;
	for (size_t i = from; i < to; i++) {
		paddr_t pa = parent->pages[first + i];
		if (!pa)
			continue;
		pmm_page_share(pa);
		vmo_page_set(c, i, pa);
		c->committed++;
		shared = true;
	}
	/* The parent's writable mappings must fault on the next write so that
	 * it copies instead of writing into the child's snapshot; pins of its
	 * pages (IPC buffers) are no longer safe to write through. */
	if (shared)
		parent->pin_gen++;
	if (shared)
		for (struct list *l = parent->mappings.next; l != &parent->mappings; l = l->next)
			vma_write_protect(list_entry(l, struct vma, vmo_link));
	vmo_unlock(f);
	*out = c;
	return 0;
}

/* A page of v now lives elsewhere: mappings of the old one are stale. */
static void drop_stale_mappings(struct vmo *v, size_t index)
{
	uint64_t off = (uint64_t)index * PAGE_SIZE;
	for (struct list *l = v->mappings.next; l != &v->mappings; l = l->next)
		vma_drop_page(list_entry(l, struct vma, vmo_link), off);
}

paddr_t vmo_fault_page(struct vmo *v, size_t index, bool write, bool *writable)
{
	if (index >= v->npages)
		return 0;
	if (v->kind != VMO_ANON) {
		*writable = true;
		return v->phys + (paddr_t)index * PAGE_SIZE;
	}
	for (;;) {
		irqflags_t f = vmo_lock();
		if (index >= v->npages) { /* shrunk meanwhile (vmo_set_size) */
			vmo_unlock(f);
			return 0;
		}
		paddr_t pa = v->pages[index];
		bool shared = pa && pmm_page_shared(pa);
		if (pa && (!write || !shared)) {
			vmo_unlock(f);
			*writable = !shared;
			return pa;
		}
		vmo_unlock(f);
		/* Not committed yet, or shared and about to be written: a
		 * private page, filled outside the lock. The old page cannot go
		 * away meanwhile (this VMO holds it) nor change (it is shared, and
		 * nobody writes a shared page). */
		paddr_t np = pmm_alloc_page();
		if (!np)
			return 0;
		if (pa)
			arch_page_copy(phys_to_virt(np), phys_to_virt(pa));
		else
			arch_page_zero(phys_to_virt(np));
		f = vmo_lock();
		if (index >= v->npages || v->pages[index] != pa || (pa && !pmm_page_shared(pa))) {
			/* Someone committed or copied it meanwhile, or the other
			 * holders let go and the page is ours alone: look again. */
			vmo_unlock(f);
			pmm_free(np, 1);
			continue;
		}
		vmo_page_set(v, index, np);
		v->pin_gen++;
		if (pa) {
			pmm_page_release(pa);
			drop_stale_mappings(v, index);
		} else {
			v->committed++;
		}
		vmo_unlock(f);
		*writable = true;
		return np;
	}
}

bool vmo_page_current(struct vmo *v, size_t index, paddr_t pa, bool writable)
{
	if (v->kind != VMO_ANON)
		return true;
	/* Mapping a page read-only that has become exclusive since is fine:
	 * a write faults and upgrades it. */
	return index < v->npages && v->pages[index] == pa && (!writable || !pmm_page_shared(pa));
}

int vmo_set_size(struct vmo *v, uint64_t size)
{
	if (v->kind != VMO_ANON)
		return ERR_NOT_SUPPORTED;
	if (size > VMO_MAX_SIZE)
		return ERR_OUT_OF_RANGE;
	size = ALIGN_UP(size, PAGE_SIZE);
	size_t n = (size_t)(size / PAGE_SIZE);
	/* The new page array is allocated outside the lock; the size may
	 * change meanwhile (another thread), so the copy is bounded by both. */
	paddr_t *pages = n ? kzalloc(n * sizeof(paddr_t)) : NULL;
	if (n && !pages)
		return ERR_NO_MEMORY;
	irqflags_t f = vmo_lock();
	paddr_t *old = v->pages;
	for (size_t i = v->lo; i < v->hi; i++) {
		if (i < n) {
			pages[i] = old[i];
		} else if (old[i]) {
			/* A page past the new end: out of every mapping (a later
			 * access faults beyond the VMO), and let go. */
			drop_stale_mappings(v, i);
			pmm_page_release(old[i]);
			v->committed--;
		}
	}
	v->pages = pages;
	v->npages = n;
	v->hi = MIN(v->hi, n);
	v->lo = MIN(v->lo, v->hi);
	v->size = size;
	v->pin_gen++;
	vmo_unlock(f);
	kfree(old);
	return 0;
}

paddr_t vmo_commit_page(struct vmo *v, size_t index)
{
	bool writable;
	return vmo_fault_page(v, index, false, &writable);
}

/* Walks [offset, offset+len) page by page, handing each piece to fn. */
static int for_each_piece(struct vmo *v, uint64_t offset, size_t len, bool write,
			  void (*fn)(void *page_part, void *buf, size_t n), void *buf)
{
	if (offset > v->size || len > v->size - offset)
		return ERR_OUT_OF_RANGE;
	if (v->kind == VMO_PHYSICAL)
		return ERR_NOT_SUPPORTED;
	while (len) {
		size_t in_page = (size_t)(offset % PAGE_SIZE);
		size_t n = MIN(len, PAGE_SIZE - in_page);
		size_t index = (size_t)(offset / PAGE_SIZE);
		bool writable;
		paddr_t pa = vmo_fault_page(v, index, write, &writable);
		if (!pa)
			return ERR_NO_MEMORY;
		/* Copy under the lock, and only while the page is still ours
		 * (and still private, for a write): after a preemption it may
		 * have been copied away, shared with a new child, or freed. */
		irqflags_t f = vmo_lock();
		if (!vmo_page_current(v, index, pa, write)) {
			vmo_unlock(f);
			continue;
		}
		fn((char *)phys_to_virt(pa) + in_page, buf, n);
		vmo_unlock(f);
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
	return for_each_piece(v, offset, len, true, copy_in, (void *)(uintptr_t)src);
}

int vmo_read(struct vmo *v, uint64_t offset, void *dst, size_t len)
{
	return for_each_piece(v, offset, len, false, copy_out, dst);
}
