// SPDX-License-Identifier: BSD-2-Clause
// The runner behind vtest.h: runs the registered cases in a fixed order and
// prints one result line per case. A sanitizer report or a hang still yields
// a FAIL line for the case that was running (the death callback and the
// alarm), so a crash is counted and not just a missing line.
#define _DEFAULT_SOURCE
#include <fnmatch.h>
#include <sanitizer/common_interface_defs.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <vtest.h>

/* Seconds a single case may run before it counts as hung. */
#define CASE_TIMEOUT 30

struct vtest_case {
	const char *suite, *name, *file;
	int line;
	vtest_fn fn;
};

static struct vtest_case *cases;
static size_t ncases, cap;
static const struct vtest_case *current;
static jmp_buf fail_jmp;
static char fail_msg[1024];

void vtest_register(const char *suite, const char *name, vtest_fn fn, const char *file, int line)
{
	if (ncases == cap) {
		cap = cap ? cap * 2 : 64;
		cases = realloc(cases, cap * sizeof(*cases));
		if (!cases)
			abort();
	}
	cases[ncases++] = (struct vtest_case){ suite, name, file, line, fn };
}

int vtest_strcmp(const char *a, const char *b)
{
	return strcmp(a, b);
}

/* Result lines are one line each: newlines and other control characters in
 * a detail (say, a mismatching formatted string) are escaped. */
static void put_sanitized(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\n')
			fputs("\\n", stdout);
		else if (c < 0x20 || c >= 0x7f)
			printf("\\x%02x", c);
		else
			putchar(c);
	}
}

_Noreturn void vtest_fail(const char *file, int line, const char *fmt, ...)
{
	int n = snprintf(fail_msg, sizeof(fail_msg), "%s:%d: ", file, line);
	va_list ap;
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof(fail_msg))
		vsnprintf(fail_msg + n, sizeof(fail_msg) - (size_t)n, fmt, ap);
	va_end(ap);
	if (!current) {
		fprintf(stderr, "vtest_fail outside a test: %s\n", fail_msg);
		abort();
	}
	longjmp(fail_jmp, 1);
}

static void die_callback(void)
{
	if (current) {
		printf("TEST %s.%s: FAIL %s:%d: sanitizer report (see stderr)\n", current->suite,
		       current->name, current->file, current->line);
		fflush(stdout);
	}
}

static void on_alarm(int sig)
{
	(void)sig;
	/* Only async-signal-safe calls here: build the line by hand. */
	const char *parts[] = { "TEST ",       current->suite,	 ".", current->name, ": FAIL ",
				current->file, ":0: timed out\n" };
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (write(1, parts[i], strlen(parts[i])) < 0)
			break;
	_exit(1);
}

static int by_position(const void *a, const void *b)
{
	const struct vtest_case *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	return c ? c : x->line - y->line;
}

/* A pattern selects "suite", "suite.case", or a glob over "suite.case". */
static bool selected(const struct vtest_case *c, int argc, char **argv)
{
	if (argc < 2)
		return true;
	char full[256];
	snprintf(full, sizeof(full), "%s.%s", c->suite, c->name);
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], c->suite) || !fnmatch(argv[i], full, 0))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	bool list = argc > 1 && !strcmp(argv[1], "--list");
	if (list) {
		argc--;
		argv++;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	__sanitizer_set_death_callback(die_callback);
	signal(SIGALRM, on_alarm);
	/* Constructor order is not something to rely on; file and line are. */
	qsort(cases, ncases, sizeof(*cases), by_position);

	size_t passed = 0, failed = 0;
	for (size_t i = 0; i < ncases; i++) {
		const struct vtest_case *c = &cases[i];
		if (!selected(c, argc, argv))
			continue;
		if (list) {
			printf("%s.%s\n", c->suite, c->name);
			passed++;
			continue;
		}
		current = c;
		alarm(CASE_TIMEOUT);
		if (!setjmp(fail_jmp)) {
			c->fn();
			printf("TEST %s.%s: PASS\n", c->suite, c->name);
			passed++;
		} else {
			printf("TEST %s.%s: FAIL ", c->suite, c->name);
			put_sanitized(fail_msg);
			putchar('\n');
			failed++;
		}
		alarm(0);
		current = NULL;
	}
	if (list)
		return 0;
	if (!passed && !failed) {
		fprintf(stderr, "%s: no test matches\n", argv[0]);
		return 2;
	}
	printf("# %s: %zu passed, %zu failed\n", argv[0], passed, failed);
	fflush(stdout);
	/* A failed case left its allocations behind (the longjmp skipped the
	 * frees): exit without LeakSanitizer's report, which would only bury
	 * the failure. Passing runs still get the leak check. */
	if (failed)
		_exit(1);
	return 0;
}

void *vtest_dup(const void *p, size_t size)
{
	void *q = malloc(size ? size : 1);
	if (!q)
		abort();
	memcpy(q, p, size);
	return q;
}

void *vtest_load(const char *name, size_t *size)
{
	const char *dir = getenv("HOST_TEST_DATA");
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir ? dir : "build/host/data", name);
	FILE *f = fopen(path, "rb");
	if (!f)
		FAIL("cannot open %s (run the tests through make host-test)", path);
	void *buf = NULL;
	long n = -1;
	if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) >= 0 && !fseek(f, 0, SEEK_SET)) {
		buf = malloc(n ? (size_t)n : 1);
		if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	if (!buf)
		FAIL("cannot read %s", path);
	*size = (size_t)n;
	return buf;
}
