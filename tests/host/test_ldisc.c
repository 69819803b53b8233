// SPDX-License-Identifier: BSD-2-Clause
// srv/tty/ldisc.c: the line discipline, byte by byte.
#define _DEFAULT_SOURCE
#include "../../srv/tty/ldisc.h"

#include <signal.h>
#include <string.h>
#include <vtest.h>

#define MS 1000000ull

static struct ldisc ld;

static int type(const char *s, uint64_t now)
{
	int sig = 0;
	for (; *s; s++) {
		int r = ldisc_input(&ld, (unsigned char)*s, now);
		if (r)
			sig = r;
	}
	return sig;
}

/* The output ring as a string (emptied). */
static const char *output(void)
{
	static char buf[LDISC_OUT_SIZE + 1];
	size_t n = ldisc_out_take(&ld, buf, LDISC_OUT_SIZE);
	buf[n] = 0;
	return buf;
}

/* One read of up to count bytes as a string; NULL when it would block. */
static const char *get(size_t count, uint64_t now)
{
	static char buf[LDISC_IN_SIZE + 1];
	uint64_t retry;
	long n = ldisc_read(&ld, buf, count, now, &retry);
	if (n == LDISC_WOULD_BLOCK)
		return NULL;
	buf[n] = 0;
	return buf;
}

static void raw_mode(cc_t vmin, cc_t vtime)
{
	struct ldisc_mode m;
	ldisc_get(&ld, &m);
	m.lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG);
	m.iflag &= ~(tcflag_t)ICRNL;
	m.cc[VMIN] = vmin;
	m.cc[VTIME] = vtime;
	ldisc_set(&ld, &m);
}

TEST(ldisc, canonical_line_with_echo_and_crnl)
{
	ldisc_init(&ld);
	CHECK_EQ_I(type("ls -l", 0), 0);
	CHECK(get(100, 0) == NULL); /* no line yet */
	CHECK(!ldisc_readable(&ld));
	type("\r", 0); /* ICRNL: Enter sends CR */
	CHECK(ldisc_readable(&ld));
	CHECK(!strcmp(output(), "ls -l\r\n")); /* ONLCR on the echo */
	CHECK(!strcmp(get(100, 0), "ls -l\n"));
	CHECK(get(100, 0) == NULL);
}

TEST(ldisc, a_read_returns_one_line_in_pieces)
{
	ldisc_init(&ld);
	type("abc\ndefg\n", 0);
	CHECK(!strcmp(get(2, 0), "ab"));
	CHECK(!strcmp(get(100, 0), "c\n"));
	CHECK(!strcmp(get(100, 0), "defg\n"));
}

TEST(ldisc, erase_with_del_and_backspace)
{
	ldisc_init(&ld);
	type("abx\x7f", 0);
	CHECK(!strcmp(output(), "abx\b \b"));
	type("cy\b\n", 0);
	CHECK(!strcmp(get(100, 0), "abc\n"));
	/* Erasing at the start of a line does nothing, and cannot reach into
	 * a line already complete. */
	type("one\n\x7f\x7ftwo\n", 0);
	CHECK(!strcmp(get(100, 0), "one\n"));
	CHECK(!strcmp(get(100, 0), "two\n"));
}

TEST(ldisc, erase_of_a_control_character_takes_two_columns)
{
	ldisc_init(&ld);
	type("a\x01", 0);
	CHECK(!strcmp(output(), "a^A"));
	type("\x7f", 0);
	CHECK(!strcmp(output(), "\b \b\b \b"));
}

TEST(ldisc, kill_erases_the_line)
{
	ldisc_init(&ld);
	type("rm -rf /\x15", 0);
	output();
	type("echo hi\n", 0);
	CHECK(!strcmp(get(100, 0), "echo hi\n"));
}

TEST(ldisc, word_erase)
{
	ldisc_init(&ld);
	type("cat  file\x17", 0);
	type("x\n", 0);
	CHECK(!strcmp(get(100, 0), "cat  x\n"));
}

TEST(ldisc, eof_at_line_start_reads_zero_and_ends_a_line_elsewhere)
{
	ldisc_init(&ld);
	type("abc\x04", 0);
	CHECK(!strcmp(get(100, 0), "abc")); /* ^D ends the line, not kept */
	type("\x04", 0);
	CHECK(!strcmp(get(100, 0), "")); /* end of file */
	CHECK(get(100, 0) == NULL);
	CHECK(!strcmp(output(), "abc"));
}

TEST(ldisc, signal_characters)
{
	ldisc_init(&ld);
	type("partial", 0);
	output();
	CHECK_EQ_I(type("\x03", 0), SIGINT);
	CHECK(!strcmp(output(), "^C"));
	type("\n", 0); /* the partial line was flushed */
	CHECK(!strcmp(get(100, 0), "\n"));
	CHECK_EQ_I(type("\x1c", 0), SIGQUIT);
	CHECK_EQ_I(type("\x1a", 0), SIGTSTP);
	/* Without ISIG they are data. */
	struct ldisc_mode m;
	ldisc_get(&ld, &m);
	m.lflag &= ~(tcflag_t)ISIG;
	ldisc_set(&ld, &m);
	CHECK_EQ_I(type("\x03\n", 0), 0);
	CHECK(!strcmp(get(100, 0), "\x03\n"));
	/* A disabled character (0) never matches a NUL byte. */
	m.lflag |= ISIG;
	m.cc[VINTR] = 0;
	ldisc_set(&ld, &m);
	CHECK_EQ_I(ldisc_input(&ld, 0, 0), 0);
}

