// SPDX-License-Identifier: BSD-2-Clause
// ACPI, as far as interrupt routing and power-off need it: the MADT (local
// APIC, I/O APICs, ISA interrupt overrides) and the FADT (PM1a control
// port, with SLP_TYP for S5 from the DSDT's \_S5 package). Runs from
// x86_start, while the boot page tables map the first 4 GiB; every table is
// checksummed and every read is bounded by the table's length.
#include <arch/x86.h>
#include <kernel/log.h>
#include <kernel/pmm.h>
#include <kernel/string.h>

struct acpi_facts acpi;
static uint8_t rsdp_copy[36];
static bool have_rsdp;

struct sdt_header {
	char sig[4];
	uint32_t length;
	uint8_t revision, checksum;
	char oem[6], oem_table[8];
	uint32_t oem_rev, creator, creator_rev;
} __attribute__((packed));

#define LOW_LIMIT 0x100000000ull

static const void *phys(uint64_t pa, uint64_t len)
{
	return pa && pa < LOW_LIMIT && len <= LOW_LIMIT - pa ? phys_to_virt(pa) : NULL;
}

static bool checksum_ok(const void *p, size_t len)
{
	uint8_t sum = 0;
	for (size_t i = 0; i < len; i++)
		sum += ((const uint8_t *)p)[i];
	return sum == 0;
}

void acpi_set_rsdp(const void *rsdp, size_t len)
{
	memcpy(rsdp_copy, rsdp, MIN(len, sizeof(rsdp_copy)));
	have_rsdp = true;
}

/* The RSDP lies on a 16-byte boundary in the EBDA's first KiB or in the BIOS
 * area 0xE0000-0xFFFFF (ACPI spec 5.2.5.1). */
static bool scan_rsdp(void)
{
	const uint16_t *ebda_seg = phys(0x40e, 2);
	uint64_t areas[2][2] = { { (uint64_t)(ebda_seg ? *ebda_seg : 0) << 4, 1024 },
				 { 0xe0000, 0x20000 } };
	for (int a = 0; a < 2; a++) {
		const uint8_t *p = phys(areas[a][0], areas[a][1]);
		for (uint64_t off = 0; p && off + 20 <= areas[a][1]; off += 16) {
			if (!memcmp(p + off, "RSD PTR ", 8) && checksum_ok(p + off, 20)) {
				acpi_set_rsdp(p + off, 36);
				return true;
			}
		}
	}
	return false;
}

static const struct sdt_header *table_at(uint64_t pa)
{
	const struct sdt_header *h = phys(pa, sizeof(*h));
	if (!h || h->length < sizeof(*h) || !phys(pa, h->length))
		return NULL;
	if (!checksum_ok(h, h->length)) {
		pr_warn("acpi: table %.4s at %#llx fails its checksum, ignored\n", h->sig,
			(unsigned long long)pa);
		return NULL;
	}
	return h;
}

static const struct sdt_header *find_table(const struct sdt_header *root, bool xsdt,
					   const char *sig)
{
	size_t esz = xsdt ? 8 : 4;
	size_t n = (root->length - sizeof(*root)) / esz;
	const uint8_t *ents = (const uint8_t *)(root + 1);
	for (size_t i = 0; i < n; i++) {
		uint64_t pa = 0;
		memcpy(&pa, ents + i * esz, esz);
		const struct sdt_header *t = table_at(pa);
		if (t && !memcmp(t->sig, sig, 4))
			return t;
	}
	return NULL;
}

