// SPDX-License-Identifier: BSD-2-Clause
// tmpfs's tree (srv/tmpfs/nodes.c) and its filling from a cpio archive
// (srv/tmpfs/initrd.c) on the host: names, links, rename rules, holes, the
// size limit, readdir cookies; and the archives GNU cpio writes
// (tests/host/cpio-samples) loaded and compared record by record with what
// the kernel's parser reads.
#include "tmpfs_walk.h"
#include <kernel/cpio.h>
#include <stdio.h>
#include <stdlib.h>
#include <vtest.h>

static int64_t clock_ns;
static int64_t fake_now(void)
{
	return clock_ns += 1000;
}

static struct tmpfs_node *make(struct tmpfs *fs, uint64_t dir, const char *name, fs_kind_t kind)
{
	struct tmpfs_node *n = NULL;
	CHECK_EQ_I(tmpfs_create(fs, dir, name, kind, 0644, 0, 0, 0, "target", &n), 0);
	return n;
}

/* A set-group-ID directory gives new entries its group, and new
 * subdirectories its bit; elsewhere the creator's group stands. */
TEST(tmpfs, setgid_directory)
{
	struct tmpfs fs;
	CHECK_EQ_I(tmpfs_init(&fs, 1 << 20, fake_now), 0);
	struct tmpfs_node *sg = NULL, *f = NULL, *d = NULL, *plain = NULL;
	CHECK_EQ_I(tmpfs_create(&fs, 1, "sg", FS_KIND_DIR, 02775, 0, 50, 0, "", &sg), 0);
	CHECK_EQ_I(tmpfs_create(&fs, sg->ino, "f", FS_KIND_FILE, 0644, 1000, 1000, 0, "", &f), 0);
	CHECK_EQ_U(f->gid, 50);
	CHECK_EQ_U(f->uid, 1000);
	CHECK_EQ_U(f->mode & 07777, 0644);
	CHECK_EQ_I(tmpfs_create(&fs, sg->ino, "d", FS_KIND_DIR, 0755, 1000, 1000, 0, "", &d), 0);
	CHECK_EQ_U(d->gid, 50);
	CHECK_EQ_U(d->mode & 07777, 02755);
	CHECK_EQ_I(tmpfs_create(&fs, 1, "p", FS_KIND_FILE, 0644, 1000, 1000, 0, "", &plain), 0);
	CHECK_EQ_U(plain->gid, 1000);
	tmpfs_destroy(&fs);
}

/* bin/tmpfs's arguments for the homes: the root's mode and owner, and
 * directories in it; malformed ones refused. */
