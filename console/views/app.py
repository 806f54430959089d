"""Starting the console: the all-in-one default (embedded hub + demo feed + window) and a window
connected to a remote hub."""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

from console.models.catalog import Catalog

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def make_app(argv: list[str] | None = None):
    """The QApplication, with QtWebEngine imported first (it must precede the application)."""
    import PySide6.QtWebEngineWidgets  # noqa: F401  (must come before QApplication)
    from PySide6.QtWidgets import QApplication

    from console.desktop import js_gc_exposed

    from .map import register_schemes

    register_schemes()  # the map's mbtiles: scheme, registered before the application exists
    js_gc_exposed()  # read when the web engine starts, with the first page: before that

    first = QApplication.instance() is None
    app = QApplication.instance() or QApplication(argv or ["command-console"])
    if first:
        from . import optional

        for line in optional.startup_lines():  # each missing optional part named once, at start
            print(line, file=sys.stderr, flush=True)
    app.setOrganizationName("CommandConsole")
    app.setApplicationName("console")
    return app


def pick_language(settings) -> str:
    """The saved choice, else Chinese where the system locale is Chinese, else English."""
    from PySide6.QtCore import QLocale

    saved = settings.value("language")
    if saved in ("zh_CN", "en"):
        return saved
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translator(app, language: str):
    from PySide6.QtCore import QTranslator

    tr = QTranslator(app)
    if tr.load(str(RESOURCES / "i18n" / f"console_{language}.qm")):
        app.installTranslator(tr)
    return tr


def open_window(url: str, token: str, catalog: Catalog, *, hub_label: str = "", base_map=None):
    """Bridge + main window, shown; the caller runs the event loop."""
    from PySide6.QtCore import QSettings

    from console.state import ConsoleState

    from .bridge import HubBridge
    from .main_window import MainWindow
    from .theme import apply_theme

    app = make_app()
    settings = QSettings()
    language = pick_language(settings)
    install_translator(app, language)
    apply_theme(app, str(settings.value("theme", "dark")))
    # connect while the window is built: the hub reads and sends the snapshot meanwhile, and it
    # waits, queued, until the event loop runs with every view in place (cold start, bench_startup)
    state = ConsoleState()
    bridge = HubBridge(url, token)
    bridge.attach(state)
    bridge.start()
    window = MainWindow(bridge, catalog, hub_label=hub_label or url, language=language, settings=settings,
                        base_map=base_map, state=state)
    return app, bridge, window


def run_wall(url: str, token: str, catalog: Catalog, preset: str, *, base_map=None) -> int:
    """A read-only wall display: the preset's screens, full screen, large type."""
    from PySide6.QtCore import QSettings

    from console.state import ConsoleState

    from .bridge import HubBridge
    from .theme import apply_theme
    from .wall.controller import WallController

    app = make_app()
    settings = QSettings()
    language = pick_language(settings)
    install_translator(app, language)
    apply_theme(app, "dark", point_size=20)  # a wall is dark and large, whatever the desk prefers
    bridge = HubBridge(url, token)
    state = ConsoleState()
    bridge.attach(state)
    wall = WallController(state, catalog, preset, language=language, base_map=base_map, bridge=bridge)
    wall.closed.connect(app.quit)
    bridge.start()
    wall.show(fullscreen=True)
    try:
        return app.exec()
    finally:
        bridge.stop()


def run_console(url: str, token: str, catalog: Catalog, *, base_map=None, replay=None) -> int:
    """``replay``: (from, to) — the window opens replaying that span once it has the live state."""
    app, bridge, window = open_window(url, token, catalog, base_map=base_map)
    window.open_on_screen()
    if replay:
        def first_state() -> None:
            window.state.reset.disconnect(first_state)
            window.start_replay(*replay)

        window.state.reset.connect(first_state)
    try:
        return app.exec()
    finally:
        bridge.stop()


def run_all_in_one(catalog: Catalog, *, seed: int = 0, base_map=None) -> int:
    """Embedded hub on 127.0.0.1 (SQLite in the user's data folder), demo feed, console as supervisor."""
    from console.feeds.demo import run_demo
    from console.models.store import Store
    from console.net.background import BackgroundHub
    from console.net.config import load_config, write_default_config
    from console.net.serve import data_dir

    logging.basicConfig(level=logging.WARNING)
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    cfg_path = folder / "hub.toml"
    config = load_config(cfg_path) if cfg_path.exists() else write_default_config(cfg_path)
    users = {u.name: u for u in config.users}
    if "supervisor" not in users or "demo" not in users:
        print(f"main.py: {cfg_path} needs users 'supervisor' and 'demo' for the all-in-one console", file=sys.stderr)
        return 2
    store = Store(f"sqlite:///{folder / 'console.db'}", catalog)
    hub = BackgroundHub(store, config)

    async def demo(url: str) -> None:
        await run_demo(url, users["demo"].token, catalog, seed=seed)

    hub.also_run(demo)
    url = hub.start()
    print(f"embedded hub on {url}; data in {folder}", flush=True)
    app, bridge, window = open_window(url, users["supervisor"].token, catalog,
                                      hub_label=f"{url} (embedded)", base_map=base_map)
    window.open_on_screen()
    try:
        return app.exec()
    finally:
        bridge.stop()
        hub.stop()
        store.close()
        asyncio.set_event_loop(None)
