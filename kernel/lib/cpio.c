// SPDX-License-Identifier: BSD-2-Clause
// cpio "newc" / "crc" archive reader; see kernel/include/kernel/cpio.h.
#include <kernel/cpio.h>
#include <kernel/string.h>
#include <verdigris/errors.h>

#define MAGIC_LEN 6
#define FIELD_LEN 8
#define TRAILER_NAME "TRAILER!!!"

/* The 13 header fields, in archive order, after the magic. */
enum field {
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
	F_CHECK,
	N_FIELDS
};

/* Parses exactly 8 hex digits (either case); false on anything else, so a
 * space, sign or "0x" in a field is refused rather than read as a number. */
static bool parse_hex8(const char *s, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < FIELD_LEN; i++) {
		char c = s[i];
		uint32_t digit;
		if (c >= '0' && c <= '9')
			digit = (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			digit = (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			digit = (uint32_t)(c - 'A' + 10);
		else
			return false;
		v = v << 4 | digit;
	}
	*out = v;
	return true;
}

/* Bytes of padding that bring pos to a multiple of 4. */
static size_t pad4_gap(size_t pos)
{
	return (4 - (pos & 3)) & 3;
}

static bool all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

static bool has_nul(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!p[i])
			return true;
	return false;
}

/* Checks the n bytes of padding at pos: inside the archive and zero (writers
 * pad with NULs; anything else means the record sizes are off). Returns the
 * position after them, or 0 with *why set (0 is never a valid answer: a
 * record is at least a header long). */
static size_t skip_padding(const uint8_t *a, size_t len, size_t pos, const char **why)
{
	size_t gap = pad4_gap(pos);
	if (gap > len - pos) {
		*why = "padding runs past the end of the archive";
		return 0;
	}
	if (!all_zero(a + pos, gap)) {
		*why = "padding is not zero";
		return 0;
	}
	return pos + gap;
}

/* A name, once extracted under the root, must stay there: no ".."
 * component, and no empty one ("a//b", "a/", "") that a later path join
 * could turn into something else. One leading '/' is the absolute form of
 * the same name and is allowed; "." components are harmless. */
static const char *check_name(const char *name, size_t len)
{
	size_t i = 0;
	if (len > 0 && name[0] == '/')
		i = 1;
	for (;;) {
		size_t start = i;
		while (i < len && name[i] != '/')
			i++;
		size_t comp = i - start;
		if (comp == 0)
			return "entry name has an empty component";
		if (comp == 2 && name[start] == '.' && name[start + 1] == '.')
			return "entry name has a \"..\" component";
		if (i == len)
			return NULL;
		i++; /* the '/' */
	}
}

static bool valid_type(uint32_t mode)
{
	switch (CPIO_TYPE(mode)) {
	case CPIO_S_IFREG:
	case CPIO_S_IFDIR:
	case CPIO_S_IFLNK:
	case CPIO_S_IFCHR:
	case CPIO_S_IFBLK:
	case CPIO_S_IFIFO:
	case CPIO_S_IFSOCK: return true;
	default: return false;
	}
}

/* The 070702 checksum: the sum of the data bytes, modulo 2^32. */
static uint32_t byte_sum(const uint8_t *p, size_t n)
{
	uint32_t sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += p[i];
	return sum;
}

/* Checks what depends on the file type: the type itself, data only where
 * the type has data, a symlink target the VFS can hold, the checksum. */
static const char *check_contents(const struct cpio_entry *e, bool has_crc, uint32_t check)
{
	if (e->mode & ~0177777u)
		return "mode has bits beyond the file type and permissions";
	if (!valid_type(e->mode))
		return "unknown file type in mode";
	uint32_t type = CPIO_TYPE(e->mode);
	if (type == CPIO_S_IFLNK) {
		if (e->size == 0)
			return "symlink with an empty target";
		if (has_nul(e->data, e->size))
			return "symlink target contains a NUL";
	} else if (type != CPIO_S_IFREG && e->size != 0) {
		return "directory, device, fifo or socket entry has data";
	}
	if (has_crc) {
		uint32_t sum = byte_sum(e->data, e->size);
		/* GNU cpio sums regular files only and writes 0 for symlinks;
		 * a writer that sums the target too is accepted as well. */
		bool ok = sum == check || (type == CPIO_S_IFLNK && check == 0);
		if (!ok)
			return "checksum mismatch (070702 record)";
	}
	return NULL;
}

