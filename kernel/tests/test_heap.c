// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/heap.h>
#include <kernel/ktest.h>
#include <kernel/pmm.h>
#include <kernel/string.h>

static bool same_stats(struct heap_stats a, struct heap_stats b)
{
	for (int i = 0; i < HEAP_NCLASSES; i++)
		if (a.live_objects[i] != b.live_objects[i])
			return false;
	return a.live_large == b.live_large && a.live_bytes == b.live_bytes;
}

KTEST(heap_sizes_alignment_and_contents)
{
	struct heap_stats before = kheap_stats();
	static const size_t sizes[] = { 1, 8, 16, 17, 100, 256, 1000, 2048, 2049, 5000, 70000 };
	void *p[ARRAY_SIZE(sizes)];
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		p[i] = kmalloc(sizes[i]);
		KT_ASSERT(p[i] != NULL);
		KT_EXPECT(((uintptr_t)p[i] & 15) == 0);
		memset(p[i], (int)i + 1, sizes[i]);
	}
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		const uint8_t *b = p[i];
		for (size_t k = 0; k < sizes[i]; k++)
			if (b[k] != (uint8_t)(i + 1)) {
				ktest_fail(__FILE__, __LINE__, "allocation %zu overwritten", i);
				break;
			}
		kfree(p[i]);
	}
	KT_EXPECT(same_stats(before, kheap_stats()));
}

KTEST(heap_leak_accounting_many_objects)
{
	struct heap_stats before = kheap_stats();
	size_t free_before = pmm_free_pages();
	enum { N = 2000 };
	static void *objs[N];
	for (int i = 0; i < N; i++) {
		objs[i] = kmalloc((size_t)(i % 300) + 1);
		KT_ASSERT(objs[i] != NULL);
		*(int *)objs[i] = i;
	}
	struct heap_stats mid = kheap_stats();
	KT_EXPECT(mid.live_bytes > before.live_bytes);
	for (int i = 0; i < N; i++) {
		KT_EXPECT_EQ(*(int *)objs[i], i);
		kfree(objs[i]);
	}
	KT_EXPECT(same_stats(before, kheap_stats()));
	/* Empty slabs go back to the frame allocator (one cached per class). */
	KT_EXPECT(pmm_free_pages() + HEAP_NCLASSES >= free_before);
}

KTEST(heap_zeroed_allocation)
{
	uint8_t *p = kmalloc(512);
	KT_ASSERT(p != NULL);
	memset(p, 0xaa, 512);
	kfree(p);
	p = kzalloc(512);
	KT_ASSERT(p != NULL);
	for (int i = 0; i < 512; i++)
		KT_EXPECT(p[i] == 0);
	kfree(p);
}
