"""Protocol 1.1, the desk's case life (CONTRACT §5), over real sockets on SQLite and PostgreSQL:
urging a case being worked on, calling the reporter back once it is resolved. Each change is one
transition and one event, leaves the state and the clock alone, shows in query.history, and is
refused with the contract's codes when the state or the arguments are wrong."""

import asyncio

from console.models import commands as cmds
from tests.net.test_hub_roles import make_incidents
from tests.net.test_hub_state import URGENT, report_args


async def test_urging_counts_and_is_in_the_history_with_its_level(connect, catalog, hub):
    sup = await connect("sup")
    op = await connect("op")
    [inc] = await make_incidents(sup, catalog, ["dispatched"])
    before = hub.store.incident(inc)
    res = await op.command("incident.urge", {"incident": inc, "level": 2, "note": "督办：今天内处置"})
    assert res["ok"], res
    after = res["incident"]
    assert after["urged"] == 1 and after["state"] == "dispatched" and after["version"] == before.version + 1
    assert after["deadline"] == hub.store.incident(inc).to_wire()["deadline"]  # the clock is untouched
    again = await op.command("incident.urge", {"incident": inc, "level": 1})
    assert again["incident"]["urged"] == 2
    trail = (await op.command("query.history", {"incident": inc}))["transitions"]
    urges = [t for t in trail if t["action"] == "urge"]
    assert [(t["actor"], t["from"], t["to"], t["data"].get("level")) for t in urges] == [
        ("op", "dispatched", "dispatched", 2), ("op", "dispatched", "dispatched", 1)]
    assert urges[0]["note"] == "督办：今天内处置"


async def test_a_case_not_being_worked_on_cannot_be_urged_and_a_bad_level_is_refused(connect, catalog, hub):
    sup = await connect("sup")
    reported, resolved, dispatched = await make_incidents(sup, catalog, ["reported", "resolved", "dispatched"])
    for inc in (reported, resolved):
        head = hub.store.head()
        res = await sup.command("incident.urge", {"incident": inc, "level": 1})
        assert not res["ok"] and res["code"] == "invalid_transition", res
        assert hub.store.head() == head
    res = await sup.command("incident.urge", {"incident": dispatched, "level": 3})
    assert not res["ok"] and res["code"] == "invalid_args"


async def test_call_backs_are_kept_in_order_from_resolved_to_closed(connect, catalog, hub):
    sup = await connect("sup")
    op = await connect("op")
    [inc] = await make_incidents(sup, catalog, ["resolved"])
    first = await op.command("incident.callback", {"incident": inc, "reached": False, "note": "无人接听"})
    assert first["ok"], first
    assert first["incident"]["state"] == "resolved"
    await sup.command("incident.verify", {"incident": inc, "passed": True})
    await sup.command("incident.close", {"incident": inc, "satisfaction": 3})
    later = await op.command("incident.callback", {"incident": inc, "reached": True, "satisfaction": 5,
                                                   "note": "满意"})
    assert later["ok"] and later["incident"]["state"] == "closed"
    calls = later["incident"]["callbacks"]
    assert [(c["by"], c["reached"], c["satisfaction"], c["note"]) for c in calls] == [
        ("op", False, None, "无人接听"), ("op", True, 5, "满意")]
    assert all(c["at"].endswith("Z") for c in calls)
    trail = (await op.command("query.history", {"incident": inc}))["transitions"]
    assert [t["action"] for t in trail if t["action"] == "callback"] == ["callback", "callback"]
    # the trail is the truth: replaying it rebuilds the stored case, call-backs included
    assert cmds.replay(hub.store.transitions(inc), catalog) == hub.store.incident(inc)


async def test_a_call_back_before_resolution_or_a_rating_without_reaching_is_refused(connect, catalog, hub):
    sup = await connect("sup")
    dispatched, resolved = await make_incidents(sup, catalog, ["dispatched", "resolved"])
    res = await sup.command("incident.callback", {"incident": dispatched, "reached": True})
    assert not res["ok"] and res["code"] == "invalid_transition"
    for args in ({"reached": False, "satisfaction": 4}, {"reached": True, "satisfaction": 9}):
        head = hub.store.head()
        res = await sup.command("incident.callback", {"incident": resolved, **args})
        assert not res["ok"] and res["code"] == "invalid_args", res
        assert hub.store.head() == head


