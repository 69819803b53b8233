// SPDX-License-Identifier: BSD-2-Clause
// kernel/lib/range.c: containment without overflow, at the edges of 2^64.
#include <kernel/range.h>
#include <vtest.h>

TEST(range, valid)
{
	CHECK(range_valid(0, 1));
	CHECK(range_valid(0, UINT64_MAX));
	CHECK(range_valid(UINT64_MAX, 1));
	CHECK(!range_valid(UINT64_MAX, 2));
	CHECK(range_valid(1, UINT64_MAX)); /* its last byte is 2^64-1 */
	CHECK(!range_valid(2, UINT64_MAX));
	CHECK(!range_valid(5, 0));
}

TEST(range, within)
{
	CHECK(range_within(0x1000, 0x1000, 0x1000, 0x1000));
	CHECK(range_within(0x1000, 0x1000, 0x1800, 0x800));
	CHECK(!range_within(0x1000, 0x1000, 0x1800, 0x801));
	CHECK(!range_within(0x1000, 0x1000, 0xfff, 1));
	CHECK(!range_within(0x1000, 0x1000, 0x2000, 1));
	CHECK(range_within(0x1000, 0x1000, 0x2000, 0)); /* empty, at the end */
	/* The wrapping sum 0x1800 + 2^64-1 must not look small. */
	CHECK(!range_within(0x1000, 0x1000, 0x1800, UINT64_MAX));
	CHECK(!range_within(0, UINT64_MAX, UINT64_MAX, 2));
	CHECK(range_within(0, UINT64_MAX, UINT64_MAX - 1, 1));
	/* An outer range that reaches the very top. */
	CHECK(range_within(UINT64_MAX - 0xfff, 0x1000, UINT64_MAX, 1));
	CHECK(!range_within(UINT64_MAX - 0xfff, 0x1000, UINT64_MAX, 2));
}

TEST(range, within_matches_a_wide_reference)
{
	/* Against 128-bit arithmetic, over values clustered at the edges. */
	static const uint64_t v[] = {
		0, 1, 2, 0xfff, 0x1000, 0x1001, UINT64_MAX / 2, UINT64_MAX - 1, UINT64_MAX
	};
	size_t n = sizeof(v) / sizeof(v[0]);
	for (size_t a = 0; a < n; a++)
		for (size_t b = 0; b < n; b++)
			for (size_t c = 0; c < n; c++)
				for (size_t d = 0; d < n; d++) {
					unsigned __int128 ob = v[a], os = v[b], b0 = v[c], s = v[d];
					bool want = b0 >= ob && b0 + s <= ob + os;
					CHECK_EQ_U(range_within(v[a], v[b], v[c], v[d]), want);
				}
}
