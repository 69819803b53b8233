// SPDX-License-Identifier: BSD-2-Clause
// Calls into the SBI firmware (OpenSBI): the base extension to learn what is
// there, TIME for the timer, SRST for power-off, and the legacy (v0.1) calls
// as fallbacks and for the console before the UART is known.
#include "riscv.h"

static unsigned long spec_version;
static bool has_time;

struct sbiret sbi_call(unsigned long ext, unsigned long fid, unsigned long a0, unsigned long a1,
		       unsigned long a2)
{
	/* Calling convention (SBI spec, "Binary Encoding"): a7 extension,
	 * a6 function, a0..a5 arguments; a0 error and a1 value come back and
	 * every other register is preserved. */
	register unsigned long r_a0 __asm__("a0") = a0;
	register unsigned long r_a1 __asm__("a1") = a1;
	register unsigned long r_a2 __asm__("a2") = a2;
	register unsigned long r_a6 __asm__("a6") = fid;
	register unsigned long r_a7 __asm__("a7") = ext;
	__asm__ volatile("ecall"
			 : "+r"(r_a0), "+r"(r_a1)
			 : "r"(r_a2), "r"(r_a6), "r"(r_a7)
			 : "memory");
	return (struct sbiret){ (long)r_a0, (long)r_a1 };
}

/* Legacy calls take arguments in a0.. and return one value in a0. */
static long sbi_legacy(unsigned long ext, unsigned long a0)
{
	return sbi_call(ext, 0, a0, 0, 0).error;
}

void sbi_init(void)
{
	struct sbiret r = sbi_call(SBI_EXT_BASE, SBI_BASE_SPEC_VERSION, 0, 0, 0);
	if (r.error) {
		/* v0.1 firmware has no base extension: legacy calls only. */
		spec_version = 1;
		return;
	}
	spec_version = (unsigned long)r.value;
	has_time = sbi_has_ext(SBI_EXT_TIME);
}

bool sbi_has_ext(unsigned long ext)
{
	if (spec_version >> 24 == 0 && (spec_version & 0xffffff) < 2)
		return false;
	struct sbiret r = sbi_call(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, ext, 0, 0);
	return !r.error && r.value != 0;
}

unsigned long sbi_spec_version(void)
{
	return spec_version;
}

void sbi_set_timer(uint64_t deadline)
{
	/* Either call also clears a pending supervisor timer interrupt. */
	if (has_time)
		sbi_call(SBI_EXT_TIME, 0, deadline, 0, 0);
	else
		sbi_legacy(SBI_EXT_LEGACY_SET_TIMER, deadline);
}

void sbi_console_putc(char c)
{
	sbi_legacy(SBI_EXT_LEGACY_PUTCHAR, (unsigned char)c);
}

_Noreturn void sbi_shutdown(bool failed)
{
	/* SRST is tried even when the probe said no (or never ran, on an early
	 * failure): an unknown extension just returns an error. */
	sbi_call(SBI_EXT_SRST, 0, SBI_SRST_SHUTDOWN,
		 failed ? SBI_SRST_REASON_FAILURE : SBI_SRST_REASON_NONE, 0);
	sbi_legacy(SBI_EXT_LEGACY_SHUTDOWN, 0);
	for (;;)
		__asm__ volatile("wfi");
}

_Noreturn void sbi_reboot(void)
{
	/* Only SRST can reset; without it the machine stops instead. */
	sbi_call(SBI_EXT_SRST, 0, SBI_SRST_COLD_REBOOT, SBI_SRST_REASON_NONE, 0);
	sbi_shutdown(true);
}
