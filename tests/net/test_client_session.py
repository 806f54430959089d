"""The client's protocol state without sockets (console/net/session.py): snapshot frames assembled
into one state, events applied in order with gaps detected and repeats skipped, results matched,
unanswered commands sent again after a reconnect, resume points."""

import pytest

from console.net.session import (
    ClientSession,
    EventApplied,
    Gap,
    HubError,
    HubSaid,
    ResultArrived,
    Resyncing,
    SnapshotDone,
)


def welcome(head=0, **kw):
    return {"type": "welcome", "protocol": 1, "user": "sup", "role": "supervisor", "head": head, **kw}


def event(seq, kind="incident", **data):
    return {"type": "event", "seq": seq, "at": "2026-12-06T01:00:00Z", "kind": kind,
            "data": {"id": f"I{seq}", "state": "reported", **data}}


def snapshot(head, incidents, final=True, **rest):
    return {"type": "snapshot", "head": head, "final": final, "incidents": incidents, "units": [], "teams": [],
            **rest}


@pytest.fixture
def s():
    return ClientSession("tok", "test/1")


def test_a_first_hello_asks_for_a_snapshot_and_a_later_one_resumes(s):
    assert s.hello()["resume_from"] is None
    s.welcome(welcome())
    s.receive(snapshot(10, [{"id": "A"}]))
    s.receive(event(11))
    assert s.hello()["resume_from"] == 11


def test_snapshot_frames_are_assembled_into_one_state_on_the_final_one(s):
    s.hello()
    s.welcome(welcome(head=5))
    assert not s.synced
    assert s.receive(snapshot(5, [{"id": "A"}], final=False, categories=[{"code": "C1"}],
                              units=[{"id": "U1"}])) is None
    assert s.replica.incidents == {} and not s.synced
    done = s.receive(snapshot(5, [{"id": "B"}], final=True))
    assert isinstance(done, SnapshotDone) and s.synced
    assert set(s.replica.incidents) == {"A", "B"} and set(s.replica.units) == {"U1"}
    assert s.replica.head == 5 and s.replica.reference["categories"] == [{"code": "C1"}]


def test_events_apply_in_order_and_closed_incidents_leave_the_active_state(s):
    s.hello()
    s.welcome(welcome())
    s.receive(snapshot(3, []))
    assert isinstance(s.receive(event(4)), EventApplied)
    assert "I4" in s.replica.incidents
    s.receive({**event(5), "data": {"id": "I4", "state": "closed"}})
    assert "I4" not in s.replica.incidents and s.replica.head == 5


def test_a_repeated_event_is_skipped_and_a_skipped_seq_is_a_gap(s):
    s.hello()
    s.welcome(welcome())
    s.receive(snapshot(3, []))
    s.receive(event(4))
    assert s.receive(event(4)) is None and s.receive(event(2)) is None
    with pytest.raises(Gap):
        s.receive(event(6))
    assert s.replica.head == 4
    assert s.hello()["resume_from"] == 4  # the reconnect resumes from before the gap


def test_unanswered_commands_are_sent_again_after_a_reconnect_with_their_ids(s):
    s.hello()
    s.welcome(welcome())
    a = s.command("c-1", "incident.accept", {"incident": "X"})
    s.command("c-2", "incident.note", {"incident": "X", "text": "t"})
    got = s.receive({"type": "result", "id": "c-2", "ok": True})
    assert isinstance(got, ResultArrived) and got.id == "c-2"
    s.hello()
    assert s.welcome(welcome()) == [a]


def test_a_result_nobody_waits_for_is_ignored(s):
    assert s.receive({"type": "result", "id": "c-404", "ok": True}) is None
    s.command("c-1", "incident.accept", {"incident": "X"})
    s.forget("c-1")
    assert s.receive({"type": "result", "id": "c-1", "ok": True}) is None


def test_a_refused_token_is_a_hub_error(s):
    s.hello()
    with pytest.raises(HubError) as e:
        s.welcome({"type": "error", "code": "unauthorized", "message": "unknown token"})
    assert e.value.code == "unauthorized"


def test_resuming_at_the_hubs_head_is_synced_at_once(s):
    s.hello()
    s.welcome(welcome())
    s.receive(snapshot(8, []))
    s.hello()
    assert not s.synced
    s.welcome(welcome(head=8))
    assert s.synced


def test_a_resync_restarts_snapshot_assembly(s):
    s.hello()
    s.welcome(welcome())
    s.receive(snapshot(3, [{"id": "OLD"}], final=False))
    assert isinstance(s.receive({"type": "resync"}), Resyncing) and s.resyncs == 1
    s.receive(snapshot(9, [{"id": "NEW"}]))
    assert set(s.replica.incidents) == {"NEW"}


def test_a_snapshot_cut_by_a_lost_connection_is_started_anew(s):
    s.hello()
    s.welcome(welcome())
    s.receive(snapshot(3, [{"id": "HALF"}], final=False))
    s.hello()  # the connection was lost
    s.welcome(welcome())
    s.receive(snapshot(4, [{"id": "WHOLE"}]))
    assert set(s.replica.incidents) == {"WHOLE"}


def test_the_hubs_error_frames_are_reported(s):
    assert s.receive({"type": "error", "code": "rate_limited", "message": "slow down"}) == HubSaid(
        "rate_limited", "slow down")


def test_a_client_that_keeps_no_state_still_tracks_the_head():
    s = ClientSession("tok", "import", keep_state=False)
    s.hello()
    s.welcome(welcome())
    s.receive(event(1))
    s.receive(event(2))
    assert s.replica.head == 2 and s.replica.incidents == {}


def test_a_client_that_keeps_no_state_hands_the_snapshot_over_and_keeps_only_the_head():
    s = ClientSession("tok", "console", keep_state=False)
    s.hello()
    s.welcome(welcome())
    done = s.receive(snapshot(5, [{"id": "A"}], units=[{"id": "U1"}]))
    assert set(done.replica.incidents) == {"A"} and set(done.replica.units) == {"U1"}
    assert s.replica.incidents == {} and s.replica.units == {} and s.replica.head == 5
    assert s.hello()["resume_from"] == 5