TEST(tmpfs, layout)
{
	struct tmpfs fs;
	CHECK_EQ_I(tmpfs_init(&fs, 1 << 20, fake_now), 0);
	CHECK_EQ_I(tmpfs_layout(&fs, ".=0755:0:0"), 0);
	CHECK_EQ_I(tmpfs_layout(&fs, "user=0700:1000:100"), 0);
	struct tmpfs_node *root = tmpfs_node(&fs, TMPFS_ROOT_INO), *u = NULL;
	CHECK_EQ_U(root->mode, 0755);
	CHECK_EQ_I(tmpfs_lookup(&fs, TMPFS_ROOT_INO, "user", &u), 0);
	CHECK(u && u->kind == FS_KIND_DIR && u->mode == 0700 && u->uid == 1000 && u->gid == 100);
	static const char *const bad[] = {
		"user=0755:1000:1000", /* exists */
		"x=0755:1000",	       "x=0755",       "x",	      "=0755:0:0",
		"x=0855:0:0",	       "x=017777:0:0", "x=0755:-1:0", "x=0755:0:4294967295",
		"x=0755:0:1z",	       "a/b=0755:0:0", "..=0755:0:0", "x=:0:0"
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_MSG(tmpfs_layout(&fs, bad[i]) != 0, "%s accepted", bad[i]);
	CHECK_EQ_I(tmpfs_lookup(&fs, TMPFS_ROOT_INO, "x", &u), FS_FS_ERROR_NOT_FOUND);
	tmpfs_destroy(&fs);
}

TEST(tmpfs, names_and_links)
{
	struct tmpfs fs;
	CHECK_EQ_I(tmpfs_init(&fs, 1 << 20, fake_now), 0);
	struct tmpfs_node *d = make(&fs, 1, "d", FS_KIND_DIR),
			  *f = make(&fs, d->ino, "f", FS_KIND_FILE);
	CHECK_EQ_U(tmpfs_node(&fs, 1)->nlink, 3);
	CHECK_EQ_I(tmpfs_create(&fs, d->ino, "f", FS_KIND_FILE, 0, 0, 0, 0, "", &f),
		   FS_FS_ERROR_EXISTS);
	CHECK_EQ_I(tmpfs_create(&fs, f->ino, "x", FS_KIND_FILE, 0, 0, 0, 0, "", &f),
		   FS_FS_ERROR_NOT_DIR);
	CHECK_EQ_I(tmpfs_create(&fs, 1, "a/b", FS_KIND_FILE, 0, 0, 0, 0, "", &f),
		   FS_FS_ERROR_INVALID);
	char longname[300];
	memset(longname, 'x', 256);
	longname[256] = 0;
	CHECK_EQ_I(tmpfs_create(&fs, 1, longname, FS_KIND_FILE, 0, 0, 0, 0, "", &f),
		   FS_FS_ERROR_NAME_TOO_LONG);
	f = tmpfs_walk(&fs, "d/f");
	CHECK(f != NULL);
	CHECK_EQ_I(tmpfs_link(&fs, f->ino, 1, "g"), 0);
	CHECK_EQ_U(f->nlink, 2);
	CHECK_EQ_I(tmpfs_link(&fs, d->ino, 1, "dl"), FS_FS_ERROR_NOT_PERMITTED);
	CHECK_EQ_I(tmpfs_unlink(&fs, 1, "d", true), FS_FS_ERROR_NOT_EMPTY);
	CHECK_EQ_I(tmpfs_unlink(&fs, 1, "d", false), FS_FS_ERROR_IS_DIR);
	CHECK_EQ_I(tmpfs_unlink(&fs, 1, "g", true), FS_FS_ERROR_NOT_DIR);
	CHECK_EQ_I(tmpfs_unlink(&fs, d->ino, "f", false), 0);
	CHECK_EQ_U(f->nlink, 1);
	CHECK(tmpfs_walk(&fs, "g") == f);
	/* An open file outlives its last name. */
	f->opens = 1;
	CHECK_EQ_I(tmpfs_unlink(&fs, 1, "g", false), 0);
	CHECK(tmpfs_node(&fs, f->ino) == f);
	f->opens = 0;
	tmpfs_release(&fs, f);
	CHECK_EQ_I(tmpfs_unlink(&fs, 1, "d", true), 0);
	CHECK_EQ_U(fs.live, 1);
	CHECK_EQ_U(tmpfs_node(&fs, 1)->nlink, 2);
	CHECK(tmpfs_check(&fs) == NULL);
	tmpfs_destroy(&fs);
}

/* A new node takes the lowest free inode number, also after numbers
 * below the last one taken were freed, and past a table that grew. */
TEST(tmpfs, inode_numbers_lowest_free_first)
{
	struct tmpfs fs;
	CHECK_EQ_I(tmpfs_init(&fs, 1 << 20, fake_now), 0);
	char name[16];
	for (int i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		CHECK_EQ_U(make(&fs, 1, name, FS_KIND_FILE)->ino, 2 + i);
	}
	CHECK_EQ_I(tmpfs_unlink(&fs, 1, "f48", false), 0); /* ino 50 */
	CHECK_EQ_I(tmpfs_unlink(&fs, 1, "f8", false), 0); /* ino 10 */
	CHECK_EQ_U(make(&fs, 1, "a", FS_KIND_FILE)->ino, 10);
	CHECK_EQ_U(make(&fs, 1, "b", FS_KIND_FILE)->ino, 50);
	CHECK_EQ_U(make(&fs, 1, "c", FS_KIND_FILE)->ino, 102);
	CHECK_EQ_I(tmpfs_unlink(&fs, 1, "c", false), 0);
	CHECK_EQ_U(make(&fs, 1, "d", FS_KIND_FILE)->ino, 102);
	tmpfs_destroy(&fs);
}

TEST(tmpfs, rename_rules)
{
	struct tmpfs fs;
	CHECK_EQ_I(tmpfs_init(&fs, 1 << 20, fake_now), 0);
	struct tmpfs_node *a = make(&fs, 1, "a", FS_KIND_DIR),
			  *b = make(&fs, a->ino, "b", FS_KIND_DIR);
	struct tmpfs_node *f = make(&fs, 1, "f", FS_KIND_FILE),
			  *g = make(&fs, 1, "g", FS_KIND_FILE);
	CHECK_EQ_I(tmpfs_rename(&fs, 1, "a", b->ino, "x"), FS_FS_ERROR_INVALID);
	CHECK_EQ_I(tmpfs_rename(&fs, 1, "a", a->ino, "x"), FS_FS_ERROR_INVALID);
	CHECK_EQ_I(tmpfs_rename(&fs, 1, "f", 1, "a"), FS_FS_ERROR_IS_DIR);
	CHECK_EQ_I(tmpfs_rename(&fs, a->ino, "b", 1, "f"), FS_FS_ERROR_NOT_DIR);
	CHECK_EQ_I(tmpfs_rename(&fs, 1, "none", 1, "z"), FS_FS_ERROR_NOT_FOUND);
	CHECK_EQ_I(tmpfs_rename(&fs, 1, "f", 1, "g"), 0); /* g replaced and freed */
	CHECK(tmpfs_walk(&fs, "g") == f);
	(void)g;
	CHECK_EQ_U(fs.live, 4);
	CHECK_EQ_I(tmpfs_rename(&fs, a->ino, "b", 1, "b"), 0);
	CHECK_EQ_U(b->u.d.parent, 1);
	CHECK_EQ_U(a->nlink, 2);
	CHECK_EQ_U(tmpfs_node(&fs, 1)->nlink, 4);
	make(&fs, a->ino, "full", FS_KIND_FILE);
	CHECK_EQ_I(tmpfs_rename(&fs, 1, "b", 1, "a"), FS_FS_ERROR_NOT_EMPTY);
	CHECK_EQ_I(tmpfs_unlink(&fs, a->ino, "full", false), 0);
	CHECK_EQ_I(tmpfs_rename(&fs, 1, "b", 1, "a"), 0);
	CHECK(tmpfs_walk(&fs, "a") == b);
	CHECK_EQ_U(fs.live, 3);
	CHECK(tmpfs_check(&fs) == NULL);
	tmpfs_destroy(&fs);
}

TEST(tmpfs, data_holes_and_limit)
{
	struct tmpfs fs;
	CHECK_EQ_I(tmpfs_init(&fs, 8 * TMPFS_PAGE, fake_now), 0);
	struct tmpfs_node *f = make(&fs, 1, "f", FS_KIND_FILE);
	unsigned char buf[3 * TMPFS_PAGE];
	size_t done;
	memset(buf, 0xab, sizeof(buf));
	CHECK_EQ_I(tmpfs_write(&fs, f, 100 * TMPFS_PAGE + 5, buf, 10, &done), 0);
	CHECK_EQ_U(done, 10);
	CHECK_EQ_U(f->size, 100 * TMPFS_PAGE + 15);
	CHECK_EQ_U(fs.pages_used, 1);
	memset(buf, 1, sizeof(buf));
	CHECK_EQ_I(tmpfs_read(&fs, f, 100 * TMPFS_PAGE, buf, sizeof(buf), &done), 0);
	CHECK_EQ_U(done, 15);
	CHECK(buf[0] == 0 && buf[4] == 0 && buf[5] == 0xab && buf[14] == 0xab);
	CHECK_EQ_I(tmpfs_read(&fs, f, 7, buf, 100, &done), 0);
	CHECK(done == 100 && buf[0] == 0 && buf[99] == 0);
	/* The limit: 8 pages; the write that meets it is short. */
	CHECK_EQ_I(tmpfs_write(&fs, f, 0, buf, sizeof(buf), &done), 0);
	CHECK_EQ_I(tmpfs_write(&fs, f, 3 * TMPFS_PAGE, buf, sizeof(buf), &done), 0);
	CHECK_EQ_U(fs.pages_used, 7);
	CHECK_EQ_I(tmpfs_write(&fs, f, 6 * TMPFS_PAGE, buf, sizeof(buf), &done), 0);
	CHECK_EQ_U(done, TMPFS_PAGE);
	CHECK_EQ_I(tmpfs_write(&fs, f, 7 * TMPFS_PAGE, buf, 1, &done), FS_FS_ERROR_NO_SPACE);
	/* Rewriting pages already there needs no space. */
	CHECK_EQ_I(tmpfs_write(&fs, f, 0, buf, sizeof(buf), &done), 0);
	CHECK_EQ_I(tmpfs_truncate(&fs, f, TMPFS_PAGE + 1), 0);
	CHECK_EQ_U(fs.pages_used, 2);
	CHECK_EQ_I(tmpfs_truncate(&fs, f, 2 * TMPFS_PAGE), 0);
	CHECK_EQ_I(tmpfs_read(&fs, f, TMPFS_PAGE, buf, TMPFS_PAGE, &done), 0);
	CHECK(buf[0] == 1 && buf[1] == 0 && buf[TMPFS_PAGE - 1] == 0);
	CHECK_EQ_I(tmpfs_write(&fs, f, TMPFS_FILE_MAX, buf, 1, &done), FS_FS_ERROR_TOO_BIG);
	CHECK_EQ_I(tmpfs_write(&fs, f, TMPFS_FILE_MAX - 1, buf, 2, &done), FS_FS_ERROR_TOO_BIG);
	CHECK_EQ_I(tmpfs_unlink(&fs, 1, "f", false), 0);
	CHECK_EQ_U(fs.pages_used, 0);
	CHECK(tmpfs_check(&fs) == NULL);
	tmpfs_destroy(&fs);
}

/* Names from readdir, from cookie 0 in batches of room bytes. */
static int list(struct tmpfs *fs, struct tmpfs_node *d, size_t room, char names[][16])
{
	unsigned char buf[4096];
	uint64_t cookie = 0;
	bool end = false;
	int n = 0;
	while (!end) {
		size_t len = tmpfs_readdir(fs, d, &cookie, buf, room, &end);
		for (size_t at = 0; at < len;) {
			size_t nl = buf[at + 17];
			memcpy(names[n], buf + at + 18, nl);
			names[n++][nl] = 0;
			at += (18 + nl + 7) & ~(size_t)7;
		}
		if (!len && !end)
			FAIL("readdir made no progress");
	}
	return n;
}

TEST(tmpfs, readdir_cookies)
{
	struct tmpfs fs;
	CHECK_EQ_I(tmpfs_init(&fs, 1 << 20, fake_now), 0);
	char name[16], names[64][16];
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "n%d", i);
		make(&fs, 1, name, FS_KIND_FILE);
	}
	for (int i = 0; i < 40; i += 3) {
		snprintf(name, sizeof(name), "n%d", i);
		CHECK_EQ_I(tmpfs_unlink(&fs, 1, name, false), 0);
	}
	/* Whatever the batch size, each name once. */
	for (size_t room = 24; room <= 4096; room *= 2) {
		int n = list(&fs, tmpfs_node(&fs, 1), room, names);
		CHECK_EQ_I(n, 2 + 40 - 14);
		CHECK_STREQ(names[0], ".");
		CHECK_STREQ(names[1], "..");
		for (int i = 2; i < n; i++)
			for (int j = i + 1; j < n; j++)
				CHECK(strcmp(names[i], names[j]) != 0);
	}
	CHECK(tmpfs_check(&fs) == NULL);
	tmpfs_destroy(&fs);
}

