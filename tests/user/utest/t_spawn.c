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
	struct vg_spawn_req req = { .image = image, .len = len, .argv = argv, .envp = envp };
	CHECK_EQ(vg_spawn(&req, &child, &why), 0);
	/* 3 arguments of 15 characters, 2 variables, the archive and our
	 * index of it: */
	CHECK_EQ(exit_code(child), ((3 * 1000 + 15 * 10 + 2) * 2 + 1) * 2 + 1);
	vg_handle_close(child);
	/* No arguments at all. */
	req = (struct vg_spawn_req){ .image = image, .len = len };
	CHECK_EQ(vg_spawn(&req, &child, &why), 0);
	CHECK_EQ(exit_code(child), 3);
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
	struct vg_spawn_req req = { .image = image, .len = 40 }; /* truncated */
	CHECK_EQ(vg_spawn(&req, &child, &why), ERR_BAD_FORMAT);
	CHECK(why != NULL && *why);
	static uint8_t junk[256];
	memset(junk, 0x5a, sizeof(junk));
	why = NULL;
	req = (struct vg_spawn_req){ .image = junk, .len = sizeof(junk) };
	CHECK_EQ(vg_spawn(&req, &child, &why), ERR_BAD_FORMAT);
	CHECK(why != NULL && *why);
	/* A copy with its entry point moved outside every segment. */
	static uint8_t copy[64 * 1024];
	if (len <= sizeof(copy)) {
		memcpy(copy, image, len);
		uint64_t bad_entry = 0x10;
		memcpy(copy + 24, &bad_entry, sizeof(bad_entry)); /* e_entry */
		why = NULL;
		req = (struct vg_spawn_req){ .image = copy, .len = len };
		CHECK_EQ(vg_spawn(&req, &child, &why), ERR_BAD_FORMAT);
		CHECK(why != NULL && *why);
	}
	CHECK_EQ(child, 0); /* nothing was made */
	/* Arguments that do not fit the startup block. */
	static char huge[20000];
	memset(huge, 'x', sizeof(huge) - 1);
	const char *const argv[] = { huge, NULL };
	req = (struct vg_spawn_req){ .image = image, .len = len, .argv = argv };
	CHECK_EQ(vg_spawn(&req, &child, &why), ERR_OUT_OF_RANGE);
}

/* Tagged handles arrive in the child (which signals the notifications it
 * finds) and are consumed from the caller, on success and on failure. */
UTEST(spawn_passes_tagged_handles)
{
	const void *image;
	size_t len;
	CHECK_EQ(vg_initrd_find("bin/spawnee", &image, &len), 0);
	vg_handle_t note, a, b;
	CHECK_EQ(vg_notification_create(&note), 0);
	struct vg_handle_info info;
	CHECK_EQ(vg_handle_info(note, &info), 0);
	uint32_t rights = info.rights;
	CHECK_EQ(vg_handle_duplicate(note, rights, &a), 0);
	CHECK_EQ(vg_handle_duplicate(note, rights, &b), 0);
	struct vg_startup_handle hs[] = {
		{ .tag = VG_HTAG_USER + 7, .arg = 1, .handle = a },
		{ .tag = VG_HTAG_USER + 7, .arg = 3, .handle = b },
	};
	struct vg_spawn_req req = { .image = image, .len = len, .handles = hs, .nhandles = 2 };
	vg_handle_t child;
	CHECK_EQ(vg_spawn(&req, &child, NULL), 0);
	CHECK_EQ(exit_code(child), 3);
	vg_handle_close(child);
	uint64_t a6[6] = { note, 0, 0, 0, 0, 0 }, bits[5];
	CHECK_EQ(vg_syscall6_r(VG_SYS_notification_wait, a6, bits), 0);
	CHECK_EQ(bits[0], 0xa); /* both handles arrived under their args */
	CHECK_EQ(vg_handle_info(a, &info), ERR_BAD_HANDLE); /* moved */
	/* A failed spawn consumes them too. */
	CHECK_EQ(vg_handle_duplicate(note, rights, &a), 0);
	hs[0].handle = a;
	req.len = 40;
	req.nhandles = 1;
	CHECK_EQ(vg_spawn(&req, &child, NULL), ERR_BAD_FORMAT);
	CHECK_EQ(vg_handle_info(a, &info), ERR_BAD_HANDLE);
	static struct vg_startup_handle many[VG_SPAWN_MAX_HANDLES + 1]; /* invalid ones */
	req = (struct vg_spawn_req){ .image = image, .len = len, .handles = many };
	req.nhandles = VG_SPAWN_MAX_HANDLES + 1;
	CHECK_EQ(vg_spawn(&req, &child, NULL), ERR_OUT_OF_RANGE);
	vg_handle_close(note);
}
