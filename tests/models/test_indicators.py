"""Evaluation indicators are computed from stored transitions as DOMAIN.md defines them."""

from datetime import UTC, datetime, timedelta

import pytest

from console.models.commands import TransitionRecord
from console.models.indicators import Place, compute, grade

T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def trail(inc, steps, reported_deadline=30):
    """steps: (minutes after T0, action, to_state, deadline minutes after T0 or None, data)."""
    out = [TransitionRecord(inc, T0, "grid.li", "field", "report", None, "reported", None,
                            T0 + timedelta(minutes=reported_deadline), {})]
    state = "reported"
    for minute, action, to, dl, data in steps:
        out.append(TransitionRecord(inc, T0 + timedelta(minutes=minute), "op.zhang", "operator", action, state,
                                    to, None, None if dl is None else T0 + timedelta(minutes=dl), data))
        state = to
    return out


def life(inc, team="T-01", late_accept=False, late_resolve=False, rework=False, sat=5):
    steps = [
        (40 if late_accept else 10, "accept", "accepted", 60, {}),
        (50, "dispatch", "dispatched", 120, {"team": team}),
        (60, "acknowledge", "acknowledged", 300, {}),
    ]
    if rework:
        steps += [(100, "resolve", "resolved", 400, {}), (110, "verify_fail", "dispatched", 500, {"passed": False}),
                  (120, "acknowledge", "acknowledged", 300 + 120, {})]
    steps += [
        (500 if late_resolve else 200, "resolve", "resolved", 600, {}),
        (550, "verify_pass", "verified", None, {"passed": True}),
        (560, "close", "closed", None, {"satisfaction": sat}),
    ]
    return trail(inc, steps)


PLACES = {f"I{k}": Place("220104001", f"2201040010010{k:02d}", False, "hotline") for k in range(10)}


def test_a_clean_life_scores_full_marks():
    ind = compute(life("I1"), PLACES)["all"]
    assert ind.closure_rate == 100.0
    assert ind.on_time_closure_rate == 100.0
    assert ind.on_time_handling_rate == 100.0
    assert ind.on_time_accept_rate == 100.0
    assert ind.rework_rate == 0.0
    assert ind.accurate_dispatch_rate == 100.0
    assert ind.satisfaction_rate == 100.0
    assert ind.three_rates() == 100.0


def test_late_steps_lower_only_their_own_rates():
    trs = life("I1") + life("I2", late_accept=True) + life("I3", late_resolve=True)
    ind = compute(trs, PLACES)["all"]
    assert ind.on_time_accept_rate == pytest.approx(66.67)
    assert ind.on_time_handling_rate == pytest.approx(66.67)
    assert ind.on_time_closure_rate == pytest.approx(66.67)
    assert ind.closure_rate == 100.0


def test_rework_counts_against_rework_and_accurate_dispatch():
    ind = compute(life("I1") + life("I2", rework=True), PLACES)["all"]
    assert ind.rework_rate == 50.0
    assert ind.accurate_dispatch_rate == 50.0  # 2 dispatches, 1 rework
    assert ind.on_time_handling_rate == 100.0  # both handlings were within their stage


def test_open_and_rejected_cases():
    open_case = trail("I1", [(5, "accept", "accepted", 60, {}), (6, "dispatch", "dispatched", 100, {"team": "T-1"})])
    rejected = trail("I2", [(5, "reject", "rejected", None, {})])
    ind = compute(open_case + rejected, PLACES)["all"]
    assert ind.counts.due_to_close == 1 and ind.closure_rate == 0.0
    assert ind.counts.reported == 2


def test_returned_dispatch_is_not_accurate():
    trs = trail("I1", [(5, "accept", "accepted", 60, {}), (6, "dispatch", "dispatched", 100, {"team": "T-1"}),
                       (7, "return", "returned", 100, {"reason": "not ours"}),
                       (8, "dispatch", "dispatched", 100, {"team": "T-2"})])
    by_team = compute(trs, PLACES, by="assignee")
    assert by_team["T-1"].accurate_dispatch_rate == 0.0
    assert by_team["T-2"].accurate_dispatch_rate == 100.0


