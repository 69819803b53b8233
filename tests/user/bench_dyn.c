// SPDX-License-Identifier: BSD-2-Clause
// Start-up cost of a program linked statically and of the same program
// linked against the shared C library (tests/user/dyn/empty.c): vg_spawn
// from the boot archive to the exit packet, per program.
#include "bench.h"

static const void *image;
static size_t image_len;

static void spawn_and_wait(int batch)
{
	for (int i = 0; i < batch; i++) {
		vg_handle_t child, port;
		struct vg_port_packet pkt;
		const char *why;
		struct vg_spawn_req req = { .image = image, .len = image_len };
		if (vg_spawn(&req, &child, &why))
			return;
		if (!vg_port_create(&port)) {
			if (!vg_port_bind(port, child, 1))
				vg_port_wait(port, UINT64_MAX, &pkt);
			vg_handle_close(port);
		}
		vg_handle_close(child);
	}
}

static void bench_program(const char *name, const char *path)
{
	if (vg_initrd_find(path, &image, &image_len))
		return;
	bench_report(name, spawn_and_wait, 2);
}

void run_dyn_benchmarks(void)
{
	bench_program("spawn_exit_static_libc", "bin/dynempty-static");
	bench_program("spawn_exit_dynamic_libc", "bin/dynempty");
}
