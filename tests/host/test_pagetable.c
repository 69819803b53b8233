// SPDX-License-Identifier: BSD-2-Clause
// kernel/lib/pagetable.c over the fake x86-like encoding in
// fakearch/arch/hal_arch.h, with tables from an arena this file provides
// (pt_alloc_table / pt_table_virt). Checks translations with pt_query, the
// shape of the tree (which leaves at which level) with an independent walk,
// and "nothing changed" by comparing the whole arena before and after.
#include <arch/hal_arch.h>
#include <kernel/pagetable.h>
#include <stdlib.h>
#include <string.h>
#include <verdigris/errors.h>
#include <vtest.h>

#define K4 0x1000ull
#define M2 0x200000ull
#define G1 0x40000000ull

unsigned long fake_arch_violations;

/* ---- the table arena ---- */

#define ARENA_TABLES 2048
#define ARENA_PA 0x7000000000ull /* "physical" address of table 0 */

static pte_t (*arena)[PT_ENTRIES];
static size_t arena_used, arena_limit;

paddr_t pt_alloc_table(void)
{
	if (arena_used >= arena_limit)
		return 0;
	memset(arena[arena_used], 0, PAGE_SIZE);
	return ARENA_PA + (paddr_t)arena_used++ * PAGE_SIZE;
}

static size_t tables_freed;

void pt_free_table(paddr_t pa)
{
	pt_table_virt(pa); /* must be a table the walker was given */
	tables_freed++;
}

pte_t *pt_table_virt(paddr_t pa)
{
	/* The walker must only ever follow table pointers it created. */
	if (pa < ARENA_PA || (pa - ARENA_PA) % PAGE_SIZE ||
	    (pa - ARENA_PA) / PAGE_SIZE >= arena_used)
		FAIL("pt_table_virt(%#llx): not a table from the arena", (unsigned long long)pa);
	return arena[(pa - ARENA_PA) / PAGE_SIZE];
}

static paddr_t new_root(size_t limit)
{
	if (!arena) {
		arena = aligned_alloc(PAGE_SIZE, ARENA_TABLES * PAGE_SIZE);
		if (!arena)
			abort();
	}
	arena_used = 0;
	arena_limit = limit;
	fake_arch_violations = 0;
	paddr_t root = pt_alloc_table();
	CHECK(root);
	return root;
}

/* The whole arena state, to prove a refused call changed nothing. */
struct snapshot {
	size_t used;
	void *copy;
};

static struct snapshot snap(void)
{
	struct snapshot s = { arena_used, malloc(arena_used * PAGE_SIZE) };
	memcpy(s.copy, arena, arena_used * PAGE_SIZE);
	return s;
}

static bool unchanged(struct snapshot *s)
{
	bool same = s->used == arena_used && !memcmp(s->copy, arena, arena_used * PAGE_SIZE);
	free(s->copy);
	s->copy = NULL;
	return same;
}

/* ---- an independent walk: the leaves of the tree ---- */

struct leaf {
	vaddr_t va;
	int level;
	paddr_t pa;
	unsigned prot;
};

static size_t walk(paddr_t table, int level, vaddr_t base, struct leaf *out, size_t n, size_t max)
{
	pte_t *t = pt_table_virt(table);
	for (unsigned i = 0; i < PT_ENTRIES; i++) {
		pte_t e = t[i];
		if (!arch_pte_valid(e))
			continue;
		vaddr_t va = base + ((vaddr_t)i << PT_LEVEL_SHIFT(level));
		if (arch_pte_is_leaf(e, level)) {
			if (n < max)
				out[n] = (struct leaf){ va, level, arch_pte_addr(e),
							arch_pte_prot(e, level) };
			n++;
		} else {
			CHECK_MSG(level > 0, "table pointer at level 0");
			n = walk(arch_pte_addr(e), level - 1, va, out, n, max);
		}
	}
	return n;
}

static struct leaf leaves[4096];

static size_t leaves_of(paddr_t root)
{
	return walk(root, PT_LEVELS - 1, 0, leaves, 0, ARRAY_SIZE(leaves));
}

static size_t count_level(size_t n, int level)
{
	size_t c = 0;
	for (size_t i = 0; i < n && i < ARRAY_SIZE(leaves); i++)
		c += leaves[i].level == level;
	return c;
}

