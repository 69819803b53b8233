// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for kernel/lib/fmt.c: the input picks one conversion
// (flags, width, precision, '*', length modifier, conversion), a value and an
// output buffer size; the kernel's vsnprintf and the host's must agree on the
// output and the return value. Only the grammar both implement the same way
// is generated (see test_fmt.c for the deliberate differences).
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define snprintf kfmt_snprintf
#define vsnprintf kfmt_vsnprintf
#include <kernel/fmt.h>
#undef snprintf
#undef vsnprintf

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *fmt_now;

static void compare(size_t bufsize, const char *fmt, ...)
{
	char kb[300], hb[300];
	va_list a, b;
	va_start(a, fmt);
	va_copy(b, a);
	memset(kb, 0x5a, sizeof(kb));
	memset(hb, 0x5a, sizeof(hb));
	int kn = kfmt_vsnprintf(kb, bufsize, fmt, a);
	int hn = vsnprintf(hb, bufsize, fmt, b);
	va_end(b);
	va_end(a);
	if (kn != hn || memcmp(kb, hb, sizeof(kb))) {
		fprintf(stderr,
			"FUZZ FAIL: format \"%s\" size %zu: kernel %d \"%.*s\", host %d \"%.*s\"\n",
			fmt_now, bufsize, kn, (int)bufsize, kb, hn, (int)bufsize, hb);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 16)
		return 0;
	static const char convs[] = "diuxXocsp";
	static const char *const lms[] = { "", "hh", "h", "l", "ll", "z", "t", "j" };
	char conv = convs[data[0] % 9];
	const char *lm = strchr("diuxXo", conv) ? lms[data[1] % 8] : "";
	char fmt[64];
	size_t k = 0;
	fmt[k++] = '<';
	fmt[k++] = '%';
	for (int b = 0; b < 5; b++) {
		if (!(data[2] & (1 << b)))
			continue;
		char flag = "-0+ #"[b];
		/* Flags C leaves undefined there, or where glibc and the kernel
		 * differ by design (%p with '+' or ' '). */
		if ((conv == 's' || conv == 'c') && flag != '-')
			continue;
		if (conv == 'p' && (flag == '+' || flag == ' '))
			continue;
		fmt[k++] = flag;
	}
	bool star_w = data[3] & 1, star_p = data[3] & 2, has_p = data[3] & 4;
	int w = (int)(int8_t)data[4], p = (int)(int8_t)data[5];
	if (star_w)
		fmt[k++] = '*';
	else if (w > 0)
		k += (size_t)sprintf(fmt + k, "%d", w);
	if (has_p && conv != 'c') {
		if (star_p)
			k += (size_t)sprintf(fmt + k, ".*");
		else
			k += (size_t)sprintf(fmt + k, ".%d", p & 0x7f);
	} else {
		star_p = false;
	}
	k += (size_t)sprintf(fmt + k, "%s%c>", lm, conv);
	fmt[k] = 0;
	fmt_now = fmt;
	uint64_t v;
	memcpy(&v, data + 6, 8);
	size_t bufsize = data[14] % 2 ? 300 : (size_t)(data[15] % 200);

	/* '*' arguments come first; pass the value as its exact type. */
	int args[2], na = 0;
	if (star_w)
		args[na++] = w;
	if (star_p)
		args[na++] = p;
#define CALL(val)                                                     \
	do {                                                          \
		if (na == 0)                                          \
			compare(bufsize, fmt, val);                   \
		else if (na == 1)                                     \
			compare(bufsize, fmt, args[0], val);          \
		else                                                  \
			compare(bufsize, fmt, args[0], args[1], val); \
	} while (0)
	bool sgn = conv == 'd' || conv == 'i';
	char str[32];
	if (conv == 's') {
		size_t n = size - 16 < sizeof(str) - 1 ? size - 16 : sizeof(str) - 1;
		memcpy(str, data + 16, n);
		str[n] = 0;
		CALL(str);
	} else if (conv == 'c') {
		CALL((int)(v & 0xff));
	} else if (conv == 'p') {
		if (v)
			CALL((void *)(uintptr_t)v); /* NULL differs by design */
	} else if (!strcmp(lm, "l")) {
		if (sgn)
			CALL((long)v);
		else
			CALL((unsigned long)v);
	} else if (!strcmp(lm, "ll")) {
		if (sgn)
			CALL((long long)v);
		else
			CALL((unsigned long long)v);
	} else if (!strcmp(lm, "z")) {
		CALL((size_t)v);
	} else if (!strcmp(lm, "t")) {
		CALL((ptrdiff_t)v);
	} else if (!strcmp(lm, "j")) {
		if (sgn)
			CALL((intmax_t)v);
		else
			CALL((uintmax_t)v);
	} else {
		if (sgn)
			CALL((int)v);
		else
			CALL((unsigned)v);
	}
	return 0;
}
