"""State over the wire (CONTRACT §3): the snapshot on connect, resume without gaps or
duplicates, falling back to a snapshot, slow consoles resynced (not dropped), the SLA clock
turning red on its own, and seq surviving a hub restart. Real hubs, real sockets, both DBs."""

import asyncio
import contextlib
import dataclasses
import json
import socket
from datetime import UTC, datetime, timedelta

from websockets.asyncio.client import connect as ws_connect

from console.models.store import Store
from console.net.protocol import MAX_FRAME, SNAPSHOT_KEYS, dumps
from tests.net.conftest import TOKENS

NORMAL, URGENT = "P0104", "P0101"  # default priorities: normal, urgent (accept limit 5 minutes)


def hello(user="wall", resume_from=None):
    return dumps({"type": "hello", "protocol": 1, "token": TOKENS[user], "client": "raw/1", "resume_from": resume_from})


async def recv(ws, timeout=10.0):
    """The next frame but presence events (``seq`` null: beside the log, tested in test_hub_presence)."""
    while True:
        m = json.loads(await asyncio.wait_for(ws.recv(), timeout))
        if not (m.get("type") == "event" and m.get("seq") is None):
            return m


async def read_snapshot(ws):
    """Snapshot frames up to and including the final one."""
    frames = []
    while True:
        msg = await recv(ws)
        assert msg["type"] == "snapshot", msg
        frames.append(msg)
        if msg["final"]:
            return frames


async def read_events_until(ws, last_seq):
    """Event seqs read until ``last_seq`` (nothing but events may come)."""
    seqs = []
    while not seqs or seqs[-1] < last_seq:
        msg = await recv(ws)
        assert msg["type"] == "event", msg
        seqs.append(msg["seq"])
    return seqs


def report_args(catalog, n=0, **extra):
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[n]
    return {"category": NORMAL, "lat": grid.centroid[0], "lon": grid.centroid[1], "description": "d",
            "source": "grid", **extra}


async def ok(client, name, args):
    res = await client.command(name, args, timeout=10)
    assert res["ok"] is True, (name, res)
    return res




# ---- the snapshot --------------------------------------------------------------------------------

async def test_the_snapshot_holds_active_incidents_and_reference_data_with_ids(hub, connect, catalog):
    op = await connect("op")
    kept = [(await ok(op, "incident.report", report_args(catalog)))["incident"]["id"] for _ in range(3)]
    gone = (await ok(op, "incident.report", report_args(catalog)))["incident"]["id"]
    await ok(op, "incident.reject", {"incident": gone, "reason": "void"})
    head = hub.store.head()
    async with ws_connect(hub.url, max_size=MAX_FRAME) as ws:
        await ws.send(hello())
        assert (await recv(ws))["head"] == head
        (snap,) = await read_snapshot(ws)
    assert snap["head"] == head and snap["final"] is True
    assert sorted(i["id"] for i in snap["incidents"]) == sorted(kept), "active incidents only"
    for key in SNAPSHOT_KEYS:
        assert isinstance(snap[key], list), key
        assert all(isinstance(o, dict) and o.get("id") for o in snap[key]), key
    assert {c["code"] for c in snap["categories"]} == set(catalog.categories)
    assert all(c["id"] == c["code"] for c in snap["categories"])
    assert {d["id"] for d in snap["departments"]} == set(catalog.departments)
    assert {t["id"] for t in snap["teams"]} == set(catalog.teams)
    assert {u["id"] for u in snap["units"]} == set(catalog.units)
    assert {c["id"] for c in snap["cameras"]} == set(catalog.cameras)
    assert all({"lat", "lon", "status", "team"} <= set(u) for u in snap["units"])