/* pt_query of va must give pa with prot. */
static void maps_to_at(const char *file, int line, paddr_t root, vaddr_t va, paddr_t pa,
		       unsigned prot)
{
	paddr_t gpa = 0;
	unsigned gprot = 0;
	int err = pt_query(root, va, &gpa, &gprot);
	if (err)
		vtest_fail(file, line, "query %#llx: error %d, expected %#llx",
			   (unsigned long long)va, err, (unsigned long long)pa);
	if (gpa != pa || gprot != prot)
		vtest_fail(file, line, "query %#llx: %#llx prot %#x, expected %#llx prot %#x",
			   (unsigned long long)va, (unsigned long long)gpa, gprot,
			   (unsigned long long)pa, prot);
	if (fake_arch_violations)
		vtest_fail(file, line, "%lu encoder misuses", fake_arch_violations);
}
#define MAPS_TO(root, va, pa, prot) maps_to_at(__FILE__, __LINE__, root, va, pa, prot)

static void unmapped_at(const char *file, int line, paddr_t root, vaddr_t va)
{
	paddr_t pa;
	unsigned prot;
	int err = pt_query(root, va, &pa, &prot);
	if (err != ERR_NOT_FOUND)
		vtest_fail(file, line, "query %#llx: %d (%#llx), expected ERR_NOT_FOUND",
			   (unsigned long long)va, err, err ? 0ull : (unsigned long long)pa);
}
#define UNMAPPED(root, va) unmapped_at(__FILE__, __LINE__, root, va)

#define RW (VM_READ | VM_WRITE)
#define RX (VM_READ | VM_EXEC)

/* ---- cases ---- */

TEST(pt, empty_table)
{
	paddr_t root = new_root(ARENA_TABLES);
	UNMAPPED(root, 0);
	UNMAPPED(root, 0x400000);
	UNMAPPED(root, 0xffffffff80000000ull);
	CHECK_EQ_U(leaves_of(root), 0);
}

TEST(pt, map_query_page)
{
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 0x400000, 0x1234000, K4, RW), 0);
	MAPS_TO(root, 0x400000, 0x1234000, RW);
	MAPS_TO(root, 0x400abc, 0x1234abc, RW); /* the offset within the page */
	MAPS_TO(root, 0x400fff, 0x1234fff, RW);
	UNMAPPED(root, 0x3ff000);
	UNMAPPED(root, 0x401000);
	size_t n = leaves_of(root);
	CHECK_EQ_U(n, 1);
	CHECK_EQ_I(leaves[0].level, 0);
	CHECK_EQ_U(arena_used, 4); /* root plus one table per lower level */
}

TEST(pt, map_range_of_pages)
{
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 0x10000000, 0x80000000, 40 * K4, RX), 0);
	for (int i = 0; i < 40; i++)
		MAPS_TO(root, 0x10000000 + i * K4, 0x80000000 + i * K4, RX);
	UNMAPPED(root, 0x10000000 + 40 * K4);
	CHECK_EQ_U(leaves_of(root), 40);
}

TEST(pt, every_protection)
{
	paddr_t root = new_root(ARENA_TABLES);
	for (unsigned prot = 0; prot < 32; prot++) {
		vaddr_t va = 0x200000000ull + prot * K4;
		CHECK_EQ_I(pt_map(root, va, 0x5000000 + prot * K4, K4, prot), 0);
		MAPS_TO(root, va, 0x5000000 + prot * K4, prot);
	}
}

TEST(pt, block_2m)
{
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 0x40000000 + M2, 0x80000000 + 4 * M2, M2, RW), 0);
	size_t n = leaves_of(root);
	CHECK_EQ_U(n, 1);
	CHECK_EQ_I(leaves[0].level, 1);
	CHECK_EQ_U(arena_used, 3); /* no level-0 table */
	MAPS_TO(root, 0x40000000 + M2, 0x80000000 + 4 * M2, RW);
	MAPS_TO(root, 0x40000000 + 2 * M2 - 1, 0x80000000 + 5 * M2 - 1, RW);
	UNMAPPED(root, 0x40000000 + 2 * M2);
}

