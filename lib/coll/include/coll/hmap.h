// SPDX-License-Identifier: BSD-2-Clause
// A hash map from strings (copied into the map) or 64-bit integers to
// pointers: open addressing with linear probing, deletion by shifting back
// (no tombstones), at most 3/4 full. One map holds one kind of key.
#ifndef COLL_HMAP_H
#define COLL_HMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hmap_slot {
	uint64_t hash; /* 0: empty */
	union {
		char *skey;
		uint64_t ikey;
	};
	void *value;
};

struct hmap {
	struct hmap_slot *slots;
	size_t cap, len; /* cap is 0 or a power of two */
	bool string_keys;
};

void hmap_init_str(struct hmap *m);
void hmap_init_int(struct hmap *m);
/* Frees the map and its copies of the keys (not the values). */
void hmap_free(struct hmap *m);

/* Adds or replaces; false when memory runs out. */
bool hmap_put_str(struct hmap *m, const char *key, void *value);
bool hmap_put_int(struct hmap *m, uint64_t key, void *value);
/* The slot of a key, or NULL. */
struct hmap_slot *hmap_find_str(const struct hmap *m, const char *key);
struct hmap_slot *hmap_find_int(const struct hmap *m, uint64_t key);
/* Removes a key; false if it was not there. */
bool hmap_del_str(struct hmap *m, const char *key);
bool hmap_del_int(struct hmap *m, uint64_t key);

/* Iteration: for (size_t it = 0; (s = hmap_next(m, &it));) ... The map
 * must not change meanwhile. */
struct hmap_slot *hmap_next(const struct hmap *m, size_t *it);

#endif
