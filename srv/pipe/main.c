// SPDX-License-Identifier: BSD-2-Clause
// bin/pipe: pipes (docs/ARCHITECTURE.md, section 17, "Pipes"). A device
// driver of major 240 (PIPE_MAJOR): each `node.open` of its node
// (/dev/pipe) makes a new pipe and returns its read end; `file.peer` on
// that handle gives the write end, once. Each end is one open file of
// srv/fscommon/opens.c, so `file.clone` (descriptor inheritance) and
// `file.close` work as for any file, and an end closes with its last handle.
//
// The server never blocks: a read of an empty pipe that has a writer, or a
// write that does not fit, is refused with would_block and libc waits
// (lib/c/os/fd/pipe_io.c): it hands over a notification with `file.arm`,
// which is kept among the waiters (srv/fscommon/waiters.h) and signalled
// when what the end waits for may hold (woken after every change of a
// pipe: data read or written, an end closed or shut down). A read of an empty pipe without a writer
// is the end of the file (0 bytes); a write without a reader is broken_pipe. Writes of up to
// PIPE_BUF (4096) bytes go in whole or not at all.
//
// Socket pairs (socketpair(AF_UNIX, SOCK_STREAM), minor 1, /dev/socket)
// are two of these pipes, one each way: each end is one open file, read
// and write, that reads the pipe its peer writes. Its first end comes
// from `node.open`, the other from `file.peer`; `file.shutdown` closes a
// direction early. Everything else (blocking, EOF, broken_pipe, ready,
// clone, close) is the pipes' own code, reached through reading_pipe and
// writing_pipe.
#include "../fscommon/device.h"
#include "../fscommon/waiters.h"
#include <fs.h>
#include <stdlib.h>
#include <string.h>
#include <vg/vg.h>

#define PIPE_MAJOR 240u
#define PIPE_SIZE 65536u /* bytes buffered per pipe, as on Linux */
#define PIPE_ATOMIC 4096u /* PIPE_BUF */
#define SOCKET_MINOR 1u

struct pipe {
	unsigned char *ring; /* NULL: the slot is free */
	uint32_t head, len; /* where the oldest byte is, how many */
	bool reader, writer; /* which ends are open */
	bool peer_given; /* file.peer was asked once */
	bool socket; /* half of a socket pair; the other half is partner */
	uint32_t partner;
};

static struct fs_opens opens;
static struct fs_waiters waiters; /* owner: the waiting end */
static struct pipe *pipes;
static uint32_t npipes;
static unsigned char out[FS_FILE_READ_DATA_MAX];

/* An open end reads the pipe its ino names; a pipe's write end writes
 * it too, a socket's end the other half of its pair. */
static struct pipe *reading_pipe(const struct fs_open *f)
{
	return &pipes[f->ino];
}

static struct pipe *writing_pipe(const struct fs_open *f)
{
	struct pipe *p = &pipes[f->ino];
	return p->socket ? &pipes[p->partner] : p;
}

/* The open end badge names and the pipe it reads (writing: it writes);
 * NULL when the badge is stale. */
static struct fs_open *end_of(uint64_t badge, struct pipe **p, bool writing)
{
	struct fs_open *f = fs_opens_get(&opens, badge);
	if (f)
		*p = writing ? writing_pipe(f) : reading_pipe(f);
	return f;
}

static long new_pipe(uint32_t *id)
{
	for (uint32_t i = 0; i < npipes; i++)
		if (!pipes[i].ring) {
			*id = i;
			goto found;
		}
	struct pipe *more = realloc(pipes, (npipes + 16) * sizeof(*more));
	if (!more)
		return FS_FS_ERROR_NO_MEMORY;
	memset(more + npipes, 0, 16 * sizeof(*more));
	pipes = more;
	*id = npipes;
	npipes += 16;
found:
	pipes[*id] = (struct pipe){ .ring = malloc(PIPE_SIZE), .reader = true };
	return pipes[*id].ring ? 0 : FS_FS_ERROR_NO_MEMORY;
}

static void free_pipe(uint32_t id)
{
	free(pipes[id].ring);
	pipes[id].ring = NULL;
}

/* A socket pair: two pipes, each read by one end and written by the
 * other; the end returned reads a and writes b. */
static long open_socket(uint32_t flags, vg_handle_t *file)
{
	uint32_t a, b;
	long st = new_pipe(&a);
	if (st) {
		free_pipe(a);
		return st;
	}
	if ((st = new_pipe(&b))) {
		free_pipe(a);
		free_pipe(b);
		return st;
	}
	pipes[a].socket = pipes[b].socket = true;
	pipes[a].partner = b;
	pipes[b].partner = a;
	pipes[b].writer = true; /* this end writes b */
	pipes[b].reader = false; /* until the peer is given */
	if ((st = fs_opens_new(&opens, a, FS_O_RDWR | (flags & FS_O_NONBLOCK), file))) {
		free_pipe(a);
		free_pipe(b);
	}
	return st;
}

