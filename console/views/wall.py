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

from PySide6.QtCore import QObject, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from console.models.catalog import Catalog

from .bridge import HubBridge
from .main_window import Counters
from .map_view import BaseMap, MapView
from .queue import IncidentTableModel, QueueView
from .video_wall import VideoWall
from .wall_presets import PRESETS
from .widgets import STALE_AFTER_S, TickerLabel, age_level, set_level

RETURN_AFTER_S = 120.0
WALL_CAMERA_RADIUS_M = 1500  # a wall has nine tiles to fill: look farther than a desk does (500 m)


def preset_names() -> list[str]:
    return list(PRESETS)


class Watermark(QWidget):
    """The diagonal "演练 DRILL" over a panel (mouse events pass through)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.hide()

    def paintEvent(self, _e: Any) -> None:  # noqa: N802 (Qt's name)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        f = QFont(self.font())
        f.setPixelSize(max(40, min(self.width(), self.height()) // 6))
        f.setBold(True)
        p.setFont(f)
        p.setPen(QColor(195, 140, 255, 110))
        p.translate(self.width() / 2, self.height() / 2)
        p.rotate(-24)
        box = QRect(-self.width(), -self.height() // 2, 2 * self.width(), self.height())
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, "演练 DRILL")
        p.end()


class WallPanel(QWidget):
    """One panel of a wall screen: a title, the age of its data, the content, a drill watermark."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wall-panel")
        self.content = content
        v = QVBoxLayout(self)
        v.setContentsMargins(6, 4, 6, 6)
        v.setSpacing(2)
        head = QHBoxLayout()
        self.title = QLabel(title, objectName="wall-title")
        self.age = TickerLabel("数据时间 00:00:00 (00000 s)", object_name="age", align=Qt.AlignmentFlag.AlignRight)
        head.addWidget(self.title, 1)
        head.addWidget(self.age)
        v.addLayout(head)
        v.addWidget(content, 1)
        self.watermark = Watermark(self)

    def resizeEvent(self, e: Any) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(e)
        self.watermark.setGeometry(self.rect())
        self.watermark.raise_()

    def set_drill(self, on: bool) -> None:
        self.watermark.setVisible(on)
        if on:
            self.watermark.raise_()