static bool is_trailer(const char *name, size_t name_len)
{
	return name_len == sizeof(TRAILER_NAME) - 1 && !memcmp(name, TRAILER_NAME, name_len);
}

/* cpio_next without the optional why: *why is always set on failure. */
static int read_record(const uint8_t *a, size_t len, size_t *offset, struct cpio_entry *e,
		       const char **why)
{
	size_t pos = *offset;
	if (pos > len) {
		*why = "offset past the end of the archive";
		return ERR_BAD_FORMAT;
	}
	if (pos == len) {
		*why = "archive ends without a TRAILER!!! record";
		return ERR_BAD_FORMAT;
	}
	if (len - pos < CPIO_HEADER_SIZE) {
		*why = "archive ends inside a record header";
		return ERR_BAD_FORMAT;
	}
	const char *h = (const char *)a + pos;
	bool has_crc;
	if (!memcmp(h, "070701", MAGIC_LEN)) {
		has_crc = false;
	} else if (!memcmp(h, "070702", MAGIC_LEN)) {
		has_crc = true;
	} else {
		*why = "bad magic (not a cpio newc or crc record)";
		return ERR_BAD_FORMAT;
	}
	uint32_t f[N_FIELDS];
	for (int i = 0; i < N_FIELDS; i++) {
		if (!parse_hex8(h + MAGIC_LEN + i * FIELD_LEN, &f[i])) {
			*why = "header field is not 8 hex digits";
			return ERR_BAD_FORMAT;
		}
	}

	size_t name_pos = pos + CPIO_HEADER_SIZE;
	size_t namesize = f[F_NAMESIZE];
	if (namesize == 0) {
		*why = "name size is zero (the name needs at least its NUL)";
		return ERR_BAD_FORMAT;
	}
	if (namesize > len - name_pos) {
		*why = "name runs past the end of the archive";
		return ERR_BAD_FORMAT;
	}
	const char *name = (const char *)a + name_pos;
	size_t name_len = namesize - 1;
	if (name[name_len] != 0) {
		*why = "name is not NUL-terminated at its name size";
		return ERR_BAD_FORMAT;
	}
	if (strnlen(name, name_len) != name_len) {
		*why = "name contains a NUL before its end";
		return ERR_BAD_FORMAT;
	}
	size_t data_pos = skip_padding(a, len, name_pos + namesize, why);
	if (!data_pos)
		return ERR_BAD_FORMAT;
	size_t size = f[F_FILESIZE];
	if (size > len - data_pos) {
		*why = "file data runs past the end of the archive";
		return ERR_BAD_FORMAT;
	}
	size_t next = skip_padding(a, len, data_pos + size, why);
	if (!next)
		return ERR_BAD_FORMAT;

	if (is_trailer(name, name_len)) {
		if (size != 0) {
			*why = "TRAILER!!! record has data";
			return ERR_BAD_FORMAT;
		}
		memset(e, 0, sizeof(*e));
		*offset = next;
		return 0;
	}
	if (name_len == 0) {
		*why = "entry name is empty";
		return ERR_BAD_FORMAT;
	}
	const char *err = check_name(name, name_len);
	if (err) {
		*why = err;
		return ERR_BAD_FORMAT;
	}

	struct cpio_entry entry = {
		.name = name,
		.name_len = name_len,
		.mode = f[F_MODE],
		.uid = f[F_UID],
		.gid = f[F_GID],
		.nlink = f[F_NLINK],
		.mtime = f[F_MTIME],
		.ino = f[F_INO],
		.devmajor = f[F_DEVMAJOR],
		.devminor = f[F_DEVMINOR],
		.rdevmajor = f[F_RDEVMAJOR],
		.rdevminor = f[F_RDEVMINOR],
		.data = a + data_pos,
		.size = size,
	};
	err = check_contents(&entry, has_crc, f[F_CHECK]);
	if (err) {
		*why = err;
		return ERR_BAD_FORMAT;
	}
	*e = entry;
	*offset = next;
	return 1;
}

int cpio_next(const void *archive, size_t len, size_t *offset, struct cpio_entry *e,
	      const char **why)
{
	const char *err = NULL;
	int rc = read_record(archive, len, offset, e, &err);
	if (rc < 0 && why)
		*why = err;
	return rc;
}

/* Walks the whole archive; calls visit (if any) for each entry. Returns the
 * number of entries or ERR_BAD_FORMAT with *why set. */
