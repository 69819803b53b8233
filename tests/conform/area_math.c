// SPDX-License-Identifier: BSD-2-Clause
// <math.h> where C fixes the result exactly: the rounding, remainder,
// decomposition and sign functions, sqrt and fma (correctly rounded), and
// Annex F's special values and errno (domain and pole errors, overflow) of
// the others. Ordinary values of the transcendental functions are checked
// against correctly rounded results in tests/user/utest/t_math.c: glibc
// does not round them all correctly, so comparing with it proves nothing.
#include <errno.h>
#include <float.h>
#include <math.h>

#include "conform.h"

static const double values[] = {
	0.0,
	-0.0,
	1.0,
	-1.0,
	0.5,
	-0.5,
	1.5,
	2.5,
	-2.5,
	3.0,
	-7.25,
	0.1,
	7.0,
	1e300,
	0x1p52,
	0x1p53 + 2,
	0x1.0000000000001p52,
	4503599627370495.5,
	DBL_MAX,
	-DBL_MAX,
	DBL_MIN,
	0x1p-1074,
	-0x1p-1074,
	INFINITY,
	-INFINITY,
	NAN,
};
enum { NV = sizeof(values) / sizeof(values[0]) };

/* The result and errno of one call. Where C lets errno go either way the
 * case shows "errno -": a pole or domain error that C says "may" occur
 * (glibc raises none for logb(0), pow(0, -inf) and remquo(x, 0), we do),
 * and ERANGE on underflow, implementation-defined (C 7.12.1: glibc sets
 * it for some subnormal results of nextafter but not others). */
static void show(struct conform_sink *sink, struct cbuf *in, double r, int e, int errno_free)
{
	struct cbuf out;
	cb_reset(&out);
	cb_dbl(&out, r), cb_str(&out, " errno ");
	if (e == ERANGE && (r == 0 || fpclassify(r) == FP_SUBNORMAL))
		e = 0;
	if (errno_free)
		cb_str(&out, "-");
	else
		cb_errno(&out, e);
	cb_take(sink, in, &out);
}

/* Which ordinary arguments a function other than the exact ones has
 * Annex F's results for, beside zeros, infinities and NaN. */
enum { AT_ONES = 1, AT_MAX = 2, AT_BOTH_MAX = 4 };

static void unary(struct conform_sink *sink)
{
	static const struct {
		const char *name;
		double (*fn)(double);
		int at;
	} fns[] = {
		{ "sqrt", sqrt, 0 },
		{ "floor", floor, 0 },
		{ "ceil", ceil, 0 },
		{ "trunc", trunc, 0 },
		{ "round", round, 0 },
		{ "rint", rint, 0 },
		{ "nearbyint", nearbyint, 0 },
		{ "fabs", fabs, 0 },
		{ "logb", logb, 0 },
		{ "exp", exp, AT_MAX },
		{ "log", log, AT_ONES },
		{ "log2", log2, AT_ONES },
		{ "log10", log10, AT_ONES },
		{ "sin", sin, 0 },
		{ "cos", cos, 0 },
		{ "tan", tan, 0 },
		{ "atan", atan, 0 },
		{ "asin", asin, 0 },
		{ "acos", acos, 0 },
		{ "sinh", sinh, AT_BOTH_MAX },
		{ "cosh", cosh, AT_BOTH_MAX },
		{ "tanh", tanh, AT_BOTH_MAX },
		{ "exp2", exp2, AT_MAX },
		{ "expm1", expm1, AT_MAX },
		{ "log1p", log1p, 0 },
		{ "cbrt", cbrt, 0 },
	};
	/* The first nine are exact everywhere; the others only where Annex F
	 * fixes the result (not on ordinary arguments, not even 1: glibc's
	 * expm1(1) is not correctly rounded). */
	struct cbuf in;
	for (size_t f = 0; f < sizeof(fns) / sizeof(fns[0]); f++)
		for (int v = 0; v < NV; v++) {
			double x = values[v];
			int at = fns[f].at;
			if (f >= 9 && x != 0 && isfinite(x) && !(fabs(x) == 1 && (at & AT_ONES)) &&
			    !(x == DBL_MAX && (at & (AT_MAX | AT_BOTH_MAX))) &&
			    !(x == -DBL_MAX && (at & AT_BOTH_MAX)))
				continue;
			cb_reset(&in);
			cb_str(&in, fns[f].name), cb_str(&in, "("), cb_dbl(&in, values[v]);
			cb_str(&in, ")");
			errno = 0;
			double r = fns[f].fn(values[v]);
			show(sink, &in, r, errno, fns[f].fn == logb && x == 0);
		}
}

