// SPDX-License-Identifier: BSD-2-Clause
// The line editor for an interactive shell on a terminal: raw mode through
// termios (term.c), VT100 escapes for the cursor, history with the arrow keys and
// tab completion. ^C abandons the line, ^D on an empty line ends input.
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct ed {
	struct strbuf b;
	size_t cur;
	const char *prompt;
};

static void out(const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(2, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static void outs(const char *s)
{
	out(s, strlen(s));
}

static void redraw(struct ed *e)
{
	struct strbuf s = { 0 };
	sb_adds(&s, "\r");
	sb_adds(&s, e->prompt);
	sb_addn(&s, e->b.s ? e->b.s : "", e->b.n);
	sb_adds(&s, "\033[K");
	if (e->b.n > e->cur) {
		char mv[32];
		snprintf(mv, sizeof mv, "\033[%zuD", e->b.n - e->cur);
		sb_adds(&s, mv);
	}
	out(s.s, s.n);
	sb_free(&s);
}

static void set_text(struct ed *e, const char *t)
{
	e->b.n = 0;
	sb_adds(&e->b, t);
	e->cur = e->b.n;
}

static void insert(struct ed *e, const char *s, size_t n)
{
	struct strbuf nb = { 0 };
	sb_addn(&nb, e->b.s ? e->b.s : "", e->cur);
	sb_addn(&nb, s, n);
	sb_addn(&nb, e->b.s ? e->b.s + e->cur : "", e->b.n - e->cur);
	sb_free(&e->b);
	e->b = nb;
	e->cur += n;
}

static void erase(struct ed *e, size_t from, size_t to)
{
	memmove(e->b.s + from, e->b.s + to, e->b.n - to + 1);
	e->b.n -= to - from;
	e->cur = from;
}

static void complete(struct ed *e)
{
	struct strlist c = { 0 };
	size_t ws;
	complete_line(e->b.s ? e->b.s : "", e->cur, &c, &ws);
	if (c.n == 1) {
		erase(e, ws, e->cur);
		insert(e, c.v[0], strlen(c.v[0]));
		size_t l = strlen(c.v[0]);
		if (l && c.v[0][l - 1] != '/')
			insert(e, " ", 1);
	} else if (c.n > 1) {
		size_t common = strlen(c.v[0]);
		for (int i = 1; i < c.n; i++) {
			size_t k = 0;
			while (k < common && c.v[i][k] == c.v[0][k])
				k++;
			common = k;
		}
		if (common > e->cur - ws) {
			erase(e, ws, e->cur);
			insert(e, c.v[0], common);
		} else {
			outs("\r\n");
			for (int i = 0; i < c.n; i++) {
				outs(c.v[i]);
				outs(i + 1 < c.n ? "  " : "\r\n");
			}
		}
	} else
		outs("\a");
	sl_free(&c);
	redraw(e);
}

/* The key after ESC: cursor and editing keys of VT100 and xterm. */
static int escape_key(void)
{
	char s[3];
	if (read(0, s, 1) != 1 || (s[0] != '[' && s[0] != 'O'))
		return 0;
	if (read(0, s + 1, 1) != 1)
		return 0;
	if (s[1] >= '0' && s[1] <= '9') {
		if (read(0, s + 2, 1) != 1 || s[2] != '~')
			return 0;
		switch (s[1]) {
		case '1':
		case '7': return 1; /* home: ^A */
		case '4':
		case '8': return 5; /* end: ^E */
		case '3': return 4 | 0x100; /* delete */
		}
		return 0;
	}
	switch (s[1]) {
	case 'A': return 16; /* ^P */
	case 'B': return 14; /* ^N */
	case 'C': return 6; /* ^F */
	case 'D': return 2; /* ^B */
	case 'H': return 1;
	case 'F': return 5;
	}
	return 0;
}

char *line_read(const char *prompt)
{
	if (term_raw(0) < 0) {
		outs(prompt);
		return NULL;
	}
	struct ed e = { .prompt = prompt };
	sb_adds(&e.b, "");
	int hist = history_count();
	char *stash = NULL; /* the line being typed, while browsing history */
	char *result = NULL;
	outs(prompt);
	for (;;) {
		unsigned char ch;
		ssize_t r = read(0, &ch, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (e.b.n)
				goto accept;
			break;
		}
		int key = ch;
		if (key == 27)
			key = escape_key();
		switch (key) {
		case '\r':
		case '\n': goto accept;
		case 3: /* ^C */
			outs("^C\r\n");
			result = xstrdup("\n");
			goto done;
		case 4: /* ^D */
			if (!e.b.n)
				goto done;
			/* fall through */
		case 4 | 0x100:
			if (e.cur < e.b.n)
				erase(&e, e.cur, e.cur + 1);
			break;
		case 127:
		case 8:
			if (e.cur)
				erase(&e, e.cur - 1, e.cur);
			break;
		case 1: e.cur = 0; break;
		case 5: e.cur = e.b.n; break;
		case 2:
			if (e.cur) {
				e.cur--;
				outs("\b");
			}
			continue;
		case 6:
			if (e.cur < e.b.n)
				out(e.b.s + e.cur++, 1);
			continue;
		case 11: erase(&e, e.cur, e.b.n); break;
		case 21: erase(&e, 0, e.cur); break;
		case 23: {
			size_t k = e.cur;
			while (k && e.b.s[k - 1] == ' ')
				k--;
			while (k && e.b.s[k - 1] != ' ')
				k--;
			erase(&e, k, e.cur);
			break;
		}
		case 12: outs("\033[H\033[2J"); break;
		case 16: /* up: older */
			if (hist > 0) {
				if (hist == history_count()) {
					free(stash);
					stash = xstrdup(e.b.s);
				}
				set_text(&e, history_at(--hist));
			}
			break;
		case 14: /* down: newer */
			if (hist < history_count()) {
				hist++;
				set_text(&e,
					 hist == history_count() ? (stash ? stash : "")
								 : history_at(hist));
			}
			break;
		case 9: complete(&e); break;
		default:
			if (key >= 32 && key < 256) {
				char c = (char)key;
				bool at_end = e.cur == e.b.n;
				insert(&e, &c, 1);
				/* Typing at the end of the line is most typing: an
				 * echo, not a line redrawn per character. */
				if (at_end) {
					out(&c, 1);
					continue;
				}
			}
			break;
		}
		redraw(&e);
	}
	goto done;
accept:
	if (e.cur != e.b.n) {
		e.cur = e.b.n;
		redraw(&e);
	}
	outs("\r\n");
	sb_addc(&e.b, '\n');
	result = sb_take(&e.b);
done:
	term_restore(0);
	sb_free(&e.b);
	free(stash);
	return result;
}
