"""Protocol 1.1, the desk's case life (CONTRACT §5), over real sockets on SQLite and PostgreSQL:
urging a case being worked on, calling the reporter back once it is resolved. Each change is one
transition and one event, leaves the state and the clock alone, shows in query.history, and is
refused with the contract's codes when the state or the arguments are wrong."""

from console.models import commands as cmds
from tests.net.test_hub_roles import make_incidents


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