async def test_an_urged_case_replays_from_its_trail(connect, catalog, hub):
    sup = await connect("sup")
    [inc] = await make_incidents(sup, catalog, ["dispatched"])
    for level in (1, 2):
        assert (await sup.command("incident.urge", {"incident": inc, "level": level}))["ok"]
    assert cmds.replay(hub.store.transitions(inc), catalog) == hub.store.incident(inc)


async def test_more_time_is_asked_approved_and_kept_by_the_clock(connect, catalog, hub):
    """extend then extend_decide over the wire: the deadline becomes until; the trail replays."""
    from datetime import datetime, timedelta

    sup = await connect("sup")
    op = await connect("op")
    [inc] = await make_incidents(sup, catalog, ["dispatched"])
    deadline = datetime.fromisoformat(hub.store.incident(inc).to_wire()["deadline"].replace("Z", "+00:00"))
    until = (deadline + timedelta(days=2)).isoformat().replace("+00:00", "Z")
    asked = await sup.command("incident.extend", {"incident": inc, "until": until, "reason": "等配件到货"})
    assert asked["ok"], asked
    assert asked["incident"]["extension"]["state"] == "requested"
    twice = await op.command("incident.extend_decide", {"incident": inc, "approve": True, "note": "同意"})
    assert twice["ok"] and twice["incident"]["extension"]["state"] == "approved"
    assert datetime.fromisoformat(twice["incident"]["deadline"].replace("Z", "+00:00")) == deadline + timedelta(days=2)
    again = await op.command("incident.extend_decide", {"incident": inc, "approve": True})
    assert not again["ok"] and again["code"] == "invalid_transition"
    trail = (await op.command("query.history", {"incident": inc}))["transitions"]
    assert [t["action"] for t in trail][-2:] == ["extend", "extend_decide"]
    assert cmds.replay(hub.store.transitions(inc), catalog) == hub.store.incident(inc)


async def test_only_the_desk_decides_on_more_time(connect, catalog, hub):
    sup = await connect("sup")
    [inc] = await make_incidents(sup, catalog, ["dispatched"])
    assert (await sup.command("incident.extend", {"incident": inc, "until": "2099-01-01T00:00:00Z",
                                                  "reason": "r"}))["ok"]
    for user in ("crew", "wall", "sensor"):
        res = await (await connect(user)).command("incident.extend_decide", {"incident": inc, "approve": True})
        assert not res["ok"] and res["code"] == "forbidden", (user, res)
    assert hub.store.incident(inc).extension["state"] == "requested"


async def test_a_parked_case_never_turns_red_and_unparking_moves_its_deadline(make_hub, client_of, catalog):
    """Over the wire with the hub's own clock: parked past its deadline, the SLA sweep leaves it
    alone; unparked, the deadline stands later by the parked time; the trail replays."""
    from datetime import UTC, datetime, timedelta

    from console.models.timelimits import deadline

    now = [datetime(2026, 3, 2, 2, 0, tzinfo=UTC)]  # a Monday, 10:00 in the district
    h = await make_hub(clock=lambda: now[0], sla_interval=0.05)
    sup = await client_of(h, "sup")
    inc = (await sup.command("incident.report", report_args(catalog, category=URGENT)))["incident"]
    inc = (await sup.command("incident.accept", {"incident": inc["id"]}))["incident"]  # parked from accepted on
    before = datetime.fromisoformat(inc["deadline"].replace("Z", "+00:00"))
    t1 = now[0]
    parked = await sup.command("incident.park", {"incident": inc["id"], "reason": "待协调"})
    assert parked["ok"], parked
    assert parked["incident"]["parked"] and parked["incident"]["parked_since"]
    assert parked["incident"]["parked_reason"] == "待协调"  # the queue's parked ledger shows it
    now[0] = before + timedelta(minutes=30)  # well past the deadline it had
    await sup.wait_for(lambda r: r.head >= parked["seq"], 5)
    head = h.store.head()
    await asyncio.sleep(0.3)  # a few sweeps: none of them may turn it red
    assert h.store.head() == head and h.store.incident(inc["id"]).sla == "green"
    back = await sup.command("incident.unpark", {"incident": inc["id"], "note": "继续"})
    assert back["ok"] and not back["incident"]["parked"] and back["incident"]["parked_reason"] is None
    after = datetime.fromisoformat(back["incident"]["deadline"].replace("Z", "+00:00"))
    stored = h.store.incident(inc["id"])
    limit = cmds.stage_limit(stored, catalog, stored.stage)
    assert after == deadline(limit, stored.stage_started_at, catalog.calendar, [(t1, now[0])]) > before
    again = await sup.command("incident.unpark", {"incident": inc["id"]})
    assert not again["ok"] and again["code"] == "invalid_transition"
    assert cmds.replay(h.store.transitions(inc["id"]), catalog) == h.store.incident(inc["id"])


