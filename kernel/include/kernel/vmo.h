/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_VMO_H
#define KERNEL_VMO_H

#include <kernel/list.h>
#include <kernel/object.h>
#include <kernel/spinlock.h>

/*
 * A virtual memory object: a sized run of pages, of one of three kinds.
 *
 * Anonymous VMOs commit a zeroed page the first time one is touched
 * (demand-zero). Their pages may be shared with copy-on-write children: a
 * child made with vmo_create_child takes a share of every page its parent
 * had committed in the range (pmm_page_share) and both sides then see a
 * snapshot; whichever writes a shared page first gets a private copy
 * (vmo_fault_page), and a page is freed when its last holder lets go.
 *
 * Physical VMOs name a range of device memory: nothing is allocated or ever
 * freed. Contiguous VMOs own one physically contiguous run of RAM, committed
 * and zeroed at creation, for DMA. Both carry a cache attribute that every
 * mapping of them gets, and neither has children (their pages must never
 * move).
 *
 * A page of an anonymous VMO may be pinned (vmo_pin_page: an IPC buffer,
 * which the kernel writes through its physical address at any time). A
 * pinned page stays the VMO's, private and in place: a child made while it
 * is pinned gets a copy of it at once instead of a share, so neither side
 * ever has to fault it away, and a write into it never reaches a child.
 */
#define VMO_MAX_SIZE (1ull << 36) /* 64 GiB, until resource limits come */

enum vmo_kind { VMO_ANON, VMO_PHYSICAL, VMO_CONTIGUOUS };

struct vmo {
	struct kobject obj;
	uint64_t size; /* bytes, a multiple of PAGE_SIZE */
	size_t npages;
	paddr_t *pages; /* anonymous only; 0: not committed yet */
	/* Every committed page's index is in [lo, hi) (empty: lo == hi), so
	 * that walks over a large, sparsely used VMO (an 8 MiB stack) visit
	 * only the part that was ever committed. Under vmo_lock. */
	size_t lo, hi;
	size_t committed;
	enum vmo_kind kind;
	paddr_t phys; /* physical and contiguous: the first page */
	unsigned cache; /* VM_DEVICE or VM_WC, added to every mapping's PTEs */
	struct list mappings; /* the vmas that map it (struct vma.vmo_link) */
	struct list pins; /* its pinned pages (struct vmo_pin.link) */
};

/* A pin of one page (vmo_pin_page), kept by its holder. */
struct vmo_pin {
	struct list link; /* in vmo->pins, under vmo_lock */
	struct vmo *vmo; /* referenced while pinned */
	size_t index;
	paddr_t pa; /* never changes while pinned */
	/* The VMO shrank past the page: pa is no longer its page, and the
	 * pin holds it (a share of its own) so that it cannot be freed under
	 * a writer. Set under vmo_lock; read without it. */
	bool dropped;
};

/* A new anonymous VMO of size bytes (rounded up to pages); NULL when size
 * is 0, too large, or memory is short. */
struct vmo *vmo_create(uint64_t size);
/* Device memory [pa, pa+size), page aligned; cache is 0, VM_DEVICE or
 * VM_WC. The caller has checked that the range is allowed. */
struct vmo *vmo_create_physical(paddr_t pa, uint64_t size, unsigned cache);
/* size bytes of contiguous zeroed RAM below limit (0: anywhere). */
struct vmo *vmo_create_contiguous(uint64_t size, unsigned cache, paddr_t limit);
/* A copy-on-write snapshot of [offset, offset+size) of an anonymous parent
 * (with VG_CHILD_UP_TO_END in flags: of the part of it the parent has,
 * possibly none: an empty VMO).
 * Errors: ERR_NOT_SUPPORTED (parent not anonymous), ERR_INVALID_ARGS
 * (offset not page aligned), ERR_OUT_OF_RANGE, ERR_NO_MEMORY. */
int vmo_create_child(struct vmo *parent, uint64_t offset, uint64_t size, unsigned flags,
		     struct vmo **out);
/* The physical page behind page index for an access: committing a zeroed
 * page if needed, and for a write, copying a shared page first (stale
 * mappings of the old page are removed). *writable says whether the page
 * may be mapped writable now (false while it is shared). Returns 0 when
 * out of range or out of memory. */
paddr_t vmo_fault_page(struct vmo *v, size_t index, bool write, bool *writable);
/* The VMO's size in pages now (vmo_set_size may change it at any time):
 * tells a fault past the end from one out of memory. */
static inline size_t vmo_page_count(struct vmo *v)
{
	return __atomic_load_n(&v->npages, __ATOMIC_RELAXED);
}
/* Under vmo_lock: whether pa (as vmo_fault_page returned it, with
 * writable) is still what page index may be mapped as. */
bool vmo_page_current(struct vmo *v, size_t index, paddr_t pa, bool writable);
/* Pins page index of an anonymous VMO, which must be pa, committed and
 * private (as vmo_fault_page returned it for a write): ERR_BUSY when it no
 * longer is (a child shared it meanwhile; fault it again and retry),
 * ERR_NOT_SUPPORTED for other kinds. Takes a reference on v. */
int vmo_pin_page(struct vmo *v, size_t index, paddr_t pa, struct vmo_pin *pin);
/* Lets go of a pin (and of its page, if the VMO dropped it). */
void vmo_unpin_page(struct vmo_pin *pin);
/* Grows or shrinks an anonymous VMO to size bytes (rounded up to pages;
 * 0 allowed): new pages read as zeros; pages past a smaller end are let go
 * and unmapped, so mappings reaching past the end fault there. Errors:
 * ERR_NOT_SUPPORTED (not anonymous), ERR_OUT_OF_RANGE, ERR_NO_MEMORY. */
int vmo_set_size(struct vmo *v, uint64_t size);
/* The page for reading (vmo_fault_page without write). */
paddr_t vmo_commit_page(struct vmo *v, size_t index);
/* Copies between the VMO and kernel memory, committing pages as needed;
 * ERR_NOT_SUPPORTED for physical VMOs (device memory is not in the
 * physmap). */
int vmo_write(struct vmo *v, uint64_t offset, const void *src, size_t len);
int vmo_read(struct vmo *v, uint64_t offset, void *dst, size_t len);
/* The same with a user buffer (vmo_user.c): each page copied once, a new
 * page the write covers whole not zeroed first, holes read as zeros
 * without committing pages. ERR_BAD_ADDRESS for a bad buffer (what was
 * copied before it stays). */
int vmo_user_io(struct vmo *v, uint64_t offset, char *ubuf, size_t len, bool write);

/* Puts pa (not 0) at page index of an anonymous VMO, widening [lo, hi).
 * Under vmo_lock. */
static inline void vmo_page_set(struct vmo *v, size_t index, paddr_t pa)
{
	v->pages[index] = pa;
	if (v->lo == v->hi) {
		v->lo = index;
		v->hi = index + 1;
	} else if (index < v->lo) {
		v->lo = index;
	} else if (index >= v->hi) {
		v->hi = index + 1;
	}
}

/* The lock over every VMO's pages and mapping list, and over the vmas'
 * placement fields that the reverse walks read. */
irqflags_t vmo_lock(void);
void vmo_unlock(irqflags_t f);

static inline struct vmo *to_vmo(struct kobject *o)
{
	return (struct vmo *)o;
}

#endif
