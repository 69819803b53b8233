/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * AT_HWCAP and AT_HWCAP2 against what the CPU says or does (auxcheck.c):
 * x86_64, CPUID leaf 1's EDX, read here in user mode; AArch64, the FP and
 * AdvSIMD the program was compiled to use, and for CRC32 and LSE atomics
 * whether their instructions run or trap (SIGILL) exactly as the bits
 * say; RISC-V, exactly the extensions the program was compiled for
 * (rv64gc: I, M, A, F, D, C, every one Linux reports but V).
 */
#ifndef AUXHWCAP_H
#define AUXHWCAP_H

#if defined(__x86_64__)
#include <cpuid.h>

static int hwcap_check(void)
{
	unsigned a, b, c, d;
	EXPECT(__get_cpuid(1, &a, &b, &c, &d));
	EXPECT(given(AT_HWCAP) == d);
	EXPECT(given(AT_HWCAP2) == 0);
	return 0;
}

#elif defined(__aarch64__)
#include <setjmp.h>
#include <signal.h>

#define HWCAP_FP (1ul << 0)
#define HWCAP_ASIMD (1ul << 1)
#define HWCAP_CRC32 (1ul << 7)
#define HWCAP_ATOMICS (1ul << 8)

static sigjmp_buf probe_env;
static volatile uint32_t probe_sink;

static void on_sigill(int sig)
{
	(void)sig;
	siglongjmp(probe_env, 1);
}

__attribute__((target("crc"))) static void use_crc32(void)
{
	probe_sink = __builtin_arm_crc32b(probe_sink, 1);
}

__attribute__((target("lse"))) static void use_lse(void)
{
	__atomic_fetch_add(&probe_sink, 1, __ATOMIC_SEQ_CST);
}

/* Whether fn runs without an undefined-instruction trap. */
static bool runs(void (*fn)(void))
{
	struct sigaction a = { .sa_handler = on_sigill }, old;
	sigemptyset(&a.sa_mask);
	sigaction(SIGILL, &a, &old);
	volatile bool ok = false;
	if (!sigsetjmp(probe_env, 1)) {
		fn();
		ok = true;
	}
	sigaction(SIGILL, &old, NULL);
	return ok;
}

static int hwcap_check(void)
{
	unsigned long hw = given(AT_HWCAP);
	EXPECT(hw != (unsigned long)-1 &&
	       (hw & (HWCAP_FP | HWCAP_ASIMD)) == (HWCAP_FP | HWCAP_ASIMD));
	EXPECT(!!(hw & HWCAP_CRC32) == runs(use_crc32));
	EXPECT(!!(hw & HWCAP_ATOMICS) == runs(use_lse));
	EXPECT(given(AT_HWCAP2) != (unsigned long)-1);
	return 0;
}

#elif defined(__riscv)
static int hwcap_check(void)
{
#define BIT(letter) (1ul << ((letter) - 'a'))
	unsigned long want = BIT('i') | BIT('m') | BIT('a') | BIT('c');
#if __riscv_flen >= 64
	want |= BIT('f') | BIT('d');
#endif
#if !defined(__riscv_mul) || !defined(__riscv_atomic) || !defined(__riscv_compressed)
#error "the test expects rv64gc"
#endif
	EXPECT(given(AT_HWCAP) == want);
	EXPECT(absent(AT_HWCAP2));
	return 0;
#undef BIT
}
#endif

#endif
