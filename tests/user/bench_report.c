// SPDX-License-Identifier: BSD-2-Clause
// Timing one benchmark: `batch` operations per sample with the monotonic
// clock, the median of the samples reported (bench.h). Shared by the root
// task's benchmarks and bin/proc_bench.
#include "bench.h"

#define SAMPLES 15

static void sort(long *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
			long t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

void bench_report(const char *name, void (*op)(int batch), int batch)
{
	long per_op[SAMPLES];
	op(batch); /* warm up: page faults, first-time paths */
	for (int s = 0; s < SAMPLES; s++) {
		long t0 = vg_clock_monotonic();
		op(batch);
		per_op[s] = (vg_clock_monotonic() - t0) / batch;
	}
	sort(per_op, SAMPLES);
	vg_printf("BENCH %s median_ns=%ld samples=%d batch=%d\n", name, per_op[SAMPLES / 2],
		  SAMPLES, batch);
}
