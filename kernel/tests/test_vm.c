// SPDX-License-Identifier: BSD-2-Clause
// Page tables as the MMU sees them: mappings, protections, W^X of the kernel
// image, and faults caught through the exception table.
#include <kernel/hal.h>
#include <kernel/ktest.h>
#include <kernel/pagetable.h>
#include <kernel/pmm.h>
#include <kernel/string.h>
#include <kernel/vm.h>
#include <verdigris/errors.h>

/* A spot in the MMIO window that vm_map_mmio never reaches in these tests. */
#define TEST_VA (MMIO_BASE + MMIO_SIZE / 2)

static const uint64_t rodata_word = 0x0123456789abcdefull;
static uint64_t data_word = 42;

/* Code to execute in the probes: a plain function returns to its caller. */
static __attribute__((noinline)) void returns_immediately(void)
{
	__asm__ volatile("" ::: "memory");
}

KTEST(vm_map_query_unmap)
{
	paddr_t root = vm_kernel_root();
	paddr_t pa = pmm_alloc_page();
	KT_ASSERT(pa);
	uint64_t *via_physmap = phys_to_virt(pa);
	*via_physmap = 0x5a5a5a5a;

	KT_EXPECT_EQ(pt_map(root, TEST_VA, pa, PAGE_SIZE, VM_READ | VM_WRITE), 0);
	arch_tlb_flush_page(TEST_VA);
	paddr_t got;
	unsigned prot;
	KT_EXPECT_EQ(pt_query(root, TEST_VA + 8, &got, &prot), 0);
	KT_EXPECT_EQ(got, pa + 8);
	KT_EXPECT((prot & (VM_READ | VM_WRITE | VM_EXEC)) == (VM_READ | VM_WRITE));

	/* The same frame seen through two mappings. */
	uint64_t v = 0;
	KT_EXPECT_EQ(arch_probe_read64((void *)TEST_VA, &v), 0);
	KT_EXPECT_EQ(v, 0x5a5a5a5a);
	KT_EXPECT_EQ(arch_probe_write64((void *)TEST_VA, 77), 0);
	KT_EXPECT_EQ(*via_physmap, 77);

	/* Mapping over it again is refused. */
	KT_EXPECT_EQ(pt_map(root, TEST_VA, pa, PAGE_SIZE, VM_READ), ERR_EXISTS);

	KT_EXPECT_EQ(pt_unmap(root, TEST_VA, PAGE_SIZE), 0);
	arch_tlb_flush_page(TEST_VA);
	KT_EXPECT_EQ(pt_query(root, TEST_VA, &got, &prot), ERR_NOT_FOUND);
	KT_EXPECT_EQ(arch_probe_read64((void *)TEST_VA, &v), -1);
	pmm_free(pa, 1);
}

/* Cache attributes survive the encoders: what physical and contiguous VMOs
 * ask for is what the PTE holds (RISC-V records write-combining as device:
 * its PTEs have no memory types without Svpbmt). */
KTEST(vm_cache_attributes_reach_the_pte)
{
	paddr_t root = vm_kernel_root();
	paddr_t pa = pmm_alloc_page();
	KT_ASSERT(pa);
#if defined(__riscv)
	const unsigned wc_back = VM_DEVICE;
#else
	const unsigned wc_back = VM_WC;
#endif
	static const unsigned asked[3] = { 0, VM_DEVICE, VM_WC };
	for (int i = 0; i < 3; i++) {
		KT_EXPECT_EQ(pt_map(root, TEST_VA, pa, PAGE_SIZE, VM_READ | VM_WRITE | asked[i]),
			     0);
		arch_tlb_flush_page(TEST_VA);
		paddr_t got;
		unsigned prot = 0;
		KT_EXPECT_EQ(pt_query(root, TEST_VA, &got, &prot), 0);
		unsigned want = asked[i] == VM_WC ? wc_back : asked[i];
		KT_EXPECT_EQ(prot & (VM_DEVICE | VM_WC), want);
		/* RAM through an uncached or write-combining view still reads. */
		uint64_t v = 0;
		KT_EXPECT_EQ(arch_probe_write64((void *)TEST_VA, 0x1234 + i), 0);
		KT_EXPECT_EQ(arch_probe_read64((void *)TEST_VA, &v), 0);
		KT_EXPECT_EQ(v, 0x1234 + i);
		KT_EXPECT_EQ(pt_unmap(root, TEST_VA, PAGE_SIZE), 0);
		arch_tlb_flush_page(TEST_VA);
	}
	pmm_free(pa, 1);
}