TEST(pt, block_1g)
{
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 3 * G1, 5 * G1, G1, VM_READ), 0);
	size_t n = leaves_of(root);
	CHECK_EQ_U(n, 1);
	CHECK_EQ_I(leaves[0].level, 2);
	CHECK_EQ_U(arena_used, 2);
	MAPS_TO(root, 3 * G1 + 0x12345678, 5 * G1 + 0x12345678, VM_READ);
}

TEST(pt, no_block_at_top_level)
{
	/* 512 GiB aligned and sized: level 3 allows no leaf, so 1 GiB blocks. */
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 1ull << 39, 0, 1ull << 39, RW), 0);
	size_t n = leaves_of(root);
	CHECK_EQ_U(n, 512);
	CHECK_EQ_U(count_level(n, 2), 512);
	MAPS_TO(root, (1ull << 39) + 0x123456789ull, 0x123456789ull, RW);
}

TEST(pt, mixed_leaf_sizes)
{
	/* [1G - 4K, 2G + 2M + 4K): a page, a 1 GiB block, a 2 MiB block and a
	 * page, when pa is congruent to va modulo 1 GiB. */
	paddr_t root = new_root(ARENA_TABLES);
	vaddr_t va = G1 - K4;
	paddr_t pa = 7 * G1 - K4;
	uint64_t size = K4 + G1 + M2 + K4;
	CHECK_EQ_I(pt_map(root, va, pa, size, RW), 0);
	size_t n = leaves_of(root);
	CHECK_EQ_U(n, 4);
	CHECK_EQ_U(count_level(n, 0), 2);
	CHECK_EQ_U(count_level(n, 1), 1);
	CHECK_EQ_U(count_level(n, 2), 1);
	for (uint64_t off = 0; off < size; off += 0x7ff000)
		MAPS_TO(root, va + off, pa + off, RW);
	MAPS_TO(root, va + size - 1, pa + size - 1, RW);
	UNMAPPED(root, va + size);
	UNMAPPED(root, va - 1);
}

TEST(pt, misaligned_pa_uses_pages)
{
	/* va is 2 MiB aligned but pa is not: no block is possible. */
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 4 * M2, 0x1000, M2, RW), 0);
	size_t n = leaves_of(root);
	CHECK_EQ_U(n, 512);
	CHECK_EQ_U(count_level(n, 0), 512);
	MAPS_TO(root, 4 * M2 + 0x1ff123, 0x1000 + 0x1ff123, RW);
}

TEST(pt, exists_refused_unchanged)
{
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 0x10000000, 0x20000000, 16 * K4, RW), 0);
	CHECK_EQ_I(pt_map(root, 2 * G1, 4 * G1, M2, RW), 0); /* a block */
	static const struct {
		vaddr_t va;
		uint64_t size;
	} overlap[] = {
		{ 0x10000000, K4 }, /* same first page */
		{ 0x10000000 + 15 * K4, K4 }, /* the last page */
		{ 0x10000000 - 4 * K4, 5 * K4 }, /* runs into the start */
		{ 0x10000000 + 8 * K4, 100 * K4 }, /* runs past the end */
		{ 0x0fe00000, M2 * 2 }, /* contains it, as blocks */
		{ 2 * G1 + 5 * K4, K4 }, /* inside the block */
		{ 2 * G1 - K4, 2 * K4 }, /* straddles the block's start */
		{ 0, G1 * 4 }, /* contains everything */
	};
	for (size_t i = 0; i < ARRAY_SIZE(overlap); i++) {
		struct snapshot s = snap();
		CHECK_MSG(pt_map(root, overlap[i].va, 0x90000000, overlap[i].size, VM_READ) ==
				  ERR_EXISTS,
			  "overlap #%zu not refused", i);
		CHECK_MSG(unchanged(&s), "overlap #%zu changed the tables", i);
	}
	MAPS_TO(root, 0x10000000, 0x20000000, RW);
	MAPS_TO(root, 2 * G1 + 5 * K4, 4 * G1 + 5 * K4, RW);
	/* Right next to existing mappings is fine. */
	CHECK_EQ_I(pt_map(root, 0x10000000 + 16 * K4, 0x30000000, K4, RW), 0);
	CHECK_EQ_I(pt_map(root, 0x10000000 - K4, 0x30001000, K4, RW), 0);
}

