/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_OBJECT_H
#define KERNEL_OBJECT_H

#include <kernel/list.h>
#include <kernel/types.h>
#include <verdigris/types.h>

/*
 * Kernel objects and handles. Every object starts with a struct kobject: its
 * type, a reference count and a koid (an id never reused). References are
 * held by handles and by kernel structures; the last release destroys the
 * object. A handle table maps a process's handle values to (object, rights,
 * badge). Handle values carry a generation in their top byte, so a closed
 * value that is reused later does not silently name the new object.
 */
struct kobject;
struct vg_port_packet;
struct kobject_ops {
	void (*destroy)(struct kobject *o); /* frees the object */
	/* The last handle to the object was closed (wake waiters with an error). */
	void (*last_handle)(struct kobject *o);
	/* Sources a port can wait on (port.c): fills in pkt and returns true
	 * when the object is ready (taking what the packet reports, like a
	 * notification's bits). Scheduler lock held. NULL: not waitable. */
	bool (*poll)(struct kobject *o, struct vg_port_packet *pkt);
	/* Every handle comes (delta 1, before it is installed) and goes (-1,
	 * after it is closed), with its rights and badge, for objects that
	 * count them (endpoints, ipc.c: per badge, and those that may
	 * receive). No lock held; a failure (only when coming) fails the
	 * install. NULL: not counted. */
	int (*count_handles)(struct kobject *o, uint32_t rights, uint64_t badge, int delta);
};

struct kobject {
	uint32_t type; /* enum vg_object_type */
	uint32_t refs;
	uint32_t handles; /* how many of refs are handles */
	uint64_t koid;
	const struct kobject_ops *ops;
	struct list observers; /* port bindings waiting for it (port.c) */
};

void kobject_init(struct kobject *o, uint32_t type, const struct kobject_ops *ops);
void kobject_ref(struct kobject *o);
void kobject_unref(struct kobject *o);
/* An object kobject_init made that is freed directly, never having been
 * handed out (a failed creation): it stops counting as live. */
void kobject_discard(struct kobject *o);
/* Live objects of a type (kernel_counts). */
uint32_t kobject_live(uint32_t type);

struct handle_entry {
	struct kobject *obj; /* NULL: free slot */
	uint32_t rights;
	uint8_t gen;
	uint64_t badge;
};

#define HANDLE_MAX 4096 /* per process, until resource limits come */

struct handle_table {
	struct handle_entry *slots;
	uint32_t cap;
	uint32_t used;
	uint32_t limit; /* VG_LIMIT_HANDLES, 0: HANDLE_MAX */
};

void handle_table_init(struct handle_table *t);
/* Closes every handle. */
void handle_table_destroy(struct handle_table *t);
/* Installs a new handle (taking a reference). ERR_NO_MEMORY, or ERR_OUT_OF_RANGE
 * when the table is full. */
int handle_install(struct handle_table *t, struct kobject *o, uint32_t rights, uint64_t badge,
		   vg_handle_t *out);
/* Makes room for n more handles, so that n installs cannot fail. */
int handle_reserve(struct handle_table *t, uint32_t n);
/* Looks up h, checking its type (VG_OBJ_NONE: any) and that it has all of
 * rights. On success *o holds a new reference. */
int handle_lookup(struct handle_table *t, vg_handle_t h, uint32_t type, uint32_t rights,
		  struct kobject **o, struct handle_entry *entry);
/* Removes h and gives its reference to *out (for transfer). */
int handle_take(struct handle_table *t, vg_handle_t h, struct handle_entry *out);
int handle_close(struct handle_table *t, vg_handle_t h);

#endif
