// SPDX-License-Identifier: BSD-2-Clause
// The C half of RISC-V boot: from the device tree OpenSBI passed to a filled
// boot_info, then into the generic kernel. Runs on the boot page table (see
// boot.S) with the trap vector installed and interrupts masked.
#include "riscv.h"
#include <kernel/bootinfo.h>
#include <kernel/fdt.h>
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/percpu.h>
#include <kernel/pmm.h>
#include <kernel/string.h>
#include <kernel/vm.h>

/* Matches the bound the generic reader accepts. */
#define DTB_MAX (2u << 20)

extern char __kernel_start[], __kernel_end[];

unsigned long boot_hartid;
static struct boot_info boot_info;

_Noreturn void riscv_boot(unsigned long hartid, paddr_t dtb);

int boot_cpu_node(const struct fdt *f)
{
	int cpus = fdt_path(f, "/cpus");
	for (int c = fdt_first_child(f, cpus); c >= 0; c = fdt_next_sibling(f, c)) {
		const char *type = fdt_prop_str(f, c, "device_type");
		uint64_t reg, size;
		if (type && !strcmp(type, "cpu") && fdt_reg(f, c, 0, &reg, &size) &&
		    reg == boot_hartid)
			return c;
	}
	return -1;
}

/* Whether [pa, pa + len) can be read through the boot physmap. The address
 * in a1 comes from firmware; a bad one must give a message, not a fault. */
static bool readable(paddr_t pa, uint64_t len)
{
	if (pa + len < pa || pa + len > BOOT_PHYSMAP_LIMIT)
		return false;
	uint64_t v;
	for (paddr_t p = ALIGN_DOWN(pa, PAGE_SIZE); p < pa + len; p += PAGE_SIZE)
		if (arch_probe_read64(phys_to_virt(p), &v))
			return false;
	return true;
}

static bool dtb_ok(paddr_t dtb)
{
	if (!dtb || (dtb & 7) || !readable(dtb, 40)) /* 40: the FDT header */
		return false;
	uint32_t size = fdt_header_size(phys_to_virt(dtb));
	/* A bad magic or size is for the parser to name; only make sure that
	 * what it will read is there. */
	return !size || readable(dtb, MIN(size, DTB_MAX));
}

/* Reserves the parts of [start, end) no reserved region covers yet. */
static void reserve_uncovered(struct boot_info *bi, paddr_t start, paddr_t end, const char *what)
{
	while (start < end) {
		paddr_t next = end; /* where the next covered stretch begins */
		bool moved = false;
		for (size_t i = 0; i < bi->n_reserved; i++) {
			const struct mem_region *r = &bi->reserved[i];
			if (r->start <= start && start < r->end) {
				start = r->end;
				moved = true;
			} else if (r->start > start && r->start < next) {
				next = r->start;
			}
		}
		if (moved)
			continue;
		bootinfo_reserve(bi, start, next, what);
		start = next;
	}
}

/* The generic reader takes the cpu's "compatible"; QEMU's is plain "riscv",
 * so the ISA string says more. */
static void describe_cpu(struct boot_info *bi, const struct fdt *f)
{
	const char *isa = fdt_prop_str(f, boot_cpu_node(f), "riscv,isa");
	if (isa && (!bi->cpu_model[0] || !strcmp(bi->cpu_model, "riscv")))
		strlcpy(bi->cpu_model, isa, sizeof(bi->cpu_model));
}

_Noreturn void riscv_boot(unsigned long hartid, paddr_t dtb)
{
	struct boot_info *bi = &boot_info;
	percpu_init(0);
	boot_hartid = hartid;
	sbi_init();

	if (!dtb_ok(dtb)) {
		pr_err("boot: no readable device tree (a1 = %#llx); cannot continue\n",
		       (unsigned long long)dtb);
		arch_poweroff(1);
	}
	if (!bootinfo_from_fdt(bi, dtb, phys_to_virt(dtb))) {
		pr_err("boot: cannot continue without a device tree\n");
		arch_poweroff(1);
	}
	const struct fdt *f = boot_fdt();
	console_setup_early(f);
	timer_setup(f);
	describe_cpu(bi, f);

	paddr_t kstart = kernel_image_phys(__kernel_start);
	bootinfo_reserve(bi, kstart, kernel_image_phys(__kernel_end), "kernel image");
	/* OpenSBI lives below the kernel; its /reserved-memory node may cover
	 * only part of what it uses. */
	reserve_uncovered(bi, KERNEL_PBASE, kstart, "SBI firmware");

	kernel_main(bi);
}
