"""The console's Qt-free state: one replica fed by snapshots and event batches, one notification
per kind per batch, alerts for new urgent and newly overdue incidents (moved here from the queue's
Qt model, with its assertions), derived facts computed once, and selection."""

from datetime import UTC, datetime, timedelta

import pytest

from console.state import ConsoleState, derived

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def iso(t: datetime) -> str:
    return t.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def inc(iid: str, **kw) -> dict:
    d = {"id": iid, "state": "reported", "category": "E0102", "priority": "normal", "lat": 43.86, "lon": 125.23,
         "street": "220104001", "reported_at": iso(NOW), "assignee": None, "sla": "green", "drill": False,
         "version": 1}
    d.update(kw)
    return d


def ev(seq: int, data: dict, kind: str = "incident") -> dict:
    return {"type": "event", "seq": seq, "at": iso(NOW), "kind": kind, "data": data}


def recorder(signal):
    got = []
    signal.connect(lambda *a: got.append(a if len(a) != 1 else a[0]))
    return got


@pytest.fixture
def state():
    s = ConsoleState()
    s.apply_snapshot({"incidents": [], "units": [], "teams": [], "reference": {}})
    return s


def test_alert_for_new_urgent_and_turned_red_but_not_on_reset(state):
    alerts = recorder(state.alert)
    state.apply_snapshot({"incidents": [inc("a", priority="urgent"), inc("b", sla="red"), inc("c", sla="blue")],
                          "units": [], "reference": {}})
    assert alerts == []
    state.apply_events([ev(1, inc("c", sla="red", version=2)), ev(2, inc("n", priority="urgent")), ev(3, inc("m")),
                        ev(4, inc("b", sla="red", version=2))])
    assert sorted((i["id"], why) for i, why in alerts) == [("c", "turned_red"), ("n", "new_urgent")]


def test_a_snapshot_replaces_everything_in_place_and_leaves_final_states_out(state):
    held = state.incidents  # a view may hold the dict: it stays the same object
    resets = recorder(state.reset)
    state.apply_snapshot({"incidents": [inc("a"), inc("z", state="closed")], "units": [{"id": "U1", "team": "T-01"}],
                          "reference": {"cameras": [{"id": "CAM-1"}], "notices": [{"id": "N1"}]}})
    assert state.incidents is held and set(held) == {"a"}
    assert set(state.units) == {"U1"} and set(state.cameras) == {"CAM-1"} and set(state.notices) == {"N1"}
    assert len(resets) == 1 and state.last_data_at is not None


def test_a_batch_is_one_notification_with_the_last_versions_and_the_final_ones(state):
    state.apply_snapshot({"incidents": [inc("a"), inc("b")], "units": [], "reference": {}})
    changes = recorder(state.incidents_changed)
    state.apply_events([ev(1, inc("a", version=2)), ev(2, inc("n")), ev(3, inc("a", version=3, sla="blue")),
                        ev(4, inc("b", state="closed", version=2)), ev(5, inc("q")), ev(6, inc("q", state="merged"))])
    [(upserted, removed)] = changes
    assert [(i["id"], i["version"]) for i in upserted] == [("n", 1), ("a", 3)]
    assert [(i["id"], i["state"]) for i in removed] == [("b", "closed")]  # q came and went: never shown
    assert set(state.incidents) == {"a", "n"}


def test_a_stale_version_is_ignored_and_a_reopened_case_stays(state):
    state.apply_snapshot({"incidents": [inc("a", version=5)], "units": [], "reference": {}})
    state.apply_events([ev(1, inc("a", version=4, description="old"))])
    assert state.incidents["a"]["version"] == 5
    state.apply_events([ev(2, inc("a", state="closed", version=6)), ev(3, inc("a", state="reported", version=7))])
    assert state.incidents["a"]["version"] == 7


def test_units_cameras_and_notices_are_announced_per_batch(state):
    units, cams, notes = recorder(state.units_changed), recorder(state.cameras_changed), recorder(state.notice)
    state.apply_events([ev(1, {"id": "U1", "status": "free"}, "unit"), ev(2, {"id": "U2"}, "unit"),
                        ev(3, {"id": "CAM-1", "status": "alarm"}, "camera"), ev(4, {"id": "N1", "text": "x"}, "notice"),
                        ev(5, {"id": "T-01"}, "team")])
    assert [[u["id"] for u in batch] for batch in units] == [["U1", "U2"]]
    assert [[c["id"] for c in batch] for batch in cams] == [["CAM-1"]]
    assert [n["id"] for n in notes] == ["N1"] and "T-01" in state.teams


