// SPDX-License-Identifier: BSD-2-Clause
// kernel/core/bootinfo.c (command-line words, region tables) and
// kernel/core/fdt_boot.c (bootinfo_from_fdt) over dtc fixtures and the device
// trees QEMU hands a kernel it boots with -kernel/-initrd/-append.
#define _DEFAULT_SOURCE
#include <fdt_build.h>
#include <host_support.h>
#include <kernel/bootinfo.h>
#include <kernel/fdt.h>
#include <kernel/log.h>
#include <stdio.h>
#include <string.h>
#include <vtest.h>

static struct boot_info *new_bi(const char *cmdline)
{
	static struct boot_info bi;
	memset(&bi, 0, sizeof(bi));
	snprintf(bi.cmdline, sizeof(bi.cmdline), "%s", cmdline);
	host_klog_reset();
	return &bi;
}

/* ---- bootinfo_has_arg ---- */

TEST(bootinfo, has_arg_tokens)
{
	struct boot_info *bi = new_bi("console=ttyS0 quiet debug");
	CHECK(bootinfo_has_arg(bi, "quiet"));
	CHECK(bootinfo_has_arg(bi, "debug")); /* the last token */
	CHECK(bootinfo_has_arg(bi, "console")); /* the first, as word=value */
	CHECK(!bootinfo_has_arg(bi, "verbose"));
}

TEST(bootinfo, has_arg_word_value)
{
	struct boot_info *bi = new_bi("init=/bin/sh root=/dev/ram0 ktest=all");
	CHECK(bootinfo_has_arg(bi, "init"));
	CHECK(bootinfo_has_arg(bi, "root"));
	CHECK(bootinfo_has_arg(bi, "ktest"));
	CHECK(bootinfo_has_arg(bi, "ktest=all")); /* the whole token */
	CHECK(!bootinfo_has_arg(bi, "/bin/sh")); /* a value is not a word */
	CHECK(!bootinfo_has_arg(bi, "all"));
}

TEST(bootinfo, has_arg_prefixes_do_not_match)
{
	struct boot_info *bi = new_bi("quietly console=ttyS0 debugger");
	CHECK(!bootinfo_has_arg(bi, "quiet")); /* prefix of a token */
	CHECK(!bootinfo_has_arg(bi, "debug"));
	CHECK(!bootinfo_has_arg(bi, "cons")); /* prefix of the word part */
	CHECK(!bootinfo_has_arg(bi, "console=tty")); /* prefix of word=value */
	CHECK(!bootinfo_has_arg(bi, "ietly")); /* suffix */
	CHECK(!bootinfo_has_arg(bi, "quietly2")); /* longer than the token */
	CHECK(bootinfo_has_arg(bi, "quietly"));
	CHECK(bootinfo_has_arg(bi, "debugger"));
}

TEST(bootinfo, has_arg_spaces)
{
	struct boot_info *bi = new_bi("   alpha    beta  ");
	CHECK(bootinfo_has_arg(bi, "alpha"));
	CHECK(bootinfo_has_arg(bi, "beta"));
	CHECK(!bootinfo_has_arg(bi, "alpha beta"));
	CHECK(!bootinfo_has_arg(bi, "gamma"));
	bi = new_bi("");
	CHECK(!bootinfo_has_arg(bi, "alpha"));
	bi = new_bi("     ");
	CHECK(!bootinfo_has_arg(bi, "alpha"));
}

TEST(bootinfo, has_arg_full_buffer)
{
	/* A command line filling the whole buffer; the word at its very end. */
	char line[BOOT_CMDLINE_MAX];
	memset(line, 'x', sizeof(line));
	memcpy(line + sizeof(line) - 6, " last", 5);
	line[sizeof(line) - 1] = 0;
	struct boot_info *bi = new_bi(line);
	CHECK_EQ_U(strlen(bi->cmdline), BOOT_CMDLINE_MAX - 1);
	CHECK(bootinfo_has_arg(bi, "last"));
	CHECK(!bootinfo_has_arg(bi, "las"));
}

