// SPDX-License-Identifier: BSD-2-Clause
// A C program that does nothing, linked statically and dynamically, for
// `make bench`'s start-up cost (tests/user/bench_dyn.c): what remains is
// spawning, loading (and for the dynamic one, ld.so's linking), the C
// library's start-up and exit.
int main(void);

int main(void)
{
	return 0;
}