static long do_open(void *ctx, uint64_t badge, uint64_t rdev, uint32_t flags, vg_handle_t *file)
{
	(void)ctx, (void)badge;
	if (rdev == ((uint64_t)PIPE_MAJOR << 32 | SOCKET_MINOR))
		return open_socket(flags, file);
	if (rdev != (uint64_t)PIPE_MAJOR << 32)
		return FS_FS_ERROR_NOT_FOUND;
	uint32_t id;
	long st = new_pipe(&id);
	if (!st)
		st = fs_opens_new(&opens, id, flags & FS_O_NONBLOCK, file); /* read only */
	if (st)
		free_pipe(id);
	return st;
}

static const struct fs_node_ops node_ops = { .open = do_open };

static long do_peer(void *ctx, uint64_t badge, vg_handle_t *file)
{
	(void)ctx;
	struct pipe *p;
	struct fs_open *f = end_of(badge, &p, false);
	if (!f || p->peer_given || (fs_open_writable(f) && !p->socket))
		return FS_FS_ERROR_BAD_FILE;
	long st;
	if (p->socket) { /* the other end: reads the partner, writes p */
		st = fs_opens_new(&opens, p->partner, FS_O_RDWR | (f->flags & FS_O_NONBLOCK), file);
		if (!st)
			pipes[p->partner].reader = true;
	} else {
		st = fs_opens_new(&opens, f->ino, FS_O_WRONLY | (f->flags & FS_O_NONBLOCK), file);
	}
	if (!st)
		p->writer = p->peer_given = true;
	if (!st && p->socket)
		pipes[p->partner].peer_given = true; /* one peer per pair */
	return st;
}

enum { READY_IN = 1, READY_OUT = 2, READY_HUP = 4, READY_ERR = 8 };

/* What a read or write of end f would do now (file.ready's bits); need:
 * the bytes a write needs room for (1 to PIPE_BUF). */
static uint8_t events_of(const struct fs_open *f, uint32_t need)
{
	const struct pipe *r = reading_pipe(f), *w = writing_pipe(f);
	uint8_t events = 0;
	if (fs_open_writable(f))
		events |= !w->reader || !w->writer   ? READY_ERR
			: PIPE_SIZE - w->len >= need ? READY_OUT
						     : 0;
	if (fs_open_readable(f))
		events |= (r->len || !r->writer || !r->reader ? READY_IN : 0) |
			(r->writer ? 0 : READY_HUP);
	return events;
}

static uint32_t need_of(uint32_t need)
{
	return need && need < PIPE_ATOMIC ? need : PIPE_ATOMIC;
}

static long do_ready(void *ctx, uint64_t badge, uint8_t *events)
{
	(void)ctx;
	struct fs_open *f = fs_opens_get(&opens, badge);
	if (!f)
		return FS_FS_ERROR_BAD_FILE;
	*events = events_of(f, PIPE_ATOMIC);
	return 0;
}

static bool waiter_due(const struct fs_waiter *w, void *ctx)
{
	(void)ctx;
	return events_of(w->owner, w->need) & w->events;
}

/* After any change of a pipe: whoever may go on now is woken. */
static void wake_due(void)
{
	if (waiters.count)
		fs_waiters_wake(&waiters, waiter_due, NULL);
}

static long do_arm(void *ctx, uint64_t badge, uint8_t events, uint32_t need, vg_handle_t note,
		   uint8_t *ready)
{
	(void)ctx;
	struct fs_open *f = fs_opens_get(&opens, badge);
	if (!f) {
		vg_handle_close(note);
		return FS_FS_ERROR_BAD_FILE;
	}
	need = need_of(need);
	*ready = events_of(f, need);
	if (*ready & events)
		vg_handle_close(note); /* the caller goes on at once */
	else
		fs_waiters_add(&waiters,
			       &(struct fs_waiter){
				       .owner = f, .events = events, .need = need, .note = note });
	return 0;
}

static long do_read(void *ctx, uint64_t badge, uint64_t offset, uint32_t count, const void **data,
		    size_t *len)
{
	(void)ctx, (void)offset;
	struct pipe *p;
	struct fs_open *f = end_of(badge, &p, false);
	if (!f || !fs_open_readable(f))
		return FS_FS_ERROR_BAD_FILE;
	if (!p->reader) { /* shut down for reading */
		*data = out;
		*len = 0;
		return 0;
	}
	if (!p->len && p->writer && count)
		return FS_FS_ERROR_WOULD_BLOCK;
	uint32_t n = count < p->len ? count : p->len;
	if (n > sizeof(out))
		n = sizeof(out);
	uint32_t first = PIPE_SIZE - p->head < n ? PIPE_SIZE - p->head : n;
	memcpy(out, p->ring + p->head, first);
	memcpy(out + first, p->ring, n - first);
	p->head = (p->head + n) % PIPE_SIZE;
	p->len -= n;
	*data = out;
	*len = n;
	if (n)
		wake_due(); /* room for a writer */
	return 0;
}

