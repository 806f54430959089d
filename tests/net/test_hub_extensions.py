"""The feeds issue's hub extensions over real sockets (SQLite and PostgreSQL): camera.update,
notice.post and drill.purge, with their role checks, their events (stored, so a resume replays
them), their place in the snapshot, and a purge that removes one drill run's data in one
transaction and never touches real incidents or other runs."""

import asyncio

import pytest

from console.net.client import HubClient
from tests.net.conftest import TOKENS

ROLES = {"wall": False, "op": True, "sup": True, "admin": True, "crew": False, "sensor": True}


def where(catalog, n=0):
    return sorted(catalog.grids.values(), key=lambda g: g.code)[n].centroid


async def report(client, catalog, **extra):
    lat, lon = where(catalog)
    res = await client.command("incident.report", {"category": "P0104", "lat": lat, "lon": lon, "source": "grid",
                                                   "description": "d", **extra})
    assert res["ok"], res
    return res["incident"]


@pytest.mark.parametrize(("name", "args", "allowed"), [
    ("camera.update", {"camera": "CAM-002", "status": "offline"}, {"op", "sup", "admin", "sensor"}),
    ("notice.post", {"text": "交班 shift change", "level": "info"}, {"op", "sup", "admin"}),
    ("drill.purge", {"drill": "no-such-run"}, {"sup", "admin"}),
])
async def test_each_role_may_send_exactly_what_it_is_given(connect, name, args, allowed):
    for user in ROLES:
        c = await connect(user)
        res = await c.command(name, args)
        if user in allowed:
            assert res["ok"], (user, res)
        else:
            assert res["ok"] is False and res["code"] == "forbidden", (user, res)


async def test_a_camera_event_carries_the_camera_and_its_state_and_a_late_console_sees_it(connect, catalog, hub):
    op = await connect("op")
    wall = await connect("wall")
    inc = await report(op, catalog)
    res = await op.command("camera.update", {"camera": "CAM-003", "status": "alarm", "incident": inc["id"],
                                             "note": "烟雾 smoke"})
    assert res["ok"]
    cam = res["camera"]
    assert {k: cam[k] for k in ("id", "status", "incident", "note", "drill")} == {
        "id": "CAM-003", "status": "alarm", "incident": inc["id"], "note": "烟雾 smoke", "drill": False}
    assert cam["lat"] == catalog.cameras["CAM-003"].lat and cam["version"] == 1
    await wall.wait_for(lambda r: r.head >= res["seq"])
    assert wall.replica.cameras["CAM-003"]["status"] == "alarm"
    late = await connect("wall")
    assert late.replica.cameras["CAM-003"]["status"] == "alarm"
    assert late.replica.cameras["CAM-001"]["status"] == "online"  # never changed: online
    # resume from before the camera event replays it
    again = HubClient(hub.url, TOKENS["wall"], name="resumer")
    again.resume_from(res["seq"] - 1)
    again.start()
    try:
        await again.wait_for(lambda r: r.cameras.get("CAM-003", {}).get("status") == "alarm", 10)
    finally:
        await again.close()


@pytest.mark.parametrize(("args", "code"), [
    ({"camera": "CAM-999", "status": "alarm"}, "not_found"),
    ({"camera": "CAM-001", "status": "exploded"}, "invalid_args"),
    ({"camera": "CAM-001", "status": "alarm", "incident": "220104209912310001"}, "not_found"),
    ({"camera": "CAM-001"}, "invalid_args"),
])
async def test_a_bad_camera_update_is_refused_and_changes_nothing(connect, args, code):
    op = await connect("op")
    head = op.replica.head
    res = await op.command("camera.update", args)
    assert res["ok"] is False and res["code"] == code, res
    probe = await op.command("notice.post", {"text": "probe"})
    assert probe["seq"] == head + 1  # the refusal made no event


async def test_notices_go_to_everyone_and_a_late_console_gets_the_last_days(connect):
    sup = await connect("sup")
    wall = await connect("wall")
    res = await sup.command("notice.post", {"text": "暴雨预警 rain warning", "level": "urgent"})
    assert res["ok"]
    n = res["notice"]
    assert n["text"] == "暴雨预警 rain warning" and n["level"] == "urgent" and n["by"] == "sup" and n["drill"] is False
    assert n["at"].endswith("Z") and n["id"]
    await wall.wait_for(lambda r: n["id"] in r.notices)
    late = await connect("wall")
    assert late.replica.notices[n["id"]]["text"] == n["text"]
    bad = await sup.command("notice.post", {"text": "x", "level": "loud"})
    assert bad["ok"] is False and bad["code"] == "invalid_args"
    empty = await sup.command("notice.post", {"text": "  "})
    assert empty["ok"] is False and empty["code"] == "invalid_args"


async def test_a_drill_run_is_flagged_at_the_source(connect, catalog):
    sup = await connect("sup")
    inc = await report(sup, catalog, drill_run="run-x")
    assert inc["drill"] is True and inc["extra"] == {"drill_run": "run-x"}
    n = (await sup.command("notice.post", {"text": "drill", "drill_run": "run-x"}))["notice"]
    assert n["drill"] is True and n["drill_run"] == "run-x"


