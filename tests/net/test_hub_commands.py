"""Every command of CONTRACT §3 through a real hub over real sockets (SQLite and PostgreSQL).

Each test drives the hub with HubClient consoles and checks the result frame, the incident it
carries and the event every other console receives; idempotent resends and expect_version
conflicts change nothing.
"""

import asyncio

import pytest

from tests.net.conftest import TEAM, actor

NORMAL = "P0104"  # a category whose default priority is "normal" (its clocks run in minutes, not seconds)
PATH = [
    ("incident.accept", {}),
    ("incident.dispatch", {"team": TEAM, "note": "go"}),
    ("incident.acknowledge", {}),
    ("incident.resolve", {"note": "fixed"}),
    ("incident.verify", {"passed": True, "note": "seen fixed"}),
    ("incident.close", {"satisfaction": 4, "note": "called back"}),
]
STATES = ["reported", "accepted", "dispatched", "acknowledged", "resolved", "verified", "closed"]


def spot(catalog, n=0):
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[n]
    return grid.code, grid.centroid[0], grid.centroid[1]


def report_args(catalog, n=0, **extra):
    _grid, lat, lon = spot(catalog, n)
    return {"category": NORMAL, "lat": lat, "lon": lon, "description": "井盖缺失 manhole cover missing",
            "source": "grid", **extra}


async def ok(client, name, args):
    res = await client.command(name, args, timeout=10)
    assert res["ok"] is True, (name, args, res)
    return res


async def report(client, catalog, n=0, **extra):
    return (await ok(client, "incident.report", report_args(catalog, n, **extra)))["incident"]


async def drive(client, ids, to):
    """Take incidents (all in ``reported``) along the main path to state ``to``, concurrently."""
    for name, args in PATH[: STATES.index(to)]:
        results = await asyncio.gather(*(client.command(name, {"incident": i, **args}, timeout=10) for i in ids))
        assert all(r["ok"] for r in results), results


class Events:
    """Collects the events a console receives (pass as on_event)."""

    def __init__(self):
        self.frames = []

    def __call__(self, ev):
        self.frames.append(ev)

    def of(self, incident_id):
        return [e for e in self.frames if e["kind"] == "incident" and e["data"]["id"] == incident_id]


async def observer(connect):
    events = Events()
    wall = await connect("wall", on_event=events)
    return wall, events


async def seen(client, seq):
    await client.wait_for(lambda r: r.head >= seq, 10)


# ---- report ------------------------------------------------------------------------------------

async def test_report_keeps_every_optional_field_and_reaches_every_console(connect, catalog):
    op = await connect("op")
    wall, events = await observer(connect)
    extra = {"external_id": "311-0001", "reporter": "张三 13800000000", "address": "前进大街 88 号",
             "photo_url": "https://example.org/p/1.jpg", "source_category": "Street Condition",
             "priority": "urgent"}
    res = await ok(op, "incident.report", report_args(catalog, source="nyc311", **extra))
    inc = res["incident"]
    for key, value in extra.items():
        assert inc[key] == value, key
    grid, _lat, _lon = spot(catalog)
    assert inc["state"] == "reported" and inc["source"] == "nyc311" and inc["version"] == 1
    assert inc["grid"] == grid and inc["reported_by"] == "op" and inc["category"] == NORMAL
    assert inc["sla"] == "green" and inc["deadline"]
    await seen(wall, res["seq"])
    (ev,) = events.of(inc["id"])
    assert ev["seq"] == res["seq"] and ev["at"].endswith("Z")
    assert ev["data"]["action"] == {"name": "report", "actor": "op", "from": None, "to": "reported", "note": None}
    for key, value in extra.items():
        assert ev["data"][key] == value
    assert wall.replica.incidents[inc["id"]]["address"] == extra["address"]
    # the stored incident keeps them too (a query reads the database, not the event)
    q = await ok(op, "query.incidents", {"text": "311-0001"})
    assert [i["id"] for i in q["incidents"]] == [inc["id"]]
    assert all(q["incidents"][0][k] == v for k, v in extra.items())


