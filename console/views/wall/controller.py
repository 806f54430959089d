"""Wall-display mode: read-only, full-screen presets for one to four screens.

Every panel says how fresh its data is ("as of 14:03:07", amber then red when stale) and carries
a "演练 DRILL" watermark while a drill is running. A new urgent incident switches the wall to it
(the map framing it with its nearest free teams and cameras, the cameras up, the row selected);
urgent incidents arriving meanwhile queue on the banner and get their turn, one after the other,
and the wall returns to its preset when the queue is empty (docs/WALL.md, "The urgent switch").
Nothing here sends a command: the viewer role is enough.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QWidget

from console.models.cameras import nearest_cameras
from console.models.catalog import Catalog
from console.models.names import local_name
from console.models.recommend import fmt_distance
from console.state import ConsoleState
from console.state.console import FINAL

from ..dashboard import Counters
from ..map import BaseMap, MapView
from ..queue import QueueView
from ..video import VideoWall
from ..widgets import STALE_AFTER_S, age_level, set_level
from .panels import StreetBoard, WallPanel, WallScreen
from .presets import PRESETS, preset_settings

NEARBY_TEAMS = 3  # free teams framed with the incident (the desk's "teams near here" shows as many)
CAMERAS_WITHOUT_WALL = 9  # a preset with no video wall frames the cameras a 3×3 wall would pin
QUEUE_LABELS = 3  # queued incidents named in the banner's strip; the rest are counted
REFIT_AFTER_MS = 250  # after the map panel changes size (the banner came): once Leaflet has settled


def preset_names() -> list[str]:
    return list(PRESETS)


class WallController(QObject):
    """A wall is another set of views on the console's state: it builds the preset's panels, binds
    them to the state, and runs the urgent-incident switch."""

    switched = Signal(str)  # incident id the wall switched to
    returned = Signal()
    closed = Signal()

    def __init__(self, state: ConsoleState, catalog: Catalog, preset: str, *, language: str = "zh_CN",
                 return_after_s: float | None = None, base_map: BaseMap | None = None,
                 font_pt: int = 22, bridge: Any = None, parent: QObject | None = None) -> None:
        """``bridge``: the connection's, for the panels that ask the hub (the numbers)."""
        super().__init__(parent)
        self.bridge = bridge
        self.numbers: Any = None
        self.settings = preset_settings(preset)  # a ValueError naming the choices for an unknown one
        if return_after_s is None:
            return_after_s = self.settings["return_after_s"]
        self.camera_radius_m = self.settings["camera_radius_m"]
        self.min_span_m = self.settings["min_span_m"]
        self.state = state
        self.catalog = catalog
        self.preset = preset
        self.language = language
        self.tz = catalog.calendar.tz
        self.focused: str | None = None  # the incident the wall shows (banner and map alike)
        self._shown: dict[str, Any] = {}  # the focused incident as switched to (the state's copy wins)
        self._queue: list[str] = []  # urgent incidents waiting for their turn, oldest first
        self._fit: tuple[list[tuple[float, float]], float] | None = None  # what the map frames now
        self.base_map = base_map
        self.drill_active = False
        self.map: MapView | None = None
        self.queue: QueueView | None = None
        self.videos: list[VideoWall] = []
        self.counters: list[Counters] = []
        self.streets: StreetBoard | None = None
        self.screens: list[WallScreen] = []
        self._closing = False
        self._counts_dirty = False

        for i, names in enumerate(PRESETS[preset]):
            panels = [self._panel(name) for name in names]
            screen = WallScreen(i, panels)
            f = QFont(screen.font())
            f.setPointSize(font_pt)  # large type: read from across the room
            screen.setFont(f)
            screen.closing.connect(self.close)
            self.screens.append(screen)

        for view in (self.map, self.queue, *self.counters, *self.videos):
            if view is not None:
                view.bind(state)
        self._subscriptions = ((state.reset, self._on_reset), (state.incidents_changed, self._on_incidents_changed),
                               (state.connection_changed, self._on_connection), (state.alert, self._on_alert))
        for sig, handler in self._subscriptions:
            sig.connect(handler)
        self._return_timer = QTimer(self, singleShot=True, interval=int(return_after_s * 1000),
                                    timeout=self.advance)
        # The page fits the whole district again when the map changes size (the banner appearing
        # shrinks it): the switch frames its points again once the size has settled, and when the
        # page (re)loads.
        self._refit = QTimer(self, singleShot=True, interval=REFIT_AFTER_MS, timeout=self._fit_again)
        if self.map is not None:
            self.map.web.installEventFilter(self)
            self.map.loaded.connect(self._on_map_loaded)
        self._tick = QTimer(self, interval=1000, timeout=self._refresh)
        self._tick.start()
        self._on_connection(state.online, state.why_offline)
        self._recount()

    # ---- building -------------------------------------------------------------------------------

    def _panel(self, name: str) -> WallPanel:
        titles = {"map": self.tr("District map"), "counters": self.tr("Incidents now"),
                  "queue": self.tr("Incident queue"), "video9": self.tr("Cameras"), "video16": self.tr("Cameras"),
                  "streets": self.tr("Streets"), "numbers": self.tr("This shift's numbers by department")}
        content: QWidget
        if name == "map":
            if self.map is None:
                self.map = MapView(self.catalog, base=self.base_map, language=self.language)
                self.map.web.setZoomFactor(2.0)  # the page's type and markers, large
                self.map.toolbar.hide()  # read-only: no controls on a wall
            content = self.map
        elif name == "counters":
            c = Counters()
            self.counters.append(c)
            content = c
        elif name == "queue":
            self.queue = QueueView()
            self.queue.set_language(self.language)
            content = self.queue
        elif name in ("video9", "video16"):
            v = VideoWall(self.catalog, layout=9 if name == "video9" else 16, language=self.language)
            v.set_large(True)
            v.set_radius(self.camera_radius_m)
            self.videos.append(v)
            content = v
        elif name == "streets":
            self.streets = StreetBoard(self.catalog, self.language)
            content = self.streets
        elif name == "numbers":
            from ..evaluation import EvaluationView

            self.numbers = EvaluationView(self.bridge, self.catalog, language=self.language, scale=2.0, wall=True)
            self.numbers.bind(self.state)
            content = self.numbers
        else:  # PRESETS is ours: a typo there is a bug
            raise ValueError(f"unknown wall panel {name!r}")
        return WallPanel(titles[name], content)

    def show(self, *, fullscreen: bool = True) -> None:
        """Each screen of the preset on its own monitor, in order; more screens than monitors
        stack on the last one (drag them where they belong)."""
        monitors = QGuiApplication.screens()
        for i, screen in enumerate(self.screens):
            mon = monitors[min(i, len(monitors) - 1)] if monitors else None
            if fullscreen and mon is not None:
                screen.setGeometry(mon.geometry())
            if fullscreen:
                screen.showFullScreen()
            else:
                screen.show()

    @Slot()
    def close(self) -> None:
        if self._closing:
            return
        self._closing = True
        for sig, handler in self._subscriptions:
            sig.disconnect(handler)
        for view in (self.map, self.queue, *self.counters, *self.videos, self.numbers):
            if view is not None:
                view.unbind()
        self._tick.stop()
        self._return_timer.stop()
        self._refit.stop()
        self._fit = None
        if self.map is not None:
            self.map.web.removeEventFilter(self)
        for v in self.videos:
            v.shutdown()
        for s in self.screens:
            s.close()
        self.closed.emit()

    def panels(self) -> list[WallPanel]:
        return [p for s in self.screens for p in s.panels]

    # ---- from the state -------------------------------------------------------------------------

    @property
    def online(self) -> bool:
        return self.state.online

    @property
    def last_data_at(self) -> float | None:
        return self.state.last_data_at

    def return_after_s(self) -> float:
        return self._return_timer.interval() / 1000

    def set_return_after(self, seconds: float) -> None:
        """How long the wall stays on each urgent incident; a running wait restarts with it."""
        self._return_timer.setInterval(int(seconds * 1000))
        if self._return_timer.isActive():
            self._return_timer.start()

    def _on_reset(self) -> None:
        self._recount()
        self._prune(self.focused, *self._queue)

    def _on_incidents_changed(self, upserted: list[dict[str, Any]], removed: list[dict[str, Any]]) -> None:
        self._counts_dirty = True  # recounted by the 1 Hz refresh, not once per batch (100k rows)
        if self.focused is not None:
            watched = {self.focused, *self._queue}
            touched = [i["id"] for i in (*upserted, *removed) if i.get("id") in watched]
            if touched and not self._prune(*touched):
                self._show_banner()  # a category or description changed: the banner follows

    def _on_connection(self, connected: bool, _why: str) -> None:
        for s in self.screens:
            if connected:
                s.banner.hide()
            else:
                s.banner.setText(self.tr("Hub unreachable — the wall shows the last known state"))
                s.banner.show()
        self._refresh()

    def _recount(self) -> None:
        if self.streets is not None:
            self.streets.update_counts(self.state)
        drill = any(i.get("drill") for i in self.state.incidents.values())
        if drill != self.drill_active:
            self.drill_active = drill
            for p in self.panels():
                p.set_drill(drill)
            for v in self.videos:
                v.set_drill(drill)

    # ---- the urgent switch ---------------------------------------------------------------------------

    def _on_alert(self, incident: dict[str, Any], reason: str) -> None:
        if reason != "new_urgent":
            return
        iid = incident["id"]
        if self.focused is None:
            self.switch_to(incident)
        elif iid != self.focused and iid not in self._queue:
            self._queue.append(iid)  # its turn comes when the one on show has had its time
            self._show_banner()

    def queued(self) -> list[str]:
        """The urgent incidents waiting for the wall, in the order they will be shown."""
        return list(self._queue)

    def switch_to(self, incident: dict[str, Any]) -> None:
        """Show this incident everywhere, for the full return time: the map framing it with its
        nearest free teams and its cameras, those cameras up, its row selected, the banner."""
        iid = incident["id"]
        if iid in self._queue:
            self._queue.remove(iid)
        self.focused, self._shown = iid, incident
        pinned: list[str] = []
        for v in self.videos:
            pinned += [cid for cid, _d in v.pin_for_incident(incident)]
        if self.map is not None:
            self.map.select(iid, fly=False)
            teams, points = self._frame(incident, pinned)
            self.map.set_nearby(teams)
            self._fit = (points, self.min_span_m) if points else None
            if points:
                self.map.fit_points(points, min_span_m=self.min_span_m, animate=True)
        if self.queue is not None:
            self.queue.select_incident(iid)
        self._show_banner()
        self._return_timer.start()
        self.switched.emit(iid)

    def _frame(self, incident: dict[str, Any], pinned: list[str]
               ) -> tuple[list[tuple[float, float, str]], list[tuple[float, float]]]:
        """What the map shows on an urgent switch: the nearest free teams (where the desk's "teams
        near here" draws them) and every point to keep in view: the incident, those teams and the
        incident's cameras (those the video walls pinned; with no video wall, the nine nearest
        within the camera radius)."""
        try:
            lat, lon = float(incident["lat"]), float(incident["lon"])
        except (KeyError, TypeError, ValueError):
            return [], []
        points = [(lat, lon)]
        teams = []
        for rec in self.state.recommend(self.catalog, incident, NEARBY_TEAMS):
            name = local_name(self.catalog.teams.get(rec.team), self.language, rec.team)
            teams.append((rec.at[0], rec.at[1], f"{name} · {fmt_distance(rec.distance_m)}"))
            points.append((rec.at[0], rec.at[1]))
        if self.videos:
            cams = [self.catalog.cameras[cid] for cid in dict.fromkeys(pinned) if cid in self.catalog.cameras]
        else:
            cams = [c for c, _d in nearest_cameras(self.catalog.cameras.values(), lat, lon, self.camera_radius_m,
                                                   CAMERAS_WITHOUT_WALL)]
        points += [(c.lat, c.lon) for c in cams]
        return teams, points

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and self._fit is not None and self.map is not None \
                and watched is self.map.web:
            self._refit.start()
        return False

    def _on_map_loaded(self, ok: bool) -> None:
        if ok and self._fit is not None:
            self._fit_again()

    def _fit_again(self) -> None:
        if self._fit is not None and self.map is not None:
            points, span = self._fit
            self.map.fit_points(points, min_span_m=span, animate=False)

    def _label(self, iid: str) -> str:
        """A queued incident, short: the serial part of its id (the last four digits) and its category."""
        inc = self.state.incidents.get(iid) or {}
        code = inc.get("category") or ""
        return f"{iid[-4:]} {local_name(self.catalog.categories.get(code), self.language, code)}".strip()

    def _show_banner(self) -> None:
        """Every screen's banner names exactly the incident on show, the queue in its strip."""
        if self.focused is None:
            for s in self.screens:
                s.urgent.clear()
            return
        inc = self.state.incidents.get(self.focused) or self._shown
        code = inc.get("category") or ""
        text = self.tr("Urgent incident {id} · {category}: {description}").format(
            id=self.focused, category=local_name(self.catalog.categories.get(code), self.language, code),
            description=(inc.get("description") or "")[:60])
        upcoming = ""
        if self._queue:
            names = "  ·  ".join(self._label(q) for q in self._queue[:QUEUE_LABELS])
            more = " …" if len(self._queue) > QUEUE_LABELS else ""
            upcoming = self.tr("Next: {n} more urgent — {list}").format(n=len(self._queue), list=names + more)
        for s in self.screens:
            s.urgent.show_incident(text, upcoming)

    @staticmethod
    def _still_urgent(inc: dict[str, Any] | None) -> bool:
        return inc is not None and inc.get("priority") == "urgent" and inc.get("state") not in FINAL

    def _prune(self, *ids: str | None) -> bool:
        """Of these incidents, those closed, gone or no longer urgent leave the wall: dropped from
        the queue, or, the one on show, replaced at once by the next (or the preset). True when
        any left."""
        gone = {i for i in ids if i and not self._still_urgent(self.state.incidents.get(i))}
        if not gone:
            return False
        self._queue = [q for q in self._queue if q not in gone]
        if self.focused in gone:
            self.advance()
        else:
            self._show_banner()
        return True

    @Slot()
    def advance(self) -> None:
        """The incident on show has had its time (or left): the next queued one still urgent gets
        the wall for the full return time; with none left, the wall returns to its preset."""
        while self._queue:
            inc = self.state.incidents.get(self._queue.pop(0))
            if self._still_urgent(inc):
                self.switch_to(inc)
                return
        self.return_to_preset()

    @Slot()
    def return_to_preset(self) -> None:
        """Back to the preset now (the queue is dropped): the whole district, no pins, no banner."""
        self._return_timer.stop()
        self._queue.clear()
        self.focused, self._shown, self._fit = None, {}, None
        self._refit.stop()
        if self.map is not None:
            self.map.select(None, fly=False)
            self.map.fit_district()
        for v in self.videos:
            v.clear_incident()
        self._show_banner()
        self.returned.emit()

    # ---- age of the data -----------------------------------------------------------------------------

    def _refresh(self) -> None:
        if self._counts_dirty:
            self._counts_dirty = False
            self._recount()
        at = self.state.last_data_at
        if at is None:
            text, level = self.tr("no data yet"), "red"
        else:
            age = time.time() - at
            stamp = datetime.fromtimestamp(at, self.tz).strftime("%H:%M:%S")
            text = self.tr("as of {time}").format(time=stamp)
            if age >= STALE_AFTER_S:
                text += " " + self.tr("({age} s ago)").format(age=int(age))
            level = age_level(age, self.online)
            if self.state.replaying:  # the moment a replay shows, on every panel
                text, level = self.tr("REPLAY {time}").format(time=stamp), "amber"
        for p in self.panels():
            p.age.setText(text)
            set_level(p.age, level)
