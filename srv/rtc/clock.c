// SPDX-License-Identifier: BSD-2-Clause
// /dev/rtc0 (clock.h). Why a device and not a check of the caller's uid
// here: the VFS already decides who may open a node for writing (its
// owner and mode, root's override, setuid programs, the groups), so the
// policy is the node's and an administrator changes it with chmod or a
// devmgr rule, and the server trusts only what the kernel vouches for:
// the badge of an open it made for writing.
#include "clock.h"

#include "../fscommon/device.h"
#include <fs.h>

static struct fs_opens opens;
static struct rtc *chip;
static vg_handle_t resource;

static long do_open(void *ctx, uint64_t badge, uint64_t rdev, uint32_t flags, vg_handle_t *file)
{
	(void)ctx, (void)badge;
	return rdev == (uint64_t)RTC_MAJOR << 32 ? fs_opens_new(&opens, rdev, flags, file)
						 : FS_FS_ERROR_NOT_FOUND;
}

static const struct fs_node_ops node_ops = { .open = do_open };

static long do_stat(void *ctx, uint64_t badge, struct fs_attr *attr)
{
	(void)ctx;
	struct fs_open *f = fs_opens_get(&opens, badge);
	if (!f)
		return FS_FS_ERROR_BAD_FILE;
	*attr = (struct fs_attr){
		.ino = f->ino, .kind = FS_KIND_CHARDEV, .mode = 0644, .nlink = 1, .rdev = f->ino
	};
	return 0;
}

static long do_rtc_read(void *ctx, uint64_t badge, uint64_t *seconds)
{
	(void)ctx;
	uint64_t ns;
	if (!fs_opens_get(&opens, badge))
		return FS_FS_ERROR_BAD_FILE;
	if (!chip)
		return FS_FS_ERROR_NO_DEVICE;
	if (rtc_read(chip, &ns))
		return FS_FS_ERROR_IO;
	*seconds = ns / 1000000000u;
	return 0;
}

/* The open file of badge when it was opened for writing: the right to
 * set the clock. */
static long writer(uint64_t badge)
{
	struct fs_open *f = fs_opens_get(&opens, badge);
	return !f || !fs_open_writable(f) ? FS_FS_ERROR_BAD_FILE : 0;
}

/* The chip set to ns: 0 or the file protocol's error. */
static long chip_write(uint64_t ns)
{
	if (!chip)
		return FS_FS_ERROR_NO_DEVICE;
	long st = rtc_write(chip, ns);
	return st == ERR_OUT_OF_RANGE ? FS_FS_ERROR_INVALID : st ? FS_FS_ERROR_IO : 0;
}

static long do_rtc_write(void *ctx, uint64_t badge, uint64_t seconds)
{
	(void)ctx;
	long st = writer(badge);
	if (st)
		return st;
	if (seconds >= VG_REALTIME_MAX / 1000000000u)
		return FS_FS_ERROR_INVALID;
	return chip_write(seconds * 1000000000u);
}

static long do_clock_set(void *ctx, uint64_t badge, uint64_t ns)
{
	(void)ctx;
	long st = writer(badge);
	if (st)
		return st;
	if ((st = vg_clock_set_realtime(resource, ns)))
		return st == ERR_OUT_OF_RANGE ? FS_FS_ERROR_INVALID : FS_FS_ERROR_NOT_PERMITTED;
	/* The wall clock is set whatever the chip says: a machine without one
	 * (or one that cannot hold the time) still has a settable clock. */
	st = chip_write(ns);
	if (st && st != FS_FS_ERROR_NO_DEVICE)
		vg_printf("rtc: the clock chip was not set (%ld)\n", st);
	return 0;
}

static const struct fs_file_ops file_ops = {
	.stat = do_stat,
	.clone = fs_device_clone,
	.statfs = fs_device_statfs,
	.close = fs_device_close,
	.rtc_read = do_rtc_read,
	.rtc_write = do_rtc_write,
	.clock_set = do_clock_set,
};

int rtc_clock_serve(vg_handle_t root, struct rtc *the_chip)
{
	resource = root;
	chip = the_chip;
	/* root's, 0644: anyone reads the chip, root sets the clock. */
	static const struct fs_device_node nodes[] = { { "rtc0", 0, 0644 } };
	static const struct fs_device dev = { "rtc", RTC_MAJOR, nodes, 1 };
	return fs_device_serve(&dev, &opens, &node_ops, &file_ops);
}
