// SPDX-License-Identifier: BSD-2-Clause
// Kernel console output and the log: every klog record lands in the ring
// (the future log service's source) and, by level, on the console.
#include <kernel/fmt.h>
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/logring.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>

static uint8_t ring_buf[64 * 1024] __attribute__((aligned(8)));
static struct logring ring;
static bool ring_ready;
static enum log_level console_level = LOG_INFO;
static spinlock_t console_lock = SPINLOCK_INIT;
static spinlock_t ring_lock = SPINLOCK_INIT;
static bool panicking;

static void console_sink(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			arch_console_putc('\r');
		arch_console_putc(s[i]);
	}
}

void log_panic_takeover(void)
{
	/* The faulting context may hold the lock, and will never release it. */
	__atomic_store_n(&console_lock.locked, 0, __ATOMIC_RELEASE);
	panicking = true;
}

void vkprintf(const char *fmt, va_list ap)
{
	if (panicking) {
		fmt_format(console_sink, NULL, fmt, ap);
		return;
	}
	irqflags_t f = spin_lock_irqsave(&console_lock);
	fmt_format(console_sink, NULL, fmt, ap);
	spin_unlock_irqrestore(&console_lock, f);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vkprintf(fmt, ap);
	va_end(ap);
}

void log_set_console_level(enum log_level level)
{
	console_level = level;
}

bool log_console_shows(enum log_level level)
{
	return level <= console_level;
}

void klog_record(enum log_level level, const char *text, size_t len)
{
	uint64_t now = time_ns();
	irqflags_t f = spin_lock_irqsave(&ring_lock);
	if (!ring_ready) {
		logring_init(&ring, ring_buf, sizeof(ring_buf));
		ring_ready = true;
	}
	logring_append(&ring, level, now, text, len);
	spin_unlock_irqrestore(&ring_lock, f);
}

void vklog(enum log_level level, const char *fmt, va_list ap)
{
	char text[LOGRING_MAX_TEXT + 1];
	int n = vsnprintf(text, sizeof(text), fmt, ap);
	size_t len = n < 0 ? 0 : MIN((size_t)n, sizeof(text) - 1);
	uint64_t now = time_ns();
	klog_record(level, text, len);
	if (level <= console_level)
		kprintf("[%5llu.%06llu] %s", (unsigned long long)(now / 1000000000u),
			(unsigned long long)(now / 1000 % 1000000), text);
}

void klog(enum log_level level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vklog(level, fmt, ap);
	va_end(ap);
}

bool klog_read(uint64_t *seq, struct logring_rec *rec)
{
	irqflags_t f = spin_lock_irqsave(&ring_lock);
	bool ok = ring_ready && logring_read(&ring, seq, rec);
	spin_unlock_irqrestore(&ring_lock, f);
	return ok;
}
