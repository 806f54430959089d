"""Fuzzing the hub (DESIGN "Reliability bar": thousands of random frames leave it serving and its
memory flat; CONTRACT §3: a bad frame gets an ``error`` or a failed ``result`` and the
connection stays usable; nothing half-applied remains).

Several raw connections, each as a different role, send 5,000 random and malformed frames in
all: random bytes and invalid UTF-8 as binary frames, non-JSON text, JSON that is not an object,
nesting far past any parser's depth, wrong types in every envelope field, unknown frame types,
random command names, real command names with garbage args (wrong types, NaN, infinities,
integers too big for a float, lone UTF-16 surrogates, huge strings, unknown keys), and well-typed
but meaningless args (unknown ids, codes and times) that reach the store's writer. Meanwhile a
well-behaved HubClient runs report → accept → dispatch cycles and checks every result.

The generator is seeded (``SEED``) so a failure replays exactly. SQLite only: the hub's frame
handling does not depend on the database, and the store is tested on both elsewhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import random
import string
import tracemalloc
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from console.models.commands import SCHEMAS
from console.net.config import HubConfig
from console.net.protocol import MAX_FRAME

from .conftest import TOKENS, _users

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)

SEED = 20240611
ROUNDS = 5  # the first is the warm-up; memory is compared between its end and the last's
PER_ROUND = 1000  # frames per round, over all fuzz connections: 5,000 in all
FUZZ_USERS = ("sup", "op", "crew", "sensor", "wall")  # every kind of role gets fuzzed
ANSWER_TIMEOUT = 60.0
# Growth allowed between the end of the warm-up round and the end of the last round (4,000
# frames later). What legitimately grows in that window is bounded and small: the well-behaved
# client's replica (one incident of ~2 KB per cycle, a few dozen cycles), SQLAlchemy's
# statement cache (capped at 500 entries) and allocator slack. A leak of only 500 bytes per bad
# frame would already add 2 MB, a leak of the frame itself (often kilobytes, up to 200 KB here)
# far more; so 2 MB separates "flat" from "leaking" with room for the legitimate part.
MEMORY_BOUND = 2 * 1024 * 1024


@pytest.fixture
def hub_config(catalog):
    """The test users with a rate limit so high that limiting never masks what fuzzing tests."""
    return HubConfig(users=_users(catalog), rate=1e9, burst=10**9)


# ---- the frames -----------------------------------------------------------------------------------

GARBAGE: list[Any] = [
    None, True, False, 0, -1, 1.5, -0.0, 2**63, -(2**64), 10**400, float("nan"), float("inf"), float("-inf"),
    1e-320, "", " ", "\x00", "\ud800", "a\udfffb", "🚒" * 300, "x" * 5000, "ß" * 250, [], {}, [1, "2", None],
    {"$ne": 1}, {"nested": {"deeper": [{}]}}, "NaN", "1e999", "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00", "not-a-time", "2024-02-30T00:00:00Z",
]


def _rand_str(rng: random.Random, n: int | None = None, surrogates: bool = True) -> str:
    """Random text; with ``surrogates`` it may hold lone UTF-16 surrogates, which only survive
    as JSON escapes (a text frame itself must be valid UTF-8)."""
    n = rng.randint(0, 40) if n is None else n
    pools = (string.printable, "中文事件井盖路灯", "\u0000\u0001\u001f\u007f\u200b\ufeff\uffff", "\ud800\udc00\udbff")
    pool = rng.choice(pools if surrogates else pools[:3])
    return "".join(rng.choice(pool) for _ in range(n))


def _rand_json(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(9 if depth < 4 else 6)
    if kind == 0:
        return None
    if kind == 1:
        return rng.random() < 0.5
    if kind == 2:
        return rng.choice([0, -1, 7, 2**31, 2**53 + 1, -(2**70), 10**rng.randint(1, 500)])
    if kind == 3:
        return rng.choice([0.5, -1e308, 1e308, float("nan"), float("inf"), rng.uniform(-200, 200)])
    if kind in (4, 5):
        return _rand_str(rng)
    if kind == 6:
        return rng.choice(GARBAGE)
    if kind == 7:
        return [_rand_json(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    return {_rand_str(rng, rng.randint(0, 12)): _rand_json(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def _dumps(obj: Any) -> str:
    return json.dumps(obj)  # ensure_ascii: lone surrogates travel as \udXXX escapes, as a hostile client sends them


class Fuzzer:
    """Makes bad frames. ``victims`` are incidents owned by the fuzz (never the good client's)."""

    def __init__(self, rng: random.Random, catalog, victims: list[str]) -> None:
        self.rng = rng
        self.catalog = catalog
        self.victims = victims
        self.n = 0
        grid = sorted(catalog.grids.values(), key=lambda g: g.code)[0]
        self.valid: dict[str, dict[str, Any]] = {
            "incident.report": {"category": sorted(catalog.categories)[0], "lat": grid.centroid[0],
                                "lon": grid.centroid[1], "description": "fuzz", "source": "fuzz"},
            "unit.update": {"unit": sorted(catalog.units)[0], "lat": grid.centroid[0], "lon": grid.centroid[1],
                            "status": "available"},
            "query.incidents": {"limit": 5},
        }
        self.kinds = [self.binary, self.bad_utf8, self.not_json, self.not_object, self.deep, self.deep_in_args,
                      self.bad_envelope, self.unknown_type, self.unknown_name, self.garbage_args,
                      self.typed_nonsense, self.random_object]

    def cid(self) -> str:
        self.n += 1
        return f"fz-{self.n}"

    def frame(self) -> str | bytes:
        return self.rng.choice(self.kinds)()

    def command(self, name: Any, args: Any, cid: Any = None) -> str:
        return _dumps({"type": "command", "id": self.cid() if cid is None else cid, "name": name, "args": args})

    # each kind returns one frame that the hub must answer with an error or a result

    def binary(self) -> bytes:
        return self.rng.randbytes(self.rng.randint(0, 300))

    def bad_utf8(self) -> bytes:
        return b'{"type":"command","id":"\xff\xfe","name":"\xc3\x28"}' + self.rng.randbytes(self.rng.randint(0, 20))

    def not_json(self) -> str:
        return self.rng.choice([_rand_str(self.rng, self.rng.randint(1, 200), surrogates=False), "{", "nul",
                                '{"type":"command",', "[1,2", "{'type': 'command'}", '{"type":"command"}}',
                                "\ufeff{}", "", " "])

    def not_object(self) -> str:
        return _dumps(self.rng.choice([[], [{"type": "command"}], 1, "command", None, True, _rand_json(self.rng)])
                      if self.rng.random() < 0.8 else [_rand_json(self.rng)])

    def deep(self) -> str:
        d = self.rng.choice([1_000, 5_000, 100_000])
        if self.rng.random() < 0.5:
            return "[" * d + "]" * d
        return '{"type":"command","args":' + '{"a":' * d + "1" + "}" * d + "}"

    def deep_in_args(self) -> str:
        # deep enough to parse, maybe too deep to print: the message about a bad value must not fail
        d = self.rng.choice([100, 500, 900, 990])
        name = self.rng.choice(["incident.report", "incident.accept", "query.incidents", "unit.update"])
        key = self.rng.choice(list(SCHEMAS[name]))
        body = "[" * d + "]" * d if self.rng.random() < 0.5 else '{"a":' * d + "1" + "}" * d
        return f'{{"type":"command","id":"{self.cid()}","name":"{name}","args":{{"{key}":{body}}}}}'

    def bad_envelope(self) -> str:
        frame: dict[str, Any] = {"type": "command", "id": self.cid(), "name": "query.incidents", "args": {}}
        field = self.rng.choice(["type", "id", "name", "args", "all", "missing"])
        wrong = {
            "type": [1, None, [], {}, True, 1.5],
            "id": [1, None, "", "x" * 201, [], {}, True, 10**400],
            "name": [1, None, "", [], {}, False],
            "args": [[], "x", 1, True, 0.5, [{}]],
        }
        if field == "all":
            for k, values in wrong.items():
                frame[k] = self.rng.choice(values)
        elif field == "missing":
            del frame[self.rng.choice(["type", "id", "name"])]
        else:
            frame[field] = self.rng.choice(wrong[field])
        return _dumps(frame)

    def unknown_type(self) -> str:
        t = self.rng.choice(["hello", "welcome", "event", "snapshot", "result", "error", "resync", "ping", "",
                             "Command", "command ", "x" * 1000, _rand_str(self.rng)])
        frame = {"type": t, "id": self.cid(), "name": "query.incidents", "args": {}}
        if t == "hello":
            frame.update(protocol=1, token=TOKENS["admin"], resume_from=0)
        return _dumps(frame)

    def unknown_name(self) -> str:
        name = self.rng.choice(["incident.fnord", "incident.", "INCIDENT.REPORT", "query.incidents ", "report",
                                "__class__", "incident.report\x00", "x" * 10_000, _rand_str(self.rng)])
        return self.command(name, _rand_json(self.rng) if self.rng.random() < 0.3 else {})

    def garbage_args(self) -> str:
        """A real command with at least one argument of the wrong type or shape: fails validation."""
        name = self.rng.choice(sorted(SCHEMAS))
        args = dict(self.valid.get(name, {"incident": self.rng.choice(self.victims)}))
        schema = SCHEMAS[name]
        how = self.rng.randrange(4)
        if how == 0:  # an unknown key
            args[self.rng.choice(["__proto__", "constructor", "type", "", _rand_str(self.rng)])] = 1
        elif how == 1:  # a required key missing
            required = [k for k, s in schema.items() if s.required]
            if not required:
                args["limit"] = "ten"
            else:
                args.pop(self.rng.choice(required), None)
        else:  # one or more values of a wrong type
            for key in self.rng.sample(sorted(schema), self.rng.randint(1, min(3, len(schema)))):
                args[key] = self._wrong_for(schema[key].kind)
        return self.command(name, args)

    def _wrong_for(self, kind: str) -> Any:
        if kind in ("str", "text"):
            return self.rng.choice([1, 1.5, True, [], {}, ["x"], 10**400, float("nan"), "x" * 10_000])
        if kind == "bool":
            return self.rng.choice([0, 1, "true", "", [], {}, float("nan")])
        if kind == "int":
            return self.rng.choice([True, 1.0, "1", [], {}, float("inf"), 0.5])
        # float, lat, lon
        return self.rng.choice([True, "43.8", [], {}, float("nan"), float("inf"), float("-inf"), 10**400,
                                -(10**400), 1e308 * 10, 91, -181, 10**30])

    def typed_nonsense(self) -> str:
        """Right types, meaningless values: unknown ids, codes and times. These reach the writer
        (a bad one must fail alone, never take the rest of its batch down with it)."""
        name = self.rng.choice(sorted(SCHEMAS))
        args: dict[str, Any] = dict(self.valid.get(name, {}))
        for key, spec in SCHEMAS[name].items():
            if key in args and self.rng.random() < 0.6:
                continue
            if not spec.required and self.rng.random() < 0.6:
                continue
            if spec.kind in ("str", "text"):
                args[key] = self.rng.choice([
                    self.rng.choice(self.victims), "nonexistent", "E9999", "T-99", _rand_str(self.rng, 20) or "x",
                    "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2024-01-01T00:00:00",
                    "reported", "active,final", "closed,nonsense", "bm90LWEtY3Vyc29y", "%_\\", "a" * 200,
                    "P1", "urgent",
                ])
            elif spec.kind == "bool":
                args[key] = self.rng.random() < 0.5
            elif spec.kind == "int":
                args[key] = self.rng.choice([0, -1, 6, 501, 2**31, 2**63, 10**30, 10**400])
            elif spec.kind == "lat":
                args[key] = self.rng.uniform(-90, 90)
            elif spec.kind == "lon":
                args[key] = self.rng.uniform(-180, 180)
            else:
                args[key] = self.rng.choice([1e308, -1e308, 0.0, 5e-324])
        if self.rng.random() < 0.3:
            args["expect_version"] = self.rng.choice([0, -1, 10**400, 2**63])
        return self.command(name, args)

    def random_object(self) -> str:
        obj = _rand_json(self.rng)
        if not isinstance(obj, dict):
            obj = {"payload": obj}
        obj.setdefault("type", self.rng.choice(["command", _rand_str(self.rng)]))
        if obj["type"] == "command":
            obj["id"] = self.cid()
            obj.setdefault("name", self.rng.choice([*sorted(SCHEMAS), _rand_str(self.rng)]))
            if obj["name"] == "query.incidents":
                obj["args"] = {"limit": "many"}  # keep it a bad frame
        return _dumps(obj)


# ---- the connections ------------------------------------------------------------------------------

class FuzzConnection:
    """One raw connection: counts the answers (error or result frames) to what it sent."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.sent = 0
        self.answers = 0
        self.ok_results = 0
        self.codes: dict[str, int] = {}
        self.progress = asyncio.Event()
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for raw in self.ws:
            m = json.loads(raw)
            t = m.get("type")
            if t in ("error", "result"):
                self.answers += 1
                if t == "result" and m.get("ok"):
                    self.ok_results += 1
                else:
                    self.codes[m["code"]] = self.codes.get(m["code"], 0) + 1
                self.progress.set()

    async def send(self, frame: str | bytes) -> None:
        self.sent += 1
        await self.ws.send(frame)

    async def all_answered(self, timeout: float = ANSWER_TIMEOUT) -> None:
        async def loop() -> None:
            while self.answers < self.sent:
                if self.reader.done():
                    raise AssertionError(f"the connection ended: {self.reader.exception() or self.ws.close_code}")
                self.progress.clear()
                await self.progress.wait()

        await asyncio.wait_for(loop(), timeout)


async def _raw(url: str, user: str) -> ClientConnection:
    ws = await connect(url, max_size=MAX_FRAME, compression=None, ping_interval=None)
    await ws.send(json.dumps({"type": "hello", "protocol": 1, "token": TOKENS[user], "client": "fuzz/1",
                              "resume_from": None}))
    while True:  # welcome, then the snapshot
        m = json.loads(await asyncio.wait_for(ws.recv(), 10))
        assert m["type"] in ("welcome", "snapshot", "event"), m
        if m["type"] == "snapshot" and m["final"]:
            return ws


def _heap() -> int:
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


async def test_thousands_of_bad_frames_each_get_an_answer_while_a_good_client_works_and_memory_stays_flat(
        hub, catalog, connect):
    """5,000 bad frames over five raw connections (one per role): every frame is answered by an
    ``error`` or a failed ``result`` (only well-typed commands on fuzz-owned incidents may
    succeed), no connection is closed, no batch is lost (``unavailable``), the well-behaved
    client's report → accept → dispatch cycles all succeed with the right states and events, and
    the traced heap grows by less than MEMORY_BOUND between the warm-up round and the last."""
    rng = random.Random(SEED)
    good = await connect("sup")
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[0]
    category = sorted(catalog.categories)[0]
    team = sorted(catalog.teams)[0]

    async def report(desc: str) -> dict:
        return await good.command("incident.report", {"category": category, "lat": grid.centroid[0],
                                                      "lon": grid.centroid[1], "description": desc,
                                                      "source": "grid"}, timeout=30)

    victims = []
    for n in range(5):
        res = await report(f"fuzz victim {n}")
        assert res["ok"], res
        victims.append(res["incident"]["id"])
    fuzzer = Fuzzer(rng, catalog, victims)
    conns = [FuzzConnection(await _raw(hub.url, u)) for u in FUZZ_USERS]

    fuzzing = True
    cycles = 0
    mine: set[str] = set()

    async def good_cycles() -> None:
        nonlocal cycles
        while fuzzing:
            res = await report(f"good cycle {cycles}")
            assert res["ok"], res
            inc = res["incident"]
            assert inc["state"] == "reported" and inc["version"] == 1 and inc["reported_by"] == "sup"
            mine.add(inc["id"])
            res = await good.command("incident.accept", {"incident": inc["id"]}, timeout=30)
            assert res["ok"] and res["incident"]["state"] == "accepted" and res["incident"]["version"] == 2, res
            res = await good.command("incident.dispatch", {"incident": inc["id"], "team": team, "note": "go"},
                                     timeout=30)
            assert res["ok"], res
            assert res["incident"]["state"] == "dispatched" and res["incident"]["assignee"] == team, res
            assert res["incident"]["version"] == 3
            await good.wait_for(lambda r, i=inc["id"], s=res["seq"]: r.head >= s and
                                r.incidents[i]["state"] == "dispatched", 30)
            cycles += 1

    async def fuzz_round() -> None:
        async def one(c: FuzzConnection, n: int) -> None:
            for _ in range(n):
                await c.send(fuzzer.frame())
            # a small last frame, so the websocket buffers hold no big fuzz frame when measured
            await c.send("{}")
            await c.all_answered()

        share = PER_ROUND // len(conns)
        await asyncio.gather(*(one(c, share) for c in conns))

    tracemalloc.start()
    try:
        worker = asyncio.create_task(good_cycles())
        baseline = 0
        for n in range(ROUNDS):
            await fuzz_round()
            if worker.done():
                worker.result()  # a failed cycle: raise its assertion
            if n == 0:
                baseline = _heap()
        grown = _heap() - baseline
    finally:
        tracemalloc.stop()
        fuzzing = False
        during = cycles
    await asyncio.wait_for(worker, 60)

    assert sum(c.sent for c in conns) == ROUNDS * (PER_ROUND + len(conns))
    for c in conns:
        assert c.answers == c.sent
        assert "unavailable" not in c.codes, f"a bad command took its batch down: {c.codes}"
        assert not c.reader.done(), "the connection must stay open"
        # …and usable: a good command right after all that garbage
        probe = await _roundtrip(c, {"type": "command", "id": "probe", "name": "query.incidents",
                                     "args": {"limit": 1}})
        assert probe["type"] == "result" and probe["ok"], probe
    codes = {k for c in conns for k in c.codes}
    assert {"bad_json", "bad_message", "unknown_command", "invalid_args"} <= codes, codes
    assert during >= 2, f"the good client finished only {during} cycles during the fuzz"
    assert grown < MEMORY_BOUND, f"the heap grew by {grown / 1e6:.1f} MB over {(ROUNDS - 1) * PER_ROUND} frames"
    # the good client's view matches the hub's
    res = await good.command("query.incidents", {"status": "dispatched", "text": "good cycle", "limit": 500})
    assert {i["id"] for i in res["incidents"]} == mine
    for c in conns:
        await c.ws.close()


async def _roundtrip(c: FuzzConnection, frame: dict) -> dict:
    """Send one frame on a fuzz connection and return the answer with its id."""
    got: asyncio.Future[dict] = asyncio.get_running_loop().create_future()
    c.reader.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await c.reader

    async def read() -> None:
        async for raw in c.ws:
            m = json.loads(raw)
            if m.get("id") == frame["id"]:
                got.set_result(m)
                return

    reader = asyncio.create_task(read())
    await c.ws.send(json.dumps(frame))
    try:
        return await asyncio.wait_for(got, 10)
    finally:
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError, ConnectionClosed):
            await reader


async def test_a_frame_over_1_mib_closes_with_1009_and_the_hub_keeps_serving(hub, connect):
    """The one bad frame that does end a connection: more than 1 MiB (CONTRACT §3)."""
    ws = await _raw(hub.url, "op")
    await ws.send(json.dumps({"type": "command", "id": "big", "name": "incident.note",
                              "args": {"incident": "x", "text": "x" * MAX_FRAME}}))
    with pytest.raises(ConnectionClosed):
        while True:
            await asyncio.wait_for(ws.recv(), 10)
    assert ws.close_code == 1009
    other = await connect("op")
    res = await other.command("query.incidents", {"limit": 1})
    assert res["ok"], res


async def test_garbage_before_the_handshake_is_refused_with_1008_and_the_hub_keeps_serving(hub, catalog, connect):
    """200 connections whose first frame is garbage (bytes, non-JSON, wrong types, bad hellos):
    each is answered with an ``error`` and closed with 1008; then a good client still works."""
    rng = random.Random(SEED + 1)
    fuzzer = Fuzzer(rng, catalog, ["nonexistent"])
    fuzzer.kinds.remove(fuzzer.unknown_type)  # it may make a valid hello
    firsts: list[str | bytes] = [fuzzer.frame() for _ in range(150)]
    for _ in range(50):  # hellos with a garbage field (and a token of nobody)
        hello = {"type": "hello", "protocol": 1, "token": "not-a-token-of-anyone", "client": "fuzz",
                 "resume_from": None}
        hello[rng.choice(list(hello))] = rng.choice(GARBAGE)
        firsts.append(_dumps(hello))

    async def one(first: str | bytes) -> tuple[str | None, int | None]:
        async with connect_raw(hub.url) as ws:
            await ws.send(first)
            answer = None
            with contextlib.suppress(ConnectionClosed):
                while True:
                    m = json.loads(await asyncio.wait_for(ws.recv(), 10))
                    answer = m.get("type")
            return answer, ws.close_code

    outcomes = await asyncio.gather(*(one(f) for f in firsts))
    assert all(o == ("error", 1008) for o in outcomes), [o for o in outcomes if o != ("error", 1008)][:5]
    c = await connect("op")
    assert (await c.command("query.incidents", {"limit": 1}))["ok"]


def connect_raw(url: str):
    return connect(url, max_size=MAX_FRAME, compression=None, ping_interval=None)


async def test_hub_client_survives_the_fuzz_untouched(hub, catalog, connect):
    """A HubClient on the same hub as a fuzz connection sees no error frame, gap or resync."""
    good = await connect("op")
    fuzz = FuzzConnection(await _raw(hub.url, "sup"))
    fuzzer = Fuzzer(random.Random(SEED + 2), catalog, ["nonexistent"])
    for _ in range(300):
        await fuzz.send(fuzzer.frame())
    await fuzz.all_answered()
    assert good.gaps == 0 and good.resyncs == 0 and good.connected.is_set()
    await fuzz.ws.close()


# ---- the frames that broke the hub before (found by the fuzz above), one by one --------------------

BROKE = {
    # a lone surrogate echoed in a result could not be encoded: the connection's sender died
    "surrogate-id": ('{"type":"command","id":"\\ud800","name":"query.incidents","args":{}}', "error", "bad_message"),
    # …and stored, it would fail the batch's transaction
    "surrogate-arg": ('{"type":"command","id":"s","name":"incident.note","args":{"incident":"x","text":"\\udfff"}}',
                      "error", "bad_message"),
    # math.isfinite(10**400) raises OverflowError: the connection was closed with 1011
    "huge-int": ('{"type":"command","id":"h","name":"unit.update","args":{"unit":"u","lat":1' + "0" * 400
                 + ',"lon":1,"status":"available"}}', "result", "invalid_args"),
    # a time the database cannot hold: the query's task failed and the query was never answered
    "query-year-1": ('{"type":"command","id":"q","name":"query.incidents",'
                     '"args":{"since":"0001-01-01T00:00:00+14:00"}}', "result", "invalid_args"),
}


@pytest.mark.parametrize("name", sorted(BROKE))
async def test_a_frame_that_once_broke_the_hub_is_refused_and_the_connection_stays_usable(hub, name):
    frame, kind, code = BROKE[name]
    c = FuzzConnection(await _raw(hub.url, "sup"))
    await c.send(frame)
    await c.all_answered(10)
    assert c.codes == {code: 1}
    probe = await _roundtrip(c, {"type": "command", "id": "probe", "name": "query.incidents", "args": {"limit": 1}})
    assert probe["ok"], probe
    await c.ws.close()


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"])
async def test_a_report_with_an_unusable_time_fails_alone_and_spares_the_rest_of_its_batch(hub, catalog, when):
    """It used to raise inside the store's transaction, so every command that shared its batch
    was refused as ``unavailable``. Now the batch is re-run one command at a time."""
    from .conftest import actor

    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[0]
    args = {"category": sorted(catalog.categories)[0], "lat": grid.centroid[0], "lon": grid.centroid[1],
            "description": "d", "source": "grid"}
    sup = actor("sup", catalog)
    # submit() queues before it awaits, so the three land in ONE batch
    before, bad, after = await asyncio.gather(
        hub.submit(sup, "incident.report", args, "before"),
        hub.submit(sup, "incident.report", {**args, "reported_at": when}, "bad"),
        hub.submit(sup, "incident.report", args, "after"),
    )
    assert before["ok"] and after["ok"], (before, after)
    assert bad["ok"] is False and bad["code"] == "invalid_args", bad
    assert after["seq"] == before["seq"] + 1, "nothing of the refused one was applied"
    assert hub.store.incident(before["incident"]["id"]) and hub.store.incident(after["incident"]["id"])