async def test_purge_removes_one_runs_data_and_nothing_else(connect, catalog, hub):
    sup = await connect("sup")
    wall = await connect("wall")
    real = await report(sup, catalog)
    plain_drill = await report(sup, catalog, drill=True)  # a drill incident of no run
    mine = [await report(sup, catalog, drill_run="run-a") for _ in range(3)]
    other = await report(sup, catalog, drill_run="run-b")
    await sup.command("incident.accept", {"incident": mine[0]["id"]})
    await sup.command("incident.dispatch", {"incident": mine[0]["id"], "team": "T-01"})
    await sup.command("camera.update", {"camera": "CAM-004", "status": "alarm", "incident": mine[0]["id"],
                                        "drill_run": "run-a"})
    await sup.command("camera.update", {"camera": "CAM-005", "status": "offline", "drill_run": "run-b"})
    await sup.command("notice.post", {"text": "a", "drill_run": "run-a"})
    nb = (await sup.command("notice.post", {"text": "b", "drill_run": "run-b"}))["notice"]
    real_notice = (await sup.command("notice.post", {"text": "real"}))["notice"]

    res = await sup.command("drill.purge", {"drill": "run-a"}, id="purge-1")
    assert res["ok"]
    p = res["purged"]
    assert sorted(p["incidents"]) == sorted(i["id"] for i in mine) and p["cameras"] == ["CAM-004"]
    assert len(p["notices"]) == 1
    await wall.wait_for(lambda r: r.head >= res["seq"])
    assert {i["id"] for i in mine}.isdisjoint(wall.replica.incidents)
    assert {real["id"], plain_drill["id"], other["id"]} <= set(wall.replica.incidents)
    assert wall.replica.cameras["CAM-004"]["status"] == "online"
    assert wall.replica.cameras["CAM-005"]["status"] == "offline"
    assert nb["id"] in wall.replica.notices and real_notice["id"] in wall.replica.notices
    for i in mine:
        gone = await sup.command("query.history", {"incident": i["id"]})
        assert gone["code"] == "not_found"
    assert (await sup.command("incident.accept", {"incident": mine[1]["id"]}))["code"] == "not_found"
    # the same command id again: the first answer, nothing more happens
    again = await sup.command("drill.purge", {"drill": "run-a"}, id="purge-1")
    assert again == res
    # a console that joins now has the purge applied: a snapshot without them
    late = await connect("wall")
    assert {i["id"] for i in mine}.isdisjoint(late.replica.incidents)
    # "*" takes every drill's data, still nothing real
    res = await sup.command("drill.purge", {"drill": "*"})
    assert sorted(res["purged"]["incidents"]) == sorted([plain_drill["id"], other["id"]])
    left = await sup.command("query.incidents", {"limit": 500})
    assert [i["id"] for i in left["incidents"]] == [real["id"]]
    assert (await sup.command("query.history", {"incident": real["id"]}))["ok"]


async def test_purge_events_drop_incidents_in_every_v1_client(connect, catalog):
    """The purge event is an incident event in a final state (rejected) with ``purged: true`` and
    action ``purge``: a client that knows nothing of purges drops it like any rejected case."""
    sup = await connect("sup")
    events = []
    sup.on_event = events.append
    inc = await report(sup, catalog, drill_run="run-c")
    res = await sup.command("drill.purge", {"drill": "run-c"})
    await sup.wait_for(lambda r: r.head >= res["seq"])
    ev = next(e for e in events if e["kind"] == "incident" and e["data"].get("purged"))
    assert ev["data"]["id"] == inc["id"] and ev["data"]["state"] == "rejected"
    assert ev["data"]["action"]["name"] == "purge" and ev["data"]["version"] == inc["version"] + 1
    note = next(e for e in events if e["kind"] == "notice" and e["data"].get("purged"))
    assert note["data"]["purged"]["incidents"] == [inc["id"]]


async def test_commands_in_one_batch_see_a_purge_before_them(hub, catalog, connect):
    """A purge between other commands of the same batch: earlier ones apply, later ones find the
    purged incidents gone, and the batch is one transaction."""
    sup = await connect("sup")
    inc = await report(sup, catalog, drill_run="run-d")
    results = await asyncio.gather(
        sup.command("incident.accept", {"incident": inc["id"]}),
        sup.command("drill.purge", {"drill": "run-d"}),
        sup.command("incident.reject", {"incident": inc["id"], "reason": "x"}),
        sup.command("incident.report", {"category": "P0104", "lat": where(catalog)[0], "lon": where(catalog)[1],
                                        "source": "grid", "description": "after", "drill_run": "run-d"}),
    )
    assert results[0]["ok"] and results[1]["ok"] and results[3]["ok"]
    assert results[1]["purged"]["incidents"] == [inc["id"]]
    assert results[2]["ok"] is False and results[2]["code"] == "not_found"
    later = await sup.command("query.history", {"incident": results[3]["incident"]["id"]})
    assert later["ok"]  # reported after the purge: kept
