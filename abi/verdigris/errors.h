/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef VERDIGRIS_ERRORS_H
#define VERDIGRIS_ERRORS_H

/* Error codes as negative values: ERR_NO_MEMORY == -1, ... */
enum vg_error {
#define ERR(name, value, text) ERR_##name = -(value),
#include <verdigris/errors.def>
#undef ERR
};

#endif
