// SPDX-License-Identifier: BSD-2-Clause
// The bus (bin/bus) in a process of its own: names and who may use them, a
// server killed and its name withdrawn, waiting for a name, broadcast.
#include "../../../srv/bus/client.h"
#include "../kitchen_svc.h"
#include "../utest.h"

/* The bus (bin/bus) in a process of its own; *admin: its unbadged handle. */
static long start_bus(vg_handle_t *admin, vg_handle_t *child)
{
	vg_handle_t ep;
	long st = vg_endpoint_create(&ep);
	if (!st)
		st = vg_handle_duplicate(ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, admin);
	if (!st)
		st = spawn_server("bin/bus", ep, child);
	return st;
}

static void stop(vg_handle_t child)
{
	vg_process_kill(child, 0);
	vg_handle_close(child);
}

/* A grant for a process: add and look up under the prefixes given. */
static long grant(vg_handle_t admin, const char *add, const char *look, vg_handle_t process,
		  vg_handle_t *client)
{
	vg_handle_t owner;
	long st = vg_handle_duplicate(process, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, &owner);
	return st ? st : bus_admin_grant(admin, add, look, owner, client);
}

/* Fetches one message as a string (NUL added); its status. */
static long fetch_text(vg_handle_t bus, uint32_t sub, char *text, uint32_t *dropped)
{
	size_t len;
	uint32_t left;
	long st = bus_names_fetch(bus, sub, text, &len, dropped, &left);
	text[st == 0 ? len : 0] = 0;
	return st;
}

