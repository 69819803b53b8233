// SPDX-License-Identifier: BSD-2-Clause
// The line discipline (ldisc.h): canonical editing, echo, signal
// characters, VMIN/VTIME, output processing.
#define _DEFAULT_SOURCE /* glibc's termios.h hides ECHOCTL & co. otherwise (host tests) */
#include "ldisc.h"

#include <signal.h>
#include <string.h>

#define CONTROL(c) ((c)&0x1f)
#define DEL 0x7f
#define NS_PER_DECISECOND 100000000ull

void ldisc_init(struct ldisc *ld)
{
	memset(ld, 0, sizeof(*ld));
	struct ldisc_mode *m = &ld->mode;
	m->iflag = ICRNL;
	m->oflag = OPOST | ONLCR;
	m->cflag = CS8 | CREAD | CLOCAL;
	m->lflag = ICANON | ECHO | ECHOE | ECHOK | ECHOKE | ECHOCTL | ISIG | IEXTEN;
	m->cc[VINTR] = CONTROL('C');
	m->cc[VQUIT] = CONTROL('\\');
	m->cc[VERASE] = DEL;
	m->cc[VKILL] = CONTROL('U');
	m->cc[VEOF] = CONTROL('D');
	m->cc[VSUSP] = CONTROL('Z');
	m->cc[VWERASE] = CONTROL('W');
	m->cc[VMIN] = 1;
	m->cc[VTIME] = 0;
}

void ldisc_get(const struct ldisc *ld, struct ldisc_mode *mode)
{
	*mode = ld->mode;
}

static bool canonical(const struct ldisc *ld)
{
	return ld->mode.lflag & ICANON;
}

/* Bytes that belong to complete lines (canonical) or are readable (raw). */
static size_t committed(const struct ldisc *ld)
{
	if (!canonical(ld))
		return ld->in_len;
	size_t n = 0;
	for (size_t i = 0; i < ld->nlines; i++)
		n += ld->lines[i];
	return n;
}

/* Whether ^S and ^Q stop and start output (IXON with those characters),
 * which packet mode reports. */
static bool stop_start(const struct ldisc_mode *m)
{
	return (m->iflag & IXON) && m->cc[VSTOP] == CONTROL('S') && m->cc[VSTART] == CONTROL('Q');
}

void ldisc_set(struct ldisc *ld, const struct ldisc_mode *mode)
{
	bool was_canon = canonical(ld);
	if (stop_start(&ld->mode) != stop_start(mode)) {
		ld->pkt &= (unsigned char)~(LDISC_PKT_NOSTOP | LDISC_PKT_DOSTOP);
		ld->pkt |= stop_start(mode) ? LDISC_PKT_DOSTOP : LDISC_PKT_NOSTOP;
	}
	ld->mode = *mode;
	if (was_canon && !canonical(ld)) {
		ld->nlines = 0; /* every byte is readable now */
	} else if (!was_canon && canonical(ld)) {
		ld->nlines = 0;
		if (ld->in_len)
			ld->lines[ld->nlines++] = ld->in_len;
	}
	ld->wait_since_ns = 0;
}

/* ---- output ---- */

size_t ldisc_out_room(const struct ldisc *ld)
{
	return LDISC_OUT_SIZE - ld->out_len;
}

static bool out_put(struct ldisc *ld, const char *s, size_t n)
{
	if (ldisc_out_room(ld) < n)
		return false;
	for (size_t i = 0; i < n; i++)
		ld->out[(ld->out_head + ld->out_len++) % LDISC_OUT_SIZE] = (unsigned char)s[i];
	return true;
}

/* One byte of output with OPOST processing; false when it does not fit. */
static bool out_byte(struct ldisc *ld, unsigned char c)
{
	tcflag_t o = ld->mode.oflag;
	if (o & OPOST) {
		if (c == '\n' && (o & ONLCR))
			return out_put(ld, "\r\n", 2);
		if (c == '\r' && (o & OCRNL))
			c = '\n';
	}
	return out_put(ld, (const char *)&c, 1);
}

size_t ldisc_write(struct ldisc *ld, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i = 0;
	while (i < len && out_byte(ld, p[i]))
		i++;
	return i;
}

size_t ldisc_out_take(struct ldisc *ld, void *buf, size_t max)
{
	unsigned char *p = buf;
	size_t n = 0;
	for (; n < max && ld->out_len; n++, ld->out_len--) {
		p[n] = ld->out[ld->out_head];
		ld->out_head = (ld->out_head + 1) % LDISC_OUT_SIZE;
	}
	return n;
}

