"""The map of a district built from a boundary file (docs/CATALOG.md "Your own district"): the
real main window on a real embedded hub serving that district, 1920×1080 under Xvfb, with only
the map's panel open.

    .venv/bin/python tools/screenshot_district.py [--out docs/screenshots] [--lang en]

The boundary is resources-free and typed here: a rough outline of Manhattan south of 125th
Street (a hand-drawn approximation, not an official boundary) with Central Park as a hole and
Roosevelt Island as a second polygon, so holes and MultiPolygons are on the picture. It is built
with ``main.py district new`` (600 m grids), then a few incidents are reported inside it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.screenshot_map import (  # noqa: E402  (sets the Qt platform before Qt loads)
    LiveState,
    _submit,
    close_window,
    open_window,
    page_value,
    pump,
    settled_grab,
    wait_map_populated,
    wait_map_view,
)

MANHATTAN = [(-74.0170, 40.7005), (-74.0010, 40.7070), (-73.9990, 40.7090), (-73.9785, 40.7115),
             (-73.9715, 40.7270), (-73.9710, 40.7435), (-73.9680, 40.7500), (-73.9580, 40.7600),
             (-73.9430, 40.7750), (-73.9390, 40.7850), (-73.9300, 40.7950), (-73.9300, 40.8000),
             (-73.9590, 40.8170), (-73.9680, 40.8010), (-73.9905, 40.7790), (-74.0035, 40.7610),
             (-74.0105, 40.7405), (-74.0140, 40.7230), (-74.0190, 40.7090), (-74.0170, 40.7005)]
CENTRAL_PARK = [(-73.9813, 40.7681), (-73.9580, 40.8005), (-73.9497, 40.7968), (-73.9730, 40.7644),
                (-73.9813, 40.7681)]
ROOSEVELT_ISLAND = [(-73.9610, 40.7525), (-73.9555, 40.7560), (-73.9400, 40.7720), (-73.9430, 40.7730),
                    (-73.9585, 40.7590), (-73.9625, 40.7540), (-73.9610, 40.7525)]


def boundary() -> dict:
    return {"type": "Feature", "properties": {"name": "Manhattan (rough, below 125th St)"},
            "geometry": {"type": "MultiPolygon", "coordinates": [
                [[list(p) for p in MANHATTAN], [list(p) for p in CENTRAL_PARK]],
                [[list(p) for p in ROOSEVELT_ISLAND]]]}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--theme", default="dark", choices=("dark", "light"))
    opts = ap.parse_args()

    from tools import xscreen

    if xscreen.current() is None:
        sys.exit(xscreen.run_on_screen("desk", sys.argv))

    from console.models.catalog import load_catalog
    from console.models.district_builder import build
    from console.models.lifecycle import Actor, Role
    from console.models.store import Store
    from console.net.background import BackgroundHub
    from console.net.config import HubConfig, User
    from console.views.app import make_app
    from console.views.map import release_pages

    tmp = Path(tempfile.mkdtemp(prefix="district-shot-"))
    (tmp / "manhattan.geojson").write_text(json.dumps(boundary()), encoding="utf-8")
    build(tmp / "district", tmp / "manhattan.geojson", code="310199", name_zh="曼哈顿示例区",
          name_en="Manhattan (example)")
    catalog = load_catalog(tmp / "district" / "catalog.toml")
    print(f"built {catalog}", flush=True)

    app = make_app(["district-screenshot"])
    sup = User("wang.li", Role.SUPERVISOR, "screenshot-supervisor-token")
    store = Store(f"sqlite:///{tmp / 'shot.db'}", catalog)
    hub = BackgroundHub(store, HubConfig(users=(sup,)))
    hub.start()
    rng = random.Random(18)
    intake = Actor("intake.zhang", Role.OPERATOR)
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    for k in range(40):
        g = grids[rng.randrange(len(grids))]
        cat = ("E0102", "E0401", "E0602", "P0118")[k % 4]
        _submit(hub, intake, "incident.report", {"category": cat, "lat": g.centroid[0], "lon": g.centroid[1],
                                                 "source": "phone", "description": f"example {k + 1}",
                                                 **({"priority": "urgent"} if k % 7 == 0 else {})})
    state = LiveState(hub, store, catalog, sup, tmp, {})
    opts.out.mkdir(parents=True, exist_ok=True)
    try:
        window, bridge, tr = open_window(app, state, lang=opts.lang, theme=opts.theme)
        n = wait_map_populated(app, window)
        for key, dock in window.docks.items():  # the map's panel alone: this picture is about the district
            if key != "dashboard":
                dock.hide()
        pump(app, 0.5)
        window.map.fit_district()
        pump(app, 1.0)
        wait_map_view(app, window, timeout=5)
        path = opts.out / f"map-own-district-{opts.lang}.png"
        settled_grab(app, window, screen=True).save(str(path))
        st = page_value(app, window.map, "CM.state()") or {}
        print(f"wrote {path}: {n} incidents, zoom {st.get('zoom')}", flush=True)
        close_window(app, window, bridge, tr)
    finally:
        release_pages()
        state.stop()


if __name__ == "__main__":
    main()
