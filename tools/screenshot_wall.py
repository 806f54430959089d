"""Screenshots of the wall-display mode on 3840×2160 screens (under Xvfb, tools/xscreen.py; each
image is one whole wall screen): the "command" preset's
three screens with a live district, then the switch to a new urgent incident (the map framing it
with its nearest free teams and cameras, those cameras up) with a second one queued in the
banner's strip.

    .venv/bin/python tools/screenshot_wall.py [--lang zh_CN|en] [--out DIR]

Writes docs/screenshots/wall-command-{1,2,3}.png, wall-urgent-{map,video}.png and the numbers
preset's wall-numbers.png and wall-numbers-flow.png.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    ap.add_argument("--out", type=Path, default=OUT, help="where the images go (default docs/screenshots)")
    args = ap.parse_args()
    out = args.out

    from tools import xscreen

    if xscreen.current() is None:  # again, under Xvfb on a 3840×2160 screen
        return xscreen.run_on_screen("wall", sys.argv)

    from console.models.catalog import load_catalog
    from console.models.lifecycle import Actor, Role
    from console.models.store import Store
    from console.net.background import BackgroundHub
    from console.net.config import HubConfig, User
    from console.state import ConsoleState
    from console.views.app import install_translator, make_app
    from console.views.bridge import HubBridge
    from console.views.theme import apply_theme
    from console.views.wall.controller import WallController
    from tools.screenshot_map import settled_grab, wait_until

    app = make_app(["screenshot-wall"])
    install_translator(app, args.lang)
    apply_theme(app, "dark", point_size=20)
    catalog = load_catalog()
    wall_user = User("wall", Role.VIEWER, "tok-wall-screenshot-0123")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'hub.db'}", catalog)
        hub = BackgroundHub(store, HubConfig(users=(wall_user,)))
        hub.start()
        op = Actor("hotline.wang", Role.OPERATOR)
        rng = random.Random(3)
        grids = sorted(catalog.grids.values(), key=lambda g: g.code)
        cats = sorted(catalog.categories)

        def submit(name, a):
            return asyncio.run_coroutine_threadsafe(hub.hub.submit(op, name, a), hub.loop).result(10)

        for k in range(160):
            g = rng.choice(grids)
            lat, lon = g.centroid
            res = submit("incident.report", {
                "category": rng.choice(cats), "lat": lat + rng.uniform(-0.002, 0.002),
                "lon": lon + rng.uniform(-0.002, 0.002), "description": f"市民反映：第{k}号问题",
                "source": rng.choice(["hotline", "grid", "sensor"]),
                "priority": "urgent" if rng.random() < 0.1 else "normal"})
            if k % 3 == 0:
                submit("incident.accept", {"incident": res["incident"]["id"]})
        bridge = HubBridge(hub.url, wall_user.token)
        state = ConsoleState()
        bridge.attach(state)
        wall = WallController(state, catalog, "command", language=args.lang, return_after_s=600, bridge=bridge)
        bridge.start()
        wall.show(fullscreen=True)  # each of the preset's screens fills the 3840×2160 screen
        wait_until(app, lambda: bool(wall.map and wall.map.ready and wall.map.last_applied
                                     and wall.map.last_applied[1] >= 160), 60, "the wall's map")
        out.mkdir(parents=True, exist_ok=True)
        suffix = "" if args.lang == "zh_CN" else "-en"
        for s in wall.screens:
            settled_grab(app, s).save(str(out / f"wall-command-{s.index + 1}{suffix}.png"))
        cam = sorted(catalog.cameras.values(), key=lambda c: c.id)[20]
        submit("incident.report", {"category": cats[0], "lat": cam.lat + 0.0004, "lon": cam.lon,
                                   "description": "燃气管道泄漏，现场有异味", "source": "110", "priority": "urgent"})
        wait_until(app, lambda: wall.focused is not None, 30, "the urgent switch")
        far = sorted(catalog.cameras.values(), key=lambda c: c.id)[40]
        submit("incident.report", {"category": cats[1], "lat": far.lat, "lon": far.lon,
                                   "description": "路面塌陷", "source": "hotline", "priority": "urgent"})
        wait_until(app, lambda: bool(wall.queued()), 30, "a second urgent incident, queued")
        settled_grab(app, wall.screens[0], at_least=2.0).save(str(out / f"wall-urgent-map{suffix}.png"))
        settled_grab(app, wall.screens[2]).save(str(out / f"wall-urgent-video{suffix}.png"))
        wall.close()

        # the numbers preset: some of the shift's cases worked through to the close first
        sup = Actor("zhang.sup", Role.SUPERVISOR)
        teams = sorted(catalog.teams)
        ids = sorted(state.incidents)
        for k, iid in enumerate(ids[:60]):
            steps = [("incident.accept", {}), ("incident.dispatch", {"team": teams[k % len(teams)]}),
                     ("incident.acknowledge", {}), ("incident.resolve", {}), ("incident.verify", {"passed": True}),
                     ("incident.close", {"satisfaction": 5 - k % 3})][: 2 + k % 5]
            for name, a in steps:
                asyncio.run_coroutine_threadsafe(hub.hub.submit(sup, name, {"incident": iid, **a}), hub.loop).result(10)
        numbers = WallController(state, catalog, "numbers", language=args.lang, bridge=bridge)
        numbers.show(fullscreen=True)
        view = numbers.numbers
        wait_until(app, lambda: bool(view.series) and bool(view.rows) and not view.pending, 30, "the numbers")
        settled_grab(app, numbers.screens[0], at_least=2.0).save(str(out / f"wall-numbers{suffix}.png"))
        view.charts.setCurrentIndex(1)
        settled_grab(app, numbers.screens[0], at_least=1.0).save(str(out / f"wall-numbers-flow{suffix}.png"))
        numbers.close()
        bridge.stop()
        from console.views.map import release_pages

        release_pages()
        hub.stop()
        store.close()
    print(f"wrote wall screenshots to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
