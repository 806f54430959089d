"""Screenshots of the live map for docs/MAP.md: the real main window on a real embedded hub with
a believable busy night in the demo district, offscreen, 1920×1080, dark theme.

    .venv/bin/python tools/screenshot_map.py [--out docs/screenshots] [--langs zh_CN,en] [--zoom 16]

What is on screen:
- an in-process hub on a temporary SQLite file, the demo feed (console/feeds/demo.py) running at
  ``--rate`` as the ``demo`` supervisor, crews accepting, dispatching and driving;
- a backlog reported through the hub like any client's reports (the demo planner's own report
  generator: its categories, channels and texts), part of it from before the demo started (the
  demo works it: accepted, dispatched, units en route and on scene) and part reported while it
  runs (waiting to be accepted, some of it past its 15-minute accept limit: blue and red), with a
  few hot spots so some grids are much busier than others; plus one small drill;
- the demo alone settles at a few dozen open cases and stops adding above ``MAX_ACTIVE`` (120), so
  the backlog is what brings the district to 150–300 open incidents.

Shots, per language: ``map-district-<lang>.png`` (the map panel as it opens: the whole district)
and ``map-busy-grid-<lang>.png`` (the grid with the most open incidents, zoomed in, one of its
incidents selected through the queue: the selection ring and the "teams near here" lines).

The helpers (``live_state``, ``open_window``, ``wait_map_populated``, ``settled_grab``) are also
used by tools/screenshots.py for the main-window screenshots.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# ---- waiting without fixed sleeps -----------------------------------------------------------------


def pump(app: Any, seconds: float) -> None:
    """Run the event loop for ``seconds`` (events from the hub keep arriving meanwhile)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def wait_until(app: Any, pred: Any, timeout: float, what: str = "") -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if pred():
            return True
        time.sleep(0.02)
    if what:
        print(f"  (gave up waiting after {timeout:.0f} s: {what})", flush=True)
    return False


def page_value(app: Any, view: Any, js: str, timeout: float = 5.0) -> Any:
    """The value of ``js`` in the map page, through JSON (``MapView.evaluate``)."""
    box: list = []
    view.evaluate(js, box.append)
    wait_until(app, lambda: bool(box), timeout)
    return box[0] if box else None


def _small(img: Any) -> Any:
    import numpy as np
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    s = img.scaled(192, 108, Qt.AspectRatioMode.IgnoreAspectRatio,
                   Qt.TransformationMode.SmoothTransformation).convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(bytes(s.constBits()), np.uint8).reshape(s.height(), s.width(), 4)[:, :, :3].astype(int)


def settled_grab(app: Any, widget: Any, *, timeout: float = 10.0, at_least: float = 0.6,
                 changed_below: float = 0.004, screen: bool = False) -> Any:
    """Grab ``widget`` once the web page in it has painted and the picture has settled: a grab
    every 150 ms until two in a row differ in fewer than ``changed_below`` of their (downscaled)
    pixels. Units keep driving, so it never stands perfectly still; a moving diamond or two is
    below the threshold, a page that is still loading, flying or re-fitting is not."""
    import numpy as np

    from tools.xscreen import grab_screen

    def grab() -> Any:  # the whole screen (tools/xscreen.py), or the widget alone
        return grab_screen(app) if screen else widget.grab()

    start = time.monotonic()
    prev = None
    img = grab()
    while True:
        pump(app, 0.15)
        img = grab()
        cur = _small(img.toImage())
        varied = float(cur.std()) > 6.0  # not one flat colour (a page that has not painted yet)
        if prev is not None and varied and time.monotonic() - start >= at_least:
            changed = float(np.mean(np.any(np.abs(cur - prev) > 24, axis=-1)))
            if changed < changed_below:
                return img
        prev = cur
        if time.monotonic() - start > timeout:
            print(f"  (the picture did not settle within {timeout:.0f} s; taking it as it is)", flush=True)
            return img


# ---- the live state --------------------------------------------------------------------------------


@dataclass
class LiveState:
    hub: Any
    store: Any
    catalog: Any
    supervisor: Any  # the console's user (net.config.User)
    tmp: Path
    counts: dict[str, int]

    def stop(self) -> None:
        self.hub.stop()
        self.store.close()


def _submit(hub: Any, actor: Any, name: str, args: dict[str, Any]) -> dict:
    fut = asyncio.run_coroutine_threadsafe(hub.hub.submit(actor, name, args), hub.loop)
    return fut.result(30)


def _hot_grids(catalog: Any, rng: random.Random, n: int) -> list[Any]:
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    return rng.sample(grids, n)


