// SPDX-License-Identifier: BSD-2-Clause
// Where program images come from. Today: files of the boot archive, by
// their path without the leading slash ("/bin/sh" is "bin/sh"). The VFS
// will replace this one function.
#include "procsrv.h"
#include <vg/vg.h>

long proc_image_find(const char *path, const void **image, size_t *len)
{
	while (*path == '/')
		path++;
	return vg_initrd_find(path, image, len);
}
