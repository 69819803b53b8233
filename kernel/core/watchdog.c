// SPDX-License-Identifier: BSD-2-Clause
// The test boots' watchdog. A hang in a test boot ends in the harness's
// timeout with nothing in the log to say who waits on what; so when the
// log has been silent for WATCHDOG_SILENCE_NS, every thread's state is
// printed (once per silence), and the timeout's log shows it.
#include <kernel/log.h>
#include <kernel/logring.h>
#include <kernel/thread.h>
#include <kernel/time.h>
#include <kernel/watchdog.h>

#define SECOND 1000000000ull
#define WATCHDOG_PERIOD_NS (10 * SECOND)
#define WATCHDOG_SILENCE_NS (60 * SECOND)

/* Reads the log past seq: whether anything was there. */
static bool log_moved(uint64_t *seq)
{
	struct logring_rec rec;
	bool moved = false;
	while (klog_read(seq, &rec))
		moved = true;
	return moved;
}

static void watchdog(void *arg)
{
	(void)arg;
	uint64_t seq = 0, quiet_since = time_ns();
	for (;;) {
		thread_sleep_until(time_ns() + WATCHDOG_PERIOD_NS);
		uint64_t now = time_ns();
		if (log_moved(&seq)) {
			quiet_since = now;
		} else if (now - quiet_since >= WATCHDOG_SILENCE_NS) {
			kprintf("watchdog: the log has been silent for %llu s; the threads:\n",
				(unsigned long long)((now - quiet_since) / SECOND));
			sched_dump_threads();
			log_moved(&seq); /* our own lines are not news */
			quiet_since = time_ns();
		}
	}
}

void watchdog_start(void)
{
	thread_create_kernel("watchdog", watchdog, NULL, PRIO_MAX);
}
