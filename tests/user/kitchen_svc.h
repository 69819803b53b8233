/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kitchen test service (tests/idl/kitchen.idl: every parameter kind),
 * for the in-OS tests and the benchmarks. Each method answers with a
 * transformation of its inputs that kitchen_svc.c documents, so a test can
 * tell a real answer from an echo.
 */
#ifndef KITCHEN_SVC_H
#define KITCHEN_SVC_H

#include <kitchen.h>

extern const struct kitchen_test_ops kitchen_svc_ops;
/* The sum of the `what` of every poke event received in this process
 * (served by kitchen_svc_serve or kitchen_svc_ops). */
extern volatile uint64_t kitchen_svc_pokes;

/* Serves ep from an event loop (lib/async) until the endpoint goes away
 * (bin/kitchen, tests/user/kitchen.c, runs it in a process of its own). */
long kitchen_svc_serve(vg_handle_t ep);

#endif
