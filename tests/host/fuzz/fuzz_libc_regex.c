// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for lib/c's regcomp and regexec: the first byte picks
// the flags, the rest up to a NUL is the pattern and after it the subject.
// Any pattern must compile or fail with a known code, never crash or leak;
// a compiled one must run on the subject with a sane answer: a match lies
// within the string, subexpression matches lie within the whole match
// (or are unset), and the whole match is the same whether or not the
// subexpressions are asked for (the NFA and the backtracking search agree).
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <vgc_regex.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int cflags = data[0] & 15, eflags = (data[0] >> 4) & 3;
	const uint8_t *nul = memchr(data + 1, 0, size - 1);
	size_t plen = nul ? (size_t)(nul - data - 1) : size - 1;
	char *pat = malloc(plen + 1);
	memcpy(pat, data + 1, plen);
	pat[plen] = 0;
	size_t slen = nul ? size - plen - 2 : 0;
	char *s = malloc(slen + 1);
	if (slen)
		memcpy(s, nul + 1, slen);
	s[slen] = 0;
	slen = strlen(s);
	vgc_regex_t re;
	int rc = vgc_regcomp(&re, pat, cflags);
	if (rc) {
		if (rc < VGC_REG_BADPAT || rc > VGC_REG_BADRPT)
			abort();
		free(pat);
		free(s);
		return 0;
	}
	vgc_regmatch_t m[10], whole;
	int r1 = vgc_regexec(&re, s, 10, m, eflags);
	int r2 = vgc_regexec(&re, s, 1, &whole, eflags);
	if (r1 != 0 && r1 != VGC_REG_NOMATCH && r1 != VGC_REG_ESPACE)
		abort();
	if (r1 == 0 && !(cflags & VGC_REG_NOSUB)) {
		if (m[0].rm_so < 0 || m[0].rm_so > m[0].rm_eo || (size_t)m[0].rm_eo > slen)
			abort();
		for (int k = 1; k < 10; k++)
			if (m[k].rm_so != -1 &&
			    (m[k].rm_so < 0 || m[k].rm_so > m[k].rm_eo ||
			     (size_t)m[k].rm_eo > slen))
				abort();
		if (r2 == 0 && (whole.rm_so != m[0].rm_so || whole.rm_eo != m[0].rm_eo))
			abort();
	}
	if (r1 != VGC_REG_ESPACE && r2 != VGC_REG_ESPACE && r1 != r2)
		abort();
	vgc_regfree(&re);
	free(pat);
	free(s);
	return 0;
}