def _spread(catalog: Any, grid: Any, rng: random.Random) -> tuple[float, float]:
    """A point anywhere in the grid (the planner's own points stay within ~130 m of its centre)."""
    for _ in range(20):
        lat = grid.centroid[0] + rng.uniform(-0.003, 0.003)
        lon = grid.centroid[1] + rng.uniform(-0.004, 0.004)
        if catalog.grid_at(lat, lon) is grid:
            return lat, lon
    return grid.centroid


def _backlog(hub: Any, catalog: Any, actor: Any, rng: random.Random, n: int, *, hot: list[Any],
             ages_min: tuple[float, float], seed: int) -> list[str]:
    """``n`` reports through the hub: the demo planner's own report generator (categories per
    channel, texts, reporters, 8 % urgent), 30 % of them spread over the hot-spot grids (the
    first hotter than the rest), reported ``ages_min`` minutes ago."""
    from console.feeds.demo import CHANNELS, DemoPlanner

    planner = DemoPlanner(catalog, seed=seed)
    now = datetime.now(UTC)
    weights = [4, 3, 2, 2][:len(hot)]
    ids = []
    for _ in range(n):
        channel = rng.choices(sorted(CHANNELS), [1, 3, 1, 2][:len(CHANNELS)])[0]
        cmd = planner._report(0.0, channel)
        args = dict(cmd.args)
        if hot and rng.random() < 0.3:
            grid = rng.choices(hot, weights)[0]
            args["lat"], args["lon"] = _spread(catalog, grid, rng)
        age = rng.uniform(*ages_min)
        args["reported_at"] = (now - timedelta(minutes=age)).isoformat()
        res = _submit(hub, actor, "incident.report", args)
        if res.get("ok"):
            ids.append(res["incident"]["id"])
    return ids


def live_state(catalog: Any, *, seed: int = 7, rate: float = 3.0, before: int = 70, waiting: int = 150,
               want: tuple[int, int] = (150, 300), max_wait: float = 90.0) -> LiveState:
    """An embedded hub on a temporary SQLite file with the demo feed running and a backlog; returns
    once the hub holds ``want`` open incidents and the demo's units are moving (or after
    ``max_wait`` seconds, saying so)."""
    from console.feeds import demo as demo_feed
    from console.models.lifecycle import Actor, Role
    from console.models.store import Store
    from console.net.background import BackgroundHub
    from console.net.config import HubConfig, User

    demo_feed.MAX_ACTIVE = want[1]  # the demo's own cap (120) would stop new reports under the backlog
    rng = random.Random(seed)
    tmp = Path(tempfile.mkdtemp(prefix="map-shots-"))
    sup = User("wang.li", Role.SUPERVISOR, "screenshot-supervisor-token")
    demo = User("demo", Role.SUPERVISOR, "screenshot-demo-feed-token")
    store = Store(f"sqlite:///{tmp / 'shots.db'}", catalog)
    hub = BackgroundHub(store, HubConfig(users=(sup, demo)))
    go = threading.Event()

    async def feed(url: str) -> None:
        # the demo starts once the backlog "from before" is in: its first tick takes that up
        await asyncio.get_running_loop().run_in_executor(None, go.wait, 60.0)
        await demo_feed.run_demo(url, demo.token, catalog, seed=seed, rate=rate)

    hub.also_run(feed)
    hub.start()
    intake = Actor("intake.zhang", Role.OPERATOR)  # the night shift's intake desk
    hot = _hot_grids(catalog, rng, 4)
    ids_before = _backlog(hub, catalog, intake, rng, before, hot=hot, ages_min=(5, 50), seed=seed + 1)
    go.set()
    # the demo's first tick: its ten opening reports are in. Reports made after that are not the
    # demo's to work: they wait for the operators (reported, a quarter accepted by the supervisor),
    # the queue an operator faces at night
    wait_until_s(lambda: _active_count(hub) >= len(ids_before) + 10, 20)
    ids_wait = _backlog(hub, catalog, intake, rng, waiting, hot=hot, ages_min=(0, 40), seed=seed + 2)
    accepted = 0
    sup_actor = Actor(sup.name, Role.SUPERVISOR)
    for iid in ids_wait[::4]:
        accepted += bool(_submit(hub, sup_actor, "incident.accept", {"incident": iid}).get("ok"))
    # a small coordination drill in a quiet corner: dashed violet rings, "演练"
    quiet = sorted(set(catalog.grids.values()) - set(hot), key=lambda g: g.code)[rng.randrange(200)]
    from console.feeds.demo import DemoPlanner

    placer = DemoPlanner(catalog, seed=seed + 3)
    for code, text in (("P0101", "演练：上水井盖缺失，模拟路面塌陷 drill: missing manhole cover"),
                       ("E0406", "演练：道路积水，模拟内涝 drill: standing water"),
                       ("E0102", "演练：积存垃圾渣土 drill: piled waste")):
        lat, lon = placer._inside(quiet)
        _submit(hub, intake, "incident.report", {"category": code, "lat": lat, "lon": lon, "source": "drill",
                                                  "description": text, "drill": True})

    counts = {"backlog_worked": len(ids_before), "backlog_waiting": len(ids_wait), "accepted": accepted}
    end = time.monotonic() + max_wait
    while time.monotonic() < end:
        if want[0] <= _active_count(hub) <= want[1] and _moving_units(hub) >= 3:
            break
        time.sleep(0.5)
    counts["active"] = _active_count(hub)
    counts["moving_units"] = _moving_units(hub)
    print(f"live state: {counts}", flush=True)
    return LiveState(hub, store, catalog, sup, tmp, counts)


