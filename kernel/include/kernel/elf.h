// SPDX-License-Identifier: BSD-2-Clause
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H

#include <kernel/types.h>

/*
 * ELF64 executables (System V gABI, little-endian; the x86-64, AArch64 and
 * RISC-V psABIs): the program-header view a loader needs. elf_parse checks
 * the file once - header, every program header, the layout of the loadable
 * segments - and fills a struct elf_image that the loader can trust without
 * re-checking: every file range lies inside the file, every address range
 * is free of overflow and below max_vaddr, segments are sorted, page-disjoint
 * and never both writable and executable. A file that fails is refused with
 * a message naming the problem. Sections, symbols and the dynamic section's
 * contents are not read. Pure code: fuzzed on the host.
 *
 * Fields are read byte by byte, so the file needs no particular alignment.
 */

/* e_ident */
#define EI_NIDENT 16
#define EI_CLASS 4
#define EI_DATA 5
#define EI_VERSION 6
#define EI_OSABI 7
#define ELFCLASS64 2
#define ELFDATA2LSB 1
#define EV_CURRENT 1
#define ELFOSABI_NONE 0
#define ELFOSABI_GNU 3

/* e_type */
#define ET_EXEC 2
#define ET_DYN 3

/* e_machine */
#define EM_X86_64 62
#define EM_AARCH64 183
#define EM_RISCV 243

/* e_phnum escape: the real count would be in section header 0. */
#define PN_XNUM 0xffff

/* p_type */
#define PT_NULL 0
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_INTERP 3
#define PT_NOTE 4
#define PT_PHDR 6
#define PT_TLS 7
#define PT_GNU_STACK 0x6474e551
#define PT_GNU_RELRO 0x6474e552

/* p_flags */
#define PF_X 0x1u
#define PF_W 0x2u
#define PF_R 0x4u

typedef struct {
	uint8_t e_ident[EI_NIDENT];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint64_t e_entry;
	uint64_t e_phoff;
	uint64_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	uint32_t p_type;
	uint32_t p_flags;
	uint64_t p_offset;
	uint64_t p_vaddr;
	uint64_t p_paddr;
	uint64_t p_filesz;
	uint64_t p_memsz;
	uint64_t p_align;
} Elf64_Phdr;

typedef struct {
	int64_t d_tag;
	uint64_t d_val;
} Elf64_Dyn;

_Static_assert(sizeof(Elf64_Ehdr) == 64, "Elf64_Ehdr layout");
_Static_assert(sizeof(Elf64_Phdr) == 56, "Elf64_Phdr layout");

/* More PT_LOADs than this is refused (linkers emit 2 to 5). */
#define ELF_MAX_LOAD 16

struct elf_segment {
	uint64_t vaddr, memsz;
	uint64_t offset, filesz; /* file bytes; the rest up to memsz is zero */
	uint64_t align;
	uint32_t flags; /* PF_R | PF_W | PF_X only; other bits are dropped */
};

/*
 * Addresses of an ET_DYN image are relative to its load bias: the loader
 * adds the bias it picks and must check the biased range against the
 * address space again.
 */
struct elf_image {
	uint16_t type; /* ET_EXEC or ET_DYN */
	uint16_t machine;
	uint32_t flags; /* e_flags (RISC-V: float ABI, RVC) */
	/* Inside the file-backed part of an executable PT_LOAD. An ET_DYN with
	 * e_entry 0 is a library without one: has_entry is false then, and a
	 * program loader must refuse it. */
	bool has_entry;
	uint64_t entry;
	/* The PT_LOADs in file order, which is ascending vaddr; none is empty. */
	struct elf_segment load[ELF_MAX_LOAD];
	int n_load;
	/* The page-rounded span of all PT_LOADs: [vaddr_lo, vaddr_hi). */
	uint64_t vaddr_lo, vaddr_hi;
	/* Where the program headers are in memory (for AT_PHDR), from PT_PHDR
	 * or from the PT_LOAD that holds them; 0 when they are not loaded. */
	uint64_t phdr_vaddr;
	uint16_t phnum;
	/* The interpreter's path: file bytes [interp_offset, +interp_size),
	 * NUL-terminated at the last byte and nowhere before, not empty. */
	bool has_interp;
	uint64_t interp_offset, interp_size;
	/* The TLS template; its file bytes lie in a PT_LOAD's file part. */
	bool has_tls;
	struct elf_segment tls;
	/* PT_DYNAMIC: inside a PT_LOAD, a whole number of Elf64_Dyn. */
	bool has_dynamic;
	uint64_t dynamic_vaddr, dynamic_size;
	/* PT_GNU_STACK asked for an executable stack (absent: not). */
	bool stack_exec;
};

/*
 * Parses and validates file[0, len) for the given machine (EM_*). Every
 * PT_LOAD must end, page-rounded, at or below max_vaddr (the top of the
 * address space the image goes into). Returns 0 with *img filled, or
 * ERR_BAD_FORMAT with *why (if non-NULL) naming the problem and *img
 * zeroed.
 */
int elf_parse(const void *file, size_t len, uint16_t machine, uint64_t max_vaddr,
	      struct elf_image *img, const char **why);

/* The mapping protection (VM_READ, VM_WRITE, VM_EXEC) for PF_* flags. */
uint32_t elf_segment_prot(uint32_t flags);

#endif
