#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Installs what building, running and testing Verdigris needs on Debian 12.
# Idempotent: it checks for each command first and asks apt-get only for
# what is missing, saying which packages it installs.
set -eu

# command:package pairs; the command proves the package is present.
NEEDED="
clang:clang
ld.lld:lld
llvm-objcopy:llvm
make:make
python3:python3
cpio:cpio
dtc:device-tree-compiler
qemu-system-x86_64:qemu-system-x86
qemu-system-aarch64:qemu-system-arm
qemu-system-riscv64:qemu-system-misc
grub-mkrescue:grub-common
xorriso:xorriso
mformat:mtools
clang-format:clang-format
cppcheck:cppcheck
llvm-symbolizer:llvm
setarch:util-linux
"
# Firmware and data files that no command proves: file:package pairs.
FILES="
/usr/share/qemu/opensbi-riscv64-generic-fw_dynamic.bin:opensbi
/usr/share/seabios/bios-256k.bin:seabios
/usr/lib/grub/i386-pc/multiboot2.mod:grub-pc-bin
/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a:libclang-rt-14-dev
"

missing=""
for pair in $NEEDED; do
	cmd=${pair%%:*}
	command -v "$cmd" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
done
for pair in $FILES; do
	file=${pair%%:*}
	[ -e "$file" ] || missing="$missing ${pair#*:}"
done

if [ -z "$missing" ]; then
	exit 0
fi

echo "setup: installing:$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "setup: done"
