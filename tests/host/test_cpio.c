// SPDX-License-Identifier: BSD-2-Clause
// kernel/lib/cpio.c against GNU cpio: archives of a generated tree written by
// the host's `cpio -o -H newc` and `-H crc` (tests/host/cpio-samples), read
// back record by record and compared with what `cpio -itv` lists and with
// the tree's own files; then cpio_find's name forms, and the refusal of
// malformed archives, mutated from good ones or built record by record here.
// Every archive sits in a heap buffer of exactly its size, so ASan reports
// any read past it.
#define _DEFAULT_SOURCE
#include <kernel/cpio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <verdigris/errors.h>
#include <vtest.h>

/* ---- helpers ---- */

#define TRAILER "TRAILER!!!"
#define FIELD_POS(i) (6 + 8 * (i))
enum {
	F_INO,
	F_MODE,
	F_UID,
	F_GID,
	F_NLINK,
	F_MTIME,
	F_FILESIZE,
	F_DEVMAJOR,
	F_DEVMINOR,
	F_RDEVMAJOR,
	F_RDEVMINOR,
	F_NAMESIZE,
	F_CHECK
};

static const char *data_dir(void)
{
	const char *dir = getenv("HOST_TEST_DATA");
	return dir ? dir : "build/host/data";
}

/* A data file opened for reading, or the test fails. */
static FILE *open_data(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		FAIL("cannot open %s (run the tests through make host-test)", path);
	return f;
}

static size_t pad4(size_t x)
{
	return (x + 3) & ~(size_t)3;
}

/* Expects refusal with a reason containing want (NULL: any reason), from
 * cpio_validate and cpio_find alike. The archive is copied into a buffer
 * of exactly len bytes. */
static void expect_refused_at(const char *file, int line, const void *archive, size_t len,
			      const char *want)
{
	uint8_t *copy = vtest_dup(archive, len);
	const char *why = NULL;
	int rc = cpio_validate(copy, len, &why);
	struct cpio_entry e;
	int find_rc = cpio_find(copy, len, "etc/motd", &e);
	free(copy);
	if (rc != ERR_BAD_FORMAT)
		vtest_fail(file, line, "cpio_validate returned %d, expected ERR_BAD_FORMAT", rc);
	if (!why || !*why)
		vtest_fail(file, line, "refused without a reason");
	if (want && !strstr(why, want))
		vtest_fail(file, line, "reason \"%s\", expected \"%s\"", why, want);
	if (find_rc != ERR_BAD_FORMAT)
		vtest_fail(file, line, "cpio_find returned %d on a refused archive", find_rc);
}
#define EXPECT_REFUSED(a, len, want) expect_refused_at(__FILE__, __LINE__, a, len, want)

static int validate_at(const char *file, int line, const void *archive, size_t len)
{
	uint8_t *copy = vtest_dup(archive, len);
	const char *why = NULL;
	int rc = cpio_validate(copy, len, &why);
	free(copy);
	if (rc < 0)
		vtest_fail(file, line, "refused (%d): %s", rc, why ? why : "(no reason)");
	return rc;
}
#define VALIDATE(a, len) validate_at(__FILE__, __LINE__, a, len)

/* Builds archives record by record, for what GNU cpio never writes. */
struct builder {
	uint8_t buf[65536];
	size_t len;
};

struct rec {
	const char *magic; /* NULL: "070701" */
	const char *name;
	uint32_t mode;
	const void *data;
	size_t size;
	uint32_t nlink, ino;
};

/* Appends a record; returns its offset. A 070702 record gets the checksum
 * of its data. */
static size_t put(struct builder *b, struct rec r)
{
	const char *magic = r.magic ? r.magic : "070701";
	size_t namesize = strlen(r.name) + 1;
	uint32_t sum = 0;
	for (size_t i = 0; i < r.size; i++)
		sum += ((const uint8_t *)r.data)[i];
	if (strcmp(magic, "070702"))
		sum = 0;
	size_t at = b->len;
	CHECK(at + 110 + namesize + r.size + 8 <= sizeof(b->buf));
	char hdr[111];
	snprintf(hdr, sizeof(hdr), "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", magic,
		 r.ino, r.mode, 0u, 0u, r.nlink ? r.nlink : 1u, 1577934245u, (unsigned)r.size, 0u,
		 0u, 0u, 0u, (unsigned)namesize, sum);
	memcpy(b->buf + at, hdr, 110);
	memcpy(b->buf + at + 110, r.name, namesize);
	size_t data_at = pad4(at + 110 + namesize);
	memset(b->buf + at + 110 + namesize, 0, data_at - (at + 110 + namesize));
	if (r.size)
		memcpy(b->buf + data_at, r.data, r.size);
	b->len = pad4(data_at + r.size);
	memset(b->buf + data_at + r.size, 0, b->len - (data_at + r.size));
	return at;
}

static size_t put_file(struct builder *b, const char *name, const char *text)
{
	return put(b,
		   (struct rec){ .name = name,
				 .mode = CPIO_S_IFREG | 0644,
				 .data = text,
				 .size = strlen(text) });
}

