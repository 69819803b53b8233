// SPDX-License-Identifier: BSD-2-Clause
// bin/pty: pseudo-terminals (docs/ARCHITECTURE.md section 18.1), the
// device server of major 136. Each open of /dev/ptmx (minor PTMX_MINOR)
// makes a pseudo-terminal and returns its master; its slave is
// /dev/pts/N (minor N), a terminal like the console (srv/tty: the same
// line discipline and terminal calls), whose "line" is the master:
//
//   - what the master writes is the slave's input (echo, editing, ^C...);
//     a write into a full input waits (would_block, and the C library
//     sleeps until the slave reads);
//   - what the slave writes (after output processing, ONLCR) and the
//     echo are what the master reads;
//   - the master's last close hangs the slave up (SIGHUP to its session,
//     reads at the end of the file, writes EIO); the slave's last close
//     makes the master's reads fail with EIO, as on Linux.
//
// The slave's node is made and removed by the device manager, from a
// thread of its own (nodes_thread): the serving thread must never wait
// for the manager, which waits for the VFS, which may be waiting for this
// server's answer to an open. The node is the user's of whoever opened the
// master (the C library tells, ptsowner), group tty, mode 0620, as
// grantpt makes it; it is made once that is known, or at unlockpt, which
// waits for it (root's then).
//
// Readers, writers and poll on both sides wait through file.arm
// (srv/tty/wait.c); the master's events are its own (master_events).
//
// Started as every device server (VG_HTAG_USER + 0 the endpoint,
// VG_HTAG_USER + 1 the device manager) plus VG_HTAG_PROC, a handle of
// the process server allowed to signal the slaves' groups (pid 1's).
#include "../fscommon/device.h"
#include "../tty/tty.h"

#include <devmgr.h>
#include <proc.h>
#include <stdio.h>
#include <stdlib.h>
#include <vg/vg.h>

#define PTY_MAJOR 136u /* Linux's for its slaves */
#define PTMX_MINOR 0xfffffu /* /dev/ptmx; the slaves are minors 0.. */
#define PTY_MAX 64
#define TTY_GID 5u /* group tty (/etc/group) */
#define SLAVE_MODE 0620u /* its user reads and writes, group tty writes (write(1)) */

enum pty_state {
	PTY_FREE,
	PTY_UNANNOUNCED, /* no node yet: its owner is not known */
	PTY_ANNOUNCING, /* the slave's node is being made (again, for a new owner) */
	PTY_READY,
	PTY_WITHDRAWING, /* both sides closed: the node is being removed */
};

struct pty {
	/* Under table: */
	enum pty_state state;
	bool master; /* the master is open */
	bool locked; /* the slave cannot be opened (until unlockpt) */
	bool no_node; /* the device manager refused the slave's node */
	bool node_up; /* the node is there (nodes_thread's) */
	bool slave_was_open;
	uint32_t slave_opens; /* open files of the slave */
	uint32_t uid; /* the node's owner */
	/* Under tty.lock: */
	bool slave_left; /* the slave was open and is no more: the master reads EIO */
	bool packet; /* packet mode (TIOCPKT): reads give tty.ld.pkt, or 0 and data */
	struct tty tty;
};

static struct fs_opens opens;
static struct pty ptys[PTY_MAX];
/* The table's states, between the serving thread and nodes_thread. */
static pthread_mutex_t table = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t nodes_wanted = PTHREAD_COND_INITIALIZER;

/* Open files' inode numbers: 2 * pty (the master) or 2 * pty + 1 (a slave). */
static uint64_t ino_of(size_t n, bool slave)
{
	return 2 * n + slave;
}

static struct pty *pty_of(const struct fs_open *f, bool *slave)
{
	*slave = f->ino & 1;
	return &ptys[f->ino / 2];
}

/* ---- the slaves' nodes ---- */

