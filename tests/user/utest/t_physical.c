// SPDX-License-Identifier: BSD-2-Clause
// Physical VMOs over device registers, contiguous DMA memory and its
// physical address, and the invalid arguments of each.
#include "../utest.h"

#define PG 4096

/* A device register of QEMU's machine with a value known in advance. */
#if defined(__x86_64__)
/* q35's HPET: the low half of the capabilities register holds the vendor
 * id (Intel, 0x8086) in bits 31:16. */
#define DEV_PAGE 0xfed00000ull
#define DEV_REG 0x0
#define DEV_MASK 0xffff0000u
#define DEV_VALUE 0x80860000u
#elif defined(__aarch64__)
/* virt's first virtio-mmio transport: the magic "virt". */
#define DEV_PAGE 0x0a000000ull
#define DEV_REG 0x0
#define DEV_MASK 0xffffffffu
#define DEV_VALUE 0x74726976u
#else
/* RISC-V virt's first virtio-mmio transport. */
#define DEV_PAGE 0x10001000ull
#define DEV_REG 0x0
#define DEV_MASK 0xffffffffu
#define DEV_VALUE 0x74726976u
#endif

UTEST(physical_vmo_reads_a_device_register)
{
	vg_handle_t v;
	CHECK_EQ(vg_vmo_create_physical(resource_h, DEV_PAGE, PG, VG_CACHE_UNCACHED, &v), 0);
	uintptr_t at = 0;
	CHECK_EQ(vg_vm_map(self_h, v, 0, PG, VG_VM_READ, &at), 0);
	uint32_t reg = *(volatile uint32_t *)(at + DEV_REG);
	CHECK_EQ(reg & DEV_MASK, DEV_VALUE);
	uint64_t pa = 0;
	CHECK_EQ(vg_vmo_physical_address(v, 8, &pa), 0);
	CHECK_EQ(pa, DEV_PAGE + 8);
	/* Device memory is not in the kernel's physmap: no vmo_read. */
	char b;
	CHECK_EQ(vg_vmo_read(v, 0, &b, 1), ERR_NOT_SUPPORTED);
	CHECK_EQ(vg_vmo_write(v, 0, &b, 1), ERR_NOT_SUPPORTED);
	/* Its pages never move: no copy-on-write children. */
	vg_handle_t c;
	CHECK_EQ(vg_vmo_create_child(v, 0, PG, 0, &c), ERR_NOT_SUPPORTED);
	CHECK_EQ(vg_vm_unmap(self_h, at, PG), 0);
	CHECK_EQ(vg_handle_close(v), 0);
}

UTEST(physical_vmo_through_a_narrower_resource)
{
	vg_handle_t mmio, v, irq;
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_MMIO, DEV_PAGE, PG, &mmio), 0);
	CHECK_EQ(vg_vmo_create_physical(mmio, DEV_PAGE, PG, VG_CACHE_UNCACHED, &v), 0);
	uintptr_t at = 0;
	CHECK_EQ(vg_vm_map(self_h, v, 0, PG, VG_VM_READ, &at), 0);
	CHECK_EQ(*(volatile uint32_t *)(at + DEV_REG) & DEV_MASK, DEV_VALUE);
	CHECK_EQ(vg_vm_unmap(self_h, at, PG), 0);
	CHECK_EQ(vg_handle_close(v), 0);
	/* Outside it, even by a page, or straddling its end. */
	CHECK_EQ(vg_vmo_create_physical(mmio, DEV_PAGE + PG, PG, 0, &v), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_create_physical(mmio, DEV_PAGE - PG, PG, 0, &v), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_create_physical(mmio, DEV_PAGE, 2 * PG, 0, &v), ERR_OUT_OF_RANGE);
	/* A resource of another kind. */
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IRQ, 0, 32, &irq), 0);
	CHECK_EQ(vg_vmo_create_physical(irq, DEV_PAGE, PG, 0, &v), ERR_WRONG_TYPE);
	CHECK_EQ(vg_vmo_create_contiguous(irq, PG, 0, &v), ERR_WRONG_TYPE);
	CHECK_EQ(vg_handle_close(irq), 0);
	CHECK_EQ(vg_handle_close(mmio), 0);
}

