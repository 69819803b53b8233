// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/fmt.h>
#include <kernel/ktest.h>
#include <kernel/log.h>
#include <kernel/logring.h>
#include <kernel/string.h>

KTEST(log_records_reach_the_ring)
{
	static struct logring_rec rec;
	log_set_console_level(LOG_NOTICE); /* keep the test's record off the console */
	klog(LOG_INFO, "ktest marker %d\n", 12345);
	log_set_console_level(LOG_INFO);
	uint64_t seq = 0;
	bool found = false;
	while (klog_read(&seq, &rec))
		if (!strcmp(rec.text, "ktest marker 12345\n") && rec.level == LOG_INFO)
			found = true;
	KT_EXPECT(found);
}

KTEST(fmt_kernel_formatting)
{
	char buf[64];
	KT_EXPECT_EQ(snprintf(buf, sizeof(buf), "%d|%5s|%-4x|%#llx", -7, "ab", 255, 0x10ull), 18);
	KT_EXPECT(!strcmp(buf, "-7|   ab|ff  |0x10"));
	KT_EXPECT_EQ(snprintf(buf, 4, "%s", "truncated"), 9);
	KT_EXPECT(!strcmp(buf, "tru"));
}
