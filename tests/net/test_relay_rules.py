"""Socket-free rules of net/relay.py (the order events are handed on in) and net/presence.py."""

import asyncio
import json
from datetime import UTC, datetime

from console.models.frames import event_frame
from console.net.presence import LOST, SAY_BYTES, Presence, chunked, frame
from console.net.relay import Relay


class FakeStore:
    """A log of seqs 1..n; ``events_between`` answers from it (what is "committed")."""

    class engine:  # noqa: N801 - the shape Relay reads
        class dialect:  # noqa: N801
            name = "sqlite"

    def __init__(self):
        self.log = {}
        self.writer_id = "me"

    def commit(self, lo, hi):
        frames = [event_frame(s, "2026-01-01T00:00:00Z", "unit", "{}") for s in range(lo, hi + 1)]
        for s, f in zip(range(lo, hi + 1), frames, strict=True):
            self.log[s] = f
        return frames

    def head(self):
        return max(self.log, default=0)

    def events_between(self, after, upto, limit):
        return [self.log[s] for s in range(after + 1, upto + 1) if s in self.log][:limit]


def _relay():
    store = FakeStore()
    out = []

    async def read(fn, *args):
        await asyncio.sleep(0)
        return fn(*args)

    relay = Relay(store, lambda frames: out.extend(json.loads(f)["seq"] for f in frames), read)
    return relay, store, out


async def _settle(relay):
    while relay._catching is not None:
        await asyncio.sleep(0)


async def test_own_batches_in_order_are_handed_on_at_once():
    relay, store, out = _relay()
    await relay.start()
    relay.own(store.commit(1, 3))
    assert out == [1, 2, 3]  # synchronously: one hub costs nothing extra
    relay.own(store.commit(4, 4))
    assert out == [1, 2, 3, 4]


async def test_an_own_batch_behind_another_writers_is_held_until_those_are_read_from_the_log():
    relay, store, out = _relay()
    await relay.start()
    store.commit(1, 5)  # another hub's batch, its NOTIFY not heard yet
    relay.own(store.commit(6, 7))
    assert out == []
    await _settle(relay)
    assert out == [1, 2, 3, 4, 5, 6, 7]


async def test_another_writers_notify_after_the_own_batch_was_read_back_is_not_handed_twice():
    relay, store, out = _relay()
    await relay.start()
    store.commit(1, 2)
    relay.committed(2)
    own = store.commit(3, 3)
    relay.committed(3)  # e.g. the head poll saw the own batch before the writer handed it
    await _settle(relay)
    relay.own(own)
    assert out == [1, 2, 3]


async def test_notifies_out_of_order_still_give_one_gap_free_sequence():
    relay, store, out = _relay()
    await relay.start()
    store.commit(1, 4)
    store.commit(5, 9)
    relay.committed(9)
    relay.committed(4)
    await _settle(relay)
    assert out == list(range(1, 10))


async def test_events_missing_from_the_log_are_skipped_so_consoles_resync_instead_of_waiting_forever():
    relay, store, out = _relay()
    await relay.start()
    store.commit(1, 1)
    relay.committed(3)  # 2..3 never appear (forgotten by retention)
    await asyncio.wait_for(_settle(relay), 10)
    assert out == [1] and relay.sent == 3
    relay.own(store.commit(4, 4))
    assert out == [1, 4]


def _presence(name="hub-a", inst="aaaaaa"):
    return Presence(name, inst, lambda: datetime(2026, 12, 6, 8, 0, tzinfo=UTC))


def test_a_presence_change_that_changes_nothing_is_not_sent():
    pr = _presence()
    cid = pr.new_id()
    entry = pr.join(cid, "op", "operator")
    assert entry["online"] and entry["viewing"] is None and entry["hub"] == "hub-a"
    assert pr.set(cid, None) is None
    changed = pr.set(cid, "INC-1")
    assert changed["viewing"] == "INC-1" and changed["acting"] is False
    assert pr.set(cid, "INC-1") is None
    assert pr.set(cid, "INC-1", acting=True)["acting"] is True
    assert pr.set(cid, None, acting=True)["acting"] is False  # acting on nothing is not acting
    gone = pr.leave(cid)
    assert gone["online"] is False and not pr.roster()