UTEST(contiguous_vmo_for_dma)
{
	vg_handle_t d;
	CHECK_EQ(vg_vmo_create_contiguous(resource_h, 4 * PG,
					  VG_CACHE_UNCACHED | VG_CONTIG_BELOW_4G, &d),
		 0);
	uint64_t pa = 0, pa3 = 0;
	CHECK_EQ(vg_vmo_physical_address(d, 0, &pa), 0);
	CHECK_EQ(vg_vmo_physical_address(d, 3 * PG + 5, &pa3), 0);
	CHECK(pa != 0);
	CHECK_EQ(pa & (PG - 1), 0);
	CHECK(pa + 4 * PG <= 0x100000000ull);
	CHECK_EQ(pa3, pa + 3 * PG + 5); /* one contiguous run */
	/* Zeroed, mapped (uncached), and the same pages as vmo_read sees. */
	uintptr_t at = 0;
	CHECK_EQ(vg_vm_map(self_h, d, 0, 4 * PG, VG_VM_READ | VG_VM_WRITE, &at), 0);
	volatile uint32_t *w = (volatile uint32_t *)at;
	CHECK_EQ(w[0], 0);
	CHECK_EQ(w[3 * PG / 4], 0);
	w[3 * PG / 4] = 0xd3adb33f;
	uint32_t back = 0;
	CHECK_EQ(vg_vmo_read(d, 3 * PG, &back, 4), 0);
	CHECK_EQ(back, 0xd3adb33f);
	/* RAM is never a physical VMO, not even the caller's own DMA pages. */
	vg_handle_t v;
	CHECK_EQ(vg_vmo_create_physical(resource_h, pa, PG, 0, &v), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_vmo_create_child(d, 0, PG, 0, &v), ERR_NOT_SUPPORTED);
	CHECK_EQ(vg_vm_unmap(self_h, at, 4 * PG), 0);
	CHECK_EQ(vg_handle_close(d), 0);
	/* Write-combining and cached are accepted too. */
	CHECK_EQ(vg_vmo_create_contiguous(resource_h, PG, VG_CACHE_WRITE_COMBINE, &d), 0);
	CHECK_EQ(vg_vm_map(self_h, d, 0, PG, VG_VM_READ | VG_VM_WRITE, &at), 0);
	*(volatile uint32_t *)at = 7;
	CHECK_EQ(vg_vmo_read(d, 0, &back, 4), 0);
	CHECK_EQ(back, 7);
	CHECK_EQ(vg_vm_unmap(self_h, at, PG), 0);
	CHECK_EQ(vg_handle_close(d), 0);
	CHECK_EQ(vg_vmo_create_contiguous(resource_h, PG, VG_CACHE_CACHED, &d), 0);
	CHECK_EQ(vg_handle_close(d), 0);
}

