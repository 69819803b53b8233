// SPDX-License-Identifier: BSD-2-Clause
#include <arch/hal_arch.h>
#include <kernel/pagetable.h>
#include <verdigris/errors.h>

static unsigned index_at(vaddr_t va, int level)
{
	return (unsigned)(va >> PT_LEVEL_SHIFT(level)) & (PT_ENTRIES - 1);
}

static bool aligned(uint64_t x, int level)
{
	return (x & (PT_LEVEL_SIZE(level) - 1)) == 0;
}

/* Replaces the block leaf at *slot (level > 0) with a table of leaves one
 * level down covering the same range with the same protection. */
static int split_block(pte_t *slot, int level)
{
	paddr_t t = pt_alloc_table();
	if (!t)
		return ERR_NO_MEMORY;
	pte_t *tab = pt_table_virt(t);
	paddr_t base = arch_pte_addr(*slot);
	unsigned prot = arch_pte_prot(*slot, level);
	for (unsigned i = 0; i < PT_ENTRIES; i++)
		tab[i] = arch_pte_leaf(base + i * PT_LEVEL_SIZE(level - 1), prot, level - 1);
	*slot = arch_pte_table(t);
	return 0;
}

/* Returns the table one level below *slot, creating it if empty. */
static pte_t *descend(pte_t *slot, int level, bool create, int *err)
{
	if (arch_pte_valid(*slot)) {
		if (arch_pte_is_leaf(*slot, level)) {
			*err = ERR_EXISTS;
			return NULL;
		}
		return pt_table_virt(arch_pte_addr(*slot));
	}
	if (!create) {
		*err = ERR_NOT_FOUND;
		return NULL;
	}
	paddr_t t = pt_alloc_table();
	if (!t) {
		*err = ERR_NO_MEMORY;
		return NULL;
	}
	*slot = arch_pte_table(t);
	return pt_table_virt(t);
}

/* True if any page of [va, va+size) is mapped. */
static bool range_mapped(paddr_t root, vaddr_t va, uint64_t size)
{
	vaddr_t end = va + size;
	while (va < end) {
		pte_t *tab = pt_table_virt(root);
		int level = PT_LEVELS - 1;
		for (;;) {
			pte_t e = tab[index_at(va, level)];
			if (!arch_pte_valid(e)) {
				/* Nothing below this entry: skip the whole span it covers. */
				vaddr_t next =
					ALIGN_DOWN(va, PT_LEVEL_SIZE(level)) + PT_LEVEL_SIZE(level);
				if (next <= va) /* wrapped past the top of the address space */
					return false;
				va = next;
				break;
			}
			if (arch_pte_is_leaf(e, level))
				return true;
			tab = pt_table_virt(arch_pte_addr(e));
			level--;
		}
	}
	return false;
}

static bool args_ok(vaddr_t va, uint64_t size)
{
	return size && !(va & (PAGE_SIZE - 1)) && !(size & (PAGE_SIZE - 1)) && va + size > va;
}

int pt_map(paddr_t root, vaddr_t va, paddr_t pa, uint64_t size, unsigned prot)
{
	if (!args_ok(va, size) || (pa & (PAGE_SIZE - 1)))
		return ERR_INVALID_ARGS;
	if (range_mapped(root, va, size))
		return ERR_EXISTS;
	uint64_t done = 0;
	while (done < size) {
		vaddr_t v = va + done;
		paddr_t p = pa + done;
		uint64_t left = size - done;
		pte_t *tab = pt_table_virt(root);
		int level = PT_LEVELS - 1;
		for (;;) {
			pte_t *slot = &tab[index_at(v, level)];
			if (level == 0 ||
			    (arch_level_allows_leaf(level) && aligned(v, level) &&
			     aligned(p, level) && left >= PT_LEVEL_SIZE(level) &&
			     !arch_pte_valid(*slot))) {
				*slot = arch_pte_leaf(p, prot, level);
				done += PT_LEVEL_SIZE(level);
				break;
			}
			int err;
			tab = descend(slot, level, true, &err);
			if (!tab)
				return err;
			level--;
		}
	}
	return 0;
}

