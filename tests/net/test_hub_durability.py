"""Durability of `python main.py hub` as a real process (DESIGN "Reliability bar", CONTRACT §1, §3).

- An ``ok`` survives ``kill -9`` at any moment; nothing is half-applied; seq goes on from the
  old head after a restart; resending a command id never applies it twice.
- SIGTERM drains: queued commands finish, their results go out, clients see close 1001, exit 0.
- Startup refusals are one line on stderr and a non-zero exit.

Every hub here is a subprocess on ``--port 0`` over the parametrised database (SQLite file and a
fresh PostgreSQL schema). No fixed sleeps: every wait is on a condition with a timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from console.models.schema import IncidentRow, ProcessedCommandRow, TransitionRow
from console.models.store import Store
from console.net.protocol import MAX_FRAME

ROOT = Path(__file__).resolve().parents[2]  # the project root, where main.py is
TOKEN = "tok-durability-supervisor-0123456789"
USER = "sup"
START_TIMEOUT = 60.0  # a cold start imports SQLAlchemy, Alembic, migrates and loads the catalog
BURST = 3000
KILL_AFTER = 400  # ok results seen before the hub is killed: well inside the burst


def _write_config(tmp_path: Path) -> Path:
    """A supervisor, with a rate limit far above the burst so limiting never masks durability."""
    cfg = tmp_path / "hub.toml"
    cfg.write_text(
        "[hub]\nrate = 1000000\nburst = 1000000\n\n"
        f'[[users]]\nname = "{USER}"\nrole = "supervisor"\ntoken = "{TOKEN}"\n',
        encoding="utf-8",
    )
    return cfg


class HubProcess:
    def __init__(self, proc: asyncio.subprocess.Process, url: str, log: Path) -> None:
        self.proc = proc
        self.url = url
        self.log = log

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)

    def term(self) -> None:
        self.proc.send_signal(signal.SIGTERM)

    async def wait(self, timeout: float = 30.0) -> int:
        return await asyncio.wait_for(self.proc.wait(), timeout)


@pytest.fixture
async def hubs(tmp_path):
    """start(db_url, config) -> a HubProcess that printed its ready line; all killed at teardown."""
    started: list[HubProcess] = []

    async def start(db_url: str, cfg: Path) -> HubProcess:
        log = tmp_path / f"hub-{len(started)}.log"
        with log.open("wb") as err:
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "main.py", "hub", "--port", "0", "--db", db_url, "--config", str(cfg),
                cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=err,
            )
        hp = HubProcess(proc, "", log)
        started.append(hp)
        assert proc.stdout is not None
        try:
            line = await asyncio.wait_for(proc.stdout.readline(), START_TIMEOUT)
        except TimeoutError:
            pytest.fail(f"the hub printed no ready line in {START_TIMEOUT:g} s: {log.read_text()[-2000:]}")
        text = line.decode().strip()
        assert text.startswith("hub listening on ws://"), (text, log.read_text()[-2000:])
        hp.url = text.removeprefix("hub listening on ")
        return hp

    yield start
    for hp in started:
        if hp.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                hp.kill()
            await hp.proc.wait()


async def _open(url: str) -> tuple[ClientConnection, dict]:
    """A raw protocol connection, past hello/welcome and the initial snapshot."""
    ws = await connect(url, max_size=MAX_FRAME, compression=None, ping_interval=None, open_timeout=10)
    await ws.send(json.dumps({"type": "hello", "protocol": 1, "token": TOKEN, "client": "durability/1",
                              "resume_from": None}))
    welcome = json.loads(await asyncio.wait_for(ws.recv(), 10))
    assert welcome["type"] == "welcome", welcome
    while True:
        m = json.loads(await asyncio.wait_for(ws.recv(), 30))
        if m["type"] == "snapshot" and m["final"]:
            return ws, welcome


def _report(cid: str, catalog) -> str:
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[0]
    return json.dumps({"type": "command", "id": cid, "name": "incident.report", "args": {
        "category": sorted(catalog.categories)[0], "lat": grid.centroid[0], "lon": grid.centroid[1],
        "description": f"burst {cid}", "source": "durability"}})


async def _roundtrip(ws: ClientConnection, frames: dict[str, str], timeout: float = 60.0) -> dict[str, dict]:
    """Send every frame (pipelined) and return the result for each id."""
    results: dict[str, dict] = {}
    done = asyncio.Event()

    async def read() -> None:
        async for raw in ws:
            m = json.loads(raw)
            if m["type"] == "result" and m["id"] in frames:
                results[m["id"]] = m
                if len(results) == len(frames):
                    done.set()
                    return

    reader = asyncio.create_task(read())
    for frame in frames.values():
        await ws.send(frame)
    try:
        await asyncio.wait_for(done.wait(), timeout)
    finally:
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError, ConnectionClosed):
            await reader
    return results


def _check_store(db_url: str, catalog, expect: dict[str, str]) -> int:
    """The database after the hub stopped: ``expect`` maps command id -> incident id. Every one
    is stored exactly once, with its single report transition and event; seq has no gap.
    Returns the head."""
    store = Store(db_url, catalog)
    try:
        head = store.head()
        events = [json.loads(f) for f in store.events_since(0) or []]
        assert [e["seq"] for e in events] == list(range(1, head + 1)), "events must be seq 1..head with no gap"
        with store.engine.connect() as conn:
            incidents = dict(conn.execute(select(IncidentRow.id, IncidentRow.description)).all())
            transitions = conn.execute(select(TransitionRow.incident, TransitionRow.action, TransitionRow.seq)).all()
            q = select(ProcessedCommandRow.command_id).where(ProcessedCommandRow.user == USER)
            processed = set(conn.scalars(q))
    finally:
        store.close()
    assert set(incidents) == set(expect.values()), "exactly the acknowledged incidents exist, no stray ones"
    assert len(set(expect.values())) == len(expect), "one incident per command id: nothing applied twice"
    for cid, inc in expect.items():
        assert incidents[inc] == f"burst {cid}", (cid, inc)
    assert processed == set(expect)
    reports = Counter(inc for inc, action, _ in transitions if action == "report")
    assert reports == Counter(set(incidents)), "each incident has exactly one report transition"
    report_events = {}
    for e in events:
        if e["kind"] == "incident" and e["data"]["action"]["name"] == "report":
            assert e["data"]["id"] not in report_events, f"two report events for {e['data']['id']}"
            report_events[e["data"]["id"]] = e["seq"]
    assert set(report_events) == set(incidents), "each incident has its report event"
    for inc, action, seq in transitions:
        if action == "report":
            assert report_events[inc] == seq, "a transition and its event share one seq"
    return head


async def test_kill_9_mid_burst_keeps_every_ok_and_half_applies_nothing(db_url, catalog, tmp_path, hubs):
    """3,000 reports as fast as possible, SIGKILL after ~400 ok results. After a restart on the
    same database: every ok is there (resending its id returns the same incident and seq), the
    unanswered ids apply exactly once when resent (and a second resend changes nothing), the next
    seq is the old head + 1, and the store holds one report transition + one event per incident
    with seq 1..head gapless."""
    cfg = _write_config(tmp_path)
    hub = await hubs(db_url, cfg)
    ws, welcome = await _open(hub.url)
    assert welcome["head"] == 0
    frames = {f"burst-{n}": _report(f"burst-{n}", catalog) for n in range(BURST)}
    results: dict[str, dict] = {}
    enough = asyncio.Event()

    async def read() -> None:
        with contextlib.suppress(ConnectionClosed):
            async for raw in ws:
                m = json.loads(raw)
                if m["type"] == "result":
                    results[m["id"]] = m
                    if len(results) >= KILL_AFTER:
                        enough.set()

    async def send() -> None:
        with contextlib.suppress(ConnectionClosed):
            for frame in frames.values():
                await ws.send(frame)

    reader = asyncio.create_task(read())
    sender = asyncio.create_task(send())
    await asyncio.wait_for(enough.wait(), 60)
    hub.kill()
    assert await hub.wait() == -signal.SIGKILL
    await asyncio.wait_for(reader, 30)
    sender.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await sender
    acked = dict(results)
    assert KILL_AFTER <= len(acked) < BURST, f"the kill must land mid-burst ({len(acked)} of {BURST} answered)"
    assert all(r["ok"] for r in acked.values()), [r for r in acked.values() if not r["ok"]][:3]
    acked_seq_max = max(r["seq"] for r in acked.values())

    # Restart on the same database.
    hub = await hubs(db_url, cfg)
    ws, welcome = await _open(hub.url)
    old_head = welcome["head"]
    assert old_head >= acked_seq_max, "a committed (answered) event is never lost"

    res = await _roundtrip(ws, {"after-restart": _report("after-restart", catalog)})
    assert res["after-restart"]["ok"] and res["after-restart"]["seq"] == old_head + 1, (old_head, res)

    again = await _roundtrip(ws, {cid: frames[cid] for cid in acked})
    for cid, first in acked.items():
        assert again[cid] == first, "resending an acknowledged id returns its first result, unchanged"

    unacked = {cid: f for cid, f in frames.items() if cid not in acked}
    applied = await _roundtrip(ws, unacked)
    assert all(r["ok"] for r in applied.values()), [r for r in applied.values() if not r["ok"]][:3]
    twice = await _roundtrip(ws, unacked)
    assert twice == applied, "a second resend returns the stored results and changes nothing"

    await ws.close()
    hub.term()
    assert await hub.wait() == 0

    expect = {cid: r["incident"]["id"] for cid, r in (acked | applied | res).items()}
    assert len(expect) == BURST + 1
    head = _check_store(db_url, catalog, expect)
    assert head >= old_head + 1


async def test_sigterm_drains_queued_commands_closes_1001_and_exits_0(db_url, catalog, tmp_path, hubs):
    """SIGTERM while three clients have commands queued: the hub exits 0 within a few seconds,
    each client is closed with 1001, every ok result is stored and every stored command's result
    reached its client (a refused one says ``unavailable`` and left nothing behind)."""
    cfg = _write_config(tmp_path)
    hub = await hubs(db_url, cfg)
    conns = [(await _open(hub.url))[0] for _ in range(3)]
    per_client = 1000
    results: dict[str, dict] = {}
    first = asyncio.Event()
    close_codes: list[int | None] = []

    async def read(ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                m = json.loads(raw)
                if m["type"] == "result":
                    results[m["id"]] = m
                    first.set()
        except ConnectionClosed:
            pass
        close_codes.append(ws.close_code)

    async def send(ws: ClientConnection, k: int) -> None:
        with contextlib.suppress(ConnectionClosed):
            for n in range(per_client):
                await ws.send(_report(f"drain-{k}-{n}", catalog))

    readers = [asyncio.create_task(read(ws)) for ws in conns]
    senders = [asyncio.create_task(send(ws, k)) for k, ws in enumerate(conns)]
    await asyncio.wait_for(first.wait(), 60)
    answered_at_term = len(results)
    t0 = time.monotonic()
    hub.term()
    assert await hub.wait(15) == 0
    took = time.monotonic() - t0
    assert took < 10, f"draining took {took:.1f} s"
    await asyncio.wait_for(asyncio.gather(*readers), 15)
    for s in senders:
        s.cancel()
    await asyncio.gather(*senders, return_exceptions=True)

    assert answered_at_term < 3 * per_client, "SIGTERM must come while commands are still queued"
    assert close_codes == [1001, 1001, 1001]
    ok = {cid: r["incident"]["id"] for cid, r in results.items() if r["ok"]}
    refused = {cid for cid, r in results.items() if not r["ok"]}
    assert ok, "the queued commands are finished, not dropped"
    assert all(results[c]["code"] == "unavailable" for c in refused), {results[c]["code"] for c in refused}

    store = Store(db_url, catalog)
    try:
        with store.engine.connect() as conn:
            stored = set(conn.scalars(select(ProcessedCommandRow.command_id)))
            incidents = dict(conn.execute(select(IncidentRow.id, IncidentRow.description)).all())
    finally:
        store.close()
    assert stored == set(ok), "every ok is stored, and every stored command's result was delivered"
    assert not stored & refused
    assert {incidents[i] for i in ok.values()} == {f"burst {c}" for c in ok}
    assert len(incidents) == len(ok)


def _run_hub(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", "hub", "--port", "0", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


def _assert_refused(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode != 0
    assert "hub listening" not in proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, f"one line of reason, got: {proc.stderr!r}"
    for n in needles:
        assert n in lines[0], (n, lines[0])


@pytest.mark.parametrize(
    ("body", "entry"),
    [
        ('[[users]]\nname = "x"\nrole = "boss"\ntoken = "0123456789abcdefgh"\n', "users[0] (x)"),
        ('[[users]]\nname = "x"\nrole = "viewer"\ntoken = "short"\n', "users[0] (x)"),
        ("[[users]\nname = ", "toml"),
        ("[hub]\nrate = -1\n" + f'[[users]]\nname = "x"\nrole = "viewer"\ntoken = "{TOKEN}"\n', "hub.rate"),
    ],
    ids=["bad-role", "short-token", "not-toml", "bad-rate"],
)
def test_hub_exits_non_zero_naming_the_file_and_entry_of_a_bad_config(tmp_path, body, entry):
    cfg = tmp_path / "bad.toml"
    cfg.write_text(body, encoding="utf-8")
    proc = _run_hub("--db", f"sqlite:///{tmp_path / 'x.db'}", "--config", str(cfg))
    _assert_refused(proc, str(cfg), entry)


def test_hub_exits_non_zero_naming_a_missing_config_file(tmp_path):
    cfg = tmp_path / "nowhere.toml"
    proc = _run_hub("--db", f"sqlite:///{tmp_path / 'x.db'}", "--config", str(cfg))
    _assert_refused(proc, str(cfg))


def test_hub_exits_non_zero_on_an_unreachable_postgresql(tmp_path):
    proc = _run_hub("--db", "postgresql+psycopg://postgres@127.0.0.1:1/nothing", "--config",
                    str(_write_config(tmp_path)))
    _assert_refused(proc, "database", "127.0.0.1:1")


def test_hub_exits_non_zero_on_tls_cert_without_key(tmp_path):
    cert = tmp_path / "cert.pem"
    cert.write_text("not used\n")
    proc = _run_hub("--db", f"sqlite:///{tmp_path / 'x.db'}", "--config", str(_write_config(tmp_path)),
                    "--tls-cert", str(cert))
    _assert_refused(proc, "--tls-cert", "--tls-key")