static int pending_node(void)
{
	for (int i = 0; i < PTY_MAX; i++)
		if (ptys[i].state == PTY_ANNOUNCING || ptys[i].state == PTY_WITHDRAWING)
			return i;
	return -1;
}

/* Both sides closed: the pty goes once its node is gone. Under table. */
static void release(struct pty *p)
{
	if (p->master || p->slave_opens || (p->state != PTY_READY && p->state != PTY_UNANNOUNCED))
		return; /* in use, or nodes_thread decides when done */
	p->state = p->node_up ? PTY_WITHDRAWING : PTY_FREE;
	pthread_cond_signal(&nodes_wanted);
}

/* The node is wanted, for p->uid: made, or made again. Under table. */
static void announce(struct pty *p)
{
	p->state = PTY_ANNOUNCING;
	pthread_cond_signal(&nodes_wanted);
}

static void *nodes_thread(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&table);
	for (;;) {
		int i = pending_node();
		if (i < 0) {
			pthread_cond_wait(&nodes_wanted, &table);
			continue;
		}
		struct pty *p = &ptys[i];
		bool add = p->state == PTY_ANNOUNCING, up = p->node_up;
		uint32_t uid = p->uid;
		char name[16];
		snprintf(name, sizeof(name), "pts/%d", i);
		pthread_mutex_unlock(&table);
		vg_handle_t s = fs_device_session();
		long st = s == VG_HANDLE_INVALID ? ERR_NOT_SUPPORTED : 0;
		if (!st && up) /* gone, or to be made again for another owner */
			st = devmgr_devices_withdraw(s, name);
		if (!st && add)
			st = devmgr_devices_announce(s, name, PTY_MAJOR, (uint32_t)i, SLAVE_MODE,
						     uid, TTY_GID);
		if (st)
			printf("pty: the device manager refused to %s /dev/%s (%ld)\n",
			       add ? "make" : "remove", name, st);
		pthread_mutex_lock(&table);
		p->node_up = add && !st;
		if (add && p->uid != uid)
			continue; /* another owner meanwhile: again */
		if (add) {
			p->no_node = st != 0;
			p->state = PTY_READY;
			release(p); /* closed meanwhile */
		} else {
			p->state = PTY_FREE;
		}
	}
	return NULL;
}

/* ---- node: opening /dev/ptmx and /dev/pts/N ---- */

static long open_master(uint32_t flags, vg_handle_t *file)
{
	pthread_mutex_lock(&table);
	long st = FS_FS_ERROR_NO_SPACE_LEFT_IN_TABLE;
	for (size_t i = 0; i < PTY_MAX; i++) {
		struct pty *p = &ptys[i];
		if (p->state != PTY_FREE)
			continue;
		if ((st = fs_opens_new(&opens, ino_of(i, false), flags, file)))
			break;
		pthread_mutex_lock(&p->tty.lock);
		tty_reset(&p->tty);
		p->slave_left = p->packet = false;
		pthread_mutex_unlock(&p->tty.lock);
		p->state = PTY_UNANNOUNCED;
		p->master = p->locked = true;
		p->no_node = p->slave_was_open = false;
		p->slave_opens = 0;
		p->uid = 0;
		break;
	}
	pthread_mutex_unlock(&table);
	return st;
}

static long open_slave(uint32_t n, uint32_t flags, vg_handle_t *file)
{
	pthread_mutex_lock(&table);
	struct pty *p = &ptys[n];
	long st;
	if (p->state == PTY_FREE || p->state == PTY_WITHDRAWING)
		st = FS_FS_ERROR_NO_DEVICE;
	else if (p->state != PTY_READY || p->locked || !p->master)
		st = FS_FS_ERROR_IO; /* as Linux; one being made is locked still */
	else
		st = fs_opens_new(&opens, ino_of(n, true), flags, file);
	if (!st) {
		p->slave_opens++;
		p->slave_was_open = true;
		pthread_mutex_lock(&p->tty.lock);
		p->slave_left = false;
		pthread_mutex_unlock(&p->tty.lock);
	}
	pthread_mutex_unlock(&table);
	return st;
}