int pt_map_pages(paddr_t root, vaddr_t va, const paddr_t *pages, size_t n, unsigned prot)
{
	size_t i = 0;
	while (i < n) {
		if (!pages[i]) {
			i++;
			continue;
		}
		vaddr_t v = va + i * PAGE_SIZE;
		pte_t *tab = pt_table_virt(root);
		int err = 0;
		for (int level = PT_LEVELS - 1; tab && level > 0; level--)
			tab = descend(&tab[index_at(v, level)], level, true, &err);
		if (!tab)
			return err == ERR_EXISTS ? 0 : err; /* a block there: nothing of ours */
		/* The rest of this last-level table's pages, one after the other. */
		do {
			pte_t *slot = &tab[index_at(va + i * PAGE_SIZE, 0)];
			if (pages[i] && !arch_pte_valid(*slot))
				*slot = arch_pte_leaf(pages[i], prot, 0);
			i++;
		} while (i < n && index_at(va + i * PAGE_SIZE, 0));
	}
	return 0;
}

/* Applies op to every mapped page-or-block in the range: op NULL unmaps,
 * otherwise the leaf gets the new protection. Blocks that straddle an end of
 * the range are split first. */
static int update_range(paddr_t root, vaddr_t va, uint64_t size, bool unmap, unsigned prot)
{
	if (!args_ok(va, size))
		return ERR_INVALID_ARGS;
	vaddr_t end = va + size;
	while (va < end) {
		pte_t *tab = pt_table_virt(root);
		int level = PT_LEVELS - 1;
		for (;;) {
			pte_t *slot = &tab[index_at(va, level)];
			vaddr_t span_end =
				ALIGN_DOWN(va, PT_LEVEL_SIZE(level)) + PT_LEVEL_SIZE(level);
			if (!arch_pte_valid(*slot)) {
				if (span_end <= va)
					return 0;
				va = span_end;
				break;
			}
			if (arch_pte_is_leaf(*slot, level)) {
				/* Inclusive ends: a block at the top of the address
				 * space ends at 2^64, which wraps span_end to 0. */
				bool whole = aligned(va, level) && span_end - 1 <= end - 1;
				if (!whole) {
					int err = split_block(slot, level);
					if (err)
						return err;
					continue; /* look at the same slot again: now a table */
				}
				*slot = unmap ? 0
					      : arch_pte_leaf(arch_pte_addr(*slot), prot, level);
				if (span_end <= va)
					return 0;
				va = span_end;
				break;
			}
			tab = pt_table_virt(arch_pte_addr(*slot));
			if (--level == 0)
				break;
		}
		if (level)
			continue;
		/* A last-level table: its entries in the range one after the
		 * other, rather than a walk from the root for each page (most of
		 * a large range is often not present). */
		do {
			pte_t *slot = &tab[index_at(va, 0)];
			if (arch_pte_valid(*slot))
				*slot = unmap ? 0 : arch_pte_leaf(arch_pte_addr(*slot), prot, 0);
			va += PAGE_SIZE;
		} while (va < end && va && index_at(va, 0));
		if (!va)
			return 0; /* the top of the address space */
	}
	return 0;
}

int pt_unmap(paddr_t root, vaddr_t va, uint64_t size)
{
	return update_range(root, va, size, true, 0);
}

int pt_protect(paddr_t root, vaddr_t va, uint64_t size, unsigned prot)
{
	return update_range(root, va, size, false, prot);
}

int pt_query(paddr_t root, vaddr_t va, paddr_t *pa, unsigned *prot)
{
	pte_t *tab = pt_table_virt(root);
	for (int level = PT_LEVELS - 1; level >= 0; level--) {
		pte_t e = tab[index_at(va, level)];
		if (!arch_pte_valid(e))
			return ERR_NOT_FOUND;
		if (arch_pte_is_leaf(e, level)) {
			*pa = arch_pte_addr(e) + (va & (PT_LEVEL_SIZE(level) - 1));
			*prot = arch_pte_prot(e, level);
			return 0;
		}
		tab = pt_table_virt(arch_pte_addr(e));
	}
	return ERR_NOT_FOUND;
}

