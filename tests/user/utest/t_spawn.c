// SPDX-License-Identifier: BSD-2-Clause
// Programs started from the boot archive with vg_spawn: arguments,
// environment and handles arrive; malformed images are refused with a
// reason.
#include "../utest.h"

/* Waits for child's exit code. */
static long exit_code(vg_handle_t child)
{
	vg_handle_t port;
	struct vg_port_packet pkt;
	long st = vg_port_create(&port);
	if (!st)
		st = vg_port_bind(port, child, 1);
	if (!st)
		st = next_packet(port, 2000000000, &pkt);
	vg_handle_close(port);
	return st ? st - 1000000 : (long)pkt.data[0];
}

UTEST(spawn_a_program_from_the_boot_archive)
{
	const void *image;
	size_t len;
	CHECK_EQ(vg_initrd_find("bin/spawnee", &image, &len), 0);
	static const char *const argv[] = { "spawnee", "one", "three", NULL };
	static const char *const envp[] = { "HOME=/", "TERM=vt100", NULL };
	vg_handle_t child;
	const char *why = NULL;
	CHECK_EQ(vg_spawn(image, len, argv, envp, &child, &why), 0);
	/* 3 arguments of 15 characters, 2 variables, the archive: */
	CHECK_EQ(exit_code(child), (3 * 1000 + 15 * 10 + 2) * 2 + 1);
	vg_handle_close(child);
	/* No arguments at all. */
	CHECK_EQ(vg_spawn(image, len, NULL, NULL, &child, &why), 0);
	CHECK_EQ(exit_code(child), 1);
	vg_handle_close(child);
	CHECK_EQ(vg_initrd_find("bin/no-such-program", &image, &len), ERR_NOT_FOUND);
}

UTEST(spawn_refuses_malformed_images)
{
	const void *image;
	size_t len;
	CHECK_EQ(vg_initrd_find("bin/spawnee", &image, &len), 0);
	vg_handle_t child = 0;
	const char *why = NULL;
	CHECK_EQ(vg_spawn(image, 40, NULL, NULL, &child, &why), ERR_BAD_FORMAT); /* truncated */
	CHECK(why != NULL && *why);
	static uint8_t junk[256];
	memset(junk, 0x5a, sizeof(junk));
	why = NULL;
	CHECK_EQ(vg_spawn(junk, sizeof(junk), NULL, NULL, &child, &why), ERR_BAD_FORMAT);
	CHECK(why != NULL && *why);
	/* A copy with its entry point moved outside every segment. */
	static uint8_t copy[64 * 1024];
	if (len <= sizeof(copy)) {
		memcpy(copy, image, len);
		uint64_t bad_entry = 0x10;
		memcpy(copy + 24, &bad_entry, sizeof(bad_entry)); /* e_entry */
		why = NULL;
		CHECK_EQ(vg_spawn(copy, len, NULL, NULL, &child, &why), ERR_BAD_FORMAT);
		CHECK(why != NULL && *why);
	}
	CHECK_EQ(child, 0); /* nothing was made */
	/* Arguments that do not fit the startup block. */
	static char huge[20000];
	memset(huge, 'x', sizeof(huge) - 1);
	const char *const argv[] = { huge, NULL };
	CHECK_EQ(vg_spawn(image, len, argv, NULL, &child, &why), ERR_OUT_OF_RANGE);
}
