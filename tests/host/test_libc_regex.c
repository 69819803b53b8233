// SPDX-License-Identifier: BSD-2-Clause
// lib/c's <regex.h> against glibc's: fixed cases for each feature, then
// random basic and extended expressions (drawn only from what POSIX defines:
// no stacked quantifiers, empty groups or alternatives, anchors only at the
// ends) matched against random strings over a small alphabet, comparing the
// result and every subexpression match. Where glibc is known to break
// POSIX's subexpression rules the expected answer is written out instead.
#define _GNU_SOURCE
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vgc_regex.h>
#include <vtest.h>

static unsigned long compared;

/* glibc's error codes in ours. */
static int host_error(int rc)
{
	switch (rc) {
	case 0: return 0;
	case REG_NOMATCH: return VGC_REG_NOMATCH;
	case REG_BADPAT: return VGC_REG_BADPAT;
	case REG_ECOLLATE: return VGC_REG_ECOLLATE;
	case REG_ECTYPE: return VGC_REG_ECTYPE;
	case REG_EESCAPE: return VGC_REG_EESCAPE;
	case REG_ESUBREG: return VGC_REG_ESUBREG;
	case REG_EBRACK: return VGC_REG_EBRACK;
	case REG_EPAREN: return VGC_REG_EPAREN;
	case REG_EBRACE: return VGC_REG_EBRACE;
	case REG_BADBR: return VGC_REG_BADBR;
	case REG_ERANGE: return VGC_REG_ERANGE;
	case REG_ESPACE: return VGC_REG_ESPACE;
	case REG_BADRPT: return VGC_REG_BADRPT;
	default: return -1;
	}
}

/* Our flags are numbered differently from glibc's. */
static int host_cflags(int ours)
{
	return ((ours & VGC_REG_EXTENDED) ? REG_EXTENDED : 0) |
		((ours & VGC_REG_ICASE) ? REG_ICASE : 0) |
		((ours & VGC_REG_NOSUB) ? REG_NOSUB : 0) |
		((ours & VGC_REG_NEWLINE) ? REG_NEWLINE : 0);
}

static int host_eflags(int ours)
{
	return ((ours & VGC_REG_NOTBOL) ? REG_NOTBOL : 0) |
		((ours & VGC_REG_NOTEOL) ? REG_NOTEOL : 0);
}

#define NM 10

/* Compiles and runs pattern on s with both libraries and compares; subs
 * says whether the subexpression matches are compared too. */
static void compare(const char *pat, int cflags, const char *s, int eflags, bool subs)
{
	vgc_regex_t ours;
	regex_t host;
	int rc1 = vgc_regcomp(&ours, pat, cflags);
	int rc2 = host_error(regcomp(&host, pat, host_cflags(cflags)));
	CHECK_MSG(rc1 == rc2, "regcomp(\"%s\", %d): ours %d, glibc %d", pat, cflags, rc1, rc2);
	if (rc1)
		return;
	CHECK_MSG(ours.re_nsub == host.re_nsub, "re_nsub of \"%s\": %zu vs %zu", pat, ours.re_nsub,
		  host.re_nsub);
	vgc_regmatch_t m1[NM];
	regmatch_t m2[NM];
	/* Without subexpressions only the NFA runs. */
	size_t nm = subs ? NM : 1;
	rc1 = vgc_regexec(&ours, s, nm, m1, eflags);
	rc2 = host_error(regexec(&host, s, nm, m2, host_eflags(eflags)));
	CHECK_MSG(rc1 == rc2, "regexec(\"%s\" flags %d, \"%s\"): ours %d, glibc %d", pat, cflags, s,
		  rc1, rc2);
	if (rc1 == 0 && !(cflags & VGC_REG_NOSUB)) {
		size_t n = subs ? ours.re_nsub + 1 : 1;
		for (size_t k = 0; k < n && k < NM; k++)
			CHECK_MSG(m1[k].rm_so == m2[k].rm_so && m1[k].rm_eo == m2[k].rm_eo,
				  "\"%s\" (flags %d) on \"%s\": match %zu is (%ld,%ld), glibc "
				  "(%d,%d)",
				  pat, cflags, s, k, m1[k].rm_so, m1[k].rm_eo, m2[k].rm_so,
				  m2[k].rm_eo);
	}
	compared++;
	vgc_regfree(&ours);
	regfree(&host);
}

