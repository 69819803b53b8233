#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# mkinitrd.sh OUT DIR... : one cpio newc archive holding the files of every DIR
# under /, later directories overriding earlier ones. Owners become root.
# ELF files start on a page boundary of the archive (tools/cpio_align.py),
# so that ld.so can map their pages instead of copying them.
set -eu
out=$1
shift
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
for dir in "$@"; do
	if [ ! -d "$dir" ]; then
		echo "mkinitrd: $dir is not a directory" >&2
		exit 1
	fi
	cp -a "$dir"/. "$stage"/
done
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) >"$out.raw"
"$(dirname "$0")/cpio_align.py" "$out.raw" "$out.tmp"
rm "$out.raw"
# The aligned archive, read back by GNU cpio (-u: the later record of a
# name wins, as for our readers), must give the staged tree exactly.
check=$(mktemp -d)
trap 'rm -rf "$stage" "$check"' EXIT
(cd "$check" && cpio --quiet -idu) <"$out.tmp"
if ! diff -r --no-dereference "$stage" "$check" >&2; then
	echo "mkinitrd: GNU cpio reads $out.tmp otherwise than staged" >&2
	exit 1
fi
mv "$out.tmp" "$out"