/* ---- region tables ---- */

TEST(bootinfo, add_ram)
{
	struct boot_info *bi = new_bi("");
	CHECK(bootinfo_add_ram(bi, 0x1000, 0x9000));
	CHECK(bootinfo_add_ram(bi, 0x100000, 0x200000));
	CHECK_EQ_U(bi->n_ram, 2);
	CHECK_EQ_U(bi->ram[0].start, 0x1000);
	CHECK_EQ_U(bi->ram[0].end, 0x9000);
	CHECK_EQ_U(bi->ram[1].start, 0x100000);
	CHECK_STREQ(bi->ram[1].what, "ram");
	/* RAM is recorded as given, not rounded. */
	CHECK(bootinfo_add_ram(bi, 0x200001, 0x2fffff));
	CHECK_EQ_U(bi->ram[2].start, 0x200001);
	CHECK_EQ_U(bi->ram[2].end, 0x2fffff);
}

TEST(bootinfo, empty_regions_ignored)
{
	struct boot_info *bi = new_bi("");
	CHECK(bootinfo_add_ram(bi, 0x5000, 0x5000));
	CHECK(bootinfo_add_ram(bi, 0x6000, 0x5000));
	CHECK(bootinfo_reserve(bi, 0x5000, 0x5000, "empty"));
	CHECK(bootinfo_reserve(bi, 0x7000, 0x6000, "inverted"));
	/* Empty even though rounding outwards would give it a page. */
	CHECK(bootinfo_reserve(bi, 0x5800, 0x5800, "empty, unaligned"));
	CHECK_EQ_U(bi->n_ram, 0);
	CHECK_EQ_U(bi->n_reserved, 0);
	CHECK_EQ_U(host_klog_count, 0);
}

TEST(bootinfo, reserve_rounds_outward)
{
	struct boot_info *bi = new_bi("");
	CHECK(bootinfo_reserve(bi, 0x1001, 0x2001, "odd"));
	CHECK(bootinfo_reserve(bi, 0x4000, 0x5000, "aligned"));
	CHECK(bootinfo_reserve(bi, 0x6fff, 0x7001, "straddle"));
	CHECK_EQ_U(bi->n_reserved, 3);
	CHECK_EQ_U(bi->reserved[0].start, 0x1000);
	CHECK_EQ_U(bi->reserved[0].end, 0x3000);
	CHECK_STREQ(bi->reserved[0].what, "odd");
	CHECK_EQ_U(bi->reserved[1].start, 0x4000);
	CHECK_EQ_U(bi->reserved[1].end, 0x5000);
	CHECK_EQ_U(bi->reserved[2].start, 0x6000);
	CHECK_EQ_U(bi->reserved[2].end, 0x8000);
}

TEST(bootinfo, table_full)
{
	struct boot_info *bi = new_bi("");
	for (int i = 0; i < BOOT_MAX_REGIONS; i++) {
		CHECK(bootinfo_add_ram(bi, (paddr_t)i << 20, ((paddr_t)i << 20) + 0x1000));
		CHECK(bootinfo_reserve(bi, (paddr_t)i << 20, ((paddr_t)i << 20) + 0x1000, "r"));
	}
	CHECK_EQ_U(host_klog_count, 0);
	CHECK(!bootinfo_add_ram(bi, 0x80000000, 0x80001000));
	CHECK_EQ_U(host_klog_count, 1);
	CHECK(strstr(host_klog_last, "full"));
	CHECK_EQ_I(host_klog_last_level, LOG_WARNING);
	CHECK(!bootinfo_reserve(bi, 0x80000000, 0x80001000, "late"));
	CHECK_EQ_U(host_klog_count, 2);
	CHECK(strstr(host_klog_last, "late"));
	CHECK_EQ_U(bi->n_ram, BOOT_MAX_REGIONS);
	CHECK_EQ_U(bi->n_reserved, BOOT_MAX_REGIONS);
	/* The last entries are the last accepted ones, nothing overwritten. */
	CHECK_EQ_U(bi->ram[BOOT_MAX_REGIONS - 1].start, (paddr_t)(BOOT_MAX_REGIONS - 1) << 20);
	/* An empty region still "succeeds": there is nothing to drop. */
	CHECK(bootinfo_add_ram(bi, 0x1000, 0x1000));
}

