// SPDX-License-Identifier: BSD-2-Clause
// lib/coll: the vector against a plain array model under random inserts,
// removals and pops; the hash maps (string and integer keys) against a
// direct-indexed model under random puts, replacements and deletions (so
// that shift-back deletion meets wrapped probe runs), with iteration; the
// string builder against snprintf.
#define _GNU_SOURCE
#include <coll/hmap.h>
#include <coll/sb.h>
#include <coll/vec.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vtest.h>

TEST(coll, vec_random)
{
	struct vec v;
	vec_init(&v, sizeof(uint32_t));
	static uint32_t model[5000];
	size_t n = 0;
	uint64_t rng = 81;
	for (int i = 0; i < 60000; i++) {
		uint32_t x = (uint32_t)vtest_rand(&rng);
		switch (vtest_below(&rng, 5)) {
		case 0:
		case 1:
			if (n == sizeof(model) / sizeof(model[0]))
				break;
			CHECK(*(uint32_t *)vec_push(&v, &x) == x);
			model[n++] = x;
			break;
		case 2: {
			if (n == sizeof(model) / sizeof(model[0]))
				break;
			size_t at = vtest_below(&rng, n + 1);
			CHECK(vec_insert(&v, at, &x));
			memmove(model + at + 1, model + at, (n - at) * sizeof(*model));
			model[at] = x;
			n++;
			break;
		}
		case 3:
			if (n) {
				size_t at = vtest_below(&rng, n);
				vec_remove(&v, at);
				memmove(model + at, model + at + 1, (n - at - 1) * sizeof(*model));
				n--;
			}
			break;
		default: {
			uint32_t out = 0;
			CHECK(vec_pop(&v, &out) == (n > 0));
			if (n)
				CHECK(out == model[--n]);
		}
		}
		CHECK_EQ_U(v.len, n);
	}
	CHECK(!memcmp(v.data, model, n * sizeof(*model)));
	CHECK(!vec_insert(&v, v.len + 1, NULL));
	vec_clear(&v);
	CHECK(v.len == 0 && vec_push(&v, NULL) && *(uint32_t *)vec_at(&v, 0) == 0);
	vec_free(&v);
	CHECK(v.data == NULL && v.len == 0);
}

#define KEYS 3000

TEST(coll, hmap_int_random)
{
	struct hmap m;
	hmap_init_int(&m);
	static long model[KEYS]; /* 0: absent, else value */
	size_t count = 0;
	uint64_t rng = 82;
	for (int i = 0; i < 200000; i++) {
		uint64_t k = vtest_below(&rng, KEYS);
		/* Keys far apart too, sharing low bits. */
		uint64_t key = k * 0x100000000ull + (k & 7);
		if (vtest_below(&rng, 3)) {
			long val = (long)vtest_below(&rng, 1000) + 1;
			CHECK(hmap_put_int(&m, key, (void *)val));
			count += model[k] == 0;
			model[k] = val;
		} else {
			CHECK(hmap_del_int(&m, key) == (model[k] != 0));
			count -= model[k] != 0;
			model[k] = 0;
		}
		CHECK_EQ_U(m.len, count);
		if (i % 1000 == 0)
			for (uint64_t j = 0; j < KEYS; j++) {
				struct hmap_slot *s =
					hmap_find_int(&m, j * 0x100000000ull + (j & 7));
				CHECK_MSG(model[j] ? s && (long)s->value == model[j] : !s,
					  "key %lu", (unsigned long)j);
			}
	}
	size_t seen = 0, it = 0;
	for (struct hmap_slot *s; (s = hmap_next(&m, &it));) {
		uint64_t k = s->ikey >> 32;
		CHECK(k < KEYS && model[k] == (long)s->value);
		seen++;
	}
	CHECK_EQ_U(seen, count);
	hmap_free(&m);
}

TEST(coll, hmap_str_random)
{
	struct hmap m;
	hmap_init_str(&m);
	static long model[KEYS];
	size_t count = 0;
	uint64_t rng = 83;
	char key[32];
	for (int i = 0; i < 100000; i++) {
		unsigned k = (unsigned)vtest_below(&rng, KEYS);
		snprintf(key, sizeof(key), "key-%u", k);
		if (vtest_below(&rng, 3)) {
			long val = (long)vtest_below(&rng, 1000) + 1;
			CHECK(hmap_put_str(&m, key, (void *)val));
			count += model[k] == 0;
			model[k] = val;
		} else {
			CHECK(hmap_del_str(&m, key) == (model[k] != 0));
			count -= model[k] != 0;
			model[k] = 0;
		}
		CHECK_EQ_U(m.len, count);
		struct hmap_slot *s = hmap_find_str(&m, key);
		CHECK(model[k] ? s && (long)s->value == model[k] && !strcmp(s->skey, key) : !s);
	}
	for (unsigned k = 0; k < KEYS; k++) {
		snprintf(key, sizeof(key), "key-%u", k);
		struct hmap_slot *s = hmap_find_str(&m, key);
		CHECK(model[k] ? s && (long)s->value == model[k] : !s);
	}
	CHECK(hmap_find_str(&m, "") == NULL && hmap_put_str(&m, "", NULL) && hmap_find_str(&m, ""));
	hmap_free(&m);
	CHECK(hmap_find_str(&m, "x") == NULL);
}

TEST(coll, sb)
{
	struct sb b;
	sb_init(&b);
	CHECK_STREQ(sb_str(&b), "");
	char model[20000] = "";
	size_t n = 0;
	uint64_t rng = 84;
	for (int i = 0; i < 2000; i++) {
		unsigned x = (unsigned)vtest_rand(&rng);
		switch (x % 4) {
		case 0:
			CHECK(sb_append(&b, "abc"));
			n += (size_t)sprintf(model + n, "abc");
			break;
		case 1:
			CHECK(sb_putc(&b, (char)('a' + x % 26)));
			model[n++] = (char)('a' + x % 26);
			model[n] = 0;
			break;
		case 2:
			CHECK(sb_printf(&b, "[%u %s %5.2f]", x, "s", (double)x / 7));
			n += (size_t)sprintf(model + n, "[%u %s %5.2f]", x, "s", (double)x / 7);
			break;
		default:
			if (n > 10) {
				n -= 5;
				sb_truncate(&b, b.len - 5);
				model[n] = 0;
			}
		}
		CHECK(b.len == n && !strcmp(sb_str(&b), model));
	}
	char *s = sb_take(&b);
	CHECK(!strcmp(s, model) && b.buf == NULL && b.len == 0);
	free(s);
	s = sb_take(&b);
	CHECK(s && !*s);
	free(s);
	sb_free(&b);
}
