# SPDX-License-Identifier: BSD-2-Clause
# One compiler for every target: clang with lld. The arch fragment sets
# TARGET and ARCH_CFLAGS.
CC := clang
LD := ld.lld
OBJCOPY := llvm-objcopy
CLANG_INC := $(shell $(CC) -print-resource-dir 2>/dev/null)/include

OPT_release := -O2
OPT_debug := -O0
