"""Looking back over the wire (CONTRACT §5, issue 16), real hubs and sockets, SQLite and PostgreSQL:
query.events pages the stored frames exactly as they were sent live (``next``, ``until``,
``limit``, frames under 1 MiB with big events), query.state_at gives what a live console holds
(each role as it sees live: phones masked for the crews and the walls), bad arguments are
``invalid_args`` and sensors ``forbidden``; the log survives a restart; the hub's upkeep makes
checkpoints and thins old positions on a movable clock; the [hub] options that govern it."""

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from websockets.asyncio.client import connect as ws_connect

from console.models.schema import CheckpointRow, EventRow
from console.models.store import Store
from console.net.config import ConfigError, load_config
from console.net.protocol import MAX_FRAME, dumps
from tests.net.test_hub_state import hello, ok, read_snapshot, recv, report_args

PHONE = "13812345678"
T0 = datetime(2026, 11, 30, 0, 0, 5, tzinfo=UTC)


async def query(client, name, args):
    return await client.command(name, args, timeout=20)


async def all_events(client, after=0, **kw):
    """Every page of query.events from ``after``; returns (events, pages)."""
    events, pages = [], 0
    while after is not None:
        res = await query(client, "query.events", {"after": after, **kw})
        assert res["ok"], res
        events += res["events"]
        pages += 1
        after = res["next"]
    return events, pages


async def state_at(client, **args):
    """query.state_at through every page, as one state (incidents, units, cameras by id)."""
    pages = [await query(client, "query.state_at", args)]
    while pages[-1].get("next_cursor"):
        pages.append(await query(client, "query.state_at", args | {"cursor": pages[-1]["next_cursor"]}))
    assert all(p["ok"] for p in pages), pages[-1]
    return pages[0]["head"], {
        "incidents": {i["id"]: i for p in pages for i in p["incidents"]},
        "units": {u["id"]: u for u in pages[0]["units"]},
        "cameras": {c["id"]: c for c in pages[0]["cameras"]},
    }


def held(replica):
    return {"incidents": replica.incidents, "units": replica.units, "cameras": replica.cameras}


async def scripted(client, catalog, n=3):
    """Reports (with a caller's phone), a dispatch, a closure, unit moves, a camera alarm, a notice."""
    ids = [(await ok(client, "incident.report", report_args(catalog, k, caller_phone=PHONE)))["incident"]["id"]
           for k in range(n)]
    team = sorted(catalog.teams)[0]
    await ok(client, "incident.accept", {"incident": ids[0]})
    await ok(client, "incident.dispatch", {"incident": ids[0], "team": team})
    await ok(client, "incident.reject", {"incident": ids[1], "reason": "重复"})
    for u in sorted(catalog.units.values(), key=lambda u: u.id)[:3]:
        await ok(client, "unit.update", {"unit": u.id, "lat": u.lat + 0.001, "lon": u.lon, "status": "en_route"})
    cam = sorted(c["id"] for c in catalog.to_wire()["cameras"])[0]
    await ok(client, "camera.update", {"camera": cam, "status": "alarm", "incident": ids[0], "note": "积水"})
    await ok(client, "notice.post", {"text": "注意"})
    return ids


async def until(condition, timeout=20.0):
    """Wait for a condition the hub reaches on its own (its upkeep thread), checking every 20 ms."""
    async def _wait():
        while not condition():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(_wait(), timeout)


# ---- query.events --------------------------------------------------------------------------------------

