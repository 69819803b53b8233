// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for lib/c's sscanf: the input holds a format and, after
// its first NUL, the text to scan. Conversions in the format are kept as
// they come ('*', width, length modifier, scanset) except that the
// conversion character is mapped onto one scanf knows and string-like
// fields get a width that fits the 64-byte slots; at most eight of them.
// Our sscanf and glibc's must agree on the return value and every byte
// written to the slots.
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vgc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define SLOTS 8
#define SLOT_SIZE 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	if (!nul)
		return 0;
	size_t n = (size_t)(nul - data);
	char fmt[256];
	size_t k = 0, i = 0;
	int nconv = 0;
	while (i < n && k < sizeof(fmt) - 80) {
		if (data[i] != '%') {
			fmt[k++] = (char)data[i++];
			continue;
		}
		size_t start = k;
		fmt[k++] = (char)data[i++];
		bool suppress = i < n && data[i] == '*';
		if (suppress)
			fmt[k++] = (char)data[i++];
		int width = 0;
		for (; i < n && data[i] >= '0' && data[i] <= '9'; i++)
			if (width < 1000)
				width = width * 10 + (data[i] - '0');
		size_t lm = k;
		char lmbuf[3];
		size_t nl = 0;
		while (i < n && strchr("hljztL", data[i]) && nl < 2)
			lmbuf[nl++] = (char)data[i++];
		if (i >= n) { /* no conversion character: leave the spec out */
			k = start;
			break;
		}
		static const char convs[] = "diouxXpeEfFgGaAscn[%";
		char c = convs[data[i++] % (sizeof(convs) - 1)];
		if (c == '%') {
			k = start;
			fmt[k++] = '%';
			fmt[k++] = '%';
			continue;
		}
		if (!suppress && ++nconv > SLOTS) {
			k = start;
			break;
		}
		bool text = c == 's' || c == 'c' || c == '[';
		if (text && (width == 0 || width > SLOT_SIZE - 2))
			width = 1 + width % (SLOT_SIZE - 2);
		if (width)
			k += (size_t)snprintf(fmt + k, 8, "%d", width);
		(void)lm;
		lmbuf[nl] = 0;
		static const char *const valid[] = { "", "h", "hh", "l", "ll", "j", "z", "t", "L" };
		bool ok = false;
		for (size_t v = 0; v < sizeof(valid) / sizeof(valid[0]); v++)
			ok |= !strcmp(lmbuf, valid[v]);
		/* L only with floating point, l not with text (wide characters) */
		bool fpconv = strchr("eEfFgGaA", c) != NULL;
		if (fpconv) /* only l (L: our long double has double's precision) */
			ok &= !strcmp(lmbuf, "l");
		else
			ok &= lmbuf[0] != 'L';
		if (ok && !text && c != 'p')
			for (size_t j = 0; j < nl; j++)
				fmt[k++] = lmbuf[j];
		fmt[k++] = c;
		if (c == '[') {
			/* the set, as it comes, up to its ']' (a leading ']' or "^]" is
			 * a member) */
			size_t setstart = i;
			while (i < n && k < sizeof(fmt) - 4) {
				char s = (char)data[i++];
				fmt[k++] = s;
				bool first = i - 1 == setstart ||
					(i - 2 == setstart && data[setstart] == '^');
				if (s == ']' && !first)
					break;
			}
			if (fmt[k - 1] != ']' || k - 1 == start)
				fmt[k++] = ']';
		}
	}
	fmt[k] = 0;
	const char *input = (const char *)nul + 1;
	char *in = malloc(size - n);
	memcpy(in, input, size - n - 1);
	in[size - n - 1] = 0;
	static _Alignas(16) char ours[SLOTS][SLOT_SIZE], host[SLOTS][SLOT_SIZE];
	memset(ours, 0x5a, sizeof(ours));
	memset(host, 0x5a, sizeof(host));
	int n1 = vgc_sscanf(in, fmt, ours[0], ours[1], ours[2], ours[3], ours[4], ours[5], ours[6],
			    ours[7]);
	int n2 = sscanf(in, fmt, host[0], host[1], host[2], host[3], host[4], host[5], host[6],
			host[7]);
	if (n1 != n2 || memcmp(ours, host, sizeof(ours))) {
		fprintf(stderr, "FUZZ FAIL: sscanf(\"%s\", \"%s\"): ours %d, glibc %d\n", in, fmt,
			n1, n2);
		for (int s = 0; s < SLOTS; s++)
			if (memcmp(ours[s], host[s], SLOT_SIZE))
				fprintf(stderr, "slot %d differs\n", s);
		abort();
	}
	free(in);
	return 0;
}
