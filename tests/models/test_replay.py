"""Looking back (CONTRACT §5, issue 16) in the store, on SQLite and PostgreSQL.

- the state rebuilt for any seq (the nearest checkpoint plus the events after it) equals what a
  console that applied every event up to that seq holds — the console's ``ConsoleState`` and the
  session's ``Replica`` alike, field for field — across checkpoints, drill purges, the SLA clock,
  units, cameras and notices (a property test over random command sequences);
- a moment given as a time takes every event stamped at it;
- checkpoints, thinning old positions, retention and migration 0008.
"""

import json
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from console.models import commands as cmds
from console.models.lifecycle import Actor, Role
from console.models.store import Request
from console.models.store.replay import NOTICE_LIMIT, NOTICE_WINDOW
from console.net.session import Replica
from console.state.console import ConsoleState

T0 = datetime(2026, 11, 20, 0, 30, tzinfo=UTC)
SUP = Actor("sup", Role.SUPERVISOR)
OP = Actor("op", Role.OPERATOR)
SENSOR = Actor("cam-gw", Role.SENSOR)
NAMES = ["incident.accept", "incident.reject", "incident.dispatch", "incident.acknowledge", "incident.return",
         "incident.escalate", "incident.resolve", "incident.verify", "incident.close", "incident.merge",
         "incident.reopen", "incident.note", "incident.urge", "incident.park", "incident.unpark"]

step = st.one_of(
    st.tuples(st.just("report"), st.integers(0, 30), st.booleans(), st.booleans(), st.booleans()),
    st.tuples(st.just("incident"), st.sampled_from(NAMES), st.integers(0, 30), st.booleans()),
    st.tuples(st.just("unit"), st.integers(0, 4), st.floats(-0.01, 0.01), st.sampled_from(["free", "busy"])),
    st.tuples(st.just("camera"), st.integers(0, 3), st.sampled_from(["online", "offline", "alarm"])),
    st.tuples(st.just("notice"), st.sampled_from(["info", "urgent"]), st.booleans()),
    st.tuples(st.just("purge")),
    st.tuples(st.just("sla")),
    st.tuples(st.just("checkpoint"), st.integers(1, 6)),
)
# (what, minutes later (0: the same batch as the step before, when both are commands))
steps = st.lists(st.tuples(step, st.sampled_from([0, 0, 1, 7, 45, 300])), min_size=1, max_size=40)


def _request(what, ids, catalog):
    kind = what[0]
    team = sorted(catalog.teams)[0]
    if kind == "report":
        _, g, urgent, phone, drill = what
        grid = sorted(catalog.grids.values(), key=lambda x: x.code)[g]
        args = {"category": "P0101" if urgent else "P0104", "lat": grid.centroid[0], "lon": grid.centroid[1],
                "description": "事件", "source": "grid"} | ({"caller_phone": "13812345678"} if phone else {}) | (
            {"drill": True} if drill else {})
        return Request(OP, "incident.report", cmds.validate_args("incident.report", args))
    if kind == "incident":
        _, name, which, flag = what
        if not ids:
            return None
        target, other = ids[which % len(ids)], ids[(which + 1) % len(ids)]
        a = {"incident": target}
        if name in ("incident.reject", "incident.return", "incident.reopen", "incident.escalate", "incident.park"):
            a["reason"] = "原因"
        if name == "incident.dispatch" or (name == "incident.reopen" and flag):
            a |= {"department": sorted(catalog.departments)[0]} if flag else {"team": team}
        if name == "incident.escalate":
            a["department"] = sorted(catalog.departments)[0]
        a |= {"incident.verify": {"passed": flag}, "incident.close": {"satisfaction": 4},
              "incident.merge": {"into": other}, "incident.note": {"text": "备注"},
              "incident.urge": {"level": 1}}.get(name, {})
        return Request(SUP, name, cmds.validate_args(name, a))
    if kind == "unit":
        _, k, dlat, status = what
        unit = sorted(catalog.units.values(), key=lambda u: u.id)[k]
        args = {"unit": unit.id, "lat": unit.lat + dlat, "lon": unit.lon - dlat, "status": status, "speed": 3.5}
        return Request(SUP, "unit.update", cmds.validate_args("unit.update", args))
    if kind == "camera":
        _, k, status = what
        cam = sorted(c["id"] for c in catalog.to_wire()["cameras"])[k]
        args = {"camera": cam, "status": status} | ({"incident": ids[-1], "note": "积水"} if ids and status == "alarm"
                                                    else {})
        return Request(SENSOR, "camera.update", cmds.validate_args("camera.update", args))
    if kind == "notice":
        args = {"text": "注意", "level": what[1]} | ({"drill": True} if what[2] else {})
        return Request(SUP, "notice.post", cmds.validate_args("notice.post", args))
    if kind == "purge":
        return Request(SUP, "drill.purge", cmds.validate_args("drill.purge", {"drill": "*"}))
    return None