TEST(ldisc, no_echo)
{
	ldisc_init(&ld);
	struct ldisc_mode m;
	ldisc_get(&ld, &m);
	m.lflag &= ~(tcflag_t)ECHO;
	ldisc_set(&ld, &m);
	type("secret\n", 0);
	CHECK(!strcmp(output(), ""));
	m.lflag |= ECHONL;
	ldisc_set(&ld, &m);
	type("x\n", 0);
	CHECK(!strcmp(output(), "\r\n"));
}

TEST(ldisc, raw_mode_passes_bytes_through)
{
	ldisc_init(&ld);
	raw_mode(1, 0);
	CHECK(get(10, 0) == NULL);
	type("\r\x03\x7f", 0);
	CHECK(!strcmp(get(10, 0), "\r\x03\x7f"));
	CHECK(!strcmp(output(), ""));
}

TEST(ldisc, leaving_canonical_mode_makes_the_edited_line_readable)
{
	ldisc_init(&ld);
	type("half", 0);
	raw_mode(1, 0);
	CHECK(!strcmp(get(10, 0), "half"));
}

TEST(ldisc, vmin_waits_for_that_many_bytes)
{
	ldisc_init(&ld);
	raw_mode(3, 0);
	type("ab", 0);
	CHECK(get(10, 0) == NULL);
	type("c", 0);
	CHECK(!strcmp(get(10, 0), "abc"));
	/* MIN is capped by the count asked for. */
	type("d", 0);
	CHECK(!strcmp(get(1, 0), "d"));
}

TEST(ldisc, vtime_alone_is_a_read_timeout)
{
	ldisc_init(&ld);
	raw_mode(0, 2); /* 200 ms */
	uint64_t retry;
	char c;
	CHECK_EQ_I(ldisc_read(&ld, &c, 1, 1000 * MS, &retry), LDISC_WOULD_BLOCK);
	CHECK_EQ_U(retry, 1200 * MS);
	CHECK(get(1, 1100 * MS) == NULL);
	CHECK(!strcmp(get(1, 1200 * MS), "")); /* timed out: 0 bytes */
	/* A byte before the timeout is returned at once. */
	CHECK(get(1, 2000 * MS) == NULL);
	type("z", 2050 * MS);
	CHECK(!strcmp(get(1, 2050 * MS), "z"));
}

TEST(ldisc, vmin_and_vtime_make_an_interbyte_timer)
{
	ldisc_init(&ld);
	raw_mode(4, 1); /* 100 ms between bytes */
	CHECK(get(10, 0) == NULL); /* no byte: no timer */
	CHECK(get(10, 5000 * MS) == NULL);
	type("ab", 6000 * MS);
	CHECK(get(10, 6050 * MS) == NULL);
	CHECK(!strcmp(get(10, 6100 * MS), "ab"));
	type("wxyz", 7000 * MS); /* MIN reached: no wait */
	CHECK(!strcmp(get(10, 7000 * MS), "wxyz"));
}

TEST(ldisc, vmin_zero_vtime_zero_polls)
{
	ldisc_init(&ld);
	raw_mode(0, 0);
	CHECK(!strcmp(get(10, 0), ""));
	type("q", 0);
	CHECK(!strcmp(get(10, 0), "q"));
}

TEST(ldisc, output_processing)
{
	ldisc_init(&ld);
	CHECK_EQ_U(ldisc_write(&ld, "a\nb", 3), 3);
	CHECK(!strcmp(output(), "a\r\nb"));
	struct ldisc_mode m;
	ldisc_get(&ld, &m);
	m.oflag &= ~(tcflag_t)OPOST;
	ldisc_set(&ld, &m);
	ldisc_write(&ld, "a\nb", 3);
	CHECK(!strcmp(output(), "a\nb"));
}

TEST(ldisc, a_full_output_ring_takes_what_fits)
{
	ldisc_init(&ld);
	static char big[LDISC_OUT_SIZE];
	memset(big, 'x', sizeof(big));
	CHECK_EQ_U(ldisc_write(&ld, big, sizeof(big) - 1), sizeof(big) - 1);
	CHECK_EQ_U(ldisc_write(&ld, "\n", 1), 0); /* "\r\n" does not fit */
	CHECK_EQ_U(ldisc_write(&ld, "y", 1), 1);
	CHECK_EQ_U(ldisc_out_room(&ld), 0);
}