static long do_open(void *ctx, uint64_t badge, uint64_t rdev, uint32_t flags, vg_handle_t *file)
{
	(void)ctx, (void)badge;
	uint32_t minor = (uint32_t)rdev;
	if (rdev >> 32 != PTY_MAJOR || (minor >= PTY_MAX && minor != PTMX_MINOR))
		return FS_FS_ERROR_NO_DEVICE;
	return minor == PTMX_MINOR ? open_master(flags, file) : open_slave(minor, flags, file);
}

static const struct fs_node_ops node_ops = { .open = do_open };

/* ---- file ---- */

struct tty *tty_of(void *ctx, uint64_t badge)
{
	struct fs_open *f = fs_opens_get(ctx, badge);
	bool slave;
	return f ? &pty_of(f, &slave)->tty : NULL;
}

/* The master's events (file.ready's bits): the slave's output to read,
 * room in its input to write, the slave gone (reads fail, writes are
 * not kept waiting). A slave's are the terminal's. Under the lock. */
static uint8_t master_events(struct tty *t, const struct fs_open *f, uint32_t need, uint64_t now,
			     uint64_t *at)
{
	bool slave;
	struct pty *p = pty_of(f, &slave);
	if (slave)
		return tty_events(t, need, now, at);
	*at = 0;
	bool news = p->packet && t->ld.pkt;
	return (t->ld.out_len || news ? TTY_READY_IN : 0) |
		(ldisc_input_full(&t->ld) ? 0 : TTY_READY_OUT) |
		(p->slave_left ? TTY_READY_IN | TTY_READY_OUT | TTY_READY_HUP : 0);
}

/* Up to max bytes of the slave's output into out; in packet mode a
 * first byte before them: the news (alone), or TIOCPKT_DATA (0). Under
 * the lock. */
static size_t master_take(struct pty *p, unsigned char *out, size_t max)
{
	struct ldisc *ld = &p->tty.ld;
	if (!p->packet || !max)
		return ldisc_out_take(ld, out, max);
	if (ld->pkt) {
		out[0] = ld->pkt;
		ld->pkt = 0;
		return 1;
	}
	if (!ld->out_len)
		return 0;
	out[0] = 0;
	return 1 + ldisc_out_take(ld, out + 1, max - 1);
}

static long master_read(struct pty *p, uint32_t count, const void **data, size_t *len)
{
	static unsigned char out[FS_FILE_READ_DATA_MAX];
	pthread_mutex_lock(&p->tty.lock);
	size_t n = master_take(p, out, count < sizeof(out) ? count : sizeof(out));
	bool left = p->slave_left;
	if (n)
		tty_wake(&p->tty); /* room for the slave's writers */
	pthread_mutex_unlock(&p->tty.lock);
	if (!n && count)
		return left ? FS_FS_ERROR_IO : FS_FS_ERROR_WOULD_BLOCK;
	*data = out;
	*len = n;
	return 0;
}

/* The slave's input: what fits (the rest waits for the slave to read);
 * with the slave gone, a full input fails (EIO) instead. */
static long master_write(struct pty *p, const void *data, size_t len, uint32_t *count)
{
	size_t n = tty_receive(&p->tty, data, len, false);
	if (len && !n) {
		pthread_mutex_lock(&p->tty.lock);
		bool left = p->slave_left;
		pthread_mutex_unlock(&p->tty.lock);
		return left ? FS_FS_ERROR_IO : FS_FS_ERROR_WOULD_BLOCK;
	}
	*count = (uint32_t)n;
	return 0;
}

/* The pty of an open file opened for reading (or writing), or NULL. */
static struct pty *open_for(void *ctx, uint64_t badge, bool writing, bool *slave)
{
	struct fs_open *f = fs_opens_get(ctx, badge);
	if (!f || !(writing ? fs_open_writable(f) : fs_open_readable(f)))
		return NULL;
	return pty_of(f, slave);
}

