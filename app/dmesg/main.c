// SPDX-License-Identifier: BSD-2-Clause
// dmesg: the kernel log, as much of it as the kernel's ring still holds,
// each record as "[seconds.micro] text" (the kernel's own console form).
// It reads through the program's log handle (vg_log_read), which allows
// reading when whoever started the program could read the log.
#include "../lib/util.h"
#include <getopt.h>
#include <stdint.h>
#include <vg/vg.h>

int main(int argc, char **argv)
{
	util_init(argv, "dmesg");
	if (getopt(argc, argv, "") != -1)
		util_usage("");
	if (optind < argc) {
		util_warnx("extra operand '%s'", argv[optind]);
		return 2;
	}
	union {
		struct vg_log_record rec;
		char bytes[sizeof(struct vg_log_record) + 1024];
	} u;
	long st;
	for (uint64_t seq = 0; (st = vg_log_read(vg_log_handle(), seq, &u.rec, sizeof(u))) >= 0;
	     seq = u.rec.seq + 1) {
		uint32_t len = u.rec.len;
		if (len && u.rec.text[len - 1] == '\n')
			len--;
		printf("[%5llu.%06llu] %.*s\n", (unsigned long long)(u.rec.time_ns / 1000000000),
		       (unsigned long long)(u.rec.time_ns / 1000 % 1000000), (int)len, u.rec.text);
	}
	if (st != ERR_NOT_FOUND) { /* else: past the newest record */
		util_warnx("cannot read the kernel log (error %ld)", st);
		return util_finish(1);
	}
	return util_finish(0);
}