async def test_more_than_400_active_incidents_come_in_several_frames_the_last_one_final(hub, connect, catalog):
    """450 incidents of ~2 KB each: more than one frame may hold (frames are cut by size, < 1 MiB)."""
    op = await connect("op")
    text = "路面破损 road surface broken " * 40
    results = await asyncio.gather(*(op.command("incident.report", report_args(catalog, k % 20, description=text),
                                                timeout=30) for k in range(450)))
    assert all(r["ok"] for r in results)
    head = hub.store.head()
    async with ws_connect(hub.url, max_size=MAX_FRAME) as ws:
        await ws.send(hello())
        await recv(ws)
        frames = await read_snapshot(ws)
    assert len(frames) >= 2
    assert [f["final"] for f in frames] == [False] * (len(frames) - 1) + [True]
    assert {f["head"] for f in frames} == {head}
    ids = [i["id"] for f in frames for i in f["incidents"]]
    assert len(ids) == len(set(ids)) == 450
    assert frames[0]["categories"] and frames[0]["units"], "reference data comes with the first frame"
    wall = await connect("wall")  # and the client puts the chunks together
    assert len(wall.replica.incidents) == 450 and wall.replica.head == head


async def test_snapshot_frames_stay_under_one_mib_when_incidents_carry_long_texts(hub, connect, catalog):
    """Descriptions and addresses may be 4,000 characters each (~12 KB of UTF-8 in Chinese):
    400 such incidents in one frame would pass 1 MiB and the console would be cut off (1009)."""
    op = await connect("op")
    long = "井盖缺失" * 1000
    results = await asyncio.gather(*(
        op.command("incident.report", report_args(catalog, description=long, address=long), timeout=30)
        for _ in range(60)))
    assert all(r["ok"] for r in results)
    async with ws_connect(hub.url, max_size=MAX_FRAME) as ws:
        await ws.send(hello())
        await recv(ws)
        frames = await read_snapshot(ws)
    assert sum(len(f["incidents"]) for f in frames) == 60
    assert all(len(dumps(f).encode()) <= MAX_FRAME for f in frames)
    wall = await connect("wall")
    assert len(wall.replica.incidents) == 60


# ---- resume ------------------------------------------------------------------------------------------

async def test_resume_replays_exactly_the_missed_events_then_live_ones_without_gap_or_duplicate(hub, connect, catalog):
    op = await connect("op")
    first = await ok(op, "incident.report", report_args(catalog))
    iid = first["incident"]["id"]
    wall = await connect("wall")
    seen = wall.replica.head
    await wall.close()  # the console goes away; the district does not wait
    unit = sorted(catalog.units)[0]
    await ok(op, "incident.accept", {"incident": iid})
    await ok(op, "incident.note", {"incident": iid, "text": "while you were away"})
    await ok(op, "unit.update", {"unit": unit, "lat": 43.86, "lon": 125.23, "status": "busy"})
    await ok(op, "incident.report", report_args(catalog))
    missed_to = hub.store.head()
    assert missed_to == seen + 4
    async with ws_connect(hub.url, max_size=MAX_FRAME) as ws:
        # more changes race with the replay: each must come exactly once, in order
        racing = asyncio.gather(*(op.command("incident.note", {"incident": iid, "text": f"n{k}"}) for k in range(20)))
        await ws.send(hello(resume_from=seen))
        welcome = await recv(ws)
        assert welcome["type"] == "welcome" and welcome["head"] >= missed_to
        assert all(r["ok"] for r in await racing)
        last = hub.store.head()
        seqs = await read_events_until(ws, last)
    assert seqs == list(range(seen + 1, last + 1))


async def test_a_client_that_loses_its_connection_resumes_and_matches_a_fresh_console(hub, connect, catalog):
    op, wall = await connect("op"), await connect("wall")
    ids = [(await ok(op, "incident.report", report_args(catalog)))["incident"]["id"] for _ in range(3)]
    await wall.wait_for(lambda r: all(i in r.incidents for i in ids))
    await wall._ws.close()  # the network drops; the client reconnects and resumes from its head
    await ok(op, "incident.accept", {"incident": ids[0]})
    await ok(op, "incident.reject", {"incident": ids[1], "reason": "void"})
    last = (await ok(op, "incident.report", report_args(catalog)))["seq"]
    await wall.wait_for(lambda r: r.head == last)
    fresh = await connect("sensor")

    def plain(objs):  # an event's data also names the action that made it; the state is the rest
        return {k: {f: v for f, v in o.items() if f != "action"} for k, o in objs.items()}

    assert plain(wall.replica.incidents) == plain(fresh.replica.incidents)
    assert plain(wall.replica.units) == plain(fresh.replica.units)
    assert ids[1] not in wall.replica.incidents and wall.replica.head == fresh.replica.head
    assert wall.gaps == 0


