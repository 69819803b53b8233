/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The last steps of a thread whose stack and TLS may vanish under it: only
 * registers are used from the first instruction on (system call numbers
 * checked against abi/verdigris/syscalls.def in lib/c/os/thread/pthread.c).
 *
 * __libc_exit_and_wake(uint32_t *word, uint32_t value): *word = value,
 * futex_wake(word, all), thread_exit(0). Once the store is seen, a joiner
 * may reuse or unmap the memory holding word and the stack.
 */
	.text
	.globl	__libc_exit_and_wake
	.type	__libc_exit_and_wake, @function
__libc_exit_and_wake:
	movl	%esi, (%rdi)
	movl	$0x7fffffff, %esi
	movl	$25, %eax		/* futex_wake(word, count) */
	syscall
	xorl	%edi, %edi
	movl	$6, %eax		/* thread_exit(0) */
	syscall
	ud2
	.size	__libc_exit_and_wake, . - __libc_exit_and_wake

	.section .note.GNU-stack, "", @progbits
