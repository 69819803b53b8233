// SPDX-License-Identifier: BSD-2-Clause
// A program without the C library (libvg only): it never registers an
// interruption entry, so signals reach it only as the process server's
// default actions. t_sigexec.c starts it with a signal state, which has
// the kernel hold its signals (docs/ARCHITECTURE.md section 15): it spins
// without waiting until its VG_HTAG_USER notification has a bit (signals
// sent meanwhile are held), then sleeps - its first wait, where the hold
// ends - and exits 7 unless a signal ended it.
#include <verdigris/errors.h>
#include <vg/vg.h>

int main(void);

int main(void)
{
	vg_handle_t go = vg_startup_find(VG_HTAG_USER, 0);
	if (go == VG_HANDLE_INVALID)
		return 1;
	/* A deadline already past: a look, not a wait. */
	while (vg_notification_wait(go, 0) == ERR_TIMED_OUT)
		;
	vg_thread_sleep_until(vg_clock_monotonic() + 2000000000ull);
	return 7;
}