async def test_a_callers_phone_is_full_for_the_desk_and_masked_for_every_other_role(connect, catalog, hub):
    """In results, events, snapshots, resumes and query answers alike (CONTRACT §5)."""
    from tests.net.test_hub_state import report_args

    op = await connect("op")
    wall = await connect("wall")
    crew = await connect("crew")
    res = await op.command("incident.report", report_args(catalog, caller_phone="13812345678", reporter="王先生"))
    assert res["ok"] and res["incident"]["caller_phone"] == "13812345678"
    iid = res["incident"]["id"]
    await wall.wait_for(lambda r: iid in r.incidents, 5)
    await op.wait_for(lambda r: iid in r.incidents, 5)
    assert op.replica.incidents[iid]["caller_phone"] == "13812345678"  # the live event, full
    assert wall.replica.incidents[iid]["caller_phone"] == "138****5678"  # the same event, masked
    late = await connect("wall")  # a snapshot
    assert late.replica.incidents[iid]["caller_phone"] == "138****5678"
    for who, expect in ((op, "13812345678"), (wall, "138****5678"), (crew, "138****5678")):
        found = await who.command("query.incidents", {"text": iid})
        assert [i["caller_phone"] for i in found["incidents"]] == [expect]
        trail = await who.command("query.history", {"incident": iid})
        assert trail["incident"]["caller_phone"] == expect
        assert trail["transitions"][0]["data"]["caller_phone"] == expect
    sensor = await connect("sensor")
    own = await sensor.command("incident.report", report_args(catalog, caller_phone="13900001111"))
    assert own["incident"]["caller_phone"] == "139****1111"  # even the reporter's own result
    bad = await op.command("incident.report", report_args(catalog, caller_phone="call me maybe"))
    assert not bad["ok"] and bad["code"] == "invalid_args"


async def test_a_joint_dispatch_over_the_wire_with_each_party_acknowledging(connect, catalog, hub):
    """The lead (crew's own team) and an assisting team; the assist's field user acknowledges its
    entry only, the lead's moves the state; the trail replays."""
    from tests.net.conftest import TEAM

    sup = await connect("sup")
    crew = await connect("crew")  # a field user of TEAM
    [inc] = await make_incidents(sup, catalog, ["accepted"])
    lead = sorted(t for t in catalog.teams if t != TEAM)[0]
    res = await sup.command("incident.dispatch", {"incident": inc, "team": lead, "assist": [TEAM]})
    assert res["ok"], res
    assert [(a["id"], a["role"]) for a in res["incident"]["assignees"]] == [(lead, "lead"), (TEAM, "assist")]
    mine = await crew.command("incident.acknowledge", {"incident": inc})
    assert mine["ok"] and mine["incident"]["state"] == "dispatched"
    assert mine["incident"]["assignees"][1]["acknowledged_at"] is not None
    desk = await sup.command("incident.acknowledge", {"incident": inc})
    assert desk["ok"] and desk["incident"]["state"] == "acknowledged"
    assert all(a["acknowledged_at"] for a in desk["incident"]["assignees"])
    assert cmds.replay(hub.store.transitions(inc), catalog) == hub.store.incident(inc)