static size_t put_dir(struct builder *b, const char *name)
{
	return put(b, (struct rec){ .name = name, .mode = CPIO_S_IFDIR | 0755 });
}

static size_t put_trailer(struct builder *b)
{
	return put(b, (struct rec){ .name = TRAILER });
}

/* Overwrites header field i of the record at rec with exactly 8 hex digits. */
static void set_field(uint8_t *archive, size_t rec, int i, uint32_t value)
{
	char text[9];
	snprintf(text, sizeof(text), "%08X", value);
	memcpy(archive + rec + FIELD_POS(i), text, 8);
}

/* A well-formed archive: a directory, two files, the trailer. */
static void small_archive(struct builder *b)
{
	b->len = 0;
	put_dir(b, "etc");
	put_file(b, "etc/motd", "hello\n");
	put_file(b, "etc/x", "abc");
	put_trailer(b);
}

static size_t record_at(struct builder *b, int index)
{
	size_t off = 0;
	struct cpio_entry e;
	for (int i = 0; i < index; i++)
		CHECK_EQ_I(cpio_next(b->buf, b->len, &off, &e, NULL), 1);
	return off;
}

/* An archive of one record besides the trailer: refused or accepted. */
static void one_record(struct builder *b, struct rec r)
{
	b->len = 0;
	put(b, r);
	put_trailer(b);
}

/* ---- against GNU cpio ---- */

/* The ls-style mode string cpio -itv prints. */
static void mode_string(uint32_t mode, char out[11])
{
	static const char types[] = "?pc?d?b?-?l?s???";
	out[0] = types[(mode >> 12) & 15];
	const char *rwx = "rwxrwxrwx";
	for (int i = 0; i < 9; i++)
		out[1 + i] = mode & (1u << (8 - i)) ? rwx[i] : '-';
	out[10] = 0;
}

struct listed {
	char mode[16];
	unsigned nlink, uid, gid, major, minor;
	unsigned long size;
	char name[512];
	char target[512];
};

/* One line of cpio -itv --numeric-uid-gid:
 *   -rw-r--r--   1 0  0   21 Jan  2  2020 etc/motd
 *   crw-r--r--   1 0  0   1,   3 Jan  2  2020 dev-null
 *   lrwxrwxrwx   1 0  0    4 Jan  2  2020 bin/sh -> init */
static void parse_listing_line(char *line, struct listed *l)
{
	memset(l, 0, sizeof(*l));
	line[strcspn(line, "\n")] = 0;
	int n = 0, m = 0;
	CHECK_MSG(sscanf(line, "%15s %u %u %u %n", l->mode, &l->nlink, &l->uid, &l->gid, &n) == 4,
		  "bad listing line \"%s\"", line);
	char *p = line + n;
	if (l->mode[0] == 'c' || l->mode[0] == 'b')
		CHECK_MSG(sscanf(p, "%u, %u %n", &l->major, &l->minor, &m) == 2,
			  "bad device \"%s\"", line);
	else
		CHECK_MSG(sscanf(p, "%lu %n", &l->size, &m) == 1, "bad size \"%s\"", line);
	p += m;
	for (int field = 0; field < 3; field++) { /* the date: month, day, year or time */
		p += strcspn(p, " ");
		p += strspn(p, " ");
	}
	char *arrow = l->mode[0] == 'l' ? strstr(p, " -> ") : NULL;
	if (arrow) {
		snprintf(l->target, sizeof(l->target), "%s", arrow + 4);
		*arrow = 0;
	}
	snprintf(l->name, sizeof(l->name), "%s", p);
}