static void integral(struct conform_sink *sink)
{
	struct cbuf in, out;
	for (int v = 0; v < NV; v++) {
		double x = values[v];
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "decompose("), cb_dbl(&in, x), cb_str(&in, ")");
		int ex = 12345;
		cb_str(&out, "frexp "), cb_dbl(&out, frexp(x, &ex));
		if (isfinite(x))
			cb_str(&out, " "), cb_int(&out, ex);
		double ip = 12345;
		cb_str(&out, " modf "), cb_dbl(&out, modf(x, &ip)), cb_str(&out, " ");
		cb_dbl(&out, ip);
		cb_str(&out, " ldexp "), cb_dbl(&out, ldexp(x, 1000));
		cb_str(&out, " "), cb_dbl(&out, ldexp(x, -1070));
		cb_str(&out, " scalbn "), cb_dbl(&out, scalbn(x, -3));
		/* ilogb of 0 and NaN are implementation-defined numbers. */
		int il = ilogb(x);
		cb_str(&out, " ilogb ");
		if (il == FP_ILOGB0)
			cb_str(&out, "FP_ILOGB0");
		else if (il == FP_ILOGBNAN)
			cb_str(&out, "FP_ILOGBNAN");
		else
			cb_int(&out, il);
		/* lround and friends: only where the result fits (else
		 * unspecified). */
		if (isfinite(x) && fabs(x) < 0x1p62) {
			cb_str(&out, " lround "), cb_int(&out, lround(x));
			cb_str(&out, " llround "), cb_int(&out, llround(x));
			cb_str(&out, " lrint "), cb_int(&out, lrint(x));
		}
		cb_take(sink, &in, &out);
	}
}

static void binary(struct conform_sink *sink)
{
	static const struct {
		const char *name;
		double (*fn)(double, double);
		int all; /* exact for every pair, or only Annex F's specials */
	} fns[] = {
		{ "fmod", fmod, 1 },	       { "remainder", remainder, 1 },
		{ "fmin", fmin, 1 },	       { "fmax", fmax, 1 },
		{ "fdim", fdim, 1 },	       { "copysign", copysign, 1 },
		{ "nextafter", nextafter, 1 }, { "pow", pow, 0 },
		{ "atan2", atan2, 0 },	       { "hypot", hypot, 0 },
	};
	/* A smaller set, each pair of which is a case. */
	static const double b[] = { 0.0,  -0.0,	 1.0,	    -1.0,     2.0,	 -3.0, 0.5,
				    7.25, 1e300, 0x1p-1074, INFINITY, -INFINITY, NAN };
	enum { NB = sizeof(b) / sizeof(b[0]) };
	struct cbuf in;
	for (size_t f = 0; f < sizeof(fns) / sizeof(fns[0]); f++)
		for (int i = 0; i < NB; i++)
			for (int j = 0; j < NB; j++) {
				double x = b[i], y = b[j];
				/* C lets fmin and fmax of -0 and +0 return
				 * either (Annex F: "ideally" the signed one,
				 * ours; glibc gives the second). */
				if ((fns[f].fn == fmin || fns[f].fn == fmax) && x == 0 && y == 0)
					continue;
				/* Exact for pow: powers of two and integers of
				 * small magnitude, or a special operand. */
				if (!fns[f].all) {
					int special = !isfinite(x) || !isfinite(y) || x == 0 ||
						y == 0 || fabs(x) == 1;
					int easy = fns[f].fn == pow && fabs(x) <= 2 &&
						fabs(y) <= 3 && y == (int)y;
					if (!special && !easy)
						continue;
				}
				cb_reset(&in);
				cb_str(&in, fns[f].name), cb_str(&in, "("), cb_dbl(&in, x);
				cb_str(&in, ", "), cb_dbl(&in, y), cb_str(&in, ")");
				errno = 0;
				double r = fns[f].fn(x, y);
				show(sink, &in, r, errno,
				     fns[f].fn == pow && x == 0 && y == -(double)INFINITY);
			}
	struct cbuf out;
	for (int i = 0; i < NB; i++)
		for (int j = 0; j < NB; j++) {
			int q = 12345;
			double x = b[i], y = b[j];
			errno = 0;
			double r = remquo(x, y, &q);
			cb_reset(&in), cb_reset(&out);
			cb_str(&in, "remquo("), cb_dbl(&in, x), cb_str(&in, ", "), cb_dbl(&in, y);
			cb_str(&in, ")");
			cb_dbl(&out, r), cb_str(&out, " errno ");
			if (r != r)
				cb_str(&out, "-"); /* as show() */
			else
				cb_errno(&out, errno);
			/* The quotient's low 3 bits and sign are all C gives. */
			if (r == r)
				cb_str(&out, " q "), cb_int(&out, q % 8);
			cb_take(sink, &in, &out);
		}
	/* fma: one rounding, so the exact products' low parts show. */
	static const double fa[] = { 0x1.0000001p0, 0x1p-1074, 0x1.fffffffffffffp1023,
				     -0.0,	    3.0,       0x1.8p-538 };
	for (int i = 0; i < 6; i++)
		for (int j = 0; j < 6; j++) {
			double x = fa[i], y = fa[j], z = -fa[(i + j) % 6];
			cb_reset(&in);
			cb_str(&in, "fma("), cb_dbl(&in, x), cb_str(&in, ", "), cb_dbl(&in, y);
			cb_str(&in, ", "), cb_dbl(&in, z), cb_str(&in, ")");
			errno = 0;
			double r = fma(x, y, z);
			show(sink, &in, r, errno, 0);
		}
}

void conform_math(struct conform_sink *sink)
{
	unary(sink);
	integral(sink);
	binary(sink);
}