def wait_until_s(pred: Any, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.3)
    return False


def _active_count(hub: Any) -> int:
    from console.models.lifecycle import FINAL_STATES

    final = {s.value for s in FINAL_STATES}
    snap = _snapshot(hub)
    return sum(1 for i in snap["incidents"] if i.get("state") not in final)


def _moving_units(hub: Any) -> int:
    return sum(1 for u in _snapshot(hub)["units"] if u.get("status") == "en_route")


def _snapshot(hub: Any) -> dict[str, Any]:
    return asyncio.run_coroutine_threadsafe(hub.hub._read(hub.store.snapshot), hub.loop).result(30)


# ---- the window --------------------------------------------------------------------------------


def open_window(app: Any, state: LiveState, *, lang: str, theme: str) -> tuple[Any, Any, Any]:
    """The real main window connected as the supervisor: maximised on the screen under
    tools/xscreen.py, else 1920×1080 offscreen."""
    from PySide6.QtCore import QSettings

    from console.views.app import install_translator
    from console.views.bridge import HubBridge
    from console.views.main_window import MainWindow
    from console.views.theme import apply_theme

    tr = install_translator(app, lang)
    apply_theme(app, theme)
    settings = QSettings(str(state.tmp / f"{theme}-{lang}-{time.monotonic_ns()}.ini"), QSettings.Format.IniFormat)
    settings.setValue("theme", theme)  # the map takes its theme from the settings, like the window
    bridge = HubBridge(state.hub.url, state.supervisor.token)
    window = MainWindow(bridge, state.catalog, language=lang, settings=settings)
    bridge.start()
    from tools import xscreen

    if xscreen.current():
        window.open_on_screen()  # a real screen: maximised, as the console opens
    else:
        window.resize(1920, 1080)
        window.show()
    return window, bridge, tr


def close_window(app: Any, window: Any, bridge: Any, tr: Any) -> None:
    window.close()
    bridge.stop()
    app.removeTranslator(tr)
    window.deleteLater()  # its map page goes with it (the shared profile outlives it)
    pump(app, 0.3)


def wait_map_populated(app: Any, window: Any, *, timeout: float = 60.0) -> int:
    """Until the map page is ready and its last applied batch holds every incident the window has
    (``MapView.last_applied``: [batch, incidents, units, draw ms]); returns that count."""
    m = window.map
    wait_until(app, lambda: window.online and window.queue.model.rowCount() > 0, timeout, "the snapshot")
    wait_until(app, lambda: m.ready, timeout, "the map page")

    def applied() -> bool:
        la = m.last_applied
        have = len(window.queue.model.view())
        return bool(la) and have > 0 and abs(la[1] - have) <= 2 and la[2] > 0

    wait_until(app, applied, timeout, "the incidents on the map")
    return m.last_applied[1] if m.last_applied else 0


def wait_map_view(app: Any, window: Any, *, lat: float | None = None, lon: float | None = None,
                  zoom: int | None = None, sel: str | None = None, timeout: float = 10.0) -> dict:
    """Until the page shows what was asked: zoom reached, centred near (lat, lon), ``sel`` marked."""
    got: dict = {}

    def ok() -> bool:
        s = page_value(app, window.map, "CM.state()") or {}
        got.clear()
        got.update(s)
        if zoom is not None and s.get("zoom") != zoom:
            return False
        if lat is not None and (abs(s.get("lat", 0) - lat) > 2e-4 or abs(s.get("lon", 0) - lon) > 2e-4):
            return False
        return sel is None or s.get("sel") == sel

    wait_until(app, ok, timeout, f"the map at zoom {zoom} on {sel or (lat, lon)}")
    return got


def busiest_grid(window: Any) -> tuple[str, list[dict]]:
    incs = window.queue.model.view()
    counts = Counter(i.get("grid") for i in incs.values() if i.get("grid") and not i.get("drill"))
    grid = counts.most_common(1)[0][0]
    return grid, [i for i in incs.values() if i.get("grid") == grid]