/* Every record of the archive against its listing line and the tree. */
static void compare_with_gnu(const char *archive_name)
{
	char path[512];
	size_t len;
	snprintf(path, sizeof(path), "cpio/%s", archive_name);
	uint8_t *a = vtest_load(path, &len);
	snprintf(path, sizeof(path), "%s/cpio/%s.list", data_dir(), archive_name);
	FILE *list = open_data(path);

	size_t off = 0;
	int entries = 0;
	char line[1200];
	struct cpio_entry e;
	const char *why = NULL;
	while (fgets(line, sizeof(line), list)) {
		struct listed l;
		parse_listing_line(line, &l);
		size_t before = off;
		int rc = cpio_next(a, len, &off, &e, &why);
		CHECK_MSG(rc == 1, "record for %s: cpio_next returned %d (%s)", l.name, rc,
			  rc < 0 ? why : "trailer");
		CHECK_MSG(before % 4 == 0 && off % 4 == 0, "%s: record not 4-byte aligned", l.name);
		CHECK_MSG(((const uint8_t *)e.data - a) % 4 == 0, "%s: data not 4-byte aligned",
			  l.name);
		CHECK_STREQ(e.name, l.name);
		CHECK_EQ_U(e.name_len, strlen(l.name));
		char mode[11];
		mode_string(e.mode, mode);
		CHECK_MSG(!strcmp(mode, l.mode), "%s: mode %s, cpio lists %s", l.name, mode,
			  l.mode);
		CHECK_EQ_U(e.nlink, l.nlink);
		CHECK_EQ_U(e.uid, l.uid);
		CHECK_EQ_U(e.gid, l.gid);
		if (l.mode[0] == 'c' || l.mode[0] == 'b') {
			CHECK_EQ_U(e.rdevmajor, l.major);
			CHECK_EQ_U(e.rdevminor, l.minor);
		}
		CHECK_MSG(e.size == l.size, "%s: size %zu, cpio lists %lu", l.name, e.size, l.size);
		if (l.mode[0] == 'l')
			CHECK_MSG(e.size == strlen(l.target) && !memcmp(e.data, l.target, e.size),
				  "%s: symlink target \"%.*s\", cpio lists \"%s\"", l.name,
				  (int)e.size, (const char *)e.data, l.target);

		/* The tree the archive was made from: type, permissions,
		 * time, and the bytes of every file that has its data here. */
		struct stat st;
		snprintf(path, sizeof(path), "%s/cpio/tree/%s", data_dir(), e.name);
		CHECK_MSG(lstat(path, &st) == 0, "cannot lstat %s", path);
		CHECK_EQ_U(e.mode, st.st_mode);
		CHECK_EQ_U(e.mtime, st.st_mtime);
		CHECK_EQ_U(e.ino, (uint32_t)st.st_ino);
		if (S_ISREG(st.st_mode) && e.size) {
			CHECK_EQ_U(e.size, st.st_size);
			size_t n;
			snprintf(path, sizeof(path), "cpio/tree/%s", e.name);
			uint8_t *content = vtest_load(path, &n);
			bool same = n == e.size && !memcmp(content, e.data, n);
			free(content);
			CHECK_MSG(same, "%s: data differs from the tree's file", e.name);
		}
		entries++;
	}
	fclose(list);
	CHECK_EQ_I(cpio_next(a, len, &off, &e, &why), 0);
	CHECK_EQ_I(cpio_validate(a, len, &why), entries);
	CHECK(entries > 40);
	free(a);
}

TEST(cpio, gnu_newc_matches_listing)
{
	compare_with_gnu("tree.newc");
}

TEST(cpio, gnu_crc_matches_listing)
{
	compare_with_gnu("tree.crc");
}

/* Every name cpio lists is found in each of its three spellings, and the
 * entry found has the tree's bytes. */
TEST(cpio, find_every_listed_name)
{
	size_t len;
	uint8_t *a = vtest_load("cpio/tree.newc", &len);
	size_t off = 0;
	struct cpio_entry e, found;
	int n = 0;
	while (cpio_next(a, len, &off, &e, NULL) == 1) {
		char forms[3][600];
		snprintf(forms[0], sizeof(forms[0]), "%s", e.name);
		snprintf(forms[1], sizeof(forms[1]), "./%s", e.name);
		snprintf(forms[2], sizeof(forms[2]), "/%s", e.name);
		for (int i = 0; i < 3; i++) {
			int rc = cpio_find(a, len, forms[i], &found);
			CHECK_MSG(rc == 0, "cpio_find(\"%s\") returned %d", forms[i], rc);
			CHECK_STREQ(found.name, e.name);
			CHECK_EQ_U(found.mode, e.mode);
		}
		if (CPIO_TYPE(e.mode) == CPIO_S_IFREG) {
			char path[600];
			snprintf(path, sizeof(path), "cpio/tree/%s", e.name);
			size_t size;
			uint8_t *content = vtest_load(path, &size);
			bool same = size == found.size && !memcmp(content, found.data, size);
			free(content);
			CHECK_MSG(same, "cpio_find(\"%s\"): data differs from the tree's file",
				  e.name);
		}
		n++;
	}
	CHECK(n > 40);
	free(a);
}

TEST(cpio, find_path_forms)
{
	size_t len;
	uint8_t *a = vtest_load("cpio/tree.newc", &len);
	static const char *const forms[] = { "bin/init",    "./bin/init",   "/bin/init",
					     "bin//init",   "./bin/./init", "//bin/init/",
					     "././bin/init" };
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		struct cpio_entry e;
		CHECK_MSG(cpio_find(a, len, forms[i], &e) == 0, "\"%s\" not found", forms[i]);
		CHECK_STREQ(e.name, "bin/init");
		CHECK_EQ_U(e.size, 21);
		CHECK(!memcmp(e.data, "#!/bin/sh\necho hello\n", 21));
	}
	/* The root: GNU cpio stores it as ".". */
	static const char *const roots[] = { ".", "/", "./", "" };
	for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
		struct cpio_entry e;
		CHECK_MSG(cpio_find(a, len, roots[i], &e) == 0, "\"%s\" not found", roots[i]);
		CHECK_STREQ(e.name, ".");
		CHECK_EQ_U(CPIO_TYPE(e.mode), CPIO_S_IFDIR);
	}
	free(a);
}