def test_counts_are_cached_until_the_incidents_change(state):
    state.apply_snapshot({"incidents": [inc("a", priority="urgent"), inc("b", sla="blue"), inc("c", sla="red")],
                          "units": [], "reference": {}})
    assert state.counts().as_dict() == {"active": 3, "urgent": 1, "blue": 1, "red": 1}
    assert state.counts() is state.counts()
    state.apply_events([ev(1, inc("c", state="closed", version=2))])
    assert state.counts().as_dict() == {"active": 2, "urgent": 1, "blue": 1, "red": 0}


def test_the_connection_remembers_since_when_it_is_offline(state):
    changes = recorder(state.connection_changed)
    state.set_connection(True, now=100.0)
    assert state.offline_since is None
    state.set_connection(False, "refused", now=200.0)
    state.set_connection(False, "again", now=300.0)
    assert state.offline_since == 200.0 and state.why_offline == "again"
    assert changes == [(True, ""), (False, "refused"), (False, "again")]


def test_selection_is_announced_once_per_change(state):
    sel = recorder(state.selected)
    state.select("a")
    state.select("a")
    state.select("")
    assert sel == ["a", None] and state.selection is None


def test_a_broken_handler_does_not_starve_the_others(state, caplog):
    got = []
    state.reset.connect(lambda: 1 / 0)
    state.reset.connect(lambda: got.append("ok"))
    state.apply_snapshot({"incidents": [], "units": [], "reference": {}})
    assert got == ["ok"] and "reset" in caplog.text


def test_team_status_counts_free_units_and_open_cases(catalog):
    team = sorted(catalog.teams)[0]
    other = sorted(catalog.teams)[1]
    units = [{"id": "U1", "team": team, "status": "free", "lat": 43.86, "lon": 125.3},
             {"id": "U2", "team": other, "status": "busy", "lat": 43.86, "lon": 125.3}]
    incidents = [inc("a", assignee=team), inc("b", assignee=team), inc("c", assignee=team, state="closed")]
    status = derived.team_status(catalog, units, incidents)
    assert status[team].load == 2 and status[team].available and len(status[team].free_units) == 1
    assert not status[other].available  # every known unit busy
    third = sorted(catalog.teams)[2]
    assert status[third].available  # no unit reported: counted from its home grid


def test_duplicates_are_the_same_category_within_500_m_and_24_h_nearest_first():
    me = inc("me", lat=43.86, lon=125.23)
    others = {
        "near": inc("near", lat=43.8601, lon=125.23),
        "nearer": inc("nearer", lat=43.86001, lon=125.23),
        "far": inc("far", lat=43.87, lon=125.23),
        "other-kind": inc("other-kind", category="E0101"),
        "old": inc("old", reported_at=iso(NOW - timedelta(hours=30))),
        "closed": inc("closed", state="closed"),
    }
    got = derived.merge_suggestions(me, others, NOW)
    assert [i for i, _ in got] == ["nearer", "near"] and got[0][1] < got[1][1] <= derived.MERGE_RADIUS_M


def test_street_counts_are_active_urgent_blue_red_per_street():
    counts = derived.street_counts([inc("a", priority="urgent"), inc("b", sla="red"), inc("c", street="X")],
                                   ["220104001", "220104002"])
    assert counts == {"220104001": [2, 1, 0, 1], "220104002": [0, 0, 0, 0]}


def test_an_urged_case_alerts_the_consoles_of_the_team_it_is_assigned_to(state):
    state.apply_snapshot({"incidents": [inc("a", state="dispatched", assignee="T-01", urged=0),
                                        inc("b", state="dispatched", assignee="T-02", urged=0)],
                          "units": [], "reference": {}})
    state.set_who({"user": "crew.li", "role": "field", "team": "T-01"})
    alerts = recorder(state.alert)
    state.apply_events([ev(1, inc("a", state="dispatched", assignee="T-01", urged=1, version=2)),
                        ev(2, inc("b", state="dispatched", assignee="T-02", urged=1, version=2))])
    assert [(i["id"], why) for i, why in alerts] == [("a", "urged")]


def test_a_desk_without_a_team_is_not_alerted_by_urging(state):
    state.apply_snapshot({"incidents": [inc("a", state="dispatched", assignee="T-01")], "units": [], "reference": {}})
    state.set_who({"user": "wang.li", "role": "supervisor"})
    alerts = recorder(state.alert)
    state.apply_events([ev(1, inc("a", state="dispatched", assignee="T-01", urged=1, version=2))])
    assert alerts == []
