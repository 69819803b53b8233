/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Open files of a filesystem server (docs/ARCHITECTURE.md, section 17),
 * shared by every filesystem: an open file (struct fs_open: the node, the
 * flags, the position) and the handles to it, each minted from the
 * server's endpoint with a badge of its own (generation << 32 | slot + 1).
 * `file.clone` adds a handle; `file.close` ends one handle only, so a
 * process cannot close another's, and the open file ends with its last
 * handle. A badge that names no live handle is refused.
 */
#ifndef SRV_FSCOMMON_OPENS_H
#define SRV_FSCOMMON_OPENS_H

#include <stdbool.h>
#include <stdint.h>
#include <verdigris/types.h>

struct fs_open {
	uint32_t refs; /* handles */
	uint64_t ino;
	uint32_t flags; /* the O_* flags it was opened with (O_APPEND may change) */
	uint64_t pos;
};

struct fs_open_handle {
	uint32_t generation;
	struct fs_open *open; /* NULL: free */
};

struct fs_opens {
	vg_handle_t ep; /* the server's endpoint, to mint from */
	struct fs_open_handle *handles;
	uint32_t count;
};

/* A new open file of ino and its first handle; ERR_* or FS errors. */
long fs_opens_new(struct fs_opens *o, uint64_t ino, uint32_t flags, vg_handle_t *h);
/* The open file a badge names, or NULL. */
struct fs_open *fs_opens_get(struct fs_opens *o, uint64_t badge);
/* Another handle to the open file of badge. */
long fs_opens_clone(struct fs_opens *o, uint64_t badge, vg_handle_t *h);
/* Ends badge's handle. *last: the open file when this was its last handle
 * (the caller lets go of the node, then frees it with free()), else NULL. */
long fs_opens_close(struct fs_opens *o, uint64_t badge, struct fs_open **last);

/* The kernel's notice that the last handle with badge went (its holder
 * closed it or died: VG_IPC_TAG_BADGE_CLOSED, after vg_endpoint_watch on
 * the server's endpoint): the open file's handle ends as by `file.close`
 * (server: the server's `file` operations), which lets go of its locks,
 * and of the open file and the node with its last handle. A badge closed
 * already is nothing to do. Sets the reply tag (no reply is owed). */
struct fs_file_server;
int fs_opens_badge_closed(struct fs_file_server *server, uint64_t badge, uint64_t *reply_tag);

/* How many handles to open files there are (unmount's busy check). */
uint32_t fs_opens_count(const struct fs_opens *o);

/* open's access mode and the flags the servers read (libc's <fcntl.h>
 * values, which the protocol carries). */
#define FS_O_ACCMODE 3u
#define FS_O_WRONLY 1u
#define FS_O_RDWR 2u
#define FS_O_TRUNC 01000u
#define FS_O_APPEND 02000u
#define FS_O_NONBLOCK 04000u
static inline bool fs_open_readable(const struct fs_open *f)
{
	return (f->flags & FS_O_ACCMODE) != FS_O_WRONLY;
}
static inline bool fs_open_writable(const struct fs_open *f)
{
	return (f->flags & FS_O_ACCMODE) != 0;
}

#endif