TEST(cpio, find_missing)
{
	size_t len;
	uint8_t *a = vtest_load("cpio/tree.newc", &len);
	static const char *const missing[] = {
		"nope",	     "bin/nope",	"bin/init/x",	   "bin/ini",
		"bin/initx", "bin/../bin/init", "../bin/init",	   "a/b/c/d/e/leaf/..",
		TRAILER,     "BIN/INIT",	"with space/file2"
	};
	for (size_t i = 0; i < sizeof(missing) / sizeof(missing[0]); i++) {
		struct cpio_entry e;
		int rc = cpio_find(a, len, missing[i], &e);
		CHECK_MSG(rc == ERR_NOT_FOUND, "cpio_find(\"%s\") returned %d", missing[i], rc);
	}
	struct cpio_entry e;
	CHECK_EQ_I(cpio_find(a, len, NULL, &e), ERR_INVALID_ARGS);
	CHECK_EQ_I(cpio_find(a, len, "with space/file", &e), 0);
	CHECK_EQ_I(cpio_find(a, len, "a/b/c/d/e/leaf", &e), 0);
	CHECK(e.size == 4 && !memcmp(e.data, "leaf", 4));
	free(a);
}

/* GNU cpio writes a hard-linked file's data once, with its last link; the
 * others have size 0. Either name finds the data. */
TEST(cpio, find_hard_link)
{
	size_t len;
	uint8_t *a = vtest_load("cpio/tree.newc", &len);
	int with_data = 0;
	for (int i = 0; i < 2; i++) {
		const char *name = i ? "hard2" : "hard1";
		struct cpio_entry e;
		CHECK_EQ_I(cpio_find(a, len, name, &e), 0);
		CHECK_STREQ(e.name, name);
		CHECK_EQ_U(e.nlink, 2);
		CHECK_EQ_U(e.size, 12);
		CHECK(!memcmp(e.data, "shared data\n", 12));
	}
	/* ...and the raw records really do split like that. */
	size_t off = 0;
	struct cpio_entry e;
	while (cpio_next(a, len, &off, &e, NULL) == 1)
		if (!strncmp(e.name, "hard", 4))
			with_data += e.size > 0;
	CHECK_EQ_I(with_data, 1);
	free(a);
}

TEST(cpio, find_symlink)
{
	size_t len;
	uint8_t *a = vtest_load("cpio/tree.crc", &len);
	struct cpio_entry e;
	CHECK_EQ_I(cpio_find(a, len, "/bin/sh", &e), 0);
	CHECK_EQ_U(CPIO_TYPE(e.mode), CPIO_S_IFLNK);
	CHECK(e.size == 4 && !memcmp(e.data, "init", 4));
	CHECK_EQ_I(cpio_find(a, len, "motd-link", &e), 0);
	CHECK(e.size == 9 && !memcmp(e.data, "/etc/motd", 9));
	free(a);
}

TEST(cpio, find_later_record_wins)
{
	static struct builder b;
	b.len = 0;
	put_file(&b, "etc/motd", "first");
	put_file(&b, "./etc/motd", "second");
	put_file(&b, "other", "x");
	put_trailer(&b);
	CHECK_EQ_I(VALIDATE(b.buf, b.len), 3);
	struct cpio_entry e;
	CHECK_EQ_I(cpio_find(b.buf, b.len, "/etc/motd", &e), 0);
	CHECK(e.size == 6 && !memcmp(e.data, "second", 6));
	CHECK_STREQ(e.name, "./etc/motd");
}

/* Writers that keep the data with the first link are understood too. */
TEST(cpio, find_hard_link_data_first)
{
	static struct builder b;
	b.len = 0;
	put(&b,
	    (struct rec){ .name = "a",
			  .mode = CPIO_S_IFREG | 0644,
			  .data = "payload",
			  .size = 7,
			  .nlink = 2,
			  .ino = 77 });
	put(&b, (struct rec){ .name = "b", .mode = CPIO_S_IFREG | 0644, .nlink = 2, .ino = 77 });
	put(&b, (struct rec){ .name = "c", .mode = CPIO_S_IFREG | 0644, .nlink = 2, .ino = 78 });
	put_trailer(&b);
	struct cpio_entry e;
	CHECK_EQ_I(cpio_find(b.buf, b.len, "b", &e), 0);
	CHECK(e.size == 7 && !memcmp(e.data, "payload", 7));
	/* An empty file with links and no record holding data stays empty. */
	CHECK_EQ_I(cpio_find(b.buf, b.len, "c", &e), 0);
	CHECK_EQ_U(e.size, 0);
}

