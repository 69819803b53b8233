// SPDX-License-Identifier: BSD-2-Clause
// Boot information from multiboot (QEMU -kernel) and multiboot2 (GRUB),
// validated: every read stays inside what the loader said it wrote.
#include <arch/multiboot.h>
#include <arch/x86.h>
#include <kernel/bootinfo.h>
#include <kernel/log.h>
#include <kernel/pmm.h>
#include <kernel/string.h>

#define MB1_BOOT_MAGIC 0x2BADB002
#define MB2_BOOT_MAGIC 0x36d76289
#define MB_MEMORY_AVAILABLE 1
/* The boot tables map only the first 4 GiB; the loaders place their
 * information there. */
#define LOW_LIMIT 0x100000000ull

static const void *low_ptr(uint64_t pa, uint64_t len)
{
	if (pa >= LOW_LIMIT || len > LOW_LIMIT - pa)
		return NULL;
	return phys_to_virt(pa);
}

static void copy_cmdline(struct boot_info *bi, uint64_t pa, uint64_t max)
{
	const char *s = low_ptr(pa, 1);
	if (!s)
		return;
	size_t n = 0;
	while (n + 1 < sizeof(bi->cmdline) && n < max && s[n])
		n++;
	memcpy(bi->cmdline, s, n);
	bi->cmdline[n] = 0;
}

static void add_module(struct boot_info *bi, uint64_t start, uint64_t end)
{
	if (end <= start)
		return;
	bootinfo_reserve(bi, start, end, "initrd");
	if (!bi->initrd_end) { /* the first module is the initrd */
		bi->initrd_start = start;
		bi->initrd_end = end;
	}
}

struct mb1_info {
	uint32_t flags, mem_lower, mem_upper, boot_device, cmdline, mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
};

struct mb1_mmap {
	uint32_t size;
	uint64_t addr, len;
	uint32_t type;
} __attribute__((packed));

struct mb1_module {
	uint32_t start, end, string, reserved;
};

static bool parse_mb1(uint64_t pa, struct boot_info *bi)
{
	const struct mb1_info *mi = low_ptr(pa, sizeof(*mi));
	if (!mi) {
		pr_err("multiboot: information at %#llx is out of reach\n", (unsigned long long)pa);
		return false;
	}
	bi->boot_protocol = "multiboot";
	if (mi->flags & (1u << 2))
		copy_cmdline(bi, mi->cmdline, BOOT_CMDLINE_MAX);
	if (mi->flags & (1u << 3)) {
		const struct mb1_module *m =
			low_ptr(mi->mods_addr, (uint64_t)mi->mods_count * sizeof(*m));
		for (uint32_t i = 0; m && i < mi->mods_count; i++)
			add_module(bi, m[i].start, m[i].end);
	}
	if (!(mi->flags & (1u << 6))) {
		pr_err("multiboot: the loader gave no memory map\n");
		return false;
	}
	const uint8_t *p = low_ptr(mi->mmap_addr, mi->mmap_length);
	if (!p) {
		pr_err("multiboot: memory map out of reach\n");
		return false;
	}
	for (uint32_t off = 0; off + sizeof(struct mb1_mmap) <= mi->mmap_length;) {
		const struct mb1_mmap *e = (const void *)(p + off);
		if (e->type == MB_MEMORY_AVAILABLE)
			bootinfo_add_ram(bi, e->addr, e->addr + e->len);
		if (e->size < 20) { /* an entry smaller than its fields: stop, don't loop */
			pr_err("multiboot: malformed memory map entry\n");
			return false;
		}
		off += e->size + 4;
	}
	return true;
}

struct mb2_tag {
	uint32_t type, size;
};

static void parse_mb2_mmap(struct boot_info *bi, const uint8_t *t, uint32_t size)
{
	uint32_t esz = *(const uint32_t *)(t + 8);
	if (esz < 24) {
		pr_err("multiboot2: memory map entry size %u too small\n", esz);
		return;
	}
	for (uint32_t off = 16; off + esz <= size; off += esz) {
		uint64_t addr = *(const uint64_t *)(t + off);
		uint64_t len = *(const uint64_t *)(t + off + 8);
		uint32_t type = *(const uint32_t *)(t + off + 16);
		if (type == MB_MEMORY_AVAILABLE)
			bootinfo_add_ram(bi, addr, addr + len);
	}
}

static bool parse_mb2(uint64_t pa, struct boot_info *bi)
{
	const uint32_t *hdr = low_ptr(pa, 8);
	if (!hdr || (pa & 7)) {
		pr_err("multiboot2: information at %#llx is out of reach\n",
		       (unsigned long long)pa);
		return false;
	}
	uint32_t total = hdr[0];
	const uint8_t *base = low_ptr(pa, total);
	if (!base || total < 16) {
		pr_err("multiboot2: bad information size %u\n", total);
		return false;
	}
	bi->boot_protocol = "multiboot2";
	bool have_mmap = false;
	for (uint32_t off = 8; off + 8 <= total;) {
		const struct mb2_tag *t = (const void *)(base + off);
		if (t->size < 8 || t->size > total - off) {
			pr_err("multiboot2: tag %u at offset %u overruns the information\n",
			       t->type, off);
			return false;
		}
		const uint8_t *body = base + off;
		switch (t->type) {
		case 0: /* end */ off = total; continue;
		case 1: /* command line */ copy_cmdline(bi, pa + off + 8, t->size - 8); break;
		case 3: /* module */
			if (t->size >= 16)
				add_module(bi, *(const uint32_t *)(body + 8),
					   *(const uint32_t *)(body + 12));
			break;
		case 6: /* memory map */
			if (t->size >= 16) {
				parse_mb2_mmap(bi, body, t->size);
				have_mmap = true;
			}
			break;
		case 14: /* ACPI 1.0 RSDP */
		case 15: /* ACPI 2.0+ RSDP */ acpi_set_rsdp(body + 8, t->size - 8); break;
		}
		off += (t->size + 7) & ~7u;
	}
	if (!have_mmap)
		pr_err("multiboot2: the loader gave no memory map\n");
	return have_mmap;
}

bool multiboot_parse(uint32_t magic, uint64_t info_pa, struct boot_info *bi)
{
	if (magic == MB1_BOOT_MAGIC)
		return parse_mb1(info_pa, bi);
	if (magic == MB2_BOOT_MAGIC)
		return parse_mb2(info_pa, bi);
	pr_err("boot: unknown loader magic %#x (not multiboot or multiboot2)\n", magic);
	return false;
}