TEST(pt, unaligned_refused)
{
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 0x1000, 0x1000, K4, RW), 0);
	struct snapshot s = snap();
	CHECK_EQ_I(pt_map(root, 0x400800, 0x2000, K4, RW), ERR_INVALID_ARGS);
	CHECK_EQ_I(pt_map(root, 0x400000, 0x2800, K4, RW), ERR_INVALID_ARGS);
	CHECK_EQ_I(pt_map(root, 0x400000, 0x2000, 0x800, RW), ERR_INVALID_ARGS);
	CHECK_EQ_I(pt_map(root, 0x400000, 0x2000, K4 + 1, RW), ERR_INVALID_ARGS);
	CHECK_EQ_I(pt_map(root, 0x400000, 0x2000, 0, RW), ERR_INVALID_ARGS);
	CHECK_EQ_I(pt_unmap(root, 0x1800, K4), ERR_INVALID_ARGS);
	CHECK_EQ_I(pt_unmap(root, 0x1000, 0x800), ERR_INVALID_ARGS);
	CHECK_EQ_I(pt_unmap(root, 0x1000, 0), ERR_INVALID_ARGS);
	CHECK_EQ_I(pt_protect(root, 0x1001, K4, VM_READ), ERR_INVALID_ARGS);
	CHECK_EQ_I(pt_protect(root, 0x1000, 3, VM_READ), ERR_INVALID_ARGS);
	CHECK(unchanged(&s));
	MAPS_TO(root, 0x1000, 0x1000, RW);
}

TEST(pt, wrap_refused)
{
	/* A range that runs past the top of the address space. */
	paddr_t root = new_root(ARENA_TABLES);
	vaddr_t top = ~(vaddr_t)0 & ~(vaddr_t)(K4 - 1);
	struct snapshot s = snap();
	CHECK_EQ_I(pt_map(root, top, 0x1000, 2 * K4, RW), ERR_INVALID_ARGS);
	CHECK_EQ_I(pt_map(root, top - M2, 0x1000, M2 + 2 * K4, RW), ERR_INVALID_ARGS);
	CHECK_EQ_I(pt_map(root, K4, 0x1000, ~(uint64_t)0 & ~(uint64_t)(K4 - 1), RW),
		   ERR_INVALID_ARGS);
	/* Up to the very end of the space the sum wraps to 0: refused too. */
	CHECK_EQ_I(pt_map(root, top, 0x1000, K4, RW), ERR_INVALID_ARGS);
	CHECK_EQ_I(pt_unmap(root, top, 2 * K4), ERR_INVALID_ARGS);
	CHECK_EQ_I(pt_protect(root, top, 2 * K4, RW), ERR_INVALID_ARGS);
	CHECK(unchanged(&s));
	/* Just below the top works. */
	CHECK_EQ_I(pt_map(root, top - K4, 0x5000, K4, RW), 0);
	MAPS_TO(root, top - K4, 0x5000, RW);
	CHECK_EQ_I(pt_unmap(root, top - M2, M2), 0);
	UNMAPPED(root, top - K4);
}

TEST(pt, higher_half)
{
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 0xffffffff80000000ull, 0x100000, 4 * M2, RX), 0);
	CHECK_EQ_I(pt_map(root, 0xffff800000000000ull, 0, 2 * G1, RW), 0);
	MAPS_TO(root, 0xffffffff80000000ull, 0x100000, RX);
	MAPS_TO(root, 0xffffffff80000000ull + 4 * M2 - 1, 0x100000 + 4 * M2 - 1, RX);
	MAPS_TO(root, 0xffff800000000000ull + G1 + 0x1234, G1 + 0x1234, RW);
	UNMAPPED(root, 0xffffffff80000000ull + 4 * M2);
}

