"""query.indicators (CONTRACT §5 "Numbers", issue 15) over real sockets on SQLite and PostgreSQL:
scripted cases, every count and rate checked against values worked out by hand, grouped by all,
team and street; drill data apart; bad windows and groupings refused with invalid_args; the
crews and the sensors refused."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.net.test_hub_state import NORMAL

MONDAY = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 10:00 in the district: working time


@pytest.fixture
async def scripted(make_hub, client_of, catalog):
    """Seven cases, worked as the comments say; returns (hub, sup client, ids, teams, streets)."""
    now = [MONDAY]
    h = await make_hub(clock=lambda: now[0], sla_interval=3600)
    sup = await client_of(h, "sup")
    op = await client_of(h, "op")
    t1, t2 = sorted(catalog.teams)[:2]
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    g_a = grids[0]
    g_b = next(g for g in grids if g.street != g_a.street)

    async def do(client, name, args):
        res = await client.command(name, args)
        assert res["ok"], (name, res)
        return res.get("incident") or {}

    async def report(grid, source="12345", **extra):
        args = {"category": NORMAL, "lat": grid.centroid[0], "lon": grid.centroid[1], "description": "d",
                "source": source, **extra}
        return (await do(op, "incident.report", args))["id"]

    async def work(iid, team, *, late=False, rework=False, returned=False, sat=None, callback=None):
        await do(op, "incident.accept", {"incident": iid})
        if returned:
            await do(sup, "incident.dispatch", {"incident": iid, "team": team})
            await do(sup, "incident.return", {"incident": iid, "reason": "不属本队"})
        await do(sup, "incident.dispatch", {"incident": iid, "team": team})
        await do(sup, "incident.acknowledge", {"incident": iid})
        if rework:
            await do(sup, "incident.resolve", {"incident": iid})
            await do(sup, "incident.verify", {"incident": iid, "passed": False, "note": "未处置到位"})
            await do(sup, "incident.acknowledge", {"incident": iid})
        if late:
            now[0] += timedelta(days=30)  # far past any resolve limit
        await do(sup, "incident.resolve", {"incident": iid})
        if late:
            now[0] -= timedelta(days=30)
        if callback is not None:
            await do(op, "incident.callback", {"incident": iid, "reached": True, "satisfaction": callback})
        await do(sup, "incident.verify", {"incident": iid, "passed": True})
        args = {"incident": iid} | ({"satisfaction": sat} if sat else {})
        await do(sup, "incident.close", args)

    ids = {}
    ids["A"] = await report(g_a)  # 12345; T1; on time; rated 5 at close
    await work(ids["A"], t1, sat=5)
    ids["B"] = await report(g_a)  # 12345; T1; late; rated 5 at close, but its call-back said 3
    await work(ids["B"], t1, late=True, sat=5, callback=3)
    ids["C"] = await report(g_b, source="grid")  # grid; T2 after a return; one rework; not rated
    await work(ids["C"], t2, rework=True, returned=True)
    ids["D"] = await report(g_b, source="grid")  # rejected before acceptance
    await do(op, "incident.reject", {"incident": ids["D"], "reason": "重复"})
    ids["E"] = await report(g_b, source="12345")  # accepted, then merged into G
    ids["G"] = await report(g_a, source="grid")  # T1, open: more time asked, parked, urged
    await do(op, "incident.accept", {"incident": ids["E"]})
    await do(op, "incident.merge", {"incident": ids["E"], "into": ids["G"]})
    await do(op, "incident.accept", {"incident": ids["G"]})
    await do(sup, "incident.dispatch", {"incident": ids["G"], "team": t1})
    dl = datetime.fromisoformat(h.store.incident(ids["G"]).to_wire()["deadline"].replace("Z", "+00:00"))
    await do(sup, "incident.extend", {"incident": ids["G"], "until": (dl + timedelta(hours=4)).isoformat(),
                                      "reason": "需要设备"})
    await do(sup, "incident.park", {"incident": ids["G"], "reason": "待协调"})
    await do(sup, "incident.unpark", {"incident": ids["G"]})
    await do(op, "incident.urge", {"incident": ids["G"], "level": 1})
    drill = await report(g_a, drill=True)  # a drill case, closed: counted only when drill is asked
    await work(drill, t1, sat=1)
    return h, sup, ids, (t1, t2), (g_a.street, g_b.street)


def by_key(res):
    return {r["key"]: r for r in res["rows"]}


async def test_every_count_and_rate_over_all_cases_matches_the_hand_count(scripted):
    h, sup, ids, _teams, _streets = scripted
    res = await sup.command("query.indicators", {"group_by": "all"})
    assert res["ok"], res
    [row] = res["rows"]
    assert row["key"] == "all"
    # A B C D E G reported; A B C E G accepted; D rejected; A B C G dispatched; C returned and reworked;
    # A B C closed, only A and C on time; G asked for more time, parked, urged
    assert {k: row[k] for k in ("reported", "accepted", "rejected", "dispatched", "returned", "reworks", "closed",
                                "closed_on_time", "extensions", "parked", "urged")} == {
        "reported": 6, "accepted": 5, "rejected": 1, "dispatched": 4, "returned": 1, "reworks": 1, "closed": 3,
        "closed_on_time": 2, "extensions": 1, "parked": 1, "urged": 1}
    assert row["closure_rate"] == 75.0  # 3 closed of (5 accepted − E merged) = 4
    assert row["on_time_closure_rate"] == 66.7  # 2 of 3
    assert row["rework_rate"] == 33.3  # 1 of 3 closed
    assert row["accurate_dispatch_rate"] == 50.0  # (4 − 1 returned − 1 reworked) of 4
    assert row["satisfaction_rate"] == 50.0  # A rated 5, B's last call-back 3: one of two rated
    # the hotline's three rates, over A B E (12345): responded 3 of 3, resolved 2 of 3, satisfied 1 of 2
    assert (row["hotline"], row["response_rate"], row["resolution_rate"], row["hotline_satisfaction_rate"]) == (
        3, 100.0, 66.7, 50.0)
    # composite = .3·75 + .3·66.7 + .3·(100 − 33.3) + 10 (the only, so the busiest, group) = 72.5 → C
    assert row["composite"] == 72.5 and row["grade"] == "C"


async def test_grouped_by_team_a_case_counts_for_the_lead_that_handled_it_last(scripted):
    _h, sup, _ids, (t1, t2), _streets = scripted
    rows = by_key(await sup.command("query.indicators", {"group_by": "team"}))
    assert set(rows) == {t1, t2, "-"}  # D and E never had a team
    assert (rows[t1]["reported"], rows[t1]["closed"], rows[t1]["closed_on_time"], rows[t1]["urged"]) == (3, 2, 1, 1)
    assert (rows[t2]["reported"], rows[t2]["returned"], rows[t2]["reworks"], rows[t2]["closure_rate"]) == (
        1, 1, 1, 100.0)
    assert rows[t1]["name"] and rows[t1]["name"] != t1  # the team's name, not its id
    assert (rows["-"]["reported"], rows["-"]["rejected"], rows["-"]["closure_rate"]) == (2, 1, None)  # nothing due


async def test_grouped_by_street_each_street_gets_its_cases(scripted):
    _h, sup, _ids, _teams, (s_a, s_b) = scripted
    rows = by_key(await sup.command("query.indicators", {"group_by": "street"}))
    assert (rows[s_a]["reported"], rows[s_a]["closed"], rows[s_a]["satisfaction_rate"]) == (3, 2, 50.0)  # A B G
    assert (rows[s_b]["reported"], rows[s_b]["rejected"], rows[s_b]["reworks"]) == (3, 1, 1)  # C D E
    assert rows[s_a]["name"] and rows[s_a]["name_en"]


async def test_drill_cases_are_counted_only_when_asked_for(scripted):
    _h, sup, _ids, _teams, _streets = scripted
    [row] = (await sup.command("query.indicators", {"drill": True}))["rows"]
    assert (row["reported"], row["closed"], row["satisfaction_rate"]) == (1, 1, 0.0)


async def test_the_window_is_the_report_time(scripted):
    _h, sup, _ids, _teams, _streets = scripted
    before = (await sup.command("query.indicators", {"until": MONDAY.isoformat()}))["rows"]
    assert before == []
    during = (await sup.command("query.indicators", {"since": MONDAY.isoformat(),
                                                     "until": (MONDAY + timedelta(hours=1)).isoformat()}))
    assert during["rows"][0]["reported"] == 6


@pytest.mark.parametrize("args, says", [
    ({"group_by": "planet"}, "group_by"),
    ({"since": "2026-03-03T00:00:00Z", "until": "2026-03-02T00:00:00Z"}, "since is after until"),
    ({"since": "yesterday"}, "since"),
])
async def test_a_bad_window_or_grouping_is_refused_with_invalid_args(connect, args, says):
    sup = await connect("sup")
    res = await sup.command("query.indicators", args)
    assert not res["ok"] and res["code"] == "invalid_args" and says in res["message"], res


@pytest.mark.parametrize("user", ["crew", "sensor"])
async def test_the_crews_and_the_sensors_may_not_ask_for_the_numbers(connect, user):
    c = await connect(user)
    res = await c.command("query.indicators", {})
    assert not res["ok"] and res["code"] == "forbidden", res


async def test_the_viewer_and_the_operator_may(connect):
    for user in ("wall", "op"):
        c = await connect(user)
        assert (await c.command("query.indicators", {}))["ok"]


async def test_the_two_way_assessment_of_a_department_matches_the_hand_count(make_hub, client_of, catalog):
    """Huangpu's two ways: the department's sign-off and handling on time, and the calling
    street's stars (incident.rate_department; the last rating counts)."""
    now = [MONDAY]
    h = await make_hub(clock=lambda: now[0], sla_interval=3600)
    sup = await client_of(h, "sup")
    op = await client_of(h, "op")
    dept = sorted(catalog.departments)[0]
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[0]

    async def do(client, name, args, *, after=timedelta(0)):
        now[0] += after
        res = await client.command(name, args)
        assert res["ok"], (name, res)
        return res.get("incident") or {}

    async def escalated():
        iid = (await do(op, "incident.report", {"category": NORMAL, "lat": grid.centroid[0], "lon": grid.centroid[1],
                                                "description": "d", "source": "12345"}))["id"]
        await do(op, "incident.accept", {"incident": iid})
        await do(sup, "incident.escalate", {"incident": iid, "department": dept, "reason": "需要部门"})
        return iid

    p = await escalated()  # signed and handled on time; rated 4
    await do(sup, "incident.acknowledge", {"incident": p}, after=timedelta(hours=1))
    await do(sup, "incident.resolve", {"incident": p}, after=timedelta(hours=1))
    await do(op, "incident.rate_department", {"incident": p, "stars": 4, "note": "及时"})
    q = await escalated()  # signed 3 days late (limit 2 days), handled late; rated 2, then 3
    await do(sup, "incident.acknowledge", {"incident": q}, after=timedelta(days=3))
    await do(sup, "incident.resolve", {"incident": q}, after=timedelta(days=30))
    await do(op, "incident.rate_department", {"incident": q, "stars": 2})
    await do(op, "incident.rate_department", {"incident": q, "stars": 3})
    await escalated()  # not signed for yet
    res = await sup.command("query.indicators", {"group_by": "department"})
    row = by_key(res)[dept]
    assert (row["escalated"], row["street_rated"]) == (3, 2)
    assert row["timely_signoff_rate"] == 50.0  # P of P and Q
    assert row["timely_handling_rate"] == 50.0  # P of P and Q
    assert row["street_rating"] == 3.5  # (4 + 3) / 2: Q's last rating counts
    assert row["two_way_score"] == 54.0  # 0.4 × 50 + 0.4 × 50 + 0.2 × (3.5 × 20)
    rated = h.store.incident(q).to_wire()["department_rating"]
    assert (rated["stars"], rated["department"], rated["by"]) == (3, dept, "op")
    bad = await op.command("incident.rate_department", {"incident": q, "stars": 9})
    assert bad["code"] == "invalid_args"
    crew = await client_of(h, "crew")
    assert (await crew.command("incident.rate_department", {"incident": q, "stars": 3}))["code"] == "forbidden"


async def test_a_case_closed_at_its_source_counts_as_reported_but_never_closed_here(scripted, client_of):
    h, sup, _ids, _teams, _streets = scripted
    [before] = (await sup.command("query.indicators", {"group_by": "all"}))["rows"]
    g = sorted(h.store.catalog.grids.values(), key=lambda g: g.code)[0]
    res = await sup.command("incident.report", {"category": NORMAL, "lat": g.centroid[0], "lon": g.centroid[1],
                                                "description": "d", "source": "hub-a", "external_id": "SR-1"})
    closed = await sup.command("incident.import_close", {"incident": res["incident"]["id"], "note": "已修复"})
    assert closed["ok"] and closed["incident"]["state"] == "closed", closed
    [after] = (await sup.command("query.indicators", {"group_by": "all"}))["rows"]
    assert after["reported"] == before["reported"] + 1
    assert (after["closed"], after["closure_rate"], after["accepted"]) == (
        before["closed"], before["closure_rate"], before["accepted"])