/* ---- bootinfo_from_fdt ---- */

#define DTB_PA 0x4f000000ull /* where the tests pretend the blob was loaded */

static const struct mem_region *find_reserved(const struct boot_info *bi, const char *what, int nth)
{
	for (size_t i = 0; i < bi->n_reserved; i++)
		if (!strcmp(bi->reserved[i].what, what) && nth-- == 0)
			return &bi->reserved[i];
	return NULL;
}

static void reserved_is_at(const char *file, int line, const struct boot_info *bi, const char *what,
			   int nth, paddr_t start, paddr_t end)
{
	const struct mem_region *r = find_reserved(bi, what, nth);
	if (!r)
		vtest_fail(file, line, "no reserved region #%d \"%s\"", nth, what);
	if (r->start != start || r->end != end)
		vtest_fail(file, line,
			   "reserved \"%s\" #%d is [%#" PRIx64 ", %#" PRIx64
			   "), expected [%#" PRIx64 ", %#" PRIx64 ")",
			   what, nth, r->start, r->end, start, end);
}
#define RESERVED_IS(bi, what, nth, s, e) reserved_is_at(__FILE__, __LINE__, bi, what, nth, s, e)

static uint8_t *from_fixture(struct boot_info *bi, const char *name, size_t *size)
{
	uint8_t *blob = vtest_load(name, size);
	CHECK_MSG(bootinfo_from_fdt(bi, DTB_PA, blob), "%s refused: %s", name, host_klog_last);
	return blob;
}

TEST(fdtboot, board_ram)
{
	struct boot_info *bi = new_bi("");
	size_t size;
	uint8_t *blob = from_fixture(bi, "board.dtb", &size);
	/* Both ranges of the memory node; the node without device_type is
	 * not RAM. */
	CHECK_EQ_U(bi->n_ram, 2);
	CHECK_EQ_U(bi->ram[0].start, 0x40000000);
	CHECK_EQ_U(bi->ram[0].end, 0x60000000);
	CHECK_EQ_U(bi->ram[1].start, 0x100000000ull);
	CHECK_EQ_U(bi->ram[1].end, 0x140000000ull);
	free(blob);
}

TEST(fdtboot, board_reserved)
{
	struct boot_info *bi = new_bi("");
	size_t size;
	uint8_t *blob = from_fixture(bi, "board.dtb", &size);
	RESERVED_IS(bi, "device tree", 0, DTB_PA, DTB_PA + ALIGN_UP(size, PAGE_SIZE));
	RESERVED_IS(bi, "fdt memreserve", 0, 0x10000000, 0x10004000);
	RESERVED_IS(bi, "fdt memreserve", 1, 0x20000000, 0x20001000);
	RESERVED_IS(bi, "firmware (reserved-memory)", 0, 0x4e000000, 0x4e200000);
	RESERVED_IS(bi, "firmware (reserved-memory)", 1, 0x50000000, 0x51000000);
	RESERVED_IS(bi, "firmware (reserved-memory)", 2, 0x52000000, 0x52002000);
	RESERVED_IS(bi, "initrd", 0, 0x48000000, 0x48100000);
	CHECK_EQ_U(bi->n_reserved, 7);
	free(blob);
}

