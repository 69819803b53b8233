// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for lib/c's locale names (setlocale's parser, composite
// "LC_CTYPE=...;..." names included): any input is a name for LC_ALL and
// for LC_CTYPE. A refused name changes nothing; an accepted one is what
// setlocale(LC_ALL, NULL) gives back afterwards, and that answer, given
// again, is accepted and changes nothing.
#define _GNU_SOURCE
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <vgc.h>
#include <vgc_wchar.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *name = malloc(size + 1);
	memcpy(name, data, size);
	name[size] = 0;
	char *before = strdup(vgc_setlocale(LC_ALL, NULL));
	const char *r = vgc_setlocale(LC_ALL, name);
	char *after = strdup(vgc_setlocale(LC_ALL, NULL));
	if (!r && strcmp(before, after))
		abort();
	if (r && vgc_setlocale(LC_ALL, after) == NULL)
		abort();
	if (strcmp(vgc_setlocale(LC_ALL, NULL), after))
		abort();
	/* One category: a composite name is refused there. */
	r = vgc_setlocale(LC_CTYPE, name);
	if (r && strchr(name, '='))
		abort();
	void *l = vgc_newlocale(0x3f, name, NULL); /* our LC_ALL_MASK */
	if (l)
		vgc_freelocale(l);
	free(before);
	free(after);
	free(name);
	return 0;
}
