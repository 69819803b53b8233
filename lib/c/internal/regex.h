// SPDX-License-Identifier: BSD-2-Clause
// The compiled form of a regular expression, shared by regcomp (which builds
// it) and regexec (which runs it). A program of instructions, run two ways:
// as an NFA over sets of states (no back-references: linear time, finds the
// leftmost-longest match) and by backtracking through every path (to pick
// the POSIX subexpression matches, and for back-references).
//
// POSIX ranks the paths of one match by each subpattern in turn, from the
// left: the one starting first, then the longest. So the program records a
// tag (start and end) for every parenthesized subexpression and also for
// every repetition, numbered in the order their text begins; the
// subexpressions' tags are what pmatch reports.
#ifndef _LIBC_INTERNAL_REGEX_H
#define _LIBC_INTERNAL_REGEX_H
#include <stdbool.h>
#include <stdint.h>

enum re_op {
	RE_CHAR, /* x: the byte (folded to lower case under REG_ICASE) */
	RE_ANY, /* x: 1 when a newline does not match (REG_NEWLINE) */
	RE_SET, /* x: index into sets */
	RE_BOL, /* ^ */
	RE_EOL, /* $ */
	RE_BREF, /* x: the tag of the subexpression referred to */
	RE_SAVE, /* x: slot 2t (start) or 2t+1 (end) of tag t */
	RE_CLEAR, /* tags x..y become unset: a new iteration begins */
	RE_SPLIT, /* continue at x or at y */
	RE_JMP, /* continue at x */
	RE_MARK, /* remember the position in loop mark x */
	RE_LOOP, /* end of a loop body: back to y unless it matched empty (mark x) */
	RE_MATCH,
};

struct re_inst {
	uint8_t op;
	int x, y;
};

struct re_prog {
	struct re_inst *code;
	int ncode;
	uint8_t (*sets)[32]; /* bitmaps over the 256 byte values */
	int nsets;
	int nsub;
	int ntags; /* tags 1..ntags: every subexpression and repetition */
	int *group_tag; /* the tag of subexpression n (0: the whole match) */
	int nmarks;
	int cflags;
	bool has_bref;
};

/* Steps a backtracking search may take before regexec gives up with
 * REG_ESPACE rather than run for ever on a pathological pattern. */
#define RE_STEP_LIMIT (1L << 22)
/* The largest bound in "{m,n}": <limits.h>'s RE_DUP_MAX, spelled here
 * so that the engine does not change with the headers it is built with. */
#define RE_BOUND_MAX 255

/* Instructions a compiled pattern may have (bounded repetitions copy their
 * operand). */
#define RE_CODE_LIMIT (1 << 20)

#endif