/* "./x" and "/x" names as other writers produce them. */
TEST(cpio, dot_slash_and_absolute_names)
{
	static struct builder b;
	b.len = 0;
	put_dir(&b, ".");
	put_dir(&b, "./bin");
	put_file(&b, "./bin/x", "exe");
	put_dir(&b, "/etc");
	put_file(&b, "/etc/y", "why");
	put_file(&b, "a/./b", "dot");
	put_file(&b, "...", "dots");
	put_file(&b, "..hidden", "h");
	put_file(&b, "a..", "t");
	put_trailer(&b);
	CHECK_EQ_I(VALIDATE(b.buf, b.len), 9);
	static const char *const xs[] = { "bin/x", "./bin/x", "/bin/x" };
	static const char *const ys[] = { "etc/y", "./etc/y", "/etc/y" };
	for (int i = 0; i < 3; i++) {
		struct cpio_entry e;
		CHECK_EQ_I(cpio_find(b.buf, b.len, xs[i], &e), 0);
		CHECK(e.size == 3 && !memcmp(e.data, "exe", 3));
		CHECK_EQ_I(cpio_find(b.buf, b.len, ys[i], &e), 0);
		CHECK(e.size == 3 && !memcmp(e.data, "why", 3));
	}
	struct cpio_entry e;
	CHECK_EQ_I(cpio_find(b.buf, b.len, "a/b", &e), 0);
	CHECK_EQ_I(cpio_find(b.buf, b.len, "...", &e), 0);
	CHECK_EQ_I(cpio_find(b.buf, b.len, "..hidden", &e), 0);
}

TEST(cpio, next_stops_at_trailer)
{
	static struct builder b;
	small_archive(&b);
	size_t off = 0, trailer_at = record_at(&b, 3);
	struct cpio_entry e;
	const char *names[] = { "etc", "etc/motd", "etc/x" };
	for (int i = 0; i < 3; i++) {
		CHECK_EQ_I(cpio_next(b.buf, b.len, &off, &e, NULL), 1);
		CHECK_STREQ(e.name, names[i]);
	}
	CHECK_EQ_U(off, trailer_at);
	CHECK_EQ_I(cpio_next(b.buf, b.len, &off, &e, NULL), 0);
	CHECK_EQ_U(off, b.len);
	/* Past the end: an error, not a read. */
	const char *why = NULL;
	off = b.len + 1;
	CHECK_EQ_I(cpio_next(b.buf, b.len, &off, &e, &why), ERR_BAD_FORMAT);
	CHECK(why && *why);
	CHECK_EQ_U(off, b.len + 1);
}

TEST(cpio, uncommon_fields_decoded)
{
	static struct builder b;
	b.len = 0;
	size_t r = put_file(&b, "f", "abc");
	put_trailer(&b);
	set_field(b.buf, r, F_UID, 0x12345678);
	set_field(b.buf, r, F_GID, 0x9abcdef0);
	set_field(b.buf, r, F_DEVMAJOR, 8);
	set_field(b.buf, r, F_DEVMINOR, 1);
	set_field(b.buf, r, F_RDEVMAJOR, 0xffffffff);
	set_field(b.buf, r, F_RDEVMINOR, 2);
	/* Lower-case hex is as good as upper case; 070701 ignores check. */
	memcpy(b.buf + r + FIELD_POS(F_MTIME), "deadbeef", 8);
	set_field(b.buf, r, F_CHECK, 0xffffffff);
	size_t off = 0;
	struct cpio_entry e;
	CHECK_EQ_I(cpio_next(b.buf, b.len, &off, &e, NULL), 1);
	CHECK_EQ_U(e.uid, 0x12345678);
	CHECK_EQ_U(e.gid, 0x9abcdef0);
	CHECK_EQ_U(e.devmajor, 8);
	CHECK_EQ_U(e.devminor, 1);
	CHECK_EQ_U(e.rdevmajor, 0xffffffff);
	CHECK_EQ_U(e.rdevminor, 2);
	CHECK_EQ_U(e.mtime, 0xdeadbeef);
	CHECK_EQ_I(VALIDATE(b.buf, b.len), 1);
}

TEST(cpio, why_is_optional)
{
	static struct builder b;
	small_archive(&b);
	b.buf[0] = 'x';
	size_t off = 0;
	struct cpio_entry e;
	CHECK_EQ_I(cpio_validate(b.buf, b.len, NULL), ERR_BAD_FORMAT);
	CHECK_EQ_I(cpio_next(b.buf, b.len, &off, &e, NULL), ERR_BAD_FORMAT);
	CHECK_EQ_I(cpio_validate(NULL, 0, NULL), ERR_BAD_FORMAT);
}

/* ---- the end of the archive ---- */

TEST(cpio, trailing_zeros_accepted)
{
	static struct builder b;
	small_archive(&b);
	/* Exactly at the end of the trailer, and padded to a block. */
	CHECK_EQ_I(VALIDATE(b.buf, b.len), 3);
	memset(b.buf + b.len, 0, 4096);
	CHECK_EQ_I(VALIDATE(b.buf, b.len + 4096), 3);
}

TEST(cpio, refuse_data_after_trailer)
{
	static struct builder b;
	small_archive(&b);
	memset(b.buf + b.len, 0, 512);
	b.buf[b.len + 511] = 1;
	EXPECT_REFUSED(b.buf, b.len + 512, "after the TRAILER");
	/* A second archive appended is data after the trailer too. */
	size_t first = b.len;
	small_archive(&b);
	memmove(b.buf + first, b.buf, b.len);
	small_archive(&b);
	EXPECT_REFUSED(b.buf, first * 2, "after the TRAILER");
}