static void report(const char *what)
{
	printf("# libc_regex.%s: %lu comparisons with glibc\n", what, compared);
	compared = 0;
}

#define B 0
#define E VGC_REG_EXTENDED

TEST(libc_regex, fixed_cases)
{
	static const struct {
		const char *pat;
		int cflags;
		const char *s;
	} cases[] = {
		{ "abc", B, "xxabcxx" },
		{ "a\\(b*\\)c", B, "abbbc" },
		{ "(a*)*", E, "b" },
		{ "(a*)+", E, "b" },
		{ "(a*)*", E, "aaa" },
		{ "\\(a*\\)\\1", B, "aaaa" },
		{ "\\(.\\)\\(.\\)\\2\\1", B, "xabbay" },
		{ "x[[:digit:]]+", E, "ax123" },
		{ "[^]a]*", B, "bc]d" },
		{ "[]-a]*", B, "]^_`ab" },
		{ "[a-]*", B, "a-a-b" },
		{ "[[.-.]]", B, "x-" },
		{ "[[=a=]b]*", B, "abab" },
		{ "[[:alpha:][:digit:]]*", E, "a1b2-" },
		{ "^*a", B, "*a" },
		{ "\\(*a\\)", B, "*a" },
		{ "a*", B, "" },
		{ "a\\{2,3\\}", B, "aaaa" },
		{ "a{2,3}", E, "aaaa" },
		{ "a{2}", E, "aaaa" },
		{ "a{0,}b", E, "aaab" },
		{ "(ab|a)(bc|c)?", E, "abc" },
		{ "(a|b)*c", E, "abababc" },
		{ "(a?)((ab)?)(b?)", E, "ab" },
		{ "(.*)(.*)", E, "abc" },
		{ "(.*)c(.*)", E, "abcdcef" },
		{ "x$", B, "x$x" },
		{ "a$b", B, "a$b" },
		{ "^a", E, "ba" },
		{ "a|b|c", E, "xxc" },
		{ "a\\+b", B, "aaab" },
		{ "a\\?b", B, "ab" },
		{ "a\\|b", B, "b" },
		{ "\\.\\*", B, "a.*" },
		{ "[\\]", B, "\\" },
		{ "ABC", E | VGC_REG_ICASE, "xabc" },
		{ "[a-c]+", E | VGC_REG_ICASE, "xABCa" },
		{ "\\(a\\)\\1", VGC_REG_ICASE, "aA" },
		{ "^b", VGC_REG_NEWLINE, "a\nb" },
		{ "a$", VGC_REG_NEWLINE, "a\nb" },
		{ "a.b", VGC_REG_NEWLINE, "a\nb" },
		{ "a[^x]b", VGC_REG_NEWLINE, "a\nb" },
		{ "a.b", B, "a\nb" },
		{ "a[^x]b", B, "a\nb" },
		{ "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)", E, "abcdefghijk" },
		{ "(wee|week)(knights|night)", E, "weeknights" },
		{ "(a+|b+)*", E, "aabba" },
		/* errors */
		{ "a\\", B, "" },
		{ "[abc", B, "" },
		{ "[[:foo:]]", B, "" },
		{ "[z-a]", B, "" },
		{ "\\(a", B, "" },
		{ "(a", E, "" },
		{ "a\\{1", B, "" },
		{ "a\\{2,1\\}", B, "" },
		{ "a{1", E, "" },
		{ "\\1", B, "" },
		{ "\\(a\\)\\2", B, "" },
		{ "[[.ab.]]", B, "" },
		{ "[[:alpha:]", B, "" },
	};
	for (size_t k = 0; k < ARRAY_SIZE(cases); k++)
		compare(cases[k].pat, cases[k].cflags, cases[k].s, 0, true);
	report("fixed_cases");
}

