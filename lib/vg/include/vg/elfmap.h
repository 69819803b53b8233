/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * An ELF file's segments mapped straight from the boot archive's pages
 * (lib/vg/elfmap.c): for vg_spawn (a program and its interpreter, into
 * the new process) and ld.so (a library, into its own). The archive has
 * every ELF file's data on a page boundary (tools/cpio_align.py), so a
 * segment's pages are the archive's, and nothing is copied.
 */
#ifndef VG_ELFMAP_H
#define VG_ELFMAP_H

#include <kernel/elf.h>
#include <stdbool.h>
#include <vg/vg.h>

/* Whether img's file [file, file + len) can be mapped from the archive:
 * it lies in the archive at a page boundary, *at gets where; and none of
 * its read-only segments has zeros past its file bytes (they would need
 * memory of their own; no linker makes one). */
bool vg_elf_in_archive(const struct elf_image *img, const void *file, size_t len, uint64_t *at);

/* Maps segment s of that file (at offset at of the archive, its read-only
 * handle archive) into process at load bias base. A read-only segment
 * maps the archive's pages themselves, entered at once (all committed:
 * no faults), shared by every process and never writable; a writable one
 * a copy-on-write child of them (the archive never changes), the rest of
 * its last file page cleared (the bytes that follow in the archive) and
 * anonymous pages after it. When process is another one, here is not
 * NULL and s is writable, its file pages stay mapped writable in this
 * process too, at *here (0 when it has none or on failure; the caller
 * unmaps vg_elf_file_pages(s) bytes there): for relocating them. */
long vg_elf_map_segment(vg_handle_t process, vg_handle_t archive, uint64_t at, uint64_t base,
			const struct elf_segment *s, uintptr_t *here);

/* The bytes of s's pages that hold its file bytes, from its first page. */
uint64_t vg_elf_file_pages(const struct elf_segment *s);

#endif
