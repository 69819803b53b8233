/* SPDX-License-Identifier: BSD-2-Clause */
/* Microbenchmarks run by the root task for `make bench` (tools/bench.py). */
#ifndef BENCH_H
#define BENCH_H

#include <vg/vg.h>

/* Runs every benchmark, one line each:
 *   BENCH <name> median_ns=<n> samples=<s> batch=<b>
 * Under -icount shift=0 a nanosecond is one guest instruction. */
void run_benchmarks(vg_handle_t self);

/* From init.c: a child process running a copy of the program whose thread
 * serves ep_to_give (moved into it), replying tag + 1; tag 0 ends it. */
long spawn_child(vg_handle_t ep_to_give, vg_handle_t *child_out);

#endif
