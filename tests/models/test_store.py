"""The store applies commands atomically, keeps an append-only trail and a gap-free event log.

Every test here runs twice: on an SQLite file and on a fresh PostgreSQL schema (see conftest).
"""

import json
import threading
from datetime import UTC, datetime, timedelta

import pytest

from console.models import commands as cmds
from console.models.lifecycle import Actor, Role
from console.models.store import Request, Store

OP = Actor("op.zhang", Role.OPERATOR)
SUP = Actor("sup.wang", Role.SUPERVISOR)
VIEWER = Actor("wall", Role.VIEWER)
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 10:00 in Changchun


def run(store, actor, name, args, cid=None, now=NOW):
    out = store.execute([Request(actor, name, cmds.validate_args(name, args), cid)], now=now)[0]
    return out


def ok(store, actor, name, args, cid=None, now=NOW):
    out = run(store, actor, name, args, cid, now)
    assert out.result["ok"], out.result
    return out.result


@pytest.fixture
def place(catalog):
    """A point inside a real grid of the demo district, and a capable team for it."""
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[len(catalog.grids) // 2]
    lat, lon = grid.centroid
    return lat, lon, grid


@pytest.fixture
def cat_code(catalog):
    return sorted(catalog.categories)[0]


@pytest.fixture
def team(catalog):
    return sorted(catalog.teams)[0]


@pytest.fixture
def dept(catalog):
    return sorted(catalog.departments)[0]


def report(store, cat_code, place, **extra):
    lat, lon, _grid = place
    args = {"category": cat_code, "lat": lat, "lon": lon, "description": "井盖缺失", "source": "grid"} | extra
    return ok(store, OP, "incident.report", args)["incident"]


def test_report_creates_a_placed_incident_with_a_dated_number_and_event_one(store, cat_code, place, catalog):
    inc = report(store, cat_code, place)
    assert inc["id"] == f"{catalog.district.code}20261123" + "0001"
    assert inc["state"] == "reported" and inc["version"] == 1
    assert inc["grid"] == place[2].code and inc["street"] == place[2].street
    assert inc["deadline"] and inc["sla"] == "green"
    assert store.head() == 1
    [frame] = store.events_since(0)
    ev = json.loads(frame)
    assert ev["seq"] == 1 and ev["kind"] == "incident" and ev["data"]["id"] == inc["id"]
    assert ev["data"]["action"] == {"name": "report", "actor": OP.name, "from": None, "to": "reported", "note": None}


def test_whole_life_to_closed_leaves_one_transition_and_one_event_per_step(store, cat_code, place, team):
    inc = report(store, cat_code, place)
    i = inc["id"]
    steps = [
        (OP, "incident.accept", {}),
        (OP, "incident.dispatch", {"team": team, "note": "最近的队伍"}),
        (Actor("f", Role.FIELD, team=team), "incident.acknowledge", {}),
        (Actor("f", Role.FIELD, team=team), "incident.resolve", {"note": "已修复"}),
        (OP, "incident.verify", {"passed": True}),
        (OP, "incident.close", {"satisfaction": 5}),
    ]
    for n, (actor, name, args) in enumerate(steps, start=2):
        res = ok(store, actor, name, {"incident": i} | args, now=NOW + timedelta(minutes=n))
        assert res["incident"]["version"] == n
        assert res["seq"] == n
    final = store.incident(i)
    assert final.state.value == "closed" and final.satisfaction == 5 and final.sla is None
    trail = store.transitions(i)
    assert [t.action for t in trail] == ["report", "accept", "dispatch", "acknowledge", "resolve", "verify_pass",
                                         "close"]
    assert [t.to_state for t in trail][-1] == "closed"
    assert [json.loads(f)["seq"] for f in store.events_since(0)] == list(range(1, 8))
    assert store.snapshot()["incidents"] == []  # closed is not active


def test_same_command_id_returns_the_first_result_and_changes_nothing(store, cat_code, place):
    lat, lon, _ = place
    args = {"category": cat_code, "lat": lat, "lon": lon, "description": "d", "source": "hotline"}
    first = ok(store, OP, "incident.report", args, cid="c-1")
    again = ok(store, OP, "incident.report", args, cid="c-1")
    assert again == first
    assert store.head() == 1
    # A failed result is remembered too: resending it fails the same way.
    bad = run(store, OP, "incident.close", {"incident": first["incident"]["id"]}, cid="c-2").result
    assert bad["code"] == "invalid_transition"
    ok(store, OP, "incident.accept", {"incident": first["incident"]["id"]})
    assert run(store, OP, "incident.close", {"incident": first["incident"]["id"]}, cid="c-2").result == bad


def test_the_same_id_from_another_user_is_another_command(store, cat_code, place):
    lat, lon, _ = place
    args = {"category": cat_code, "lat": lat, "lon": lon, "description": "d", "source": "hotline"}
    a = ok(store, OP, "incident.report", args, cid="x")
    b = ok(store, SUP, "incident.report", args, cid="x")
    assert a["incident"]["id"] != b["incident"]["id"]


def test_stale_expect_version_is_a_conflict_and_writes_nothing(store, cat_code, place):
    inc = report(store, cat_code, place)
    res = run(store, OP, "incident.accept", {"incident": inc["id"], "expect_version": 7}).result
    assert res["ok"] is False and res["code"] == "conflict"
    assert store.incident(inc["id"]).version == 1 and store.head() == 1
    ok(store, OP, "incident.accept", {"incident": inc["id"], "expect_version": 1})


def test_external_id_is_unique_per_source(store, cat_code, place):
    a = report(store, cat_code, place, source="12345", external_id="WO-1")
    b = ok(store, OP, "incident.report", {"category": cat_code, "lat": place[0], "lon": place[1],
                                           "description": "again", "source": "12345", "external_id": "WO-1"})
    assert b["incident"]["id"] == a["id"] and b.get("existing") is True
    c = report(store, cat_code, place, source="nyc311", external_id="WO-1")
    assert c["id"] != a["id"]
    assert store.head() == 2


def test_external_id_repeated_inside_one_batch_makes_one_incident(store, cat_code, place):
    args = cmds.validate_args("incident.report", {"category": cat_code, "lat": place[0], "lon": place[1],
                                                  "description": "d", "source": "csv", "external_id": "7"})
    outs = store.execute([Request(OP, "incident.report", args, f"r{i}") for i in range(3)], now=NOW)
    ids = {o.result["incident"]["id"] for o in outs}
    assert len(ids) == 1 and store.head() == 1


def test_a_refused_command_in_a_batch_leaves_the_others_applied(store, cat_code, place):
    inc = report(store, cat_code, place)
    reqs = [
        Request(OP, "incident.accept", {"incident": inc["id"]}, "a"),
        Request(OP, "incident.close", {"incident": inc["id"]}, "b"),  # not allowed from accepted
        Request(OP, "incident.note", {"incident": inc["id"], "text": "备注"}, "c"),
        Request(OP, "incident.accept", {"incident": "nope"}, "d"),
    ]
    outs = store.execute(reqs, now=NOW)
    assert [o.result["ok"] for o in outs] == [True, False, True, False]
    assert outs[1].result["code"] == "invalid_transition" and outs[3].result["code"] == "not_found"
    assert outs[1].events == [] and len(outs[0].events) == 1
    assert store.incident(inc["id"]).version == 3
    assert store.head() == 3


def test_refusals_name_their_reason(store, cat_code, place, team, catalog):
    inc = report(store, cat_code, place)
    i = inc["id"]
    assert run(store, OP, "incident.reopen", {"incident": i, "reason": "r"}).result["code"] == "invalid_transition"
    ok(store, OP, "incident.accept", {"incident": i})
    assert run(store, OP, "incident.dispatch", {"incident": i, "team": "T-NOPE"}).result["code"] == "invalid_args"
    assert run(store, OP, "incident.dispatch", {"incident": i}).result["code"] == "invalid_args"
    ok(store, OP, "incident.dispatch", {"incident": i, "team": team})
    other = Actor("f2", Role.FIELD, team="T-OTHER")
    assert run(store, other, "incident.acknowledge", {"incident": i}).result["code"] == "forbidden"
    assert run(store, OP, "incident.escalate", {"incident": i, "department": sorted(catalog.departments)[0],
                                                "reason": "r"}).result["code"] == "invalid_transition"


def test_failed_verification_sends_it_back_with_rework_counted(store, cat_code, place, team):
    i = report(store, cat_code, place)["id"]
    for name, args in [("incident.accept", {}), ("incident.dispatch", {"team": team}),
                       ("incident.acknowledge", {}), ("incident.resolve", {})]:
        ok(store, SUP, name, {"incident": i} | args)
    res = ok(store, OP, "incident.verify", {"incident": i, "passed": False, "note": "未清理干净"})
    assert res["incident"]["state"] == "dispatched" and res["incident"]["rework"] == 1
    assert res["incident"]["assignee"] == team


def test_escalation_then_department_acknowledges(store, cat_code, place, team, dept):
    i = report(store, cat_code, place)["id"]
    for name, args in [("incident.accept", {}), ("incident.dispatch", {"team": team}), ("incident.acknowledge", {})]:
        ok(store, SUP, name, {"incident": i} | args)
    res = ok(store, SUP, "incident.escalate", {"incident": i, "department": dept, "reason": "街道无法解决"})
    assert res["incident"]["state"] == "escalated" and res["incident"]["assignee"] == dept
    dept_user = Actor("d1", Role.FIELD, team=dept)
    res = ok(store, dept_user, "incident.acknowledge", {"incident": i})
    assert res["incident"]["state"] == "acknowledged" and res["incident"]["escalated"] is True


def test_merge_then_supervisor_reopens(store, cat_code, place, team):
    a = report(store, cat_code, place)["id"]
    b = report(store, cat_code, place)["id"]
    assert run(store, OP, "incident.merge", {"incident": b, "into": b}).result["code"] == "invalid_args"
    assert run(store, OP, "incident.merge", {"incident": b, "into": "missing"}).result["code"] == "not_found"
    res = ok(store, OP, "incident.merge", {"incident": b, "into": a})
    assert res["incident"]["state"] == "merged" and res["incident"]["merged_into"] == a
    assert run(store, OP, "incident.reopen", {"incident": b, "reason": "不是重复"}).result["code"] == "forbidden"
    assert run(store, SUP, "incident.reopen", {"incident": b, "reason": "r"}).result["code"] == "invalid_args"
    res = ok(store, SUP, "incident.reopen", {"incident": b, "reason": "不是重复", "team": team})
    assert res["incident"]["state"] == "dispatched" and res["incident"]["merged_into"] is None


def test_events_since_resumes_and_says_when_events_are_gone(store, cat_code, place):
    for _ in range(5):
        report(store, cat_code, place)
    assert [json.loads(f)["seq"] for f in store.events_since(2)] == [3, 4, 5]
    assert store.events_since(5) == []
    assert store.events_since(9) is None  # ahead of the hub: needs a snapshot
    assert store.make_checkpoint(NOW, every=3) == 3
    pruned = store.prune_log(now=NOW + timedelta(days=2), keep=timedelta(hours=24))  # only up to a checkpoint
    assert pruned == 3 and store.prune_log(now=NOW + timedelta(days=2), keep=timedelta(hours=24)) == 0
    assert store.events_since(1) is None and store.events_since(2) is None
    assert [json.loads(f)["seq"] for f in store.events_since(3)] == [4, 5]


def test_seq_continues_after_reopening_the_database(db_url, catalog, cat_code, place):
    s = Store(db_url, catalog)
    report(s, cat_code, place)
    s.close()
    s = Store(db_url, catalog)
    assert report(s, cat_code, place)["id"].endswith("0002")
    assert s.head() == 2
    s.close()


def test_sla_clock_turns_red_without_anyone_touching_the_incident(store, cat_code, place):
    inc = report(store, cat_code, place, priority="urgent")
    assert store.sla_sweep(now=NOW + timedelta(seconds=1)) == []
    frames = store.sla_sweep(now=NOW + timedelta(days=3))
    [ev] = [json.loads(f) for f in frames]
    assert ev["data"]["id"] == inc["id"] and ev["data"]["sla"] == "red"
    assert ev["data"]["action"]["name"] == "sla" and ev["seq"] == 2
    assert store.incident(inc["id"]).sla == "red"
    assert store.incident(inc["id"]).version == 2  # the clock's change raises the version (CONTRACT §5)
    assert store.sla_sweep(now=NOW + timedelta(days=4)) == []  # red stays red: no repeat event


def test_sla_goes_green_blue_red_in_order(store, cat_code, place):
    inc = report(store, cat_code, place)
    deadline = datetime.fromisoformat(inc["deadline"].replace("Z", "+00:00"))
    total = deadline - NOW
    colours = []
    for frac in (0.5, 0.85, 1.01):
        for f in store.sla_sweep(now=NOW + total * frac):
            colours.append(json.loads(f)["data"]["sla"])
    assert colours == ["blue", "red"]


def test_snapshot_holds_active_incidents_units_and_teams_at_one_head(store, cat_code, place, catalog):
    a = report(store, cat_code, place)["id"]
    b = report(store, cat_code, place)["id"]
    ok(store, OP, "incident.reject", {"incident": b, "reason": "重复"})
    snap = store.snapshot()
    assert snap["head"] == 3
    assert [i["id"] for i in snap["incidents"]] == [a]
    assert {u["id"] for u in snap["units"]} == set(catalog.units)
    assert {t["id"] for t in snap["teams"]} == set(catalog.teams)


def test_unit_update_moves_a_unit_and_field_users_move_only_their_own(store, catalog):
    unit = sorted(catalog.units.values(), key=lambda u: u.id)[0]
    mine = Actor("f", Role.FIELD, team=unit.team)
    res = ok(store, mine, "unit.update", {"unit": unit.id, "lat": 43.86, "lon": 125.3, "status": "en_route"})
    assert res["unit"]["status"] == "en_route" and res["unit"]["version"] == 2
    other = Actor("g", Role.FIELD, team="T-OTHER")
    assert run(store, other, "unit.update", {"unit": unit.id, "lat": 43.86, "lon": 125.3,
                                             "status": "free"}).result["code"] == "forbidden"
    assert run(store, OP, "unit.update", {"unit": unit.id, "lat": 43.86, "lon": 125.3,
                                          "status": "flying"}).result["code"] == "invalid_args"
    [u] = [u for u in store.snapshot()["units"] if u["id"] == unit.id]
    assert (u["lat"], u["status"]) == (43.86, "en_route")


def test_query_pages_through_the_whole_history_with_filters(store, cat_code, place):
    ids = []
    for k in range(7):
        ids.append(report(store, cat_code, place, description=f"第{k}号 路灯", drill=k % 2 == 0)["id"])
        # distinct times so the order is the report order
    ok(store, OP, "incident.reject", {"incident": ids[0], "reason": "x"})
    seen, cursor = [], None
    while True:
        args = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = store.query_incidents(cmds.validate_args("query.incidents", args))
        seen += [i["id"] for i in page["incidents"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(ids) and len(seen) == 7
    q = cmds.validate_args("query.incidents", {"status": "rejected"})
    assert [i["id"] for i in store.query_incidents(q)["incidents"]] == [ids[0]]
    q = cmds.validate_args("query.incidents", {"drill": False, "text": "路灯"})
    assert len(store.query_incidents(q)["incidents"]) == 3
    q = cmds.validate_args("query.incidents", {"text": "第3号"})
    assert [i["id"] for i in store.query_incidents(q)["incidents"]] == [ids[3]]
    with pytest.raises(cmds.CommandError):
        store.query_incidents(cmds.validate_args("query.incidents", {"status": "lost"}))
    with pytest.raises(cmds.CommandError):
        store.query_incidents(cmds.validate_args("query.incidents", {"cursor": "!!"}))


def test_concurrent_writers_on_one_database_keep_seq_gap_free(db_url, catalog, cat_code, place):
    """Two stores (as two hubs would) write at once: seq still rises by exactly 1, in commit order."""
    stores = [Store(db_url, catalog), Store(db_url, catalog, schema_ready=True)]
    errors = []

    def work(s, who):
        try:
            for k in range(15):
                args = cmds.validate_args("incident.report", {"category": cat_code, "lat": place[0],
                                                              "lon": place[1], "description": f"{who}{k}",
                                                              "source": "grid"})
                s.execute([Request(OP, "incident.report", args, f"{who}-{k}")] * 2, now=NOW)
        except Exception as e:  # surfaced below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(s, n)) for n, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    seqs = [json.loads(f)["seq"] for f in stores[0].events_since(0)]
    assert seqs == list(range(1, 31))
    for s in stores:
        s.close()


def test_migrations_match_the_models(store):
    """The Alembic revisions build exactly the tables the ORM describes."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from console.models.schema import Base

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_query_paging_never_skips_incidents_reported_within_one_millisecond(store, cat_code, place):
    """Cursors keep full precision: rows 1 µs apart all come back, once each."""
    ids = []
    for k in range(6):
        args = cmds.validate_args("incident.report", {"category": cat_code, "lat": place[0], "lon": place[1],
                                                      "description": "d", "source": "grid"})
        out = store.execute([Request(OP, "incident.report", args)], now=NOW + timedelta(microseconds=k))
        ids.append(out[0].result["incident"]["id"])
    seen, cursor = [], None
    while True:
        page = store.query_incidents(cmds.validate_args("query.incidents", {"limit": 2} | (
            {"cursor": cursor} if cursor else {})))
        seen += [i["id"] for i in page["incidents"]]
        if not (cursor := page["next_cursor"]):
            break
    assert seen == ids[::-1]


def test_a_query_page_stays_under_the_frame_limit_with_long_descriptions(store, cat_code, place):
    """500 incidents of 4,000 characters would pass 1 MiB: the page stops early with a cursor."""
    from console.models.store import QUERY_BUDGET

    args = cmds.validate_args("incident.report", {"category": cat_code, "lat": place[0], "lon": place[1],
                                                  "description": "长" * 4000, "source": "grid"})
    store.execute([Request(OP, "incident.report", args) for _ in range(200)], now=NOW)
    page = store.query_incidents(cmds.validate_args("query.incidents", {"limit": 500}))
    assert 0 < len(page["incidents"]) < 200 and page["next_cursor"]
    assert len(json.dumps(page, ensure_ascii=False).encode()) < QUERY_BUDGET * 1.2 < 1 << 20


def test_remembered_command_results_are_pruned_after_two_days(store, cat_code, place):
    res = ok(store, OP, "incident.report", {"category": cat_code, "lat": place[0], "lon": place[1],
                                            "description": "d", "source": "grid"}, cid="old")
    assert store.prune_processed(now=NOW + timedelta(days=1)) == 0
    assert store.prune_processed(now=NOW + timedelta(days=3)) == 1
    again = ok(store, OP, "incident.report", {"category": cat_code, "lat": place[0], "lon": place[1],
                                              "description": "d", "source": "grid"}, cid="old")
    assert again["incident"]["id"] != res["incident"]["id"]  # forgotten: a new command


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "1900-01-01T00:00:00Z",
                                  "yesterday"])
def test_unusable_times_are_refused_as_invalid_args_and_store_nothing(store, cat_code, place, when):
    res = run(store, OP, "incident.report", {"category": cat_code, "lat": place[0], "lon": place[1],
                                             "description": "d", "source": "csv", "reported_at": when}).result
    assert res["code"] == "invalid_args" and "reported_at" in res["message"]
    with pytest.raises(cmds.CommandError) as e:
        store.query_incidents(cmds.validate_args("query.incidents", {"since": when}))
    assert e.value.code == "invalid_args"
    assert store.head() == 0


@pytest.mark.parametrize("value", [10**400, float("nan"), float("inf"), [[[]]], {"a": 1}, True, "43.8"])
def test_non_numbers_and_overflowing_numbers_are_invalid_args(value):
    with pytest.raises(cmds.CommandError) as e:
        cmds.validate_args("incident.report", {"category": "E0102", "lat": value, "lon": 125.3,
                                               "description": "d", "source": "grid"})
    assert e.value.code == "invalid_args" and "'lat'" in e.value.message


def test_the_snapshots_fast_wire_form_is_the_incidents_own(store, cat_code, place, team):
    """store.snapshot builds wire dicts straight from rows; they must equal Incident.to_wire."""
    from sqlalchemy import select

    from console.models.schema import IncidentRow
    from console.models.store.wire import row_to_incident, row_to_wire

    a = report(store, cat_code, place)["id"]
    b = report(store, cat_code, place, drill=True, address="路口东侧", external_id="x-1")["id"]
    ok(store, SUP, "incident.accept", {"incident": a})
    ok(store, SUP, "incident.dispatch", {"incident": a, "team": team, "note": "快"})
    ok(store, SUP, "incident.reject", {"incident": b, "reason": "重复"})
    with store.engine.connect() as conn:
        rows = list(conn.execute(select(IncidentRow)))
    assert len(rows) == 2
    for r in rows:
        assert row_to_wire(r) == row_to_incident(r).to_wire()
    assert {i["id"] for i in store.snapshot()["incidents"]} == {a}


def test_the_clocks_colour_change_is_a_transition_by_system_in_the_history(store, cat_code, place, catalog):
    """CONTRACT §5: stored with actor system, action sla, from and to the unchanged state, the note
    green→blue; the event says the same; replaying the trail rebuilds the row."""
    inc = report(store, cat_code, place)
    deadline = datetime.fromisoformat(inc["deadline"].replace("Z", "+00:00"))
    [frame] = store.sla_sweep(now=NOW + (deadline - NOW) * 0.85)
    ev = json.loads(frame)
    assert ev["data"]["action"] == {"name": "sla", "actor": "system", "from": "reported", "to": "reported",
                                    "note": "green→blue"}
    assert ev["data"]["version"] == 2
    trail = store.query_history({"incident": inc["id"]})["transitions"]
    assert [(t["action"], t["actor"], t["note"]) for t in trail] == [
        ("report", OP.name, None), ("sla", "system", "green→blue")]
    later = ok(store, OP, "incident.accept", {"incident": inc["id"]})["incident"]
    assert later["version"] == 3
    assert cmds.replay(store.transitions(inc["id"]), catalog) == store.incident(inc["id"])


def test_migration_0005_fills_the_evaluation_facts_of_cases_already_stored(store, cat_code, place):
    """Cases stored before the facts existed get them from their trails: the same facts the
    commands keep as they go."""
    import importlib.util

    from sqlalchemy import select

    from console.models.schema import IncidentRow
    from console.models.store.engine import MIGRATIONS

    args = cmds.validate_args("incident.report", {"category": cat_code, "lat": place[0], "lon": place[1],
                                                  "description": "d", "source": "grid"})
    iid = store.execute([Request(OP, "incident.report", args)], now=NOW)[0].result["incident"]["id"]
    team = sorted(store.catalog.teams)[0]
    steps = [("incident.accept", {}), ("incident.dispatch", {"team": team}), ("incident.return", {"reason": "r"}),
             ("incident.dispatch", {"team": team}), ("incident.park", {"reason": "r"}), ("incident.unpark", {}),
             ("incident.acknowledge", {}), ("incident.resolve", {}), ("incident.verify", {"passed": True}),
             ("incident.close", {"satisfaction": 4})]
    for k, (name, extra) in enumerate(steps):
        a = cmds.validate_args(name, {"incident": iid, **extra})
        out = store.execute([Request(SUP, name, a)], now=NOW + timedelta(minutes=k + 1))
        assert out[0].result["ok"], (name, out[0].result)
    cols = ("accepted_by", "f_dispatched", "f_returned", "f_extended", "f_parked", "handled_on_time", "rating")

    def facts():
        with store.engine.connect() as conn:
            row = conn.execute(select(*[getattr(IncidentRow, c) for c in cols]).where(IncidentRow.id == iid)).one()
        return tuple(bool(v) if isinstance(v, int) and c.startswith(("f_", "handled")) else v
                     for c, v in zip(cols, row, strict=True))

    live = facts()
    assert live == (SUP.name, True, True, False, True, True, 4)
    # as a database from before 0005 has it: the columns there, nothing in them; then the fill
    spec = importlib.util.spec_from_file_location("m0005", MIGRATIONS / "versions" / "0005_evaluation_facts.py")
    m0005 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m0005)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE incidents SET accepted_by = NULL, f_dispatched = false, f_returned = false, "
                             "f_extended = false, f_parked = false, handled_on_time = NULL, rating = NULL")
        m0005.backfill(conn.exec_driver_sql)
    assert facts() == live


def test_migration_0006_gives_cases_already_stored_their_report_hour_and_every_hour_a_version(store, cat_code,
                                                                                               place):
    """Down to 0005 and up again over stored cases (one a microsecond before an hour ends): each
    case gets the hour the store would give it, every hour a version, and the numbers are those
    of one scan. Its backfill, run again (as after writing cases straight into the tables), makes
    every rollup stale."""
    import importlib.util

    from alembic import command
    from alembic.config import Config
    from sqlalchemy import select

    from console.models.schema import IncidentRow, NumberBuiltRow, NumberHourRow
    from console.models.store.engine import MIGRATIONS
    from console.models.store.numbers import query_indicators
    from console.models.store.rollups import hour_of

    for when in (NOW, NOW + timedelta(minutes=59, seconds=59, microseconds=999_999), NOW + timedelta(hours=5)):
        ok(store, OP, "incident.report", {"category": cat_code, "lat": place[0], "lon": place[1], "description": "d",
                                          "source": "12345"}, now=when)

    def hours():
        with store.engine.connect() as conn:
            cases = conn.execute(select(IncidentRow.reported_at, IncidentRow.report_hour)).all()
            return [(hour_of(at), h) for at, h in cases], dict(conn.execute(select(NumberHourRow.hour,
                                                                                   NumberHourRow.version)).all())

    cases, versions = hours()
    assert [h for h, _ in cases] == [hour_of(NOW)] * 2 + [hour_of(NOW) + 5]
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    for target in ("0005", "head"):
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if target == "0005" else command.upgrade)(cfg, target)
    cases, versions = hours()
    assert all(want == got for want, got in cases) and versions == {hour_of(NOW): 1, hour_of(NOW) + 5: 1}
    args = {"group_by": "grid", "since": NOW.isoformat()}
    assert query_indicators(store, args) == query_indicators(store, args, rollups=False)

    spec = importlib.util.spec_from_file_location("m0006", MIGRATIONS / "versions" / "0006_number_rollups.py")
    m0006 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m0006)
    with store.engine.begin() as conn:
        m0006.backfill(conn.exec_driver_sql, conn.dialect.name)
    _cases, versions = hours()
    assert versions == {hour_of(NOW): 2, hour_of(NOW) + 5: 2}
    with store.engine.connect() as conn:
        assert all(v == 1 for v in conn.scalars(select(NumberBuiltRow.version).where(NumberBuiltRow.kind == "grid")))


@pytest.mark.parametrize("late", [False, True])
def test_migration_0007_fills_the_two_way_facts_of_cases_already_stored(store, cat_code, place, late):
    """Escalated cases stored before 0007 get f_escalated and the sign-off's timeliness from their
    trails — the same facts the commands keep — and every rollup is built again."""
    import importlib.util

    from sqlalchemy import func, select

    from console.models.schema import IncidentRow, NumberBuiltRow
    from console.models.store.engine import MIGRATIONS
    from console.models.store.numbers import query_indicators

    args = cmds.validate_args("incident.report", {"category": cat_code, "lat": place[0], "lon": place[1],
                                                  "description": "d", "source": "grid"})
    iid = store.execute([Request(OP, "incident.report", args)], now=NOW)[0].result["incident"]["id"]
    dept = sorted(store.catalog.departments)[0]
    sign_at = NOW + (timedelta(days=5) if late else timedelta(minutes=3))  # the sign-off limit is 2 days
    for name, extra, at in (("incident.accept", {}, NOW + timedelta(minutes=1)),
                            ("incident.escalate", {"department": dept, "reason": "r"}, NOW + timedelta(minutes=2)),
                            ("incident.acknowledge", {}, sign_at)):
        out = store.execute([Request(SUP, name, cmds.validate_args(name, {"incident": iid, **extra}))], now=at)
        assert out[0].result["ok"], (name, out[0].result)
    cols = (IncidentRow.f_escalated, IncidentRow.signed_on_time)

    def facts():
        with store.engine.connect() as conn:
            return tuple(bool(v) for v in conn.execute(select(*cols).where(IncidentRow.id == iid)).one())

    live = facts()
    assert live == (True, not late)
    query_indicators(store, {"group_by": "department"})  # builds rollups
    spec = importlib.util.spec_from_file_location("m0007", MIGRATIONS / "versions" / "0007_two_way_assessment.py")
    m0007 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m0007)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE incidents SET f_escalated = false, signed_on_time = NULL")
        m0007.backfill(conn.exec_driver_sql)
    assert facts() == live
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(NumberBuiltRow)).scalar_one() == 0
    [row] = [r for r in query_indicators(store, {"group_by": "department"})["rows"] if r["key"] == dept]
    assert (row["escalated"], row["timely_signoff_rate"]) == (1, 0.0 if late else 100.0)


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)  # libpq's keepalives
def test_postgresql_connections_have_tcp_keepalives_unless_the_url_sets_its_own(db_url):
    """A line to the database that goes silent must fail the hub's statements within seconds."""
    from console.models.store.engine import make_engine

    for url, idle in ((db_url, "5"), (f"{db_url}&keepalives_idle=30", "30")):
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                params = conn.connection.driver_connection.info.get_parameters()
        finally:
            engine.dispose()
        assert params.get("keepalives") == "1" and params.get("keepalives_idle") == idle, params
