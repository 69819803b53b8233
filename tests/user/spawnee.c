// SPDX-License-Identifier: BSD-2-Clause
// A program the tests start with vg_spawn (tests/user/utest/t_spawn.c): it
// prints its arguments and environment and exits with a code made of what
// it received, so that the parent can check every part arrived. A
// notification tagged VG_HTAG_USER+7 is signalled with the bits of its arg.
// With "hold" for its argument it reports its data as the file has it,
// changes it, signals VG_HTAG_USER+9 and waits for VG_HTAG_USER+8.
#include <kernel/string.h>
#include <verdigris/errors.h>
#include <vg/vg.h>

/* Initialized data, and zero-filled data after it. */
static volatile int data_probe = 7;
static volatile int bss_probe;

/* "hold": the probes as loaded (70 when the data is the file's and the
 * zero-filled part zero), changed for whoever shares them, then a wait
 * while the parent looks at memory. */
static int hold(void)
{
	int seen = data_probe * 10 + bss_probe;
	data_probe = 99;
	bss_probe = 5;
	vg_handle_t ready = vg_startup_find(VG_HTAG_USER + 9, 0);
	vg_handle_t go = vg_startup_find(VG_HTAG_USER + 8, 0);
	if (ready == VG_HANDLE_INVALID || go == VG_HANDLE_INVALID ||
	    vg_notification_signal(ready, 1))
		return -1;
	vg_notification_wait(go, UINT64_MAX);
	return seen;
}

int main(void)
{
	const struct vg_startup *su = vg_startup();
	const char *const *argv = (const char *const *)(uintptr_t)su->argv;
	const char *const *envp = (const char *const *)(uintptr_t)su->envp;
	if (su->argc == 2 && !strcmp(argv[1], "hold"))
		return hold();
	size_t chars = 0;
	for (uint64_t i = 0; i < su->argc; i++) {
		vg_printf("spawnee: argv[%lu] = %s\n", (unsigned long)i, argv[i]);
		chars += strlen(argv[i]);
	}
	int envc = 0;
	while (envp[envc])
		vg_printf("spawnee: %s\n", envp[envc++]);
	const void *data;
	size_t len;
	bool archive = vg_initrd_find("bin/spawnee", &data, &len) == 0 && len > 0 &&
		vg_initrd_find("bin/no-such-program", &data, &len) == ERR_NOT_FOUND;
	/* Found through the spawner's index of the archive, passed on
	 * (lib/vg/initrd.c): this program did not index it again. */
	bool indexed = su->initrd_index != VG_HANDLE_INVALID && su->initrd_index_slots >= 64;
	for (uint32_t arg = 0; arg < 4; arg++) {
		vg_handle_t n = vg_startup_find(VG_HTAG_USER + 7, arg);
		if (n != VG_HANDLE_INVALID && vg_notification_signal(n, 1u << arg))
			return -1;
	}
	/* argc, characters of arguments, environment entries, the archive,
	 * its index. */
	return ((int)(su->argc * 1000 + chars * 10 + (size_t)envc) * 2 + archive) * 2 + indexed;
}
