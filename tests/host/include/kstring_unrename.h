// SPDX-License-Identifier: BSD-2-Clause
// Undoes kstring_rename.h, so the host names mean the C library again.
#undef memcpy
#undef memmove
#undef memset
#undef memcmp
#undef strlen
#undef strnlen
#undef strcmp
#undef strncmp
#undef strchr
#undef strlcpy
