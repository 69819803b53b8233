/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The last steps of a thread whose stack and TLS may vanish under it: only
 * registers from the first instruction on. See x86_64/thread_exit.S for
 * the contract.
 */
	.text
	.globl	__libc_exit_and_wake
	.type	__libc_exit_and_wake, %function
__libc_exit_and_wake:
	stlr	w1, [x0]
	mov	w1, #0x7fffffff
	mov	x8, #25			/* futex_wake(word, count) */
	svc	#0
	mov	x0, #0
	mov	x8, #6			/* thread_exit(0) */
	svc	#0
	udf	#0
	.size	__libc_exit_and_wake, . - __libc_exit_and_wake

	.section .note.GNU-stack, "", %progbits