TEST(pt, unmap_pages)
{
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 0x600000, 0x900000, 8 * K4, RW), 0);
	CHECK_EQ_I(pt_unmap(root, 0x600000 + 2 * K4, 3 * K4), 0);
	MAPS_TO(root, 0x600000 + K4, 0x900000 + K4, RW);
	UNMAPPED(root, 0x600000 + 2 * K4);
	UNMAPPED(root, 0x600000 + 4 * K4);
	MAPS_TO(root, 0x600000 + 5 * K4, 0x900000 + 5 * K4, RW);
	CHECK_EQ_U(leaves_of(root), 5);
	/* The freed range can be mapped again, elsewhere. */
	CHECK_EQ_I(pt_map(root, 0x600000 + 2 * K4, 0xa00000, 3 * K4, VM_READ), 0);
	MAPS_TO(root, 0x600000 + 3 * K4, 0xa00000 + K4, VM_READ);
}

TEST(pt, unmap_not_mapped)
{
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 0x600000, 0x900000, K4, RW), 0);
	struct snapshot s = snap();
	CHECK_EQ_I(pt_unmap(root, 0x700000, 16 * K4), 0); /* same table, nothing there */
	CHECK_EQ_I(pt_unmap(root, 5 * G1, 3 * G1), 0); /* no tables at all */
	CHECK_EQ_I(pt_unmap(root, 0x601000, K4), 0); /* right next to it */
	CHECK(unchanged(&s));
	CHECK_EQ_I(pt_unmap(root, 0, 4 * G1), 0); /* everything */
	UNMAPPED(root, 0x600000);
	CHECK_EQ_U(leaves_of(root), 0);
}

TEST(pt, unmap_splits_2m_block)
{
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 8 * M2, 16 * M2, M2, RX), 0);
	CHECK_EQ_I(pt_unmap(root, 8 * M2 + 100 * K4, K4), 0);
	size_t n = leaves_of(root);
	CHECK_EQ_U(n, 511);
	CHECK_EQ_U(count_level(n, 0), 511);
	UNMAPPED(root, 8 * M2 + 100 * K4);
	MAPS_TO(root, 8 * M2, 16 * M2, RX);
	MAPS_TO(root, 8 * M2 + 99 * K4, 16 * M2 + 99 * K4, RX);
	MAPS_TO(root, 8 * M2 + 101 * K4, 16 * M2 + 101 * K4, RX);
	MAPS_TO(root, 9 * M2 - 1, 17 * M2 - 1, RX);
}

TEST(pt, unmap_splits_1g_block)
{
	/* A page out of a 1 GiB block: the block becomes 2 MiB blocks, one of
	 * which becomes pages. */
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, G1, 2 * G1, G1, RW), 0);
	CHECK_EQ_I(pt_unmap(root, G1 + 3 * M2 + 5 * K4, K4), 0);
	size_t n = leaves_of(root);
	CHECK_EQ_U(count_level(n, 2), 0);
	CHECK_EQ_U(count_level(n, 1), 511);
	CHECK_EQ_U(count_level(n, 0), 511);
	UNMAPPED(root, G1 + 3 * M2 + 5 * K4);
	MAPS_TO(root, G1 + 3 * M2 + 4 * K4, 2 * G1 + 3 * M2 + 4 * K4, RW);
	MAPS_TO(root, G1 + 3 * M2 + 6 * K4, 2 * G1 + 3 * M2 + 6 * K4, RW);
	MAPS_TO(root, G1 + 100 * M2, 2 * G1 + 100 * M2, RW);
	MAPS_TO(root, 2 * G1 - 1, 3 * G1 - 1, RW);
}

TEST(pt, unmap_whole_blocks_no_split)
{
	/* Unmapping exactly a block's range needs no table. */
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, G1, 2 * G1, G1 + M2, RW), 0);
	size_t used = arena_used;
	CHECK_EQ_I(pt_unmap(root, G1, G1), 0);
	CHECK_EQ_U(arena_used, used);
	UNMAPPED(root, G1);
	MAPS_TO(root, 2 * G1, 3 * G1, RW);
	CHECK_EQ_I(pt_unmap(root, 2 * G1, M2), 0);
	CHECK_EQ_U(arena_used, used);
	CHECK_EQ_U(leaves_of(root), 0);
}

TEST(pt, unmap_straddling_two_blocks)
{
	/* The range ends in the middle of two neighbouring blocks. */
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 4 * M2, 4 * M2, 2 * M2, RW), 0);
	CHECK_EQ_I(pt_unmap(root, 5 * M2 - 2 * K4, 4 * K4), 0);
	MAPS_TO(root, 5 * M2 - 3 * K4, 5 * M2 - 3 * K4, RW);
	UNMAPPED(root, 5 * M2 - 2 * K4);
	UNMAPPED(root, 5 * M2 + K4);
	MAPS_TO(root, 5 * M2 + 2 * K4, 5 * M2 + 2 * K4, RW);
	CHECK_EQ_U(leaves_of(root), 1024 - 4);
}

