// SPDX-License-Identifier: BSD-2-Clause
// A sample with thread-local storage for test_elf: initialized (.tdata),
// zeroed (.tbss) and over-aligned variables, so that PT_TLS has a file part,
// a larger memory size and an alignment above the word size.
__thread int tls_counter = 7;
__thread char tls_buffer[100];
__thread long tls_aligned __attribute__((aligned(64))) = 1;
int sink;

void _start(void);
void _start(void)
{
	tls_buffer[3] = (char)tls_counter;
	sink = tls_buffer[3] + (int)tls_aligned;
	for (;;)
		__asm__ volatile("");
}
