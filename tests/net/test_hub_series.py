"""query.series (docs/PROTOCOL.md, issue 15) over real sockets on SQLite and PostgreSQL: a scripted
four-hour window, every bucket of intake, closure and overdue and every stage's histogram worked
out by hand; drill cases apart; bad windows and buckets refused; the crews refused."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from tests.net.test_hub_state import NORMAL, URGENT

T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 10:00 in the district: working time
M = timedelta(minutes=1)


@pytest.fixture
async def scripted(make_hub, client_of, catalog):
    now = [T0]
    h = await make_hub(clock=lambda: now[0], sla_interval=3600)  # the clock is swept by hand below
    sup = await client_of(h, "sup")
    op = await client_of(h, "op")
    team = sorted(catalog.teams)[0]
    dept = sorted(catalog.departments)[0]
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[0]

    async def do(client, at, name, args):
        now[0] = T0 + at
        res = await client.command(name, args)
        assert res["ok"], (name, res)
        return res.get("incident") or {}

    async def report(at, category=NORMAL, **extra):
        args = {"category": category, "lat": grid.centroid[0], "lon": grid.centroid[1], "description": "d",
                "source": "12345", **extra}
        return (await do(op, at, "incident.report", args))["id"]

    early = await report(-60 * M)  # before the window: not in its intake, but overdue all along
    a = await report(10 * M)
    b = await report(20 * M, category=URGENT)  # accept limit 5 minutes: red at 25 min
    await report(10 * M, drill=True)  # a drill: never counted with the real cases
    # A: worked through and closed at 2:15
    await do(op, 20 * M, "incident.accept", {"incident": a})
    await do(sup, 30 * M, "incident.dispatch", {"incident": a, "team": team})
    await do(sup, 40 * M, "incident.acknowledge", {"incident": a})
    now[0] = T0 + 26 * M
    await asyncio.get_running_loop().run_in_executor(None, h.store.sla_sweep, now[0])
    assert h.store.incident(b).sla == "red" and h.store.incident(early).sla == "red"
    assert h.store.incident(a).sla != "red"
    await do(sup, 100 * M, "incident.resolve", {"incident": a})
    await do(sup, 120 * M, "incident.verify", {"incident": a, "passed": True})
    await do(sup, 135 * M, "incident.close", {"incident": a})
    # C: reported 1:30, accepted after 15 minutes, escalated 5 minutes later
    c = await report(90 * M)
    await do(op, 105 * M, "incident.accept", {"incident": c})
    await do(sup, 110 * M, "incident.escalate", {"incident": c, "department": dept, "reason": "需要部门"})
    # B: accepted at 3:30, which ends its red spell; D reported at 3:10
    await report(190 * M)
    await do(op, 210 * M, "incident.accept", {"incident": b})
    now[0] = T0 + 5 * 60 * M
    return h, sup


async def test_intake_closure_and_overdue_per_hour_match_the_hand_count(scripted):
    _h, sup = scripted
    res = await sup.command("query.series", {"since": T0.isoformat(), "until": (T0 + 240 * M).isoformat()})
    assert res["ok"], res
    assert res["bucket_s"] == 3600 and len(res["buckets"]) == 4
    assert res["buckets"][1] == (T0 + 60 * M).isoformat()
    assert res["reported"] == [2, 1, 0, 1]  # A B | C | – | D; the earlier case and the drill left out
    assert res["closed"] == [0, 0, 1, 0]  # A at 2:15
    # (time limits: normal accept 15 min; urgent accept 5 min, dispatch 5 min)
    # the case reported at −1:00, due −0:45, never accepted: overdue at every hour's end;
    # B due 0:25, accepted 3:30, then due for dispatch 3:35: overdue at 1:00, 2:00, 3:00 and 4:00;
    # C accepted at exactly its deadline 1:45: never overdue; D reported 3:10, due 3:25: at 4:00
    assert res["overdue"] == [2, 2, 2, 3]
    assert res["escalated"] == 1


async def test_time_in_each_stage_is_a_histogram_of_the_stages_that_ended(scripted):
    _h, sup = scripted
    res = await sup.command("query.series", {"since": T0.isoformat(), "until": (T0 + 240 * M).isoformat()})
    stages = {s["stage"]: s for s in res["stages"]}
    assert res["bins_s"] == [900, 3600, 14400, 86400, 259200]
    # reported: A 10 min, C 15 min (not under 15), B 3 h 10 min
    assert stages["reported"]["bins"] == [1, 1, 1, 0, 0, 0]
    assert stages["reported"]["mean_s"] == (600 + 900 + 11400) // 3
    assert stages["accepted"]["bins"] == [2, 0, 0, 0, 0, 0]  # A 10 min, C 5 min
    assert stages["dispatched"]["bins"] == [1, 0, 0, 0, 0, 0]  # A 10 min
    assert stages["acknowledged"]["bins"] == [0, 0, 1, 0, 0, 0]  # A one hour
    assert stages["resolved"]["bins"] == [0, 1, 0, 0, 0, 0]  # A 20 min
    assert stages["verified"]["bins"] == [0, 1, 0, 0, 0, 0]  # A 15 min
    assert "escalated" not in stages  # C is still with the department
    assert [s["stage"] for s in res["stages"]] == ["reported", "accepted", "dispatched", "acknowledged", "resolved",
                                                   "verified"]


async def test_a_wider_window_takes_larger_buckets_and_drill_counts_only_drills(scripted):
    _h, sup = scripted
    res = await sup.command("query.series", {"since": (T0 - 3 * 24 * 60 * M).isoformat(),
                                             "until": (T0 + 24 * 60 * M).isoformat()})
    assert res["bucket_s"] == 6 * 3600 and len(res["buckets"]) == 16
    assert sum(res["reported"]) == 5
    drill = await sup.command("query.series", {"since": T0.isoformat(), "until": (T0 + 240 * M).isoformat(),
                                               "drill": True, "bucket_s": 1800})
    assert drill["reported"] == [1, 0, 0, 0, 0, 0, 0, 0] and drill["closed"] == [0] * 8


async def test_bad_windows_and_buckets_are_refused_and_crews_may_not_ask(scripted, client_of):
    h, sup = scripted
    bad = await sup.command("query.series", {"since": (T0 + M).isoformat(), "until": T0.isoformat()})
    assert (bad["ok"], bad["code"]) == (False, "invalid_args") and "since" in bad["message"]
    bad = await sup.command("query.series", {"since": T0.isoformat(), "until": (T0 + 240 * M).isoformat(),
                                             "bucket_s": 5})
    assert bad["code"] == "invalid_args" and "bucket_s" in bad["message"]
    bad = await sup.command("query.series", {"since": "yesterday"})
    assert bad["code"] == "invalid_args" and "since" in bad["message"]
    bad = await sup.command("query.series", {"since": (T0 - 400 * 24 * 60 * M).isoformat(), "until": T0.isoformat(),
                                             "bucket_s": 60})
    assert bad["code"] == "invalid_args" and "buckets" in bad["message"]
    crew = await client_of(h, "crew")
    res = await crew.command("query.series", {})
    assert (res["ok"], res["code"]) == (False, "forbidden")


async def test_a_parked_case_is_not_overdue_while_parked_and_its_deadline_moves_on(make_hub, client_of, catalog):
    now = [T0]
    h = await make_hub(clock=lambda: now[0], sla_interval=3600)
    sup = await client_of(h, "sup")
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[0]

    async def do(at, name, args):
        now[0] = T0 + at
        res = await sup.command(name, args)
        assert res["ok"], (name, res)
        return res.get("incident") or {}

    x = (await do(0 * M, "incident.report", {"category": URGENT, "lat": grid.centroid[0], "lon": grid.centroid[1],
                                              "description": "d", "source": "12345"}))["id"]
    await do(2 * M, "incident.accept", {"incident": x})
    await do(4 * M, "incident.dispatch", {"incident": x, "team": sorted(catalog.teams)[0]})  # ack due 0:34
    await do(10 * M, "incident.park", {"incident": x, "reason": "待协调"})
    await do(150 * M, "incident.unpark", {"incident": x})  # 2:20 parked: due 2:54
    res = await sup.command("query.series", {"since": T0.isoformat(), "until": (T0 + 240 * M).isoformat()})
    assert res["overdue"] == [0, 0, 1, 1]


async def test_marks_give_each_case_reported_turned_red_and_escalated_in_the_span(scripted):
    _h, sup = scripted
    res = await sup.command("query.marks", {"since": T0.isoformat(), "until": (T0 + 240 * M).isoformat()})
    assert res["ok"], res
    got = [(datetime.fromisoformat(m["at"].replace("Z", "+00:00")) - T0, m["kind"]) for m in res["marks"]]
    # A and the drill reported at 0:10, B (urgent) at 0:20; B, the drill and the earlier case red
    # at the sweep of 0:26 (the drill counts: a replay shows drills); C reported 1:30 and escalated
    # 1:50; D reported 3:10
    assert got == [(10 * M, "new"), (10 * M, "new"), (20 * M, "urgent"), (26 * M, "red"), (26 * M, "red"),
                   (26 * M, "red"),
                   (90 * M, "new"), (110 * M, "escalated"), (190 * M, "new")]
    assert res["more"] is False
    newest = await sup.command("query.marks", {"since": T0.isoformat(), "until": (T0 + 240 * M).isoformat(),
                                               "limit": 2})
    assert [m["kind"] for m in newest["marks"]] == ["escalated", "new"] and newest["more"] is True


@pytest.mark.parametrize("args", [{"since": "2026-03-02T02:00:00Z"}, {"since": "yesterday", "until": "now"},
                                  {"since": "2026-03-02T03:00:00Z", "until": "2026-03-02T02:00:00Z"},
                                  {"since": "2026-03-02T02:00:00Z", "until": "2026-03-02T03:00:00Z", "limit": 0}])
async def test_marks_refuse_a_bad_span_by_name(scripted, args):
    _h, sup = scripted
    res = await sup.command("query.marks", args)
    assert (res["ok"], res["code"]) == (False, "invalid_args"), res
    assert any(word in res["message"] for word in ("since", "until", "limit")), res
