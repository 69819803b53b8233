// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for kernel/lib/logring.c: the input is a ring size and a
// sequence of appends (length, level) and reads, checked against a model that
// knows every record ever appended. Invariants: the newest record is always
// kept and intact; the kept records are consecutive and end at the newest; a
// reader sees records in order and only skips (a visible gap) what was
// dropped; the ring never holds much less than it could.
#include <kernel/logring.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REC(len) ((24 + (len) + 7) / 8 * 8)
#define MAXOPS 4096

static void die(const char *what, uint64_t a, uint64_t b)
{
	fprintf(stderr, "FUZZ FAIL: %s (%llu, %llu)\n", what, (unsigned long long)a,
		(unsigned long long)b);
	abort();
}

static void text_for(uint64_t seq, size_t len, char *out)
{
	for (size_t i = 0; i < len; i++)
		out[i] = (char)(seq * 13 + i * 3);
}

static size_t lens[MAXOPS];

static void check_rec(const struct logring_rec *rec)
{
	char t[256];
	size_t want = lens[rec->seq] > LOGRING_MAX_TEXT ? LOGRING_MAX_TEXT : lens[rec->seq];
	text_for(rec->seq, want, t);
	if (rec->len != want || memcmp(rec->text, t, want) || rec->text[want] ||
	    rec->level != (int)(rec->seq % 8) || rec->time_ns != rec->seq + 1000)
		die("record corrupted", rec->seq, rec->len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	/* 64 bytes up to about 8 KiB, any residue (rounded down by init). */
	size_t rsize = 64 + (((size_t)data[0] << 8 | data[1]) % 8192);
	uint8_t *buf = malloc(rsize);
	struct logring r;
	logring_init(&r, buf, rsize);
	uint64_t reader = 0, last = 0;
	bool read_any = false;
	size_t maxrec = 0;
	for (size_t i = 2; i + 1 < size && r.next_seq < MAXOPS; i += 2) {
		uint8_t op = data[i], arg = data[i + 1];
		if (op < 200) {
			/* Append: length from arg, sometimes past the truncation limit. */
			size_t len = op & 1 ? (size_t)arg + 100 : arg;
			size_t need = REC(len > LOGRING_MAX_TEXT ? LOGRING_MAX_TEXT : len);
			uint64_t seq = r.next_seq;
			char t[512];
			lens[seq] = len;
			text_for(seq, len > LOGRING_MAX_TEXT ? LOGRING_MAX_TEXT : len, t);
			logring_append(&r, (int)(seq % 8), seq + 1000, t, len);
			if (need > r.size / 2) {
				/* Too big for this ring: not stored at all. */
				if (r.next_seq != seq)
					die("oversized record stored", seq, need);
				continue;
			}
			if (need > maxrec)
				maxrec = need;
			if (r.next_seq != seq + 1)
				die("sequence did not advance", seq, r.next_seq);
			uint64_t s = seq;
			struct logring_rec rec;
			if (!logring_read(&r, &s, &rec) || rec.seq != seq)
				die("newest record missing", seq, rec.seq);
			check_rec(&rec);
		} else if (op < 230) {
			/* The slow reader takes up to arg records. */
			struct logring_rec rec;
			for (unsigned k = 0; k <= arg % 16 && logring_read(&r, &reader, &rec);
			     k++) {
				check_rec(&rec);
				if (reader != rec.seq + 1)
					die("cursor not past the record", reader, rec.seq);
				if (read_any && rec.seq <= last)
					die("reader went backwards", rec.seq, last);
				if (read_any && rec.seq != last + 1 && rec.seq != r.first_seq)
					die("gap not at the oldest kept record", rec.seq,
					    r.first_seq);
				last = rec.seq;
				read_any = true;
			}
		} else {
			/* Everything kept, from the start. */
			uint64_t s = 0, expect = 0, first = 0;
			struct logring_rec rec;
			size_t n = 0, bytes = 0;
			while (logring_read(&r, &s, &rec)) {
				if (n == 0)
					expect = first = rec.seq;
				if (rec.seq != expect)
					die("kept records not consecutive", rec.seq, expect);
				check_rec(&rec);
				bytes += REC(rec.len);
				expect++;
				n++;
			}
			if (expect != r.next_seq)
				die("kept records do not end at the newest", expect, r.next_seq);
			if (bytes > r.size)
				die("more bytes kept than the ring holds", bytes, r.size);
			if (first > 0 && bytes + 3 * maxrec <= r.size)
				die("dropped records while there was room", bytes, r.size);
		}
	}
	free(buf);
	return 0;
}