def rebuilt(store, seq=None, at=None, limit=3):
    """query.state_at through every page (small pages, so paging is exercised)."""
    args = {"seq": seq} if at is None else {"at": at}
    pages = [store.query_state_at(cmds.validate_args("query.state_at", args | {"limit": limit}))]
    while pages[-1]["next_cursor"]:
        pages.append(store.query_state_at(cmds.validate_args(
            "query.state_at", args | {"cursor": pages[-1]["next_cursor"], "limit": limit})))
    assert len({p["head"] for p in pages}) == 1
    assert all(p["units"] == p["cameras"] == p["notices"] == [] for p in pages[1:]), "whole on the first page"
    ids = [i["id"] for p in pages for i in p["incidents"]]
    assert ids == sorted(set(ids)), "each active incident once, in id order"
    first = pages[0]
    return first["head"], first["at"], {
        "incidents": {i["id"]: i for p in pages for i in p["incidents"]},
        "units": {u["id"]: u for u in first["units"]},
        "cameras": {c["id"]: c for c in first["cameras"]},
        "notices": {n["id"]: n for n in first["notices"]},
    }


def _recent(notices, at):
    """The documented rule for notices (a snapshot's): the last day's before the moment, newest 100."""
    if at is None:
        return dict(notices)
    since = datetime.fromisoformat(at.replace("Z", "+00:00")) - NOTICE_WINDOW
    kept = sorted((n for n in notices.values() if datetime.fromisoformat(n["at"].replace("Z", "+00:00")) >= since),
                  key=lambda n: (n["at"], n["id"]))[-NOTICE_LIMIT:]
    return {n["id"]: n for n in kept}


def held_by(console, at):
    return {"incidents": dict(console.incidents), "units": dict(console.units), "cameras": dict(console.cameras),
            "notices": _recent(console.notices, at)}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=steps, data=st.data())
def test_the_state_rebuilt_for_any_seq_is_what_a_console_that_applied_every_event_holds(store, catalog, plan,
                                                                                        data):
    # the hypothesis examples share the store: time runs on from one to the next, so do the seqs
    base = store.__dict__.setdefault("_t_base", store.snapshot())
    assert base["head"] == 0
    now = store.__dict__.get("_t_now", T0)
    ids = store.__dict__.setdefault("_t_ids", [])
    checkpoints = store.__dict__.setdefault("_t_checkpoints", [0])
    batch = []

    def flush():
        if batch:
            for out in store.execute(batch, now=now):
                if out.result.get("ok") and "incident" in out.result and out.result["incident"]["id"] not in ids:
                    ids.append(out.result["incident"]["id"])
            batch.clear()

    for what, minutes in plan:
        if minutes:
            flush()
            now += timedelta(minutes=minutes)
        if what[0] == "sla":
            flush()
            store.sla_sweep(now)
        elif what[0] == "checkpoint":
            flush()
            while (cp := store.make_checkpoint(now, every=what[1], age=timedelta(hours=2))) is not None:
                checkpoints.append(cp)
        elif (req := _request(what, ids, catalog)) is not None:
            batch.append(req)
    flush()
    store._t_now = now

    head = store.head()
    events = [json.loads(f) for f in store.events_since(0)]
    assert [e["seq"] for e in events] == list(range(1, head + 1))
    near = {s + d for s in checkpoints for d in (-1, 0, 1)}
    # drawn independently of the store (which the examples share), then brought into range
    picks = [k % (head + 1) for k in data.draw(st.lists(st.integers(0, 1 << 30), max_size=6))]
    targets = sorted({0, head, *picks, *(s for s in near if 0 <= s <= head)})
    # two consoles: the console's own state model, and the session's replica, from the snapshot at seq 0
    console = ConsoleState()
    console.apply_snapshot({"incidents": base["incidents"], "units": base["units"], "teams": base["teams"],
                            "reference": {"cameras": base["cameras"], "notices": base["notices"]}})
    replica = Replica(incidents={}, units={u["id"]: u for u in base["units"]},
                      cameras={c["id"]: c for c in base["cameras"]}, notices={})
    applied = 0
    for target in targets:
        stretch = events[applied:target]
        console.apply_events(stretch)
        for ev in stretch:
            replica.apply(ev)
        applied = target
        at = events[target - 1]["at"] if target else None
        got_head, got_at, state = rebuilt(store, target)
        assert (got_head, got_at) == (target, at)
        assert state == held_by(console, at), f"seq {target} (checkpoints {checkpoints})"
        assert state == held_by(replica, at), f"seq {target}"
        if target:
            # every event stamped at that instant is in: the head at that time is the last of them
            assert rebuilt(store, at=at)[0] == max(e["seq"] for e in events if e["at"] <= at)


