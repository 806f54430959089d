"""Screenshots of the main window for docs/screenshots: a real embedded hub, a demo feed that has
run for a while, offscreen. `python tools/screenshots.py [--out docs/screenshots]`."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    ap.add_argument("--seconds", type=float, default=20.0, help="how long the demo runs first")
    ap.add_argument("--variants", default="dark-zh_CN,light-zh_CN,dark-en,light-en")
    opts = ap.parse_args()

    from PySide6.QtCore import QSettings, QTimer

    from console.feeds.demo import run_demo
    from console.models.catalog import load_catalog
    from console.models.lifecycle import Role
    from console.models.store import Store
    from console.net.background import BackgroundHub
    from console.net.config import HubConfig, User
    from console.views.app import install_translator, make_app
    from console.views.bridge import HubBridge
    from console.views.main_window import MainWindow
    from console.views.theme import apply_theme

    catalog = load_catalog()
    tmp = Path(tempfile.mkdtemp())
    sup = User("wang.li", Role.SUPERVISOR, "screenshot-supervisor-token")
    demo = User("demo", Role.SUPERVISOR, "screenshot-demo-feed-token")
    store = Store(f"sqlite:///{tmp / 'shots.db'}", catalog)
    hub = BackgroundHub(store, HubConfig(users=(sup, demo)))

    async def feed(url: str) -> None:
        await run_demo(url, demo.token, catalog, seed=7, rate=6.0)

    hub.also_run(feed)
    hub.start()
    time.sleep(opts.seconds)  # a tool, not a test: let the district come alive
    app = make_app()
    opts.out.mkdir(parents=True, exist_ok=True)
    for variant in opts.variants.split(","):
        theme, lang = variant.split("-", 1)
        tr = install_translator(app, lang)
        apply_theme(app, theme)
        settings = QSettings(str(tmp / f"{variant}.ini"), QSettings.Format.IniFormat)
        bridge = HubBridge(hub.url, sup.token)
        window = MainWindow(bridge, catalog, language=lang, settings=settings)
        window.resize(1920, 1080)
        bridge.start()
        window.show()
        deadline = time.time() + 15
        while time.time() < deadline and window.queue.model.rowCount() == 0:
            app.processEvents()
            time.sleep(0.05)
        # select an incident with some history so the panel is filled
        model = window.queue.model
        if model.rowCount():
            best = max(range(model.rowCount()), key=lambda r: model.incident(r).get("version", 0))
            window.queue.select_incident(model.incident(best)["id"])
        end = time.time() + 2.5
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)
        path = opts.out / f"main-{theme}-{lang}.png"
        window.grab().save(str(path))
        print(f"wrote {path}")
        window.close()
        bridge.stop()
        app.removeTranslator(tr)
        QTimer.singleShot(0, lambda: None)
    hub.stop()
    store.close()


if __name__ == "__main__":
    main()