TEST(libc_regex, exec_flags)
{
	compare("^a", B, "a", VGC_REG_NOTBOL, true);
	compare("a$", B, "a", VGC_REG_NOTEOL, true);
	compare("^b", VGC_REG_NEWLINE, "a\nb", VGC_REG_NOTBOL, true);
	compare("a$", VGC_REG_NEWLINE, "a\nb", VGC_REG_NOTEOL, true);
	compare("x*$", B, "ab", VGC_REG_NOTEOL, true);
	compare("a\\(b\\)", VGC_REG_NOSUB, "ab", 0, true);
	/* REG_NOSUB: pmatch is not touched. */
	vgc_regex_t re;
	CHECK(vgc_regcomp(&re, "a(b)", E | VGC_REG_NOSUB) == 0);
	vgc_regmatch_t m[2] = { { 77, 77 }, { 77, 77 } };
	CHECK(vgc_regexec(&re, "xab", 2, m, 0) == 0);
	CHECK(m[0].rm_so == 77 && m[1].rm_eo == 77);
	CHECK(vgc_regexec(&re, "xa", 2, m, 0) == VGC_REG_NOMATCH);
	vgc_regfree(&re);
	/* Slots past re_nsub are -1; nmatch 0 just answers. */
	CHECK(vgc_regcomp(&re, "a(b)", E) == 0);
	vgc_regmatch_t m3[4];
	CHECK(vgc_regexec(&re, "xab", 4, m3, 0) == 0);
	CHECK(m3[1].rm_so == 2 && m3[2].rm_so == -1 && m3[3].rm_eo == -1);
	CHECK(vgc_regexec(&re, "xab", 0, NULL, 0) == 0);
	vgc_regfree(&re);
}

/* Where glibc departs from POSIX, the answers POSIX gives. */
TEST(libc_regex, posix_subexpressions)
{
	static const struct {
		const char *pat;
		const char *s;
		long m[6];
	} cases[] = {
		/* The last iteration matched "a": group 2 took no part in it. */
		{ "(a|(b))*", "ba", { 0, 2, 1, 2, -1, -1 } },
		{ "((a)|b)*", "ab", { 0, 2, 1, 2, -1, -1 } },
		/* Each subexpression in turn is as long as it can be. */
		{ "(a*)(ab)*(b*)", "aabb", { 0, 4, 0, 2, -1, -1 } },
		{ "(a|ab)(bc|c)", "abc", { 0, 3, 0, 2, 2, 3 } },
		{ "(a|ab)(c|bcd)(d*)", "abcd", { 0, 4, 0, 2, 2, 3 } },
		/* The repetition is longest ("aa" then an empty iteration);
		 * glibc stops it at "a". */
		{ "(a*)*\\1", "aab", { 0, 2, 2, 2, -1, -1 } },
		/* glibc finds none before 26 in this one. */
		{ "([a-b](b)*){2}.{1,2}(.\\1)", "x  baacb xbb xb bca", { 10, 15, 11, 12, -1, -1 } },
	};
	for (size_t k = 0; k < ARRAY_SIZE(cases); k++) {
		vgc_regex_t re;
		CHECK(vgc_regcomp(&re, cases[k].pat, E) == 0);
		vgc_regmatch_t m[3];
		CHECK(vgc_regexec(&re, cases[k].s, 3, m, 0) == 0);
		for (int i = 0; i < 3; i++)
			CHECK_MSG(m[i].rm_so == cases[k].m[2 * i] &&
					  m[i].rm_eo == cases[k].m[2 * i + 1],
				  "\"%s\" on \"%s\": match %d is (%ld,%ld)", cases[k].pat,
				  cases[k].s, i, m[i].rm_so, m[i].rm_eo);
		vgc_regfree(&re);
	}
}

/* ---- random expressions ---- */

struct gen {
	uint64_t *rng;
	char *out;
	size_t n, cap;
	bool ere;
	int groups; /* opened so far */
	int closed; /* complete groups (back-references may name them) */
	bool nested; /* a group inside a repetition was made */
	bool bref; /* a back-reference was made */
	bool alt; /* an alternation was made */
};

