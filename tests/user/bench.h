/* SPDX-License-Identifier: BSD-2-Clause */
/* Microbenchmarks run by the root task for `make bench` (tools/bench.py). */
#ifndef BENCH_H
#define BENCH_H

#include <vg/vg.h>

/* Runs every benchmark, one line each:
 *   BENCH <name> median_ns=<n> samples=<s> batch=<b>
 * Under -icount shift=0 a nanosecond is one guest instruction. */
void run_benchmarks(void);
/* Times op(batch) 15 times and prints the median per operation
 * (bench_report.c). */
void bench_report(const char *name, void (*op)(int batch), int batch);
/* Generated stubs, the event-loop server and the bus (bench_ipc.c). */
void run_ipc_benchmarks(void);
/* Files through the VFS (bench_vfs.c). */
void run_vfs_benchmarks(void);
/* Pipes: round trips to a thread and to a process (bench_pipe.c). */
void run_pipe_benchmarks(void);
/* Start-up of a static and a dynamic C program (bench_dyn.c). */
void run_dyn_benchmarks(void);
/* fork, exec, posix_spawn and wait through the process server, run by
 * bin/proc_bench, a small program as the Linux peer's is (bench_proc.c). */
void run_proc_benchmarks(void);

#endif