# ---- checkpoints -------------------------------------------------------------------------------------

def _units(store, catalog, n, now, step=timedelta(seconds=10)):
    """n rounds of every one of the first two units reporting; returns the time after them."""
    units = sorted(catalog.units.values(), key=lambda u: u.id)[:2]
    for _ in range(n):
        store.execute([Request(SUP, "unit.update", cmds.validate_args(
            "unit.update", {"unit": u.id, "lat": u.lat, "lon": u.lon, "status": "en_route"})) for u in units], now=now)
        now += step
    return now


def test_a_checkpoint_falls_every_so_many_events_and_at_the_head_once_an_event_waits_too_long(store, catalog):
    from console.models.schema import CheckpointRow

    now = _units(store, catalog, 11, T0)  # 22 events
    assert store.make_checkpoint(now, every=10, age=timedelta(hours=1)) == 10
    assert store.make_checkpoint(now, every=10, age=timedelta(hours=1)) == 20
    assert store.make_checkpoint(now, every=10, age=timedelta(hours=1)) is None  # 2 past it, not an hour old
    assert store.make_checkpoint(now + timedelta(minutes=59), every=10, age=timedelta(hours=1)) is None
    assert store.make_checkpoint(now + timedelta(hours=1), every=10, age=timedelta(hours=1)) == 22
    assert store.make_checkpoint(now + timedelta(hours=2), every=10, age=timedelta(hours=1)) is None  # nothing new
    with store.engine.connect() as conn:
        assert list(conn.scalars(CheckpointRow.__table__.select().with_only_columns(CheckpointRow.seq)
                                 .order_by(CheckpointRow.seq))) == [0, 10, 20, 22]


# ---- thinning old positions ---------------------------------------------------------------------------

