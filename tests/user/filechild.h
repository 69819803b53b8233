/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The records tests/user/filechild.c appends to a file from several
 * processes at once, and their check (t_vfs_procs.c): RECORD bytes, "ID
 * SEQ " then a letter of (ID, SEQ) to the end, a newline last, so that a
 * record cut or mixed with another is seen.
 */
#ifndef FILECHILD_H
#define FILECHILD_H

#include <stdio.h>
#include <string.h>

#define FILECHILD_RECORD 100

static inline char filechild_fill(int id, int seq)
{
	return (char)('a' + (id * 7 + seq) % 26);
}

static inline void filechild_record(char rec[FILECHILD_RECORD], int id, int seq)
{
	int n = snprintf(rec, FILECHILD_RECORD, "%02d %06d ", id, seq);
	memset(rec + n, filechild_fill(id, seq), (size_t)(FILECHILD_RECORD - 1 - n));
	rec[FILECHILD_RECORD - 1] = '\n';
}

/* A whole record: its id and seq, or -1. */
static inline int filechild_parse(const char rec[FILECHILD_RECORD], int *id, int *seq)
{
	char want[FILECHILD_RECORD];
	if (sscanf(rec, "%2d %6d ", id, seq) != 2 || *id < 0 || *seq < 0)
		return -1;
	filechild_record(want, *id, *seq);
	return memcmp(rec, want, FILECHILD_RECORD) ? -1 : 0;
}

#endif
