// SPDX-License-Identifier: BSD-2-Clause
// The generic half of boot: memory, heap, devices, time, then the banner.
#include <kernel/bootinfo.h>
#include <kernel/hal.h>
#include <kernel/heap.h>
#include <kernel/ktest.h>
#include <kernel/log.h>
#include <kernel/pmm.h>
#include <kernel/process.h>
#include <kernel/roottask.h>
#include <kernel/thread.h>
#include <kernel/time.h>
#include <kernel/version.h>
#include <kernel/vm.h>
#include <kernel/watchdog.h>

static uint64_t ram_bytes(const struct boot_info *bi)
{
	uint64_t total = 0;
	for (size_t i = 0; i < bi->n_ram; i++)
		total += bi->ram[i].end - bi->ram[i].start;
	return total;
}

static const struct boot_info *boot;

const struct boot_info *kernel_boot_info(void)
{
	return boot;
}

_Noreturn void kernel_main(struct boot_info *bi)
{
	boot = bi;
	pr_info("Verdigris %s starting on %s (boot protocol %s)\n", VERDIGRIS_VERSION, ARCH_NAME,
		bi->boot_protocol ? bi->boot_protocol : "?");
	if (bi->cmdline[0])
		pr_info("command line: %s\n", bi->cmdline);
	pmm_init(bi);
	vm_init(bi);
	kheap_init();
	arch_late_init(bi);
	sched_init();
	time_init(arch_counter_freq());
	arch_timer_start(TICK_HZ);
	arch_irq_enable();

	uint64_t freq = arch_counter_freq();
	uint64_t boot_ms = time_ns() / 1000000;
	kprintf("Verdigris %s | arch %s | cpu %s | RAM %llu MiB | timer %llu.%03llu MHz | "
		"boot %llu ms\n",
		VERDIGRIS_VERSION, ARCH_NAME, bi->cpu_model[0] ? bi->cpu_model : "unknown",
		(unsigned long long)(ram_bytes(bi) >> 20), (unsigned long long)(freq / 1000000),
		(unsigned long long)(freq / 1000 % 1000), (unsigned long long)boot_ms);
	if (bi->initrd_end > bi->initrd_start)
		pr_info("initrd: %llu bytes at %#llx\n",
			(unsigned long long)(bi->initrd_end - bi->initrd_start),
			(unsigned long long)bi->initrd_start);

	bool testing = bootinfo_has_arg(bi, "ktest");
	bool benchmarking = bootinfo_has_arg(bi, "bench");
	int failed = testing ? ktest_run_all() : 0;
	if (bootinfo_has_arg(bi, "crashtest")) {
		/* The test suite checks that a kernel fault is reported and fails
		 * the run: write to an address nothing maps. */
		kprintf("crashtest: writing to an unmapped kernel address\n");
		*(volatile uint64_t *)(uintptr_t)(MMIO_BASE + MMIO_SIZE - PAGE_SIZE) = 1;
	}

	struct process *init = roottask_start(bi);
	if (testing) {
		watchdog_start();
		/* The root task runs the user-mode tests (arg1 = 1) and exits with
		 * their verdict; its own result is one more test line. */
		long code = init ? process_wait(init) : -1;
		kprintf("KTEST-PLAN 1\nKTEST roottask_ran_and_exited_0: %s (exit %ld)\n",
			code == 0 ? "PASS" : "FAIL", code);
		arch_poweroff(failed || code != 0);
	}
	if (benchmarking) /* the root task measures, then the machine goes off */
		arch_poweroff(!init || process_wait(init) != 0);
	if (init)
		kobject_unref(&init->obj);
	thread_exit(); /* the boot thread is done; the root task carries on */
}