/* The archive, and the tree it was made from as GNU cpio lists it: every
 * record is in the tmpfs with its type, permissions, owner, size, data and
 * target; records of one inode are one node. */
static void compare_with_archive(const char *name)
{
	size_t size;
	void *a = vtest_load(name, &size);
	struct tmpfs fs;
	CHECK_EQ_I(tmpfs_init(&fs, 64 << 20, fake_now), 0);
	const char *why = NULL;
	CHECK_EQ_I(tmpfs_load_cpio(&fs, a, size, &why), 0);
	CHECK(tmpfs_check(&fs) == NULL);
	size_t off = 0;
	struct cpio_entry e;
	int records = 0;
	uint64_t inos[512] = { 0 }, nodes[512] = { 0 };
	while (cpio_next(a, size, &off, &e, &why) == 1) {
		struct tmpfs_node *n = tmpfs_walk(&fs, e.name);
		CHECK_MSG(n != NULL, "%s is missing", e.name);
		records++;
		if (CPIO_TYPE(e.mode) == CPIO_S_IFDIR) {
			CHECK_EQ_U(n->kind, FS_KIND_DIR);
			continue;
		}
		if (CPIO_TYPE(e.mode) == CPIO_S_IFLNK) {
			CHECK_EQ_U(n->kind, FS_KIND_SYMLINK);
			CHECK_EQ_U(n->size, e.size);
			CHECK(memcmp(n->u.target, e.data, e.size) == 0);
			continue;
		}
		CHECK_EQ_U(n->mode, e.mode & 07777);
		CHECK_EQ_U(n->uid, e.uid);
		if (CPIO_TYPE(e.mode) != CPIO_S_IFREG)
			continue;
		CHECK_EQ_U(n->kind, FS_KIND_FILE);
		if (e.nlink > 1 && e.ino < 512) {
			if (inos[e.ino])
				CHECK_EQ_U(nodes[e.ino], n->ino);
			inos[e.ino] = 1, nodes[e.ino] = n->ino;
			CHECK_EQ_U(n->nlink, e.nlink);
		}
		if (e.size) { /* a hard link's data is with its last record */
			CHECK_EQ_U(n->size, e.size);
			unsigned char *buf = malloc(e.size);
			size_t done;
			CHECK_EQ_I(tmpfs_read(&fs, n, 0, buf, e.size, &done), 0);
			CHECK_EQ_U(done, e.size);
			CHECK(memcmp(buf, e.data, e.size) == 0);
			free(buf);
		}
	}
	CHECK(records > 10);
	tmpfs_destroy(&fs);
	free(a);
}