TEST(cpio, refuse_missing_trailer)
{
	static struct builder b;
	small_archive(&b);
	size_t trailer = record_at(&b, 3);
	EXPECT_REFUSED(b.buf, trailer, "without a TRAILER");
	/* Zeros where the trailer should be. */
	memset(b.buf + trailer, 0, b.len - trailer);
	EXPECT_REFUSED(b.buf, b.len, "bad magic");
	EXPECT_REFUSED(b.buf, 0, NULL);
}

TEST(cpio, refuse_trailer_with_data)
{
	static struct builder b;
	b.len = 0;
	put_file(&b, "a", "x");
	put(&b, (struct rec){ .name = TRAILER, .data = "junk", .size = 4 });
	EXPECT_REFUSED(b.buf, b.len, "TRAILER!!! record has data");
}

/* A GNU archive cut at every byte: refused up to the end of its trailer,
 * accepted from there on (the rest is block padding). */
TEST(cpio, refuse_truncated_at_every_offset)
{
	size_t len;
	uint8_t *a = vtest_load("cpio/small.newc", &len);
	size_t t = 0;
	while (t + sizeof(TRAILER) <= len && memcmp(a + t, TRAILER, sizeof(TRAILER)))
		t++;
	CHECK(t + sizeof(TRAILER) <= len);
	size_t end = pad4(t + sizeof(TRAILER));
	CHECK(end < len);
	CHECK_EQ_I(VALIDATE(a, len), 3);
	for (size_t cut = 0; cut < end; cut++) {
		uint8_t *copy = vtest_dup(a, cut);
		const char *why = NULL;
		int rc = cpio_validate(copy, cut, &why);
		free(copy);
		CHECK_MSG(rc == ERR_BAD_FORMAT && why && *why, "cut at %zu of %zu: returned %d",
			  cut, end, rc);
	}
	for (size_t cut = end; cut <= len; cut++)
		CHECK_MSG(VALIDATE(a, cut) == 3, "cut at %zu", cut);
	free(a);
}

/* ---- malformed headers ---- */

TEST(cpio, refuse_bad_magic)
{
	static const char *const magics[] = { "070707", "070700", "070703",	 "170701",
					      "07070A", "      ", "\0\0\0\0\0\0" };
	static struct builder b;
	for (size_t i = 0; i < sizeof(magics) / sizeof(magics[0]); i++) {
		for (int index = 0; index < 4; index++) {
			small_archive(&b);
			memcpy(b.buf + record_at(&b, index), magics[i], 6);
			EXPECT_REFUSED(b.buf, b.len, "bad magic");
		}
	}
}

TEST(cpio, refuse_non_hex_field)
{
	static const char bad[] = { 'g', 'G', ' ', '-', '+', 'x', 'X', '\0', ':', '@', '`', 0x7f };
	static struct builder b;
	for (int field = 0; field < 13; field++) {
		for (int pos = 0; pos < 8; pos++) {
			small_archive(&b);
			size_t r = record_at(&b, 1);
			b.buf[r + FIELD_POS(field) + pos] = bad[(field * 8 + pos) % sizeof(bad)];
			EXPECT_REFUSED(b.buf, b.len, "not 8 hex digits");
		}
	}
	/* "0x" prefixes and spaces that strtoul would take. */
	small_archive(&b);
	memcpy(b.buf + record_at(&b, 1) + FIELD_POS(F_FILESIZE), "0x000006", 8);
	EXPECT_REFUSED(b.buf, b.len, "not 8 hex digits");
	small_archive(&b);
	memcpy(b.buf + record_at(&b, 1) + FIELD_POS(F_FILESIZE), "      06", 8);
	EXPECT_REFUSED(b.buf, b.len, "not 8 hex digits");
}

TEST(cpio, refuse_namesize_zero)
{
	static struct builder b;
	small_archive(&b);
	set_field(b.buf, record_at(&b, 1), F_NAMESIZE, 0);
	EXPECT_REFUSED(b.buf, b.len, "name size is zero");
}

TEST(cpio, refuse_name_not_terminated)
{
	static struct builder b;
	/* "etc/motd" with a name size one short: no NUL at its end. */
	small_archive(&b);
	set_field(b.buf, record_at(&b, 1), F_NAMESIZE, 8);
	EXPECT_REFUSED(b.buf, b.len, "not NUL-terminated");
	/* One long: the NUL comes before the end. */
	small_archive(&b);
	set_field(b.buf, record_at(&b, 1), F_NAMESIZE, 10);
	EXPECT_REFUSED(b.buf, b.len, "NUL before its end");
	/* A NUL inside the name itself. */
	small_archive(&b);
	b.buf[record_at(&b, 1) + 110 + 3] = 0;
	EXPECT_REFUSED(b.buf, b.len, "NUL before its end");
}

TEST(cpio, refuse_name_past_end)
{
	static struct builder b;
	static const uint32_t sizes[] = { 0xffffffff, 0x80000000, 0x10000 };
	for (size_t i = 0; i < 3; i++) {
		small_archive(&b);
		set_field(b.buf, record_at(&b, 2), F_NAMESIZE, sizes[i]);
		EXPECT_REFUSED(b.buf, b.len, "name runs past the end");
	}
	/* The trailer's name running off the archive. */
	small_archive(&b);
	size_t t = record_at(&b, 3);
	EXPECT_REFUSED(b.buf, t + 110 + 5, "name runs past the end");
}

