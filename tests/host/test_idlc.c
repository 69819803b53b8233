// SPDX-License-Identifier: BSD-2-Clause
// The IDL compiler: its outputs for tests/idl/*.idl compared byte for byte
// with tests/idl/golden/ (IDLC_UPDATE_GOLDEN=1 rewrites those), one bad
// input for every error message, and the command line of build/tools/idlc
// (exit status, no output left behind by a failure).
#define _DEFAULT_SOURCE
#include "../../tools/idlc/idlc.h"
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vtest.h>

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	CHECK(buf);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			char *bigger = realloc(buf, cap);
			CHECK(bigger);
			buf = bigger;
		}
	}
	fclose(f);
	*len = n;
	return buf;
}

static void golden(const char *name)
{
	char path[256];
	snprintf(path, sizeof(path), "tests/idl/%s.idl", name);
	size_t len;
	char *src = slurp(path, &len);
	CHECK_MSG(src, "cannot read %s", path);
	struct idlc_output out;
	char err[600];
	int r = idlc_compile(path, src, len, &out, err, sizeof(err));
	free(src);
	CHECK_MSG(r == 0, "%s", err);
	bool update = getenv("IDLC_UPDATE_GOLDEN") != NULL;
	for (int i = 0; i < OUT_COUNT; i++) {
		char gpath[512];
		snprintf(gpath, sizeof(gpath), "tests/idl/golden/%s/%s.golden", name, out.name[i]);
		if (update) {
			char dir[300];
			snprintf(dir, sizeof(dir), "tests/idl/golden/%s", name);
			mkdir(dir, 0777);
			FILE *f = fopen(gpath, "wb");
			CHECK_MSG(f, "cannot write %s", gpath);
			fwrite(out.text[i].data, 1, out.text[i].len, f);
			fclose(f);
			continue;
		}
		size_t glen;
		char *g = slurp(gpath, &glen);
		CHECK_MSG(g, "cannot read %s", gpath);
		size_t k = 0;
		while (k < glen && k < out.text[i].len && g[k] == out.text[i].data[k])
			k++;
		int line = 1;
		for (size_t j = 0; j < k; j++)
			line += g[j] == '\n';
		bool same = glen == out.text[i].len && k == glen;
		free(g);
		CHECK_MSG(same, "%s differs from the output at line %d", gpath, line);
	}
	idlc_output_free(&out);
}

TEST(idlc, golden_kitchen)
{
	golden("kitchen");
}

TEST(idlc, golden_minimal)
{
	golden("minimal");
}

TEST(idlc, golden_events)
{
	golden("events");
}

/* ---- every error message, one bad input each ---- */

static void expect_error(const char *src, size_t len, const char *want)
{
	struct idlc_output out;
	char err[600];
	char *copy = malloc(len ? len : 1); /* exactly the size: ASan sees overreads */
	CHECK(copy);
	memcpy(copy, src, len);
	int r = idlc_compile("bad.idl", copy, len, &out, err, sizeof(err));
	free(copy);
	if (r == 0)
		idlc_output_free(&out);
	CHECK_MSG(r == 1, "accepted: %.60s (wanted %s)", src, want);
	CHECK_MSG(!strcmp(err, want), "got \"%s\", wanted \"%s\"", err, want);
}

#define LIB "library t;\n"
#define IF "interface i @1 { "