static long do_read(void *ctx, uint64_t badge, uint64_t offset, uint32_t count, const void **data,
		    size_t *len)
{
	(void)offset;
	bool slave;
	struct pty *p = open_for(ctx, badge, false, &slave);
	if (!p)
		return FS_FS_ERROR_BAD_FILE;
	return slave ? tty_read(&p->tty, count, data, len) : master_read(p, count, data, len);
}

static long do_write(void *ctx, uint64_t badge, uint64_t offset, const void *data, size_t len,
		     uint32_t *count, uint64_t *pos)
{
	(void)offset;
	bool slave;
	struct pty *p = open_for(ctx, badge, true, &slave);
	if (!p)
		return FS_FS_ERROR_BAD_FILE;
	*pos = 0;
	return slave ? tty_write(&p->tty, data, len, count) : master_write(p, data, len, count);
}

static long do_stat(void *ctx, uint64_t badge, struct fs_attr *attr)
{
	struct fs_open *f = fs_opens_get(ctx, badge);
	bool slave;
	if (!f)
		return FS_FS_ERROR_BAD_FILE;
	uint32_t n = (uint32_t)(pty_of(f, &slave) - ptys);
	tty_stat(attr, f->ino + 1, (uint64_t)PTY_MAJOR << 32 | (slave ? n : PTMX_MINOR));
	return 0;
}

static long do_close(void *ctx, uint64_t badge)
{
	struct fs_open *last;
	long st = fs_opens_close(ctx, badge, &last);
	if (st || !last)
		return st;
	bool slave;
	struct pty *p = pty_of(last, &slave);
	pthread_mutex_lock(&p->tty.lock);
	tty_forget(&p->tty, last);
	pthread_mutex_unlock(&p->tty.lock);
	free(last);
	if (!slave)
		tty_hangup(&p->tty); /* signals: outside the table's lock */
	pthread_mutex_lock(&table);
	if (slave)
		p->slave_opens--;
	else
		p->master = false;
	if (slave && !p->slave_opens) {
		pthread_mutex_lock(&p->tty.lock);
		p->slave_left = true;
		tty_wake(&p->tty); /* the master's readers fail now */
		pthread_mutex_unlock(&p->tty.lock);
	}
	release(p);
	pthread_mutex_unlock(&table);
	return 0;
}

static long master_of(void *ctx, uint64_t badge, struct pty **p)
{
	struct fs_open *f = fs_opens_get(ctx, badge);
	bool slave;
	if (!f)
		return FS_FS_ERROR_BAD_FILE;
	*p = pty_of(f, &slave);
	return slave ? FS_FS_ERROR_NOT_SUPPORTED : 0;
}

static long do_ptsnumber(void *ctx, uint64_t badge, uint32_t *number)
{
	struct pty *p;
	long st = master_of(ctx, badge, &p);
	if (!st)
		*number = (uint32_t)(p - ptys);
	return st;
}

static long do_ptslock(void *ctx, uint64_t badge, bool lock)
{
	struct pty *p;
	long st = master_of(ctx, badge, &p);
	if (st)
		return st;
	pthread_mutex_lock(&table);
	if (!lock && p->state == PTY_UNANNOUNCED)
		announce(p); /* nobody said whose: root's */
	if (lock)
		p->locked = true;
	else if (p->state == PTY_ANNOUNCING)
		st = FS_FS_ERROR_WOULD_BLOCK; /* the node is not there yet: ask again */
	else if (p->no_node)
		st = FS_FS_ERROR_IO;
	else
		p->locked = false;
	pthread_mutex_unlock(&table);
	return st;
}

/* The effective user id of the process whose handle to the process
 * server `process` is: only that server mints handles on its endpoint,
 * each badged with the process's pid (the unbadged one is pid 1's). */