TEST(pt, protect_pages_and_blocks)
{
	paddr_t root = new_root(ARENA_TABLES);
	CHECK_EQ_I(pt_map(root, 0x1000000, 0x1000000, 4 * K4, RW), 0);
	CHECK_EQ_I(pt_map(root, 16 * M2, 32 * M2, M2, RW), 0);
	/* Whole pages. */
	CHECK_EQ_I(pt_protect(root, 0x1000000 + K4, 2 * K4, VM_READ), 0);
	MAPS_TO(root, 0x1000000, 0x1000000, RW);
	MAPS_TO(root, 0x1000000 + K4, 0x1000000 + K4, VM_READ);
	MAPS_TO(root, 0x1000000 + 2 * K4, 0x1000000 + 2 * K4, VM_READ);
	MAPS_TO(root, 0x1000000 + 3 * K4, 0x1000000 + 3 * K4, RW);
	/* A whole block keeps being a block. */
	CHECK_EQ_I(pt_protect(root, 16 * M2, M2, RX | VM_USER), 0);
	MAPS_TO(root, 16 * M2 + 0x1234, 32 * M2 + 0x1234, RX | VM_USER);
	size_t n = leaves_of(root);
	CHECK_EQ_U(count_level(n, 1), 1);
	/* Part of a block: split, the rest keeps the old protection. */
	CHECK_EQ_I(pt_protect(root, 16 * M2 + 8 * K4, K4, VM_READ | VM_DEVICE), 0);
	MAPS_TO(root, 16 * M2 + 8 * K4, 32 * M2 + 8 * K4, VM_READ | VM_DEVICE);
	MAPS_TO(root, 16 * M2 + 7 * K4, 32 * M2 + 7 * K4, RX | VM_USER);
	MAPS_TO(root, 16 * M2 + 9 * K4, 32 * M2 + 9 * K4, RX | VM_USER);
	n = leaves_of(root);
	CHECK_EQ_U(count_level(n, 1), 0);
	/* Unmapped pages in the range are skipped, not mapped. */
	CHECK_EQ_I(pt_protect(root, 0x1000000 - 4 * K4, 16 * K4, VM_EXEC), 0);
	UNMAPPED(root, 0x1000000 - K4);
	UNMAPPED(root, 0x1000000 + 4 * K4);
	MAPS_TO(root, 0x1000000, 0x1000000, VM_EXEC);
}

TEST(pt, no_memory_on_map)
{
	/* Three tables are needed under the root for the first page; with
	 * two, the map fails. Pages mapped before running out stay. */
	paddr_t root = new_root(3);
	CHECK_EQ_I(pt_map(root, 0x400000, 0x1000, K4, RW), ERR_NO_MEMORY);
	UNMAPPED(root, 0x400000);
	root = new_root(4);
	/* Fits in one level-0 table for the first 2 MiB, then needs another. */
	CHECK_EQ_I(pt_map(root, M2 - 2 * K4, 0x1000, 4 * K4, RW), ERR_NO_MEMORY);
	MAPS_TO(root, M2 - 2 * K4, 0x1000, RW);
	MAPS_TO(root, M2 - K4, 0x2000, RW);
	UNMAPPED(root, M2);
	/* A block needs no level-0 table: it fits where pages did not. */
	root = new_root(3);
	CHECK_EQ_I(pt_map(root, M2, M2, M2, RW), 0);
}

TEST(pt, no_memory_on_split)
{
	/* A split that cannot get a table fails and leaves the block as it
	 * was. */
	paddr_t root = new_root(3);
	CHECK_EQ_I(pt_map(root, M2, 0, M2, RW), 0);
	struct snapshot s = snap();
	CHECK_EQ_I(pt_unmap(root, M2 + K4, K4), ERR_NO_MEMORY);
	CHECK(unchanged(&s));
	s = snap();
	CHECK_EQ_I(pt_protect(root, M2 + K4, K4, VM_READ), ERR_NO_MEMORY);
	CHECK(unchanged(&s));
	MAPS_TO(root, M2 + K4, K4, RW);
	arena_limit = 4;
	CHECK_EQ_I(pt_unmap(root, M2 + K4, K4), 0);
	UNMAPPED(root, M2 + K4);
}