/* ---- echo ---- */

/* Echoes c and returns how many columns it took. */
static unsigned char echo(struct ldisc *ld, unsigned char c)
{
	if ((ld->mode.lflag & ECHOCTL) && (c < 0x20 || c == DEL) && c != '\n' && c != '\t') {
		char s[2] = { '^', (char)(c == DEL ? '?' : c + '@') };
		out_put(ld, s, 2);
		return 2;
	}
	out_byte(ld, c);
	return 1;
}

/* Takes the last byte of the edited line back, on the screen too. */
static void rub_out(struct ldisc *ld)
{
	size_t line_start = committed(ld);
	if (ld->in_len == line_start)
		return;
	ld->in_len--;
	if ((ld->mode.lflag & (ECHO | ECHOE)) == (ECHO | ECHOE))
		for (unsigned w = ld->width[ld->in_len]; w; w--)
			out_put(ld, "\b \b", 3);
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t';
}

/* ---- input ---- */

static void commit_line(struct ldisc *ld)
{
	size_t len = ld->in_len - committed(ld);
	if (ld->nlines < LDISC_LINES)
		ld->lines[ld->nlines++] = len;
}

/* Appends c to the input; in canonical mode one byte stays free for the
 * line's terminator, so that a full line can still be ended. */
static bool append(struct ldisc *ld, unsigned char c, bool terminator)
{
	size_t limit = LDISC_IN_SIZE - (canonical(ld) && !terminator ? 1 : 0);
	if (ld->in_len >= limit || (canonical(ld) && ld->nlines >= LDISC_LINES))
		return false;
	ld->width[ld->in_len] = 0;
	ld->in[ld->in_len++] = c;
	return true;
}

static bool is_cc(const struct ldisc *ld, int idx, unsigned char c)
{
	/* _POSIX_VDISABLE (0) disables a character. */
	return ld->mode.cc[idx] && ld->mode.cc[idx] == c;
}

static int signal_char(struct ldisc *ld, unsigned char c)
{
	if (!(ld->mode.lflag & ISIG))
		return 0;
	int sig = is_cc(ld, VINTR, c) ? SIGINT
		: is_cc(ld, VQUIT, c) ? SIGQUIT
		: is_cc(ld, VSUSP, c) ? SIGTSTP
				      : 0;
	if (!sig)
		return 0;
	if (!(ld->mode.lflag & NOFLSH))
		ldisc_flush(ld, TCIOFLUSH);
	if (ld->mode.lflag & ECHO)
		echo(ld, c);
	return sig;
}

/* Canonical editing characters; true when c was one. */
static bool edit_char(struct ldisc *ld, unsigned char c)
{
	tcflag_t l = ld->mode.lflag;
	/* Both DEL and ^H erase, whichever VERASE names: terminals send either. */
	if (is_cc(ld, VERASE, c) || c == DEL || c == '\b') {
		rub_out(ld);
		return true;
	}
	if (is_cc(ld, VKILL, c)) {
		if ((l & ECHO) && !(l & ECHOKE) && (l & ECHOK)) {
			ld->in_len = committed(ld);
			out_byte(ld, '\n');
		} else {
			while (ld->in_len > committed(ld))
				rub_out(ld);
		}
		return true;
	}
	if ((l & IEXTEN) && is_cc(ld, VWERASE, c)) {
		size_t start = committed(ld);
		while (ld->in_len > start && is_space(ld->in[ld->in_len - 1]))
			rub_out(ld);
		while (ld->in_len > start && !is_space(ld->in[ld->in_len - 1]))
			rub_out(ld);
		return true;
	}
	if (is_cc(ld, VEOF, c)) {
		commit_line(ld); /* without the ^D; empty: an end of file */
		return true;
	}
	return false;
}

