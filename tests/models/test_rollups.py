"""query.indicators from per-hour rollups (store/rollups.py) gives exactly what one scan of the
cases gives (``rollups=False``), for every grouping, window and drill flag, also after commands
change cases in hours already rolled up and after a drill purge; and how a window splits into
whole hours and edges. The store tests run on SQLite and on PostgreSQL (see conftest)."""

import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from console.models import commands as cmds
from console.models.lifecycle import Actor, Role
from console.models.schema import IncidentRow, NumberBuiltRow, NumberHourRow, NumberRollupRow
from console.models.store import Request
from console.models.store import rollups as rollups_mod
from console.models.store.counts import GROUPS
from console.models.store.numbers import query_indicators
from console.models.store.rollups import EPOCH, Edge, Split, hour_of, hour_start, split

OP = Actor("op.zhang", Role.OPERATOR)
SUP = Actor("sup.wang", Role.SUPERVISOR)
T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 10:00 in the district; case k comes T0 + k·25 min


def at(h, m=0, s=0, us=0):
    return T0 + timedelta(hours=h, minutes=m, seconds=s, microseconds=us)


# ---- the split of a window (no database) ------------------------------------------------------------

H = hour_of(T0)


@pytest.mark.parametrize("since, until, whole, edges", [
    (None, None, (None, None), []),
    (at(0), at(3), (H, H + 3), []),
    (at(0), at(1), (H, H + 1), []),
    (at(0, 15), at(3, 30), (H + 1, H + 3), [(H, at(0, 15), at(1)), (H + 3, at(3), at(3, 30))]),
    (at(0, 15), at(0, 45), None, [(H, at(0, 15), at(0, 45))]),
    (at(0, 15), at(1, 30), None, [(H, at(0, 15), at(1)), (H + 1, at(1), at(1, 30))]),
    (at(0, 15), at(1), None, [(H, at(0, 15), at(1))]),
    (at(0), at(0, 30), None, [(H, at(0), at(0, 30))]),
    (at(0, 15), at(2), (H + 1, H + 2), [(H, at(0, 15), at(1))]),
    (at(0, 15), None, (H + 1, None), [(H, at(0, 15), at(1))]),
    (None, at(3, 30), (None, H + 3), [(H + 3, at(3), at(3, 30))]),
    (at(0), None, (H, None), []),
    (at(2), at(2), None, []),
    (at(0, 59, 59, 999_999), at(1, 0, 0, 1), None,
     [(H, at(0, 59, 59, 999_999), at(1)), (H + 1, at(1), at(1, 0, 0, 1))]),
])
def test_a_window_splits_into_whole_hours_and_its_partial_edges(since, until, whole, edges):
    assert split(since, until) == Split(whole, tuple(Edge(*e) for e in edges))


def test_the_hour_is_counted_in_utc_whatever_zone_the_time_is_given_in():
    beijing = timezone(timedelta(hours=8))
    assert hour_of(datetime(2026, 11, 23, 10, 0, tzinfo=beijing)) == hour_of(T0) == (T0 - EPOCH).days * 24 + 2
    assert hour_of(at(0, 59, 59, 999_999)) == H and hour_of(at(1)) == H + 1  # no rounding of microseconds
    assert split(datetime(2026, 11, 23, 10, 30, tzinfo=beijing), None).edges == (Edge(H, at(0, 30), at(1)),)


instants = st.datetimes(min_value=datetime(2026, 11, 22), max_value=datetime(2026, 11, 25), timezones=st.just(UTC))


@given(since=st.none() | instants, until=st.none() | instants, t=instants)
def test_every_instant_of_the_window_is_counted_exactly_once_and_none_outside(since, until, t):
    """Whole hours and edges tile [since, until): an instant inside is in exactly one of them."""
    parts = split(since, until)
    inside = (since is None or since <= t) and (until is None or t < until)
    hits = 0
    if parts.whole is not None:
        first, end = parts.whole
        hits += (first is None or first <= hour_of(t)) and (end is None or hour_of(t) < end)
    for e in parts.edges:
        assert hour_start(e.hour) <= e.since < e.until <= hour_start(e.hour + 1)
        hits += e.since <= t < e.until
    assert hits == (1 if inside else 0)


# ---- rollups against one scan (SQLite and PostgreSQL) ------------------------------------------------

def ok(store, actor, name, args, now):
    out = store.execute([Request(actor, name, cmds.validate_args(name, args))], now=now)[0]
    assert out.result["ok"], (name, out.result)
    return out.result


