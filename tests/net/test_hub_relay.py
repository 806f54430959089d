"""Several hubs on one PostgreSQL database (CONTRACT §5 "Several hubs", net/relay.py): every
console sees every hub's events in one gap-free seq order; a dropped LISTEN connection is opened
again and nothing is missed; presence crosses hubs. Two hubs in this process, each with its own
Store (own engine and pool), over real sockets. The multi-process cases (kill -9) are in
test_multihub.py."""

import asyncio

import psycopg
import pytest

from console.models.store import Store

from .conftest import TOKENS


@pytest.fixture
def pg_url(db_url):
    return db_url  # the tests using it run on PostgreSQL only (two_hubs' mark below)


PG_ONLY = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


@pytest.fixture
async def two_hubs(pg_url, store, make_hub, catalog):
    other = Store(pg_url, catalog, schema_ready=True)
    a = await make_hub(store=store)
    b = await make_hub(store=other)
    await asyncio.wait_for(asyncio.gather(a.relay.listening.wait(), b.relay.listening.wait()), 10)
    yield a, b
    await b.stop()  # before its store is closed (the fixture stops it again: a no-op)
    other.close()


def _report(catalog, i):
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[i % 7]
    return {"category": sorted(catalog.categories)[0], "lat": grid.centroid[0], "lon": grid.centroid[1],
            "description": f"relay {i}", "source": "relay-test", "external_id": f"r{i}"}


class Seen:
    """The seqs of every event a client got, in arrival order."""

    def __init__(self):
        self.seqs = []
        self.presence = []

    def event(self, ev):
        self.seqs.append(ev["seq"])

    def present(self, ev):
        self.presence.append(ev["data"])


async def _watch(client_of, hub, user="wall"):
    seen = Seen()
    c = await client_of(hub, user, on_event=seen.event, on_presence=seen.present)
    return c, seen


def _gap_free(seqs, start, end):
    return seqs == list(range(start, end + 1))


@PG_ONLY
async def test_events_committed_on_either_hub_reach_every_console_in_seq_order_without_gaps(
        two_hubs, client_of, catalog):
    a, b = two_hubs
    on_a, seen_a = await _watch(client_of, a)
    on_b, seen_b = await _watch(client_of, b)
    start = on_b.replica.head
    op_a = await client_of(a, "op")
    op_b = await client_of(b, "op")
    # both hubs writing at once, interleaving their batches in the counter's order
    results = await asyncio.gather(*(
        (op_a if i % 2 else op_b).command("incident.report", _report(catalog, i)) for i in range(120)))
    assert all(r["ok"] for r in results)
    head = a.store.head()
    await on_a.wait_for(lambda r: r.head >= head)
    await on_b.wait_for(lambda r: r.head >= head)
    for seen in (seen_a, seen_b):
        assert _gap_free(seen.seqs, start + 1, head)
    assert on_a.gaps == on_b.gaps == 0
    assert set(on_b.replica.incidents) == set(on_a.replica.incidents)
    assert len(on_b.replica.incidents) == 120
    # the other hub's events came by NOTIFY and the log, not by a console's resume
    assert b.relay.read_back > 0 and a.relay.read_back > 0


@PG_ONLY
async def test_a_dropped_listen_connection_is_opened_again_and_no_event_is_missed(two_hubs, client_of, catalog):
    a, b = two_hubs
    on_b, seen_b = await _watch(client_of, b)
    start = on_b.replica.head
    op_a = await client_of(a, "op")
    for i in range(5):
        assert (await op_a.command("incident.report", _report(catalog, i)))["ok"]
    dsn = a.store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", (b.relay.listen_pid,)).fetchone()[0]
    # events committed on A while B has no LISTEN connection
    for i in range(5, 30):
        assert (await op_a.command("incident.report", _report(catalog, i)))["ok"]
    head = a.store.head()
    await on_b.wait_for(lambda r: r.head >= head, timeout=15)
    assert _gap_free(seen_b.seqs, start + 1, head)
    assert on_b.gaps == 0
    assert b.relay.relistens >= 1
    await asyncio.wait_for(b.relay.listening.wait(), 10)
    assert (await op_a.command("incident.report", _report(catalog, 99)))["ok"]
    await on_b.wait_for(lambda r: r.head >= head + 1, timeout=10)


@PG_ONLY
async def test_presence_crosses_hubs_opening_changing_and_closing(two_hubs, client_of, catalog):
    a, b = two_hubs
    on_b, seen_b = await _watch(client_of, b, "wall")
    op_a = await client_of(a, "op")
    res = await op_a.command("incident.report", _report(catalog, 1))
    case = res["incident"]["id"]

    async def until(pred, timeout=10):
        async def loop():
            while not any(pred(e) for e in seen_b.presence):
                await asyncio.sleep(0.02)
        await asyncio.wait_for(loop(), timeout)

    await until(lambda e: e["user"] == "op" and e["online"] and e["hub"] == a.name)
    assert (await op_a.command("presence.set", {"viewing": case}))["ok"]
    await until(lambda e: e["user"] == "op" and e["viewing"] == case and e["hub"] == a.name)
    mine = [e for e in seen_b.presence if e["user"] == "op"][-1]
    assert set(mine) >= {"user", "role", "hub", "viewing", "since", "online"} and mine["role"] == "operator"
    await op_a.close()
    await until(lambda e: e["user"] == "op" and not e["online"])


@PG_ONLY
async def test_a_new_console_gets_everyone_present_on_every_hub(two_hubs, client_of, catalog):
    a, b = two_hubs
    sup_a = await client_of(a, "sup")
    assert (await sup_a.command("presence.set", {"viewing": "X-1", "acting": True}))["ok"]
    await asyncio.sleep(0)  # the set is said to hub B; B's roster must hold it before wall joins

    async def roster_has(seen):
        while not any(e["user"] == "sup" and e["viewing"] == "X-1" for e in seen.presence):
            await asyncio.sleep(0.02)

    _c, seen = await _watch(client_of, b, "wall")
    await asyncio.wait_for(roster_has(seen), 10)
    entry = next(e for e in seen.presence if e["user"] == "sup")
    assert entry["acting"] is True and entry["hub"] == a.name and entry["online"] is True
    # its own entry is in the roster, named by the welcome's connection id
    assert any(e["user"] == "wall" and e["hub"] == b.name for e in seen.presence)


@PG_ONLY
async def test_a_stopped_hub_takes_its_consoles_off_the_other_hubs_roster(two_hubs, client_of):
    a, b = two_hubs
    on_b, seen_b = await _watch(client_of, b, "wall")
    await client_of(a, "sup")

    async def until(pred):
        while not any(pred(e) for e in seen_b.presence):
            await asyncio.sleep(0.02)

    await asyncio.wait_for(until(lambda e: e["user"] == "sup" and e["online"]), 10)
    await a.stop()
    await asyncio.wait_for(until(lambda e: e["user"] == "sup" and not e["online"]), 10)
    assert not [e for e in b.presence.roster() if e["user"] == "sup"]


async def test_presence_set_is_refused_with_a_clear_error_for_bad_arguments(hub, connect):
    c = await connect("op")
    res = await c.command("presence.set", {"viewing": 5})
    assert res["ok"] is False and res["code"] == "invalid_args" and "viewing" in res["message"]
    res = await c.command("presence.set", {"looking": "x"})
    assert res["ok"] is False and "looking" in res["message"]


@pytest.mark.parametrize("user", sorted(TOKENS))
async def test_every_role_may_say_what_it_has_open(hub, connect, user):
    c = await connect(user)
    assert (await c.command("presence.set", {"viewing": None}))["ok"]
