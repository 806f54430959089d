"""The debrief's plan (issue 16), socket-free: which timeline steps become its key moments, and
the questions it asks — a case's trail, a drill run's cases, the state at each moment, every
page — with a refusal or an empty run ending it in one line."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from console.state import debrief
from console.state.debrief import DebriefError, gather, key_moments

T0 = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)


def step(minute, action, frm="accepted", to="accepted", note=None, incident="A"):
    return {"at": (T0 + timedelta(minutes=minute)).isoformat(), "action": action, "from": frm, "to": to,
            "note": note, "actor": "sup", "incident": incident}


def test_key_moments_keep_first_and_last_then_the_weightiest_spread_out():
    steps = [step(0, "report", "", "reported"), step(1, "sla", note="green→blue"), step(2, "note"),
             step(3, "accept", "reported", "accepted"), step(4, "note"), step(5, "sla", note="blue→red"),
             step(6, "dispatch", "accepted", "dispatched"), step(7, "escalate", "dispatched", "escalated"),
             step(8, "urge"), step(30, "acknowledge", "escalated", "acknowledged"), step(31, "note")]
    got = key_moments(steps, limit=5)
    # the report and the last step; then red and escalated (weight 3); then the change of stage
    # farthest from those: the accept at 3 (2 minutes from the nearest), not the acknowledge at 30
    # (a minute before the last step)
    assert [s["action"] for s in got] == ["report", "accept", "sla", "escalate", "note"]
    assert all(s["note"] != "green→blue" for s in key_moments(steps, limit=50))  # colour short of red: never


def test_a_short_timeline_is_all_key_moments_and_an_empty_one_none():
    steps = [step(0, "report", "", "reported"), step(5, "close", "verified", "closed")]
    assert key_moments(steps) == steps and key_moments([]) == []


def _answer(op, hub):
    """A hub in a dict: the answers a plan gets, by question."""
    if op.name == "query.incidents":
        page = op.args.get("cursor") or "0"
        return hub["incidents"][page]
    if op.name == "query.history":
        return hub["history"][op.args["incident"]]
    assert op.name == "query.state_at"
    hub["asked_at"].append((op.args["at"], op.args.get("cursor")))
    if op.args.get("cursor"):
        return {"ok": True, "head": 9, "incidents": [{"id": "B"}], "units": [], "next_cursor": None}
    return {"ok": True, "head": 9, "incidents": [{"id": "A"}], "units": [{"id": "u1"}], "next_cursor": "c2"}


def _run(plan, hub):
    async def command(name, args):
        return _answer(type("Op", (), {"name": name, "args": args})(), hub)
    return asyncio.run(debrief.drive_async(plan, command))


def test_a_drill_runs_debrief_tells_only_its_cases_with_every_page_of_every_moment():
    inc = lambda i, run, at: {"id": i, "reported_at": at, "extra": {"drill_run": run} if run else {}}  # noqa: E731
    hub = {"incidents": {"0": {"ok": True, "incidents": [inc("A", "run-1", "2026-11-30T00:00:00Z"),
                                                         inc("X", "run-2", "2026-11-30T00:00:00Z")],
                               "next_cursor": "p2"},
                         "p2": {"ok": True, "incidents": [inc("B", "run-1", "2026-11-30T00:01:00Z")],
                                "next_cursor": None}},
           "history": {"A": {"ok": True, "incident": {"id": "A"}, "transitions": [step(0, "report", "", "reported")]},
                       "B": {"ok": True, "incident": {"id": "B"},
                             "transitions": [step(1, "report", "", "reported", incident="B")]}},
           "asked_at": []}
    d = _run(gather(drill_run="run-1"), hub)
    assert d.kind == "drill" and [c["id"] for c in d.cases] == ["A", "B"]  # run-2's case left out
    assert [s["incident"] for s in d.steps] == ["A", "B"] and len(d.moments) == 2
    assert [i["id"] for i in d.moments[0].incidents] == ["A", "B"]  # both pages
    assert d.moments[0].units == [{"id": "u1"}] and d.moments[0].head == 9
    assert [c for _at, c in hub["asked_at"]] == [None, "c2", None, "c2"]


def test_a_refusal_or_an_empty_run_ends_the_debrief_in_one_line():
    hub = {"incidents": {"0": {"ok": True, "incidents": [], "next_cursor": None}}, "history": {
        "Z": {"ok": False, "code": "not_found", "message": "no incident 'Z'"}}, "asked_at": []}
    with pytest.raises(DebriefError, match="no cases of drill run 'run-9'"):
        _run(gather(drill_run="run-9"), hub)
    with pytest.raises(DebriefError, match="not_found: no incident 'Z'"):
        _run(gather(case="Z"), hub)
    with pytest.raises(DebriefError, match="one case or of one drill run"):
        _run(gather(case="Z", drill_run="r"), hub)


def test_drive_with_callbacks_calls_done_or_failed_once():
    hub = {"history": {"A": {"ok": True, "incident": {"id": "A"}, "transitions": [step(0, "report", "", "reported")]}},
           "asked_at": []}
    done, failed = [], []

    def ask(op, on_success, on_failure):
        if op.name == "query.state_at" and hub.get("refuse"):
            on_failure({"code": "invalid_args", "message": "no"})
        else:
            on_success(_answer(op, hub))

    debrief.drive(gather(case="A"), ask, done.append, failed.append)
    assert len(done) == 1 and not failed and done[0].cases == [{"id": "A"}]
    hub["refuse"] = True
    debrief.drive(gather(case="A"), ask, done.append, failed.append)
    assert failed == ["the hub refused query.state_at: invalid_args: no"] and len(done) == 1
