#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# make-samples.sh OUTDIR: the ELF fixtures of test_elf and fuzz_elf, linked
# by clang and lld for each of the three targets, and described by
# llvm-readelf, against whose reading test_elf checks elf_parse:
#   <arch>-<variant>.elf       the linked sample
#   <arch>-<variant>.readelf   llvm-readelf -lh --wide of it
#   samples.list               one line per sample: name, e_machine, and
#                              "ok" or the refusal expected ("wx")
# Nothing here is run; the programs only have to link.
set -eu
src=$(cd "$(dirname "$0")" && pwd)
final=$1
# Built aside and moved into place whole, so that a concurrent or failed
# run never leaves a half-made directory behind.
out=$final.tmp.$$
rm -rf "$out"
mkdir -p "$out"
list=$out/samples.list
: > "$list"

# name, machine, expectation, source, flags...
sample() {
	name=$1 machine=$2 expect=$3 file=$4
	shift 4
	clang --target="$target" $arch_flags -O1 -nostdlib -fuse-ld=lld \
		-Wno-unused-command-line-argument "$src/$file" "$@" -o "$out/$name.elf"
	llvm-readelf -lh --wide "$out/$name.elf" > "$out/$name.readelf"
	echo "$name $machine $expect" >> "$list"
}

for arch in x86_64 aarch64 riscv64; do
	target=$arch-unknown-none-elf
	case $arch in
	x86_64) machine=62 arch_flags= ;;
	aarch64) machine=183 arch_flags= ;;
	# lld 14 cannot relax RISC-V code.
	riscv64) machine=243 arch_flags="-march=rv64gc -mno-relax" ;;
	esac
	sample $arch-static $machine ok prog.c -static
	# Static PIE: ET_DYN with PT_DYNAMIC and no interpreter.
	sample $arch-pie $machine ok prog.c -static -fPIE -Wl,-pie
	sample $arch-interp $machine ok prog.c -fPIE -Wl,-pie -Wl,--dynamic-linker=/lib/ld.so
	sample $arch-tls $machine ok tls.c -static
	sample $arch-tls-pie $machine ok tls.c -static -fPIE -Wl,-pie
	sample $arch-execstack $machine ok prog.c -static -Wl,-z,execstack
	sample $arch-sepcode $machine ok prog.c -static -Wl,-z,separate-code
	sample $arch-norosegment $machine ok prog.c -static -Wl,--no-rosegment
	sample $arch-page64k $machine ok prog.c -static -Wl,-z,max-page-size=65536
	sample $arch-wx $machine wx prog.c -static -Wl,-T,"$src/wx.ld"
done
rm -rf "$final"
mv -T "$out" "$final"
