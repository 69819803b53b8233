// SPDX-License-Identifier: BSD-2-Clause
// A dynamic program that opens shared objects with dlopen: the test
// library (tests/user/dyn/libdyntest.c) and hostile ones (mkbad.py), which
// must be refused with a message naming the problem. Exit status 0 when
// every check passed, else the number of failed checks.
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <vg/loader.h>
#include <vg/vg.h>

static int failures;

static void check(const char *what, int ok)
{
	if (!ok) {
		printf("dlmain: FAILED: %s\n", what);
		failures++;
	}
}

static int triple(int x)
{
	return 3 * x;
}

static void *thread_main(void *arg)
{
	int (*bump)(int) = (int (*)(int))arg;
	return (void *)(long)bump(1); /* a fresh block for this thread: 42 + 1 */
}

/* Opening path must fail with a message containing want. */
static void refused(const char *path, const char *want)
{
	void *h = dlopen(path, RTLD_NOW);
	const char *err = dlerror();
	printf("dlmain: %s: %s\n", path, err ? err : "(no error)");
	check(path, h == NULL && err && strstr(err, want));
}

/* libdynplain.so (no TLS) goes at its last dlclose, destructor first,
 * and comes back with fresh data. */
static void unload_and_reload(void)
{
	static int unloaded;
	for (int round = 0; round < 2; round++) {
		void *h = dlopen("libdynplain.so", RTLD_NOW);
		int *loads = h ? dlsym(h, "dynplain_loads") : NULL;
		int **report = h ? dlsym(h, "dynplain_unloaded") : NULL;
		int *seed = h ? dlsym(h, "dynplain_seed") : NULL;
		check("dlopen libdynplain.so", loads && report && seed);
		if (!loads || !report || !seed)
			return;
		check("constructed once per load, with fresh data", *loads == 1 && !*report);
		/* Written in the first round: the file's pages never change. */
		check("initialized data as the file has it", *seed == 0x5eed);
		*seed = 0;
		*report = &unloaded;
		unloaded = 0;
		check("dlclose", dlclose(h) == 0 && unloaded == 1);
	}
}

/* The C library's read-only segments are the boot archive's pages, mapped
 * through the archive's read-only handle and shared by every process
 * (lib/ld/map.c): they cannot be made writable. The page tried is its
 * first, the ELF header's (read-only data: a refusal that fails leaves
 * it readable). */
static void library_pages_are_read_only(void)
{
	const struct vg_loader *ld = (const struct vg_loader *)(uintptr_t)vg_startup()->loader;
	struct vg_loader_module m;
	uintptr_t fn = (uintptr_t)dlsym(RTLD_DEFAULT, "strlen");
	bool found = ld && fn && ld->module_at(fn, &m) == 0 && strcmp(m.name, "libc.so") == 0;
	check("strlen is libc.so's", found);
	errno = 0;
	check("libc.so's read-only pages cannot be made writable",
	      found && memcmp((void *)(uintptr_t)m.base, "\177ELF", 4) == 0 &&
		      mprotect((void *)(uintptr_t)m.base, 4096, PROT_READ | PROT_WRITE) == -1 &&
		      errno == EACCES);
}

int main(void)
{
	void *h = dlopen("libdyntest.so", RTLD_NOW);
	check("dlopen libdyntest.so", h != NULL);
	if (!h) {
		printf("dlmain: %s\n", dlerror());
		return 100;
	}
	int *constructed = dlsym(h, "dyntest_constructed");
	check("constructor ran once", constructed && *constructed == 1);
	int (*call)(int (*)(int), int) = (int (*)(int (*)(int), int))dlsym(h, "dyntest_call");
	check("call back into the program", call && call(triple, 5) == 2015);
	int *(*tls_addr)(void) = (int *(*)(void))dlsym(h, "dyntest_tls_addr");
	int (*bump)(int) = (int (*)(int))dlsym(h, "dyntest_bump_tls");
	int *tls = dlsym(h, "dyntest_tls");
	check("TLS symbols", tls_addr && bump && tls);
	if (tls_addr && bump && tls) {
		check("__thread starts at its initial value", *tls == 42);
		check("dlsym and the library agree on the TLS address", tls_addr() == tls);
		check("the library updates it", bump(8) == 50 && *tls == 50);
		pthread_t t;
		void *res = NULL;
		check("thread",
		      pthread_create(&t, NULL, thread_main, (void *)bump) == 0 &&
			      pthread_join(t, &res) == 0);
		check("another thread has its own copy", (long)res == 43 && *tls == 50);
	}
	check("dlsym of a missing symbol", dlsym(h, "no_such_symbol") == NULL);
	const char *err = dlerror();
	printf("dlmain: dlsym: %s\n", err ? err : "(no error)");
	check("dlerror names it", err && strstr(err, "symbol not found: no_such_symbol"));
	check("dlerror reports once", dlerror() == NULL);
	check("dlsym of the global scope", dlsym(RTLD_DEFAULT, "printf") == (void *)printf);
	check("a second dlopen finds it loaded",
	      dlopen("libdyntest.so", RTLD_NOW) == h && *constructed == 1);
	check("dlclose", dlclose(h) == 0 && dlclose(h) == 0);
	check("dlclose of a bad handle", dlclose((void *)&failures) == -1 && dlerror() != NULL);
	unload_and_reload();
	library_pages_are_read_only();
	refused("libmissing.so", "not found");
	refused("libbad-truncated.so", "past the end of the file");
	refused("libbad-reloc.so", "relocation target outside");
	refused("libbad-hash.so", "GNU hash");
	refused("libbad-strtab.so", "string table");
	printf("dlmain: %d failures\n", failures);
	return failures;
}
