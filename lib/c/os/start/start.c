// SPDX-License-Identifier: BSD-2-Clause
// Start-up of programs linked with the C library, entered from crt1.S with
// the root task's start arguments (arg0: the log handle, arg1: a struct
// vg_startup *). libvg records them and gives this first thread its control
// block and TLS block (errno and the rest of the library's thread-local
// state live there); then the constructors run (.preinit_array, then
// .init_array) and main(argc, argv, envp), whose value goes to exit().
//
// There is no process server yet to pass arguments or an environment:
// argv is { "main", NULL } and the environment is empty.
#include <stdint.h>
#include <stdlib.h>
#include <vg/vg.h>

int main(int argc, char **argv, char **envp);
_Noreturn void __libc_start(uint64_t arg0, uint64_t arg1);

extern void (*const __preinit_array_start[])(void) __attribute__((weak));
extern void (*const __preinit_array_end[])(void) __attribute__((weak));
extern void (*const __init_array_start[])(void) __attribute__((weak));
extern void (*const __init_array_end[])(void) __attribute__((weak));

static char arg0_name[] = "main";
static char *start_argv[] = { arg0_name, NULL };
static char *start_envp[] = { NULL };
char **environ = start_envp;

_Noreturn void __libc_start(uint64_t arg0, uint64_t arg1)
{
	vg_runtime_init(arg0, arg1);
	for (void (*const *f)(void) = __preinit_array_start; f < __preinit_array_end; f++)
		(*f)();
	for (void (*const *f)(void) = __init_array_start; f < __init_array_end; f++)
		(*f)();
	exit(main(1, start_argv, environ));
}

char *getenv(const char *name)
{
	for (char **e = environ; *e; e++) {
		const char *a = name, *b = *e;
		while (*a && *a == *b)
			a++, b++;
		if (!*a && *b == '=')
			return (char *)b + 1;
	}
	return NULL;
}