static void parse_madt(const struct sdt_header *m)
{
	const uint8_t *p = (const uint8_t *)m;
	if (m->length < 44)
		return;
	acpi.lapic_phys = *(const uint32_t *)(p + 36);
	for (uint32_t off = 44; off + 2 <= m->length;) {
		uint8_t type = p[off], len = p[off + 1];
		if (len < 2 || off + len > m->length)
			break;
		const uint8_t *e = p + off;
		if (type == 1 && len >= 12 && acpi.n_ioapic < MAX_IOAPICS) {
			acpi.ioapic[acpi.n_ioapic++] =
				(struct ioapic_info){ e[2], *(const uint32_t *)(e + 4),
						      *(const uint32_t *)(e + 8) };
		} else if (type == 2 && len >= 10 && e[3] < 16) {
			acpi.isa_gsi[e[3]] = *(const uint32_t *)(e + 4);
			acpi.isa_flags[e[3]] = *(const uint16_t *)(e + 8);
		} else if (type == 5 && len >= 12) {
			acpi.lapic_phys = *(const uint64_t *)(e + 4);
		}
		off += len;
	}
}

/* Finds "_S5_" followed by a Package in the DSDT's AML and takes its first
 * element (SLP_TYPa): ZeroOp, OneOp or BytePrefix n. */
static void parse_s5(const struct sdt_header *dsdt)
{
	const uint8_t *p = (const uint8_t *)dsdt;
	for (uint32_t i = sizeof(*dsdt); i + 8 < dsdt->length; i++) {
		if (memcmp(p + i, "_S5_", 4) || p[i + 4] != 0x12)
			continue;
		uint32_t j = i + 5;
		j += 1 + (p[j] >> 6); /* PkgLength: lead byte plus 0-3 follow bytes */
		j++; /* NumElements */
		if (j + 1 >= dsdt->length)
			return;
		if (p[j] == 0x0a) {
			acpi.slp_typ_s5 = p[j + 1];
		} else if (p[j] == 0x00 || p[j] == 0x01) {
			acpi.slp_typ_s5 = p[j];
		} else {
			return;
		}
		acpi.have_s5 = true;
		return;
	}
}

static void parse_fadt(const struct sdt_header *f)
{
	const uint8_t *p = (const uint8_t *)f;
	if (f->length < 68)
		return;
	acpi.pm1a_cnt = *(const uint32_t *)(p + 64);
	uint64_t dsdt_pa = *(const uint32_t *)(p + 40);
	if (f->length >= 148 && *(const uint64_t *)(p + 140))
		dsdt_pa = *(const uint64_t *)(p + 140);
	const struct sdt_header *dsdt = table_at(dsdt_pa);
	if (dsdt)
		parse_s5(dsdt);
}

bool acpi_parse(void)
{
	for (int i = 0; i < 16; i++)
		acpi.isa_gsi[i] = (uint32_t)i; /* identity unless overridden */
	if (!have_rsdp && !scan_rsdp()) {
		pr_warn("acpi: no RSDP found\n");
		return false;
	}
	if (!checksum_ok(rsdp_copy, 20)) {
		pr_warn("acpi: RSDP checksum wrong\n");
		return false;
	}
	uint8_t rev = rsdp_copy[15];
	uint64_t xsdt_pa = 0;
	if (rev >= 2 && checksum_ok(rsdp_copy, 36))
		memcpy(&xsdt_pa, rsdp_copy + 24, 8);
	uint32_t rsdt_pa;
	memcpy(&rsdt_pa, rsdp_copy + 16, 4);
	const struct sdt_header *root = xsdt_pa ? table_at(xsdt_pa) : table_at(rsdt_pa);
	bool xsdt = xsdt_pa && root;
	if (!root)
		root = table_at(rsdt_pa);
	if (!root) {
		pr_warn("acpi: no valid RSDT/XSDT\n");
		return false;
	}
	const struct sdt_header *madt = find_table(root, xsdt, "APIC");
	const struct sdt_header *fadt = find_table(root, xsdt, "FACP");
	if (madt)
		parse_madt(madt);
	if (fadt)
		parse_fadt(fadt);
	pr_info("acpi: rev %u, local APIC %#llx, %d I/O APIC(s), PM1a_CNT %#x, S5 %s\n", rev,
		(unsigned long long)acpi.lapic_phys, acpi.n_ioapic, acpi.pm1a_cnt,
		acpi.have_s5 ? "found" : "missing");
	return madt != NULL;
}