UTEST(physical_and_contiguous_invalid_arguments)
{
	const uintptr_t kernel_ptr = (uintptr_t)0xffffffff80100000ull;
	const uintptr_t unmapped_ptr = 0x200000;
	vg_handle_t v, anon, closed, nomanage, noread;
	CHECK_EQ(vg_vmo_create(PG, 0, &anon), 0);
	CHECK_EQ(vg_vmo_create(PG, 0, &closed), 0);
	CHECK_EQ(vg_handle_close(closed), 0);
	CHECK_EQ(vg_handle_duplicate(resource_h, VG_RIGHT_DUPLICATE, &nomanage), 0);

	/* vmo_create_physical */
	CHECK_EQ(vg_vmo_create_physical(0, DEV_PAGE, PG, 0, &v), ERR_BAD_HANDLE);
	CHECK_EQ(vg_vmo_create_physical(closed, DEV_PAGE, PG, 0, &v), ERR_BAD_HANDLE);
	CHECK_EQ(vg_vmo_create_physical(anon, DEV_PAGE, PG, 0, &v), ERR_WRONG_TYPE);
	CHECK_EQ(vg_vmo_create_physical(nomanage, DEV_PAGE, PG, 0, &v), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_vmo_create_physical(resource_h, DEV_PAGE + 4, PG, 0, &v), ERR_INVALID_ARGS);
	CHECK_EQ(vg_vmo_create_physical(resource_h, DEV_PAGE, 100, 0, &v), ERR_INVALID_ARGS);
	CHECK_EQ(vg_vmo_create_physical(resource_h, DEV_PAGE, PG, 3, &v), ERR_INVALID_ARGS);
	CHECK_EQ(vg_vmo_create_physical(resource_h, DEV_PAGE, PG, 0x10, &v), ERR_INVALID_ARGS);
	CHECK_EQ(vg_vmo_create_physical(resource_h, DEV_PAGE, 0, 0, &v), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_create_physical(resource_h, (uint64_t)-PG, 2 * PG, 0, &v),
		 ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_create_physical(resource_h, 1ull << 60, PG, 0, &v), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_create_physical(resource_h, DEV_PAGE, PG, 0, (vg_handle_t *)kernel_ptr),
		 ERR_BAD_ADDRESS);
	CHECK_EQ(vg_vmo_create_physical(resource_h, DEV_PAGE, PG, 0, (vg_handle_t *)unmapped_ptr),
		 ERR_BAD_ADDRESS);

	/* vmo_create_contiguous */
	CHECK_EQ(vg_vmo_create_contiguous(0, PG, 0, &v), ERR_BAD_HANDLE);
	CHECK_EQ(vg_vmo_create_contiguous(closed, PG, 0, &v), ERR_BAD_HANDLE);
	CHECK_EQ(vg_vmo_create_contiguous(anon, PG, 0, &v), ERR_WRONG_TYPE);
	CHECK_EQ(vg_vmo_create_contiguous(nomanage, PG, 0, &v), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_vmo_create_contiguous(resource_h, PG, 3, &v), ERR_INVALID_ARGS);
	CHECK_EQ(vg_vmo_create_contiguous(resource_h, PG, 0x1000, &v), ERR_INVALID_ARGS);
	CHECK_EQ(vg_vmo_create_contiguous(resource_h, 0, 0, &v), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_create_contiguous(resource_h, (uint64_t)-1, 0, &v), ERR_OUT_OF_RANGE);
	/* Larger than all RAM: no run that long. */
	CHECK_EQ(vg_vmo_create_contiguous(resource_h, 1ull << 34, 0, &v), ERR_NO_MEMORY);
	CHECK_EQ(vg_vmo_create_contiguous(resource_h, PG, 0, (vg_handle_t *)kernel_ptr),
		 ERR_BAD_ADDRESS);

	/* vmo_physical_address */
	uint64_t pa;
	CHECK_EQ(vg_vmo_create_contiguous(resource_h, PG, 0, &v), 0);
	CHECK_EQ(vg_handle_duplicate(v, VG_RIGHT_MAP, &noread), 0);
	CHECK_EQ(vg_vmo_physical_address(0, 0, &pa), ERR_BAD_HANDLE);
	CHECK_EQ(vg_vmo_physical_address(closed, 0, &pa), ERR_BAD_HANDLE);
	CHECK_EQ(vg_vmo_physical_address(resource_h, 0, &pa), ERR_WRONG_TYPE);
	CHECK_EQ(vg_vmo_physical_address(noread, 0, &pa), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_vmo_physical_address(anon, 0, &pa), ERR_NOT_SUPPORTED);
	CHECK_EQ(vg_vmo_physical_address(v, PG, &pa), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_physical_address(v, (uint64_t)-1, &pa), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_physical_address(v, 0, (uint64_t *)kernel_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_vmo_physical_address(v, 0, (uint64_t *)unmapped_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_handle_close(noread), 0);
	CHECK_EQ(vg_handle_close(v), 0);
	CHECK_EQ(vg_handle_close(nomanage), 0);
	CHECK_EQ(vg_handle_close(anon), 0);
}
