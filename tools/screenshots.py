"""Screenshots of the main window for docs/screenshots: a real embedded hub with the demo feed and a
night's backlog (the live state of tools/screenshot_map.py: 150–300 open incidents, units
driving), on real screens under Xvfb (tools/xscreen.py): the desk at 1920×1080 (main-*.png) and
the laptop at 1600×900 (laptop-*.png), each image the whole screen.
`python tools/screenshots.py [--out docs/screenshots] [--screens desk,laptop]`.

Each shot waits on conditions, not fixed sleeps: the snapshot in the queue, the map page ready and
holding every incident (``MapView.last_applied``), the selected incident marked on the map, and
the window's picture settled (a web page shows in ``grab()`` only once it has painted)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--variants", default="dark-zh_CN,light-zh_CN,dark-en,light-en")
    ap.add_argument("--rate", type=float, default=3.0, help="demo speed (60 × rate demo seconds a second)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-wait", type=float, default=90.0, help="cap on waiting for the live state")
    ap.add_argument("--screens", default="desk,laptop")
    opts = ap.parse_args()

    from tools import xscreen

    screen = xscreen.current()
    if screen is None:  # once per screen size, each under its own Xvfb
        for name in opts.screens.split(","):
            variants = opts.variants if name == "desk" else "dark-zh_CN,dark-en"
            argv = [sys.argv[0], "--out", str(opts.out), "--variants", variants, "--rate", str(opts.rate),
                    "--seed", str(opts.seed), "--max-wait", str(opts.max_wait)]
            if code := xscreen.run_on_screen(name, argv):
                sys.exit(code)
        return

    from console.models.catalog import load_catalog
    from console.views.app import make_app
    from console.views.map import release_pages
    from tools.screenshot_map import (
        close_window,
        live_state,
        open_window,
        page_value,
        settled_grab,
        wait_map_populated,
        wait_until,
    )

    app = make_app(["screenshots"])
    catalog = load_catalog()
    state = live_state(catalog, seed=opts.seed, rate=opts.rate, max_wait=opts.max_wait)
    opts.out.mkdir(parents=True, exist_ok=True)
    try:
        for variant in opts.variants.split(","):
            theme, lang = variant.split("-", 1)
            window, bridge, tr = open_window(app, state, lang=lang, theme=theme)
            n = wait_map_populated(app, window)
            # select an incident with some history so the panel is filled; the map marks it and
            # draws its "teams near here", then goes back to the whole district
            model = window.queue.model
            best = max(range(model.rowCount()), key=lambda r: model.incident(r).get("version", 0))
            iid = model.incident(best)["id"]
            window.queue.select_incident(iid)
            wait_until(app, lambda i=iid, m=window.map: page_value(app, m, "CM.state().sel") == i, 10,
                       "the selection on the map")
            window.map.fit_district()
            prefix = "main" if screen == "desk" else screen
            path = opts.out / f"{prefix}-{theme}-{lang}.png"
            settled_grab(app, window, at_least=1.5, screen=True).save(str(path))
            print(f"wrote {path}: {n} incidents, {iid} selected", flush=True)
            close_window(app, window, bridge, tr)
    finally:
        release_pages()
        state.stop()


if __name__ == "__main__":
    main()
