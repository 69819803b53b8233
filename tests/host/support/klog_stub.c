// SPDX-License-Identifier: BSD-2-Clause
// klog for host builds of kernel/core code (bootinfo.c, fdt_boot.c): the real
// one (kernel/core/log.c) needs the console, the clock and spinlocks. The
// stub formats with the host's vsnprintf and remembers the last message.
#include <host_support.h>
#include <kernel/log.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char host_klog_last[512];
int host_klog_last_level = -1;
unsigned host_klog_count;

void host_klog_reset(void)
{
	host_klog_last[0] = 0;
	host_klog_last_level = -1;
	host_klog_count = 0;
}

void vklog(enum log_level level, const char *fmt, va_list ap)
{
	vsnprintf(host_klog_last, sizeof(host_klog_last), fmt, ap);
	host_klog_last_level = (int)level;
	host_klog_count++;
	/* Quiet by default: the messages are expected in refusal tests. */
	if (getenv("HOST_TEST_VERBOSE"))
		fprintf(stderr, "klog<%d>: %s", (int)level, host_klog_last);
}

void klog(enum log_level level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vklog(level, fmt, ap);
	va_end(ap);
}
