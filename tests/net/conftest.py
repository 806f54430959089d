"""Hub fixtures: real hubs on port 0 over SQLite and PostgreSQL, and real clients."""

import asyncio
import contextlib

import pytest

from console.models.lifecycle import Role
from console.net.client import HubClient
from console.net.config import HubConfig, User
from console.net.hub import Hub

TEAM = "T-01"


def _users(catalog):
    team = sorted(catalog.teams)[0]
    dept = sorted(catalog.departments)[0]
    grid = sorted(catalog.grids)[0]
    return (
        User("admin", Role.ADMIN, "tok-admin-0123456789"),
        User("sup", Role.SUPERVISOR, "tok-sup-0123456789"),
        User("op", Role.OPERATOR, "tok-op-0123456789"),
        User("wall", Role.VIEWER, "tok-wall-0123456789"),
        User("sensor", Role.SENSOR, "tok-sensor-0123456789"),
        User("crew", Role.FIELD, "tok-crew-0123456789", team=team),
        User("crew2", Role.FIELD, "tok-crew2-0123456789", team=sorted(catalog.teams)[1]),
        User("dept", Role.FIELD, "tok-dept-0123456789", team=dept),
        User("gridman", Role.FIELD, "tok-grid-0123456789", team=sorted(catalog.teams)[2], grids=frozenset({grid})),
    )


TOKENS = {
    "admin": "tok-admin-0123456789", "sup": "tok-sup-0123456789", "op": "tok-op-0123456789",
    "wall": "tok-wall-0123456789", "sensor": "tok-sensor-0123456789", "crew": "tok-crew-0123456789",
    "crew2": "tok-crew2-0123456789", "dept": "tok-dept-0123456789", "gridman": "tok-grid-0123456789",
}


@pytest.fixture
def hub_config(catalog):
    return HubConfig(users=_users(catalog))


@pytest.fixture
async def hub(store, hub_config):
    """A running hub on 127.0.0.1:0 over the parametrised database (SQLite, PostgreSQL)."""
    h = Hub(store, hub_config, port=0, sla_interval=0.2, ping_interval=None)
    await h.start()
    yield h
    await h.stop()


@pytest.fixture
async def make_hub(store, hub_config):
    """Hubs built by the test (own config, clock, store); all stopped at teardown."""
    hubs = []

    async def _make(config=hub_config, store=store, **kw):
        h = Hub(store, config, port=0, ping_interval=None, **kw)
        await h.start()
        hubs.append(h)
        return h

    yield _make
    for h in hubs:
        await h.stop()


@pytest.fixture
async def connect(hub):
    """connect("op") -> a synced HubClient for that user; all closed at teardown."""
    clients = []

    async def _connect(user="sup", **kw):
        c = HubClient(hub.url, TOKENS[user], name=f"test-{user}", **kw)
        c.start()
        await c.synced.wait()
        clients.append(c)
        return c

    yield _connect
    for c in clients:
        with contextlib.suppress(Exception):
            await c.close()


def actor(name, catalog):
    return next(u for u in _users(catalog) if u.name == name).actor


@pytest.fixture
async def client_of():
    """client_of(hub, "op") -> a synced HubClient; all closed at teardown."""
    clients = []

    async def _client(h, user, **kw):
        c = HubClient(h.url, TOKENS[user], name=f"test-{user}", **kw)
        c.start()
        clients.append(c)
        await asyncio.wait_for(c.synced.wait(), 10)
        return c

    yield _client
    for c in clients:
        await c.close()


# ---- hub PROCESSES on one PostgreSQL database (tests/net/hubprocs.py) ---------------------------

@pytest.fixture
async def procs(db_url, tmp_path):
    """Real ``main.py hub`` processes on the test's database: ``a, b = await procs.start(2)``."""
    from .hubprocs import HubProcs

    async with HubProcs(tmp_path, db_url) as p:
        yield p


@pytest.fixture
async def clients():
    """clients(HubClient(...)) -> the client, closed at teardown."""
    made = []

    def _add(c):
        made.append(c)
        return c

    yield _add
    for c in made:
        await c.close()
