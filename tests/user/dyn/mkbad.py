#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Hostile copies of a good shared object, for dlmain's refusal checks:

  libbad-truncated.so  cut inside its dynamic section: a segment runs past the
                       end of the file
  libbad-reloc.so      its first dynamic relocation aims far outside it
  libbad-hash.so       a GNU hash bucket points past the chain table
  libbad-strtab.so     DT_STRSZ claims a string table larger than it

usage: mkbad.py <good.so> <output directory>
"""
import struct
import sys


def sections(elf):
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", elf, 0x3A)
    hdrs = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    names_off = hdrs[shstrndx][4]
    out = {}
    for h in hdrs:
        end = elf.index(b"\0", names_off + h[0])
        out[elf[names_off + h[0]:end].decode()] = h
    return out


def main():
    good, outdir = sys.argv[1], sys.argv[2]
    elf = open(good, "rb").read()
    secs = sections(elf)

    def write(name, data):
        with open(f"{outdir}/{name}", "wb") as f:
            f.write(data)

    write("libbad-truncated.so", elf[: secs[".dynamic"][4] + 8])

    rela = secs.get(".rela.dyn") or secs[".rela.plt"]
    bad = bytearray(elf)
    struct.pack_into("<Q", bad, rela[4], 0x7FFFFFFF0000)
    write("libbad-reloc.so", bytes(bad))

    gnu_hash = secs[".gnu.hash"][4]
    bad = bytearray(elf)
    nbuckets, symoffset, bloom_words, _ = struct.unpack_from("<IIII", elf, gnu_hash)
    buckets = gnu_hash + 16 + bloom_words * 8
    struct.pack_into("<I", bad, buckets, 0x40000000)
    write("libbad-hash.so", bytes(bad))

    dyn = secs[".dynamic"]
    bad = bytearray(elf)
    for off in range(dyn[4], dyn[4] + dyn[5], 16):
        tag, = struct.unpack_from("<q", elf, off)
        if tag == 10:  # DT_STRSZ
            struct.pack_into("<Q", bad, off + 8, 1 << 40)
    write("libbad-strtab.so", bytes(bad))


if __name__ == "__main__":
    main()
