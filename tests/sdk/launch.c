// SPDX-License-Identifier: BSD-2-Clause
// The root task of the test suite's boot of the SDK's dynamic programs
// (tools/testsuite.py, sdk_build): the kernel starts only static programs,
// so this one, static, built with the SDK's bin/cc, starts each dynamic
// program from the boot archive with libvg's vg_spawn (which hands it to
// /lib/ld.so) with descriptors 1 and 2 on the log (vg_spawn_log_fds, as
// init gives its services) and reports its exit status. Every line they
// print is checked.
#include <stdio.h>
#include <vg/vg.h>

/* Generous: a loaded 2-core machine runs these in well under a second. */
#define WAIT_NS (60 * 1000000000ull)

static const char *const programs[] = { "bin/posix-dyn", "bin/uselib-sdk" };

/* Starts path and waits for its end: its exit code, or -1 with why set. */
static long run(const char *path, const char **why)
{
	const void *image;
	size_t len;
	if (vg_initrd_find(path, &image, &len)) {
		*why = "not in the boot archive";
		return -1;
	}
	const char *const argv[] = { path, NULL };
	struct vg_startup_handle fds[2];
	if (vg_spawn_log_fds(fds)) {
		*why = "no log descriptors";
		return -1;
	}
	struct vg_spawn_req req = {
		.image = image, .len = len, .argv = argv, .handles = fds, .nhandles = 2
	};
	vg_handle_t child, port;
	if (vg_spawn(&req, &child, why))
		return -1;
	struct vg_port_packet pkt;
	long st = vg_port_create(&port);
	if (!st)
		st = vg_port_bind(port, child, 1);
	if (!st)
		st = vg_port_wait(port, (uint64_t)vg_clock_monotonic() + WAIT_NS, &pkt);
	vg_handle_close(port);
	vg_handle_close(child);
	if (st || pkt.status) {
		*why = "no exit seen";
		return -1;
	}
	return (long)pkt.data[0];
}

int main(void)
{
	int problems = 0;
	for (size_t i = 0; i < sizeof programs / sizeof programs[0]; i++) {
		const char *why = "";
		long code = run(programs[i], &why);
		if (code < 0)
			printf("sdk-launch: %s: %s\n", programs[i], why);
		else
			printf("sdk-launch: %s exited %ld\n", programs[i], code);
		problems += code != 0;
	}
	printf("sdk-launch: done, %d problems\n", problems);
	return problems;
}
