// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/panic.h>

#define BACKTRACE_MAX 32

void backtrace_print(uintptr_t pc, uintptr_t fp)
{
	kprintf("backtrace:\n  #0 %#lx\n", (unsigned long)pc);
	for (int depth = 1; depth < BACKTRACE_MAX && fp; depth++) {
		uint64_t ret, prev;
		/* Probed reads: a corrupt frame chain ends the trace, not the machine. */
		if ((fp & 7) || arch_probe_read64((void *)(fp + FRAME_RET_OFF), &ret) ||
		    arch_probe_read64((void *)(fp + FRAME_PREV_OFF), &prev) || !ret)
			break;
		kprintf("  #%d %#lx\n", depth, (unsigned long)ret);
		if (prev <= fp) /* frames grow upwards as we unwind; anything else is garbage */
			break;
		fp = (uintptr_t)prev;
	}
}

static void panic_message(const char *fmt, va_list ap)
{
	arch_irq_disable();
	log_panic_takeover();
	kprintf("\nPANIC: ");
	vkprintf(fmt, ap);
	kprintf("\n");
}

static _Noreturn void panic_finish(uintptr_t pc, uintptr_t fp)
{
	backtrace_print(pc, fp);
	kprintf("PANIC-END\n");
	arch_poweroff(1);
}

_Noreturn void panic(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	panic_message(fmt, ap);
	va_end(ap);
	/* Start at our caller: its pc is our return address, its frame the one
	 * our frame points back to. */
	uint64_t caller_fp = 0;
	arch_probe_read64((char *)__builtin_frame_address(0) + FRAME_PREV_OFF, &caller_fp);
	panic_finish((uintptr_t)__builtin_return_address(0), (uintptr_t)caller_fp);
}

_Noreturn void panic_at(uintptr_t pc, uintptr_t fp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	panic_message(fmt, ap);
	va_end(ap);
	panic_finish(pc, fp);
}
