"""A console given several hubs (CONTRACT §5 "Several hubs"): it moves to the next URL when one
fails — at once, round robin, backing off only after a whole round failed — and resumes on the
next hub from the last seq it applied, without a gap. Two hubs share one database only on
PostgreSQL (two Hub objects on one SQLite file are not supported), so those tests run there;
the command line's --connect lists are checked here too."""

import asyncio
import socket
import subprocess
import sys
import time

import pytest

from console.models.lifecycle import Role
from console.models.store import Store
from console.net.client import HubClient, hub_urls
from console.net.hub import Hub
from tests.net.conftest import TOKENS, _users
from tests.net.hubprocs import ROOT, Watcher

PG = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
SQLITE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def dead_url() -> str:
    """A URL where nothing listens (connections are refused at once)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"ws://127.0.0.1:{port}/ws"


@pytest.fixture
async def hubs(db_url, catalog, hub_config):
    """hubs(n) -> n running hubs on the same database, each with its own Store; hubs.again(h)
    starts a stopped hub's twin on the same port. All stopped at teardown."""
    made: list[Hub] = []
    stores: list[Store] = []

    async def _start(store: Store, port: int = 0) -> Hub:
        h = Hub(store, hub_config, port=port, sla_interval=0.2)
        await h.start()
        made.append(h)
        return h

    async def _hubs(n: int) -> list[Hub]:
        for _ in range(n):
            stores.append(Store(db_url, catalog))
        return [await _start(s) for s in stores[-n:]]

    _hubs.again = lambda old: _start(old.store, old.port)
    yield _hubs
    for h in made:
        await h.stop()
    for s in stores:
        s.close()


@pytest.fixture
async def watched():
    watchers = []

    def _make(url, user="sup", **kw):
        w = Watcher()
        w.make(url, TOKENS[user], name=f"test-{user}", **kw).start()
        watchers.append(w)
        return w

    yield _make
    for w in watchers:
        await w.client.close()


async def post(hub, catalog, text, n=1):
    """n notices committed by this hub; the seq of the last."""
    sup = next(u for u in _users(catalog) if u.role is Role.SUPERVISOR).actor
    seq = 0
    for i in range(n):
        res = await hub.submit(sup, "notice.post", {"text": f"{text} {i}", "level": "info"})
        assert res["ok"], res
        seq = res["seq"]
    return seq


# ---- the URL list ---------------------------------------------------------------------------------


def test_a_client_takes_one_url_a_comma_separated_list_or_a_list():
    assert hub_urls("ws://a:1/ws") == ("ws://a:1/ws",)
    assert hub_urls(" ws://a:1/ws , ws://b:2/ws ") == ("ws://a:1/ws", "ws://b:2/ws")
    assert hub_urls(["ws://a:1/ws", "ws://b:2/ws,ws://c:3/ws"]) == ("ws://a:1/ws", "ws://b:2/ws", "ws://c:3/ws")
    c = HubClient("ws://a:1/ws,ws://b:2/ws", "tok")
    assert c.url == c.current_url == "ws://a:1/ws" and c.urls == ("ws://a:1/ws", "ws://b:2/ws")


def test_a_client_given_no_url_says_so_in_one_line():
    with pytest.raises(ValueError, match="no hub URL"):
        HubClient(" , ", "tok")


# ---- moving on ------------------------------------------------------------------------------------


@SQLITE
async def test_a_refused_first_url_sends_the_client_to_the_next_at_once(hubs, watched):
    [hub] = await hubs(1)
    dead = dead_url()
    start = time.monotonic()
    w = watched(f"{dead},{hub.url}", backoff=(3.0, 5.0))  # a backoff would show: >= 2.4 s
    await w.until(lambda: w.client.synced.is_set())
    assert time.monotonic() - start < 2.0
    assert [(online, url) for _, online, _, url in w.statuses] == [(False, dead), (True, hub.url)]
    assert w.statuses[0][2].startswith(f"{dead}: "), w.statuses[0][2]  # the why names the hub
    assert w.client.current_url == hub.url and w.client.moves == 1


async def test_the_client_backs_off_only_after_a_whole_round_of_hubs_failed(watched):
    urls = [dead_url(), dead_url(), dead_url()]
    w = watched(",".join(urls), backoff=(0.5, 0.5))
    await w.until(lambda: len(w.statuses) >= 7, timeout=10)
    times = [at for at, _, _, _ in w.statuses[:7]]
    steps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert [url for *_, url in w.statuses[:7]] == urls + urls + urls[:1]  # round robin, in order
    assert not any(online for _, online, _, _ in w.statuses)
    # refused at once, so each move is immediate, except after the third: a whole round failed
    assert steps[0] < 0.3 and steps[1] < 0.3 and steps[3] < 0.3 and steps[4] < 0.3, steps
    assert steps[2] >= 0.4 and steps[5] >= 0.4, steps


