# SPDX-License-Identifier: BSD-2-Clause
# One compiler for every target: clang with lld. The arch fragment sets
# TARGET and ARCH_CFLAGS.
CC := clang
LD := ld.lld
OBJCOPY := llvm-objcopy
# How a program goes into a boot image: without debug sections, with its
# symbol table for crash reports' backtraces (section 15), less the
# nameless local symbols RISC-V objects keep for their relocations (three
# quarters of a debug program's size there: 94 MiB of a 94 MiB image was
# 25 MiB without them; lld's --discard-locals does not drop them).
STRIP_FOR_IMAGE := --strip-debug --strip-symbol=
CLANG_INC := $(shell $(CC) -print-resource-dir 2>/dev/null)/include

OPT_release := -O2
OPT_debug := -O0
