// SPDX-License-Identifier: BSD-2-Clause
// Kernel objects and per-process handle tables (see object.h).
#include <kernel/heap.h>
#include <kernel/object.h>
#include <kernel/panic.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <verdigris/errors.h>

static spinlock_t lock = SPINLOCK_INIT; /* reference counts and all tables */
static uint64_t next_koid = 1;
/* Live objects by type, for kernel_counts (leak hunting). */
static uint32_t live[VG_KERNEL_COUNTS_TYPES];

void kobject_init(struct kobject *o, uint32_t type, const struct kobject_ops *ops)
{
	o->type = type;
	o->refs = 1;
	o->handles = 0;
	o->ops = ops;
	list_init(&o->observers);
	irqflags_t f = spin_lock_irqsave(&lock);
	o->koid = next_koid++;
	spin_unlock_irqrestore(&lock, f);
	kassert(type < VG_KERNEL_COUNTS_TYPES);
	__atomic_fetch_add(&live[type], 1, __ATOMIC_RELAXED);
}

void kobject_discard(struct kobject *o)
{
	__atomic_fetch_sub(&live[o->type], 1, __ATOMIC_RELAXED);
}

uint32_t kobject_live(uint32_t type)
{
	return type < VG_KERNEL_COUNTS_TYPES ? __atomic_load_n(&live[type], __ATOMIC_RELAXED) : 0;
}

/* Reference counts are atomic, so that dropping one (on every system call
 * that looked up a handle) needs no lock; handle-table changes still take
 * the lock and count with the same atomics. */
void kobject_ref(struct kobject *o)
{
	uint32_t old = __atomic_fetch_add(&o->refs, 1, __ATOMIC_RELAXED);
	kassert(old > 0);
}

void kobject_unref(struct kobject *o)
{
	uint32_t old = __atomic_fetch_sub(&o->refs, 1, __ATOMIC_ACQ_REL);
	kassert(old > 0);
	if (old == 1) {
		__atomic_fetch_sub(&live[o->type], 1, __ATOMIC_RELAXED);
		o->ops->destroy(o);
	}
}

/* Handle values: generation in bits 24-31, slot index + 1 in bits 0-23, so
 * that 0 is never a valid handle. */
static vg_handle_t make_value(uint32_t index, uint8_t gen)
{
	return (vg_handle_t)gen << 24 | (index + 1);
}

static struct handle_entry *slot_of(struct handle_table *t, vg_handle_t h)
{
	uint32_t index = (h & 0xffffff) - 1;
	if (h == 0 || index >= t->cap)
		return NULL;
	struct handle_entry *e = &t->slots[index];
	if (!e->obj || e->gen != (uint8_t)(h >> 24))
		return NULL;
	return e;
}

void handle_table_init(struct handle_table *t)
{
	memset(t, 0, sizeof(*t));
}

static void drop_handle(struct kobject *o, uint32_t rights, uint64_t badge)
{
	irqflags_t f = spin_lock_irqsave(&lock);
	bool last_handle = --o->handles == 0;
	spin_unlock_irqrestore(&lock, f);
	if (o->ops->count_handles)
		o->ops->count_handles(o, rights, badge, -1);
	if (last_handle && o->ops->last_handle)
		o->ops->last_handle(o);
	kobject_unref(o);
}

void handle_table_destroy(struct handle_table *t)
{
	for (uint32_t i = 0; i < t->cap; i++)
		if (t->slots[i].obj)
			drop_handle(t->slots[i].obj, t->slots[i].rights, t->slots[i].badge);
	kfree(t->slots);
	memset(t, 0, sizeof(*t));
}

/* Doubles the table's capacity; lock held. */
static int grow(struct handle_table *t)
{
	uint32_t ncap = t->cap ? t->cap * 2 : 16;
	if (ncap > HANDLE_MAX)
		return ERR_OUT_OF_RANGE;
	/* kmalloc takes its own lock with interrupts off: fine inside ours. */
	struct handle_entry *n = kzalloc(ncap * sizeof(*n));
	if (!n)
		return ERR_NO_MEMORY;
	if (t->slots)
		memcpy(n, t->slots, t->cap * sizeof(*n));
	kfree(t->slots);
	t->slots = n;
	t->cap = ncap;
	return 0;
}

int handle_reserve(struct handle_table *t, uint32_t n)
{
	irqflags_t f = spin_lock_irqsave(&lock);
	int err = t->limit && n > t->limit - t->used ? ERR_OUT_OF_RANGE : 0;
	while (!err && t->cap - t->used < n)
		err = grow(t);
	spin_unlock_irqrestore(&lock, f);
	return err;
}

int handle_install(struct handle_table *t, struct kobject *o, uint32_t rights, uint64_t badge,
		   vg_handle_t *out)
{
	/* Counted before it exists, so that a handle moving (installed here
	 * before it is closed there) never lets a count touch 0. */
	rights &= VG_RIGHTS_ALL;
	bool counted = o->ops->count_handles;
	if (counted) {
		int err = o->ops->count_handles(o, rights, badge, 1);
		if (err)
			return err;
	}
	irqflags_t f = spin_lock_irqsave(&lock);
	if (t->limit && t->used >= t->limit) {
		spin_unlock_irqrestore(&lock, f);
		return ERR_OUT_OF_RANGE;
	}
	uint32_t i = 0;
	while (i < t->cap && t->slots[i].obj)
		i++;
	if (i == t->cap) {
		int err = grow(t);
		if (err) {
			spin_unlock_irqrestore(&lock, f);
			if (counted)
				o->ops->count_handles(o, rights, badge, -1);
			return err;
		}
	}
	struct handle_entry *e = &t->slots[i];
	e->obj = o;
	e->rights = rights;
	e->badge = badge;
	e->gen++;
	__atomic_fetch_add(&o->refs, 1, __ATOMIC_RELAXED);
	o->handles++;
	t->used++;
	*out = make_value(i, e->gen);
	spin_unlock_irqrestore(&lock, f);
	return 0;
}

int handle_lookup(struct handle_table *t, vg_handle_t h, uint32_t type, uint32_t rights,
		  struct kobject **o, struct handle_entry *entry)
{
	irqflags_t f = spin_lock_irqsave(&lock);
	struct handle_entry *e = slot_of(t, h);
	int err = 0;
	if (!e)
		err = ERR_BAD_HANDLE;
	else if (type != VG_OBJ_NONE && e->obj->type != type)
		err = ERR_WRONG_TYPE;
	else if ((e->rights & rights) != rights)
		err = ERR_ACCESS_DENIED;
	if (!err) {
		__atomic_fetch_add(&e->obj->refs, 1, __ATOMIC_RELAXED);
		*o = e->obj;
		if (entry)
			*entry = *e;
	}
	spin_unlock_irqrestore(&lock, f);
	return err;
}

int handle_take(struct handle_table *t, vg_handle_t h, struct handle_entry *out)
{
	irqflags_t f = spin_lock_irqsave(&lock);
	struct handle_entry *e = slot_of(t, h);
	if (!e) {
		spin_unlock_irqrestore(&lock, f);
		return ERR_BAD_HANDLE;
	}
	*out = *e;
	e->obj = NULL;
	t->used--;
	spin_unlock_irqrestore(&lock, f);
	return 0;
}

int handle_close(struct handle_table *t, vg_handle_t h)
{
	struct handle_entry e;
	int err = handle_take(t, h, &e);
	if (!err)
		drop_handle(e.obj, e.rights, e.badge);
	return err;
}