KTEST(vm_protect_read_only_faults_on_write)
{
	paddr_t root = vm_kernel_root();
	paddr_t pa = pmm_alloc_page();
	KT_ASSERT(pa);
	KT_ASSERT(pt_map(root, TEST_VA, pa, PAGE_SIZE, VM_READ | VM_WRITE) == 0);
	arch_tlb_flush_page(TEST_VA);
	KT_EXPECT_EQ(arch_probe_write64((void *)TEST_VA, 1), 0);
	KT_EXPECT_EQ(pt_protect(root, TEST_VA, PAGE_SIZE, VM_READ), 0);
	arch_tlb_flush_page(TEST_VA);
	uint64_t v;
	KT_EXPECT_EQ(arch_probe_read64((void *)TEST_VA, &v), 0);
	KT_EXPECT_EQ(v, 1);
	KT_EXPECT_EQ(arch_probe_write64((void *)TEST_VA, 2), -1);
	KT_EXPECT_EQ(*(uint64_t *)phys_to_virt(pa), 1);
	pt_unmap(root, TEST_VA, PAGE_SIZE);
	arch_tlb_flush_page(TEST_VA);
	pmm_free(pa, 1);
}

KTEST(vm_no_execute_unless_asked)
{
	paddr_t root = vm_kernel_root();
	paddr_t pa = pmm_alloc_page();
	KT_ASSERT(pa);
	/* A copy of a function that just returns, in a data page. */
	memcpy(phys_to_virt(pa), (const void *)(uintptr_t)returns_immediately, 64);
	KT_EXPECT_EQ(arch_probe_exec((const void *)(uintptr_t)returns_immediately), 0);
	KT_EXPECT_EQ(arch_probe_exec(phys_to_virt(pa)), -1); /* physmap is NX */
	KT_ASSERT(pt_map(root, TEST_VA, pa, PAGE_SIZE, VM_READ | VM_WRITE) == 0);
	arch_tlb_flush_page(TEST_VA);
	KT_EXPECT_EQ(arch_probe_exec((void *)TEST_VA), -1);
	pt_unmap(root, TEST_VA, PAGE_SIZE);
	arch_tlb_flush_page(TEST_VA);
	pmm_free(pa, 1);
}

KTEST(vm_kernel_image_is_w_xor_x)
{
	uint64_t v;
	const void *text = (const void *)(uintptr_t)returns_immediately;
	KT_EXPECT_EQ(arch_probe_read64(text, &v), 0);
	KT_EXPECT_EQ(arch_probe_write64((void *)(uintptr_t)text, v), -1);
	KT_EXPECT_EQ(arch_probe_write64((void *)&rodata_word, 0), -1);
	KT_EXPECT_EQ(rodata_word, 0x0123456789abcdefull);
	KT_EXPECT_EQ(arch_probe_write64(&data_word, 43), 0);
	KT_EXPECT_EQ(data_word, 43);
	KT_EXPECT_EQ(arch_probe_exec(&data_word), -1);
	KT_EXPECT_EQ(arch_probe_exec(&rodata_word), -1);
}

KTEST(vm_fault_on_unmapped_address_is_caught)
{
	uint64_t v = 0;
	KT_EXPECT_EQ(arch_probe_read64((void *)(MMIO_BASE + MMIO_SIZE - PAGE_SIZE), &v), -1);
	KT_EXPECT_EQ(arch_probe_read64((void *)8, &v), -1); /* NULL page */
	KT_EXPECT_EQ(arch_probe_write64((void *)8, 1), -1);
}

KTEST(vm_block_split_keeps_neighbours)
{
	/* Unmapping one page inside a block mapping must leave the rest intact. */
	paddr_t root = vm_kernel_root();
	size_t block = (size_t)PT_LEVEL_SIZE(1);
	paddr_t pa = pmm_alloc(block / PAGE_SIZE, block / PAGE_SIZE, 0);
	KT_ASSERT(pa);
	vaddr_t va = ALIGN_UP(TEST_VA, block);
	KT_ASSERT(pt_map(root, va, pa, block, VM_READ | VM_WRITE) == 0);
	arch_tlb_flush_all();
	*(uint64_t *)phys_to_virt(pa + 3 * PAGE_SIZE) = 33;
	KT_EXPECT_EQ(pt_unmap(root, va + 2 * PAGE_SIZE, PAGE_SIZE), 0);
	arch_tlb_flush_all();
	uint64_t v = 0;
	KT_EXPECT_EQ(arch_probe_read64((void *)(va + 2 * PAGE_SIZE), &v), -1);
	KT_EXPECT_EQ(arch_probe_read64((void *)(va + 3 * PAGE_SIZE), &v), 0);
	KT_EXPECT_EQ(v, 33);
	KT_EXPECT_EQ(arch_probe_read64((void *)(va + PAGE_SIZE), &v), 0);
	pt_unmap(root, va, block);
	arch_tlb_flush_all();
	pmm_free(pa, block / PAGE_SIZE);
}