UTEST(bus_names_rights_and_a_killed_server_withdrawn)
{
	vg_handle_t admin, bus_proc;
	CHECK_EQ(start_bus(&admin, &bus_proc), 0);
	/* Announcements of names, to the administrator. */
	vg_handle_t note, theirs;
	uint32_t sub;
	CHECK_EQ(vg_notification_create(&note), 0);
	CHECK_EQ(vg_handle_duplicate(note, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &theirs), 0);
	CHECK_EQ(bus_names_subscribe(admin, "bus.names", theirs, &sub), 0);

	/* The kitchen service (bin/kitchen) given a grant that covers svc.*
	 * and whose owner is its process: it adds itself as svc.kitchen. */
	vg_handle_t child, srv, client, kitchen;
	CHECK_EQ(vg_endpoint_create(&srv), 0);
	CHECK_EQ(vg_handle_duplicate(srv, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &kitchen), 0);
	CHECK_EQ(spawn_server("bin/kitchen", srv, &child), 0);
	CHECK_EQ(grant(admin, "svc.", "svc.", child, &client), 0);
	CHECK_EQ(kitchen_test_join(kitchen, client), 0);
	vg_handle_close(kitchen);
	vg_handle_t kep;
	CHECK_EQ(bus_wait_name(admin, "svc.kitchen", (uint64_t)vg_clock_monotonic() + 2000000000,
			       &kep),
		 0);
	uint8_t a;
	uint16_t b;
	uint32_t c;
	uint64_t d;
	int8_t e;
	int16_t f;
	int32_t g;
	int64_t h;
	CHECK_EQ(kitchen_test_ints(kep, 9, 0, 0, 0, 0, 0, 0, 0, &a, &b, &c, &d, &e, &f, &g, &h), 0);
	CHECK_EQ(a, 10);
	char list[BUS_NAMES_LIST_NAMES_MAX + 1];
	uint32_t count;
	bool more;
	CHECK_EQ(bus_names_list(admin, "svc.", 0, list, &count, &more), 0);
	CHECK(count == 1 && !more && strcmp(list, "svc.kitchen\n") == 0);

	/* A client confined to app.*: it neither sees nor takes svc.*. */
	vg_handle_t app, ep, weak, holder;
	CHECK_EQ(vg_process_create(&holder), 0); /* an owner that lives on */
	CHECK_EQ(grant(admin, "app.", "app.", holder, &app), 0);
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	vg_handle_t dups[4];
	for (int i = 0; i < 4; i++)
		CHECK_EQ(vg_handle_duplicate(
				 ep, VG_RIGHT_SIGNAL | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER,
				 &dups[i]),
			 0);
	vg_handle_t none;
	CHECK_EQ(bus_names_lookup(app, "svc.kitchen", &none), BUS_BUS_ERROR_DENIED);
	CHECK_EQ(bus_names_add(app, "svc.evil", dups[0]), BUS_BUS_ERROR_DENIED);
	CHECK_EQ(bus_names_add(app, "app.one", dups[1]), 0);
	CHECK_EQ(bus_names_add(app, "app.one", dups[2]), BUS_BUS_ERROR_EXISTS);
	CHECK_EQ(bus_names_add(app, "app.Bad", dups[3]), BUS_BUS_ERROR_BAD_NAME);
	CHECK_EQ(bus_names_list(app, "", 0, list, &count, &more), 0);
	CHECK(count == 1 && strcmp(list, "app.one\n") == 0);
	CHECK_EQ(bus_names_list(admin, "", 1, list, &count, &more), 0); /* skip one */
	CHECK(count == 1 && strcmp(list, "svc.kitchen\n") == 0);
	/* Only the administrator grants. */
	vg_handle_t owner;
	CHECK_EQ(vg_handle_duplicate(holder, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, &owner), 0);
	CHECK_EQ(bus_admin_grant(app, "", "", owner, &none), ERR_ACCESS_DENIED);
	/* An endpoint handle without the rights the bus needs is refused by
	 * the dispatcher; the bus goes on serving. */
	CHECK_EQ(vg_handle_duplicate(ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &weak), 0);
	CHECK_EQ(bus_names_add(app, "app.two", weak), ERR_ACCESS_DENIED);
	CHECK_EQ(bus_names_lookup(app, "app.one", &none), 0);
	vg_handle_close(none);

	/* The announcements so far: +svc.kitchen, +app.one. */
	char text[BUS_NAMES_FETCH_DATA_MAX + 1];
	uint32_t dropped;
	CHECK_EQ(fetch_text(admin, sub, text, &dropped), 0);
	CHECK_EQ(strcmp(text, "+svc.kitchen"), 0);
	CHECK_EQ(fetch_text(admin, sub, text, &dropped), 0);
	CHECK_EQ(strcmp(text, "+app.one"), 0);
	CHECK_EQ(fetch_text(admin, sub, text, &dropped), BUS_BUS_ERROR_EMPTY);
	vg_notification_wait(note, 0); /* clear */

	/* Kill the server: its name goes, and is announced. */
	CHECK_EQ(vg_process_kill(child, 9), 0);
	CHECK(vg_notification_wait(note, (uint64_t)vg_clock_monotonic() + 2000000000) >= 0);
	CHECK_EQ(fetch_text(admin, sub, text, &dropped), 0);
	CHECK_EQ(strcmp(text, "-svc.kitchen"), 0);
	CHECK_EQ(bus_names_lookup(admin, "svc.kitchen", &none), BUS_BUS_ERROR_NOT_FOUND);
	CHECK_EQ(bus_names_lookup(app, "app.one", &none), 0); /* others stay */
	vg_handle_close(none);
	/* The dead process's badge no longer works. */
	vg_handle_close(kep);
	vg_handle_close(child);
	vg_handle_close(ep);
	vg_handle_close(app);
	vg_handle_close(holder);
	vg_handle_close(admin);
	vg_handle_close(note);
	stop(bus_proc);
}

static vg_handle_t late_admin, late_ep;

static void add_later(uint64_t unused)
{
	(void)unused;
	vg_thread_sleep_until((uint64_t)vg_clock_monotonic() + 20000000);
	bus_names_add(late_admin, "svc.late", late_ep);
	vg_thread_exit(0);
}

UTEST(bus_waiting_for_names_times_out_or_sees_them)
{
	vg_handle_t admin, bus_proc, ep;
	CHECK_EQ(start_bus(&admin, &bus_proc), 0);
	uint64_t t0 = (uint64_t)vg_clock_monotonic();
	CHECK_EQ(bus_wait_name(admin, "svc.none", t0 + 50000000, &ep), ERR_TIMED_OUT);
	uint64_t t1 = (uint64_t)vg_clock_monotonic();
	CHECK(t1 >= t0 + 50000000 && t1 < t0 + 1000000000);
	/* A name added while waiting ends the wait. */
	vg_handle_t mine;
	CHECK_EQ(vg_endpoint_create(&mine), 0);
	CHECK_EQ(vg_handle_duplicate(mine, VG_RIGHT_SIGNAL | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER,
				     &late_ep),
		 0);
	late_admin = admin;
	CHECK_EQ(vg_thread_start(add_later, 0, NULL), 0);
	CHECK_EQ(bus_wait_name(admin, "svc.late", (uint64_t)vg_clock_monotonic() + 2000000000, &ep),
		 0);
	struct vg_handle_info info;
	CHECK_EQ(vg_handle_info(ep, &info), 0);
	CHECK(info.type == VG_OBJ_ENDPOINT && info.rights == (VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER));
	vg_handle_close(ep);
	vg_handle_close(mine);
	vg_handle_close(admin);
	stop(bus_proc);
}

