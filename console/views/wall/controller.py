"""Wall-display mode: read-only, full-screen presets for one to four screens.

Every panel says how fresh its data is ("as of 14:03:07", amber then red when stale) and carries
a "演练 DRILL" watermark while a drill is running. A new urgent incident switches the wall to it
(map zoomed there, the nearest cameras up, the row selected) and the wall returns to its preset
after a set time. Nothing here sends a command: the viewer role is enough.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QWidget

from console.models.catalog import Catalog
from console.state import ConsoleState

from ..dashboard import Counters
from ..map import BaseMap, MapView
from ..queue import QueueView
from ..video import VideoWall
from ..widgets import STALE_AFTER_S, age_level, set_level
from .panels import StreetBoard, WallPanel, WallScreen
from .presets import PRESETS

RETURN_AFTER_S = 120.0
WALL_CAMERA_RADIUS_M = 1500  # a wall has nine tiles to fill: look farther than a desk does (500 m)


def preset_names() -> list[str]:
    return list(PRESETS)


class WallController(QObject):
    """A wall is another set of views on the console's state: it builds the preset's panels, binds
    them to the state, and runs the urgent-incident switch."""

    switched = Signal(str)  # incident id the wall switched to
    returned = Signal()
    closed = Signal()

    def __init__(self, state: ConsoleState, catalog: Catalog, preset: str, *, language: str = "zh_CN",
                 return_after_s: float = RETURN_AFTER_S, base_map: BaseMap | None = None,
                 font_pt: int = 22, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if preset not in PRESETS:
            raise ValueError(f"unknown wall preset {preset!r}; choose one of {', '.join(PRESETS)}")
        self.state = state
        self.catalog = catalog
        self.preset = preset
        self.language = language
        self.tz = catalog.calendar.tz
        self.focused: str | None = None
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
                                    timeout=self.return_to_preset)
        self._tick = QTimer(self, interval=1000, timeout=self._refresh)
        self._tick.start()
        self._on_connection(state.online, state.why_offline)
        self._recount()

    # ---- building -------------------------------------------------------------------------------

    def _panel(self, name: str) -> WallPanel:
        titles = {"map": self.tr("District map"), "counters": self.tr("Incidents now"),
                  "queue": self.tr("Incident queue"), "video9": self.tr("Cameras"), "video16": self.tr("Cameras"),
                  "streets": self.tr("Streets")}
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
            v.set_radius(WALL_CAMERA_RADIUS_M)
            self.videos.append(v)
            content = v
        elif name == "streets":
            self.streets = StreetBoard(self.catalog, self.language)
            content = self.streets
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
        for view in (self.map, self.queue, *self.counters, *self.videos):
            if view is not None:
                view.unbind()
        self._tick.stop()
        self._return_timer.stop()
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

    def set_return_after(self, seconds: float) -> None:
        """How long the wall stays on an urgent incident; a running wait restarts with it."""
        self._return_timer.setInterval(int(seconds * 1000))
        if self._return_timer.isActive():
            self._return_timer.start()

    def _on_reset(self) -> None:
        self._recount()

    def _on_incidents_changed(self, _upserted: Any, _removed: Any) -> None:
        self._counts_dirty = True  # recounted by the 1 Hz refresh, not once per batch (100k rows)

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
        if reason == "new_urgent":
            self.switch_to(incident)

    def switch_to(self, incident: dict[str, Any]) -> None:
        """Show this incident everywhere: map zoomed on it, nearest cameras up, its row selected."""
        iid = incident["id"]
        self.focused = iid
        if self.map is not None:
            self.map.select(iid, fly=True, zoom=17)
        for v in self.videos:
            v.pin_for_incident(incident)
        if self.queue is not None:
            self.queue.select_incident(iid)
        text = self.tr("Urgent incident {id}: {description}").format(
            id=iid, description=(incident.get("description") or "")[:60])
        for s in self.screens:
            s.banner.setText(text)
            s.banner.show()
        self._return_timer.start()
        self.switched.emit(iid)

    @Slot()
    def return_to_preset(self) -> None:
        self.focused = None
        if self.map is not None:
            self.map.select(None, fly=False)
            self.map.fit_district()
        for v in self.videos:
            v.clear_incident()
        for s in self.screens:
            if self.online:
                s.banner.hide()
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
        for p in self.panels():
            p.age.setText(text)
            set_level(p.age, level)
