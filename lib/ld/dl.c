// SPDX-License-Identifier: BSD-2-Clause
// dlopen, dlsym, dlclose (dlerror is in util.c): what the C library's
// <dlfcn.h> forwards to through struct vg_loader.
#include <kernel/string.h>
#include <vg/loader.h>

#include "ld.h"

static struct ld_module *valid(void *handle)
{
	for (int i = 0; i < LD_MAX_MODULES; i++)
		if (handle == &ld_modules[i] && ld_modules[i].used)
			return &ld_modules[i];
	return NULL;
}

void *ld_dlopen(const char *path, int flags)
{
	if (!path)
		return &ld_modules[0]; /* the program: its global scope */
	ld_lock();
	struct ld_module *m = ld_open(path);
	if (m && (flags & VG_RTLD_GLOBAL))
		ld_make_global(m);
	ld_unlock();
	/* Constructors run unlocked: they may call dlopen and dlsym. */
	if (m)
		ld_run_init();
	return m;
}

void *ld_dlsym(void *handle, const char *name)
{
	ld_lock();
	struct ld_module *m = handle ? valid(handle) : NULL, *owner = NULL;
	const Elf64_Sym *s = NULL;
	if (handle && !m)
		ld_fail("dlsym", "invalid handle", NULL);
	else if (!m || m->is_exe)
		s = ld_find_symbol(name, NULL, NULL, true, &owner);
	else /* the object and its dependencies only */
		s = ld_find_in_tree(name, m, NULL, true, &owner);
	void *addr = NULL;
	if (s && (s->st_info & 0xf) == STT_TLS) {
		addr = ld_tls_addr(owner->tls_id, s->st_value);
	} else if (s) {
		addr = (void *)(uintptr_t)(owner->base + s->st_value);
	} else if (!handle || m) {
		ld_fail("dlsym", "symbol not found", name);
	}
	ld_unlock();
	return addr;
}

int ld_dlclose(void *handle)
{
	ld_lock();
	struct ld_module *m = valid(handle);
	if (m)
		ld_release(m);
	else
		ld_fail("dlclose", "invalid handle", NULL);
	ld_unlock();
	return m ? 0 : -1;
}
