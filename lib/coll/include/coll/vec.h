// SPDX-License-Identifier: BSD-2-Clause
// A growable array of fixed-size elements. Functions that grow it return
// false (or NULL) when memory runs out and leave it as it was.
#ifndef COLL_VEC_H
#define COLL_VEC_H

#include <stdbool.h>
#include <stddef.h>

struct vec {
	void *data;
	size_t len, cap; /* in elements */
	size_t elem; /* size of one element in bytes */
};

void vec_init(struct vec *v, size_t elem);
void vec_free(struct vec *v);
bool vec_reserve(struct vec *v, size_t n);
/* Appends a copy of *elem (or zeros when elem is NULL); the new slot. */
void *vec_push(struct vec *v, const void *elem);
/* Removes the last element, copying it out when out is not NULL. */
bool vec_pop(struct vec *v, void *out);
bool vec_insert(struct vec *v, size_t i, const void *elem);
void vec_remove(struct vec *v, size_t i);
void vec_clear(struct vec *v);

static inline void *vec_at(const struct vec *v, size_t i)
{
	return (char *)v->data + i * v->elem;
}

#endif