static void put(struct gen *g, const char *s)
{
	size_t len = strlen(s);
	if (g->n + len < g->cap) {
		memcpy(g->out + g->n, s, len);
		g->n += len;
		g->out[g->n] = 0;
	}
}

static void gen_alt(struct gen *g, int depth);

static void gen_atom(struct gen *g, int depth)
{
	static const char *const atoms[] = { "a",     "b",	     "c",
					     ".",     "[ab]",	     "[^a]",
					     "[a-b]", "[[:alpha:]]", "[^[:space:]b]",
					     "x",     "[]a]" };
	unsigned r = (unsigned)vtest_below(g->rng, depth < 3 ? 16 : 11);
	if (r < 11) {
		put(g, atoms[r]);
		return;
	}
	if (r == 15 && !g->ere && g->closed > 0) {
		char b[4] = { '\\', (char)('1' + vtest_below(g->rng, (uint64_t)g->closed)), 0 };
		put(g, b);
		g->bref = true;
		return;
	}
	if (g->groups >= 9) {
		put(g, "a");
		return;
	}
	g->groups++;
	put(g, g->ere ? "(" : "\\(");
	gen_alt(g, depth + 1);
	put(g, g->ere ? ")" : "\\)");
	g->closed++;
}

static void gen_piece(struct gen *g, int depth)
{
	int before = g->groups;
	gen_atom(g, depth);
	static const char *const ere_q[] = { "*", "+", "?", "{1,2}", "{2}", "{0,1}", "{1,}" };
	static const char *const bre_q[] = { "*", "\\{1,2\\}", "\\{2\\}", "\\{0,1\\}", "\\{1,\\}" };
	if (vtest_below(g->rng, 3) == 0) {
		if (g->ere)
			put(g, ere_q[vtest_below(g->rng, ARRAY_SIZE(ere_q))]);
		else
			put(g, bre_q[vtest_below(g->rng, ARRAY_SIZE(bre_q))]);
		if (g->groups > before)
			g->nested = true;
	}
}

static void gen_cat(struct gen *g, int depth)
{
	int n = 1 + (int)vtest_below(g->rng, 3);
	for (int k = 0; k < n; k++)
		gen_piece(g, depth);
}

static void gen_alt(struct gen *g, int depth)
{
	gen_cat(g, depth);
	while (g->ere && vtest_below(g->rng, 4) == 0) {
		g->alt = true;
		put(g, "|");
		gen_cat(g, depth);
	}
}

/* A random pattern; *nested tells whether a group sits inside a
 * repetition or there is an alternation: there glibc's subexpression
 * reports stray from POSIX (which leaves the choice between a path with an
 * unset subexpression and one without open; glibc takes the first
 * alternative, we the one that sets it). */
static void random_pattern(uint64_t *rng, bool ere, char *out, size_t cap, bool *nested,
			   bool *brefs)
{
	struct gen g = { rng, out, 0, cap, ere, 0, 0, false, false, false };
	out[0] = 0;
	if (vtest_below(rng, 5) == 0)
		put(&g, "^");
	gen_alt(&g, 0);
	if (vtest_below(rng, 5) == 0)
		put(&g, "$");
	*nested = g.nested || g.alt;
	*brefs = g.bref;
}

static void random_string(uint64_t *rng, char *s, size_t max)
{
	size_t n = vtest_below(rng, max);
	for (size_t k = 0; k < n; k++)
		s[k] = "abcabx \n"[vtest_below(rng, 8)];
	s[n] = 0;
}

static void random_run(uint64_t seed, bool ere, int count, int extra_cflags)
{
	uint64_t rng = seed;
	char pat[200], s[40];
	for (int i = 0; i < count; i++) {
		bool nested, brefs;
		random_pattern(&rng, ere, pat, sizeof(pat), &nested, &brefs);
		/* glibc misses matches with back-references when groups repeat. */
		if (nested && brefs)
			continue;
		int cflags = (ere ? E : B) | extra_cflags;
		for (int j = 0; j < 4; j++) {
			random_string(&rng, s, sizeof(s) - 1);
			compare(pat, cflags, s, (int)vtest_below(&rng, 4), !nested && !brefs);
		}
	}
}

