"""Fixtures of the console tests: a real hub on port 0 in its own thread, and main windows
connected to it (hidden, closed at teardown)."""

import asyncio

import pytest

from console.models.lifecycle import Actor, Role
from console.models.store import Store
from console.net.background import BackgroundHub
from console.net.config import HubConfig, User

SUP = User("sup", Role.SUPERVISOR, "tok-sup-0123456789")
WALL = User("wall", Role.VIEWER, "tok-wall-0123456789")
OTHER = Actor("grid.li", Role.OPERATOR)


@pytest.fixture
def running_hub(tmp_path, catalog):
    store = Store(f"sqlite:///{tmp_path / 'hub.db'}", catalog)
    bh = BackgroundHub(store, HubConfig(users=(SUP, WALL)), sla_interval=0.5)
    bh.start()
    yield bh
    bh.stop()
    store.close()


def submit(bh, actor, name, args):
    """A command from another client, through the hub's own writer."""
    fut = asyncio.run_coroutine_threadsafe(bh.hub.submit(actor, name, args), bh.loop)
    return fut.result(10)


def report(bh, catalog, k=0, **extra):
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[k % len(catalog.grids)]
    args = {"category": sorted(catalog.categories)[k % 7], "lat": grid.centroid[0], "lon": grid.centroid[1],
            "description": f"第{k}号：井盖缺失", "source": "hotline"} | extra
    res = submit(bh, OTHER, "incident.report", args)
    assert res["ok"], res
    return res["incident"]["id"]


@pytest.fixture
def console(qtbot, running_hub, catalog, tmp_path):
    """A main window connected as ``user`` (supervisor by default), hidden, closed at teardown."""
    from PySide6.QtCore import QSettings

    from console.views.bridge import HubBridge
    from console.views.main_window import MainWindow

    made = []

    def _open(user=SUP):
        bridge = HubBridge(running_hub.url, user.token)
        settings = QSettings(str(tmp_path / f"{user.name}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(bridge, catalog, language="en", settings=settings)
        qtbot.addWidget(window)
        bridge.start()
        made.append(bridge)
        qtbot.waitUntil(lambda: window.online and bool(window.user), timeout=10_000)
        return window

    yield _open
    for b in made:
        b.stop()


