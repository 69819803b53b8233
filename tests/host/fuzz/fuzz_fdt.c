// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for kernel/lib/fdt.c and bootinfo_from_fdt. An input
// that starts with the FDT magic is a whole blob (the seeds are dtc's and
// QEMU's); anything else is taken as a structure block and a strings block
// behind a header this harness writes, so the fuzzer can explore the token
// stream without first having to get a header right. Accepted blobs are
// walked with every accessor (fdt_walk_all), which also checks that the
// accessors agree; a refusal must come with a reason. The buffer is exactly
// the input's size, so ASan catches any read outside it.
#define _DEFAULT_SOURCE
#include <fdt_walk.h>
#include <kernel/bootinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void die(const char *what)
{
	fprintf(stderr, "FUZZ FAIL: %s\n", what);
	abort();
}

static void check_blob(const uint8_t *blob, size_t size)
{
	struct fdt f;
	const char *why = NULL;
	if (fdt_open(&f, blob, size, &why)) {
		if (!why || !*why)
			die("refused without a reason");
		return;
	}
	const char *bad = fdt_walk_all(&f, NULL);
	if (bad)
		die(bad);

	/* What the kernel does with a boot device tree. */
	static struct boot_info bi;
	memset(&bi, 0, sizeof(bi));
	if (!bootinfo_from_fdt(&bi, 0x40000000, blob))
		die("bootinfo_from_fdt refused a blob fdt_open accepted");
	if (bi.n_ram > BOOT_MAX_REGIONS || bi.n_reserved > BOOT_MAX_REGIONS ||
	    strnlen(bi.cmdline, sizeof(bi.cmdline)) == sizeof(bi.cmdline) ||
	    strnlen(bi.cpu_model, sizeof(bi.cpu_model)) == sizeof(bi.cpu_model))
		die("boot_info overflowed");
	for (size_t i = 0; i < bi.n_ram; i++)
		if (bi.ram[i].end <= bi.ram[i].start)
			die("empty RAM region recorded");
	for (size_t i = 0; i < bi.n_reserved; i++)
		if (bi.reserved[i].end <= bi.reserved[i].start ||
		    (bi.reserved[i].start | bi.reserved[i].end) % PAGE_SIZE)
			die("bad reserved region recorded");
	if (bi.initrd_start && bi.initrd_end <= bi.initrd_start)
		die("inverted initrd accepted");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 4 && data[0] == 0xd0 && data[1] == 0x0d && data[2] == 0xfe && data[3] == 0xed) {
		check_blob(data, size);
		return 0;
	}
	/* [split:2][structure][strings]: wrap in a valid header, an empty
	 * reservation map first. */
	if (size < 2)
		return 0;
	size_t split = ((size_t)data[0] << 8 | data[1]) % (size - 1);
	size_t st_len = split & ~(size_t)3, str_len = size - 2 - split;
	size_t total = 40 + 16 + st_len + str_len;
	uint8_t *blob = calloc(1, total);
	if (!blob)
		return 0;
	put32(blob, 0xd00dfeed);
	put32(blob + 4, (uint32_t)total);
	put32(blob + 8, 56);
	put32(blob + 12, (uint32_t)(56 + st_len));
	put32(blob + 16, 40);
	put32(blob + 20, 17);
	put32(blob + 24, 16);
	put32(blob + 32, (uint32_t)str_len);
	put32(blob + 36, (uint32_t)st_len);
	memcpy(blob + 56, data + 2, st_len);
	memcpy(blob + 56 + st_len, data + 2 + split, str_len);
	check_blob(blob, total);
	free(blob);
	return 0;
}
