"""Several hub PROCESSES on one PostgreSQL database (CONTRACT §5 "Several hubs"): a console given
both URLs sees every event of both, in seq order without a gap; when its hub is killed with
SIGKILL it moves to the other and resumes there, and the commands it had under way or sent
while between hubs are applied exactly once. Real `main.py hub` processes (tests/net/hubprocs.py)."""

import asyncio
import time

import pytest

from console.net.client import HubClient
from tests.net.hubprocs import TOKENS, Watcher, synced

pytestmark = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


def notice(text):
    return {"text": text, "level": "info"}


async def test_a_console_sees_the_events_of_both_hubs_in_seq_order_without_gaps(procs, clients):
    a, b = await procs.start(2)
    w = Watcher()
    console = clients(w.make([a.url, b.url], TOKENS["sup"], name="console"))
    other = clients(HubClient(b.url, TOKENS["op"], name="on-b"))
    await synced(console)
    await synced(other)
    assert console.current_url == a.url
    sent = []
    for i in range(10):  # interleaved: the console's own hub and the other one
        sent.append(await console.command("notice.post", notice(f"a {i}")))
        sent.append(await other.command("notice.post", notice(f"b {i}")))
    assert all(r["ok"] for r in sent), sent
    last = max(r["seq"] for r in sent)
    await w.until(lambda: w.head >= last)
    w.assert_gapless(last)
    assert console.gaps == 0  # live: the other hub's events came through the console's own hub
    assert sorted(w.notices()) == sorted([f"a {i}" for i in range(10)] + [f"b {i}" for i in range(10)])


async def test_a_hub_killed_under_a_console_sends_it_to_the_other_which_resumes_without_a_gap(procs, clients):
    a, b = await procs.start(2)
    w = Watcher()
    console = clients(w.make([a.url, b.url], TOKENS["sup"], name="console"))
    other = clients(HubClient(b.url, TOKENS["op"], name="on-b"))
    await synced(console)
    await synced(other)
    assert console.current_url == a.url
    texts = []

    async def say(client, text):
        texts.append(text)
        res = await client.command("notice.post", notice(text))
        assert res["ok"], res
        return res["seq"]

    for i in range(5):
        await say(console, f"before, console {i}")
        await say(other, f"before, b {i}")
    # commands under way as the hub dies: answered by a before it died, or by b after the move
    under_way = [asyncio.create_task(say(console, f"under way {i}")) for i in range(20)]
    await asyncio.wait(under_way, return_when=asyncio.FIRST_COMPLETED)  # all sent, the first answered
    killed = time.monotonic()
    await a.kill()
    # b goes on while the console is between hubs; the console's own commands wait for it
    between = [await say(other, f"meanwhile, b {i}") for i in range(5)]
    held = [asyncio.create_task(say(console, f"held {i}")) for i in range(5)]
    seqs = await asyncio.wait_for(asyncio.gather(*under_way, *held), 30)
    await w.until(lambda: w.online_after(killed) is not None)
    at, url = w.online_after(killed)
    assert url == b.url == console.current_url
    print(f"\nkill -9 of the console's hub: online on the other {at - killed:.2f} s later")
    last = max([*seqs, *between, await say(other, "after")])
    await w.until(lambda: w.head >= last)
    w.assert_gapless(last)
    seen = w.notices()
    assert sorted(seen) == sorted(texts), set(texts) ^ set(seen)  # each exactly once


async def test_a_hub_killed_and_started_again_is_back_in_the_consoles_rotation(procs, clients):
    a, b = await procs.start(2)
    w = Watcher()
    console = clients(w.make([a.url, b.url], TOKENS["sup"], name="console"))
    await synced(console)
    t = time.monotonic()
    await b.kill()  # not the console's hub: nothing changes for it
    res = await console.command("notice.post", notice("on a, with b gone"))
    assert res["ok"] and console.current_url == a.url and w.offline_after(t) is None
    b2 = await procs.restart(b)  # on b's port again
    assert b2.url == b.url
    t = time.monotonic()
    await a.kill()
    held = await console.command("notice.post", notice("on b again"))
    assert held["ok"], held
    await w.until(lambda: w.online_after(t) is not None and w.head >= held["seq"], timeout=30)
    assert w.online_after(t)[1] == b.url == console.current_url
    w.assert_gapless(held["seq"])
    assert w.notices() == ["on a, with b gone", "on b again"]