TEST(cpio, refuse_size_overrun)
{
	static struct builder b;
	static const uint32_t sizes[] = { 0xffffffff, 0xfffffffc, 0x7fffffff, 0x10000 };
	for (size_t i = 0; i < 4; i++) {
		small_archive(&b);
		set_field(b.buf, record_at(&b, 2), F_FILESIZE, sizes[i]);
		EXPECT_REFUSED(b.buf, b.len, "runs past the end");
	}
	/* A size that lands the next header mid-record. */
	small_archive(&b);
	set_field(b.buf, record_at(&b, 1), F_FILESIZE, 12);
	EXPECT_REFUSED(b.buf, b.len, "bad magic");
	/* A last file whose data ends exactly at the end, with no trailer. */
	b.len = 0;
	put_file(&b, "f", "abcd");
	EXPECT_REFUSED(b.buf, b.len, "without a TRAILER");
	EXPECT_REFUSED(b.buf, b.len - 1, "past the end");
}

TEST(cpio, refuse_nonzero_padding)
{
	static struct builder b;
	/* Records start 4-byte aligned, so "etc/motd" (9 bytes with its NUL)
	 * has 1 byte of padding after the 110-byte header and the name; the
	 * data "abc" of "etc/x" has 1 byte after it. */
	small_archive(&b);
	size_t r = record_at(&b, 1);
	CHECK_EQ_U(r % 4, 0);
	b.buf[r + 110 + 9] = 'p';
	EXPECT_REFUSED(b.buf, b.len, "padding is not zero");
	small_archive(&b);
	b.buf[record_at(&b, 3) - 1] = 'p';
	EXPECT_REFUSED(b.buf, b.len, "padding is not zero");
}

/* ---- names that would escape the root ---- */

TEST(cpio, refuse_dotdot_names)
{
	static const char *const names[] = { "..",   "../x",	"a/..",		"a/../b",   "/..",
					     "./..", "/../etc", "a/b/../../..", "x/../../y" };
	static struct builder b;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		b.len = 0;
		put_dir(&b, "a");
		put_file(&b, names[i], "escape");
		put_trailer(&b);
		EXPECT_REFUSED(b.buf, b.len, "\"..\" component");
	}
}

TEST(cpio, refuse_empty_components)
{
	static const char *const names[] = { "/",  "a//b",  "a/",  "//a",
					     "./", "a/b//", "/./", "bin///x" };
	static struct builder b;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		b.len = 0;
		put_file(&b, names[i], "x");
		put_trailer(&b);
		EXPECT_REFUSED(b.buf, b.len, "empty component");
	}
	b.len = 0;
	put_file(&b, "", "x");
	put_trailer(&b);
	EXPECT_REFUSED(b.buf, b.len, "name is empty");
}

/* ---- file types and modes ---- */

TEST(cpio, refuse_bad_file_type)
{
	static const uint32_t types[] = { 0,	   0030000, 0050000, 0070000, 0110000,
					  0130000, 0150000, 0160000, 0170000 };
	static struct builder b;
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		one_record(&b, (struct rec){ .name = "x", .mode = types[i] | 0644 });
		EXPECT_REFUSED(b.buf, b.len, "unknown file type");
	}
}

TEST(cpio, every_valid_file_type)
{
	static const uint32_t types[] = { CPIO_S_IFREG, CPIO_S_IFDIR, CPIO_S_IFCHR,
					  CPIO_S_IFBLK, CPIO_S_IFIFO, CPIO_S_IFSOCK };
	static struct builder b;
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		one_record(&b, (struct rec){ .name = "x", .mode = types[i] | 07777 });
		CHECK_EQ_I(VALIDATE(b.buf, b.len), 1);
	}
	one_record(
		&b,
		(struct rec){ .name = "l", .mode = CPIO_S_IFLNK | 0777, .data = "t", .size = 1 });
	CHECK_EQ_I(VALIDATE(b.buf, b.len), 1);
}

TEST(cpio, refuse_mode_high_bits)
{
	static struct builder b;
	static const uint32_t modes[] = { 0200000 | CPIO_S_IFREG, 0x80000000 | CPIO_S_IFDIR,
					  0xffffffff };
	for (size_t i = 0; i < 3; i++) {
		one_record(&b, (struct rec){ .name = "x", .mode = modes[i] });
		EXPECT_REFUSED(b.buf, b.len, "mode has bits");
	}
}

TEST(cpio, refuse_data_on_dir_device_fifo_socket)
{
	static const uint32_t types[] = { CPIO_S_IFDIR, CPIO_S_IFCHR, CPIO_S_IFBLK, CPIO_S_IFIFO,
					  CPIO_S_IFSOCK };
	static struct builder b;
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		one_record(
			&b,
			(struct rec){
				.name = "x", .mode = types[i] | 0755, .data = "data", .size = 4 });
		EXPECT_REFUSED(b.buf, b.len, "has data");
	}
}

