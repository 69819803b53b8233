// SPDX-License-Identifier: BSD-2-Clause
// kernel/lib/logring.c: record order and content, wraparound that drops the
// oldest records with the loss visible as a sequence gap, truncation to
// LOGRING_MAX_TEXT, readers that fell behind, and long random sequences
// checked against a model of every record ever appended.
#include <kernel/logring.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vtest.h>

#define HDR 24 /* sizeof(struct logring_hdr) */
#define REC(len) ((HDR + (len) + 7) / 8 * 8)

struct ring {
	struct logring r;
	uint8_t *buf;
};

/* The buffer is exactly size bytes on the heap: ASan sees any overrun. */
static struct ring *ring_new(size_t size)
{
	struct ring *x = calloc(1, sizeof(*x));
	x->buf = malloc(size);
	memset(x->buf, 0xee, size);
	logring_init(&x->r, x->buf, size);
	return x;
}

static void ring_free(struct ring *x)
{
	free(x->buf);
	free(x);
}

static void text_for(uint64_t seq, size_t len, char *out)
{
	for (size_t i = 0; i < len; i++)
		out[i] = (char)('a' + (seq * 7 + i) % 26);
}

static void append(struct ring *x, uint64_t seq, size_t len)
{
	char t[512];
	text_for(seq, len, t);
	logring_append(&x->r, (int)(seq % 8), seq * 1000 + 5, t, len);
}

/* Checks one record against what append() wrote for its seq. */
static void check_rec_at(const char *file, int line, const struct logring_rec *rec, size_t len)
{
	char t[512];
	size_t want = len > LOGRING_MAX_TEXT ? LOGRING_MAX_TEXT : len;
	text_for(rec->seq, want, t);
	t[want] = 0;
	if (rec->len != want || strcmp(rec->text, t) || rec->level != (int)(rec->seq % 8) ||
	    rec->time_ns != rec->seq * 1000 + 5)
		vtest_fail(file, line, "record %llu: len %zu level %d time %llu text \"%.20s\"",
			   (unsigned long long)rec->seq, rec->len, rec->level,
			   (unsigned long long)rec->time_ns, rec->text);
}
#define CHECK_REC(rec, len) check_rec_at(__FILE__, __LINE__, rec, len)

/* Reads everything from seq 0; returns how many records, first seq in
 * *first. Fails unless they are consecutive and end at next_seq - 1. */
static size_t read_all(const struct ring *x, const size_t *lens, uint64_t *first)
{
	uint64_t seq = 0, expect = 0;
	struct logring_rec rec;
	size_t n = 0;
	while (logring_read(&x->r, &seq, &rec)) {
		if (n == 0) {
			*first = rec.seq;
			expect = rec.seq;
		}
		CHECK_MSG(rec.seq == expect, "read %llu after %llu", (unsigned long long)rec.seq,
			  (unsigned long long)expect - 1);
		CHECK_MSG(seq == rec.seq + 1, "cursor %llu after record %llu",
			  (unsigned long long)seq, (unsigned long long)rec.seq);
		if (lens)
			CHECK_REC(&rec, lens[rec.seq]);
		expect++;
		n++;
		CHECK(n <= x->r.next_seq);
	}
	CHECK_MSG(expect == x->r.next_seq, "last record read %llu, next_seq %llu",
		  (unsigned long long)expect - 1, (unsigned long long)x->r.next_seq);
	return n;
}

TEST(logring, empty)
{
	struct ring *x = ring_new(4096);
	uint64_t seq = 0;
	struct logring_rec rec;
	CHECK(!logring_read(&x->r, &seq, &rec));
	CHECK_EQ_U(seq, 0);
	ring_free(x);
}

TEST(logring, order_and_content)
{
	struct ring *x = ring_new(4096);
	size_t lens[10];
	for (uint64_t i = 0; i < 10; i++) {
		lens[i] = 3 + i * 5;
		append(x, i, lens[i]);
	}
	uint64_t first = 99;
	CHECK_EQ_U(read_all(x, lens, &first), 10);
	CHECK_EQ_U(first, 0);
	ring_free(x);
}

TEST(logring, read_by_sequence)
{
	struct ring *x = ring_new(4096);
	for (uint64_t i = 0; i < 20; i++)
		append(x, i, 10);
	struct logring_rec rec;
	for (uint64_t want = 0; want < 20; want++) {
		uint64_t seq = want;
		CHECK(logring_read(&x->r, &seq, &rec));
		CHECK_EQ_U(rec.seq, want);
		CHECK_EQ_U(seq, want + 1);
		CHECK_REC(&rec, 10);
	}
	uint64_t seq = 20;
	CHECK(!logring_read(&x->r, &seq, &rec));
	seq = UINT64_MAX;
	CHECK(!logring_read(&x->r, &seq, &rec));
	CHECK_EQ_U(seq, UINT64_MAX); /* untouched when nothing is read */
	ring_free(x);
}

