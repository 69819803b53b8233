// SPDX-License-Identifier: BSD-2-Clause
#ifndef KERNEL_CPIO_H
#define KERNEL_CPIO_H

#include <kernel/types.h>

/*
 * A reader of cpio "newc" archives (magic 070701) and their checksummed
 * variant "crc" (070702): the initrd format. Each record is a 110-byte ASCII
 * header (the magic, then 13 fields of exactly 8 hex digits), the name with
 * its NUL, padding to 4 bytes, the data, padding to 4 bytes. The archive
 * ends with a record named "TRAILER!!!"; zero bytes may follow it (writers
 * pad to a block size).
 *
 * Every record is checked completely before it is returned: magic, hex
 * digits, the name's NUL, zero padding, data inside the archive, the file
 * type, the checksum of 070702 records, and names that could escape the
 * root once extracted ("..", or empty components as in "a//b"). Offsets are
 * relative to the archive's start and never overflow. An archive without
 * its trailer is refused: a cut-off initrd must not pass for a smaller one.
 * Pure code: fuzzed on the host.
 *
 * Names are kept as the archive spells them ("./bin/sh", "bin/sh" or
 * "/bin/sh"); cpio_find treats those forms as one name.
 */

/* File type bits of cpio_entry.mode (the same values as POSIX st_mode). */
#define CPIO_S_IFMT 0170000u
#define CPIO_S_IFSOCK 0140000u
#define CPIO_S_IFLNK 0120000u
#define CPIO_S_IFREG 0100000u
#define CPIO_S_IFBLK 0060000u
#define CPIO_S_IFDIR 0040000u
#define CPIO_S_IFCHR 0020000u
#define CPIO_S_IFIFO 0010000u
#define CPIO_TYPE(mode) ((mode)&CPIO_S_IFMT)

/* Size of a record header; every record starts 4-byte aligned. */
#define CPIO_HEADER_SIZE 110

struct cpio_entry {
	/* NUL-terminated, inside the archive; name_len excludes the NUL. */
	const char *name;
	size_t name_len;
	/* File type (CPIO_S_IF*) and permission bits; nothing above 0177777. */
	uint32_t mode;
	uint32_t uid, gid, nlink, mtime, ino, devmajor, devminor, rdevmajor, rdevminor;
	/* A regular file's contents or a symlink's target (not NUL-terminated,
	 * no NUL inside); size 0 for every other type. Inside the archive. */
	const void *data;
	size_t size;
};

/*
 * Reads the record at *offset (0 for the first). Returns 1 with *e filled
 * and *offset moved to the next record; 0 at the trailer, with *offset moved
 * past it; ERR_BAD_FORMAT with *why (if non-NULL) naming the problem, and
 * *offset unchanged. Entries before a bad record are good on their own, but
 * only cpio_validate says whether the whole archive is.
 */
int cpio_next(const void *archive, size_t len, size_t *offset, struct cpio_entry *e,
	      const char **why);

/* The whole archive: every record, the trailer, and only zero bytes after
 * it. Returns the number of entries (the trailer not counted), or
 * ERR_BAD_FORMAT with *why (if non-NULL) set. */
int cpio_validate(const void *archive, size_t len, const char **why);

/*
 * Looks path up: "bin/x", "./bin/x" and "/bin/x" name the same entry ("."
 * components and repeated slashes are skipped; a path with ".." matches
 * nothing, and ".", "/" or "" name an entry "." if the archive has one).
 * When a name occurs twice, the later record wins, as it would when
 * extracting. A hard-linked regular file whose data sits with another link
 * (newc stores it once, with the last link of the same inode) is returned
 * with that data. The whole archive is validated on every call, so a found
 * entry never comes from an archive that cpio_validate would refuse.
 * Returns 0 with *e filled, ERR_NOT_FOUND, or ERR_BAD_FORMAT.
 */
int cpio_find(const void *archive, size_t len, const char *path, struct cpio_entry *e);

/* Whether an archive name and a looked-up path name the same entry, as
 * cpio_find compares them. */
bool cpio_same_name(const char *name, size_t name_len, const char *path, size_t path_len);

/* A hash of a name that every spelling of it cpio_same_name accepts shares
 * ("bin/x", "./bin/x", "/bin//x"), for an index of the archive. */
uint32_t cpio_name_hash(const char *name, size_t len);

#endif
