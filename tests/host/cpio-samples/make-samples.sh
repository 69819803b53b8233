#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# make-samples.sh OUTDIR: the cpio fixtures of test_cpio and fuzz_cpio, made
# by the host's GNU cpio so that the parser is checked against the real
# writer, not against our own idea of the format:
#   tree/             a generated tree: files of every size that exercises the
#                     4-byte padding, directories, nested paths, symlinks,
#                     a hard-linked pair, a fifo (and device nodes when run as
#                     root)
#   tree.newc         cpio -o -H newc of tree/ (070701)
#   tree.crc          cpio -o -H crc of tree/ (070702, checksummed)
#   tree.newc.list    cpio -itv --numeric-uid-gid of each: what GNU cpio
#   tree.crc.list     reads back, record by record
#   small.newc        a three-record archive, for truncation at every byte
#   seed.newc         most of the tree in under 4 KiB: fuzzing seeds
#   seed.crc
#   samples.list      the archives that have a listing (written last)
# Timestamps are fixed so that the archives are reproducible.
set -eu
out=$1
# Built aside and moved into place whole, so that a concurrent or failed
# run never leaves a half-made directory behind.
top=$(pwd)
work=$out.tmp.$$
rm -rf "$work"
mkdir -p "$work/tree"
cd "$work/tree"

# 256 bytes, every value once, repeated into files of the sizes below.
i=0
while [ $i -lt 256 ]; do
	printf "\\$(printf %03o $i)"
	i=$((i + 1))
done > ../bytes.bin
for k in 1 2 3 4 5 6 7 8; do cat ../bytes.bin; done > ../bytes8.bin
mkdir sizes
for n in 0 1 2 3 4 5 6 7 8 9 255 256 257 511 512 513 1023 1024 1025; do
	head -c "$n" ../bytes8.bin > "sizes/f$n"
done
head -c 70001 /dev/zero | tr '\0' 'v' > sizes/f70001

mkdir -p bin etc/init.d a/b/c/d/e empty-dir "with space"
printf '#!/bin/sh\necho hello\n' > bin/init
chmod 755 bin/init
printf 'Welcome to Verdigris\n' > etc/motd
printf 'start\n' > etc/init.d/rc
printf 'leaf' > a/b/c/d/e/leaf
printf 'spaced out\n' > "with space/file"
chmod 600 etc/init.d/rc
ln -s init bin/sh
ln -s /etc/motd motd-link
ln -s a/b/c/d/e deep-link
printf 'shared data\n' > hard1
ln hard1 hard2
mkfifo fifo
if [ "$(id -u)" = 0 ]; then
	mknod dev-null c 1 3 2>/dev/null || true
	mknod dev-loop b 7 0 2>/dev/null || true
fi
find . -exec touch -h -d '2020-01-02 03:04:05' {} +

find . | LC_ALL=C sort | cpio --quiet -o -H newc > ../tree.newc
find . | LC_ALL=C sort | cpio --quiet -o -H crc > ../tree.crc
printf 'etc\netc/motd\nbin/init\n' | cpio --quiet -o -H newc > ../small.newc
# Fuzz seeds: every record kind and a few padding cases, small enough for
# the fuzzers' 4 KiB inputs.
seeds() {
	find . ! -path './sizes*'
	printf './sizes\n./sizes/f3\n./sizes/f5\n'
}
seeds | LC_ALL=C sort | cpio --quiet -o -H newc > ../seed.newc
seeds | LC_ALL=C sort | cpio --quiet -o -H crc > ../seed.crc
cd ..
for a in tree.newc tree.crc; do
	cpio --quiet -itv --numeric-uid-gid < "$a" > "$a.list"
done
printf 'tree.newc\ntree.crc\n' > samples.list
cd "$top"
rm -rf "$out"
mv -T "$work" "$out"
