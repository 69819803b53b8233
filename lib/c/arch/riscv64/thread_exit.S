/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The last steps of a thread whose stack and TLS may vanish under it: only
 * registers from the first instruction on. See x86_64/thread_exit.S for
 * the contract.
 */
	.text
	.globl	__libc_exit_and_wake
	.type	__libc_exit_and_wake, @function
__libc_exit_and_wake:
	fence	rw, w
	sw	a1, 0(a0)
	li	a1, 0x7fffffff
	li	a7, 25			/* futex_wake(word, count) */
	ecall
	li	a0, 0
	li	a7, 6			/* thread_exit(0) */
	ecall
	unimp
	.size	__libc_exit_and_wake, . - __libc_exit_and_wake

	.section .note.GNU-stack, "", @progbits
