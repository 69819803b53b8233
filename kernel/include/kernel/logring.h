/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_LOGRING_H
#define KERNEL_LOGRING_H

#include <kernel/types.h>
#include <verdigris/types.h>

/*
 * The kernel log ring: variable-length records in a fixed byte buffer, each
 * with a sequence number, level and timestamp. When full, the oldest records
 * are dropped (never the newest) and the loss is visible as a gap in the
 * sequence numbers, so a reader (later the log service, through a handle)
 * knows exactly what it missed. Pure code: host-tested.
 */
struct logring_hdr {
	uint16_t len; /* text bytes that follow */
	uint8_t level;
	uint8_t pad;
	uint32_t pad2;
	uint64_t seq;
	uint64_t time_ns;
};

struct logring {
	uint8_t *buf;
	size_t size; /* bytes, a multiple of 8 */
	size_t head; /* write offset */
	size_t tail; /* offset of oldest record */
	uint64_t first_seq; /* seq of the record at tail */
	uint64_t next_seq;
};

#define LOGRING_MAX_TEXT VG_LOG_RECORD_MAX

struct logring_rec {
	uint64_t seq;
	uint64_t time_ns;
	int level;
	size_t len;
	char text[LOGRING_MAX_TEXT + 1];
};

void logring_init(struct logring *r, void *buf, size_t size);
/* Appends one record, truncating text to LOGRING_MAX_TEXT. */
void logring_append(struct logring *r, int level, uint64_t time_ns, const char *text, size_t len);
/* Reads the first record with seq >= *seq into rec and sets *seq past it.
 * Returns false when there is none. A reader that fell behind sees the
 * oldest record still kept (rec->seq > the seq it asked for). */
bool logring_read(const struct logring *r, uint64_t *seq, struct logring_rec *rec);

#endif
