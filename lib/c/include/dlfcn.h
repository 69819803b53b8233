/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Dynamic loading (POSIX <dlfcn.h>). In a dynamically linked program the
 * dynamic loader (/lib/ld.so) does the work; in a static program dlopen
 * fails and dlerror says why. Objects are bound at once (RTLD_LAZY acts as
 * RTLD_NOW); dlerror's message is the process's, not the thread's.
 */
#ifndef _DLFCN_H
#define _DLFCN_H

#define RTLD_LAZY 0x1
#define RTLD_NOW 0x2
#define RTLD_LOCAL 0x0
#define RTLD_GLOBAL 0x100
#define RTLD_DEFAULT ((void *)0)

void *dlopen(const char *path, int flags);
void *dlsym(void *handle, const char *name);
int dlclose(void *handle);
char *dlerror(void);

#endif
