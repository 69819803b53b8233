// SPDX-License-Identifier: BSD-2-Clause
// svc: init's command-line client (idl/init.idl). It reaches init through
// the endpoint it was granted (VG_HTAG_INIT: a shell at the console passes
// it on), or as svc.init on the bus through its bus handle (VG_HTAG_BUS).
//
//   svc list                         every service: state, pid, uptime, restarts
//   svc status|why NAME              one service; why it is not running
//   svc start|stop|restart NAME
//   svc poweroff | reboot            the orderly end (services stopped first)
//
// Exit status: 0, 1 when init refused or could not be reached, 2 for usage.
#include <bus.h>
#include <init.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <vg/vg.h>

static const char *state_name(init_state_t s)
{
	static const char *const names[] = { "stopped", "running", "waiting",	 "exited",
					     "failed",	"invalid", "unstartable" };
	return s < sizeof(names) / sizeof(names[0]) ? names[s] : "?";
}

static const char *target_name(uint8_t t)
{
	static const char *const names[] = { "early", "drivers", "services", "multi-user" };
	return t < 4 ? names[t] : "?";
}

static const char *error_text(long st)
{
	switch (st) {
	case INIT_INIT_ERROR_NOT_FOUND: return "no such service";
	case INIT_INIT_ERROR_BAD_STATE: return "not in a state for that";
	case INIT_INIT_ERROR_NOT_STARTABLE: return "cannot start (see svc why)";
	case INIT_INIT_ERROR_FAILED: return "its program did not start (see svc why)";
	default: return "init could not be reached";
	}
}

static void show(const char *name, const struct init_service *s)
{
	/* The last end, a wait status: its exit code, or sigN (sigN/core)
	 * for a signal's end, so that exit(130) and SIGINT differ. */
	char last[24];
	int st = (int)s->last_exit;
	if (WIFSIGNALED(st))
		snprintf(last, sizeof(last), "sig%d%s", WTERMSIG(st), WCOREDUMP(st) ? "/core" : "");
	else
		snprintf(last, sizeof(last), "%d", WEXITSTATUS(st));
	printf("%-14s %-11s %-10s %6llu %7llu.%llus %8u %9s\n", name, state_name(s->state),
	       target_name(s->target), (unsigned long long)s->pid,
	       (unsigned long long)(s->uptime_ms / 1000),
	       (unsigned long long)(s->uptime_ms / 100 % 10), s->restarts, last);
}

static void header(void)
{
	printf("%-14s %-11s %-10s %6s %9s %8s %9s\n", "NAME", "STATE", "TARGET", "PID", "UPTIME",
	       "RESTARTS", "LAST-EXIT");
}

static int list(vg_handle_t ctl)
{
	char name[INIT_CONTROL_GET_NAME_MAX + 1];
	struct init_service s;
	uint32_t i = 0;
	long st;
	header();
	while ((st = init_control_get(ctl, i, name, &s)) == 0) {
		show(name, &s);
		i++;
	}
	return st == INIT_INIT_ERROR_NOT_FOUND && i > 0 ? 0 : 1;
}

static int one(vg_handle_t ctl, const char *cmd, const char *name)
{
	long st;
	if (!strcmp(cmd, "status")) {
		struct init_service s;
		if ((st = init_control_status(ctl, name, &s)) == 0) {
			header();
			show(name, &s);
		}
	} else if (!strcmp(cmd, "why")) {
		char why[INIT_CONTROL_WHY_TEXT_MAX + 1];
		if ((st = init_control_why(ctl, name, why)) == 0)
			printf("%s: %s\n", name, why[0] ? why : "nothing to report");
	} else if (!strcmp(cmd, "start")) {
		st = init_control_start(ctl, name);
	} else if (!strcmp(cmd, "stop")) {
		st = init_control_stop(ctl, name);
	} else if (!strcmp(cmd, "restart")) {
		st = init_control_restart(ctl, name);
	} else {
		return 2;
	}
	if (st)
		fprintf(stderr, "svc: %s %s: %s\n", cmd, name, error_text(st));
	return st ? 1 : 0;
}

int main(int argc, char **argv)
{
	/* Granted init's endpoint itself (a shell at the console passes it
	 * on), or a bus handle that may look it up. */
	vg_handle_t bus = vg_startup_find(VG_HTAG_BUS, 0), ctl = vg_startup_find(VG_HTAG_INIT, 0);
	int rc = 2;
	if (!ctl && (!bus || bus_names_lookup(bus, "svc.init", &ctl))) {
		fprintf(stderr, "svc: no handle to init (granted, or svc.init on the bus)\n");
		return 1;
	}
	if (argc == 2 && !strcmp(argv[1], "list"))
		rc = list(ctl);
	else if (argc == 2 && (!strcmp(argv[1], "poweroff") || !strcmp(argv[1], "reboot")))
		rc = init_control_poweroff(ctl, argv[1][0] == 'r') ? 1 : 0;
	else if (argc == 3)
		rc = one(ctl, argv[1], argv[2]);
	if (rc == 2)
		fprintf(stderr,
			"usage: svc list | status|why|start|stop|restart NAME | "
			"poweroff | reboot\n");
	return rc;
}
