// SPDX-License-Identifier: BSD-2-Clause
// sed's compiled script: script.c turns the text of the -e/-f pieces into
// an array of commands, run.c runs it over the input. Regular expressions
// are the C library's regcomp/regexec, the same code grep uses.
#ifndef SED_H
#define SED_H
#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

enum sed_addr_kind { ADDR_NONE, ADDR_LINE, ADDR_LAST, ADDR_RE };

struct sed_addr {
	enum sed_addr_kind kind;
	long line;
	regex_t *re; /* NULL with ADDR_RE: the last regular expression used */
};

struct sed_cmd {
	struct sed_addr a1, a2;
	bool negate;
	bool in_range; /* a two-address command between its addresses */
	char name;
	char *text; /* a, i, c: the text; b, t, ':': the label */
	regex_t *re; /* s: NULL means the last regular expression used */
	char *repl; /* s: the replacement, escapes still in it */
	bool global; /* s///g */
	bool print; /* s///p */
	long nth; /* s///N: replace the Nth match only (1 by default) */
	int status; /* q, Q: the exit status */
	size_t jump; /* '{': index of its '}'; b, t: the target command */
	unsigned char map[256]; /* y */
};

struct sed_script {
	struct sed_cmd *cmds;
	size_t n;
	bool quiet_comment; /* the script starts with "#n\n": as -n */
};

/* Compiles text (-e pieces joined by newlines) into *s; false (with a
 * message on stderr) for a script that is not sed. */
bool sed_compile(struct sed_script *s, const char *text, int cflags);

/* Frees what sed_compile made (also after a refusal). */
void sed_free(struct sed_script *s);

/* Runs the script over the files (NULL-terminated, "-" standard input);
 * returns the exit status. */
int sed_run(struct sed_script *s, char **files, bool quiet);

#endif
