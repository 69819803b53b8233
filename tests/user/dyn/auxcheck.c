// SPDX-License-Identifier: BSD-2-Clause
// getauxval checked against independent sources, in a program linked four
// ways (mk/dyn.mk: static, static PIE, dynamic, dynamic PIE), run by
// tests/user/utest/t_auxv.c:
//   auxcheck check PATH   the program's own file at PATH (read with
//                         open/read) gives AT_PHDR, AT_PHENT, AT_PHNUM
//                         and AT_ENTRY (with the linker's _start), its
//                         PT_INTERP says whether AT_BASE is ld.so's load
//                         address (the file /lib/ld.so is mapped there,
//                         and the loader's interface lies in it) or 0;
//                         AT_EXECFN is PATH, the ids are getuid's and
//                         the rest, AT_PLATFORM uname's machine, AT_CLKTCK
//                         sysconf's, AT_HWCAP what the CPU says or does
//                         (auxhwcap.h)
//   auxcheck random       writes AT_RANDOM's 16 bytes in hex and a newline
//   auxcheck exec PATH    writes its own, then execs PATH random
//   auxcheck fork         a fork child has the same bytes at the same place
// Exit status: 0, or the line of the first check that failed.
#include <errno.h>
#include <fcntl.h>
#include <kernel/elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vg/vg.h>

/* The exit status of a check that failed: its line, said on stdout. */
static int failed(int line, const char *what)
{
	printf("auxcheck: line %d: %s\n", line, what);
	return line;
}
#define EXPECT(c)                                    \
	do {                                         \
		if (!(c))                            \
			return failed(__LINE__, #c); \
	} while (0)

extern char _start[];

/* getauxval(type), which must be given (errno untouched). */
static unsigned long given(unsigned long type)
{
	errno = 0;
	unsigned long v = getauxval(type);
	return errno ? (unsigned long)-1 : v;
}

static bool absent(unsigned long type)
{
	errno = 0;
	return getauxval(type) == 0 && errno == ENOENT;
}

/* Uses given and absent. */
#include "auxhwcap.h"

static unsigned char file[256 * 1024];

/* The whole file at path into file[]: its length, or 0. */
static size_t read_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	size_t n = 0;
	ssize_t r = 1;
	while (fd >= 0 && n < sizeof(file) && (r = read(fd, file + n, sizeof(file) - n)) > 0)
		n += (size_t)r;
	if (fd >= 0)
		close(fd);
	return fd < 0 || r < 0 ? 0 : n;
}

/* The address the program headers have once loaded (PT_PHDR, else the
 * PT_LOAD holding them), before the load bias; 0 when not loaded. */
static uint64_t phdr_vaddr(const Elf64_Ehdr *eh, const Elf64_Phdr *ph)
{
	for (unsigned i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_PHDR)
			return ph[i].p_vaddr;
	for (unsigned i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_offset <= eh->e_phoff &&
		    eh->e_phoff - ph[i].p_offset < ph[i].p_filesz)
			return ph[i].p_vaddr + (eh->e_phoff - ph[i].p_offset);
	return 0;
}

static bool has_interp(const Elf64_Ehdr *eh, const Elf64_Phdr *ph)
{
	for (unsigned i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_INTERP)
			return true;
	return false;
}

/* AT_BASE: ld.so's file is what is mapped there, and the loader's
 * interface (in ld.so's data) lies within its span. */
static int check_interp(uint64_t base)
{
	EXPECT(base != 0 && base % 4096 == 0);
	size_t n = read_file("/lib/ld.so");
	EXPECT(n >= sizeof(Elf64_Ehdr));
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)file;
	EXPECT(memcmp((const void *)(uintptr_t)base, file, sizeof(*eh)) == 0);
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(file + eh->e_phoff);
	uint64_t hi = 0;
	for (unsigned i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_vaddr + ph[i].p_memsz > hi)
			hi = ph[i].p_vaddr + ph[i].p_memsz;
	uint64_t loader = vg_startup()->loader;
	EXPECT(loader >= base && loader < base + hi);
	return 0;
}