@PG
async def test_when_its_hub_stops_the_console_moves_to_the_next_and_resumes_without_a_gap(hubs, watched, catalog):
    a, b = await hubs(2)
    w = watched([a.url, b.url])
    await w.until(lambda: w.client.synced.is_set() and w.snapshots)
    await post(a, catalog, "on a", 3)
    last = await post(b, catalog, "on b while the console is on a", 2)  # seen live or by a resume
    await w.until(lambda: w.head == last)
    stopped = time.monotonic()
    await a.stop()  # closes every connection with 1001
    last = await post(b, catalog, "on b", 3)
    await w.until(lambda: w.online_after(stopped) is not None and w.head == last)
    assert w.client.current_url == b.url and w.online_after(stopped)[1] == b.url
    pending = await w.client.command("notice.post", {"text": "from the console", "level": "info"})
    assert pending["ok"], pending
    await w.until(lambda: w.head == pending["seq"])
    w.assert_gapless(pending["seq"])
    assert len(w.notices()) == 9 and len(set(w.notices())) == 9


@PG
async def test_round_robin_brings_the_console_back_to_the_first_hub_when_the_second_fails(hubs, watched, catalog):
    a, b = await hubs(2)
    w = watched([a.url, b.url])
    await w.until(lambda: w.client.synced.is_set() and w.snapshots)
    t = time.monotonic()
    await a.stop()
    await w.until(lambda: w.online_after(t) is not None)
    a2 = await hubs.again(a)  # the first hub back, on its old port
    await post(a2, catalog, "on a again", 2)
    t = time.monotonic()
    await b.stop()
    last = await post(a2, catalog, "on a again, later", 2)
    await w.until(lambda: w.online_after(t) is not None and w.head == last)
    assert w.online_after(t)[1] == a.url == w.client.current_url
    w.assert_gapless(last)


@PG
async def test_commands_sent_while_between_hubs_are_applied_once_on_the_next(hubs, watched, catalog):
    a, b = await hubs(2)
    w = watched([a.url, b.url])
    await w.until(lambda: w.client.synced.is_set() and w.snapshots)
    await a.stop()
    # offline now, or about to be: these wait in the client and go to b once it is connected
    sent = [asyncio.create_task(w.client.command("notice.post", {"text": f"held {i}", "level": "info"}))
            for i in range(5)]
    results = await asyncio.wait_for(asyncio.gather(*sent), 20)
    assert all(r["ok"] for r in results), results
    last = max(r["seq"] for r in results)
    await w.until(lambda: w.head >= last)
    assert w.client.current_url == b.url
    w.assert_gapless(w.head)
    assert sorted(w.notices()) == [f"held {i}" for i in range(5)]


# ---- the command line ----------------------------------------------------------------------------


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


@pytest.mark.parametrize(("value", "named"), [
    ("ws://127.0.0.1:9/ws,http://127.0.0.1:9/ws", "'http://127.0.0.1:9/ws' (the 2nd of the list)"),
    ("ws://127.0.0.1:9/ws,,ws://127.0.0.1:8/ws", "the 2nd URL of the list is empty"),
    ("ws://127.0.0.1:9/ws,ws://127.0.0.1:9/ws", "'ws://127.0.0.1:9/ws' is in the list twice"),
    (",", "no hub URL given"),
])
@pytest.mark.parametrize("command", ["console", "report"])
def test_a_bad_url_in_a_connect_list_is_refused_naming_it_in_one_line(command, value, named, tmp_path):
    extra = ["--out", str(tmp_path / "r.csv")] if command == "report" else []
    r = run(command, "--connect", value, "--token", "t", *extra)
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert "--connect" in line and named in line, line


def test_a_connect_list_is_parsed_into_one_clean_list_for_the_console():
    from console.cli import build_parser

    args = build_parser().parse_args(["console", "--connect", "ws://a:1/ws , wss://b:2/ws", "--token", "t"])
    assert args.connect == "ws://a:1/ws,wss://b:2/ws"
    assert hub_urls(args.connect) == ("ws://a:1/ws", "wss://b:2/ws")


@SQLITE
async def test_a_feed_given_a_list_whose_first_hub_is_down_works_through_the_next(hubs, tmp_path):
    [hub] = await hubs(1)
    out = tmp_path / "numbers.csv"
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "main.py"), "report", "--connect", f"{dead_url()},{hub.url}",
        "--token", TOKENS["sup"], "--group-by", "all", "--out", str(out), cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    stdout, stderr = await asyncio.wait_for(proc.communicate(), 120)
    assert proc.returncode == 0, stderr.decode()
    assert out.exists() and "rows written" in stdout.decode()
