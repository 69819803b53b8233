/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Service definitions (docs/ARCHITECTURE.md, section 19): one text file per
 * service under /etc/services, named after the service, "key = value" per
 * line. The parser is pure (no allocation, no system calls) so that the
 * host tests and a fuzzer run it; everything has a fixed maximum, and
 * anything over it is an error with the line it is on.
 */
#ifndef INIT_SVCDEF_H
#define INIT_SVCDEF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SVC_NAME_MAX 31 /* characters of a service name */
#define SVC_USER_NAME_MAX 31 /* of a user or group name */
#define SVC_TEXT_MAX 63 /* of a path, an argument, a bus name, a user */
#define SVC_ENV_MAX 95 /* of one NAME=value */
#define SVC_ARGS_MAX 8
#define SVC_ENVS_MAX 8
#define SVC_REFS_MAX 16 /* references to other services */
#define SVC_GRANTS_MAX 8
#define SVC_LIMITS_MAX 6
#define SVC_LINE_MAX 255 /* of one line, without its newline */
#define SVC_FILE_MAX 8192

/* Boot targets, started in this order. */
enum svc_target {
	SVC_TARGET_EARLY,
	SVC_TARGET_DRIVERS,
	SVC_TARGET_SERVICES,
	SVC_TARGET_MULTI_USER
};
#define SVC_TARGETS 4

enum svc_restart { SVC_RESTART_NEVER, SVC_RESTART_ON_FAILURE, SVC_RESTART_ALWAYS };

/* What a startup handle is for: the VG_HTAG_* it is given under. */
enum svc_tag {
	SVC_TAG_NONE,
	SVC_TAG_SERVER_EP,
	SVC_TAG_PROC,
	SVC_TAG_USER,
	SVC_TAG_BUS,
	SVC_TAG_FS_ROOT,
	SVC_TAG_FS_CWD,
	SVC_TAG_RESOURCE, /* init's root resource: a driver's devices */
	SVC_TAG_INIT, /* init's own control endpoint (idl/init.idl): svc */
	SVC_TAG_KILL /* no handle: the process server's kill right (via only) */
};

enum svc_limit {
	SVC_LIMIT_MEMORY,
	SVC_LIMIT_HANDLES,
	SVC_LIMIT_THREADS,
	SVC_LIMIT_PROCESSES,
	SVC_LIMIT_CPU,
	SVC_LIMIT_FILES /* open descriptors: RLIMIT_NOFILE */
};

/* A reference to another service, with the line it was made on. Hard ones
 * (requires, and what grant and mount name) must exist and start
 * first; soft ones (after) only order the start when both are there. */
struct svc_ref {
	char name[SVC_NAME_MAX + 1];
	uint16_t line;
	bool hard;
};

/* A handle the service is given at start: the endpoint of service
 * refs[ref] under tag/arg; for SVC_TAG_BUS a grant on the bus (ref is the
 * bus service) to add names under add and look up names under look; for
 * SVC_TAG_RESOURCE (no ref) init's root resource; for SVC_TAG_INIT (no
 * ref) init's control endpoint; for SVC_TAG_KILL the kill right of the
 * process server refs[ref], which must be the service's `via`. */
struct svc_grant {
	uint8_t tag; /* enum svc_tag */
	uint32_t arg;
	uint8_t ref;
	char add[SVC_TEXT_MAX + 1], look[SVC_TEXT_MAX + 1];
};

struct svcdef {
	char name[SVC_NAME_MAX + 1];
	char description[SVC_TEXT_MAX + 1];
	char program[SVC_TEXT_MAX + 1];
	char args[SVC_ARGS_MAX][SVC_TEXT_MAX + 1];
	uint8_t nargs;
	char env[SVC_ENVS_MAX][SVC_ENV_MAX + 1];
	uint8_t nenv;
	/* user = uid[:gid]: the ids of the VFS handles it is granted (real,
	 * effective and saved); without it, init's (root). Either may be a
	 * name, kept here until srv/init/users.c finds its number in
	 * /etc/passwd (/etc/group); without a group, a named user's is its
	 * login group. */
	bool has_user;
	uint32_t uid, gid;
	char user_name[SVC_USER_NAME_MAX + 1], group_name[SVC_USER_NAME_MAX + 1];
	uint8_t target; /* enum svc_target */
	bool manual; /* start = manual: only through `svc start` */
	uint8_t restart; /* enum svc_restart */
	uint32_t delay_ms, delay_max_ms; /* restart backoff: first, cap (doubling) */
	uint32_t limit_count, limit_window_ms; /* at most count restarts per window */
	struct {
		uint8_t kind; /* enum svc_limit */
		uint16_t line; /* where it was given */
		uint64_t value; /* bytes, a count, or CPU seconds */
	} limits[SVC_LIMITS_MAX];
	uint8_t nlimits;
	/* The endpoint init makes for the service to serve, and the tag it is
	 * handed over under (SVC_TAG_NONE: the service serves nothing). */
	uint8_t serve; /* enum svc_tag */
	uint32_t serve_arg;
	char bus_name[SVC_TEXT_MAX + 1]; /* register: its endpoint's name on the bus */
	struct svc_grant grants[SVC_GRANTS_MAX];
	uint8_t ngrants;
	/* mount: init mounts its endpoint there (in the VFS service
	 * refs[fs_ref]) after starting it. Device servers announce their
	 * devices to the device manager themselves (srv/devmgr). */
	bool has_fs;
	uint8_t fs_ref;
	char mount[SVC_TEXT_MAX + 1];
	struct svc_ref refs[SVC_REFS_MAX];
	uint8_t nrefs;
	bool poweroff_on_exit; /* exit = poweroff: its end ends the system */
	/* via = S: started through the process server S (a pid of its own)
	 * instead of by init directly. */
	bool via_proc;
	uint8_t via_ref;
	/* Stopping (svc stop, poweroff, reboot): a service with a pid (every
	 * one once the process server runs, but that server itself) gets
	 * stop_signal, then SIGKILL when it has not ended within
	 * stop_timeout_ms; one without is killed at once. */
	uint32_t stop_timeout_ms;
	uint8_t stop_signal;
};

struct svc_error {
	unsigned line; /* 0: the file as a whole */
	char msg[96];
};

/* Whether name is a valid service name ([a-z0-9._-], 1 to SVC_NAME_MAX). */
bool svc_name_valid(const char *name, size_t len);

/* Parses text (len bytes, not NUL-terminated) as the definition of
 * service name. 0 and *out filled, or -1 and *err saying where and why. */
int svcdef_parse(const char *name, const char *text, size_t len, struct svcdef *out,
		 struct svc_error *err);

const char *svc_target_name(unsigned target);

#endif