@pytest.fixture
def world(store, catalog):
    """Scripted cases over five hours: every kind of life, two teams and a department, several
    streets, grids, categories and people, hotline and grid sources, two drill cases."""
    teams = sorted(catalog.teams)[:2]
    dept = sorted(catalog.departments)[0]
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    places = [grids[0], grids[len(grids) // 2], grids[-1]]
    cats = sorted(catalog.categories)[:2]
    ids = []
    for k in range(12):
        when = at(0, 25 * k, k, 1000 * k)
        g = places[k % 3]
        args = {"category": cats[k % 2], "lat": g.centroid[0], "lon": g.centroid[1], "description": f"case {k}",
                "source": ("12345", "grid", "hotline")[k % 3]}
        if k in (4, 9):
            args |= {"drill": True, "drill_run": "flood"}
        iid = ok(store, OP, "incident.report", args, when)["incident"]["id"]
        ids.append(iid)
        live(store, k, iid, ids, teams, dept, when)
    return {"ids": ids, "teams": teams, "dept": dept, "store": store}


def live(store, k, iid, ids, teams, dept, when):
    """Case k's life, a few minutes after its report."""
    who = (OP, SUP)[k % 2]

    def do(name, args=None, actor=SUP, late=False):
        nonlocal when
        when += timedelta(minutes=1)
        ok(store, actor, name, {"incident": iid, **(args or {})}, when + (timedelta(days=30) if late else timedelta()))

    kind = k % 6
    if kind == 2:
        do("incident.reject", {"reason": "重复"}, OP)
        return
    do("incident.accept", actor=who)
    if kind == 3:
        do("incident.merge", {"into": ids[k - 3]}, OP)  # into the open case before it
        return
    target = {"department": dept} if kind == 4 else {"team": teams[k % 2]}
    if kind == 1:
        do("incident.dispatch", target)
        do("incident.return", {"reason": "不属本队"})
    do("incident.dispatch", target)
    if kind == 0:  # left open: parked, then urged
        do("incident.park", {"reason": "待协调"})
        do("incident.unpark")
        do("incident.urge", {"level": 1}, OP)
        return
    do("incident.acknowledge")
    if kind == 1:
        do("incident.resolve")
        do("incident.verify", {"passed": False, "note": "未处置到位"})
        do("incident.acknowledge")
    do("incident.resolve", late=k in (7, 11))
    do("incident.verify", {"passed": True})
    do("incident.close", {"satisfaction": (5, 3, 4)[k % 3]} if kind != 1 else {})


WINDOWS = [
    {},
    {"since": at(0).isoformat(), "until": at(5).isoformat()},  # aligned
    {"since": at(0, 17, 3).isoformat(), "until": at(3, 41).isoformat()},  # not aligned
    {"since": at(1, 5).isoformat(), "until": at(1, 50).isoformat()},  # inside one hour
    {"since": at(1, 30).isoformat(), "until": at(2, 20).isoformat()},  # across one boundary
    {"since": at(2, 10).isoformat()},
    {"until": at(3, 1).isoformat()},
    {"since": at(1).isoformat(), "until": at(1).isoformat()},  # empty
    {"since": "2026-11-23T10:45:00+08:00", "until": "2026-11-23T13:15:00+08:00"},  # another zone
]


def assert_rollups_equal_one_scan(store, groups=GROUPS, windows=WINDOWS):
    checked = 0
    for group in groups:
        for window in windows:
            for drill in (False, True):
                args = {"group_by": group, "drill": drill, **window}
                rolled = query_indicators(store, args)
                assert rolled == query_indicators(store, args, rollups=False), args
                checked += sum(r["reported"] for r in rolled["rows"])
    assert checked  # not only empty answers


def test_rollups_give_what_one_scan_gives_for_every_grouping_window_and_drill_flag(world):
    store = world["store"]
    assert_rollups_equal_one_scan(store)
    [row] = query_indicators(store, {"group_by": "all"})["rows"]
    assert (row["reported"], row["closed"], row["reworks"]) == (10, 5, 2)  # the script did what it says
    with store.engine.connect() as conn:  # the whole hours were summed from rollups, built per grouping
        assert set(conn.scalars(select(NumberBuiltRow.kind).distinct())) == set(GROUPS)
        assert conn.scalar(select(func.count()).select_from(NumberRollupRow)) > 0


def test_after_commands_change_cases_in_rolled_up_hours_the_numbers_follow(world):
    store, ids, teams = world["store"], world["ids"], world["teams"]
    assert_rollups_equal_one_scan(store)  # every grouping rolled up
    with store.engine.connect() as conn:
        before = dict(conn.execute(select(NumberHourRow.hour, NumberHourRow.version)).all())
    later = at(6)
    ok(store, SUP, "incident.acknowledge", {"incident": ids[0]}, later)  # the open case (hour 0) goes on
    ok(store, SUP, "incident.resolve", {"incident": ids[0]}, later)
    ok(store, SUP, "incident.verify", {"incident": ids[0], "passed": True}, later)
    ok(store, SUP, "incident.close", {"incident": ids[0], "satisfaction": 2}, later)
    ok(store, OP, "incident.callback", {"incident": ids[5], "reached": True, "satisfaction": 1}, later)  # hour 2
    ok(store, SUP, "incident.reopen", {"incident": ids[3], "reason": "不是重复", "team": teams[1]}, later)  # hour 1
    with store.engine.connect() as conn:
        after = dict(conn.execute(select(NumberHourRow.hour, NumberHourRow.version)).all())
    changed = {hour_of(store.incident(ids[k]).reported_at) for k in (0, 3, 5)}
    assert {h for h in after if after[h] != before.get(h)} == changed  # only those hours went stale
    # an imported case keeps its source's time: a new case in an hour already rolled up
    g = sorted(store.catalog.grids.values(), key=lambda g: g.code)[1]
    ok(store, OP, "incident.report", {"category": sorted(store.catalog.categories)[0], "lat": g.centroid[0],
                                      "lon": g.centroid[1], "description": "imported", "source": "12345",
                                      "reported_at": at(3, 7).isoformat()}, later)
    assert_rollups_equal_one_scan(store)


def test_after_a_drill_purge_the_drill_numbers_lose_its_cases(world):
    store = world["store"]
    assert_rollups_equal_one_scan(store)
    [drill] = query_indicators(store, {"drill": True})["rows"]
    assert drill["reported"] == 2
    ok(store, SUP, "drill.purge", {"drill": "flood"}, at(7))
    assert query_indicators(store, {"drill": True})["rows"] == []
    assert_rollups_equal_one_scan(store)


def test_a_first_build_in_many_transactions_and_by_several_readers_at_once_agrees(world, monkeypatch):
    """The first query builds its hours a few per transaction; readers racing to build the same
    hours (on PostgreSQL the losers' transactions fail and run again) all get the one answer."""
    store = world["store"]
    monkeypatch.setattr(rollups_mod, "BUILD_HOURS", 2)
    args = {"group_by": "street", "since": at(0, 17).isoformat()}
    want = query_indicators(store, args, rollups=False)
    start = threading.Barrier(4)
    got, errors = [], []

    def reader():
        try:
            start.wait()
            got.append(query_indicators(store, args))
        except Exception as e:  # surfaced below
            errors.append(e)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and got == [want] * 4


def test_department_numbers_follow_a_team_moved_to_another_department(world):
    store, team = world["store"], world["teams"][0]
    assert_rollups_equal_one_scan(store, groups=["department"])
    other = sorted(store.catalog.departments)[-1]
    with store.engine.begin() as conn:  # the hub never does this; the rollups must still notice
        conn.execute(text("UPDATE teams SET department = :d WHERE id = :t"), {"d": other, "t": team})
    rows = {r["key"]: r for r in query_indicators(store, {"group_by": "department"})["rows"]}
    assert other in rows
    assert_rollups_equal_one_scan(store, groups=["department"])


def test_a_change_that_skips_the_hour_versions_is_not_seen_so_the_rollups_are_really_used(world):
    """The equality above is no accident of reading the cases: a case changed behind the store's
    back (no new hour version) keeps its old numbers in whole hours, and only there."""
    store, ids = world["store"], world["ids"]
    whole = {"group_by": "all", "since": at(0).isoformat(), "until": at(5).isoformat()}
    edge = {"group_by": "all", "since": at(0, 1).isoformat(), "until": at(0, 59).isoformat()}
    before = query_indicators(store, whole)["rows"][0]["closed"]
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE incidents SET state = 'closed', accepted_by = 'x' WHERE id = :i"),
                     {"i": ids[2]})  # hour 0: rejected (closed counts once accepted)
    assert query_indicators(store, whole)["rows"][0]["closed"] == before
    assert query_indicators(store, whole, rollups=False)["rows"][0]["closed"] == before + 1
    assert query_indicators(store, edge) == query_indicators(store, edge, rollups=False)  # edges read the cases


def test_every_written_case_carries_its_report_hour(world):
    store = world["store"]
    with store.engine.connect() as conn:
        rows = conn.execute(select(IncidentRow.reported_at, IncidentRow.report_hour)).all()
        hours = set(conn.scalars(select(NumberHourRow.hour)))
    assert rows and all(h == hour_of(r) for r, h in rows)
    assert {h for _r, h in rows} <= hours
