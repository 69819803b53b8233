// SPDX-License-Identifier: BSD-2-Clause
// Finding the end of quoted and dollar constructs in raw word text. The
// lexer uses it to know where a word ends, the expander to find the parts
// it expands; both must agree, so it is one function.
#include <ctype.h>
#include <string.h>

#include "sh.h"

static long scan_cmdsubst(const char *s, size_t i, size_t len);

/* Past the '}' that closes a ${...} whose body starts at i. */
static long scan_brace(const char *s, size_t i, size_t len)
{
	int depth = 1;
	while (i < len) {
		char c = s[i];
		if (c == '\\' || c == '\'' || c == '"' || c == '`' || c == '$') {
			long e = scan_construct(s, i, len);
			if (e < 0)
				return -1;
			i = (size_t)e;
			continue;
		}
		if (c == '{')
			depth++;
		else if (c == '}' && --depth == 0)
			return (long)i + 1;
		i++;
	}
	return -1;
}

/* Past the "))" that closes a $((...)) whose body starts at i. "$((" is
 * always arithmetic (POSIX lets a shell decide so; "$( (" is a command
 * substitution of a subshell), which keeps scanning linear. */
static long scan_arith(const char *s, size_t i, size_t len)
{
	int depth = 0;
	while (i < len) {
		char c = s[i];
		if (c == '\\' || c == '"' || c == '`' || c == '$') {
			long e = scan_construct(s, i, len);
			if (e < 0)
				return -1;
			i = (size_t)e;
			continue;
		}
		if (c == '(')
			depth++;
		else if (c == ')') {
			if (depth > 0)
				depth--;
			else
				return i + 1 < len && s[i + 1] == ')' ? (long)i + 2 : -1;
		}
		i++;
	}
	return -1;
}

long scan_construct(const char *s, size_t i, size_t len)
{
	char c = s[i];
	if (c == '\\')
		return i + 1 < len ? (long)i + 2 : -1;
	if (c == '\'') {
		const char *e = memchr(s + i + 1, '\'', len - i - 1);
		return e ? e - s + 1 : -1;
	}
	if (c == '"' || c == '`') {
		for (i++; i < len; i++) {
			if (s[i] == c)
				return (long)i + 1;
			if (s[i] == '\\') {
				i++;
				continue;
			}
			if (c == '"' && (s[i] == '$' || s[i] == '`')) {
				long e = scan_construct(s, i, len);
				if (e < 0)
					return -1;
				i = (size_t)e - 1;
			}
		}
		return -1;
	}
	/* c == '$' */
	if (i + 1 >= len)
		return (long)i + 1;
	if (s[i + 1] == '{')
		return scan_brace(s, i + 2, len);
	if (s[i + 1] == '(') {
		if (i + 2 < len && s[i + 2] == '(')
			return scan_arith(s, i + 3, len);
		return scan_cmdsubst(s, i + 2, len);
	}
	return (long)i + 1;
}

/* The body of $( ... ): parentheses balance except inside case patterns,
 * which we recognise by the words case and esac. */
static long scan_cmdsubst(const char *s, size_t i, size_t len)
{
	int depth = 1, incase = 0, wordstart = 1;
	while (i < len) {
		char c = s[i];
		if (c == '\\' || c == '\'' || c == '"' || c == '`' || c == '$') {
			long e = scan_construct(s, i, len);
			if (e < 0)
				return -1;
			i = (size_t)e;
			wordstart = 0;
			continue;
		}
		if (wordstart && c == '#') {
			while (i < len && s[i] != '\n')
				i++;
			continue;
		}
		if (wordstart && isalpha((unsigned char)c)) {
			size_t j = i;
			while (j < len && (isalnum((unsigned char)s[j]) || s[j] == '_'))
				j++;
			if (j - i == 4 && !memcmp(s + i, "case", 4))
				incase++;
			else if (j - i == 4 && !memcmp(s + i, "esac", 4) && incase)
				incase--;
			i = j;
			wordstart = 0;
			continue;
		}
		if (c == '(' && !incase)
			depth++;
		else if (c == ')' && !incase && --depth == 0)
			return (long)i + 1;
		wordstart = strchr(" \t\n;&|()", c) != NULL;
		i++;
	}
	return -1;
}
