/* SPDX-License-Identifier: BSD-2-Clause */
/* The root task's process server (srv/proc), for the tests and benchmarks. */
#ifndef PROC_SERVER_H
#define PROC_SERVER_H

#include <vg/vg.h>

/* Starts bin/proc the first time (the root task becomes pid 1, holding
 * the server's unbadged handle, which the C library then uses); our
 * handle to it, or 0 when it could not be started. */
vg_handle_t proc_server(void);
/* The process server's process (for its memory), 0 before proc_server. */
vg_handle_t proc_server_process(void);

#endif
