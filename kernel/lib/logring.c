// SPDX-License-Identifier: BSD-2-Clause
// The kernel log ring buffer (see logring.h). A record never wraps around the
// end of the buffer: if it does not fit before the end, the remaining bytes
// are skipped and the record starts at offset 0. A zero-length header with
// level 0xff marks such a skip when there is room for a header.
#include <kernel/logring.h>
#include <kernel/string.h>

#define SKIP_MARK 0xff

static size_t rec_size(size_t len)
{
	return ALIGN_UP(sizeof(struct logring_hdr) + len, 8);
}

void logring_init(struct logring *r, void *buf, size_t size)
{
	r->buf = buf;
	r->size = ALIGN_DOWN(size, 8);
	r->head = r->tail = 0;
	r->first_seq = r->next_seq = 0;
}

static const struct logring_hdr *hdr_at(const struct logring *r, size_t off)
{
	return (const struct logring_hdr *)(r->buf + off);
}

/* Offset of the record at off, following a skip marker or the end. */
static size_t normalize(const struct logring *r, size_t off)
{
	if (off + sizeof(struct logring_hdr) > r->size)
		return 0;
	if (hdr_at(r, off)->level == SKIP_MARK)
		return 0;
	return off;
}

static void drop_oldest(struct logring *r)
{
	size_t t = normalize(r, r->tail);
	r->tail = t + rec_size(hdr_at(r, t)->len);
	if (r->tail >= r->size)
		r->tail = 0;
	/* Never leave tail on a skip marker: a record written later over the
	 * marker's bytes would turn tail into a pointer into that record. */
	r->tail = normalize(r, r->tail);
	r->first_seq++;
}

/* True if [start, start+n) overlaps live data at tail when the ring is not empty. */
static bool overlaps_tail(const struct logring *r, size_t start, size_t n)
{
	if (r->first_seq == r->next_seq)
		return false;
	size_t t = normalize(r, r->tail);
	return t >= start && t < start + n;
}

void logring_append(struct logring *r, int level, uint64_t time_ns, const char *text, size_t len)
{
	if (len > LOGRING_MAX_TEXT)
		len = LOGRING_MAX_TEXT;
	/* Severities are 0-7; anything else would be stored as a byte that may
	 * equal the skip marker. */
	if (level < 0 || level > 7)
		level = 7;
	size_t need = rec_size(len);
	if (need > r->size / 2)
		return; /* a ring this small cannot hold the record */

	size_t start = r->head;
	if (start + need > r->size) {
		/* Wrap: the bytes up to the end are lost, and so are the records there. */
		while (r->first_seq != r->next_seq && normalize(r, r->tail) >= start)
			drop_oldest(r);
		if (start + sizeof(struct logring_hdr) <= r->size) {
			struct logring_hdr skip = { .level = SKIP_MARK };
			memcpy(r->buf + start, &skip, sizeof(skip));
		}
		start = 0;
	}
	while (overlaps_tail(r, start, need))
		drop_oldest(r);
	if (r->first_seq == r->next_seq)
		r->tail = start;

	struct logring_hdr h = {
		.len = (uint16_t)len,
		.level = (uint8_t)level,
		.seq = r->next_seq,
		.time_ns = time_ns,
	};
	memcpy(r->buf + start, &h, sizeof(h));
	memcpy(r->buf + start + sizeof(h), text, len);
	r->head = start + need;
	if (r->head >= r->size)
		r->head = 0;
	r->next_seq++;
}

bool logring_read(const struct logring *r, uint64_t *seq, struct logring_rec *rec)
{
	if (*seq >= r->next_seq)
		return false;
	uint64_t s = r->first_seq;
	size_t off = r->tail;
	while (s < r->next_seq) {
		off = normalize(r, off);
		const struct logring_hdr *h = hdr_at(r, off);
		if (s >= *seq) {
			rec->seq = h->seq;
			rec->time_ns = h->time_ns;
			rec->level = h->level;
			rec->len = h->len;
			memcpy(rec->text, r->buf + off + sizeof(*h), h->len);
			rec->text[h->len] = 0;
			*seq = s + 1;
			return true;
		}
		off += rec_size(h->len);
		if (off >= r->size)
			off = 0;
		s++;
	}
	return false;
}
