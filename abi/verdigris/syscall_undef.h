/* SPDX-License-Identifier: BSD-2-Clause */
/* Ends an expansion of syscalls.def. */
#undef SYSCALL0
#undef SYSCALL1
#undef SYSCALL2
#undef SYSCALL3
#undef SYSCALL4
#undef SYSCALL5
#undef SYSCALL6