class StreetBoard(QTableWidget):
    """Per street: active, urgent, nearing the limit, overdue: which street needs a call."""

    def __init__(self, catalog: Catalog, language: str) -> None:
        super().__init__(0, 5)
        self.catalog = catalog
        self.language = language
        self.setHorizontalHeaderLabels([self.tr("Street"), self.tr("Active"), self.tr("Urgent"),
                                        self.tr("Nearing limit"), self.tr("Overdue")])
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.horizontalHeader().setStretchLastSection(True)
        self.setColumnWidth(0, 320)

    def update_counts(self, incidents: Any) -> None:
        streets = sorted(self.catalog.streets.values(), key=lambda s: s.code)
        counts = {s.code: [0, 0, 0, 0] for s in streets}
        for inc in incidents:
            c = counts.get(inc.get("street") or "")
            if c is None:
                continue
            c[0] += 1
            c[1] += inc.get("priority") == "urgent"
            c[2] += inc.get("sla") == "blue"
            c[3] += inc.get("sla") == "red"
        order = sorted(streets, key=lambda s: (-counts[s.code][3], -counts[s.code][0], s.code))
        self.setRowCount(len(order))
        for r, s in enumerate(order):
            name = s.name_en if self.language == "en" else s.name_zh
            cells = [name, *(str(n) for n in counts[s.code])]
            for col, text in enumerate(cells):
                item = self.item(r, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(r, col, item)
                if item.text() != text:
                    item.setText(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            red = counts[s.code][3] > 0
            self.item(r, 4).setForeground(QColor("#ff4d4f") if red else self.palette().text().color())


# Large type for a wall read from 4 m: set on each screen, so a desk console's own look is untouched.
WALL_STYLE = """
#wall-title { font-size: 44px; font-weight: 700; }
#age { font-size: 40px; font-weight: 600; }
#count-active, #count-urgent, #count-blue, #count-red { font-size: 130px; font-weight: 800; }
#count-title { font-size: 40px; }
#offline-banner { font-size: 48px; padding: 18px; }
QTableView { font-size: 32px; }
QHeaderView::section { font-size: 30px; padding: 10px; }
QComboBox, QLineEdit, QLabel { font-size: 28px; }
"""


class WallScreen(QWidget):
    """One screen of a preset: its panels stacked (counters on top, the rest below)."""

    closing = Signal()

    def __init__(self, index: int, panels: list[WallPanel]) -> None:
        super().__init__()
        self.setObjectName("wall-screen")
        self.setStyleSheet(WALL_STYLE)
        self.index = index
        self.panels = panels
        self.setWindowTitle(self.tr("Wall display — screen {n}").format(n=index + 1))
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        v.setSpacing(4)
        self.banner = QLabel(objectName="offline-banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.hide()
        v.addWidget(self.banner)
        for p in panels:
            v.addWidget(p, 0 if isinstance(p.content, Counters) else 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)

    def closeEvent(self, e: Any) -> None:  # noqa: N802 (Qt's name)
        self.closing.emit()
        super().closeEvent(e)


class WallController(QObject):
    """Feeds the wall's panels from the hub bridge and runs the urgent-incident switch."""

    switched = Signal(str)  # incident id the wall switched to
    returned = Signal()
    closed = Signal()

    def __init__(self, bridge: HubBridge, catalog: Catalog, preset: str, *, language: str = "zh_CN",
                 return_after_s: float = RETURN_AFTER_S, base_map: BaseMap | None = None,
                 font_pt: int = 22, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if preset not in PRESETS:
            raise ValueError(f"unknown wall preset {preset!r}; choose one of {', '.join(PRESETS)}")
        self.bridge = bridge
        self.catalog = catalog
        self.preset = preset
        self.language = language
        self.tz = catalog.calendar.tz
        self.online = False
        self.last_data_at: float | None = None
        self.focused: str | None = None
        self.base_map = base_map
        self.drill_active = False
        self.model = IncidentTableModel(self)
        self.model.set_language(language)
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

        self.model.alert.connect(self._on_alert)
        bridge.snapshot.connect(self._on_snapshot)
        bridge.events.connect(self._on_events)
        bridge.status.connect(self._on_status)
        self._return_timer = QTimer(self, singleShot=True, interval=int(return_after_s * 1000),
                                    timeout=self.return_to_preset)
        self._tick = QTimer(self, interval=1000, timeout=self._refresh)
        self._tick.start()
        self._refresh()

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
            self.queue = QueueView(model=self.model)
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
        for sig, slot in ((self.bridge.snapshot, self._on_snapshot), (self.bridge.events, self._on_events),
                          (self.bridge.status, self._on_status)):
            try:
                sig.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self._tick.stop()
        self._return_timer.stop()
        for v in self.videos:
            v.shutdown()
        for s in self.screens:
            s.close()
        self.closed.emit()

    def panels(self) -> list[WallPanel]:
        return [p for s in self.screens for p in s.panels]

    # ---- from the hub -----------------------------------------------------------------------------

    def start_from(self, snapshot: dict[str, Any], *, last_data_at: float | None, online: bool) -> None:
        """Begin with what a console already holds (opened from its menu); live events follow."""
        self._on_snapshot(snapshot)
        self.last_data_at = last_data_at
        self._on_status(online, "")

    def set_return_after(self, seconds: float) -> None:
        """How long the wall stays on an urgent incident; a running wait restarts with it."""
        self._return_timer.setInterval(int(seconds * 1000))
        if self._return_timer.isActive():
            self._return_timer.start()

    @Slot(object)
    def _on_snapshot(self, snap: dict[str, Any]) -> None:
        self.model.set_reference(snap["reference"])
        if self.queue is not None:
            self.queue.set_reference(snap["reference"])
        self.model.reset(snap["incidents"])
        cameras = snap["reference"].get("cameras") or []
        if self.map is not None:
            self.map.set_incidents(snap["incidents"])
            self.map.set_units(snap["units"])
            self.map.set_cameras(cameras)
        for v in self.videos:
            for c in cameras:
                v.apply_camera(c)
        self.last_data_at = time.time()
        self._recount()

    @Slot(object)
    def _on_events(self, events: list[dict[str, Any]]) -> None:
        incidents, units = [], []
        for ev in events:
            kind, data = ev["kind"], ev["data"]
            if kind == "incident":
                incidents.append(data)
            elif kind == "unit":
                units.append(data)
            elif kind == "camera":
                for v in self.videos:
                    v.apply_camera(data)
                if self.map is not None:
                    self.map.set_camera_status(data, data.get("status") or "online")
        if incidents:
            if self.map is not None:  # first: the model's apply may switch the wall to one of them
                self.map.update_incidents(incidents)
            self.model.apply(incidents)
        if units and self.map is not None:
            self.map.update_units(units)
        self.last_data_at = time.time()
        if incidents:
            self._counts_dirty = True  # recounted by the 1 Hz refresh, not once per batch (100k rows)

    @Slot(bool, str)
    def _on_status(self, connected: bool, why: str) -> None:
        self.online = connected
        for s in self.screens:
            if connected:
                s.banner.hide()
            else:
                s.banner.setText(self.tr("Hub unreachable — the wall shows the last known state"))
                s.banner.show()
        self._refresh()

    def _recount(self) -> None:
        view = self.model.view()
        incs = list(view.values())
        for c in self.counters:
            c.update_counts(incs)
        if self.streets is not None:
            self.streets.update_counts(incs)
        drill = any(i.get("drill") for i in incs)
        if drill != self.drill_active:
            self.drill_active = drill
            for p in self.panels():
                p.set_drill(drill)
            for v in self.videos:
                v.set_drill(drill)

    # ---- the urgent switch ---------------------------------------------------------------------------

    @Slot(object, str)
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
        if self.last_data_at is None:
            text, level = self.tr("no data yet"), "red"
        else:
            age = time.time() - self.last_data_at
            stamp = datetime.fromtimestamp(self.last_data_at, self.tz).strftime("%H:%M:%S")
            text = self.tr("as of {time}").format(time=stamp)
            if age >= STALE_AFTER_S:
                text += " " + self.tr("({age} s ago)").format(age=int(age))
            level = age_level(age, self.online)
        for p in self.panels():
            p.age.setText(text)
            set_level(p.age, level)