/* Whether the 8 entries from t are all zero (none valid): runs of empty
 * entries, most of an upper-level table, are skipped 8 at a time. */
static bool empty8(const pte_t *t)
{
	return !(t[0] | t[1] | t[2] | t[3] | t[4] | t[5] | t[6] | t[7]);
}

/* Calls fn on every table below entries 0 to last of tab (a table at
 * level), not on tab itself, each after the tables below it. A last-level
 * table holds only leaves, so the tables one level above it hand theirs to
 * fn without reading them. */
static void visit_tables(pte_t *tab, int level, unsigned last, void (*fn)(paddr_t, void *),
			 void *arg)
{
	for (unsigned i = 0; i <= last; i++) {
		if (!(i & 7) && i + 7 <= last && empty8(&tab[i])) {
			i += 7;
			continue;
		}
		pte_t e = tab[i];
		if (arch_pte_valid(e) && !arch_pte_is_leaf(e, level)) {
			if (level > 1)
				visit_tables(pt_table_virt(arch_pte_addr(e)), level - 1,
					     PT_ENTRIES - 1, fn, arg);
			fn(arch_pte_addr(e), arg);
		}
	}
}

/* Whether no entry of tab is in use (an unmapped entry is 0). */
static bool table_empty(const pte_t *tab)
{
	for (unsigned i = 0; i < PT_ENTRIES; i += 8)
		if (!empty8(&tab[i]))
			return false;
	return true;
}

/* The tables below tab (a table at level) covering [va, end) that hold
 * nothing: their entries cleared, each pushed on *freed. The list is
 * linked through each table's first entry by physical address, which
 * never reads as a valid entry (page-aligned: bit 0, valid on every
 * architecture, is clear), so a walker that still reaches the table before
 * the TLB flush finds nothing there. */
static void prune(pte_t *tab, int level, vaddr_t va, vaddr_t end, paddr_t *freed)
{
	while (va < end) {
		vaddr_t span_end = ALIGN_DOWN(va, PT_LEVEL_SIZE(level)) + PT_LEVEL_SIZE(level);
		vaddr_t to = span_end > va && span_end < end ? span_end : end;
		pte_t *slot = &tab[index_at(va, level)];
		if (arch_pte_valid(*slot) && !arch_pte_is_leaf(*slot, level)) {
			paddr_t t = arch_pte_addr(*slot);
			pte_t *below = pt_table_virt(t);
			if (level > 1)
				prune(below, level - 1, va, to, freed);
			if (table_empty(below)) {
				*slot = 0;
				below[0] = (pte_t)*freed;
				*freed = t;
			}
		}
		va = to;
	}
}

paddr_t pt_prune(paddr_t root, vaddr_t va, uint64_t size)
{
	paddr_t freed = 0;
	if (args_ok(va, size))
		prune(pt_table_virt(root), PT_LEVELS - 1, va, va + size, &freed);
	return freed;
}

void pt_free_pruned(paddr_t freed)
{
	while (freed) {
		paddr_t next = (paddr_t)pt_table_virt(freed)[0];
		pt_free_table(freed);
		freed = next;
	}
}

static void free_one(paddr_t table, void *arg)
{
	(void)arg;
	pt_free_table(table);
}

/* The entries are left as they are below the root: those tables are
 * freed, and pt_alloc_table zeroes what it hands out. */
void pt_free_tables(paddr_t root, vaddr_t limit)
{
	if (!limit)
		return;
	pte_t *tab = pt_table_virt(root);
	unsigned last = index_at(limit - 1, PT_LEVELS - 1);
	visit_tables(tab, PT_LEVELS - 1, last, free_one, NULL);
	for (unsigned i = 0; i <= last; i++)
		tab[i] = 0;
}

static void count_one(paddr_t table, void *arg)
{
	(void)table;
	(*(size_t *)arg)++;
}

size_t pt_count_tables(paddr_t root, vaddr_t limit)
{
	size_t n = 1;
	if (limit)
		visit_tables(pt_table_virt(root), PT_LEVELS - 1, index_at(limit - 1, PT_LEVELS - 1),
			     count_one, &n);
	return n;
}
