// SPDX-License-Identifier: BSD-2-Clause
// struct vec: a growable array; capacity doubles as it fills.
#include <coll/vec.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void vec_init(struct vec *v, size_t elem)
{
	*v = (struct vec){ .elem = elem };
}

void vec_free(struct vec *v)
{
	free(v->data);
	vec_init(v, v->elem);
}

bool vec_reserve(struct vec *v, size_t n)
{
	if (n <= v->cap)
		return true;
	size_t cap = v->cap ? v->cap : 4;
	while (cap < n) {
		if (cap > SIZE_MAX / 2)
			return false;
		cap *= 2;
	}
	if (v->elem && cap > SIZE_MAX / v->elem)
		return false;
	void *p = realloc(v->data, cap * v->elem);
	if (!p)
		return false;
	v->data = p;
	v->cap = cap;
	return true;
}

void *vec_push(struct vec *v, const void *elem)
{
	if (!vec_insert(v, v->len, elem))
		return NULL;
	return vec_at(v, v->len - 1);
}

bool vec_pop(struct vec *v, void *out)
{
	if (!v->len)
		return false;
	v->len--;
	if (out)
		memcpy(out, vec_at(v, v->len), v->elem);
	return true;
}

bool vec_insert(struct vec *v, size_t i, const void *elem)
{
	if (i > v->len || !vec_reserve(v, v->len + 1))
		return false;
	char *slot = vec_at(v, i);
	memmove(slot + v->elem, slot, (v->len - i) * v->elem);
	if (elem)
		memcpy(slot, elem, v->elem);
	else
		memset(slot, 0, v->elem);
	v->len++;
	return true;
}

void vec_remove(struct vec *v, size_t i)
{
	if (i >= v->len)
		return;
	char *slot = vec_at(v, i);
	memmove(slot, slot + v->elem, (v->len - i - 1) * v->elem);
	v->len--;
}

void vec_clear(struct vec *v)
{
	v->len = 0;
}