def test_a_large_state_is_checkpointed_after_as_many_events_as_weigh_what_it_weighs(store, catalog):
    """Checkpoints never outweigh the log: with many long cases active, the next checkpoint waits
    for as many bytes of events as the last checkpoint holds, not just ``every`` events."""
    import math
    import random

    from sqlalchemy import func

    from console.models.schema import CheckpointRow, EventRow

    rng = random.Random(16)
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[0]
    reports = [Request(OP, "incident.report", cmds.validate_args("incident.report", {
        "category": "P0104", "lat": grid.centroid[0], "lon": grid.centroid[1], "source": "grid",
        "description": "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(4000))})) for _ in range(30)]
    store.execute(reports, now=T0)
    base = store.make_checkpoint(T0, every=1000, age=timedelta(0))
    assert base == 30
    now = _units(store, catalog, 5, T0 + timedelta(minutes=1))  # 10 small events
    with store.engine.connect() as conn:
        size = conn.scalar(select(func.length(CheckpointRow.state)).where(CheckpointRow.seq == base))
        mean = float(conn.scalar(select(func.avg(func.length(EventRow.frame))).where(EventRow.seq > base)))
    due = base + math.ceil(size / mean)
    assert due > base + 100 and store.next_checkpoint(10) == due
    unit = sorted(catalog.units.values(), key=lambda u: u.id)[0]
    move = cmds.validate_args("unit.update", {"unit": unit.id, "lat": unit.lat, "lon": unit.lon, "status": "busy"})
    while store.head() < due:
        assert store.make_checkpoint(now, every=10, age=timedelta(hours=1)) is None, store.head()
        n = min(100, due - store.head())
        store.execute([Request(SUP, "unit.update", move) for _ in range(n)], now=now)
    assert store.make_checkpoint(now, every=10, age=timedelta(hours=1)) == due


def _log(store):
    from console.models.schema import EventRow as E

    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(E.seq, E.at, E.kind, E.subject, E.frame).order_by(E.seq))]


def _minute(at):
    return at.replace(second=0, microsecond=0)


def _thinned(rows, cut):
    """What thinning unit positions stamped before ``cut`` must leave: the last of each unit's
    events in each minute, and everything else."""
    last = {}
    for seq, at, kind, subject, _frame in rows:
        if kind == "unit" and at < cut:
            last[(subject, _minute(at))] = seq
    return [r for r in rows if r[2] != "unit" or r[1] >= cut or last[(r[3], _minute(r[1]))] == r[0]]


def _report(store, catalog, now):
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[0]
    args = {"category": "P0104", "lat": grid.centroid[0], "lon": grid.centroid[1], "description": "d", "source": "grid"}
    store.execute([Request(OP, "incident.report", cmds.validate_args("incident.report", args))], now=now)


def test_old_unit_positions_thin_to_the_last_per_unit_per_minute_and_nothing_else_is_touched(store, catalog):
    from console.models.store.history import Recall

    now = T0 + timedelta(seconds=5)
    for _ in range(5):  # five minutes of two units every 10 s, a report after each minute
        now = _units(store, catalog, 6, now)
        _report(store, catalog, now)
    mid = store.make_checkpoint(now, every=25, age=timedelta(days=1))  # a checkpoint part-way through
    old_end = store.head()
    ends = {}  # the seq that ends each minute: every unit's last event of that minute is in by then
    for seq, at, *_ in _log(store):
        ends[_minute(at)] = seq
    states = {s: rebuilt(store, s)[2] for s in ends.values()}
    later = T0 + timedelta(days=20)
    _units(store, catalog, 6, later)  # recent positions: kept whole
    before = _log(store)
    while store.thin_tracks(later, timedelta(days=14)):
        pass
    # only what lies before the newest checkpoint's minute is thinned
    cut = _minute(next(at for seq, at, *_ in before if seq == mid))
    assert any(r[2] == "unit" and r[1] < cut for r in before)
    assert _log(store) == _thinned(before, cut)
    # with a checkpoint at the end, the rest of the old stretch thins too
    assert store.make_checkpoint(later, every=10_000, age=timedelta(0)) == store.head()
    while store.thin_tracks(later, timedelta(days=14)):
        pass
    after = _log(store)
    assert after == _thinned(before, later - timedelta(days=14))
    kept = [r for r in after if r[2] == "unit" and r[0] <= old_end]
    assert len(kept) == 2 * 5, "one per unit per minute"
    assert [r for r in after if r[2] != "unit"] == [r for r in before if r[2] != "unit"], "incidents: never"
    assert len([r for r in after if r[0] > old_end]) == 12, "recent positions are kept whole"
    store.recall = Recall()  # forget the states rebuilt before the thinning
    for s, state in states.items():
        assert rebuilt(store, s)[2] == state, f"at the end of each minute the state is unchanged (seq {s})"
    assert store.events_since(1) is None, "a resume from inside a thinned stretch gets a snapshot, not a gap"
    assert store.events_since(store.head() - 1) is not None


def test_the_checkpoints_of_a_thinned_stretch_thin_to_the_last_of_each_hour_and_answers_stay(store, catalog):
    from console.models.schema import CheckpointRow
    from console.models.store.history import Recall

    now = _units(store, catalog, 16, T0, step=timedelta(minutes=10))  # one position per unit and minute
    made = []
    while (cp := store.make_checkpoint(now, every=4, age=timedelta(days=1))) is not None:
        made.append(cp)
    assert len(made) >= 4  # every 4 events, or as many as weigh what a checkpoint weighs
    old_head = store.head()
    later = T0 + timedelta(days=20)
    _units(store, catalog, 1, later)
    newest = store.make_checkpoint(later, every=10_000, age=timedelta(0))
    states = {s: rebuilt(store, s)[2] for s in range(old_head + 1)}
    by_hour = {}
    for seq, at, *_ in _log(store):
        if seq in made:
            by_hour[at.replace(minute=0)] = seq
    while store.thin_tracks(later, timedelta(days=14)):
        pass
    with store.engine.connect() as conn:
        kept = list(conn.scalars(select(CheckpointRow.seq).order_by(CheckpointRow.seq)))
    assert kept == [0, *sorted(set(by_hour.values())), newest] and len(kept) < len(made) + 2
    store.recall = Recall()
    assert {s: rebuilt(store, s)[2] for s in range(old_head + 1)} == states


# ---- retention -------------------------------------------------------------------------------------------

def test_events_past_retention_go_up_to_a_kept_checkpoint_and_later_moments_still_rebuild(store, catalog):
    from console.models.store.history import Recall

    now = _units(store, catalog, 3, T0)
    _report(store, catalog, now)
    first_day = store.head()
    assert store.make_checkpoint(now, every=10_000, age=timedelta(0)) == first_day
    later = T0 + timedelta(days=10)
    _units(store, catalog, 3, later)
    _report(store, catalog, later)
    head = store.head()
    want = rebuilt(store, head)
    assert store.prune_log(T0 + timedelta(days=399), timedelta(days=400)) == 0, "nothing is 400 days old yet"
    gone = 0
    while n := store.prune_log(T0 + timedelta(days=409), timedelta(days=400)):
        gone += n
    assert gone == first_day
    assert [e["seq"] for e in store.query_events({"after": 0})["events"]] == list(range(first_day + 1, head + 1))
    store.recall = Recall()
    assert rebuilt(store, head) == want and rebuilt(store, first_day)[0] == first_day
    from console.models.commands import CommandError

    try:
        store.query_state_at({"seq": first_day - 1})
        raise AssertionError("a forgotten moment cannot be rebuilt")
    except CommandError as e:
        assert e.code == "not_found" and f"starts at seq {first_day}" in e.message
    assert store.events_since(0) is None


# ---- migration 0008 ----------------------------------------------------------------------------------------

def _migration(name):
    import importlib.util

    from console.models.store.engine import MIGRATIONS

    spec = importlib.util.spec_from_file_location(name, next((MIGRATIONS / "versions").glob(f"{name}_*.py")))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_migration_0008_gives_stored_events_their_subject_and_an_upgraded_log_rebuilds_from_then_on(
        store, catalog, db_url):
    from alembic import command
    from alembic.config import Config

    from console.models.commands import CommandError
    from console.models.store import Store
    from console.models.store.engine import MIGRATIONS

    now = _units(store, catalog, 2, T0)
    _report(store, catalog, now)
    store.execute([Request(SUP, "notice.post", cmds.validate_args("notice.post", {"text": "t"}))], now=now)
    subjects = [r[3] for r in _log(store)]
    assert all(subjects) and subjects == [json.loads(r[4])["data"]["id"] for r in _log(store)]
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE events SET subject = NULL")
        _migration("0008").backfill(conn.exec_driver_sql, conn.dialect.name)
    assert [r[3] for r in _log(store)] == subjects

    head = store.head()
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    for target in ("0007", "head"):  # a database of before 0008, brought up to date
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if target == "0007" else command.upgrade)(cfg, target)
    assert [r[3] for r in _log(store)] == subjects
    reopened = Store(db_url, catalog)  # writes the first checkpoint, at the head it finds
    try:
        got_head, _at, state = rebuilt(reopened, head)
        assert got_head == head and set(state["incidents"]) == {json.loads(r[4])["data"]["id"]
                                                                 for r in _log(store) if r[2] == "incident"}
        assert state["units"] == {u["id"]: u for u in store.snapshot()["units"]}
        try:
            reopened.query_state_at({"seq": head - 1})
            raise AssertionError("before the upgrade there is no checkpoint to start from")
        except CommandError as e:
            assert e.code == "not_found"
    finally:
        reopened.close()