async def test_report_with_the_same_external_id_and_source_returns_the_existing_incident(connect, catalog, hub):
    op = await connect("op")
    first = await report(op, catalog, source="open311", external_id="SR-42")
    head = hub.store.head()
    again = await ok(op, "incident.report", report_args(catalog, source="open311", external_id="SR-42",
                                                         description="a different text"))
    assert again["incident"]["id"] == first["id"] and again.get("existing") is True
    assert again["incident"]["description"] == first["description"] and again["incident"]["version"] == 1
    assert hub.store.head() == head, "a repeated external_id must not make an event"
    other_source = await report(op, catalog, source="nyc311", external_id="SR-42")
    assert other_source["id"] != first["id"], "external_id is unique per source, not globally"
    q = await ok(op, "query.incidents", {"text": "SR-42"})
    assert sorted(i["id"] for i in q["incidents"]) == sorted([first["id"], other_source["id"]])


# ---- the main path ----------------------------------------------------------------------------

async def test_accept_dispatch_acknowledge_resolve_verify_close_walk_the_whole_life(connect, catalog):
    op, crew = await connect("op"), await connect("crew")
    wall, events = await observer(connect)
    inc = await report(op, catalog)
    iid = inc["id"]
    actors = {"incident.acknowledge": crew, "incident.resolve": crew}
    version = 1
    for (name, args), frm, to in zip(PATH, STATES[:-1], STATES[1:], strict=True):
        who = actors.get(name, op)
        res = await ok(who, name, {"incident": iid, **args})
        version += 1
        got = res["incident"]
        assert got["state"] == to and got["version"] == version, (name, got)
        await seen(wall, res["seq"])
        ev = events.of(iid)[-1]
        assert ev["seq"] == res["seq"]
        act = ev["data"]["action"]
        assert act["name"] == name.split(".")[1] or (name == "incident.verify" and act["name"] == "verify_pass")
        assert (act["actor"], act["from"], act["to"]) == (who.user, frm, to)
        assert act["note"] == (args.get("note") or None)
        if to == "dispatched":
            assert got["assignee"] == TEAM and got["assignee_kind"] == "team"
    assert got["satisfaction"] == 4 and got["sla"] is None and got["deadline"] is None
    assert iid not in wall.replica.incidents, "a closed incident leaves the active state"
    seqs = [e["seq"] for e in events.of(iid)]
    assert seqs == sorted(seqs) and len(seqs) == 7


async def test_reject_needs_a_reason_and_is_final(connect, catalog):
    op = await connect("op")
    wall, events = await observer(connect)
    inc = await report(op, catalog)
    bad = await op.command("incident.reject", {"incident": inc["id"]})
    assert bad["ok"] is False and bad["code"] == "invalid_args"
    res = await ok(op, "incident.reject", {"incident": inc["id"], "reason": "duplicate call"})
    assert res["incident"]["state"] == "rejected"
    await seen(wall, res["seq"])
    assert events.of(inc["id"])[-1]["data"]["action"]["note"] == "duplicate call"
    assert inc["id"] not in wall.replica.incidents
    again = await op.command("incident.accept", {"incident": inc["id"]})
    assert again["ok"] is False and again["code"] == "invalid_transition"


async def test_dispatch_to_a_department_makes_it_the_assignee_and_its_field_users_act(connect, catalog):
    op, dept = await connect("op"), await connect("dept")
    department = sorted(catalog.departments)[0]
    inc = await report(op, catalog)
    await ok(op, "incident.accept", {"incident": inc["id"]})
    res = await ok(op, "incident.dispatch", {"incident": inc["id"], "department": department, "note": "yours"})
    assert res["incident"]["assignee"] == department and res["incident"]["assignee_kind"] == "department"
    both = await op.command("incident.dispatch", {"incident": inc["id"], "team": TEAM, "department": department})
    assert both["ok"] is False and both["code"] == "invalid_args"
    res = await ok(dept, "incident.acknowledge", {"incident": inc["id"]})
    assert res["incident"]["state"] == "acknowledged"
    res = await ok(dept, "incident.resolve", {"incident": inc["id"], "note": "done by the department"})
    assert res["incident"]["state"] == "resolved"