TEST(fdtboot, board_chosen_and_cpu)
{
	struct boot_info *bi = new_bi("");
	size_t size;
	uint8_t *blob = from_fixture(bi, "board.dtb", &size);
	CHECK_EQ_U(bi->initrd_start, 0x48000000); /* 32-bit properties */
	CHECK_EQ_U(bi->initrd_end, 0x48100000);
	CHECK_STREQ(bi->cmdline, "console=ttyS0 loglevel=7 quiet");
	CHECK(bootinfo_has_arg(bi, "loglevel"));
	CHECK_STREQ(bi->cpu_model, "arm,cortex-a53"); /* first compatible string */
	CHECK_STREQ(bi->boot_protocol, "fdt");
	CHECK_EQ_U(bi->dtb, DTB_PA);
	const struct fdt *f = boot_fdt();
	CHECK(f && f->blob == blob && f->size == size);
	free(blob);
}

TEST(fdtboot, initrd_64bit_and_one_cell_memory)
{
	struct boot_info *bi = new_bi("");
	size_t size;
	uint8_t *blob = from_fixture(bi, "mem32.dtb", &size);
	CHECK_EQ_U(bi->n_ram, 1);
	CHECK_EQ_U(bi->ram[0].start, 0x80000000);
	CHECK_EQ_U(bi->ram[0].end, 0x90000000);
	CHECK_EQ_U(bi->initrd_start, 0x1f0000000ull);
	CHECK_EQ_U(bi->initrd_end, 0x1f0212345ull);
	RESERVED_IS(bi, "initrd", 0, 0x1f0000000ull, 0x1f0213000ull);
	CHECK_STREQ(bi->cmdline, "root=/dev/ram0");
	CHECK_STREQ(bi->cpu_model, "sifive,u74-mc");
	free(blob);
}

TEST(fdtboot, untrusted_chosen)
{
	/* Initrd properties of odd sizes are ignored; unterminated bootargs
	 * leave the command line alone; a CPU node without device_type "cpu"
	 * is passed over. */
	struct boot_info *bi = new_bi("preset");
	size_t size;
	uint8_t *blob = from_fixture(bi, "odd-chosen.dtb", &size);
	CHECK_EQ_U(bi->initrd_start, 0);
	CHECK_EQ_U(bi->initrd_end, 0);
	CHECK(!find_reserved(bi, "initrd", 0));
	CHECK_STREQ(bi->cmdline, "preset");
	CHECK_STREQ(bi->cpu_model, "vendor,second");
	free(blob);
}

TEST(fdtboot, inverted_initrd_long_bootargs)
{
	struct boot_info *bi = new_bi("");
	size_t size;
	uint8_t *blob = from_fixture(bi, "inverted-initrd.dtb", &size);
	CHECK_EQ_U(bi->initrd_start, 0);
	CHECK(!find_reserved(bi, "initrd", 0));
	/* Truncated to the buffer, terminated. */
	CHECK_EQ_U(strlen(bi->cmdline), BOOT_CMDLINE_MAX - 1);
	CHECK(!strncmp(bi->cmdline, "0123456789abcdef0123", 20));
	CHECK(!strstr(bi->cmdline, "TAIL"));
	free(blob);
}

TEST(fdtboot, too_many_ram_ranges)
{
	struct boot_info *bi = new_bi("");
	size_t size;
	uint8_t *blob = from_fixture(bi, "many-ram.dtb", &size);
	CHECK_EQ_U(bi->n_ram, BOOT_MAX_REGIONS);
	CHECK_EQ_U(bi->ram[BOOT_MAX_REGIONS - 1].start, (paddr_t)BOOT_MAX_REGIONS * 0x1000000);
	CHECK(host_klog_count >= 1);
	CHECK(strstr(host_klog_last, "full"));
	free(blob);
}

TEST(fdtboot, refuses_malformed)
{
	size_t size;
	uint8_t *blob = vtest_load("board.dtb", &size);
	blob[FDT_H_VERSION + 3] = 15;
	struct boot_info *bi = new_bi("keep");
	struct boot_info before = *bi;
	CHECK(!bootinfo_from_fdt(bi, DTB_PA, blob));
	CHECK(!memcmp(&before, bi, sizeof(before))); /* nothing half-filled */
	CHECK_EQ_I(host_klog_last_level, LOG_ERR);
	CHECK(strstr(host_klog_last, "refused"));
	CHECK(strstr(host_klog_last, "version")); /* the reason is passed on */
	blob[0] = 0;
	CHECK(!bootinfo_from_fdt(bi, DTB_PA, blob));
	CHECK(strstr(host_klog_last, "magic"));
	free(blob);
}

