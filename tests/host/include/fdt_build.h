// SPDX-License-Identifier: BSD-2-Clause
// Builds device tree blobs token by token, including malformed ones that dtc
// would never write (unbalanced nodes, bad lengths, names running off the
// end). Header-only: used by the fdt tests and the bootinfo tests.
#ifndef FDT_BUILD_H
#define FDT_BUILD_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <vtest.h>

#define FB_BEGIN 1u
#define FB_END 2u
#define FB_PROP 3u
#define FB_NOP 4u
#define FB_FINISH 9u

struct fb {
	uint8_t st[16384];
	uint32_t st_len;
	char str[2048];
	uint32_t str_len;
	uint64_t rsv[8][2];
	int nrsv;
	bool rsv_unterminated; /* leave out the (0, 0) entry */
};

static inline void fb_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static inline uint32_t fb_get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline void fb_init(struct fb *b)
{
	memset(b, 0, sizeof(*b));
}

static inline void fb_bytes(struct fb *b, const void *p, size_t n, bool pad)
{
	if (b->st_len + n + 4 > sizeof(b->st))
		FAIL("fb: structure block full");
	if (n)
		memcpy(b->st + b->st_len, p, n);
	b->st_len += (uint32_t)n;
	while (pad && (b->st_len & 3))
		b->st[b->st_len++] = 0;
}

static inline void fb_u32(struct fb *b, uint32_t v)
{
	uint8_t w[4];
	fb_put32(w, v);
	fb_bytes(b, w, 4, false);
}

static inline void fb_begin(struct fb *b, const char *name)
{
	fb_u32(b, FB_BEGIN);
	fb_bytes(b, name, strlen(name) + 1, true);
}

static inline void fb_end(struct fb *b)
{
	fb_u32(b, FB_END);
}

static inline uint32_t fb_string(struct fb *b, const char *s)
{
	for (uint32_t o = 0; o < b->str_len; o += (uint32_t)strlen(b->str + o) + 1)
		if (!strcmp(b->str + o, s))
			return o;
	size_t n = strlen(s) + 1;
	if (b->str_len + n > sizeof(b->str))
		FAIL("fb: strings block full");
	memcpy(b->str + b->str_len, s, n);
	b->str_len += (uint32_t)n;
	return b->str_len - (uint32_t)n;
}

/* A property with an explicit name offset and length field (for lies). */
static inline void fb_prop_raw(struct fb *b, uint32_t nameoff, uint32_t lenfield, const void *v,
			       size_t n)
{
	fb_u32(b, FB_PROP);
	fb_u32(b, lenfield);
	fb_u32(b, nameoff);
	fb_bytes(b, v, n, true);
}

static inline void fb_prop(struct fb *b, const char *name, const void *v, size_t n)
{
	fb_prop_raw(b, fb_string(b, name), (uint32_t)n, v, n);
}

static inline void fb_prop_u32(struct fb *b, const char *name, uint32_t v)
{
	uint8_t w[4];
	fb_put32(w, v);
	fb_prop(b, name, w, 4);
}

static inline void fb_prop_str(struct fb *b, const char *name, const char *s)
{
	fb_prop(b, name, s, strlen(s) + 1);
}

static inline void fb_finish(struct fb *b)
{
	fb_u32(b, FB_FINISH);
}

/* Lays out header, reservation map, structure and strings blocks (in the
 * order dtc uses) into a malloc'd buffer of exactly the total size. */
static inline uint8_t *fb_blob(const struct fb *b, size_t *size)
{
	uint32_t rsv_off = 40;
	uint32_t rsv_len = 16 * (uint32_t)(b->nrsv + (b->rsv_unterminated ? 0 : 1));
	uint32_t st_off = rsv_off + rsv_len;
	uint32_t str_off = st_off + b->st_len;
	uint32_t total = str_off + b->str_len;
	uint8_t *blob = calloc(1, total);
	if (!blob)
		abort();
	fb_put32(blob, 0xd00dfeed);
	fb_put32(blob + 4, total);
	fb_put32(blob + 8, st_off);
	fb_put32(blob + 12, str_off);
	fb_put32(blob + 16, rsv_off);
	fb_put32(blob + 20, 17);
	fb_put32(blob + 24, 16);
	fb_put32(blob + 28, 0);
	fb_put32(blob + 32, b->str_len);
	fb_put32(blob + 36, b->st_len);
	for (int i = 0; i < b->nrsv; i++) {
		fb_put32(blob + rsv_off + 16 * i, (uint32_t)(b->rsv[i][0] >> 32));
		fb_put32(blob + rsv_off + 16 * i + 4, (uint32_t)b->rsv[i][0]);
		fb_put32(blob + rsv_off + 16 * i + 8, (uint32_t)(b->rsv[i][1] >> 32));
		fb_put32(blob + rsv_off + 16 * i + 12, (uint32_t)b->rsv[i][1]);
	}
	memcpy(blob + st_off, b->st, b->st_len);
	memcpy(blob + str_off, b->str, b->str_len);
	*size = total;
	return blob;
}

/* Header field offsets, for mutating a blob. */
#define FDT_H_MAGIC 0
#define FDT_H_TOTALSIZE 4
#define FDT_H_OFF_STRUCT 8
#define FDT_H_OFF_STRINGS 12
#define FDT_H_OFF_RSVMAP 16
#define FDT_H_VERSION 20
#define FDT_H_LAST_COMP 24
#define FDT_H_SIZE_STRINGS 32
#define FDT_H_SIZE_STRUCT 36

#endif