async def test_return_clears_the_assignee_and_a_new_dispatch_sends_it_out_again(connect, catalog):
    op, crew = await connect("op"), await connect("crew")
    inc = await report(op, catalog)
    await drive(op, [inc["id"]], "dispatched")
    res = await ok(crew, "incident.return", {"incident": inc["id"], "reason": "not our area"})
    assert res["incident"]["state"] == "returned" and res["incident"]["assignee"] is None
    other = sorted(catalog.teams)[1]
    res = await ok(op, "incident.dispatch", {"incident": inc["id"], "team": other})
    assert res["incident"]["state"] == "dispatched" and res["incident"]["assignee"] == other
    # an acknowledged incident may be returned too
    res = await ok(op, "incident.acknowledge", {"incident": inc["id"]})
    res = await ok(await connect("crew2"), "incident.return", {"incident": inc["id"], "reason": "needs a crane"})
    assert res["incident"]["state"] == "returned"


async def test_escalate_hands_the_case_to_a_department_which_acknowledges_it(connect, catalog):
    op, sup, crew, dept = await connect("op"), await connect("sup"), await connect("crew"), await connect("dept")
    department = sorted(catalog.departments)[0]
    inc = await report(op, catalog)
    await drive(op, [inc["id"]], "acknowledged")
    res = await ok(sup, "incident.escalate", {"incident": inc["id"], "department": department,
                                              "reason": "needs the water company"})
    got = res["incident"]
    assert (got["state"], got["assignee"], got["assignee_kind"], got["escalated"]) == (
        "escalated", department, "department", True)
    late = await crew.command("incident.resolve", {"incident": inc["id"]})
    assert late["ok"] is False and late["code"] in ("forbidden", "invalid_transition")
    res = await ok(dept, "incident.acknowledge", {"incident": inc["id"]})
    assert res["incident"]["state"] == "acknowledged" and res["incident"]["escalated"] is True
    res = await ok(dept, "incident.resolve", {"incident": inc["id"], "note": "pipe replaced"})
    assert res["incident"]["state"] == "resolved"


async def test_verify_fail_sends_the_case_back_to_the_team_with_rework_plus_one(connect, catalog):
    op, sup = await connect("op"), await connect("sup")
    inc = await report(op, catalog)
    await drive(sup, [inc["id"]], "resolved")
    res = await ok(op, "incident.verify", {"incident": inc["id"], "passed": False, "note": "still broken"})
    got = res["incident"]
    assert (got["state"], got["rework"], got["assignee"]) == ("dispatched", 1, TEAM)
    await ok(op, "incident.acknowledge", {"incident": inc["id"]})
    await ok(sup, "incident.resolve", {"incident": inc["id"]})
    res = await ok(op, "incident.verify", {"incident": inc["id"], "passed": False})
    assert res["incident"]["rework"] == 2
    bad = await op.command("incident.verify", {"incident": inc["id"], "passed": "yes"})
    assert bad["ok"] is False and bad["code"] == "invalid_args"


async def test_close_takes_a_satisfaction_of_one_to_five_or_none(connect, catalog):
    op, sup = await connect("op"), await connect("sup")
    a, b = await report(op, catalog), await report(op, catalog)
    await drive(sup, [a["id"], b["id"]], "verified")
    for bad in (0, 6, "5"):
        res = await op.command("incident.close", {"incident": a["id"], "satisfaction": bad})
        assert res["ok"] is False and res["code"] == "invalid_args", bad
    res = await ok(op, "incident.close", {"incident": a["id"], "satisfaction": 1})
    assert res["incident"]["satisfaction"] == 1 and res["incident"]["state"] == "closed"
    res = await ok(op, "incident.close", {"incident": b["id"]})
    assert res["incident"]["satisfaction"] is None and res["incident"]["state"] == "closed"