def test_drill_incidents_never_count():
    places = dict(PLACES, I1=Place("s", "g", True))
    assert compute(life("I1"), places) == {}


def test_grouping_by_grid_and_assignee():
    trs = life("I1", team="T-01") + life("I2", team="T-02", late_resolve=True)
    by_grid = compute(trs, PLACES, by="grid")
    assert set(by_grid) == {PLACES["I1"].grid, PLACES["I2"].grid}
    by_team = compute(trs, PLACES, by="assignee")
    assert by_team["T-01"].on_time_handling_rate == 100.0
    assert by_team["T-02"].on_time_handling_rate == 0.0


def test_composite_and_grades():
    ind = compute(life("I1") + life("I2", rework=True), PLACES)["all"]
    # 0.3·100 + 0.3·100 + 0.3·(100 − 50) + 10 (the busiest group) = 85
    assert ind.composite(max_volume=2) == 85.0
    assert [grade(s) for s in (95, 90, 80, 61, 45, 10, None)] == ["A", "A", "B", "C", "D", "E", None]


def test_low_satisfaction_lowers_the_three_rates():
    ind = compute(life("I1", sat=2) + life("I2", sat=4), PLACES)["all"]
    assert ind.satisfaction_rate == 50.0
    assert ind.three_rates() == pytest.approx(0.30 * 100 + 0.35 * 100 + 0.35 * 50)


def test_the_clocks_colour_changes_count_for_nobody():
    """An sla transition (actor system) is no act: it enters no stage and credits no person."""
    plain = life("I1")
    with_clock = list(plain)
    with_clock.insert(3, TransitionRecord("I1", T0 + timedelta(minutes=55), "system", "system", "sla", "dispatched",
                                          "dispatched", "green→blue", T0 + timedelta(minutes=120), {}))
    with_clock.append(TransitionRecord("I1", T0 + timedelta(minutes=561), "system", "system", "sla", "closed",
                                       "closed", "blue→red", None, {}))
    for by in ("all", "team", "person"):
        a, b = compute(plain, PLACES, by=by), compute(with_clock, PLACES, by=by)
        assert {k: v.counts for k, v in a.items()} == {k: v.counts for k, v in b.items()}
        assert "system" not in b


def test_extensions_parking_and_urges_are_counted_per_case_and_parked_time_summed():
    def step(minute, action, state, data=None):
        return TransitionRecord("I1", T0 + timedelta(minutes=minute), "sup.wang", "supervisor", action, state, state,
                                None, None, data or {})

    trs = life("I1")
    extra = [step(52, "urge", "dispatched", {"level": 1}), step(53, "urge", "dispatched", {"level": 2}),
             step(54, "park", "dispatched", {"reason": "r"}), step(84, "unpark", "dispatched"),
             step(85, "extend", "dispatched", {"until": "x", "reason": "r"}),
             step(86, "extend_decide", "dispatched", {"approve": True}),
             step(87, "acknowledge", "dispatched", {"for": "T-02"})]
    with_life = trs[:3] + extra + trs[3:]
    c = compute(with_life, PLACES)["all"].counts
    assert (c.urged, c.parked, c.extensions, c.parked_seconds) == (1, 1, 1, 1800.0)
    plain = compute(trs, PLACES)["all"].counts
    assert (c.closed, c.closed_on_time, c.dispatches, c.reworks) == (
        plain.closed, plain.closed_on_time, plain.dispatches, plain.reworks)


def test_a_case_closed_at_its_source_before_its_import_counts_as_reported_never_as_closed_here():
    imported = trail("I2", [(1, "import_close", "closed", None, {"closed_at": "2026-11-23T00:30:00Z"})])
    ind = compute(life("I1") + imported, PLACES)["all"]
    assert ind.counts.reported == 2 and ind.counts.closed == 1 and ind.counts.due_to_close == 1
    assert ind.closure_rate == 100.0 and ind.on_time_closure_rate == 100.0