int ldisc_input(struct ldisc *ld, unsigned char c, uint64_t now)
{
	struct ldisc_mode *m = &ld->mode;
	ld->last_rx_ns = now;
	if (m->iflag & ISTRIP)
		c &= 0x7f;
	if (c == '\r') {
		if (m->iflag & IGNCR)
			return 0;
		if (m->iflag & ICRNL)
			c = '\n';
	} else if (c == '\n' && (m->iflag & INLCR)) {
		c = '\r';
	}
	int sig = signal_char(ld, c);
	if (sig)
		return sig;
	if (canonical(ld)) {
		if (edit_char(ld, c))
			return 0;
		bool end = c == '\n' || is_cc(ld, VEOL, c) || is_cc(ld, VEOL2, c);
		if (!append(ld, c, end))
			return 0; /* full: dropped, as Linux does (it may ring the bell) */
		if (m->lflag & ECHO)
			ld->width[ld->in_len - 1] = echo(ld, c);
		else if (c == '\n' && (m->lflag & ECHONL))
			out_byte(ld, '\n');
		if (end)
			commit_line(ld);
		return 0;
	}
	if (append(ld, c, false) && (m->lflag & ECHO))
		echo(ld, c);
	return 0;
}

/* ---- reading ---- */

static void consume(struct ldisc *ld, void *buf, size_t n)
{
	memcpy(buf, ld->in, n);
	memmove(ld->in, ld->in + n, ld->in_len - n);
	memmove(ld->width, ld->width + n, ld->in_len - n);
	ld->in_len -= n;
}

static long read_canonical(struct ldisc *ld, void *buf, size_t count)
{
	if (!ld->nlines)
		return LDISC_WOULD_BLOCK;
	size_t n = ld->lines[0] < count ? ld->lines[0] : count;
	consume(ld, buf, n);
	if (n == ld->lines[0]) {
		/* The line is done (an end of file is a line of length 0). */
		memmove(ld->lines, ld->lines + 1, (ld->nlines - 1) * sizeof(ld->lines[0]));
		ld->nlines--;
	} else {
		ld->lines[0] -= n;
	}
	return (long)n;
}

bool ldisc_read_ready(const struct ldisc *ld, size_t count, uint64_t now, uint64_t *at)
{
	*at = 0;
	if (canonical(ld))
		return ld->nlines > 0;
	/* POSIX's four cases of MIN and TIME. */
	size_t min = ld->mode.cc[VMIN], avail = ld->in_len;
	uint64_t time = ld->mode.cc[VTIME] * NS_PER_DECISECOND;
	if (min > count)
		min = count;
	if (min == 0 && time == 0)
		return true; /* a poll: what is there, possibly nothing */
	if (min == 0) {
		/* A read timer from the first time a reader asked (none yet:
		 * the first read starts it). */
		if (!ld->wait_since_ns)
			return avail > 0;
		*at = ld->wait_since_ns + time;
		return avail || now - ld->wait_since_ns >= time;
	}
	if (time == 0)
		return avail >= min;
	/* An inter-byte timer, started by the first byte. */
	*at = avail ? ld->last_rx_ns + time : 0;
	return avail >= min || (avail && now - ld->last_rx_ns >= time);
}

static long read_raw(struct ldisc *ld, void *buf, size_t count, uint64_t now, uint64_t *retry_ns)
{
	if (!ld->wait_since_ns && !ld->mode.cc[VMIN] && ld->mode.cc[VTIME])
		ld->wait_since_ns = now;
	if (!ldisc_read_ready(ld, count, now, retry_ns))
		return LDISC_WOULD_BLOCK;
	ld->wait_since_ns = 0;
	size_t n = ld->in_len < count ? ld->in_len : count;
	consume(ld, buf, n);
	return (long)n;
}

long ldisc_read(struct ldisc *ld, void *buf, size_t count, uint64_t now, uint64_t *retry_ns)
{
	*retry_ns = 0;
	if (canonical(ld))
		return read_canonical(ld, buf, count);
	return read_raw(ld, buf, count, now, retry_ns);
}

bool ldisc_readable(const struct ldisc *ld)
{
	return canonical(ld) ? ld->nlines > 0 : ld->in_len > 0;
}

bool ldisc_input_full(const struct ldisc *ld)
{
	if (!canonical(ld))
		return ld->in_len >= LDISC_IN_SIZE;
	return ld->nlines && (ld->in_len >= LDISC_IN_SIZE - 1 || ld->nlines >= LDISC_LINES);
}

void ldisc_flush(struct ldisc *ld, int queue)
{
	if (queue == TCIFLUSH || queue == TCIOFLUSH) {
		ld->in_len = 0;
		ld->nlines = 0;
		ld->pkt |= LDISC_PKT_FLUSHREAD;
	}
	if (queue == TCOFLUSH || queue == TCIOFLUSH) {
		ld->out_len = 0;
		ld->pkt |= LDISC_PKT_FLUSHWRITE;
	}
}
