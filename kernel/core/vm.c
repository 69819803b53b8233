// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/bootinfo.h>
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/pagetable.h>
#include <kernel/panic.h>
#include <kernel/pmm.h>
#include <kernel/string.h>
#include <kernel/vm.h>

/* Section bounds from the linker script. */
extern char __kernel_start[], __text_start[], __text_end[], __rodata_start[], __rodata_end[],
	__data_start[], __kernel_end[];

static paddr_t kernel_root;
static vaddr_t mmio_next = MMIO_BASE;
static size_t table_pages; /* page-table pages allocated, kernel's and users' */

paddr_t pt_alloc_table(void)
{
	/* Until vm_init has switched tables, only the boot physmap is reachable. */
	paddr_t pa = pmm_alloc(1, 1, kernel_root ? 0 : BOOT_PHYSMAP_LIMIT);
	if (pa) {
		arch_page_zero(phys_to_virt(pa));
		__atomic_fetch_add(&table_pages, 1, __ATOMIC_RELAXED);
	}
	return pa;
}

void pt_free_table(paddr_t pa)
{
	__atomic_fetch_sub(&table_pages, 1, __ATOMIC_RELAXED);
	pmm_free(pa, 1);
}

size_t pt_table_pages(void)
{
	return __atomic_load_n(&table_pages, __ATOMIC_RELAXED);
}

pte_t *pt_table_virt(paddr_t pa)
{
	return phys_to_virt(pa);
}

paddr_t kernel_image_phys(const void *p)
{
	return (paddr_t)((uintptr_t)p - KERNEL_VBASE + KERNEL_PBASE);
}

static void map_or_panic(paddr_t root, vaddr_t va, paddr_t pa, uint64_t size, unsigned prot,
			 const char *what)
{
	int err = pt_map(root, va, pa, size, prot);
	if (err)
		panic("vm: mapping %s at %#llx failed (%d)", what, (unsigned long long)va, err);
}

static void map_section(paddr_t root, const char *start, const char *end, unsigned prot,
			const char *what)
{
	vaddr_t s = ALIGN_DOWN((vaddr_t)(uintptr_t)start, PAGE_SIZE);
	vaddr_t e = ALIGN_UP((vaddr_t)(uintptr_t)end, PAGE_SIZE);
	if (e > s)
		map_or_panic(root, s, kernel_image_phys((void *)s), e - s, prot, what);
}

void vm_init(const struct boot_info *bi)
{
	paddr_t root = pt_alloc_table();
	if (!root)
		panic("vm: no page for the kernel root table");
	for (size_t i = 0; i < bi->n_ram; i++) {
		paddr_t s = ALIGN_DOWN(bi->ram[i].start, PAGE_SIZE);
		paddr_t e = ALIGN_UP(bi->ram[i].end, PAGE_SIZE);
		map_or_panic(root, PHYSMAP_BASE + s, s, e - s, VM_READ | VM_WRITE, "physmap");
	}
	map_section(root, __text_start, __text_end, VM_READ | VM_EXEC, "text");
	map_section(root, __rodata_start, __rodata_end, VM_READ, "rodata");
	map_section(root, __data_start, __kernel_end, VM_READ | VM_WRITE, "data");

	kernel_root = root;
	arch_mmu_switch_kernel(root);
	arch_map_boot_devices();
	pr_info("vm: kernel page tables active (text RX, rodata R, data RW NX, physmap RW NX)\n");
}

paddr_t vm_kernel_root(void)
{
	return kernel_root;
}

void *vm_map_mmio(paddr_t pa, size_t size)
{
	paddr_t base = ALIGN_DOWN(pa, PAGE_SIZE);
	uint64_t len = ALIGN_UP(pa + size, PAGE_SIZE) - base;
	if (mmio_next + len > MMIO_BASE + MMIO_SIZE)
		panic("vm: MMIO window exhausted mapping %#llx", (unsigned long long)pa);
	vaddr_t va = mmio_next;
	map_or_panic(kernel_root, va, base, len, VM_READ | VM_WRITE | VM_DEVICE, "mmio");
	/* Make the new entries visible to the table walker before first use
	 * (a no-op on x86, barriers on ARM). */
	for (uint64_t off = 0; off < len; off += PAGE_SIZE)
		arch_tlb_flush_page(va + off);
	mmio_next += len + PAGE_SIZE; /* an unmapped guard page between windows */
	return (void *)(uintptr_t)(va + (pa - base));
}
