/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A fake of lib/async's asynchronous calls and futures (async_call_start,
 * async_future_*) for host tests: calls wait in a queue until
 * async_fake_run carries out the next one, through the loopback transport,
 * and resolves its future.
 */
#ifndef ASYNC_FAKE_H
#define ASYNC_FAKE_H

#include <stdbool.h>

/* Carries out the oldest queued call; false if none was queued. */
bool async_fake_run(void);
/* Calls queued and not yet carried out. */
int async_fake_pending(void);

#endif