TEST(fdtboot, blob_size_limit)
{
	/* Blobs up to 2 MiB are accepted, larger ones refused. */
	size_t size;
	uint8_t *small = vtest_load("board.dtb", &size);
	for (uint32_t total = (2u << 20) - 8; total <= (2u << 20) + 8; total += 8) {
		uint8_t *big = calloc(1, total);
		memcpy(big, small, size);
		fb_put32(big + FDT_H_TOTALSIZE, total);
		struct boot_info *bi = new_bi("");
		bool ok = bootinfo_from_fdt(bi, DTB_PA, big);
		CHECK_MSG(ok == (total <= (2u << 20)), "totalsize %#x: %s", total,
			  ok ? "accepted" : "refused");
		if (ok)
			RESERVED_IS(bi, "device tree", 0, DTB_PA,
				    DTB_PA + ALIGN_UP(total, PAGE_SIZE));
		free(big);
	}
	free(small);
}

static void qemu_boot(const char *name, paddr_t ram_start, const char *cmdline, const char *cpu)
{
	struct boot_info *bi = new_bi("");
	size_t size;
	uint8_t *blob = from_fixture(bi, name, &size);
	CHECK_EQ_U(bi->n_ram, 1);
	CHECK_EQ_U(bi->ram[0].start, ram_start);
	CHECK_EQ_U(bi->ram[0].end - bi->ram[0].start, 512ull << 20); /* -m 512 */
	/* The initrd is the 100000-byte file given with -initrd, in RAM. */
	CHECK_EQ_U(bi->initrd_end - bi->initrd_start, 100000);
	CHECK(bi->initrd_start >= bi->ram[0].start && bi->initrd_end <= bi->ram[0].end);
	RESERVED_IS(bi, "initrd", 0, ALIGN_DOWN(bi->initrd_start, PAGE_SIZE),
		    ALIGN_UP(bi->initrd_end, PAGE_SIZE));
	const struct fdt *f = boot_fdt();
	CHECK(f);
	RESERVED_IS(bi, "device tree", 0, DTB_PA, DTB_PA + ALIGN_UP(f->size, PAGE_SIZE));
	CHECK_EQ_U(bi->n_reserved, 2); /* QEMU's trees have no other reservations */
	CHECK_STREQ(bi->cmdline, cmdline);
	CHECK_STREQ(bi->cpu_model, cpu);
	CHECK_STREQ(bi->boot_protocol, "fdt");
	free(blob);
}

TEST(fdtboot, qemu_aarch64)
{
	qemu_boot("qemu-aarch64-boot.dtb", 0x40000000, "console=ttyAMA0 quiet verdigris.test=1",
		  "arm,cortex-a72");
}

TEST(fdtboot, qemu_riscv64)
{
	qemu_boot("qemu-riscv64-boot.dtb", 0x80000000, "console=ttyS0 quiet", "riscv");
}

TEST(fdtboot, qemu_without_kernel_args)
{
	/* Dumped with no -kernel: no initrd, no bootargs. */
	static const char *const names[] = { "qemu-aarch64-virt.dtb", "qemu-riscv64-virt.dtb" };
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct boot_info *bi = new_bi("");
		size_t size;
		uint8_t *blob = from_fixture(bi, names[i], &size);
		CHECK_EQ_U(bi->initrd_start, 0);
		CHECK_EQ_U(bi->initrd_end, 0);
		CHECK_STREQ(bi->cmdline, "");
		CHECK_EQ_U(bi->n_ram, 1);
		CHECK_EQ_U(bi->n_reserved, 1);
		free(blob);
	}
}