TEST(ldisc, a_full_line_can_still_be_ended)
{
	ldisc_init(&ld);
	for (int i = 0; i < LDISC_IN_SIZE + 10; i++)
		ldisc_input(&ld, 'a', 0);
	output();
	ldisc_input(&ld, '\n', 0);
	uint64_t retry;
	static char buf[LDISC_IN_SIZE];
	long n = ldisc_read(&ld, buf, sizeof(buf), 0, &retry);
	CHECK_EQ_I(n, LDISC_IN_SIZE);
	CHECK_EQ_I(buf[n - 1], '\n');
}

/* What a server asks before keeping a reader waiting: the same answer
 * as the read would give, without changing anything, and when time alone
 * changes it. */
TEST(ldisc, read_ready_agrees_with_read)
{
	uint64_t at;
	ldisc_init(&ld);
	type("half", 0);
	CHECK(!ldisc_read_ready(&ld, 10, 0, &at) && at == 0);
	type("\n", 0);
	CHECK(ldisc_read_ready(&ld, 10, 0, &at));
	get(10, 0);
	raw_mode(3, 0);
	type("ab", 0);
	CHECK(!ldisc_read_ready(&ld, 10, 0, &at) && at == 0);
	CHECK(ldisc_read_ready(&ld, 2, 0, &at)); /* MIN capped by the count */
	type("c", 0);
	CHECK(ldisc_read_ready(&ld, 10, 0, &at));
	get(10, 0);
	/* VTIME alone: the timer the read started. */
	raw_mode(0, 2);
	CHECK(get(1, 1000 * MS) == NULL);
	CHECK(!ldisc_read_ready(&ld, 1, 1100 * MS, &at));
	CHECK_EQ_U(at, 1200 * MS);
	CHECK(ldisc_read_ready(&ld, 1, 1200 * MS, &at));
	CHECK(!strcmp(get(1, 1200 * MS), ""));
	/* The inter-byte timer: from the last byte. */
	raw_mode(4, 1);
	CHECK(!ldisc_read_ready(&ld, 10, 0, &at) && at == 0);
	type("a", 500 * MS);
	CHECK(!ldisc_read_ready(&ld, 10, 550 * MS, &at));
	CHECK_EQ_U(at, 600 * MS);
	CHECK(ldisc_read_ready(&ld, 10, 600 * MS, &at));
}

TEST(ldisc, input_full_only_when_a_reader_can_empty_it)
{
	ldisc_init(&ld);
	for (int i = 0; i < LDISC_IN_SIZE + 10; i++)
		ldisc_input(&ld, 'a', 0);
	output();
	CHECK(!ldisc_input_full(&ld)); /* one long line: nobody could read it */
	ldisc_input(&ld, '\n', 0);
	CHECK(ldisc_input_full(&ld)); /* a whole line waits for its reader */
	uint64_t retry;
	static char buf[LDISC_IN_SIZE];
	ldisc_read(&ld, buf, sizeof(buf), 0, &retry);
	CHECK(!ldisc_input_full(&ld));
	raw_mode(1, 0);
	for (int i = 0; i < LDISC_IN_SIZE - 1; i++)
		ldisc_input(&ld, 'b', 0);
	CHECK(!ldisc_input_full(&ld));
	ldisc_input(&ld, 'b', 0);
	CHECK(ldisc_input_full(&ld));
}

/* News for a pty's master in packet mode: flushes, ^S/^Q turned on and
 * off; kept until taken. */
TEST(ldisc, packet_mode_news)
{
	ldisc_init(&ld);
	CHECK_EQ_U(ld.pkt, 0);
	ldisc_flush(&ld, TCIFLUSH);
	CHECK_EQ_U(ld.pkt, LDISC_PKT_FLUSHREAD);
	ldisc_flush(&ld, TCOFLUSH);
	CHECK_EQ_U(ld.pkt, LDISC_PKT_FLUSHREAD | LDISC_PKT_FLUSHWRITE);
	ld.pkt = 0;
	CHECK_EQ_I(type("\x03", 0), SIGINT); /* ISIG flushes both */
	CHECK_EQ_U(ld.pkt, LDISC_PKT_FLUSHREAD | LDISC_PKT_FLUSHWRITE);
	ld.pkt = 0;
	struct ldisc_mode m;
	ldisc_get(&ld, &m);
	m.iflag |= IXON;
	m.cc[VSTOP] = 0x13;
	m.cc[VSTART] = 0x11;
	ldisc_set(&ld, &m);
	CHECK_EQ_U(ld.pkt, LDISC_PKT_DOSTOP);
	ldisc_set(&ld, &m); /* no change: no news */
	CHECK_EQ_U(ld.pkt, LDISC_PKT_DOSTOP);
	m.iflag &= ~(tcflag_t)IXON;
	ldisc_set(&ld, &m);
	CHECK_EQ_U(ld.pkt, LDISC_PKT_NOSTOP);
}

TEST(ldisc, flush)
{
	ldisc_init(&ld);
	type("abc\ndef", 0);
	ldisc_flush(&ld, TCIFLUSH);
	CHECK(!ldisc_readable(&ld));
	CHECK(strlen(output()) > 0); /* the echo stayed */
	type("x", 0);
	ldisc_flush(&ld, TCOFLUSH);
	CHECK(!strcmp(output(), ""));
}
