/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_ASPACE_H
#define KERNEL_ASPACE_H

#include <kernel/list.h>
#include <kernel/spinlock.h>
#include <kernel/vmo.h>

/*
 * A user address space: a root page table whose kernel half is shared, and
 * a sorted list of mappings (VMO ranges with protections). Pages enter the
 * page table on first touch (user_page_fault), so mapping is cheap and a
 * large mapping costs nothing until used.
 *
 * Locking. The address space's own lock serialises aspace_map,
 * aspace_unmap, aspace_fault, aspace_pin_page and aspace_destroy of one
 * address space against each other (threads of one process, and other
 * processes holding its handle): it covers the vma list and the whole
 * fault sequence (look up the vma, get the page from the VMO, enter it).
 * The lock order is
 *
 *     aspace lock  ->  vmo_lock  ->  the frame allocator's and heap's locks
 *
 * and never the other way: the VMO side (copy-on-write write-protecting,
 * dropping a stale page) reaches other address spaces through the reverse
 * map while it holds vmo_lock, and so never takes an aspace lock. That is
 * safe because every change to a user page-table entry, and to the vma
 * fields those walks read (start, end, offset, as, the VMO's mapping
 * list), is also made under vmo_lock; the aspace lock alone only guards
 * what the reverse walks never look at. Both are interrupt-disabling
 * spinlocks, so nothing under the aspace lock may sleep or touch user
 * memory (a user fault there would take the lock again).
 */
struct aspace {
	spinlock_t lock;
	paddr_t root; /* 0 once destroyed */
	struct list vmas;
	uint64_t mapped; /* bytes the vmas cover */
	uint64_t mapped_max; /* VG_LIMIT_MAPPED, 0: none */
};

struct vma {
	struct list link; /* in the address space's sorted list */
	vaddr_t start, end;
	unsigned prot; /* VM_READ / VM_WRITE / VM_EXEC */
	unsigned max_prot; /* what aspace_protect may give it (the VMO handle's rights) */
	bool shared; /* ASPACE_SHARED: the same VMO in a clone */
	struct vmo *vmo; /* holds a reference */
	uint64_t offset;
	/* The reverse map: the VMO lists its mappings so that copy-on-write
	 * can write-protect them and drop stale pages (under vmo_lock). */
	struct aspace *as;
	struct list vmo_link;
};

/* Where aspace_map places mappings when no address is asked for. */
#define ASPACE_ALLOC_BASE 0x10000000ull

int aspace_init(struct aspace *as);
/* Unmaps everything and frees the page tables. */
void aspace_destroy(struct aspace *as);
/* aspace_map options: at *va exactly; shared with a clone (never a
 * copy-on-write snapshot); the VMO's committed pages entered at once; the
 * mapping may reach past the VMO's end (faults there: ERR_OUT_OF_RANGE). The
 * highest protection aspace_protect may give later sits above
 * ASPACE_MAX_SHIFT (none given: any). */
#define ASPACE_FIXED 1u
#define ASPACE_SHARED 2u
#define ASPACE_POPULATE 4u
/* VG_VM_PAST_END: the mapping may reach or start past the VMO's end */
#define ASPACE_PAST_END 8u
#define ASPACE_MAX_SHIFT 8
/* Maps len bytes of vmo from offset with prot at *va (if ASPACE_FIXED) or
 * at a free place it chooses (and stores in *va). W+X is refused. */
int aspace_map(struct aspace *as, vaddr_t *va, uint64_t len, unsigned prot, struct vmo *vmo,
	       uint64_t offset, unsigned opts);
/* Gives [va, va + len), which mappings must cover entirely (ERR_NOT_FOUND),
 * protection prot, splitting mappings at its ends; ERR_ACCESS_DENIED for
 * more than a mapping's highest protection, or W+X. Present entries are
 * cleared: pages fault back in with the new protection (copy-on-write
 * still decides whether a page can be written). */
int aspace_protect(struct aspace *as, vaddr_t va, uint64_t len, unsigned prot);
/* Clears the range's page-table entries and flushes them before the
 * mappings (and perhaps their VMOs' pages) are released. */
int aspace_unmap(struct aspace *as, vaddr_t va, uint64_t len);
/* Resolves a fault at va for access; 0 when the page is now mapped,
 * ERR_ACCESS_DENIED for an access the mapping does not allow, ERR_NOT_FOUND
 * where nothing is mapped, ERR_NO_MEMORY. A write to a page the VMO shares
 * with a copy-on-write relative copies it here. A fault whose entry already
 * allows the access (another thread faulted the page in first, or a stale
 * TLB entry) is spurious: the entry is flushed and the result is 0.
 * aspace_map and aspace_unmap give ERR_PEER_CLOSED once the address space
 * is destroyed. */
int aspace_fault(struct aspace *as, vaddr_t va, unsigned access);
/* The physical page behind va, committed (made private for VM_WRITE), in a
 * mapping that allows access; *vmo gets a reference to the VMO holding it
 * and *index the page's index there. ERR_NOT_FOUND, ERR_ACCESS_DENIED or
 * ERR_NO_MEMORY. */
int aspace_pin_page(struct aspace *as, vaddr_t va, unsigned access, struct vmo **vmo, size_t *index,
		    paddr_t *pa);

/* Maps into dst, which must have no mappings (ERR_BAD_STATE), a snapshot
 * of every mapping of src at the same addresses with the same protections:
 * a copy-on-write child of each writable anonymous VMO range; the VMO
 * itself for shared (ASPACE_SHARED) and read-only mappings (nothing writes through them: a change
 * made to the VMO another way shows on both sides) and for physical and
 * contiguous ones (device memory stays shared). src's other
 * threads may go on meanwhile: each mapping is copied as it is when its
 * turn comes. On failure dst holds part of the copy. */
int aspace_clone(struct aspace *src, struct aspace *dst);
/* The identity of the memory at va, the same in every address space that
 * maps it: (its VMO, the offset there) inside a mapping, (as, va) outside
 * any (futex keys: a word in a VMO shared by several processes is one
 * futex for all of them). */
void aspace_memory_key(struct aspace *as, vaddr_t va, uintptr_t *object, uint64_t *offset);
/* Bytes mapped, bytes of committed pages behind the mappings, and the
 * page-table pages (a debug figure: it walks the tables). */
void aspace_usage(struct aspace *as, uint64_t *mapped, uint64_t *committed, uint64_t *tables);
/* For the VMO's reverse walks, under vmo_lock (not the aspace lock): make the mapping's present
 * pages read-only (they may have become shared), and unmap the page at VMO
 * offset off if the mapping covers it. */
void vma_write_protect(struct vma *m);
void vma_drop_page(struct vma *m, uint64_t off);

#endif
