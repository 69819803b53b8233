/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_VERSION_H
#define KERNEL_VERSION_H

#define VERDIGRIS_VERSION "0.1"

#endif
