#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# make lint: clang-format's check over every tracked C file, then cppcheck over
# the kernel once per architecture (each sees its own arch headers) and over
# the libraries under lib/, the IDL compiler, the libc conformance suite and
# the host tests.
set -eu
files=$(git ls-files '*.c' '*.h')
clang-format --dry-run -Werror $files
check() {
	cppcheck --quiet --error-exitcode=1 --std=c11 --enable=warning,portability \
		--suppress=missingIncludeSystem --inline-suppr "$@"
}
for arch in x86_64 aarch64 riscv64; do
	echo "lint: cppcheck kernel ($arch)"
	check -I kernel/include -I abi -I "kernel/arch/$arch/include" \
		$(git ls-files 'kernel/core/*.c' 'kernel/lib/*.c' 'kernel/tests/*.c' "kernel/arch/$arch/*.c")
done
echo "lint: cppcheck libc and libcoll"
check -I lib/c/include -I lib/coll/include $(git ls-files 'lib/c/*.c' 'lib/coll/*.c')
echo "lint: cppcheck idlc and lib/ipc"
check -I abi -I lib/ipc/include $(git ls-files 'tools/idlc/*.c' 'lib/ipc/*.c')
echo "lint: cppcheck the libc conformance suite"
check -I tests/conform -I lib/vg/include -I kernel/include -I abi \
	$(git ls-files 'tests/conform/*.c' 'tests/user/utest/libc_conform.c')
echo "lint: cppcheck host tests"
check -I kernel/include -I abi -I tests/host/include -I tests/host/fakearch -I lib/ipc/include \
	$(git ls-files 'tests/host/*.c')
echo "lint: clean"
