// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for lib/c's printf format parser: the input is a format
// string whose conversion specifications are kept as they come (flags,
// width, precision, length modifiers, any order of literal text) except that
// every conversion character is mapped onto an integer or floating-point
// conversion, widths and precisions are cut to three digits, '*' is left
// out and 'L' dropped. The arguments are three integers and eight doubles
// taken from the input; on x86_64 the two kinds come from separate register
// files, so each conversion takes the next of its kind. Our vsnprintf and
// glibc's must agree on the output and the return value for a buffer size
// from the input.
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vgc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 + 3 * 8 + 8 * 8)
		return 0;
	size_t bufsize = data[0];
	long long iv[3];
	double dv[8];
	memcpy(iv, data + 1, sizeof(iv));
	memcpy(dv, data + 1 + sizeof(iv), sizeof(dv));
	const uint8_t *f = data + 1 + sizeof(iv) + sizeof(dv);
	size_t n = size - (size_t)(f - data);
	char fmt[256];
	size_t k = 0, i = 0;
	int nint = 0, nfp = 0;
	while (i < n && k < sizeof(fmt) - 16) {
		if (f[i] != '%') {
			fmt[k++] = f[i] ? (char)f[i] : ' ';
			i++;
			continue;
		}
		size_t start = k;
		fmt[k++] = f[i++];
		while (i < n && strchr("-+ #0", f[i]) && f[i])
			fmt[k++] = (char)f[i++];
		for (int d = 0; i < n && f[i] >= '0' && f[i] <= '9'; i++)
			if (d++ < 3)
				fmt[k++] = (char)f[i];
		if (i < n && f[i] == '.') {
			fmt[k++] = f[i++];
			for (int d = 0; i < n && f[i] >= '0' && f[i] <= '9'; i++)
				if (d++ < 3)
					fmt[k++] = (char)f[i];
		}
		size_t lm = k;
		while (i < n && f[i] && strchr("hljztL", f[i]) && k - lm < 2)
			fmt[k++] = (char)f[i++];
		/* Only the modifiers C defines (glibc reads others its own way). */
		fmt[k] = 0;
		static const char *const valid[] = { "", "h", "hh", "l", "ll", "j", "z", "t", "L" };
		bool ok = false;
		for (size_t v = 0; v < sizeof(valid) / sizeof(valid[0]); v++)
			ok |= !strcmp(fmt + lm, valid[v]);
		if (!ok)
			k = lm;
		if (i >= n) { /* no conversion character: leave the spec out */
			k = start;
			break;
		}
		static const char convs[] = "diouxXceEfFgGaA%";
		char c = convs[f[i++] % (sizeof(convs) - 1)];
		bool fp = strchr("eEfFgGaA", c) != NULL;
		if (fp) {
			k = lm; /* no length modifier for doubles */
			if (++nfp > 8) {
				k = start;
				break;
			}
		} else if (c == 'c') {
			k = lm; /* %lc is a wide character */
			if (++nint > 3) {
				k = start;
				break;
			}
		} else if (c != '%') {
			for (size_t j = lm; j < k; j++)
				if (fmt[j] == 'L')
					fmt[j] = 'l';
			if (++nint > 3) {
				k = start;
				break;
			}
		} else {
			k = start + 1; /* a plain "%%" */
		}
		fmt[k++] = c;
	}
	fmt[k] = 0;
	char ours[512], host[512];
	memset(ours, 0x5a, sizeof(ours));
	memset(host, 0x5a, sizeof(host));
	int n1 = vgc_snprintf(ours, bufsize, fmt, iv[0], iv[1], iv[2], dv[0], dv[1], dv[2], dv[3],
			      dv[4], dv[5], dv[6], dv[7]);
	int n2 = snprintf(host, bufsize, fmt, iv[0], iv[1], iv[2], dv[0], dv[1], dv[2], dv[3],
			  dv[4], dv[5], dv[6], dv[7]);
	if (n1 != n2 || memcmp(ours, host, sizeof(ours))) {
		fprintf(stderr,
			"FUZZ FAIL: format \"%s\" size %zu: ours %d \"%.*s\", glibc %d \"%.*s\"\n",
			fmt, bufsize, n1, (int)bufsize, ours, n2, (int)bufsize, host);
		abort();
	}
	return 0;
}
