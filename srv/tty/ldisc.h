/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The line discipline of a terminal (docs/ARCHITECTURE.md section 18): what
 * happens between the bytes a UART receives and what read() returns, and
 * between what write() is given and the bytes the UART sends. Pure logic:
 * no device, no IPC, no clock of its own (the caller passes the time), so
 * the host tests drive it byte by byte (tests/host/test_ldisc.c).
 *
 * The flags and c_cc indexes are <termios.h>'s (Linux's values, which the
 * C library of this system has too).
 */
#ifndef SRV_TTY_LDISC_H
#define SRV_TTY_LDISC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <termios.h>

#define LDISC_IN_SIZE 4096 /* input bytes held (MAX_CANON and MAX_INPUT) */
#define LDISC_OUT_SIZE 4096 /* output bytes waiting for the UART */
#define LDISC_LINES 64 /* complete lines held in canonical mode */
#define LDISC_WOULD_BLOCK (-1) /* ldisc_read: nothing to return yet */
/* What a pty's master in packet mode (TIOCPKT) is told: Linux's
 * TIOCPKT_* bits. */
#define LDISC_PKT_FLUSHREAD 1u /* the input was flushed */
#define LDISC_PKT_FLUSHWRITE 2u /* the output was flushed */
#define LDISC_PKT_NOSTOP 16u /* ^S/^Q flow control went off */
#define LDISC_PKT_DOSTOP 32u /* ^S/^Q flow control came on */

/* The settings the discipline acts on: struct termios's, without the
 * fields that vary between C libraries. */
struct ldisc_mode {
	tcflag_t iflag, oflag, cflag, lflag;
	cc_t cc[NCCS];
};

struct ldisc {
	struct ldisc_mode mode;
	/* Input: bytes [0, in_len). In canonical mode the first lines[0] bytes
	 * form the first complete line (its terminator included, an end of
	 * file excluded), and so on for nlines lines; bytes after the last
	 * complete line are the line being edited. */
	unsigned char in[LDISC_IN_SIZE];
	size_t in_len;
	size_t lines[LDISC_LINES];
	size_t nlines;
	/* How many columns the echo of each byte of the edited line took, so
	 * that erasing takes back exactly that (2 for "^X"). */
	unsigned char width[LDISC_IN_SIZE];
	/* Output ring: processed writes and echoes. */
	unsigned char out[LDISC_OUT_SIZE];
	size_t out_head, out_len;
	/* VMIN/VTIME timing (non-canonical): when the last byte came in, and
	 * since when a reader has been waiting (0: none waiting). */
	uint64_t last_rx_ns, wait_since_ns;
	/* LDISC_PKT_* bits of what happened since its reader (a master in
	 * packet mode) took them. */
	unsigned char pkt;
};

/* Cooked defaults: ICANON, ECHO, ISIG, ICRNL, OPOST|ONLCR, CS8, the usual
 * control characters (^C ^\ DEL ^U ^D ^Z ^W), VMIN 1, VTIME 0. */
void ldisc_init(struct ldisc *ld);
void ldisc_get(const struct ldisc *ld, struct ldisc_mode *mode);
/* Leaving canonical mode makes the edited line readable; entering it
 * makes what is buffered one complete line. */
void ldisc_set(struct ldisc *ld, const struct ldisc_mode *mode);

/* One received byte at time now. Returns the signal it raises (SIGINT,
 * SIGQUIT, SIGTSTP with ISIG) for the foreground process group, else 0.
 * Echoes go to the output ring (dropped when it is full). */
int ldisc_input(struct ldisc *ld, unsigned char c, uint64_t now);

/* Up to count bytes for read() at time now into buf: the count, 0 at an
 * end of file (canonical ^D on an empty line; VMIN 0 with nothing
 * there), or LDISC_WOULD_BLOCK when the reader must wait and ask again.
 * *retry_ns is then when asking again may change the answer (VTIME), or
 * 0 for "when input arrives". */
long ldisc_read(struct ldisc *ld, void *buf, size_t count, uint64_t now, uint64_t *retry_ns);
/* What a read would not wait for now (poll). */
bool ldisc_readable(const struct ldisc *ld);
/* Whether a read of count (> 0) bytes would return at time now rather
 * than wait (what ldisc_read would do, changing nothing). *at is then
 * when the answer may change by time alone (VTIME), or 0 for "when input
 * arrives": a server that keeps a waiting reader wakes it then. */
bool ldisc_read_ready(const struct ldisc *ld, size_t count, uint64_t now, uint64_t *at);
/* The input is full and will be emptied by a reader: bytes from a pty's
 * master wait (a UART's are dropped). A canonical line that fills the
 * input whole, without a complete line before it, is no reason to wait:
 * nobody could read it, and the bytes are dropped, as on Linux. */
bool ldisc_input_full(const struct ldisc *ld);

/* Takes bytes of write() into the output ring with OPOST processing;
 * returns how many of data were taken (fewer when the ring is full). */
size_t ldisc_write(struct ldisc *ld, const void *data, size_t len);
/* Moves up to max bytes of the output ring to buf (for the UART). */
size_t ldisc_out_take(struct ldisc *ld, void *buf, size_t max);
/* Room left in the output ring. */
size_t ldisc_out_room(const struct ldisc *ld);

/* TCIFLUSH, TCOFLUSH or TCIOFLUSH. */
void ldisc_flush(struct ldisc *ld, int queue);

#endif