def test_another_hubs_entries_join_the_roster_and_leave_when_it_falls_silent():
    pr = _presence()
    other = {"id": "bbbbbb-1", "user": "sup", "role": "supervisor", "hub": "hub-b", "viewing": "INC-2",
             "acting": False, "since": "x", "online": True, "online_since": "x"}
    shown, again = pr.heard_from({"op": "set", "src": "bbbbbb", "entries": [other]}, clock=100.0)
    assert shown == [other] and not again
    assert other in pr.roster()
    assert pr.expire(100.0 + LOST - 1) == []
    pr.heard_from({"op": "alive", "src": "bbbbbb"}, clock=110.0)
    assert pr.expire(110.0 + LOST - 1) == []
    gone = pr.expire(110.0 + LOST + 1)
    assert [g["id"] for g in gone] == ["bbbbbb-1"] and gone[0]["online"] is False
    assert not pr.roster()


def test_a_hub_asked_to_say_its_entries_again_says_so_and_its_own_messages_are_ignored():
    pr = _presence(inst="aaaaaa")
    assert pr.heard_from({"op": "ask", "src": "cccccc"}, clock=1.0) == ([], True)
    assert pr.heard_from({"op": "ask", "src": "aaaaaa"}, clock=1.0) == ([], False)
    assert pr.heard_from({"op": "set", "src": 5, "entries": []}, clock=1.0) == ([], False)


def test_entries_are_said_to_other_hubs_in_chunks_under_the_notify_limit():
    entries = [{"id": f"x-{i}", "user": "用户" * 20, "viewing": None, "online": True} for i in range(300)]
    msgs = chunked(entries, "aaaaaa")
    assert len(msgs) > 1
    assert [e for m in msgs for e in m["entries"]] == entries
    assert all(len(json.dumps(m, ensure_ascii=False, separators=(",", ":")).encode()) < SAY_BYTES + 500
               for m in msgs)


def test_a_presence_event_carries_no_seq():
    f = json.loads(frame({"id": "a-1", "user": "op"}, datetime(2026, 1, 1, tzinfo=UTC)))
    assert f["type"] == "event" and f["seq"] is None and f["kind"] == "presence" and f["data"]["user"] == "op"


def test_the_roster_given_to_a_joining_console_holds_every_online_connection_as_last_changed():
    pr = _presence()
    a, b = pr.new_id(), pr.new_id()
    pr.join(a, "op", "operator")
    pr.join(b, "sup", "supervisor")
    pr.set(a, "INC-9")
    pr.heard_from({"op": "set", "src": "bbbbbb", "entries": [
        {"id": "bbbbbb-1", "user": "wall", "role": "viewer", "hub": "hub-b", "viewing": None, "online": True}]}, 1.0)
    got = {json.loads(f)["data"]["id"]: json.loads(f)["data"] for f in pr.roster_frames()}
    assert set(got) == {a, b, "bbbbbb-1"} and got[a]["viewing"] == "INC-9"
    pr.leave(b)
    pr.heard_from({"op": "gone", "src": "bbbbbb"}, 2.0)
    assert [json.loads(f)["data"]["id"] for f in pr.roster_frames()] == [a]


def test_the_listen_connection_takes_a_multi_host_database_url_as_the_store_does():
    from sqlalchemy import create_engine

    store = FakeStore()
    store.engine = create_engine("postgresql+psycopg://postgres@/test?host=10.0.0.1:5432&host=10.0.0.2:5433"
                                 "&target_session_attrs=read-write")
    args = Relay(store, lambda frames: None, None)._connect_args()
    assert args["host"] == "10.0.0.1,10.0.0.2" and args["port"] == "5432,5433"
    assert args["target_session_attrs"] == "read-write" and "context" not in args
