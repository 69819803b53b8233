// SPDX-License-Identifier: BSD-2-Clause
// struct hmap: linear probing over a power-of-two table. Hashes are never 0
// (0 marks an empty slot). Deletion moves later members of the probe run
// back into the hole, so lookups never see tombstones.
#include <coll/hmap.h>
#include <stdlib.h>
#include <string.h>

static uint64_t mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a, then mixed */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	h = mix(h);
	return h ? h : 1;
}

static uint64_t hash_int(uint64_t k)
{
	uint64_t h = mix(k + 0x9e3779b97f4a7c15ull);
	return h ? h : 1;
}

void hmap_init_str(struct hmap *m)
{
	*m = (struct hmap){ .string_keys = true };
}

void hmap_init_int(struct hmap *m)
{
	*m = (struct hmap){ .string_keys = false };
}

void hmap_free(struct hmap *m)
{
	if (m->string_keys)
		for (size_t i = 0; i < m->cap; i++)
			if (m->slots[i].hash)
				free(m->slots[i].skey);
	free(m->slots);
	m->slots = NULL;
	m->cap = m->len = 0;
}

static bool same_key(const struct hmap *m, const struct hmap_slot *s, uint64_t h, const char *skey,
		     uint64_t ikey)
{
	if (s->hash != h)
		return false;
	return m->string_keys ? !strcmp(s->skey, skey) : s->ikey == ikey;
}

static struct hmap_slot *find(const struct hmap *m, uint64_t h, const char *skey, uint64_t ikey)
{
	if (!m->cap)
		return NULL;
	for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		struct hmap_slot *s = &m->slots[i];
		if (!s->hash)
			return NULL;
		if (same_key(m, s, h, skey, ikey))
			return s;
	}
}

/* Places a slot's contents into a table known not to hold its key. */
static void place(struct hmap_slot *slots, size_t cap, const struct hmap_slot *src)
{
	size_t i = src->hash & (cap - 1);
	while (slots[i].hash)
		i = (i + 1) & (cap - 1);
	slots[i] = *src;
}

static bool grow(struct hmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 8;
	struct hmap_slot *slots = calloc(cap, sizeof(*slots));
	if (!slots)
		return false;
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].hash)
			place(slots, cap, &m->slots[i]);
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return true;
}

static bool put(struct hmap *m, uint64_t h, const char *skey, uint64_t ikey, void *value)
{
	struct hmap_slot *s = find(m, h, skey, ikey);
	if (s) {
		s->value = value;
		return true;
	}
	if ((m->len + 1) * 4 > m->cap * 3 && !grow(m))
		return false;
	struct hmap_slot n = { .hash = h, .value = value };
	if (m->string_keys) {
		size_t len = strlen(skey) + 1;
		n.skey = malloc(len);
		if (!n.skey)
			return false;
		memcpy(n.skey, skey, len);
	} else {
		n.ikey = ikey;
	}
	place(m->slots, m->cap, &n);
	m->len++;
	return true;
}

static bool del(struct hmap *m, struct hmap_slot *s)
{
	if (!s)
		return false;
	if (m->string_keys)
		free(s->skey);
	size_t mask = m->cap - 1, hole = (size_t)(s - m->slots);
	/* Shift back: a later member of the run moves into the hole unless
	 * its home lies cyclically within (hole, j]. */
	for (size_t j = (hole + 1) & mask; m->slots[j].hash; j = (j + 1) & mask) {
		size_t home = m->slots[j].hash & mask;
		bool stays = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
		if (!stays) {
			m->slots[hole] = m->slots[j];
			hole = j;
		}
	}
	m->slots[hole].hash = 0;
	m->len--;
	return true;
}

bool hmap_put_str(struct hmap *m, const char *key, void *value)
{
	return put(m, hash_str(key), key, 0, value);
}

bool hmap_put_int(struct hmap *m, uint64_t key, void *value)
{
	return put(m, hash_int(key), NULL, key, value);
}

struct hmap_slot *hmap_find_str(const struct hmap *m, const char *key)
{
	return find(m, hash_str(key), key, 0);
}

struct hmap_slot *hmap_find_int(const struct hmap *m, uint64_t key)
{
	return find(m, hash_int(key), NULL, key);
}

bool hmap_del_str(struct hmap *m, const char *key)
{
	return del(m, hmap_find_str(m, key));
}

bool hmap_del_int(struct hmap *m, uint64_t key)
{
	return del(m, hmap_find_int(m, key));
}

struct hmap_slot *hmap_next(const struct hmap *m, size_t *it)
{
	while (*it < m->cap) {
		struct hmap_slot *s = &m->slots[(*it)++];
		if (s->hash)
			return s;
	}
	return NULL;
}
