#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""cpio_align.py IN OUT: the cpio newc archive IN with each ELF file's data
starting on a page (4096-byte) boundary of the archive, written to OUT.

The archive is the boot archive (tools/mkinitrd.sh): a program's loader
maps a file's pages straight from it (ld.so, lib/ld/map.c) instead of
copying them, which needs the file's bytes at a page boundary (an ELF's
segments are at offsets congruent to their addresses modulo the page
size). newc has no padding between records, so an aligned file is
preceded by a padding record of the same name: the later record of a name
wins for the archive's readers (kernel/lib/cpio.c's cpio_find, the index
of lib/vg/initrd.c, the boot tmpfs; Linux's initramfs too, and GNU cpio
-i with -u: without it, it keeps the first and says so), so the padding
is never seen as a file. Hard-linked files (newc keeps their data
with one of the links) are left as they are.
"""
import sys

PAGE = 4096
HEADER = 110  # "070701" and 13 fields of 8 hex digits
S_IFMT, S_IFREG = 0o170000, 0o100000


def align4(n):
    return (n + 3) & ~3


def records(data):
    """(magic, header fields, name bytes with the NUL, file data) of each
    record, the trailer last."""
    pos = 0
    while True:
        magic = data[pos:pos + 6]
        if magic not in (b"070701", b"070702"):
            sys.exit("cpio_align: no newc record at offset %d" % pos)
        fields = [int(data[pos + 6 + 8 * i:pos + 14 + 8 * i], 16) for i in range(13)]
        namesize, filesize = fields[11], fields[6]
        name = data[pos + HEADER:pos + HEADER + namesize]
        start = pos + align4(HEADER + namesize)
        yield magic, fields, name, data[start:start + filesize]
        if name == b"TRAILER!!!\0":
            return
        pos = start + align4(filesize)


def record(magic, fields, name, body):
    head = magic + b"".join(b"%08x" % f for f in fields) + name
    return head + b"\0" * (align4(len(head)) - len(head)) + body + b"\0" * (align4(len(body)) -
                                                                              len(body))


def main():
    src, dst = sys.argv[1:3]
    with open(src, "rb") as f:
        data = f.read()
    recs = list(records(data))
    next_ino = max(r[1][0] for r in recs) + 1
    out = bytearray()
    for magic, fields, name, body in recs:
        head = align4(HEADER + len(name))
        wanted = (fields[1] & S_IFMT == S_IFREG and fields[4] == 1 and body[:4] == b"\x7fELF")
        if wanted and (len(out) + head) % PAGE:
            # A record of this name with pad bytes of data (zeros: their
            # 070702 checksum is 0), as big as it takes.
            pad = -(len(out) + 2 * head) % PAGE
            fields_pad = list(fields)
            fields_pad[0], fields_pad[6], fields_pad[12] = next_ino, pad, 0
            next_ino += 1
            out += record(magic, fields_pad, name, b"\0" * pad)
        out += record(magic, fields, name, body)
    with open(dst, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
