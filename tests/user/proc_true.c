// SPDX-License-Identifier: BSD-2-Clause
// The smallest program: exits 0 (the process benchmarks exec it, as the
// Linux peer execs a static `true`).
int main(void);

int main(void)
{
	return 0;
}
