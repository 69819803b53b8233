// SPDX-License-Identifier: BSD-2-Clause
// bin/memdev: the memory devices of major 1, as on other Unix systems:
// null (minor 3), zero (5), full (7), random (8), urandom (9) and kmsg
// (11: each write a record of the kernel log, what dmesg shows, so that a
// shell script can log; reads give nothing). The VFS
// sends it `node.open(rdev, flags)` for a device node of major 1 on any
// filesystem (idl/fs.idl, vfs.device); each open device gets a handle that
// speaks `file`. Its spawner gives it the endpoint to serve (VG_HTAG_USER
// + 0) and the device manager (VG_HTAG_USER + 1), which makes its nodes.
//
// random and urandom are one generator (xoshiro256**) seeded from the
// clock: not fit for keys until the system has an entropy source.
#include "../fscommon/device.h"
#include <fs.h>
#include <string.h>
#include <vg/vg.h>

enum {
	MEM_MAJOR = 1,
	DEV_NULL = 3,
	DEV_ZERO = 5,
	DEV_FULL = 7,
	DEV_RANDOM = 8,
	DEV_URANDOM = 9,
	DEV_KMSG = 11
};

static struct fs_opens opens;
static uint64_t rng[4];
static unsigned char buf[FS_FILE_READ_DATA_MAX];

static uint64_t rotl(uint64_t x, int k)
{
	return x << k | x >> (64 - k);
}

static uint64_t next_random(void)
{
	uint64_t r = rotl(rng[1] * 5, 7) * 9, t = rng[1] << 17;
	rng[2] ^= rng[0];
	rng[3] ^= rng[1];
	rng[1] ^= rng[2];
	rng[0] ^= rng[3];
	rng[2] ^= t;
	rng[3] = rotl(rng[3], 45);
	return r;
}

static bool known(uint64_t rdev)
{
	uint64_t minor = rdev & 0xffffffffu;
	return rdev >> 32 == MEM_MAJOR &&
		(minor == DEV_NULL || minor == DEV_ZERO || minor == DEV_FULL ||
		 minor == DEV_RANDOM || minor == DEV_URANDOM || minor == DEV_KMSG);
}

static long do_open(void *ctx, uint64_t badge, uint64_t rdev, uint32_t flags, vg_handle_t *file)
{
	(void)ctx, (void)badge;
	return known(rdev) ? fs_opens_new(&opens, rdev, flags, file) : FS_FS_ERROR_NOT_FOUND;
}

static const struct fs_node_ops node_ops = { .open = do_open };

static long do_read(void *ctx, uint64_t badge, uint64_t offset, uint32_t count, const void **data,
		    size_t *len)
{
	(void)ctx, (void)offset;
	struct fs_open *f = fs_opens_get(&opens, badge);
	if (!f || !fs_open_readable(f))
		return FS_FS_ERROR_BAD_FILE;
	uint32_t minor = (uint32_t)f->ino;
	*len = minor == DEV_NULL || minor == DEV_KMSG ? 0
		: count < sizeof(buf)		      ? count
						      : sizeof(buf);
	if (minor == DEV_RANDOM || minor == DEV_URANDOM) {
		for (size_t i = 0; i < *len; i += 8) {
			uint64_t r = next_random();
			memcpy(buf + i, &r, *len - i < 8 ? *len - i : 8);
		}
	} else {
		memset(buf, 0, *len);
	}
	*data = buf;
	return 0;
}

static long do_write(void *ctx, uint64_t badge, uint64_t offset, const void *data, size_t len,
		     uint32_t *count, uint64_t *pos)
{
	(void)ctx, (void)offset;
	struct fs_open *f = fs_opens_get(&opens, badge);
	if (!f || !fs_open_writable(f))
		return FS_FS_ERROR_BAD_FILE;
	if ((uint32_t)f->ino == DEV_FULL)
		return FS_FS_ERROR_NO_SPACE;
	/* kmsg: one record a write (a longer one is cut to a record), as
	 * the writer's line was meant to be read. */
	size_t n = len < VG_LOG_RECORD_MAX ? len : VG_LOG_RECORD_MAX;
	if ((uint32_t)f->ino == DEV_KMSG && vg_log_write(vg_log_handle(), data, n) < 0)
		return FS_FS_ERROR_IO;
	*count = (uint32_t)((uint32_t)f->ino == DEV_KMSG ? n : len);
	*pos = 0;
	return 0;
}

static long do_seek(void *ctx, uint64_t badge, int64_t offset, uint32_t whence, uint64_t *pos)
{
	(void)ctx, (void)offset, (void)whence;
	*pos = 0;
	return fs_opens_get(&opens, badge) ? 0 : FS_FS_ERROR_BAD_FILE;
}

static long do_stat(void *ctx, uint64_t badge, struct fs_attr *attr)
{
	(void)ctx;
	struct fs_open *f = fs_opens_get(&opens, badge);
	if (!f)
		return FS_FS_ERROR_BAD_FILE;
	*attr = (struct fs_attr){
		.ino = f->ino, .kind = FS_KIND_CHARDEV, .mode = 0666, .nlink = 1, .rdev = f->ino
	};
	return 0;
}

static long do_setflags(void *ctx, uint64_t badge, uint32_t flags)
{
	(void)ctx, (void)flags;
	return fs_opens_get(&opens, badge) ? 0 : FS_FS_ERROR_BAD_FILE;
}

static long do_sync(void *ctx, uint64_t badge)
{
	(void)ctx;
	return fs_opens_get(&opens, badge) ? 0 : FS_FS_ERROR_BAD_FILE;
}

static const struct fs_file_ops file_ops = {
	.read = do_read,
	.write = do_write,
	.seek = do_seek,
	.stat = do_stat,
	.sync = do_sync,
	.clone = fs_device_clone,
	.statfs = fs_device_statfs,
	.close = fs_device_close,
	.setflags = do_setflags,
};

int main(void)
{
	uint64_t seed = (uint64_t)vg_clock_monotonic();
	for (int i = 0; i < 4; i++) {
		seed += 0x9e3779b97f4a7c15ull; /* splitmix64 spreads the seed */
		uint64_t z = seed;
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
		rng[i] = z ^ (z >> 31);
	}
	static const struct fs_device_node nodes[] = { { "null", DEV_NULL, 0666 },
						       { "zero", DEV_ZERO, 0666 },
						       { "full", DEV_FULL, 0666 },
						       /* root's, as on Linux: only root logs */
						       { "kmsg", DEV_KMSG, 0644 },
						       { "random", DEV_RANDOM, 0666 },
						       { "urandom", DEV_URANDOM, 0666 } };
	static const struct fs_device dev = { "memdev", MEM_MAJOR, nodes, 6 };
	return fs_device_serve(&dev, &opens, &node_ops, &file_ops);
}