static int walk(const uint8_t *a, size_t len, const char **why,
		void (*visit)(const struct cpio_entry *e, void *ctx), void *ctx)
{
	size_t off = 0;
	int count = 0;
	for (;;) {
		struct cpio_entry e;
		int rc = read_record(a, len, &off, &e, why);
		if (rc < 0)
			return rc;
		if (rc == 0)
			break;
		/* Only reachable with more than 200 GiB of headers, but the
		 * count is returned as an int. */
		if (count == INT32_MAX) {
			*why = "too many entries";
			return ERR_BAD_FORMAT;
		}
		count++;
		if (visit)
			visit(&e, ctx);
	}
	if (!all_zero(a + off, len - off)) {
		*why = "non-zero data after the TRAILER!!! record";
		return ERR_BAD_FORMAT;
	}
	return count;
}

int cpio_validate(const void *archive, size_t len, const char **why)
{
	const char *err = NULL;
	int rc = walk(archive, len, &err, NULL, NULL);
	if (rc < 0 && why)
		*why = err;
	return rc;
}

/* The next component of s[0, len) at or after *pos, skipping separators
 * and "." components; returns its length, 0 when none is left. */
static size_t next_component(const char *s, size_t len, size_t *pos, const char **comp)
{
	size_t i = *pos;
	for (;;) {
		while (i < len && s[i] == '/')
			i++;
		size_t start = i;
		while (i < len && s[i] != '/')
			i++;
		if (i - start == 1 && s[start] == '.')
			continue;
		*pos = i;
		*comp = s + start;
		return i - start;
	}
}

bool cpio_same_name(const char *name, size_t name_len, const char *path, size_t path_len)
{
	size_t npos = 0, ppos = 0;
	for (;;) {
		const char *nc, *pc;
		size_t nl = next_component(name, name_len, &npos, &nc);
		size_t pl = next_component(path, path_len, &ppos, &pc);
		/* ".." would need the tree to resolve; archive names never
		 * have it, so such a path finds nothing. */
		if (pl == 2 && pc[0] == '.' && pc[1] == '.')
			return false;
		if (nl != pl || memcmp(nc, pc, nl))
			return false;
		if (nl == 0)
			return true;
	}
}

uint32_t cpio_name_hash(const char *name, size_t len)
{
	/* FNV-1a over the components, each followed by a '/': every spelling
	 * cpio_same_name treats as one name hashes alike. */
	uint32_t h = 2166136261u;
	size_t pos = 0;
	const char *c;
	for (size_t n; (n = next_component(name, len, &pos, &c)) != 0;)
		for (size_t i = 0; i <= n; i++)
			h = (h ^ (uint8_t)(i < n ? c[i] : '/')) * 16777619u;
	return h;
}

struct find_state {
	const char *path;
	size_t path_len;
	bool found;
	struct cpio_entry match;
	/* Second pass: the inode whose data is wanted. */
	bool want_link_data;
};

static bool is_link_peer(const struct cpio_entry *a, const struct cpio_entry *b)
{
	return CPIO_TYPE(b->mode) == CPIO_S_IFREG && a->ino == b->ino &&
		a->devmajor == b->devmajor && a->devminor == b->devminor;
}

static void find_visit(const struct cpio_entry *e, void *ctx)
{
	struct find_state *st = ctx;
	if (st->want_link_data) {
		/* The last link with data, mirroring "later records win". */
		if (e->size > 0 && is_link_peer(&st->match, e)) {
			st->match.data = e->data;
			st->match.size = e->size;
		}
		return;
	}
	if (cpio_same_name(e->name, e->name_len, st->path, st->path_len)) {
		st->match = *e;
		st->found = true;
	}
}

int cpio_find(const void *archive, size_t len, const char *path, struct cpio_entry *e)
{
	if (!path)
		return ERR_INVALID_ARGS;
	struct find_state st = { .path = path, .path_len = strlen(path) };
	const char *why;
	int rc = walk(archive, len, &why, find_visit, &st);
	if (rc < 0)
		return rc;
	if (!st.found)
		return ERR_NOT_FOUND;
	/* newc stores a hard-linked file's data once, with one of its links
	 * (GNU cpio: the last); the other links have size 0. */
	if (CPIO_TYPE(st.match.mode) == CPIO_S_IFREG && st.match.nlink > 1 && st.match.size == 0) {
		st.want_link_data = true;
		walk(archive, len, &why, find_visit, &st);
	}
	*e = st.match;
	return 0;
}
