// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for lib/c's number parsing: the input, as a string, goes
// through our strtod, strtof and strtol family and glibc's; results (bits),
// end pointers and ERANGE must agree. (strtof is compared on decimal input
// only: glibc 2.36 misrounds some hexadecimal subnormals, see
// test_libc_strtod.c.)
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vgc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const char *s)
{
	fprintf(stderr, "FUZZ FAIL: %s differs for \"%s\"\n", what, s);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int base = data[0] % 38; /* 0..37: 1 and 37 are invalid bases */
	char *s = malloc(size);
	memcpy(s, data + 1, size - 1);
	s[size - 1] = 0;
	char *e1, *e2;
	vgc_errno = 0;
	errno = 0;
	double a = vgc_strtod(s, &e1);
	int r1 = vgc_errno == VGC_ERANGE;
	double b = strtod(s, &e2);
	int r2 = errno == ERANGE;
	if (!(a != a && b != b) && memcmp(&a, &b, sizeof(a)))
		fail("strtod value", s);
	/* glibc sets ERANGE when a NaN's payload, nan(n-char-sequence),
	 * overflows its internal conversion; C gives errno no meaning there,
	 * and ours leaves it alone. */
	if (e1 != e2 || (r1 != r2 && !(a != a && b != b)))
		fail("strtod end or ERANGE", s);
	if (!strpbrk(s, "xX")) {
		float fa = vgc_strtof(s, &e1), fb = strtof(s, &e2);
		if ((!(fa != fa && fb != fb) && memcmp(&fa, &fb, sizeof(fa))) || e1 != e2)
			fail("strtof", s);
	}
	if (base != 1 && base != 37) {
		vgc_errno = 0;
		errno = 0;
		long long la = vgc_strtoll(s, &e1, base);
		r1 = vgc_errno == VGC_ERANGE;
		long long lb = strtoll(s, &e2, base);
		r2 = errno == ERANGE;
		if (la != lb || e1 != e2 || r1 != r2)
			fail("strtoll", s);
		unsigned long long ua = vgc_strtoull(s, &e1, base), ub = strtoull(s, &e2, base);
		if (ua != ub || e1 != e2)
			fail("strtoull", s);
	}
	free(s);
	return 0;
}