static const struct {
	const char *src, *want;
} errors[] = {
	{ LIB "/* never ends", "bad.idl:2:1: unterminated comment" },
	{ LIB "interface i @0x {", "bad.idl:2:14: malformed number" },
	{ LIB "interface i @99999999999999999999 {", "bad.idl:2:14: number too large" },
	{ LIB "interface i @12ab {", "bad.idl:2:14: malformed number" },
	{ LIB "$", "bad.idl:2:1: unexpected character '$'" },
	{ LIB "\x01", "bad.idl:2:1: unexpected byte 0x01" },
	{ "interface", "bad.idl:1:1: expected 'library', found 'interface'" },
	{ LIB "struct s {", "bad.idl:2:11: expected a field name, found end of file" },
	{ LIB "union u {}",
	  "bad.idl:2:1: expected 'enum', 'error', 'struct' or 'interface', found 'union'" },
	{ LIB "struct int { x: u8; }", "bad.idl:2:8: 'int' is reserved" },
	{ LIB "struct ipc_x { x: u8; }", "bad.idl:2:8: names beginning with ipc_ are reserved" },
	{ LIB IF "@1 m(h: handle<vmo, fly>); }", "bad.idl:2:38: unknown right 'fly'" },
	{ LIB IF "@1 m(h: handle<vmo, read|read>); }", "bad.idl:2:43: right 'read' named twice" },
	{ LIB IF "@1 m(h: handle<car>); }", "bad.idl:2:33: unknown object type 'car'" },
	{ LIB IF "@1 m(s: string<0>); }", "bad.idl:2:33: maximum must be 1 to 16777216" },
	{ LIB IF "@1 m(a: array<string<5>, 3>); }",
	  "bad.idl:2:32: array elements must be integers, bools or enums" },
	{ LIB IF "@1 m(a: foo); }", "bad.idl:2:26: unknown type 'foo'" },
	{ LIB "error e { x = 1 }\n" IF "@1 m(a: e); }", "bad.idl:3:26: 'e' is not a type" },
	{ LIB "struct s { x: u8; }\nstruct s { x: u8; }", "bad.idl:3:8: 's' is already declared" },
	{ LIB "error e { x = 0 }", "bad.idl:2:15: error values must be 1 to 2147483647" },
	{ LIB "enum e : u8 { x = 256 }", "bad.idl:2:19: value does not fit in u8" },
	{ LIB "enum e : u8 { x = 1, x = 2 }", "bad.idl:2:22: member 'x' is already declared" },
	{ LIB "enum e : u8 { x = 1, y = 1 }", "bad.idl:2:26: value already used by 'x'" },
	{ LIB "enum e : u8 { }", "bad.idl:2:15: 'e' has no members" },
	{ LIB "struct s { x: u8; x: u8; }", "bad.idl:2:19: field 'x' is already declared" },
	{ LIB "struct s { x: string<4>; }",
	  "bad.idl:2:15: struct fields must be integers, bools, enums or structs" },
	{ LIB IF "@1 m(a: u8, a: u8); }", "bad.idl:2:30: parameter 'a' is already declared" },
	{ LIB IF "@1 m(a: bytes<4>, a_len: u8); }",
	  "bad.idl:2:36: parameter 'a_len' is already declared" },
	{ LIB IF "@1 m(a_len: u8, a: bytes<4>); }",
	  "bad.idl:2:34: parameter 'a_len' is already declared" },
	{ LIB IF "@0 m(); }", "bad.idl:2:19: method numbers must be 1 to 65535" },
	{ LIB IF "@1 m(); @2 m(); }", "bad.idl:2:29: method 'm' is already declared" },
	{ LIB IF "@1 m(); @1 n(); }", "bad.idl:2:27: method number 1 already used by 'm'" },
	{ LIB IF "@1 event e() -> (); }", "bad.idl:2:31: an event has no reply" },
	{ LIB IF "@1 m() raises foo; }", "bad.idl:2:32: 'foo' is not an error declaration" },
	{ LIB "interface i @0 { }", "bad.idl:2:14: interface numbers must be 1 to 32767" },
	{ LIB IF "@1 m(); }\ninterface j @1 { @1 m(); }",
	  "bad.idl:3:14: interface number 1 already used by 'i'" },
	{ LIB IF "}", "bad.idl:2:18: 'i' has no methods" },
};

TEST(idlc, errors)
{
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
		expect_error(errors[i].src, strlen(errors[i].src), errors[i].want);
}

/* The errors that need big inputs, built here. */
struct buf {
	char *p;
	size_t len, cap;
};

static void put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	if (b->cap - b->len < 4096) {
		b->cap = b->cap ? b->cap * 2 : 1 << 16;
		char *bigger = realloc(b->p, b->cap);
		CHECK(bigger);
		b->p = bigger;
	}
	va_start(ap, fmt);
	b->len += (size_t)vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
}

static void expect_built(struct buf *b, const char *want)
{
	expect_error(b->p, b->len, want);
	free(b->p);
	*b = (struct buf){ 0 };
}

