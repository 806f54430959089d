"""Run by test_desk_fit.py in its own process, on an offscreen screen of a fixed size (Qt's
offscreen platform reads the screen from a JSON file): builds the main window in each language,
opens it maximised on that screen as the console does, and prints what an operator would see as
JSON — the window's minimum size and frame, every dock's rectangle, and every incident-panel
action button's rectangle in window coordinates (all actions shown at once, the worst case)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def rect(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def probe(language: str) -> dict:
    from PySide6.QtCore import QPoint, QSettings, QTranslator
    from PySide6.QtWidgets import QApplication

    from console.models.catalog import load_catalog
    from console.views.app import RESOURCES, make_app
    from console.views.bridge import HubBridge
    from console.views.main_window import MainWindow
    from console.views.theme import apply_theme

    app = make_app(["desk-probe"])
    tr = QTranslator(app)
    assert tr.load(str(RESOURCES / "i18n" / f"console_{language}.qm"))
    app.installTranslator(tr)
    apply_theme(app, "dark")
    catalog = load_catalog()
    bridge = HubBridge("ws://127.0.0.1:9/ws", "t")  # never started: the layout needs no hub
    settings = QSettings(os.environ["PROBE_SETTINGS"] + f"-{language}.ini", QSettings.Format.IniFormat)
    window = MainWindow(bridge, catalog, language=language, settings=settings)
    # a busy case, every action shown: the widest the panel's rows can be
    inc = {"id": "220104202612060001", "state": "dispatched", "priority": "urgent", "sla": "red",
           "category": sorted(catalog.categories)[0], "lat": 43.87, "lon": 125.30,
           "description": "井盖缺失，路口东侧 — a long description that must wrap, not widen the panel " * 3,
           "source": "hotline", "reported_at": "2026-12-06T01:00:00Z", "deadline": "2026-12-06T02:00:00Z",
           "assignee": sorted(catalog.teams)[0], "drill": True, "version": 3, "grid": "",
           "address": "长春市朝阳区红旗街道某某路与某某街交汇处东北角一百米", "reporter": "王先生 138****0000"}
    from console.models.lifecycle import Actor, Role

    window.panel.set_context(Actor("sup", Role.SUPERVISOR), catalog)
    window.panel.show_incident(inc)
    window.open_on_screen()
    screen = app.primaryScreen()
    for _ in range(20):
        app.processEvents()
    panel = window.panel
    panel.stack.setCurrentIndex(1)
    panel.actions_box.show()
    for row in (panel.dispatch_row, panel.escalate_row, panel.merge_row, panel.close_row, panel.reopen_row):
        row.show()
    for b in panel.buttons.values():
        b.show()
    for _ in range(20):
        app.processEvents()
    viewport = panel.scroll.viewport()
    buttons = {}
    for name, b in panel.buttons.items():
        # scrolled into view as an operator would, then placed in window coordinates
        panel.scroll.ensureWidgetVisible(b)
        app.processEvents()
        top_left = b.mapTo(window, QPoint(0, 0))
        in_viewport = b.mapTo(viewport, QPoint(0, 0))
        buttons[name] = {"window": [top_left.x(), top_left.y(), b.width(), b.height()],
                         "viewport": [in_viewport.x(), in_viewport.y(), b.width(), b.height()],
                         "text": b.text()}
    out = {
        "language": language,
        "screen": rect(screen.geometry()),
        "available": rect(screen.availableGeometry()),
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "frame": rect(window.frameGeometry()),
        "docks": {k: [*(lambda p: [p.x(), p.y()])(d.mapTo(window, QPoint(0, 0))), d.width(), d.height()]
                  # a dock behind another's tab is kept off screen by Qt until its tab is chosen
                  for k, d in window.docks.items() if d.isVisible() and not d.visibleRegion().isEmpty()},
        "map": [*(lambda p: [p.x(), p.y()])(window.map.mapTo(window, QPoint(0, 0))), window.map.width(),
                window.map.height()],
        "status_age": [*(lambda p: [p.x(), p.y()])(window.age_label.mapTo(window, QPoint(0, 0))),
                       window.age_label.width(), window.age_label.height()],
        "viewport": [viewport.width(), viewport.height()],
        "hscroll": panel.scroll.horizontalScrollBar().maximum(),
        "buttons": buttons,
    }
    window.close()
    app.removeTranslator(tr)
    QApplication.processEvents()
    return out


def main() -> None:
    sys.path.insert(0, str(ROOT))
    results = [probe(lang) for lang in sys.argv[1:]]
    print("PROBE " + json.dumps(results))


if __name__ == "__main__":
    main()
