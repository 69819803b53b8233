// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for srv/tty/ldisc.c, which takes bytes from the
// serial line and TIOCSTI (untrusted): the input is a sequence of
// operations - received bytes, reads, mode changes, writes, output taken,
// flushes - at a clock that moves forward. Invariants: the queues stay in
// bounds, complete lines fit in what is buffered, a read never returns
// more than asked, a canonical read blocks exactly when nothing is
// readable, and ldisc_read_ready says what the read then does (and, when
// it waits, a moment to look again that is still to come).
#define _DEFAULT_SOURCE
#include "../../../srv/tty/ldisc.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ldisc ld;

static void die(const char *what)
{
	fprintf(stderr, "FUZZ FAIL: %s\n", what);
	abort();
}

static void check(void)
{
	if (ld.in_len > LDISC_IN_SIZE || ld.out_len > LDISC_OUT_SIZE || ld.nlines > LDISC_LINES ||
	    ld.out_head >= LDISC_OUT_SIZE)
		die("a queue out of bounds");
	size_t sum = 0;
	for (size_t i = 0; i < ld.nlines; i++)
		sum += ld.lines[i];
	if ((ld.mode.lflag & ICANON) && sum > ld.in_len)
		die("complete lines longer than the input");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned char buf[LDISC_IN_SIZE + LDISC_OUT_SIZE];
	ldisc_init(&ld);
	uint64_t now = 1;
	for (size_t i = 0; i + 1 < size; i += 2) {
		uint8_t op = data[i], arg = data[i + 1];
		now += (op >> 4) * 10000000ull;
		switch (op & 7) {
		case 0:
		case 1:
		case 2: ldisc_input(&ld, arg, now); break;
		case 3: {
			bool readable = ldisc_readable(&ld);
			uint64_t retry, at;
			size_t count = arg ? arg * 17u : 0;
			bool ready = count && ldisc_read_ready(&ld, count, now, &at);
			if (count && !ready && at && at <= now)
				die("a reader would wait for a moment already past");
			long n = ldisc_read(&ld, buf, count, now, &retry);
			if (count && ready != (n != LDISC_WOULD_BLOCK))
				die("read_ready and the read disagree");
			if (n != LDISC_WOULD_BLOCK && (n < 0 || (size_t)n > count))
				die("a read returned more than asked");
			if ((ld.mode.lflag & ICANON) && count &&
			    (n == LDISC_WOULD_BLOCK) == readable)
				die("readable and a canonical read disagree");
			break;
		}
		case 4: {
			struct ldisc_mode m;
			ldisc_get(&ld, &m);
			m.lflag ^= (tcflag_t)(arg & 0x0f) << (arg & 0x10 ? 4 : 0);
			m.iflag ^= (tcflag_t)(arg >> 5) << 6; /* ISTRIP INLCR IGNCR... */
			m.oflag ^= arg & 1 ? ONLCR : 0;
			m.cc[VMIN] = arg % 5;
			m.cc[VTIME] = arg % 3;
			ldisc_set(&ld, &m);
			break;
		}
		case 5:
			for (size_t k = 0; k < arg; k++)
				buf[k] = (unsigned char)(arg + k);
			if (ldisc_write(&ld, buf, arg) > arg)
				die("a write took more than given");
			break;
		case 6:
			if (ldisc_out_take(&ld, buf, arg * 20u) > arg * 20u)
				die("took more output than asked");
			break;
		case 7: ldisc_flush(&ld, arg % 3); break;
		}
		check();
	}
	return 0;
}