async def test_query_events_pages_in_seq_order_with_next_until_and_limit(hub, connect, catalog):
    op = await connect("op")
    await scripted(op, catalog)
    head = hub.store.head()
    events, pages = await all_events(op, limit=4)
    assert [e["seq"] for e in events] == list(range(1, head + 1)) and pages == -(-head // 4)
    res = await query(op, "query.events", {"after": 2, "until": 5, "limit": 2})
    assert [e["seq"] for e in res["events"]] == [3, 4] and res["next"] == 4
    res = await query(op, "query.events", {"after": 4, "until": 5, "limit": 2})
    assert [e["seq"] for e in res["events"]] == [5] and res["next"] is None, "until is inclusive; then the end"
    res = await query(op, "query.events", {"after": 3, "until": 5, "limit": 2})
    assert [e["seq"] for e in res["events"]] == [4, 5] and res["next"] is None, "a full last page: no next"
    res = await query(op, "query.events", {"after": head})
    assert res["events"] == [] and res["next"] is None
    res = await query(op, "query.events", {"after": head - 1, "until": head + 50})
    assert [e["seq"] for e in res["events"]] == [head] and res["next"] is None


async def test_query_events_are_the_frames_each_role_was_sent_live(hub, connect, catalog):
    """The same text, byte for byte: the control room sees the caller's phone, a wall sees it masked."""
    op = await connect("op")
    live = {}
    for user in ("op", "wall", "crew"):
        ws = await ws_connect(hub.url, max_size=MAX_FRAME)
        await ws.send(hello(user))
        await recv(ws)
        await read_snapshot(ws)
        live[user] = ws
    await scripted(op, catalog)
    head = hub.store.head()
    for user, ws in live.items():
        frames = []
        while len(frames) < head:
            raw = await asyncio.wait_for(ws.recv(), 10)
            if json.loads(raw)["type"] == "event" and json.loads(raw)["seq"] is not None:  # not presence
                frames.append(raw)
        await ws.close()
        asker = op if user == "op" else await connect(user)
        events, _ = await all_events(asker)
        assert [dumps(e) for e in events] == frames, user
        phones = {e["data"].get("caller_phone") for e in events if e["kind"] == "incident"}
        assert phones == ({PHONE} if user == "op" else {"138****5678"}), user


async def test_query_events_answers_stay_under_1_mib_with_big_events(hub, connect, catalog):
    op = await connect("op")
    big = {"description": "长" * 4000, "address": "路" * 4000}  # ~24 KB an event in UTF-8
    for k in range(60):
        await ok(op, "incident.report", report_args(catalog, k % 5) | big)
    head = hub.store.head()
    async with ws_connect(hub.url, max_size=MAX_FRAME) as ws:
        await ws.send(hello("op"))
        await recv(ws)
        await read_snapshot(ws)
        seqs, after, sizes = [], 0, []
        while after is not None:
            await ws.send(dumps({"type": "command", "id": f"q{after}", "name": "query.events",
                                 "args": {"after": after, "limit": 10_000}}))
            while True:
                raw = await asyncio.wait_for(ws.recv(), 10)
                msg = json.loads(raw)
                if msg["type"] == "result":
                    break
            assert msg["ok"], msg
            sizes.append(len(raw.encode()))
            seqs += [e["seq"] for e in msg["events"]]
            after = msg["next"]
    assert seqs == list(range(1, head + 1))
    assert len(sizes) > 1 and max(sizes) < MAX_FRAME, sizes


@pytest.mark.parametrize(("args", "needle"), [
    ({}, "after"), ({"after": -1}, "after"), ({"after": 10_000}, "after"), ({"after": "1"}, "after"),
    ({"after": True}, "after"), ({"after": 0, "until": -1}, "until"), ({"after": 3, "until": 2}, "until"),
    ({"after": 0, "limit": 0}, "limit"), ({"after": 0, "limit": 10_001}, "limit"), ({"after": 0, "since": 1}, "since"),
])
async def test_query_events_refuses_bad_arguments_naming_them(hub, connect, catalog, args, needle):
    op = await connect("op")
    await ok(op, "incident.report", report_args(catalog))
    res = await query(op, "query.events", args)
    assert res["ok"] is False and res["code"] == "invalid_args" and needle in res["message"], res


async def test_sensors_may_not_look_back_and_every_other_role_may(hub, connect, catalog):
    op = await connect("op")
    await ok(op, "incident.report", report_args(catalog))
    for user in ("sensor",):
        c = await connect(user)
        for name, args in (("query.events", {"after": 0}), ("query.state_at", {"seq": 1})):
            res = await query(c, name, args)
            assert res["ok"] is False and res["code"] == "forbidden", (user, name, res)
    for user in ("admin", "sup", "op", "wall", "crew"):
        c = await connect(user)
        for name, args in (("query.events", {"after": 0}), ("query.state_at", {"seq": 1})):
            assert (await query(c, name, args))["ok"] is True, (user, name)


# ---- query.state_at ----------------------------------------------------------------------------------------

async def test_state_at_is_what_a_live_console_of_each_role_holds(make_hub, hub_config, client_of, catalog):
    """Consoles connected from seq 0 apply every event live; at every seq of the script, and with
    checkpoints made on the way (every 5 events), the hub's rebuilt state equals theirs."""
    import dataclasses

    h = await make_hub(dataclasses.replace(hub_config, checkpoint_events=5), upkeep_interval=0.05)
    watchers = {u: await client_of(h, u) for u in ("op", "crew", "wall")}
    op = await client_of(h, "sup")
    await scripted(op, catalog, n=4)
    head = h.store.head()
    for c in watchers.values():
        await c.wait_for(lambda r: r.head == head)
    await until(lambda: _checkpoints(h.store)[-1] >= head - head % 5)
    for user, c in watchers.items():
        got_head, state = await state_at(c, seq=head)
        assert got_head == head and state == held(c.replica), user
        phones = {i.get("caller_phone") for i in state["incidents"].values()}
        assert phones == ({PHONE} if user == "op" else {"138****5678"}), user
    # and at every earlier seq: a console that applied the events up to it (query.events) holds the same
    events, _ = await all_events(watchers["op"])
    first = await query(watchers["op"], "query.state_at", {"seq": 0})
    from console.net.session import Replica

    replica = Replica(units={u["id"]: u for u in first["units"]}, cameras={c["id"]: c for c in first["cameras"]})
    for ev in events:
        replica.apply(ev)
        got_head, state = await state_at(watchers["op"], seq=ev["seq"])
        assert got_head == ev["seq"] and state == held(replica), ev["seq"]
    got_head, _ = await state_at(watchers["op"], at=events[-1]["at"])
    assert got_head == max(e["seq"] for e in events if e["at"] == events[-1]["at"])


async def test_state_at_pages_stay_under_1_mib_and_cover_every_active_incident(hub, connect, catalog):
    op = await connect("op")
    big = {"description": "长" * 4000, "address": "路" * 4000}
    ids = {(await ok(op, "incident.report", report_args(catalog, k % 5) | big))["incident"]["id"] for k in range(60)}
    head = hub.store.head()
    seen, cursor, sizes = set(), None, []
    async with ws_connect(hub.url, max_size=MAX_FRAME) as ws:
        await ws.send(hello("op"))
        await recv(ws)
        await read_snapshot(ws)
        while True:
            args = {"seq": head} | ({"cursor": cursor} if cursor else {})
            await ws.send(dumps({"type": "command", "id": f"s{len(sizes)}", "name": "query.state_at", "args": args}))
            while True:
                raw = await asyncio.wait_for(ws.recv(), 10)
                msg = json.loads(raw)
                if msg["type"] == "result":
                    break
            assert msg["ok"] and msg["head"] == head, msg
            sizes.append(len(raw.encode()))
            assert not seen & {i["id"] for i in msg["incidents"]}
            seen |= {i["id"] for i in msg["incidents"]}
            if not (cursor := msg["next_cursor"]):
                break
    assert seen == ids and len(sizes) > 1 and max(sizes) < MAX_FRAME, sizes


@pytest.mark.parametrize(("args", "needle"), [
    ({}, "seq or at"), ({"seq": -1}, "seq"), ({"seq": 10_000}, "head"), ({"seq": 1, "at": "2026-11-30T00:00:00Z"},
                                                                        "not both"),
    ({"at": "yesterday"}, "at"), ({"seq": "3"}, "seq"), ({"cursor": "not-a-cursor"}, "cursor"),
    ({"seq": 1, "limit": 0}, "limit"), ({"seq": 1, "units": True}, "units"),
])
async def test_state_at_refuses_bad_arguments_naming_them(hub, connect, catalog, args, needle):
    op = await connect("op")
    for _ in range(3):
        await ok(op, "incident.report", report_args(catalog))
    res = await query(op, "query.state_at", args)
    assert res["ok"] is False and res["code"] == "invalid_args" and needle in res["message"], res


async def test_a_cursor_belongs_to_its_moment(hub, connect, catalog):
    op = await connect("op")
    big = {"description": "长" * 4000, "address": "路" * 4000}
    for k in range(40):
        await ok(op, "incident.report", report_args(catalog, k % 5) | big)
    head = hub.store.head()
    first = await query(op, "query.state_at", {"seq": head})
    assert first["next_cursor"]
    res = await query(op, "query.state_at", {"seq": head - 1, "cursor": first["next_cursor"]})
    assert res["code"] == "invalid_args" and "cursor" in res["message"]
    res = await query(op, "query.state_at", {"cursor": first["next_cursor"]})  # the cursor alone will do
    assert res["ok"] and res["head"] == head and res["units"] == []
    # asked by time at the live edge: events stamped before that time may come between the pages,
    # the pages still show one moment
    when = (datetime.now(UTC) + timedelta(minutes=5)).isoformat()
    first = await query(op, "query.state_at", {"at": when})
    assert first["head"] == head and first["next_cursor"]
    await ok(op, "incident.report", report_args(catalog))
    res = await query(op, "query.state_at", {"at": when, "cursor": first["next_cursor"]})
    assert res["ok"] and res["head"] == head, res
    assert (await query(op, "query.state_at", {"at": when}))["head"] == head + 1


async def test_state_at_a_time_before_any_event_is_the_empty_start(hub, connect, catalog):
    op = await connect("op")
    await ok(op, "incident.report", report_args(catalog))
    res = await query(op, "query.state_at", {"at": "2000-01-01T00:00:00Z"})
    assert res["ok"] and res["head"] == 0 and res["incidents"] == [] and res["at"] is None
    assert len(res["units"]) == len(catalog.units)


# ---- the log survives a restart ----------------------------------------------------------------------------

async def test_events_and_states_survive_a_hub_restart(make_hub, client_of, catalog, db_url, store):
    h1 = await make_hub()
    op = await client_of(h1, "op")
    await scripted(op, catalog)
    head = h1.store.head()
    before, _ = await all_events(op)
    states = {s: await state_at(op, seq=s) for s in (0, head // 2, head)}
    await op.close()
    await h1.stop()
    store2 = Store(db_url, catalog)
    try:
        h2 = await make_hub(store=store2)
        op2 = await client_of(h2, "op")
        after, _ = await all_events(op2)
        assert after == before
        for s, want in states.items():
            assert await state_at(op2, seq=s) == want, s
        await op2.close()
        await h2.stop()
    finally:
        store2.close()


# ---- the hub's upkeep on a movable clock ------------------------------------------------------------------

def _checkpoints(store):
    with store.engine.connect() as conn:
        return list(conn.scalars(select(CheckpointRow.seq).order_by(CheckpointRow.seq)))


def _unit_events(store):
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(EventRow).where(EventRow.kind == "unit")).scalar_one()


async def test_the_hub_checkpoints_and_thins_old_positions_as_configured(make_hub, hub_config, client_of,
                                                                          catalog):
    import dataclasses

    now = [T0]
    cfg = dataclasses.replace(hub_config, checkpoint_events=20, tracks_full_days=3, checkpoint_minutes=10)
    h = await make_hub(cfg, clock=lambda: now[0], sla_interval=3600, upkeep_interval=3600)  # rounds when asked

    async def upkeep():
        rounds = h.upkeep_rounds
        h.run_upkeep()
        await until(lambda: h.upkeep_rounds > rounds)

    sup = await client_of(h, "sup")
    units = sorted(catalog.units.values(), key=lambda u: u.id)[:2]

    async def positions(rounds):
        for _ in range(rounds):
            for u in units:
                await ok(sup, "unit.update", {"unit": u.id, "lat": u.lat, "lon": u.lon, "status": "en_route"})
            now[0] += timedelta(seconds=10)

    for _minute in range(3):  # three minutes of two units every 10 s, a report in each
        await ok(sup, "incident.report", report_args(catalog))
        await positions(6)
    old_head = h.store.head()  # 3 × (1 + 12) = 39 events
    await upkeep()
    assert _checkpoints(h.store) == [0, 20], "every 20 events …"
    now[0] += timedelta(minutes=11)
    await upkeep()
    assert _checkpoints(h.store) == [0, 20, old_head], "… and at the head once an event is 10 minutes uncovered"
    assert _unit_events(h.store) == 36, "nothing is older than tracks_full_days yet"
    before, _ = await all_events(sup)
    now[0] += timedelta(days=3)
    await positions(3)  # recent positions
    now[0] += timedelta(minutes=11)  # a checkpoint covers them: thinning goes as far as checkpoints go
    await upkeep()
    assert _unit_events(h.store) == 3 * 2 + 6
    after, _ = await all_events(sup)
    old_units = [e for e in after if e["kind"] == "unit" and e["seq"] <= old_head]
    assert len(old_units) == 6 and len({(e["data"]["id"], e["at"][:16]) for e in old_units}) == 6
    for e in old_units:  # the last of its unit's minute
        assert e == max((b for b in before if b["kind"] == "unit" and b["data"]["id"] == e["data"]["id"]
                         and b["at"][:16] == e["at"][:16]), key=lambda b: b["seq"])
    assert [e for e in after if e["kind"] != "unit"] == [e for e in before if e["kind"] != "unit"]
    assert len([e for e in after if e["seq"] > old_head]) == 6, "recent positions are kept whole"
    async with ws_connect(h.url, max_size=MAX_FRAME) as ws:  # a resume into the thinned stretch: a snapshot
        await ws.send(hello("wall", resume_from=1))
        await recv(ws)
        assert (await read_snapshot(ws))[-1]["head"] == h.store.head()


# ---- the [hub] options ------------------------------------------------------------------------------------------

USER = '[[users]]\nname = "x"\nrole = "viewer"\ntoken = "0123456789abcdefgh"\n'


def test_the_log_options_are_read_from_the_hub_table_with_their_defaults(tmp_path):
    path = tmp_path / "hub.toml"
    path.write_text(USER, encoding="utf-8")
    cfg = load_config(path)
    assert (cfg.retention_days, cfg.tracks_full_days, cfg.checkpoint_events, cfg.checkpoint_minutes) == (
        400, 14, 2000, 10.0)
    path.write_text("[hub]\nretention_days = 30\ntracks_full_days = 7\ncheckpoint_events = 1000\n"
                    "checkpoint_minutes = 2.5\n" + USER, encoding="utf-8")
    cfg = load_config(path)
    assert (cfg.retention_days, cfg.tracks_full_days, cfg.checkpoint_events, cfg.checkpoint_minutes) == (
        30, 7, 1000, 2.5)


@pytest.mark.parametrize(("hub", "entry", "needle"), [
    ("retention_days = 0", "hub.retention_days", "positive whole number of days"),
    ("retention_days = 1.5", "hub.retention_days", "positive whole number of days"),
    ("tracks_full_days = true", "hub.tracks_full_days", "positive whole number of days"),
    ("tracks_full_days = \"14\"", "hub.tracks_full_days", "positive whole number of days"),
    ("retention_days = 10\ntracks_full_days = 14", "hub.tracks_full_days", "must not exceed retention_days (10)"),
    ("checkpoint_events = -5", "hub.checkpoint_events", "positive whole number"),
    ("retention_day = 30", "hub.retention_day", "unknown; use one of"),
])
def test_bad_log_options_are_refused_naming_the_entry(tmp_path, hub, entry, needle):
    path = tmp_path / "hub.toml"
    path.write_text(f"[hub]\n{hub}\n" + USER, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_config(path)
    assert f"{path}: {entry}: " in str(e.value) and needle in str(e.value)