/* ---- random operations against a page-granular model ---- */

#define WIN_BASE 0x40000000ull
#define WIN_PAGES (1u << 16) /* a 256 MiB window */

struct model {
	bool mapped[WIN_PAGES];
	paddr_t pa[WIN_PAGES];
	unsigned prot[WIN_PAGES];
};

static void check_model(paddr_t root, const struct model *m, uint64_t *rng, unsigned samples)
{
	for (unsigned k = 0; k < samples; k++) {
		size_t i = samples >= WIN_PAGES ? k : vtest_below(rng, WIN_PAGES);
		vaddr_t va = WIN_BASE + i * K4 + vtest_below(rng, K4);
		paddr_t pa;
		unsigned prot;
		int err = pt_query(root, va, &pa, &prot);
		if (!m->mapped[i]) {
			CHECK_MSG(err == ERR_NOT_FOUND, "page %zu: mapped, model says not", i);
			continue;
		}
		CHECK_MSG(!err, "page %zu: not mapped, model says mapped", i);
		CHECK_MSG(pa == m->pa[i] + (va & (K4 - 1)) && prot == m->prot[i],
			  "page %zu: %#llx prot %#x, model %#llx prot %#x", i,
			  (unsigned long long)pa, prot, (unsigned long long)m->pa[i], m->prot[i]);
	}
	CHECK_EQ_U(fake_arch_violations, 0);
}

TEST(pt, random_vs_model)
{
	static struct model m;
	memset(&m, 0, sizeof(m));
	paddr_t root = new_root(ARENA_TABLES);
	uint64_t rng = 2024;
	unsigned exists = 0, mapped = 0, blocks_seen = 0;
	for (int op = 0; op < 3000; op++) {
		/* Ranges in pages, often 2 MiB aligned and sized, to make blocks. */
		bool big = vtest_below(&rng, 3) == 0;
		size_t first = big ? vtest_below(&rng, WIN_PAGES / 512) * 512
				   : vtest_below(&rng, WIN_PAGES);
		size_t n = big ? 512 * (1 + vtest_below(&rng, 3)) : 1 + vtest_below(&rng, 64);
		if (first + n > WIN_PAGES)
			n = WIN_PAGES - first;
		vaddr_t va = WIN_BASE + first * K4;
		unsigned prot = (unsigned)vtest_below(&rng, 32);
		int what = (int)vtest_below(&rng, 10);
		if (what < 5) {
			paddr_t pa = big ? vtest_below(&rng, 1024) * M2
					 : vtest_below(&rng, 1u << 20) * K4;
			bool any = false;
			for (size_t i = first; i < first + n; i++)
				any |= m.mapped[i];
			struct snapshot s = snap();
			int err = pt_map(root, va, pa, n * K4, prot);
			if (any) {
				CHECK_MSG(err == ERR_EXISTS, "op %d: map over a mapping gave %d",
					  op, err);
				CHECK_MSG(unchanged(&s), "op %d: refused map changed the tables",
					  op);
				exists++;
				continue;
			}
			free(s.copy);
			CHECK_MSG(err == 0, "op %d: map gave %d", op, err);
			mapped++;
			for (size_t i = 0; i < n; i++) {
				m.mapped[first + i] = true;
				m.pa[first + i] = pa + i * K4;
				m.prot[first + i] = prot;
			}
		} else if (what < 8) {
			CHECK_EQ_I(pt_unmap(root, va, n * K4), 0);
			for (size_t i = first; i < first + n; i++)
				m.mapped[i] = false;
		} else {
			CHECK_EQ_I(pt_protect(root, va, n * K4, prot), 0);
			for (size_t i = first; i < first + n; i++)
				if (m.mapped[i])
					m.prot[i] = prot;
		}
		check_model(root, &m, &rng, 64);
		if (op % 500 == 0) {
			size_t nl = leaves_of(root);
			blocks_seen += count_level(nl, 1) > 0;
		}
	}
	check_model(root, &m, &rng, WIN_PAGES);
	CHECK(exists > 100 && mapped > 300 && blocks_seen > 0);
	/* Everything unmapped leaves no leaf behind. */
	CHECK_EQ_I(pt_unmap(root, WIN_BASE, (uint64_t)WIN_PAGES * K4), 0);
	CHECK_EQ_U(leaves_of(root), 0);
}