static long do_write(void *ctx, uint64_t badge, uint64_t offset, const void *data, size_t len,
		     uint32_t *count, uint64_t *pos)
{
	(void)ctx, (void)offset;
	struct pipe *p;
	struct fs_open *f = end_of(badge, &p, true);
	if (!f || !fs_open_writable(f))
		return FS_FS_ERROR_BAD_FILE;
	if (!p->reader || !p->writer) /* no reader, or shut down for writing */
		return FS_FS_ERROR_BROKEN_PIPE;
	uint32_t room = PIPE_SIZE - p->len;
	/* A write of PIPE_BUF bytes or less is never split between others. */
	if (len && (room == 0 || (len <= PIPE_ATOMIC && room < len)))
		return FS_FS_ERROR_WOULD_BLOCK;
	uint32_t n = len < room ? (uint32_t)len : room;
	uint32_t tail = (p->head + p->len) % PIPE_SIZE;
	uint32_t first = PIPE_SIZE - tail < n ? PIPE_SIZE - tail : n;
	memcpy(p->ring + tail, data, first);
	memcpy(p->ring, (const unsigned char *)data + first, n - first);
	p->len += n;
	*count = n;
	*pos = 0;
	if (n)
		wake_due(); /* data for a reader */
	return 0;
}

static long do_seek(void *ctx, uint64_t badge, int64_t offset, uint32_t whence, uint64_t *pos)
{
	(void)ctx, (void)offset, (void)whence, (void)pos;
	return fs_opens_get(&opens, badge) ? FS_FS_ERROR_ILLEGAL_SEEK : FS_FS_ERROR_BAD_FILE;
}

static long do_stat(void *ctx, uint64_t badge, struct fs_attr *attr)
{
	(void)ctx;
	struct pipe *p;
	struct fs_open *f = end_of(badge, &p, false);
	if (!f)
		return FS_FS_ERROR_BAD_FILE;
	*attr = (struct fs_attr){ .ino = f->ino + 1,
				  .kind = p->socket ? FS_KIND_SOCKET : FS_KIND_FIFO,
				  .mode = 0600,
				  .nlink = 1,
				  .size = p->len };
	return 0;
}

/* A pipe goes when nothing reads or writes it any more: for a socket's
 * half, when both halves are done (an end's close looks at both). */
static void release(struct pipe *p)
{
	if (p->reader || p->writer || !p->ring)
		return;
	if (p->socket) {
		struct pipe *q = &pipes[p->partner];
		if (q->reader || q->writer)
			return;
		free(q->ring);
		q->ring = NULL;
	}
	free(p->ring);
	p->ring = NULL;
}

/* The last handle of an end closes it; the pipe goes with its last end. */
static long do_close(void *ctx, uint64_t badge)
{
	(void)ctx;
	struct fs_open *last;
	long st = fs_opens_close(&opens, badge, &last);
	if (st || !last)
		return st;
	struct pipe *r = reading_pipe(last), *w = writing_pipe(last);
	if (fs_open_writable(last))
		w->writer = false;
	if (fs_open_readable(last))
		r->reader = false;
	release(r);
	if (w != r)
		release(w);
	/* Its own waiters go (their descriptor is gone: they find EBADF),
	 * the other end's see the end of the file or a broken pipe. */
	fs_waiters_wake(&waiters, fs_waiter_owner_due, last);
	wake_due();
	free(last);
	return 0;
}

/* shutdown(2): a direction ends early, as if that half of the end had
 * closed (the peer reads the end of the file, or its writes fail). */
static long do_shutdown(void *ctx, uint64_t badge, uint8_t how)
{
	(void)ctx;
	struct pipe *r;
	struct fs_open *f = end_of(badge, &r, false);
	if (!f)
		return FS_FS_ERROR_BAD_FILE;
	if (!r->socket)
		return FS_FS_ERROR_NOT_SUPPORTED;
	if (how > 2)
		return FS_FS_ERROR_INVALID;
	if (how != 1)
		r->reader = false;
	if (how != 0)
		writing_pipe(f)->writer = false;
	wake_due();
	return 0;
}

static long do_setflags(void *ctx, uint64_t badge, uint32_t flags)
{
	(void)ctx;
	struct fs_open *f = fs_opens_get(&opens, badge);
	if (!f)
		return FS_FS_ERROR_BAD_FILE;
	f->flags = (f->flags & ~FS_O_NONBLOCK) | (flags & FS_O_NONBLOCK);
	return 0;
}

static long do_sync(void *ctx, uint64_t badge)
{
	(void)ctx;
	return fs_opens_get(&opens, badge) ? FS_FS_ERROR_INVALID : FS_FS_ERROR_BAD_FILE;
}

static const struct fs_file_ops file_ops = {
	.read = do_read,
	.write = do_write,
	.seek = do_seek,
	.stat = do_stat,
	.sync = do_sync,
	.clone = fs_device_clone,
	.close = do_close,
	.setflags = do_setflags,
	.peer = do_peer,
	.ready = do_ready,
	.shutdown = do_shutdown,
	.arm = do_arm,
	.statfs = fs_device_statfs,
};

int main(void)
{
	static const struct fs_device_node nodes[] = { { "pipe", 0, 0666 },
						       { "socket", SOCKET_MINOR, 0666 } };
	static const struct fs_device dev = { "pipe", PIPE_MAJOR, nodes, 2 };
	return fs_device_serve(&dev, &opens, &node_ops, &file_ops);
}