async def test_merge_folds_a_duplicate_into_an_open_incident(connect, catalog):
    op = await connect("op")
    wall, _events = await observer(connect)
    main, dup, done = await report(op, catalog), await report(op, catalog), await report(op, catalog)
    res = await ok(op, "incident.merge", {"incident": dup["id"], "into": main["id"], "note": "same manhole"})
    assert res["incident"]["state"] == "merged" and res["incident"]["merged_into"] == main["id"]
    await seen(wall, res["seq"])
    assert dup["id"] not in wall.replica.incidents and main["id"] in wall.replica.incidents
    self_merge = await op.command("incident.merge", {"incident": main["id"], "into": main["id"]})
    assert self_merge["ok"] is False and self_merge["code"] == "invalid_args"
    nowhere = await op.command("incident.merge", {"incident": main["id"], "into": "nope"})
    assert nowhere["ok"] is False and nowhere["code"] == "not_found"
    into_final = await op.command("incident.merge", {"incident": done["id"], "into": dup["id"]})
    assert into_final["ok"] is False and into_final["code"] == "invalid_args"


async def test_reopen_brings_a_closed_case_back_to_its_last_team(connect, catalog):
    op, sup = await connect("op"), await connect("sup")
    wall, _events = await observer(connect)
    inc = await report(op, catalog)
    await drive(sup, [inc["id"]], "closed")
    res = await ok(sup, "incident.reopen", {"incident": inc["id"], "reason": "caller says it is back"})
    got = res["incident"]
    assert (got["state"], got["assignee"], got["satisfaction"]) == ("dispatched", TEAM, None)
    await seen(wall, res["seq"])
    assert wall.replica.incidents[inc["id"]]["state"] == "dispatched", "a reopened case is active again"
    # a case rejected on arrival has no team: reopen must name one
    rej = await report(op, catalog)
    await ok(op, "incident.reject", {"incident": rej["id"], "reason": "prank"})
    res = await sup.command("incident.reopen", {"incident": rej["id"], "reason": "it was real"})
    assert res["ok"] is False and res["code"] == "invalid_args"
    res = await ok(sup, "incident.reopen", {"incident": rej["id"], "reason": "it was real", "team": TEAM})
    assert res["incident"]["state"] == "dispatched" and res["incident"]["assignee"] == TEAM


async def test_note_raises_the_version_and_its_text_travels_in_the_event(connect, catalog):
    op = await connect("op")
    wall, events = await observer(connect)
    inc = await report(op, catalog)
    res = await ok(op, "incident.note", {"incident": inc["id"], "text": "caller rang again"})
    got = res["incident"]
    assert (got["state"], got["version"], got["notes"]) == ("reported", 2, 1)
    await seen(wall, res["seq"])
    act = events.of(inc["id"])[-1]["data"]["action"]
    assert act == {"name": "note", "actor": "op", "from": "reported", "to": "reported", "note": "caller rang again"}
    empty = await op.command("incident.note", {"incident": inc["id"], "text": "  "})
    assert empty["ok"] is False and empty["code"] == "invalid_args"