TEST(tmpfs, loads_gnu_cpio_newc)
{
	compare_with_archive("cpio/tree.newc");
}

TEST(tmpfs, loads_gnu_cpio_crc)
{
	compare_with_archive("cpio/tree.crc");
}

/* A loaded archive's files are read where they are in it (no copy); the
 * first write or truncation copies one, and the archive never changes. */
TEST(tmpfs, archive_files_read_in_place_copied_on_change)
{
	size_t size;
	unsigned char *a = vtest_load("cpio/tree.newc", &size);
	unsigned char *before = malloc(size);
	memcpy(before, a, size);
	struct tmpfs fs;
	CHECK_EQ_I(tmpfs_init(&fs, 64 << 20, fake_now), 0);
	const char *why = NULL;
	CHECK_EQ_I(tmpfs_load_cpio(&fs, a, size, &why), 0);
	size_t off = 0;
	struct cpio_entry e;
	struct tmpfs_node *files[2] = { NULL, NULL };
	const unsigned char *data[2] = { NULL, NULL };
	int found = 0;
	while (found < 2 && cpio_next(a, size, &off, &e, &why) == 1) {
		struct tmpfs_node *n = tmpfs_walk(&fs, e.name);
		if (CPIO_TYPE(e.mode) != CPIO_S_IFREG || e.size < 2 || n->nlink > 1)
			continue;
		CHECK(n->u.f.data.borrowed);
		CHECK(n->u.f.data.base == e.data);
		files[found] = n;
		data[found++] = e.data;
	}
	CHECK_EQ_I(found, 2);
	unsigned char got[2];
	size_t done;
	CHECK_EQ_I(tmpfs_write(&fs, files[0], 0, "Z", 1, &done), 0);
	CHECK(!files[0]->u.f.data.borrowed);
	CHECK_EQ_I(tmpfs_read(&fs, files[0], 0, got, 2, &done), 0);
	CHECK(got[0] == 'Z' && got[1] == data[0][1]);
	CHECK_EQ_I(tmpfs_truncate(&fs, files[1], 1), 0);
	CHECK(!files[1]->u.f.data.borrowed);
	CHECK_EQ_I(tmpfs_read(&fs, files[1], 0, got, 2, &done), 0);
	CHECK(done == 1 && got[0] == data[1][0]);
	CHECK(memcmp(a, before, size) == 0);
	tmpfs_destroy(&fs);
	free(before);
	free(a);
}

TEST(tmpfs, refuses_bad_archives_with_a_reason)
{
	struct tmpfs fs;
	const char *why = NULL;
	CHECK_EQ_I(tmpfs_init(&fs, 1 << 20, fake_now), 0);
	CHECK(tmpfs_load_cpio(&fs, "070701junk", 10, &why) != 0);
	CHECK(why && *why);
	tmpfs_destroy(&fs);
	/* Too small a limit for the data. */
	size_t size;
	void *a = vtest_load("cpio/tree.newc", &size);
	CHECK_EQ_I(tmpfs_init(&fs, 4096, fake_now), 0);
	why = NULL;
	CHECK_EQ_I(tmpfs_load_cpio(&fs, a, size, &why), FS_FS_ERROR_NO_SPACE);
	CHECK(why && *why);
	tmpfs_destroy(&fs);
	free(a);
}
