"""Cold start: from process start to an interactive console window with 10,000 active incidents
(the snapshot in the queue, counted on the dashboard, the map page loaded and drawing them),
against an empty PySide6 window with an empty web view started the same way, in the same run.

Each is a fresh Python process (offscreen), timed from just before it is spawned to its first
"ready" line; the median of three runs. The console's process runs the same start as
``main.py console`` (console.views.app.open_window + open_on_screen) against a hub in this
process that holds 10,000 active incidents."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACTIVE = 10_000
RUNS = 3

BARE = r"""
import os, sys, time
t0 = float(os.environ["BENCH_T0"])
import PySide6.QtWebEngineWidgets  # noqa: F401  (before the application, as the console does)
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(["bare"])
win = QMainWindow()
view = QWebEngineView()
win.setCentralWidget(view)
def done(ok):
    print(f"ready {time.time() - t0:.3f}", flush=True)
    QTimer.singleShot(0, app.quit)
view.loadFinished.connect(done)
view.setHtml("<html><body></body></html>")
win.resize(1600, 900)
win.show()
app.exec()
"""

CONSOLE = r"""
import os, sys, time
t0 = float(os.environ["BENCH_T0"])
sys.path.insert(0, os.environ["BENCH_ROOT"])
from console.models.catalog import load_catalog
from console.views.app import open_window
from PySide6.QtCore import QTimer
want = int(os.environ["BENCH_ACTIVE"])
app, bridge, window = open_window(os.environ["BENCH_URL"], os.environ["BENCH_TOKEN"], load_catalog())
window.open_on_screen()
def check():
    m = window.map
    shown = m.last_applied[1] if m.last_applied else 0
    if window.queue.model.rowCount() >= want and window.counters.value("active") == str(want) and m.ready \
            and shown >= want:
        print(f"ready {time.time() - t0:.3f}", flush=True)
        timer.stop()
        bridge.stop()
        app.quit()
timer = QTimer(interval=5, timeout=check)
timer.start()
app.exec()
"""


def _spawn(code: str, env: dict[str, str]) -> float:
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180,
                         env={**env, "BENCH_T0": repr(t0)}, cwd=ROOT)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("ready ")), None)
    if line is None:
        raise RuntimeError(f"the child never got ready: {out.stderr[-1500:]}")
    return float(line.split()[1])


def _hub_with(active: int, folder: Path):
    from console.models.catalog import load_catalog
    from console.models.lifecycle import Actor, Role
    from console.models.store import Request, Store
    from console.net.background import BackgroundHub
    from console.net.config import HubConfig, User

    catalog = load_catalog()
    store = Store(f"sqlite:///{folder / 'hub.db'}", catalog)
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    cats = sorted(catalog.categories)
    op = Actor("hotline", Role.OPERATOR)
    for start in range(0, active, 500):
        reqs = [Request(op, "incident.report", {
            "category": cats[k % len(cats)], "lat": grids[k % len(grids)].centroid[0],
            "lon": grids[k % len(grids)].centroid[1], "description": f"第{k}号 出店经营", "source": "hotline"})
            for k in range(start, min(active, start + 500))]
        store.execute(reqs)
    sup = User("sup", Role.SUPERVISOR, "tok-bench-startup-0123456789")
    hub = BackgroundHub(store, HubConfig(users=(sup,)))
    hub.start()
    return hub, store, sup


def main() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", BENCH_ROOT=str(ROOT), BENCH_ACTIVE=str(ACTIVE))
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    with tempfile.TemporaryDirectory() as tmp:
        env["HOME"] = tmp  # a first start: no saved layout, an empty map cache
        hub, store, sup = _hub_with(ACTIVE, Path(tmp))
        try:
            env.update(BENCH_URL=hub.url, BENCH_TOKEN=sup.token)
            bare = statistics.median(_spawn(BARE, env) for _ in range(RUNS))
            console = statistics.median(_spawn(CONSOLE, env) for _ in range(RUNS))
        finally:
            hub.stop()
            store.close()
    print(f"cold start to an interactive window with {ACTIVE:,} active incidents: {console:.2f} s vs an empty "
          f"PySide6 window with an empty web view {bare:.2f} s = {console / bare:.1f}x  (goal ≤ 2 s; "
          f"median of {RUNS} fresh processes, offscreen)")


if __name__ == "__main__":
    main()