TEST(libc_regex, random_extended)
{
	random_run(11, true, 6000, 0);
	report("random_extended");
}

TEST(libc_regex, random_basic)
{
	random_run(12, false, 6000, 0);
	report("random_basic");
}

TEST(libc_regex, random_icase_newline)
{
	random_run(13, true, 2000, VGC_REG_ICASE);
	random_run(14, false, 2000, VGC_REG_NEWLINE);
	random_run(15, true, 2000, VGC_REG_NEWLINE | VGC_REG_ICASE);
	report("random_icase_newline");
}

/* Long subjects: the NFA path stays linear, the result agrees. */
TEST(libc_regex, long_strings)
{
	uint64_t rng = 16;
	size_t n = 20000; /* glibc is slow on longer ones */
	char *s = malloc(n + 1);
	for (size_t k = 0; k < n; k++)
		s[k] = "abcab"[vtest_below(&rng, 5)];
	s[n] = 0;
	static const char *const pats[] = { "a*b*c*x", "(a|b)*c(a|b)*c", "[ab]+c[ab]+ca+b" };
	for (size_t k = 0; k < ARRAY_SIZE(pats); k++) {
		vgc_regex_t ours;
		regex_t host;
		CHECK(vgc_regcomp(&ours, pats[k], E | VGC_REG_NOSUB) == 0);
		CHECK(regcomp(&host, pats[k], REG_EXTENDED) == 0);
		vgc_regmatch_t m1[1];
		regmatch_t m2[1];
		CHECK(vgc_regexec(&ours, s, 0, m1, 0) == host_error(regexec(&host, s, 1, m2, 0)));
		vgc_regfree(&ours);
		CHECK(vgc_regcomp(&ours, pats[k], E) == 0);
		int rc = vgc_regexec(&ours, s, 1, m1, 0);
		CHECK(rc == host_error(regexec(&host, s, 1, m2, 0)));
		CHECK(rc || (m1[0].rm_so == m2[0].rm_so && m1[0].rm_eo == m2[0].rm_eo));
		vgc_regfree(&ours);
		regfree(&host);
	}
	free(s);
}

/* A pattern whose paths explode ends with REG_ESPACE, not a hang. */
TEST(libc_regex, step_limit)
{
	vgc_regex_t re;
	CHECK(vgc_regcomp(&re, "\\(a*\\)*\\(a*\\)*\\(a*\\)*b\\1", 0) == 0);
	char s[64];
	memset(s, 'a', 63);
	s[63] = 0;
	vgc_regmatch_t m[2];
	CHECK(vgc_regexec(&re, s, 2, m, 0) == VGC_REG_ESPACE);
	vgc_regfree(&re);
}

TEST(libc_regex, regerror)
{
	char buf[8];
	size_t n = vgc_regerror(VGC_REG_NOMATCH, NULL, buf, sizeof(buf));
	CHECK(n == strlen("No match") + 1);
	CHECK_STREQ(buf, "No matc");
	CHECK(vgc_regerror(VGC_REG_EBRACK, NULL, NULL, 0) > 10);
	char big[100];
	vgc_regerror(12345, NULL, big, sizeof(big));
	CHECK_STREQ(big, "Unknown error");
	for (int e = 1; e <= VGC_REG_BADRPT; e++) {
		vgc_regerror(e, NULL, big, sizeof(big));
		CHECK(strlen(big) > 3 && strcmp(big, "Unknown error"));
	}
}

/* Bounds past RE_DUP_MAX (255) are refused (glibc has its own code). */
TEST(libc_regex, bounds)
{
	vgc_regex_t re;
	CHECK(vgc_regcomp(&re, "a{1,256}", E) == VGC_REG_BADBR);
	CHECK(vgc_regcomp(&re, "a{99999}", E) == VGC_REG_BADBR);
	CHECK(vgc_regcomp(&re, "a{255}", E) == 0);
	vgc_regmatch_t m[1];
	CHECK(vgc_regexec(&re, "aaa", 1, m, 0) == VGC_REG_NOMATCH);
	vgc_regfree(&re);
}