async def test_resume_from_the_current_head_sends_nothing_until_the_next_event(hub, connect, catalog):
    op = await connect("op")
    await ok(op, "incident.report", report_args(catalog))
    head = hub.store.head()
    async with ws_connect(hub.url, max_size=MAX_FRAME) as ws:
        await ws.send(hello(resume_from=head))
        assert (await recv(ws))["head"] == head
        res = await ok(op, "incident.report", report_args(catalog))
        msg = await recv(ws)
        assert msg["type"] == "event" and msg["seq"] == head + 1 == res["seq"]


async def test_resume_from_before_pruned_events_or_ahead_of_the_hub_gets_a_snapshot(hub, connect, catalog):
    op = await connect("op")
    for _ in range(6):
        await ok(op, "incident.report", report_args(catalog))
    head = hub.store.head()
    assert hub.store.make_checkpoint(every=head - 2) == head - 2
    while hub.store.prune_log(datetime.now(UTC) + timedelta(days=2), keep=timedelta(days=1)):  # up to it
        pass  # keeps head-1, head
    for resume, replay in [(1, None), (head - 3, None), (head - 2, [head - 1, head]), (head + 10, None),
                           (head, [])]:
        async with ws_connect(hub.url, max_size=MAX_FRAME) as ws:
            await ws.send(hello(resume_from=resume))
            assert (await recv(ws))["head"] == head
            if replay is None:
                frames = await read_snapshot(ws)
                assert frames[-1]["head"] == head and len(frames[0]["incidents"]) == 6, resume
            elif replay:
                assert await read_events_until(ws, head) == replay, resume


# ---- a slow console ------------------------------------------------------------------------------------

async def test_a_slow_console_is_resynced_with_a_fresh_snapshot_not_dropped_and_others_keep_up(
        make_hub, hub_config, client_of, catalog):
    h = await make_hub(dataclasses.replace(hub_config, queue_limit=40))
    op = await client_of(h, "op")
    fast = await client_of(h, "sup")
    big = "满溢" * 2000  # each event carries the incident (~30 KB) and the note's text
    iid = (await ok(op, "incident.report", report_args(catalog, description=big, address=big)))["incident"]["id"]
    # a console that stops reading: a tiny receive buffer, one frame queued in the library
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", h.port))
    async with ws_connect(h.url, sock=sock, max_size=MAX_FRAME, max_queue=1) as slow:
        await slow.send(hello())
        await asyncio.wait_for(_registered(h, "wall"), 10)
        slow_side = next(c for c in h.clients if c.user.name == "wall")
        for _ in range(100):  # until the hub gives up on this console's backlog (a few MB)
            if slow_side.resyncs:
                break
            results = await asyncio.gather(*(op.command("incident.note", {"incident": iid, "text": big})
                                             for _ in range(10)))
            assert all(r["ok"] for r in results)
            last = max(r["seq"] for r in results)
            await fast.wait_for(lambda r, last=last: r.head >= last, 5)  # the others keep receiving promptly
        assert slow_side.resyncs >= 1, "the slow console was never resynced"
        assert fast.resyncs == 0 and fast.gaps == 0
        head = h.store.head()
        # now it reads: whatever was in flight, then `resync`, a complete fresh snapshot, live events
        kinds, snap_head, after = [], None, []
        while snap_head is None or not after or after[-1] < head:
            msg = await recv(slow)
            kinds.append(msg["type"])
            if msg["type"] == "resync":
                snap_head, after = None, []
                frames = [await recv(slow)]
                while not frames[-1]["final"]:
                    frames.append(await recv(slow))
                assert all(f["type"] == "snapshot" for f in frames)
                assert iid in {i["id"] for f in frames for i in f["incidents"]}
                snap_head = frames[-1]["head"]
                if snap_head == head:
                    break
            elif snap_head is not None:
                assert msg["type"] == "event"
                after.append(msg["seq"])
        assert "resync" in kinds
        assert after == list(range(snap_head + 1, snap_head + 1 + len(after))), "no gap after the snapshot"
        # and it is still connected: it can send, and it gets the next event
        await slow.send(dumps({"type": "command", "id": "still-here", "name": "query.incidents",
                               "args": {"limit": 1}}))
        await ok(op, "incident.note", {"incident": iid, "text": "back"})
        got = set()
        while not {"result", "event"} <= got:
            msg = await recv(slow)
            got.add(msg["type"])
            if msg["type"] == "result":
                assert msg["ok"] is True and msg["id"] == "still-here"
            if msg["type"] == "event":
                assert msg["seq"] == head + 1


