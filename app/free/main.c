// SPDX-License-Identifier: BSD-2-Clause
// free: the machine's memory, from the kernel (memory_info): usable RAM,
// what is in use (by the kernel and every process) and what is free, in
// KiB (default), MiB (-m) or bytes (-b). There is no swap.
#include "../lib/util.h"
#include <getopt.h>
#include <vg/vg.h>

int main(int argc, char **argv)
{
	util_init(argv, "free");
	unsigned long long unit = 1024;
	int c;
	while ((c = getopt(argc, argv, "bkm")) != -1) {
		if (c == 'b')
			unit = 1;
		else if (c == 'k')
			unit = 1024;
		else if (c == 'm')
			unit = 1024 * 1024;
		else
			util_usage("[-b|-k|-m]");
	}
	if (optind < argc) {
		util_warnx("extra operand '%s'", argv[optind]);
		return 2;
	}
	struct vg_memory_info m;
	long st = vg_memory_info(&m);
	if (st) {
		util_warnx("cannot read the memory figures (error %ld)", st);
		return 1;
	}
	printf("%-6s %12s %12s %12s\n", "", "total", "used", "free");
	printf("%-6s %12llu %12llu %12llu\n", "Mem:", (unsigned long long)m.total / unit,
	       (unsigned long long)(m.total - m.free) / unit, (unsigned long long)m.free / unit);
	return util_finish(0);
}