TEST(cpio, refuse_bad_symlink_target)
{
	static struct builder b;
	one_record(&b, (struct rec){ .name = "l", .mode = CPIO_S_IFLNK | 0777 });
	EXPECT_REFUSED(b.buf, b.len, "empty target");
	one_record(&b,
		   (struct rec){
			   .name = "l", .mode = CPIO_S_IFLNK | 0777, .data = "a\0b", .size = 3 });
	EXPECT_REFUSED(b.buf, b.len, "contains a NUL");
}

/* ---- the 070702 checksum ---- */

TEST(cpio, crc_verified)
{
	size_t len;
	uint8_t *a = vtest_load("cpio/tree.crc", &len);
	/* A flipped data byte in every regular file with data, one at a time. */
	size_t off = 0;
	struct cpio_entry e;
	int files = 0;
	while (cpio_next(a, len, &off, &e, NULL) == 1) {
		if (CPIO_TYPE(e.mode) != CPIO_S_IFREG || e.size == 0)
			continue;
		size_t at = (size_t)((const uint8_t *)e.data - a) + e.size / 2;
		a[at] ^= 0x10;
		EXPECT_REFUSED(a, len, "checksum mismatch");
		a[at] ^= 0x10;
		files++;
	}
	CHECK(files > 20);
	CHECK(VALIDATE(a, len) > 0);
	free(a);
}

TEST(cpio, crc_check_field)
{
	static struct builder b;
	b.len = 0;
	size_t r = put(&b,
		       (struct rec){ .magic = "070702",
				     .name = "f",
				     .mode = CPIO_S_IFREG | 0644,
				     .data = "\xff\xff\x01",
				     .size = 3 });
	put_trailer(&b);
	CHECK_EQ_I(VALIDATE(b.buf, b.len), 1);
	set_field(b.buf, r, F_CHECK, 0x1fe);
	EXPECT_REFUSED(b.buf, b.len, "checksum mismatch");
	set_field(b.buf, r, F_CHECK, 0);
	EXPECT_REFUSED(b.buf, b.len, "checksum mismatch");
	/* The same record as 070701 ignores the field. */
	memcpy(b.buf + r, "070701", 6);
	CHECK_EQ_I(VALIDATE(b.buf, b.len), 1);
	/* Symlinks: GNU writes 0, a summing writer the sum; both accepted,
	 * nothing else. */
	b.len = 0;
	r = put(&b,
		(struct rec){ .magic = "070702",
			      .name = "l",
			      .mode = CPIO_S_IFLNK | 0777,
			      .data = "ab",
			      .size = 2 });
	put_trailer(&b);
	CHECK_EQ_I(VALIDATE(b.buf, b.len), 1);
	set_field(b.buf, r, F_CHECK, 0);
	CHECK_EQ_I(VALIDATE(b.buf, b.len), 1);
	set_field(b.buf, r, F_CHECK, 1);
	EXPECT_REFUSED(b.buf, b.len, "checksum mismatch");
}

/* ---- random damage ---- */

/* Random byte changes to the seed archive: refused with a reason, or
 * accepted with every entry inside the buffer (ASan checks the reads). */
TEST(cpio, random_mutations)
{
	size_t len;
	uint8_t *seed = vtest_load("cpio/seed.crc", &len);
	uint64_t rng = 0xc010;
	int accepted = 0, refused = 0;
	for (int round = 0; round < 20000; round++) {
		uint8_t *a = vtest_dup(seed, len);
		size_t n = len;
		int changes = 1 + (int)vtest_below(&rng, 4);
		for (int c = 0; c < changes && n > 0; c++) {
			size_t at = vtest_below(&rng, n);
			switch (vtest_below(&rng, 4)) {
			case 0: a[at] = (uint8_t)vtest_rand(&rng); break;
			case 1: a[at] = "0123456789abcdefABCDEF/.\0"[vtest_below(&rng, 25)]; break;
			case 2: a[at] ^= (uint8_t)(1u << vtest_below(&rng, 8)); break;
			default: n = at; break; /* truncate (in place: ASan sees len) */
			}
		}
		uint8_t *exact = vtest_dup(a, n);
		free(a);
		const char *why = NULL;
		int rc = cpio_validate(exact, n, &why);
		if (rc < 0) {
			CHECK_MSG(rc == ERR_BAD_FORMAT && why && *why, "round %d: %d", round, rc);
			refused++;
		} else {
			size_t off = 0;
			struct cpio_entry e;
			int count = 0;
			uint32_t sum = 0;
			while (cpio_next(exact, n, &off, &e, NULL) == 1) {
				const uint8_t *d = e.data;
				for (size_t i = 0; i < e.size; i++)
					sum += d[i];
				CHECK(strlen(e.name) == e.name_len);
				count++;
			}
			(void)sum;
			CHECK_EQ_I(count, rc);
			accepted++;
		}
		free(exact);
	}
	CHECK(refused > 1000);
	CHECK(accepted > 0);
	free(seed);
}