async def test_unit_update_moves_a_unit_for_every_console(connect, catalog):
    op, crew = await connect("op"), await connect("crew")
    wall, events = await observer(connect)
    unit = next(u for u in sorted(catalog.units.values(), key=lambda u: u.id) if u.team == TEAM)
    _grid, lat, lon = spot(catalog, 3)
    res = await ok(crew, "unit.update", {"unit": unit.id, "lat": lat, "lon": lon, "status": "en_route",
                                         "heading": 90.0, "speed": 8.5})
    assert res["unit"]["status"] == "en_route" and res["unit"]["version"] == 2
    await seen(wall, res["seq"])
    ev = events.frames[-1]
    assert ev["kind"] == "unit" and ev["data"]["id"] == unit.id and ev["data"]["lat"] == pytest.approx(lat)
    assert wall.replica.units[unit.id]["status"] == "en_route" and wall.replica.units[unit.id]["speed"] == 8.5
    res = await ok(op, "unit.update", {"unit": unit.id, "lat": lat, "lon": lon, "status": "on_scene"})
    assert res["unit"]["version"] == 3
    bad = await op.command("unit.update", {"unit": unit.id, "lat": lat, "lon": lon, "status": "flying"})
    assert bad["ok"] is False and bad["code"] == "invalid_args"
    missing = await op.command("unit.update", {"unit": "U-none", "lat": lat, "lon": lon, "status": "free"})
    assert missing["ok"] is False and missing["code"] == "not_found"


# ---- query --------------------------------------------------------------------------------------

async def test_query_incidents_filters_by_status_category_grid_time_text_and_drill(connect, catalog):
    op = await connect("op")
    g1, _, _ = spot(catalog, 1)
    a = await report(op, catalog, reported_at="2025-01-10T08:00:00Z", description="路灯不亮 lamp out")
    b = await report(op, catalog, 1, reported_at="2025-02-10T08:00:00Z", category="P0101")
    c = await report(op, catalog, reported_at="2025-03-10T08:00:00Z", drill=True, address="人民大街 1 号")
    await ok(op, "incident.reject", {"incident": b["id"], "reason": "void"})

    async def ids(**filters):
        res = await ok(op, "query.incidents", filters)
        return sorted(i["id"] for i in res["incidents"])

    assert await ids() == sorted([a["id"], b["id"], c["id"]])
    assert await ids(status="rejected") == [b["id"]]
    assert await ids(status="final") == [b["id"]]
    assert await ids(status="active") == sorted([a["id"], c["id"]])
    assert await ids(status="reported,rejected") == sorted([a["id"], b["id"], c["id"]])
    assert await ids(category="P0101") == [b["id"]]
    assert await ids(category="P01") == sorted([a["id"], b["id"], c["id"]])
    assert await ids(grid=g1) == [b["id"]]
    assert await ids(since="2025-02-01T00:00:00Z") == sorted([b["id"], c["id"]])
    assert await ids(until="2025-02-01T00:00:00Z") == [a["id"]]
    assert await ids(since="2025-02-01T00:00:00Z", until="2025-03-01T00:00:00Z") == [b["id"]]
    assert await ids(text="LAMP") == [a["id"]]
    assert await ids(text="人民大街") == [c["id"]]
    assert await ids(drill=True) == [c["id"]]
    assert await ids(drill=False) == sorted([a["id"], b["id"]])
    bad = await op.command("query.incidents", {"status": "nonsense"})
    assert bad["ok"] is False and bad["code"] == "invalid_args"
    bad = await op.command("query.incidents", {"since": "yesterday"})
    assert bad["ok"] is False and bad["code"] == "invalid_args"


async def test_query_pages_closed_history_newest_first_with_a_cursor_without_gaps_or_repeats(connect, catalog):
    op, sup, wall = await connect("op"), await connect("sup"), await connect("wall")
    made = await asyncio.gather(*(
        report(op, catalog, reported_at=f"2025-04-{day:02d}T08:00:00Z") for day in range(1, 8)
    ))
    # two share one instant, so the cursor must break ties by id
    made += await asyncio.gather(*(report(op, catalog, reported_at="2025-04-03T08:00:00Z") for _ in range(2)))
    ids = [i["id"] for i in made]
    await drive(sup, ids, "closed")
    still_open = await report(op, catalog, reported_at="2025-04-05T09:00:00Z")
    want = [i["id"] for i in sorted(made, key=lambda i: (i["reported_at"], i["id"]), reverse=True)]
    pages, cursor = [], None
    while True:
        args = {"status": "closed", "limit": 2} | ({"cursor": cursor} if cursor else {})
        res = await ok(wall, "query.incidents", args)  # a viewer may query
        pages.append([i["id"] for i in res["incidents"]])
        assert all(i["state"] == "closed" for i in res["incidents"])
        cursor = res["next_cursor"]
        if cursor is None:
            break
    assert [len(p) for p in pages] == [2, 2, 2, 2, 1]
    assert [i for p in pages for i in p] == want
    assert still_open["id"] not in want
    bad = await op.command("query.incidents", {"cursor": "!!not-a-cursor!!"})
    assert bad["ok"] is False and bad["code"] == "invalid_args"
    bad = await op.command("query.incidents", {"limit": 0})
    assert bad["ok"] is False and bad["code"] == "invalid_args"


