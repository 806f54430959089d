"""The demo feed's planner: deterministic for a seed (same hub answers → same commands), busy
within seconds of starting, on the district's clock (grid patrols by day, hotline peak in the
daytime), and the feed itself drives a real hub through whole lives of incidents."""

import asyncio
from datetime import UTC, datetime

from console.feeds.demo import INITIAL_LOAD, DemoPlanner, run_demo
from tests.feeds.conftest import TOKENS


def fake_hub(catalog):
    """A stand-in for the hub's answers: reports get numbered ids; state moves as commanded."""
    incidents: dict[str, dict] = {}
    units = {u.id: {"id": u.id, "team": u.team, "kind": u.kind, "lat": u.lat, "lon": u.lon, "status": u.status}
             for u in catalog.units.values()}
    moves = {"incident.accept": "accepted", "incident.dispatch": "dispatched", "incident.acknowledge": "acknowledged",
             "incident.resolve": "resolved", "incident.close": "closed", "incident.reject": "rejected",
             "incident.return": "returned", "incident.escalate": "escalated"}

    def answer(cmd):
        a = cmd.args
        if cmd.name == "incident.report":
            iid = f"I{len(incidents) + 1}"
            incidents[iid] = dict(a, id=iid, state="reported", version=1, reported_by="demo",
                                  deadline="2026-06-01T02:30:00.000Z")
            return {"ok": True, "incident": incidents[iid]}
        if cmd.name == "unit.update":
            units[a["unit"]].update(lat=a["lat"], lon=a["lon"], status=a["status"])
            return {"ok": True}
        inc = incidents[a["incident"]]
        if cmd.name == "incident.verify":
            state = "verified" if a["passed"] else "dispatched"
        else:
            state = moves[cmd.name]
        inc.update(state=state, version=inc["version"] + 1)
        if cmd.name == "incident.dispatch":
            inc["assignee_kind"] = "team" if "team" in a else "department"
        return {"ok": True, "incident": inc}

    return incidents, units, answer


def play(catalog, seed, start, seconds=120, rate=1.0):
    planner = DemoPlanner(catalog, seed=seed, rate=rate, start=start)
    incidents, units, answer = fake_hub(catalog)
    log = []
    for k in range(seconds):
        now = float(k)
        active = {i: x for i, x in incidents.items() if x["state"] not in ("closed", "rejected")}
        for cmd in planner.tick(now, active, units):
            log.append((now, cmd.name, tuple(sorted(cmd.args.items()))))
            res = answer(cmd)
            if cmd.name == "incident.report":
                planner.on_report(cmd, res, now)
    return log, incidents


START = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)  # 10:00 in Changchun (Asia/Shanghai)


def test_the_same_seed_and_answers_give_the_same_commands(catalog):
    a, _ = play(catalog, 7, START)
    b, _ = play(catalog, 7, START)
    c, _ = play(catalog, 8, START)
    assert a == b and len(a) > 100
    assert a != c


def test_it_is_busy_within_seconds_and_works_cases_through_their_life(catalog):
    log, incidents = play(catalog, 1, START, seconds=240)
    first = [name for t, name, _ in log if t == 0.0]
    assert first.count("incident.report") >= INITIAL_LOAD
    names = {name for _, name, _ in log}
    assert {"incident.accept", "incident.dispatch", "incident.acknowledge", "incident.resolve", "incident.verify",
            "incident.close", "unit.update"} <= names
    assert any(x["state"] == "closed" for x in incidents.values())
    statuses = {dict(args).get("status") for _, name, args in log if name == "unit.update"}
    assert {"en_route", "on_scene", "free"} <= statuses


def test_grid_workers_report_in_patrol_hours_of_the_district_time_zone(catalog):
    night = datetime(2026, 6, 1, 17, 0, tzinfo=UTC)  # 01:00 in Changchun, but 17:00 UTC
    log, _ = play(catalog, 3, night, seconds=180)  # 01:00 to 04:00 local
    later = [dict(args)["source"] for t, name, args in log if name == "incident.report" and t > 0]
    assert later and "grid" not in later  # nobody patrols at night …
    log, _ = play(catalog, 3, START, seconds=180)  # 10:00 to 13:00 local
    later = [dict(args)["source"] for t, name, args in log if name == "incident.report" and t > 0]
    assert later.count("grid") >= 3 and later.count("hotline") >= 3  # … by day grid workers and the hotline


def test_the_demo_clock_is_the_districts(catalog):
    planner = DemoPlanner(catalog, start=START, rate=2.0)
    assert planner.local(0).utcoffset().total_seconds() == 8 * 3600 and planner.local(0).hour == 10
    assert planner.local(60).hour == 12  # 60 s real at rate 2 = two hours of the demo day


async def test_the_demo_feed_drives_a_real_hub(hub, catalog, connect):
    sup = await connect("sup")
    stop = asyncio.Event()
    task = asyncio.create_task(run_demo(hub.url, TOKENS["sup"], catalog, seed=5, rate=20.0, stop=stop))
    seen = set()
    sup.on_event = lambda ev: seen.add((ev["data"].get("action") or {}).get("name"))
    try:
        await sup.wait_for(lambda r: {"report", "accept", "dispatch"} <= seen and len(r.incidents) >= INITIAL_LOAD, 30)
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
