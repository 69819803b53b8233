// SPDX-License-Identifier: BSD-2-Clause
// Formatted output to the kernel log: the kernel's formatter (fmt_format)
// feeding a per-call buffer that goes out through log_write a line at a
// time.
#include <kernel/fmt.h>
#include <vg/vg.h>

// The kernel keeps at most 255 bytes of text per log record
// (LOGRING_MAX_TEXT) and every log_write makes one record, so a longer line
// is split at 255 bytes rather than truncated by the kernel.
#define OUT_BUF 256
#define OUT_RECORD_MAX (OUT_BUF - 1)

struct out {
	char buf[OUT_BUF];
	size_t used;
	long err; // the first failed log_write's code, 0 if none
};

static void out_flush(struct out *o)
{
	if (!o->used)
		return;
	long r = vg_log_write(vg_log_handle(), o->buf, o->used);
	if (r < 0 && !o->err)
		o->err = r;
	o->used = 0;
}

static void out_sink(void *ctx, const char *s, size_t n)
{
	struct out *o = ctx;
	for (size_t i = 0; i < n; i++) {
		o->buf[o->used++] = s[i];
		// One record per line, newline included (as the kernel's own
		// records), so the log reads as the program wrote it.
		if (s[i] == '\n' || o->used == OUT_RECORD_MAX)
			out_flush(o);
	}
}

int vg_vprintf(const char *fmt, va_list ap)
{
	// On the stack, not static: concurrent callers need no lock, and
	// nothing is left unwritten in a buffer when the program dies.
	struct out o;
	o.used = 0;
	o.err = 0;
	size_t n = fmt_format(out_sink, &o, fmt, ap);
	out_flush(&o);
	if (o.err)
		return (int)o.err;
	return n > (size_t)__INT_MAX__ ? __INT_MAX__ : (int)n;
}

int vg_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vg_vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int vg_puts(const char *s)
{
	return vg_printf("%s\n", s);
}
