// SPDX-License-Identifier: BSD-2-Clause
// A freestanding sample program for test_elf and fuzz_elf: code, read-only
// data, initialized data, a bss of several pages and a function pointer
// (a relocation in the position-independent variants), so that the linker
// emits the usual set of segments. It is parsed, never run.
static const char greeting[] = "hello from a test_elf sample";
int counter = 42;
char scratch[3 * 4096 + 123];
static int (*volatile dispatch)(int);

static int twice(int x)
{
	return 2 * x;
}

void _start(void);
void _start(void)
{
	dispatch = twice;
	for (unsigned i = 0; i < sizeof(greeting); i++)
		scratch[i * 97 % sizeof(scratch)] = greeting[i];
	counter = dispatch(counter);
	for (;;)
		__asm__ volatile("");
}