#define SUBS 12

UTEST(bus_broadcast_many_subscribers_bounded_queues)
{
	vg_handle_t admin, bus_proc, notes[SUBS], theirs, app;
	uint32_t subs[SUBS];
	CHECK_EQ(start_bus(&admin, &bus_proc), 0);
	for (int i = 0; i < SUBS; i++) {
		CHECK_EQ(vg_notification_create(&notes[i]), 0);
		CHECK_EQ(
			vg_handle_duplicate(notes[i], VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &theirs),
			0);
		CHECK_EQ(bus_names_subscribe(admin, "news.today", theirs, &subs[i]), 0);
	}
	/* Subscriber 0 is slow: it fetches nothing until the end. The others
	 * take every message as it comes. */
	int bad = 0;
	for (int m = 0; m < 20; m++) {
		char msg[8] = { 'm', (char)('a' + m), 0 };
		uint32_t delivered, dropped;
		CHECK_EQ(bus_names_publish(admin, "news.today", msg, 2, &delivered, &dropped), 0);
		bad += delivered != (m < 16 ? SUBS : SUBS - 1) || dropped != (m < 16 ? 0 : 1);
		for (int i = 1; i < SUBS; i++) {
			char text[BUS_NAMES_FETCH_DATA_MAX + 1];
			uint32_t lost;
			bad += vg_notification_wait(notes[i], 0) < 0; /* signalled */
			bad += fetch_text(admin, subs[i], text, &lost) != 0 || lost ||
				strcmp(text, msg) != 0;
		}
	}
	CHECK_EQ(bad, 0);
	/* The slow one: the first 16, and 4 drops reported with the first. */
	for (int m = 0; m < 16; m++) {
		char text[BUS_NAMES_FETCH_DATA_MAX + 1];
		uint32_t lost;
		CHECK_EQ(fetch_text(admin, subs[0], text, &lost), 0);
		CHECK(text[1] == 'a' + m && lost == (m == 0 ? 4u : 0u));
	}
	char text[BUS_NAMES_FETCH_DATA_MAX + 1];
	uint32_t lost;
	CHECK_EQ(fetch_text(admin, subs[0], text, &lost), BUS_BUS_ERROR_EMPTY);
	/* Topics follow the grants: publish under the add prefix only, and
	 * nobody publishes name announcements. */
	vg_handle_t holder;
	CHECK_EQ(vg_process_create(&holder), 0);
	CHECK_EQ(grant(admin, "app.", "app.", holder, &app), 0);
	uint32_t delivered, dropped;
	CHECK_EQ(bus_names_publish(app, "news.today", "x", 1, &delivered, &dropped),
		 BUS_BUS_ERROR_DENIED);
	CHECK_EQ(bus_names_publish(app, "bus.names", "+x", 2, &delivered, &dropped),
		 BUS_BUS_ERROR_DENIED);
	CHECK_EQ(vg_handle_duplicate(notes[0], VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &theirs), 0);
	uint32_t s2;
	CHECK_EQ(bus_names_subscribe(app, "news.today", theirs, &s2), BUS_BUS_ERROR_DENIED);
	CHECK_EQ(bus_names_unsubscribe(app, subs[1]), BUS_BUS_ERROR_NOT_FOUND); /* not its own */
	CHECK_EQ(bus_names_unsubscribe(admin, subs[1]), 0);
	CHECK_EQ(bus_names_publish(admin, "news.today", "y", 1, &delivered, &dropped), 0);
	CHECK(delivered == SUBS - 1 && dropped == 0);
	for (int i = 0; i < SUBS; i++)
		vg_handle_close(notes[i]);
	vg_handle_close(app);
	vg_handle_close(holder);
	vg_handle_close(admin);
	stop(bus_proc);
}
