// SPDX-License-Identifier: BSD-2-Clause
// Dynamic linking (docs/ARCHITECTURE.md, section 16): the same program
// linked statically, as a static PIE, against the shared C library and as
// a PIE against it gives the same checked results; dlopen, dlsym and
// dlerror work and hostile shared objects are refused (tests/user/dyn).
#include "../utest.h"

/* Spawns bin/<name> from the boot archive with the environment envp and
 * waits for its exit code; a negative value below -1000000 when it could
 * not. */
static long run_env(const char *path, const char *const *envp)
{
	const void *image;
	size_t len;
	const char *why = "";
	vg_handle_t child, port;
	struct vg_port_packet pkt;
	if (vg_initrd_find(path, &image, &len))
		return -2000000;
	const char *const argv[] = { path, NULL };
	struct vg_spawn_req req = { .image = image, .len = len, .argv = argv, .envp = envp };
	long st = vg_spawn(&req, &child, &why);
	if (st) {
		vg_printf("dyn: %s: %s\n", path, why);
		return st - 1000000;
	}
	st = vg_port_create(&port);
	if (!st)
		st = vg_port_bind(port, child, 1);
	if (!st)
		st = next_packet(port, 10000000000ull, &pkt);
	vg_handle_close(port);
	vg_handle_close(child);
	return st ? st - 1000000 : (long)pkt.data[0];
}

static long run(const char *path)
{
	return run_env(path, NULL);
}

UTEST(dyn_static_pie_and_shared_links_agree)
{
	long fixed = run("bin/dyncheck-static");
	/* dyncheck's digest of passed checks is 2-255; 1 is a failure. */
	CHECK(fixed >= 2 && fixed <= 255);
	CHECK_EQ(run("bin/dyncheck-pie"), fixed);
	CHECK_EQ(run("bin/dyncheck"), fixed);
	CHECK_EQ(run("bin/dyncheck-dynpie"), fixed);
}

UTEST(dyn_dlopen_dlsym_and_hostile_objects)
{
	CHECK_EQ(run("bin/dlmain"), 0);
}

UTEST(dyn_loader_refusals_end_the_process_with_127)
{
	/* ld.so started as a program has no program to load. */
	CHECK_EQ(run("lib/ld.so"), 127);
	/* A program needing a library the image lacks does not start. */
	CHECK_EQ(run("bin/dynmissing"), 127);
	/* The static program it is built from runs. */
	CHECK_EQ(run("bin/dynempty-static"), 0);
}

UTEST(dyn_library_path)
{
	/* The missing library is in lib/alt: found through LD_LIBRARY_PATH
	 * (after a directory that does not have it, with or without the
	 * leading slash), not otherwise. A program without a VFS runs as
	 * root: no secure mode (t_setuid.c has the set-id case). */
	const char *const alt[] = { "LD_LIBRARY_PATH=/nowhere::lib/alt", NULL };
	const char *const other[] = { "LD_LIBRARY_PATH=/lib", NULL };
	const char *const empty[] = { "LD_LIBRARY_PATH=", NULL };
	CHECK_EQ(run_env("bin/dynmissing", alt), 0);
	CHECK_EQ(run_env("bin/dynmissing", other), 127);
	CHECK_EQ(run_env("bin/dynmissing", empty), 127);
	CHECK_EQ(run("bin/dynmissing"), 127);
}

UTEST(dyn_preload_interposes)
{
	/* libdynpre.so's getpagesize comes before libc.so's (the program's
	 * DT_NEEDED library) for the program: by name (found in /lib), by
	 * path, after a missing one (reported and skipped) and with spaces
	 * for separators. The program alone sees the C library's. */
	const char *const by_name[] = { "LD_PRELOAD=libdynpre.so", NULL };
	const char *const by_path[] = { "LD_PRELOAD=/lib/libdynpre.so", NULL };
	const char *const missing[] = { "LD_PRELOAD=libnone.so:: libdynpre.so", NULL };
	const char *const only_missing[] = { "LD_PRELOAD=/lib/nowhere.so", NULL };
	CHECK_EQ(run("bin/dynpreload"), 0);
	CHECK_EQ(run_env("bin/dynpreload", by_name), 42);
	CHECK_EQ(run_env("bin/dynpreload", by_path), 42);
	CHECK_EQ(run_env("bin/dynpreload", missing), 42);
	CHECK_EQ(run_env("bin/dynpreload", only_missing), 0);
}