static long user_of(vg_handle_t process, uint32_t *uid)
{
	vg_handle_t proc = vg_startup_find(VG_HTAG_PROC, 0);
	struct vg_handle_info theirs, ours;
	if (!proc || vg_handle_info(proc, &ours) || vg_handle_info(process, &theirs) ||
	    theirs.koid != ours.koid || theirs.badge > INT32_MAX)
		return FS_FS_ERROR_DENIED;
	int32_t pid = theirs.badge ? (int32_t)theirs.badge : 1;
	static struct proc_info info;
	static char args[1024];
	if (proc_process_next(proc, pid - 1, &info, args) || info.pid != pid)
		return FS_FS_ERROR_DENIED; /* gone already */
	*uid = info.uid;
	return 0;
}

static long do_ptsowner(void *ctx, uint64_t badge, vg_handle_t process)
{
	struct pty *p;
	uint32_t uid = 0;
	long st = master_of(ctx, badge, &p);
	if (!st)
		st = user_of(process, &uid);
	vg_handle_close(process);
	if (st)
		return st;
	pthread_mutex_lock(&table);
	if (p->state == PTY_UNANNOUNCED || p->uid != uid) {
		p->uid = uid;
		if (p->state == PTY_UNANNOUNCED || p->state == PTY_READY)
			announce(p); /* ANNOUNCING: nodes_thread sees the new owner */
	}
	pthread_mutex_unlock(&table);
	return 0;
}

static long do_ptspacket(void *ctx, uint64_t badge, bool on)
{
	struct pty *p;
	long st = master_of(ctx, badge, &p);
	if (st)
		return st;
	pthread_mutex_lock(&p->tty.lock);
	if (on && !p->packet)
		p->tty.ld.pkt = 0; /* news from now on */
	p->packet = on;
	pthread_mutex_unlock(&p->tty.lock);
	return 0;
}

static bool is_master(void *ctx, uint64_t badge)
{
	struct pty *p;
	return master_of(ctx, badge, &p) == 0;
}

/* A master is nobody's controlling terminal, as on Linux: a session
 * leader's open of it (without O_NOCTTY) does not take it, and the C
 * library's job control, which asks tcgetsid, leaves its reads and
 * writes alone (a terminal emulator may share the session it serves). */
static long do_tcgetsid(void *ctx, uint64_t badge, int32_t *sid, int32_t *pgid)
{
	return is_master(ctx, badge) ? FS_FS_ERROR_NOT_SUPPORTED
				     : tty_tcgetsid(ctx, badge, sid, pgid);
}

static long do_tcsetsid(void *ctx, uint64_t badge, int32_t sid, bool steal)
{
	return is_master(ctx, badge) ? FS_FS_ERROR_NOT_SUPPORTED
				     : tty_tcsetsid(ctx, badge, sid, steal);
}

static struct fs_file_ops file_ops = {
	.ptsnumber = do_ptsnumber,
	.ptslock = do_ptslock,
	.ptsowner = do_ptsowner,
	.ptspacket = do_ptspacket,
	.stat = do_stat,
	.read = do_read,
	.write = do_write,
	.close = do_close,
};

int main(void)
{
	file_ops.tcgetsid = do_tcgetsid;
	file_ops.tcsetsid = do_tcsetsid;
	tty_file_ops(&file_ops);
	for (size_t i = 0; i < PTY_MAX; i++) {
		tty_init(&ptys[i].tty, NULL);
		ptys[i].tty.events = master_events;
		ptys[i].tty.rdev = (uint64_t)PTY_MAJOR << 32 | i;
	}
	if (tty_timer_start())
		return 1;
	pthread_t t;
	if (pthread_create(&t, NULL, nodes_thread, NULL)) {
		printf("pty: no thread for the slaves' nodes\n");
		return 1;
	}
	static const struct fs_device_node nodes[] = { { "ptmx", PTMX_MINOR, 0666 } };
	static const struct fs_device dev = { "pty", PTY_MAJOR, nodes, 1 };
	return fs_device_serve(&dev, &opens, &node_ops, &file_ops);
}
