// SPDX-License-Identifier: BSD-2-Clause
// Programs started from the boot archive with vg_spawn: arguments,
// environment and handles arrive; malformed images are refused with a
// reason.
#include "../utest.h"
#include <kernel/elf.h>

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

/* A duplicate of notification n, to give away. */
static long give_note(vg_handle_t n, vg_handle_t *out)
{
	struct vg_handle_info info;
	long st = vg_handle_info(n, &info);
	return st ? st : vg_handle_duplicate(n, info.rights, out);
}

/* Starts spawnee "hold" from image, with ready and a notification of its
 * own (*go) that ends it; 0 once it is ready (holding its memory). */
static long hold(const void *image, size_t len, vg_handle_t ready, vg_handle_t *go,
		 vg_handle_t *child)
{
	static const char *const argv[] = { "spawnee", "hold", NULL };
	struct vg_startup_handle hs[2] = { { .tag = VG_HTAG_USER + 9 },
					   { .tag = VG_HTAG_USER + 8 } };
	long st = vg_notification_create(go);
	if (st)
		return st;
	st = give_note(ready, &hs[0].handle);
	if (!st && (st = give_note(*go, &hs[1].handle)))
		vg_handle_close(hs[0].handle);
	struct vg_spawn_req req = {
		.image = image, .len = len, .argv = argv, .handles = hs, .nhandles = 2
	};
	if (!st)
		st = vg_spawn(&req, child, NULL);
	return st ? st : vg_notification_wait(ready, vg_clock_monotonic() + 2000000000ull) < 0;
}

/* The bytes of a program's read-only segments. */
static uint64_t read_only_bytes(const void *image)
{
	const Elf64_Ehdr *eh = image;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)((const uint8_t *)image + eh->e_phoff);
	uint64_t n = 0;
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && !(ph[i].p_flags & PF_W))
			n += ph[i].p_memsz;
	return n;
}

/* A static PIE from the boot archive runs on the archive's pages (lib/vg/
 * elfmap.c): its read-only segments take no memory, unlike a copy of the
 * same file elsewhere; its writable ones are its own, relocated (a write
 * reaches no other instance, nor the archive), the zero-filled part
 * zero. */
UTEST(spawn_maps_a_relocated_program_from_the_boot_archive)
{
	const void *image;
	size_t len;
	CHECK_EQ(vg_initrd_find("bin/spawnee-pie", &image, &len), 0);
	uint64_t ro = read_only_bytes(image);
	CHECK(ro >= 4 * 4096);
	uint32_t sum = 0;
	for (size_t i = 0; i < len; i++)
		sum = sum * 31 + ((const uint8_t *)image)[i];
	vg_handle_t copy_vmo, ready, go[3], a, b, c;
	uintptr_t copy = 0;
	size_t pages = (len + 4095) & ~(size_t)4095;
	CHECK_EQ(vg_vmo_create(pages, 0, &copy_vmo), 0);
	CHECK_EQ(vg_vm_map(vg_self(), copy_vmo, 0, pages, VG_VM_READ | VG_VM_WRITE, &copy), 0);
	vg_handle_close(copy_vmo);
	memcpy((void *)copy, image, len);
	CHECK_EQ(vg_notification_create(&ready), 0);
	long free0 = vg_memory_free();
	CHECK_EQ(hold(image, len, ready, &go[0], &a), 0);
	long free1 = vg_memory_free();
	CHECK_EQ(hold((const void *)copy, len, ready, &go[1], &b), 0);
	long free2 = vg_memory_free();
	/* a has changed its data: c still sees the file's. */
	CHECK_EQ(hold(image, len, ready, &go[2], &c), 0);
	vg_printf("spawn: %ld KiB for a program from the archive, %ld KiB for a copy "
		  "(%lu KiB read-only)\n",
		  (free0 - free1) / 1024, (free1 - free2) / 1024, (unsigned long)ro / 1024);
	CHECK(free1 - free2 >= free0 - free1 + (long)ro / 2);
	for (int i = 0; i < 3; i++)
		CHECK_EQ(vg_notification_signal(go[i], 1), 0);
	CHECK_EQ(exit_code(a), 70);
	CHECK_EQ(exit_code(b), 70);
	CHECK_EQ(exit_code(c), 70);
	uint32_t after = 0;
	for (size_t i = 0; i < len; i++)
		after = after * 31 + ((const uint8_t *)image)[i];
	CHECK_EQ(after, sum);
	vg_handle_close(a);
	vg_handle_close(b);
	vg_handle_close(c);
	vg_handle_close(ready);
	for (int i = 0; i < 3; i++)
		vg_handle_close(go[i]);
	vg_vm_unmap(vg_self(), copy, pages);
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