TEST(logring, empty_text)
{
	struct ring *x = ring_new(1024);
	logring_append(&x->r, 3, 42, "", 0);
	logring_append(&x->r, 4, 43, NULL, 0);
	uint64_t seq = 0;
	struct logring_rec rec;
	CHECK(logring_read(&x->r, &seq, &rec));
	CHECK_EQ_U(rec.len, 0);
	CHECK_STREQ(rec.text, "");
	CHECK_EQ_I(rec.level, 3);
	CHECK_EQ_U(rec.time_ns, 42);
	CHECK(logring_read(&x->r, &seq, &rec));
	CHECK_EQ_I(rec.level, 4);
	ring_free(x);
}

TEST(logring, text_is_bytes)
{
	/* A record is len bytes, not a C string: NULs and high bytes survive,
	 * and the text is terminated after len. */
	struct ring *x = ring_new(1024);
	const char t[] = { 'a', 0, (char)0xff, 'b' };
	logring_append(&x->r, 1, 1, t, sizeof(t));
	uint64_t seq = 0;
	struct logring_rec rec;
	CHECK(logring_read(&x->r, &seq, &rec));
	CHECK_EQ_U(rec.len, 4);
	CHECK(!memcmp(rec.text, t, 4) && rec.text[4] == 0);
	ring_free(x);
}

TEST(logring, truncation)
{
	struct ring *x = ring_new(8192);
	size_t lens[] = { LOGRING_MAX_TEXT - 1, LOGRING_MAX_TEXT, LOGRING_MAX_TEXT + 1, 300, 511 };
	for (uint64_t i = 0; i < ARRAY_SIZE(lens); i++)
		append(x, i, lens[i]);
	uint64_t seq = 0;
	struct logring_rec rec;
	for (uint64_t i = 0; i < ARRAY_SIZE(lens); i++) {
		CHECK(logring_read(&x->r, &seq, &rec));
		CHECK_EQ_U(rec.len, MIN(lens[i], (size_t)LOGRING_MAX_TEXT));
		CHECK_EQ_U(strlen(rec.text), rec.len);
		CHECK_REC(&rec, lens[i]);
	}
	ring_free(x);
}

TEST(logring, wrap_drops_oldest)
{
	/* 1 KiB holds about sixteen 64-byte records: after 100, the oldest are
	 * gone, the newest all there, and the gap shows in the sequence. */
	struct ring *x = ring_new(1024);
	size_t lens[100];
	for (uint64_t i = 0; i < 100; i++) {
		lens[i] = 40;
		append(x, i, 40);
	}
	uint64_t first = 0;
	size_t n = read_all(x, lens, &first);
	CHECK(first > 0);
	CHECK_EQ_U(first + n, 100);
	CHECK(n >= (1024 - 2 * REC(40)) / REC(40) && n <= 1024 / REC(40));
	CHECK_EQ_U(x->r.first_seq, first);
	ring_free(x);
}

TEST(logring, reader_fell_behind)
{
	struct ring *x = ring_new(1024);
	for (uint64_t i = 0; i < 10; i++)
		append(x, i, 30);
	uint64_t seq = 0;
	struct logring_rec rec;
	CHECK(logring_read(&x->r, &seq, &rec)); /* the reader took record 0 ... */
	CHECK(logring_read(&x->r, &seq, &rec));
	CHECK_EQ_U(seq, 2);
	for (uint64_t i = 10; i < 200; i++) /* ... then slept while 190 came in */
		append(x, i, 30);
	CHECK(logring_read(&x->r, &seq, &rec));
	CHECK(rec.seq > 2); /* skipped ahead: it can tell how many it missed */
	CHECK_EQ_U(rec.seq, x->r.first_seq);
	CHECK_EQ_U(seq, rec.seq + 1);
	CHECK_REC(&rec, 30);
	uint64_t missed = rec.seq - 2;
	CHECK(missed > 150);
	/* From there it reads on without further gaps. */
	uint64_t prev = rec.seq;
	while (logring_read(&x->r, &seq, &rec)) {
		CHECK_EQ_U(rec.seq, prev + 1);
		prev = rec.seq;
	}
	CHECK_EQ_U(prev, 199);
	ring_free(x);
}

TEST(logring, size_rounded_down)
{
	/* A size that is no multiple of 8 is rounded down; the tail byte is
	 * never touched (the buffer is exactly that long under ASan). */
	struct ring *x = ring_new(1001);
	CHECK_EQ_U(x->r.size, 1000);
	size_t lens[500];
	for (uint64_t i = 0; i < 500; i++) {
		lens[i] = i % 97;
		append(x, i, lens[i]);
	}
	CHECK(x->buf[1000] == 0xee);
	uint64_t first;
	read_all(x, lens, &first);
	ring_free(x);
}

