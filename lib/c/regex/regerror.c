// SPDX-License-Identifier: BSD-2-Clause
// regerror: the message for each of regcomp's and regexec's error codes.
#include <regex.h>
#include <string.h>

static const char *const messages[] = {
	[0] = "Success",
	[REG_NOMATCH] = "No match",
	[REG_BADPAT] = "Invalid regular expression",
	[REG_ECOLLATE] = "Invalid collation character",
	[REG_ECTYPE] = "Invalid character class name",
	[REG_EESCAPE] = "Trailing backslash",
	[REG_ESUBREG] = "Invalid back reference",
	[REG_EBRACK] = "Unmatched [, [^, [:, [., or [=",
	[REG_EPAREN] = "Unmatched ( or \\(",
	[REG_EBRACE] = "Unmatched \\{",
	[REG_BADBR] = "Invalid content of \\{\\}",
	[REG_ERANGE] = "Invalid range end",
	[REG_ESPACE] = "Memory exhausted",
	[REG_BADRPT] = "Invalid preceding regular expression",
};

size_t regerror(int errcode, const regex_t *restrict preg, char *restrict buf, size_t size)
{
	(void)preg;
	const char *msg = errcode >= 0 && (size_t)errcode < sizeof(messages) / sizeof(messages[0])
		? messages[errcode]
		: "Unknown error";
	size_t len = strlen(msg);
	if (size) {
		size_t n = len < size - 1 ? len : size - 1;
		memcpy(buf, msg, n);
		buf[n] = 0;
	}
	return len + 1;
}
