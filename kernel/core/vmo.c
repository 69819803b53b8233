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
	list_init(&v->pins);
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
		kobject_discard(&v->obj);
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
		kobject_discard(&v->obj);
		kfree(v);
		return NULL;
	}
	memset(phys_to_virt(v->phys), 0, v->size);
	v->cache = cache;
	v->committed = v->npages;
	return v;
}

/* Whether page index of v is pinned. Under vmo_lock. */
static bool page_pinned(const struct vmo *v, size_t index)
{
	for (const struct list *l = v->pins.next; l != &v->pins; l = l->next) {
		const struct vmo_pin *pin = list_entry(l, struct vmo_pin, link);
		if (pin->index == index && !pin->dropped)
			return true;
	}
	return false;
}

/* Whether pa, page index of v, may be written in place. A pinned page is
 * never shared with a child, so a holder more than its VMO is only a
 * reader's short hold (vmo_user.c's read_page). Under vmo_lock. */
static bool page_private(const struct vmo *v, size_t index, paddr_t pa)
{
	return !pmm_page_shared(pa) || page_pinned(v, index);
}

/* Gives the child c page i of the snapshot, the parent's pa: a share, or
 * for a pinned page a copy of its own, made now (see vmo.h). Under
 * vmo_lock; false when out of memory. */
static bool snapshot_page(struct vmo *parent, size_t index, struct vmo *c, size_t i, paddr_t pa)
{
	if (page_pinned(parent, index)) {
		paddr_t np = pmm_alloc_page();
		if (!np)
			return false;
		arch_page_copy(phys_to_virt(np), phys_to_virt(pa));
		pa = np;
	} else {
		pmm_page_share(pa);
	}
	vmo_page_set(c, i, pa);
	c->committed++;
	return true;
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
	bool shared = false, ok = true;
	irqflags_t f = vmo_lock();
	/* The snapshot: every page the parent has committed now is shared
	 * (pinned ones copied); pages it has not are zero for both, and
	 * whichever side touches one later commits its own. */
	size_t from = parent->lo > first ? parent->lo - first : 0;
	size_t to = parent->hi > first ? MIN(parent->hi - first, c->npages) : 0;
	for (size_t i = from; i < to && ok; i++) {
		paddr_t pa = parent->pages[first + i];
		if (!pa)
			continue;
		ok = snapshot_page(parent, first + i, c, i, pa);
		shared = true;
	}
	/* The parent's writable mappings must fault on the next write so that
	 * it copies instead of writing into the child's snapshot (a pinned
	 * page faults once and stays). */
	if (shared && ok)
		for (struct list *l = parent->mappings.next; l != &parent->mappings; l = l->next)
			vma_write_protect(list_entry(l, struct vma, vmo_link));
	vmo_unlock(f);
	if (!ok) {
		kobject_unref(&c->obj); /* lets go of the shares it took */
		return ERR_NO_MEMORY;
	}
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
		bool shared = pa && !page_private(v, index, pa);
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
		if (index >= v->npages || v->pages[index] != pa ||
		    (pa && page_private(v, index, pa))) {
			/* Someone committed or copied it meanwhile, or the other
			 * holders let go and the page is ours alone: look again. */
			vmo_unlock(f);
			pmm_free(np, 1);
			continue;
		}
		vmo_page_set(v, index, np);
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
	return index < v->npages && v->pages[index] == pa &&
		(!writable || page_private(v, index, pa));
}

int vmo_pin_page(struct vmo *v, size_t index, paddr_t pa, struct vmo_pin *pin)
{
	if (v->kind != VMO_ANON)
		return ERR_NOT_SUPPORTED;
	irqflags_t f = vmo_lock();
	/* Private now, so no child holds it: from here on none will. */
	bool current = vmo_page_current(v, index, pa, true);
	if (current) {
		kobject_ref(&v->obj);
		pin->vmo = v;
		pin->index = index;
		pin->pa = pa;
		pin->dropped = false;
		list_push_back(&v->pins, &pin->link);
	}
	vmo_unlock(f);
	return current ? 0 : ERR_BUSY;
}

void vmo_unpin_page(struct vmo_pin *pin)
{
	irqflags_t f = vmo_lock();
	list_remove(&pin->link);
	bool dropped = pin->dropped;
	vmo_unlock(f);
	if (dropped)
		pmm_page_release(pin->pa);
	kobject_unref(&pin->vmo->obj);
}

/* Page index of v is going: its pins take a share each, to keep it. */
static void drop_pins(struct vmo *v, size_t index)
{
	for (struct list *l = v->pins.next; l != &v->pins; l = l->next) {
		struct vmo_pin *pin = list_entry(l, struct vmo_pin, link);
		if (pin->index == index && !pin->dropped) {
			pmm_page_share(pin->pa);
			__atomic_store_n(&pin->dropped, true, __ATOMIC_RELEASE);
		}
	}
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
			drop_pins(v, i);
			pmm_page_release(old[i]);
			v->committed--;
		}
	}
	v->pages = pages;
	v->npages = n;
	v->hi = MIN(v->hi, n);
	v->lo = MIN(v->lo, v->hi);
	v->size = size;
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