TEST(pt, free_tables_below_limit)
{
	/* Three separate user regions need their own tables; a mapping above the
	 * limit (the kernel half) must survive untouched. */
	paddr_t root = new_root(64);
	size_t before = arena_used;
	CHECK_EQ_I(pt_map(root, 0x400000, 0x1000000, 0x1000, VM_READ | VM_USER), 0);
	CHECK_EQ_I(pt_map(root, 0x7f0000000000ull, 0x2000000, 0x1000, VM_READ | VM_USER), 0);
	CHECK_EQ_I(pt_map(root, 0x40000000, 0x3000000, M2, VM_READ | VM_USER), 0);
	CHECK_EQ_I(pt_map(root, 0xffff800000000000ull, 0x4000000, 0x1000, VM_READ), 0);
	size_t user_tables = arena_used - before - 3; /* the kernel mapping took 3 */
	CHECK_EQ_U(pt_count_tables(root, 0x800000000000ull), user_tables + 1);
	tables_freed = 0;
	pt_free_tables(root, 0x800000000000ull);
	CHECK_EQ_U(tables_freed, user_tables);
	CHECK_EQ_U(pt_count_tables(root, 0x800000000000ull), 1);
	paddr_t pa;
	unsigned prot;
	CHECK_EQ_I(pt_query(root, 0x400000, &pa, &prot), ERR_NOT_FOUND);
	CHECK_EQ_I(pt_query(root, 0x40000000, &pa, &prot), ERR_NOT_FOUND);
	CHECK_EQ_I(pt_query(root, 0xffff800000000000ull, &pa, &prot), 0);
	CHECK_EQ_U(pa, 0x4000000);
}

TEST(pt, prune_frees_emptied_tables_only)
{
	/* Two pages in one 2 MiB span and one in another 1 GiB span: unmapping
	 * one of the pair frees nothing (its table still maps the other), then
	 * unmapping the other frees its last-level table and the one above
	 * (nothing else in that 1 GiB); the far page keeps its tables. */
	paddr_t root = new_root(64);
	const vaddr_t a = 0x40000000, b = a + 0x1000, far = 0x80000000;
	CHECK_EQ_I(pt_map(root, a, 0x1000000, 0x1000, VM_READ | VM_USER), 0);
	CHECK_EQ_I(pt_map(root, b, 0x1001000, 0x1000, VM_READ | VM_USER), 0);
	CHECK_EQ_I(pt_map(root, far, 0x2000000, 0x1000, VM_READ | VM_USER), 0);
	size_t tables = pt_count_tables(root, 0x800000000000ull);
	CHECK_EQ_I(pt_unmap(root, a, 0x1000), 0);
	CHECK_EQ_U(pt_prune(root, a, 0x1000), 0);
	CHECK_EQ_I(pt_unmap(root, b, 0x1000), 0);
	paddr_t freed = pt_prune(root, b, 0x1000);
	CHECK(freed != 0);
	tables_freed = 0;
	pt_free_pruned(freed);
	CHECK_EQ_U(tables_freed, 2);
	CHECK_EQ_U(pt_count_tables(root, 0x800000000000ull), tables - 2);
	paddr_t pa;
	unsigned prot;
	CHECK_EQ_I(pt_query(root, far, &pa, &prot), 0);
	CHECK_EQ_U(pa, 0x2000000);
	/* The span maps again (new tables), and a prune over a range that
	 * still holds a page frees nothing. */
	CHECK_EQ_I(pt_map(root, a, 0x1000000, 0x1000, VM_READ | VM_USER), 0);
	CHECK_EQ_U(pt_prune(root, a, 0x200000), 0);
	CHECK_EQ_I(pt_query(root, a, &pa, &prot), 0);
	CHECK_EQ_U(pt_count_tables(root, 0x800000000000ull), tables);
}
