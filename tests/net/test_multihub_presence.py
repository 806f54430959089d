"""Several hub PROCESSES on one PostgreSQL database, continued: a hub whose LISTEN connection is
cut by the database misses nothing; presence crosses processes, and a hub killed with SIGKILL
(no "gone" said, its sockets reset) takes its consoles off every other hub's roster once it has
been silent for presence.LOST seconds."""

import asyncio
import time

import psycopg
import pytest

from console.net.client import HubClient
from console.net.presence import ALIVE, LOST
from tests.conftest import PG_URL
from tests.net.hubprocs import TOKENS, Watcher, synced

pytestmark = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


async def test_a_hub_process_whose_listen_connection_is_cut_misses_no_event(procs, clients, db_url):
    a, b = await procs.start(2)
    w = Watcher()
    on_b = clients(w.make(b.url, TOKENS["wall"], name="on-b"))
    on_a = clients(HubClient(a.url, TOKENS["op"], name="on-a"))
    await synced(on_b)
    await synced(on_a)
    first = (await on_a.command("notice.post", {"text": "before", "level": "info"}))["seq"]
    await w.until(lambda: w.head >= first)
    dsn = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as admin:
        cut = admin.execute("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE application_name = 'console-hub-listen') t").fetchone()[0]
    assert cut >= 2  # both hubs' (and perhaps another test's, which opens its own again)
    sent = [await on_a.command("notice.post", {"text": f"while cut {i}", "level": "info"}) for i in range(20)]
    assert all(r["ok"] for r in sent)
    last = sent[-1]["seq"]
    await w.until(lambda: w.head >= last, timeout=20)
    w.assert_gapless(last)
    assert on_b.gaps == 0 and on_b.current_url == b.url  # read back by hub B, not by a resume


async def test_presence_crosses_hub_processes_and_a_killed_hubs_consoles_go_offline(procs, clients):
    a, b = await procs.start(2)
    seen = []
    watcher = clients(HubClient(b.url, TOKENS["wall"], name="wall-on-b", on_presence=lambda e: seen.append(e["data"])))
    await synced(watcher)
    sup = clients(HubClient(a.url, TOKENS["sup"], name="sup-on-a"))
    await synced(sup)
    assert (await sup.command("presence.set", {"viewing": "CASE-7"}))["ok"]

    async def until(pred, timeout):
        async def loop():
            while not any(pred(e) for e in seen):
                await asyncio.sleep(0.05)
        await asyncio.wait_for(loop(), timeout)

    await until(lambda e: e["user"] == "sup" and e["viewing"] == "CASE-7" and e["online"], 10)
    hub_a = next(e["hub"] for e in seen if e["user"] == "sup")
    assert hub_a.endswith(a.url.rsplit(":", 1)[1].split("/")[0])  # host:port of hub A
    killed = time.monotonic()
    await a.kill()
    await until(lambda e: e["user"] == "sup" and not e["online"], LOST + 2 * ALIVE + 5)
    took = time.monotonic() - killed
    assert took <= LOST + 2 * ALIVE + 5
    assert not [e for e in seen[-1:] if e["user"] == "sup" and e["online"]]
