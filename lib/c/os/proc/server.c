// SPDX-License-Identifier: BSD-2-Clause
// The process server's endpoint, and what its errors mean in errno.
#include <errno.h>
#include <proc.h> /* generated from idl/proc.idl */
#include <vg/vg.h>

#include "../internal/proc.h"

static vg_handle_t set_ep;

void __libc_proc_set_endpoint(vg_handle_t ep)
{
	set_ep = ep;
	__libc_proc_hook_signals();
}

void __libc_proc_forked(vg_handle_t ep, int32_t pid)
{
	set_ep = ep;
	__libc_ids_forked(pid);
	__libc_wait_forked();
	__libc_proc_hook_signals();
}

vg_handle_t __libc_proc_ep(void)
{
	return set_ep ? set_ep : vg_startup_find(VG_HTAG_PROC, 0);
}

static int errno_of(long st)
{
	switch (st) {
	case PROC_PROC_ERROR_NO_CHILD: return ECHILD;
	case PROC_PROC_ERROR_NO_PROCESS: return ESRCH;
	case PROC_PROC_ERROR_DENIED: return EPERM;
	case PROC_PROC_ERROR_NOT_FOUND: return ENOENT;
	case PROC_PROC_ERROR_BAD_IMAGE: return ENOEXEC;
	case PROC_PROC_ERROR_AGAIN:
	case PROC_PROC_ERROR_FULL: return EAGAIN;
	case PROC_PROC_ERROR_INVALID: return EINVAL;
	case PROC_PROC_ERROR_TOO_BIG: return E2BIG;
	case PROC_PROC_ERROR_NOT_PRIVILEGED: return EACCES;
	case ERR_NO_MEMORY: return ENOMEM;
	case ERR_BAD_HANDLE: return ENOSYS; /* no process server */
	default: return EIO;
	}
}

int __libc_proc_fail(long st)
{
	errno = errno_of(st);
	return -1;
}