TEST(logring, record_too_big_for_ring)
{
	/* A record larger than half the ring is not stored at all (and does
	 * not disturb the others). */
	struct ring *x = ring_new(256);
	append(x, 0, 8);
	logring_append(&x->r, 1, 1,
		       "0123456789012345678901234567890123456789"
		       "0123456789012345678901234567890123456789"
		       "0123456789012345678901234567890123456789",
		       120);
	CHECK_EQ_U(x->r.next_seq, 1);
	append(x, 1, 104); /* REC(104) == 128 == size / 2: fits */
	CHECK_EQ_U(x->r.next_seq, 2);
	size_t lens[] = { 8, 104 };
	uint64_t first;
	CHECK_EQ_U(read_all(x, lens, &first), 2);
	ring_free(x);
}

TEST(logring, exact_fit_at_end)
{
	/* Records that fill the buffer exactly to its end: the next starts
	 * at 0 without a skip marker. */
	struct ring *x = ring_new(8 * REC(40));
	size_t lens[64];
	for (uint64_t i = 0; i < 64; i++) {
		lens[i] = 40;
		append(x, i, 40);
		uint64_t first;
		size_t n = read_all(x, lens, &first);
		CHECK(n >= 7 || n == i + 1);
	}
	ring_free(x);
}

/* Every record ever appended is known; check what the ring holds. */
static void random_run(uint64_t seed, size_t size, size_t maxlen, int ops)
{
	struct ring *x = ring_new(size);
	uint64_t rng = seed;
	static size_t lens[200000];
	uint64_t reader = 0;
	size_t nreads = 0, gaps = 0;
	uint64_t last_read = 0;
	for (int op = 0; op < ops; op++) {
		uint64_t seq = x->r.next_seq;
		size_t len = vtest_below(&rng, 4) ? vtest_below(&rng, maxlen / 4 + 1)
						  : vtest_below(&rng, maxlen + 1);
		if (REC(MIN(len, (size_t)LOGRING_MAX_TEXT)) > size / 8 * 8 / 2)
			len = 0;
		lens[seq] = len;
		append(x, seq, len);
		CHECK_EQ_U(x->r.next_seq, seq + 1);

		/* The newest record is always there and intact. */
		uint64_t s = seq;
		struct logring_rec rec;
		CHECK_MSG(logring_read(&x->r, &s, &rec), "op %d: newest record missing", op);
		CHECK_EQ_U(rec.seq, seq);
		CHECK_REC(&rec, len);

		/* A slow reader, sometimes catching up. */
		if (vtest_below(&rng, 3) == 0) {
			while (logring_read(&x->r, &reader, &rec)) {
				CHECK_REC(&rec, lens[rec.seq]);
				CHECK(rec.seq + 1 == reader);
				/* Gaps only when the reader fell behind the ring. */
				gaps += nreads && rec.seq != last_read + 1;
				last_read = rec.seq;
				nreads++;
				if (vtest_below(&rng, 4) == 0)
					break;
			}
		}

		if (op % 16 == 0 || op == ops - 1) {
			/* All kept records: a consecutive run ending at the newest,
			 * holding at least what must fit (the ring wastes at most a
			 * skipped tail and one dropped record's worth). */
			uint64_t first = 0;
			size_t n = read_all(x, lens, &first);
			size_t bytes = 0;
			for (uint64_t k = first; k <= seq; k++)
				bytes += REC(MIN(lens[k], (size_t)LOGRING_MAX_TEXT));
			CHECK_MSG(bytes <= x->r.size, "op %d: %zu bytes kept in %zu", op, bytes,
				  x->r.size);
			if (first > 0) {
				size_t dropped =
					REC(MIN(lens[first - 1], (size_t)LOGRING_MAX_TEXT));
				size_t maxrec = REC(MIN(maxlen, (size_t)LOGRING_MAX_TEXT));
				CHECK_MSG(bytes + dropped + 2 * maxrec > x->r.size,
					  "op %d: only %zu bytes in %zu records kept of %zu", op,
					  bytes, n, x->r.size);
			}
		}
	}
	CHECK(nreads > 0 && gaps > 0);
	ring_free(x);
}

TEST(logring, random_small_ring)
{
	random_run(1, 600, 255, 20000);
}

TEST(logring, random_medium_ring)
{
	random_run(2, 4096, 300, 30000);
}

TEST(logring, random_short_records)
{
	random_run(3, 2000, 40, 30000);
}

TEST(logring, random_odd_size)
{
	random_run(4, 1237, 200, 30000);
}

TEST(logring, out_of_range_level_clamped)
{
	/* Level 0xff is the ring's skip marker: a record with it must not be
	 * mistaken for one, however often the ring wraps around it. */
	struct ring *x = ring_new(256);
	for (int i = 0; i < 40; i++)
		logring_append(&x->r, i % 2 ? 0xff : -1, (uint64_t)i, "abcdefgh", 8);
	uint64_t seq = 0;
	struct logring_rec rec;
	int n = 0;
	while (logring_read(&x->r, &seq, &rec)) {
		CHECK_EQ_I(rec.level, 7);
		CHECK_STREQ(rec.text, "abcdefgh");
		CHECK_EQ_U(rec.seq, rec.time_ns);
		n++;
	}
	CHECK(n > 0);
	CHECK_EQ_U(seq, 40);
	ring_free(x);
}