/* Where the program was loaded, from its file. */
static int check_image(const char *path)
{
	size_t n = read_file(path);
	EXPECT(n >= sizeof(Elf64_Ehdr));
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)file;
	EXPECT(memcmp(eh->e_ident,
		      "\x7f"
		      "ELF",
		      4) == 0);
	EXPECT(eh->e_phoff + (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr) <= n);
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(file + eh->e_phoff);
	EXPECT(given(AT_PHENT) == eh->e_phentsize);
	EXPECT(given(AT_PHNUM) == eh->e_phnum);
	/* The linker's own address of the entry symbol. */
	EXPECT(given(AT_ENTRY) == (uintptr_t)_start);
	uint64_t bias = (uintptr_t)_start - eh->e_entry;
	EXPECT(eh->e_type == ET_DYN || bias == 0);
	uint64_t at = phdr_vaddr(eh, ph);
	if (at) {
		EXPECT(given(AT_PHDR) == bias + at);
		EXPECT(memcmp((const void *)(uintptr_t)(bias + at), ph,
			      eh->e_phnum * sizeof(Elf64_Phdr)) == 0);
	} else {
		EXPECT(absent(AT_PHDR));
	}
	uint64_t base = given(AT_BASE);
	if (has_interp(eh, ph))
		return check_interp(base);
	EXPECT(base == 0);
	return 0;
}

static int check_rest(const char *path)
{
	EXPECT(getauxval(AT_EXECFN) && !strcmp((const char *)getauxval(AT_EXECFN), path));
	EXPECT(given(AT_UID) == getuid() && given(AT_EUID) == geteuid());
	EXPECT(given(AT_GID) == getgid() && given(AT_EGID) == getegid());
	EXPECT(given(AT_SECURE) == 0);
	EXPECT(given(AT_PAGESZ) == 4096 && given(AT_PAGESZ) == (unsigned long)getpagesize());
	EXPECT(given(AT_CLKTCK) == (unsigned long)sysconf(_SC_CLK_TCK));
	struct utsname u;
	EXPECT(uname(&u) == 0);
#ifdef __riscv
	EXPECT(absent(AT_PLATFORM));
#else
	EXPECT(getauxval(AT_PLATFORM) && !strcmp((const char *)getauxval(AT_PLATFORM), u.machine));
#endif
	const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);
	EXPECT(r != NULL);
	unsigned char zero[16] = { 0 };
	EXPECT(memcmp(r, zero, 16) != 0);
	EXPECT(absent(AT_NULL) && absent(1000));
	/* The kernel refuses a bad buffer or size. */
	struct vg_cpu_info c;
	EXPECT(vg_cpu_info(&c, sizeof(c)) == 0 && c.hwcap == given(AT_HWCAP));
	EXPECT(vg_cpu_info(NULL, sizeof(c)) == ERR_BAD_ADDRESS);
	EXPECT(vg_cpu_info(&c, sizeof(c) - 1) == ERR_INVALID_ARGS);
	EXPECT(vg_cpu_info(&c, 0) == ERR_INVALID_ARGS);
	return hwcap_check();
}

static void print_random(void)
{
	const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);
	for (int i = 0; r && i < 16; i++)
		printf("%02x", r[i]);
	printf("\n");
	fflush(stdout);
}

/* A fork child keeps its parent's bytes, where they were (as Linux). */
static int check_fork(void)
{
	const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);
	EXPECT(r != NULL);
	unsigned char before[16];
	memcpy(before, r, 16);
	pid_t pid = fork();
	if (pid == 0)
		_exit((const unsigned char *)getauxval(AT_RANDOM) == r && !memcmp(r, before, 16)
			      ? 0
			      : 1);
	int st;
	EXPECT(pid > 0 && waitpid(pid, &st, 0) == pid);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";
	if (!strcmp(what, "check") && argc == 3) {
		int r = check_image(argv[2]);
		return r ? r : check_rest(argv[2]);
	}
	if (!strcmp(what, "random")) {
		print_random();
		return 0;
	}
	if (!strcmp(what, "exec") && argc == 3) {
		print_random();
		execl(argv[2], "auxcheck", "random", (char *)NULL);
		return 1;
	}
	if (!strcmp(what, "fork"))
		return check_fork();
	return 127;
}
