/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ld.so's own declarations: the loaded modules (the executable and the
 * shared objects), how they are found, mapped, linked and started. See
 * docs/ARCHITECTURE.md, section 16.
 */
#ifndef LD_LD_H
#define LD_LD_H

#include <ld/dyn.h>
#include <stdbool.h>
#include <stdint.h>
#include <vg/vg.h>

#define LD_MAX_MODULES 32
#define LD_NAME_MAX 64

struct ld_module {
	bool used;
	char name[LD_NAME_MAX]; /* as DT_NEEDED or dlopen named it */
	uint64_t base; /* load bias */
	uintptr_t map_lo; /* what map.c mapped (0 for the executable) */
	uint64_t map_len;
	const void *file; /* the file it was mapped from, for module_at */
	uint64_t file_len;
	struct ld_view view;
	struct ld_dyn dyn;
	bool is_exe;
	/* PT_TLS, and where its block is: module id (1 = the executable),
	 * static (a fixed offset from the thread pointer, for modules loaded
	 * at start) or dynamic (dlopen: per thread, on first use). */
	bool has_tls;
	struct elf_segment tls;
	uint64_t tls_id;
	bool tls_static;
	int64_t tls_tpoff;
	struct ld_module *deps[LD_MAX_NEEDED];
	int ndeps;
	int refs; /* dlopen references and modules needing it */
	bool pinned; /* loaded at start: never unloaded */
	bool relocated, initialized;
	uint64_t init_seq; /* order of initialization, for fini in reverse */
};

extern struct ld_module ld_modules[LD_MAX_MODULES];

/* Errors: the message of the last failure ("name: problem"), also what
 * dlerror() reports. */
void ld_fail(const char *who, const char *what, const char *detail);
const char *ld_last_error(void);

/* Memory that is never given back, for loader tables (bump allocation on
 * mapped pages); NULL when out of memory. Under ld_lock. */
void *ld_alloc(size_t size);
/* One lock for everything the loader shares between threads. */
void ld_lock(void);
void ld_unlock(void);

/* map.c: the file of a library named name (the one lookup function: the
 * boot archive's LD_LIBRARY_PATH and /lib now, the file system later). */
long ld_find_file(const char *name, const void **data, size_t *len);
#define LD_PATH_MAX 256 /* a directory of LD_LIBRARY_PATH and a name */
/* env.c: LD_LIBRARY_PATH's and LD_PRELOAD's values, NULL when unset,
 * empty, or in secure mode (a set-id program: the process server's
 * VG_AUX_SECURE). */
const char *ld_library_path(void);
const char *ld_preload(void);
/* preload.c: LD_PRELOAD's objects loaded as the program's first
 * dependencies (before its DT_NEEDED ones, so that they come before them
 * in the global scope); one that cannot be loaded is reported in the log
 * and skipped. */
void ld_load_preloads(struct ld_module *exe);
/* Maps the shared object file into this process as module m, with its
 * dynamic section parsed. false after ld_fail. */
bool ld_map_object(struct ld_module *m, const void *file, size_t len);
void ld_unmap_object(struct ld_module *m);
/* The executable vg_spawn loaded, described by the startup block. */
bool ld_adopt_exe(struct ld_module *m, const struct vg_startup *su);

/* link.c: loads m's dependencies (breadth first, after m in ld_modules),
 * relocates every module not yet relocated (dependencies first), with
 * symbols from the global scope then scope's own (its dependency tree).
 * Modules loaded here get TLS ids from tls.c. */
struct ld_module *ld_module_new(const char *name);
struct ld_module *ld_module_named(const char *name);
/* A new module for a DT_NEEDED, LD_PRELOAD or dlopen name, mapped from
 * its file; NULL after ld_fail. */
struct ld_module *ld_load_named(const char *name);
bool ld_load_deps(struct ld_module *root);
/* dlopen's loading: name (and what it needs) loaded and relocated, or
 * found loaded already (one more reference); NULL after ld_fail, with
 * nothing left loaded. */
struct ld_module *ld_open(const char *name);
/* One reference fewer; at none, destructors and unloading (also of the
 * dependencies this leaves unreferenced). */
void ld_release(struct ld_module *m);
bool ld_relocate_new(struct ld_module *scope);
/* Runs the constructors of the modules not yet initialized, dependencies
 * first; and the destructors of those initialized, in reverse. */
void ld_run_init(void);
void ld_run_fini(void);
void ld_fini_module(struct ld_module *m);
/* Takes an unloaded module out of every list and unmaps it. */
void ld_forget(struct ld_module *m);
/* A defined symbol named name among the global modules then scope's
 * dependency tree (skipping skip), or NULL; *owner gets its module.
 * plt_ok: as ld_lookup's (false when resolving a PLT entry itself). */
const Elf64_Sym *ld_find_symbol(const char *name, struct ld_module *scope,
				const struct ld_module *skip, bool plt_ok,
				struct ld_module **owner);
/* Breadth-first search of name in m's dependency tree (m first). */
const Elf64_Sym *ld_find_in_tree(const char *name, struct ld_module *m,
				 const struct ld_module *skip, bool plt_ok,
				 struct ld_module **owner);
/* Modules in the global scope (loaded at start or dlopen'ed with
 * RTLD_GLOBAL). */
void ld_make_global(struct ld_module *m);

/* tls.c: the static TLS layout of the modules loaded at start (written
 * into su for the C library's vg_tls_init), the ids of modules loaded
 * later, and their blocks, made per thread on first use. */
bool ld_tls_layout(struct vg_startup *su);
bool ld_tls_assign_dynamic(struct ld_module *m);
void *ld_tls_get_addr(const void *ti);
/* addr.c: struct vg_loader's module_at. */
struct vg_loader_module;
int ld_module_at(uint64_t addr, struct vg_loader_module *out);
/* The calling thread's address of byte offset of module id's block. */
void *ld_tls_addr(uint64_t id, uint64_t offset);
const char *ld_tlsdesc(void *ctx, const struct ld_def *def, int64_t addend, uint64_t desc[2]);

/* dl.c */
void *ld_dlopen(const char *path, int flags);
void *ld_dlsym(void *handle, const char *name);
int ld_dlclose(void *handle);
char *ld_dlerror(void);

#endif
