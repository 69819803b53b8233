// SPDX-License-Identifier: BSD-2-Clause
// The kernel log object: user space writes records to it (echoed on the
// console as written: programs format their own lines) and, with the read
// right, reads the ring back (the future log service's source).
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/logring.h>
#include <kernel/panic.h>
#include <kernel/string.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>

#define LOG_WRITE_MAX 1024

static void log_destroy(struct kobject *o)
{
	(void)o;
	panic("the kernel log object lost its last reference");
}

static const struct kobject_ops log_ops = { .destroy = log_destroy };
static struct kobject log_obj;

struct kobject *log_object(void)
{
	if (!log_obj.ops)
		kobject_init(&log_obj, VG_OBJ_LOG,
			     &log_ops); /* the kernel's reference never goes */
	return &log_obj;
}

long sys_log_write(vg_handle_t h, const char *text, size_t len)
{
	struct kobject *o;
	int err = current_handle(h, VG_OBJ_LOG, VG_RIGHT_WRITE, &o);
	if (err)
		return err;
	kobject_unref(o);
	if (len > LOG_WRITE_MAX)
		return ERR_OUT_OF_RANGE;
	char buf[LOG_WRITE_MAX + 1];
	if (copy_from_user(buf, text, len))
		return ERR_BAD_ADDRESS;
	buf[len] = 0;
	kprintf("%s", buf);
	/* The ring keeps it line by line, like kernel records. */
	for (char *line = buf; *line;) {
		char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		klog_record(LOG_INFO, line, n);
		line += n + (end ? 1 : 0);
	}
	return (long)len;
}

long sys_log_read(vg_handle_t h, uint64_t seq, struct vg_log_record *rec, size_t size)
{
	struct kobject *o;
	int err = current_handle(h, VG_OBJ_LOG, VG_RIGHT_READ, &o);
	if (err)
		return err;
	kobject_unref(o);
	static struct logring_rec r; /* large: not on the kernel stack */
	struct vg_log_record out;
	irqflags_t f = arch_irq_save(); /* r is shared */
	if (!klog_read(&seq, &r)) {
		arch_irq_restore(f);
		return ERR_NOT_FOUND;
	}
	out.seq = r.seq;
	out.time_ns = r.time_ns;
	out.level = (uint32_t)r.level;
	out.len = (uint32_t)r.len;
	long ret = ERR_OUT_OF_RANGE;
	if (size >= sizeof(out) + r.len) {
		ret = ERR_BAD_ADDRESS;
		if (!copy_to_user(rec, &out, sizeof(out)) &&
		    !copy_to_user(rec->text, r.text, r.len))
			ret = (long)(sizeof(out) + r.len);
	}
	arch_irq_restore(f);
	return ret;
}