def select_in_busy_grid(app: Any, window: Any, zoom: int) -> tuple[str, str, dict]:
    """Select, through the queue, an incident near the middle of the busiest grid that has "teams
    near here"; urgent and waiting ones first (they are the ones a supervisor dispatches). The
    selection flies the map there; then the zoom is set to ``zoom``."""
    grid, incs = busiest_grid(window)
    # the inner half of the grid's incidents first (so the shot shows the grid around it), urgent
    # and waiting ones first within each half
    clat = sum(float(i["lat"]) for i in incs) / len(incs)
    clon = sum(float(i["lon"]) for i in incs) / len(incs)
    incs.sort(key=lambda i: (float(i["lat"]) - clat) ** 2 + ((float(i["lon"]) - clon) * 0.72) ** 2)
    waiting = {"reported": 0, "accepted": 1}

    def rank(i: dict) -> tuple:
        return i.get("priority") != "urgent", waiting.get(i.get("state", ""), 2), i["id"]

    half = max(1, len(incs) // 2)
    incs = sorted(incs[:half], key=rank) + sorted(incs[half:], key=rank)
    # what the window hands the map as "teams near here" (to prefer a selection whose first team
    # is on screen at this zoom: the lines are then drawn to a labelled team, not off the edge)
    near: list = []
    set_nearby = window.map.set_nearby

    def record(teams: Any) -> None:
        near[:] = list(teams)
        set_nearby(near)

    window.map.set_nearby = record
    half_w = window.map.web.width() / 2 * 156543.03 * math.cos(math.radians(clat)) / 2 ** zoom * 0.85
    half_h = window.map.web.height() / 2 * 156543.03 * math.cos(math.radians(clat)) / 2 ** zoom * 0.85

    def on_screen(inc: dict, team: tuple) -> bool:
        from console.models.geo import haversine_m

        dx = haversine_m(float(inc["lat"]), float(inc["lon"]), float(inc["lat"]), team[1])
        dy = haversine_m(float(inc["lat"]), float(inc["lon"]), team[0], float(inc["lon"]))
        return dx < half_w and dy < half_h

    fallback = None
    for inc in incs[:30]:
        if not window.queue.select_incident(inc["id"]):
            continue
        wait_until(app, lambda: window.selected == inc["id"], 3.0)  # noqa: B023 (used at once)
        if near and on_screen(inc, near[0]):
            break
        if near and fallback is None:
            fallback = inc
    else:
        if fallback is not None:
            window.queue.select_incident(fallback["id"])
    del window.map.set_nearby  # the class's method again
    chosen = window.selected or ""
    inc = window.queue.model.view()[chosen]
    window.map.fly_to(float(inc["lat"]), float(inc["lon"]), zoom, animate=False)
    wait_map_view(app, window, lat=float(inc["lat"]), lon=float(inc["lon"]), zoom=zoom, sel=chosen)
    st = page_value(app, window.map, "CM.state()") or {}
    return grid, chosen, st


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--langs", default="zh_CN,en")
    ap.add_argument("--theme", default="dark", choices=("dark", "light"))
    ap.add_argument("--zoom", type=int, default=16, help="zoom of the busy-grid shot (16–17)")
    ap.add_argument("--rate", type=float, default=3.0, help="demo speed (60 × rate demo seconds a second)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-wait", type=float, default=90.0, help="cap on waiting for the live state")
    opts = ap.parse_args()

    from tools import xscreen

    if xscreen.current() is None:  # again, under Xvfb on a desk screen: whole-screen images
        sys.exit(xscreen.run_on_screen("desk", sys.argv))

    from console.models.catalog import load_catalog
    from console.views.app import make_app
    from console.views.map import release_pages

    app = make_app(["map-screenshots"])
    catalog = load_catalog()
    state = live_state(catalog, seed=opts.seed, rate=opts.rate, max_wait=opts.max_wait)
    opts.out.mkdir(parents=True, exist_ok=True)
    try:
        for lang in opts.langs.split(","):
            window, bridge, tr = open_window(app, state, lang=lang, theme=opts.theme)
            n = wait_map_populated(app, window)
            wait_map_view(app, window, timeout=5)
            path = opts.out / f"map-district-{lang}.png"
            settled_grab(app, window, screen=True).save(str(path))
            print(f"wrote {path}: {n} incidents on the map, units {window.map.last_applied[2]}", flush=True)

            grid, chosen, st = select_in_busy_grid(app, window, opts.zoom)
            path = opts.out / f"map-busy-grid-{lang}.png"
            settled_grab(app, window, screen=True).save(str(path))
            st = page_value(app, window.map, "CM.state()") or st  # as painted (draws follow moves a frame late)
            print(f"wrote {path}: grid {grid}, selected {chosen}, zoom {st.get('zoom')}, "
                  f"{st.get('shown')} shown, {st.get('near')} teams near", flush=True)
            close_window(app, window, bridge, tr)
    finally:
        release_pages()
        state.stop()


if __name__ == "__main__":
    main()