async def _registered(h, user):
    while not any(c.user.name == user and c.live for c in h.clients):
        await asyncio.sleep(0.01)


# ---- the SLA clock -------------------------------------------------------------------------------------

async def test_an_urgent_incident_whose_limit_passes_turns_red_without_anyone_touching_it(
        make_hub, client_of, catalog):
    now = [datetime(2026, 3, 2, 2, 0, tzinfo=UTC)]  # a Monday, 10:00 in the district
    h = await make_hub(clock=lambda: now[0], sla_interval=0.05)
    events = []
    op = await client_of(h, "op")
    wall = await client_of(h, "wall", on_event=events.append)
    res = await ok(op, "incident.report", report_args(catalog, category=URGENT))
    inc = res["incident"]
    assert inc["priority"] == "urgent" and inc["sla"] == "green" and inc["stage"] == "accept"
    assert inc["reported_at"] == "2026-03-02T02:00:00.000Z"
    now[0] += timedelta(minutes=6)  # the accept limit is 5 minutes
    await wall.wait_for(lambda r: r.incidents[inc["id"]]["sla"] == "red", 10)
    red = [e for e in events if e["kind"] == "incident" and e["data"]["sla"] == "red"]
    assert len(red) == 1
    ev = red[0]
    assert ev["seq"] == res["seq"] + 1 and ev["data"]["id"] == inc["id"]
    assert ev["data"]["action"]["name"] == "sla" and ev["data"]["action"]["actor"] == "system"
    # protocol 1.1 (CONTRACT §5): the clock's change raises the version and is in the history
    assert ev["data"]["version"] == inc["version"] + 1 == 2
    assert ev["data"]["action"]["note"] == "green→red"  # the clock jumped past blue at once
    assert ev["data"]["state"] == "reported"
    # nothing more happens while it stays red; an action starts the next stage's clock
    acc = await ok(op, "incident.accept", {"incident": inc["id"], "expect_version": 2})
    assert acc["seq"] == ev["seq"] + 1 and acc["incident"]["sla"] == "green"


# ---- restart ------------------------------------------------------------------------------------------

async def test_seq_continues_after_a_hub_restart_over_the_same_database(
        make_hub, hub_config, client_of, catalog, db_url, store):
    h1 = await make_hub()
    op = await client_of(h1, "op")
    for _ in range(3):
        last = (await ok(op, "incident.report", report_args(catalog)))["seq"]
    await op.close()
    await h1.stop()
    store2 = Store(db_url, catalog)
    try:
        h2 = await make_hub(store=store2)
        async with ws_connect(h2.url, max_size=MAX_FRAME) as ws:
            await ws.send(hello(resume_from=last - 1))
            assert (await recv(ws))["head"] == last
            assert await read_events_until(ws, last) == [last]  # events from before the restart are held
            op2 = await client_of(h2, "op")
            res = await ok(op2, "incident.report", report_args(catalog))
            assert res["seq"] == last + 1
            assert (await recv(ws))["seq"] == last + 1
            assert len(op2.replica.incidents) == 4
        await h2.stop()
    finally:
        with contextlib.suppress(Exception):
            store2.close()
