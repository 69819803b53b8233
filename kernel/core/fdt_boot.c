// SPDX-License-Identifier: BSD-2-Clause
// Boot information from a device tree: shared by AArch64 and RISC-V.
#include <kernel/bootinfo.h>
#include <kernel/fdt.h>
#include <kernel/log.h>
#include <kernel/string.h>

/* Upper bound accepted for a blob's totalsize: QEMU's are ~1 MiB at most. */
#define FDT_MAX_BLOB (2u << 20)

static void add_memory(struct boot_info *bi, const struct fdt *f)
{
	for (int n = fdt_next_node(f, -1); n >= 0; n = fdt_next_node(f, n)) {
		const char *type = fdt_prop_str(f, n, "device_type");
		if (!type || strcmp(type, "memory"))
			continue;
		uint64_t a, s;
		for (int i = 0; fdt_reg(f, n, i, &a, &s); i++)
			bootinfo_add_ram(bi, a, a + s);
	}
}

static void add_reservations(struct boot_info *bi, const struct fdt *f)
{
	uint64_t a, s;
	for (int i = 0; fdt_rsvmap(f, i, &a, &s); i++)
		bootinfo_reserve(bi, a, a + s, "fdt memreserve");
	int rm = fdt_path(f, "/reserved-memory");
	for (int c = fdt_first_child(f, rm); c >= 0; c = fdt_next_sibling(f, c))
		for (int i = 0; fdt_reg(f, c, i, &a, &s); i++)
			bootinfo_reserve(bi, a, a + s, "firmware (reserved-memory)");
}

static uint64_t chosen_addr(const struct fdt *f, int chosen, const char *name)
{
	uint32_t len;
	const void *p = fdt_prop(f, chosen, name, &len);
	if (p && (len == 4 || len == 8))
		return fdt_cells(p, (int)(len / 4));
	return 0;
}

static struct fdt boot_tree;

const struct fdt *boot_fdt(void)
{
	return boot_tree.blob ? &boot_tree : NULL;
}

bool bootinfo_from_fdt(struct boot_info *bi, paddr_t dtb, const void *blob)
{
	struct fdt f;
	const char *why = "";
	if (fdt_open(&f, blob, FDT_MAX_BLOB, &why)) {
		pr_err("boot: device tree at %#llx refused: %s\n", (unsigned long long)dtb, why);
		return false;
	}
	bi->dtb = dtb;
	bi->boot_protocol = "fdt";
	bootinfo_reserve(bi, dtb, dtb + f.size, "device tree");
	add_memory(bi, &f);
	add_reservations(bi, &f);

	int chosen = fdt_path(&f, "/chosen");
	uint64_t rd_start = chosen_addr(&f, chosen, "linux,initrd-start");
	uint64_t rd_end = chosen_addr(&f, chosen, "linux,initrd-end");
	if (rd_start && rd_end > rd_start) {
		bi->initrd_start = rd_start;
		bi->initrd_end = rd_end;
		bootinfo_reserve(bi, rd_start, rd_end, "initrd");
	}
	const char *args = fdt_prop_str(&f, chosen, "bootargs");
	if (args)
		strlcpy(bi->cmdline, args, sizeof(bi->cmdline));

	int cpus = fdt_path(&f, "/cpus");
	for (int c = fdt_first_child(&f, cpus); c >= 0; c = fdt_next_sibling(&f, c)) {
		const char *type = fdt_prop_str(&f, c, "device_type");
		const char *compat = fdt_prop_str(&f, c, "compatible");
		if (type && !strcmp(type, "cpu") && compat) {
			strlcpy(bi->cpu_model, compat, sizeof(bi->cpu_model));
			break;
		}
	}
	boot_tree = f;
	return true;
}
