// SPDX-License-Identifier: BSD-2-Clause
// <dlfcn.h> and __tls_get_addr, forwarded to the dynamic loader named in
// the startup block (struct vg_loader); a static program has none.
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <vg/loader.h>
#include <vg/vg.h>

_Static_assert(RTLD_LAZY == VG_RTLD_LAZY && RTLD_NOW == VG_RTLD_NOW &&
		       RTLD_LOCAL == VG_RTLD_LOCAL && RTLD_GLOBAL == VG_RTLD_GLOBAL,
	       "<dlfcn.h> agrees with ld.so");

void *__tls_get_addr(const void *ti);

static const char static_msg[] = "dynamic loading needs a dynamically linked program";
static int static_error; /* a static program's failure not yet reported */

static const struct vg_loader *loader(void)
{
	const struct vg_startup *su = vg_startup();
	const struct vg_loader *ld = (const struct vg_loader *)(uintptr_t)su->loader;
	if (!ld)
		static_error = 1;
	return ld;
}

void *dlopen(const char *path, int flags)
{
	const struct vg_loader *ld = loader();
	return ld ? ld->dlopen(path, flags) : NULL;
}

void *dlsym(void *handle, const char *name)
{
	const struct vg_loader *ld = loader();
	return ld ? ld->dlsym(handle, name) : NULL;
}

int dlclose(void *handle)
{
	const struct vg_loader *ld = loader();
	return ld ? ld->dlclose(handle) : -1;
}

char *dlerror(void)
{
	const struct vg_loader *ld = (const struct vg_loader *)(uintptr_t)vg_startup()->loader;
	if (ld)
		return ld->dlerror();
	char *msg = static_error ? (char *)static_msg : NULL;
	static_error = 0;
	return msg;
}

/* The general-dynamic TLS model's call (x86_64, RISC-V). A static
 * program has one module, itself (position-independent code the linker
 * did not relax makes the call there too). */
void *__tls_get_addr(const void *ti)
{
	const struct vg_loader *ld = (const struct vg_loader *)(uintptr_t)vg_startup()->loader;
	if (ld)
		return ld->tls_get_addr(ti);
	const uint64_t *t = ti;
	if (t[0] != 1)
		abort(); /* no such module: a corrupt program */
	return (char *)vg_tls_block() + t[1] + VG_TLS_DTP_BIAS;
}