TEST(idlc, errors_limits)
{
	struct buf b = { 0 };
	char ident[66];
	memset(ident, 'a', 65);
	ident[65] = 0;
	put(&b, "library %s;", ident);
	expect_built(&b, "bad.idl:1:9: identifier longer than 64 characters");

	put(&b, LIB);
	for (int i = 0; i < 257; i++)
		put(&b, "struct s%d { x: u8; }\n", i);
	expect_built(&b, "bad.idl:258:8: more than 256 declarations");

	put(&b, LIB "enum e : u16 {\n");
	for (int i = 0; i < 257; i++)
		put(&b, "m%d = %d,\n", i, i);
	put(&b, "}");
	expect_built(&b, "bad.idl:259:1: more than 256 members");

	put(&b, LIB "struct s {\n");
	for (int i = 0; i < 33; i++)
		put(&b, "f%d: u8;\n", i);
	put(&b, "}");
	expect_built(&b, "bad.idl:35:1: more than 32 fields");

	put(&b, LIB "struct s0 { x: u8; }\n");
	for (int i = 1; i <= 8; i++)
		put(&b, "struct s%d { x: s%d; }\n", i, i - 1);
	expect_built(&b, "bad.idl:10:16: structs nested deeper than 8");

	put(&b, LIB "struct w {\n");
	for (int i = 0; i < 32; i++)
		put(&b, "f%d: u64;\n", i);
	put(&b, "}\nstruct big {\n");
	for (int i = 0; i < 32; i++)
		put(&b, "g%d: w;\n", i);
	put(&b, "}");
	expect_built(&b, "bad.idl:36:8: 'big' needs 1024 words; a message holds 1016");

	put(&b, LIB IF "@1 m(\n");
	for (int i = 0; i < 33; i++)
		put(&b, "p%d: u8,\n", i);
	put(&b, "); }");
	expect_built(&b, "bad.idl:35:1: more than 32 parameters");

	put(&b, LIB IF "\n");
	for (int i = 1; i <= 257; i++)
		put(&b, "@%d m%d();\n", i, i);
	put(&b, "}");
	expect_built(&b, "bad.idl:259:1: more than 256 methods");

	put(&b, LIB "struct w {\n");
	for (int i = 0; i < 32; i++)
		put(&b, "f%d: u64;\n", i);
	put(&b, "}\n" IF "\n@1 m(");
	for (int i = 0; i < 32; i++)
		put(&b, "%sp%d: w", i ? ", " : "", i);
	put(&b, "); }");
	expect_built(&b, "bad.idl:37:1: the request of 'm' needs 1024 words; a message holds 1016");

	put(&b, LIB IF "\n@1 m() -> (");
	for (int i = 0; i < 9; i++)
		put(&b, "%sh%d: handle<vmo>", i ? ", " : "", i);
	put(&b, "); }");
	expect_built(&b,
		     "bad.idl:3:1: the reply of 'm' carries 9 handles (VMOs included); a message "
		     "holds 8");

	size_t big = IDLC_MAX_SOURCE + 1;
	b.p = malloc(big);
	CHECK(b.p);
	memset(b.p, ' ', big);
	b.len = big;
	expect_built(&b, "bad.idl:1:1: file larger than 1048576 bytes");
}

/* ---- the command line ---- */

static int run(const char *cmd)
{
	int st = system(cmd);
	CHECK_MSG(st != -1 && WIFEXITED(st), "%s: did not exit", cmd);
	return WEXITSTATUS(st);
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	CHECK_MSG(d, "cannot open %s", dir);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."));
	closedir(d);
	return n;
}

TEST(idlc, command_line)
{
	char dir[] = "/tmp/idlc-test.XXXXXX";
	CHECK(mkdtemp(dir));
	char cmd[1024], path[600];
	snprintf(cmd, sizeof(cmd), "build/tools/idlc tests/idl/minimal.idl -o %s", dir);
	CHECK_EQ_I(run(cmd), 0);
	CHECK_EQ_I(count_entries(dir), OUT_COUNT); /* and no temporary left */
	snprintf(path, sizeof(path), "%s/minimal_server.c", dir);
	CHECK(access(path, R_OK) == 0);

	/* Bad IDL: exit 1, the message on stderr, nothing written. */
	snprintf(path, sizeof(path), "%s/bad.idl", dir);
	FILE *f = fopen(path, "w");
	CHECK(f);
	fputs("library bad;\ninterface i @1 { @1 m(x: u7); }\n", f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "mkdir %s/out && build/tools/idlc %s/bad.idl -o %s/out 2>%s/err",
		 dir, dir, dir, dir);
	CHECK_EQ_I(run(cmd), 1);
	snprintf(path, sizeof(path), "%s/out", dir);
	CHECK_EQ_I(count_entries(path), 0);
	snprintf(path, sizeof(path), "%s/err", dir);
	size_t len;
	char *msg = slurp(path, &len);
	CHECK(msg);
	CHECK_MSG(strstr(msg, "bad.idl:2:26: unknown type 'u7'\n"), "stderr: %.*s", (int)len, msg);
	free(msg);

	/* No such file, no such output directory, no arguments. */
	snprintf(cmd, sizeof(cmd), "build/tools/idlc %s/none.idl -o %s 2>/dev/null", dir, dir);
	CHECK_EQ_I(run(cmd), 1);
	snprintf(cmd, sizeof(cmd),
		 "build/tools/idlc tests/idl/minimal.idl -o %s/no/such 2>/dev/null", dir);
	CHECK_EQ_I(run(cmd), 1);
	CHECK_EQ_I(run("build/tools/idlc 2>/dev/null"), 2);
	CHECK_EQ_I(run("build/tools/idlc --check tests/idl/kitchen.idl"), 0);

	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	CHECK_EQ_I(run(cmd), 0);
}
