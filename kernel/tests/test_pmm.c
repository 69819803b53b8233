// SPDX-License-Identifier: BSD-2-Clause
// Frame allocator tests against the real memory map.
#include <kernel/bootinfo.h>
#include <kernel/ktest.h>
#include <kernel/pmm.h>

KTEST(pmm_alloc_free_returns_to_baseline)
{
	size_t base = pmm_free_pages();
	paddr_t pages[64];
	for (int i = 0; i < 64; i++) {
		pages[i] = pmm_alloc_page();
		KT_ASSERT(pages[i] != 0);
		KT_EXPECT((pages[i] & (PAGE_SIZE - 1)) == 0);
		KT_EXPECT(!pmm_is_free(pages[i]));
	}
	for (int i = 0; i < 64; i++)
		for (int j = i + 1; j < 64; j++)
			KT_EXPECT(pages[i] != pages[j]);
	KT_EXPECT_EQ(pmm_free_pages(), base - 64);
	/* Free in an interleaved order: evens, then odds. */
	for (int i = 0; i < 64; i += 2)
		pmm_free(pages[i], 1);
	for (int i = 1; i < 64; i += 2)
		pmm_free(pages[i], 1);
	KT_EXPECT_EQ(pmm_free_pages(), base);
}

KTEST(pmm_contiguous_aligned_and_limited)
{
	size_t base = pmm_free_pages();
	paddr_t run = pmm_alloc(16, 16, 0);
	KT_ASSERT(run != 0);
	KT_EXPECT((run & (16 * PAGE_SIZE - 1)) == 0);
	for (int i = 0; i < 16; i++)
		KT_EXPECT(!pmm_is_free(run + i * PAGE_SIZE));
	/* A limit: the run must end at or below it. */
	paddr_t limit = run + 64 * PAGE_SIZE;
	paddr_t low = pmm_alloc(4, 1, limit);
	KT_ASSERT(low != 0);
	KT_EXPECT(low + 4 * PAGE_SIZE <= limit);
	pmm_free(low, 4);
	pmm_free(run, 16);
	KT_EXPECT_EQ(pmm_free_pages(), base);
	/* Impossible requests fail cleanly. */
	KT_EXPECT_EQ(pmm_alloc(pmm_free_pages() + 1, 1, 0), 0);
	KT_EXPECT_EQ(pmm_alloc(1, 3, 0), 0); /* alignment not a power of two */
	KT_EXPECT_EQ(pmm_free_pages(), base);
}

KTEST(pmm_exhaustion_returns_error_then_recovers)
{
	size_t base = pmm_free_pages();
	/* Take every page, chaining them through their own first word. */
	paddr_t head = 0;
	size_t n = 0;
	for (paddr_t pa; (pa = pmm_alloc_page()) != 0; n++) {
		*(paddr_t *)phys_to_virt(pa) = head;
		head = pa;
	}
	KT_EXPECT_EQ(n, base);
	KT_EXPECT_EQ(pmm_free_pages(), 0);
	KT_EXPECT_EQ(pmm_alloc_page(), 0);
	while (head) {
		paddr_t next = *(paddr_t *)phys_to_virt(head);
		pmm_free(head, 1);
		head = next;
	}
	KT_EXPECT_EQ(pmm_free_pages(), base);
}

KTEST(pmm_reserved_regions_never_free)
{
	const struct boot_info *bi = kernel_boot_info();
	KT_ASSERT(bi && bi->n_reserved > 0);
	for (size_t i = 0; i < bi->n_reserved; i++)
		for (paddr_t pa = bi->reserved[i].start; pa < bi->reserved[i].end; pa += PAGE_SIZE)
			if (pmm_is_free(pa))
				ktest_fail(__FILE__, __LINE__, "page %#llx of %s is free",
					   (unsigned long long)pa, bi->reserved[i].what);
}
