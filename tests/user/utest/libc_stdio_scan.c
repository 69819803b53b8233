// SPDX-License-Identifier: BSD-2-Clause
// scanf on streams (fscanf, vfscanf, scanf, vscanf): the engine sscanf
// uses, with the first unmatched character left in the stream; dprintf and
// vdprintf on a pipe.
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../utest.h"
#include "../vfs_up.h"

/* A stream reading text (from a file in /tmp, so it goes through read()). */
static FILE *stream_of(const char *text, size_t len)
{
	FILE *f = fopen("/tmp/scan.txt", "w+");
	if (!f)
		return NULL;
	if (fwrite(text, 1, len, f) != len || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return NULL;
	}
	return f;
}

UTEST(libc_fscanf_pushback)
{
	CHECK_EQ(vfs_up(), 0);
	static const char text[] = "  42abc x 3.5e+y 10 20\n30 rest abd";
	FILE *f = stream_of(text, sizeof(text) - 1);
	CHECK(f != NULL);
	if (!f)
		return;
	int a = 0, b = 0, c = 0;
	double d = 0;
	char word[16] = "";
	CHECK_EQ(fscanf(f, "%d", &a), 1);
	CHECK_EQ(a, 42);
	CHECK_EQ(fgetc(f), 'a'); /* the character that ended the number */
	CHECK_EQ(fscanf(f, "%3s", word), 1);
	CHECK(strcmp(word, "bc") == 0);
	CHECK_EQ(fscanf(f, "%d", &a), 0); /* 'x' does not match and stays */
	CHECK_EQ(fgetc(f), 'x');
	/* A float's text ends at "e+" (the longest prefix of the syntax, as
	 * glibc): strtod takes "3.5", and only 'y' is pushed back. */
	CHECK_EQ(fscanf(f, "%lf", &d), 1);
	CHECK(d == 3.5);
	CHECK_EQ(fgetc(f), 'y');
	CHECK_EQ(fscanf(f, "%d %d%d %15s", &a, &b, &c, word), 4);
	CHECK_EQ(a, 10);
	CHECK_EQ(b, 20);
	CHECK_EQ(c, 30);
	CHECK(strcmp(word, "rest") == 0);
	CHECK_EQ(fscanf(f, " abc"), 0); /* a literal mismatch leaves the 'd' */
	CHECK_EQ(fgetc(f), 'd');
	CHECK_EQ(fscanf(f, "%d", &a), EOF);
	CHECK(feof(f));
	CHECK_EQ(fclose(f), 0);
}

/* Numbers straddling the stream's 4096-byte buffer, read by fscanf and
 * compared with sscanf on the same text (sscanf is compared with glibc by
 * the host tests). */
UTEST(libc_fscanf_matches_sscanf)
{
	CHECK_EQ(vfs_up(), 0);
	enum { LEN = 40000 };
	char *text = malloc(LEN + 1);
	CHECK(text != NULL);
	if (!text)
		return;
	size_t n = 0;
	uint64_t s = 0x9e3779b97f4a7c15u;
	while (n < LEN - 64) {
		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		static const char *const forms[] = { "%ld", "%#lx", "%lo", "  %ld\n", "\t+%lu" };
		long v = (long)(s >> 11) >> (s % 40);
		n += (size_t)snprintf(text + n, LEN - n, forms[s % 5], v);
		text[n++] = ' ';
	}
	text[n] = 0;
	FILE *f = stream_of(text, n);
	CHECK(f != NULL);
	long got, want;
	int pos = 0, used = 0, mismatches = 0, count = 0;
	while (f && sscanf(text + pos, "%li%n", &want, &used) == 1) {
		pos += used;
		if (fscanf(f, "%li", &got) != 1 || got != want)
			mismatches++;
		count++;
	}
	CHECK(count > 1000);
	CHECK_EQ(mismatches, 0);
	CHECK(f && fscanf(f, "%li", &got) == EOF);
	if (f)
		fclose(f);
	free(text);
}

static int scan_stdin(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vscanf(fmt, ap);
	va_end(ap);
	return n;
}

UTEST(libc_scanf_stdin)
{
	CHECK_EQ(vfs_up(), 0);
	FILE *f = stream_of("7 -8 nine", 9);
	CHECK(f != NULL);
	if (!f)
		return;
	fclose(f);
	int fd = open("/tmp/scan.txt", O_RDONLY);
	CHECK_EQ(dup2(fd, 0), 0);
	if (fd != 0) /* 0 is free in the root task: open may give it */
		close(fd);
	int a = 0, b = 0;
	char w[8] = "";
	CHECK_EQ(scanf("%d", &a), 1);
	CHECK_EQ(scan_stdin("%d%7s", &b, w), 2);
	CHECK_EQ(a, 7);
	CHECK_EQ(b, -8);
	CHECK(strcmp(w, "nine") == 0);
	CHECK_EQ(scanf("%d", &a), EOF);
	close(0);
	clearerr(stdin);
}

static int vd(int fd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

UTEST(libc_dprintf)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	char buf[1024];
	CHECK_EQ(dprintf(p[1], "%d-%s-%.2f|", 42, "x", 1.5), 10);
	CHECK_EQ(vd(p[1], "%600d|", 7), 601); /* longer than the buffer */
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 611);
	CHECK(memcmp(buf, "42-x-1.50|", 10) == 0);
	CHECK(buf[10] == ' ' && buf[608] == ' ' && buf[609] == '7' && buf[610] == '|');
	close(p[0]);
	close(p[1]);
	errno = 0;
	CHECK_EQ(dprintf(1000, "%d", 1), -1); /* not open (1 and 2 would be the log) */
	CHECK_EQ(errno, EBADF);
}