# ---- idempotency and optimistic concurrency ---------------------------------------------------------

async def test_the_same_command_id_resent_returns_the_first_result_and_changes_nothing(connect, catalog, hub):
    op = await connect("op")
    first = await op.command("incident.report", report_args(catalog), id="report-once")
    assert first["ok"]
    head = hub.store.head()
    again = await op.command("incident.report", report_args(catalog, description="other"), id="report-once")
    assert again == first
    assert hub.store.head() == head
    iid = first["incident"]["id"]
    acc = await op.command("incident.accept", {"incident": iid}, id="accept-once")
    head = hub.store.head()
    assert await op.command("incident.accept", {"incident": iid}, id="accept-once") == acc
    assert hub.store.head() == head
    # a refused command is answered the same way again, and still nothing happens
    no = await op.command("incident.accept", {"incident": iid}, id="accept-twice")
    assert no["ok"] is False and no["code"] == "invalid_transition"
    assert await op.command("incident.accept", {"incident": iid}, id="accept-twice") == no
    assert hub.store.head() == head
    q = await ok(op, "query.incidents", {})
    assert [i["id"] for i in q["incidents"]] == [iid] and q["incidents"][0]["version"] == 2
    # ids belong to a user: another console may use the same id for its own command
    sup = await connect("sup")
    other = await sup.command("incident.note", {"incident": iid, "text": "x"}, id="accept-once")
    assert other["ok"] is True and other["incident"]["version"] == 3


async def _twin_results(hub, catalog):
    """One command id submitted twice in the same loop tick, so both land in ONE batch."""
    op = actor("op", catalog)
    args = report_args(catalog)
    return await asyncio.gather(hub.submit(op, "incident.report", args, "twin"),
                                hub.submit(op, "incident.report", args, "twin"))


async def test_one_id_sent_twice_at_once_is_applied_once(hub, catalog):
    results = await _twin_results(hub, catalog)
    assert results[0]["ok"] is True and results[1]["ok"] is True
    assert results[0]["incident"]["id"] == results[1]["incident"]["id"]
    assert len(hub.store.query_incidents({})["incidents"]) == 1
    assert hub.store.head() == 1 and hub.batches == 1


async def test_one_id_sent_twice_at_once_gets_the_same_answer_twice(hub, catalog):
    results = await _twin_results(hub, catalog)
    assert results[0] == results[1]


async def test_a_stale_expect_version_fails_with_conflict_and_changes_nothing(connect, catalog, hub):
    op, sup = await connect("op"), await connect("sup")
    inc = await report(op, catalog)
    await ok(sup, "incident.note", {"incident": inc["id"], "text": "sup was quicker", "expect_version": 1})
    head = hub.store.head()
    stale = await op.command("incident.accept", {"incident": inc["id"], "expect_version": 1})
    assert stale["ok"] is False and stale["code"] == "conflict"
    assert hub.store.head() == head
    res = await ok(op, "incident.accept", {"incident": inc["id"], "expect_version": 2})
    assert res["incident"]["version"] == 3 and res["incident"]["state"] == "accepted"
    bad = await op.command("incident.accept", {"incident": inc["id"], "expect_version": "3"})
    assert bad["ok"] is False and bad["code"] == "invalid_args"
