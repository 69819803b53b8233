/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The dynamic loader's interface (lib/ld), found at struct
 * vg_startup.loader in a dynamically linked program and 0 in a static one.
 * The C library's start-up runs the constructors through it (after its own
 * runtime is up, so that constructors may use it), exit() the destructors,
 * and <dlfcn.h> forwards to it; a library's TLS accesses of the general
 * dynamic model reach tls_get_addr through the libc's __tls_get_addr.
 */
#ifndef VG_LOADER_H
#define VG_LOADER_H

#include <stdint.h>

/* dlopen's flags, which <dlfcn.h> gives their standard names. Every
 * object is bound at once (LAZY is taken as NOW). */
#define VG_RTLD_LAZY 0x1
#define VG_RTLD_NOW 0x2
#define VG_RTLD_LOCAL 0x0
#define VG_RTLD_GLOBAL 0x100

/* A loaded shared object, as module_at tells it. */
struct vg_loader_module {
	const char *name; /* as DT_NEEDED or dlopen named it */
	uint64_t base; /* load bias: an address minus base is its ELF address */
	const void *file; /* the object's file as loaded (in the boot archive) */
	uint64_t file_size;
};

struct vg_loader {
	/* Every .preinit_array, then each module's .init_array, dependencies
	 * before the modules that need them; then the reverse for fini. */
	void (*run_init)(void);
	void (*run_fini)(void);
	/* <dlfcn.h>: the same contracts. */
	void *(*dlopen)(const char *path, int flags);
	void *(*dlsym)(void *handle, const char *name);
	int (*dlclose)(void *handle);
	char *(*dlerror)(void);
	/* __tls_get_addr: ti points at {module id, offset} (two uint64_t). */
	void *(*tls_get_addr)(const void *ti);
	/* The shared object whose mapping holds addr (the program itself is
	 * not one): 0 and *out, or -1. For the C library's crash report,
	 * which names addresses from the file's symbols; takes no lock (the
	 * reporter may have interrupted the loader). */
	int (*module_at)(uint64_t addr, struct vg_loader_module *out);
};

#endif
