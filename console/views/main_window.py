"""The main window: dockable panels around the offline banner, a status bar that always says
how fresh the data is, and the wiring between the hub bridge, the queue and the incident panel."""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QGridLayout,
    QLabel,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from console.models.catalog import Catalog
from console.models.lifecycle import Actor, Role
from console.models.recommend import fmt_distance, recommend_teams

from . import optional
from .bridge import HubBridge
from .incident_panel import IncidentPanel
from .map_view import BaseMap, MapView
from .queue import QueueView
from .theme import apply_theme
from .video_wall import VideoWall
from .widgets import TickerLabel, age_level, set_level

ALERT_SOUND = Path(__file__).resolve().parents[2] / "resources" / "sounds" / "alert.wav"


class Toast(QLabel):
    """A short-lived notice in the window's top right corner (new urgent, turned red)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=6000, timeout=self.hide)

    def show_message(self, text: str) -> None:
        self.setText(text)
        # bottom centre, above the status bar: over the video wall's edge, never over the
        # counters, the queue's first rows or the incident's action buttons
        parent = self.parentWidget()
        width = min(640, max(360, parent.width() // 3))
        height = self.heightForWidth(width) + 4
        self.setFixedSize(width, height)
        self.move((parent.width() - width) // 2, parent.height() - height - 48)
        self.raise_()
        self.show()
        self._timer.start()


class Counters(QFrame):
    """Active, urgent, blue and red counts: the dashboard's first line until its issue lands."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("counters")
        grid = QGridLayout(self)
        self._values: dict[str, QLabel] = {}
        titles = {"active": self.tr("Active"), "urgent": self.tr("Urgent"), "blue": self.tr("Nearing limit"),
                  "red": self.tr("Overdue")}
        for col, (key, title) in enumerate(titles.items()):
            value = TickerLabel("00000", object_name=f"count-{key}")
            value.setText("0")
            label = QLabel(title, objectName="count-title")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(value, 0, col)
            grid.addWidget(label, 1, col)
            self._values[key] = value

    def update_counts(self, incidents: list[dict[str, Any]]) -> None:
        counts = {"active": len(incidents), "urgent": 0, "blue": 0, "red": 0}
        for i in incidents:
            if i.get("priority") == "urgent":
                counts["urgent"] += 1
            if i.get("sla") in ("blue", "red"):
                counts[i["sla"]] += 1
        for key, n in counts.items():
            self._values[key].setText(str(n))


class MainWindow(QMainWindow):
    def __init__(self, bridge: HubBridge, catalog: Catalog, *, hub_label: str = "", language: str = "zh_CN",
                 settings: QSettings | None = None, base_map: BaseMap | None = None) -> None:
        super().__init__()
        self.bridge = bridge
        self.catalog = catalog
        self.tz = catalog.calendar.tz  # every clock on screen in the district's time, like the panel's
        self.language = language
        self.settings = settings or QSettings("CommandConsole", "console")
        self.hub_label = hub_label or bridge.url
        self.user: dict[str, Any] = {}
        self.online = False
        self.offline_since: float | None = time.time()
        self.last_data_at: float | None = None
        self.units: dict[str, dict[str, Any]] = {}
        self.selected: str | None = None
        self._pending: dict[str, str] = {}  # request token -> "command" | "history:<id>"
        self._counts_dirty = False
        self._sound: Any = None  # QSoundEffect once made; False when multimedia is unavailable
        self.alerts_sounded = 0
        self._reference: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Command Center Console"))
        self.setObjectName("main-window")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowNestedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)

        # top, full width under the menu: the offline banner, where nobody can miss it
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.setSpacing(0)
        self._menubar = QMenuBar()
        tv.addWidget(self._menubar)
        self.banner = QLabel(objectName="offline-banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.hide()
        tv.addWidget(self.banner)
        self.setMenuWidget(top)
        # centre: the live map
        self.map = MapView(catalog, base=base_map, language=language,
                           theme=str(self.settings.value("theme", "dark")))
        self.setCentralWidget(self.map)
        self._map_selecting = False  # a selection made on the map does not fly the map

        self.queue = QueueView()
        self.queue.set_language(language)
        self.panel = IncidentPanel()
        self.panel.set_language(language)
        self.panel.set_incidents_provider(self.queue.model.view)
        self.panel.set_units_provider(lambda: self.units)
        self.counters = Counters()
        self.video = VideoWall(catalog, layout=4, language=language)
        self.wall: Any = None  # a WallController while wall display runs from the menu

        self.docks: dict[str, QDockWidget] = {}
        self._dock("queue", self.tr("Incident queue"), self.queue, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock("incident", self.tr("Incident"), self.panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock("dashboard", self.tr("Dashboard"), self.counters, Qt.DockWidgetArea.TopDockWidgetArea)
        self._dock("video", self.tr("Video wall"), self.video, Qt.DockWidgetArea.BottomDockWidgetArea)
        # the queue and the incident panel run the full height (every dispatch control in view);
        # the counters and the video wall sit above and below the map only
        for corner, area in ((Qt.Corner.TopLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea),
                             (Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea),
                             (Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea),
                             (Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)):
            self.setCorner(corner, area)
        self.resize(1600, 900)  # until open_on_screen() fits it to a real screen
        self._sized = False  # the default split is applied on first show (before it, Qt ignores it)
        self._default_state = self.saveState()

        self.toast = Toast(self)
        self._build_menus()
        self._build_status_bar()

        bridge.snapshot.connect(self._on_snapshot)
        bridge.events.connect(self._on_events)
        bridge.status.connect(self._on_status)
        bridge.welcomed.connect(self._on_welcome)
        bridge.result.connect(self._on_result)
        self.queue.incident_selected.connect(self._on_selected)
        self.map.incident_clicked.connect(self._on_map_incident)
        self.map.unit_clicked.connect(self._on_map_unit)
        self.map.camera_clicked.connect(self._on_map_camera)
        self.map.set_filter(self._map_accepts)
        self._refilter_timer = QTimer(self, singleShot=True, interval=0, timeout=self._refilter_map)
        self.queue.proxy.modelReset.connect(self._refilter_timer.start)  # the queue's filters apply to the map
        self.queue.model.alert.connect(self._on_alert)
        self.panel.command_requested.connect(self._on_command)
        self.panel.history_requested.connect(self._request_history)
        self._age_timer = QTimer(self, interval=1000, timeout=self._refresh_age)
        self._age_timer.start()
        self._set_online(False, "")

    # ---- building -----------------------------------------------------------------------------

    def _dock(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")  # saveState needs names
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[key] = dock

    def _build_menus(self) -> None:
        view = self._menubar.addMenu(self.tr("&View"))
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        reset = QAction(self.tr("Reset layout"), self)
        reset.triggered.connect(self.reset_layout)
        view.addAction(reset)
        themes = QActionGroup(self)
        for key, title in (("dark", self.tr("Dark theme (wall)")), ("light", self.tr("Light theme"))):
            act = QAction(title, self, checkable=True)
            act.setChecked(self.settings.value("theme", "dark") == key)
            act.triggered.connect(lambda _=False, k=key: self.set_theme(k))
            themes.addAction(act)
            view.addAction(act)
        walls = view.addMenu(self.tr("Wall display"))
        for key, title in self._wall_titles().items():
            act = QAction(title, self)
            act.triggered.connect(lambda _=False, k=key: self.open_wall(k))
            walls.addAction(act)
        lang = self._menubar.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for key, title in (("zh_CN", "中文"), ("en", "English")):
            act = QAction(title, self, checkable=True)
            act.setChecked(self.language == key)
            act.triggered.connect(lambda _=False, k=key: self.set_language(k))
            group.addAction(act)
            lang.addAction(act)
        quit_ = QAction(self.tr("Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_.triggered.connect(self.close)
        view.addSeparator()
        view.addAction(quit_)
        help_ = self._menubar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("About"), self)
        about.triggered.connect(self.show_about)
        help_.addAction(about)

    def about_text(self) -> str:
        """Version, hub, and every optional part that could not be loaded, with the reason."""
        from importlib.metadata import PackageNotFoundError, version

        import PySide6

        try:
            ours = version("command-console")
        except PackageNotFoundError:
            ours = "dev"
        lines = [self.tr("Command Center Console {version}").format(version=ours),
                 self.tr("Hub: {hub}").format(hub=self.hub_label),
                 f"Qt {PySide6.__version__} · Python {sys.version.split()[0]}", ""]
        missing = optional.failures()
        if missing:
            lines.append(self.tr("Unavailable on this machine:"))
            lines += [f"• {part}: {why}" for part, why in missing.items()]
        else:
            lines.append(self.tr("All optional parts are loaded (video, sound)."))
        if "--no-sandbox" in os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", ""):
            lines.append(self.tr("The map's web engine runs without its sandbox (started as root)."))
        return "\n".join(lines)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About"), self.about_text())

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.conn_label = QLabel(objectName="conn")
        self.user_label = QLabel()
        self.hub_label_w = QLabel(self.hub_label)
        self.age_label = TickerLabel("data as of 00:00:00 (00000 s ago) · 数据时间", object_name="age",
                                     align=Qt.AlignmentFlag.AlignRight)
        for w in (self.conn_label, self.user_label, self.hub_label_w):
            sb.addWidget(w)
        sb.addPermanentWidget(self.age_label)

    # ---- settings -----------------------------------------------------------------------------

    def _key(self, name: str) -> str:
        return f"layout/{self.user.get('user') or 'default'}/{name}"

    def restore_layout(self) -> None:
        geo = self.settings.value(self._key("geometry"))
        state = self.settings.value(self._key("state"))
        if isinstance(geo, QByteArray):
            self.restoreGeometry(geo)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def save_layout(self) -> None:
        self.settings.setValue(self._key("geometry"), self.saveGeometry())
        self.settings.setValue(self._key("state"), self.saveState())

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        for dock in self.docks.values():
            dock.show()

    def _wall_titles(self) -> dict[str, str]:
        return {"overview": self.tr("Overview: map and counters (1 screen)"),
                "queue": self.tr("Queue and counters (1 screen)"),
                "video": self.tr("Video 3×3 (1 screen)"),
                "command": self.tr("Command: map, queue, video (3 screens)"),
                "quad": self.tr("Full: map, queue, video, streets (4 screens)")}

    def open_wall(self, preset: str, *, fullscreen: bool = True) -> Any:
        """Run a wall-display preset on the same connection (Esc on a wall screen closes it)."""
        from .wall import WallController

        if self.wall is not None:
            self.wall.close()
        self.wall = WallController(self.bridge, self.catalog, preset, language=self.language,
                                   base_map=self.map.base)
        self.wall.closed.connect(self._wall_closed)
        if self._reference is not None:  # start from what this window already knows; events follow
            self.wall.start_from({"reference": self._reference, "incidents": list(self.queue.model.view().values()),
                                  "units": list(self.units.values())}, last_data_at=self.last_data_at,
                                 online=self.online)
        self.wall.show(fullscreen=fullscreen)
        return self.wall

    def _wall_closed(self) -> None:
        self.wall = None

    def set_theme(self, key: str) -> None:
        self.settings.setValue("theme", key)
        apply_theme(QApplication.instance(), key)
        self.map.set_theme(key)

    def set_language(self, key: str) -> None:
        if key == self.language:
            return
        self.settings.setValue("language", key)
        QMessageBox.information(self, self.tr("Language"),
                                self.tr("The console will use the new language the next time it starts."))

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            QTimer.singleShot(0, self._default_split)

    def open_on_screen(self, screen: Any = None) -> None:
        """Show maximised on ``screen`` (default: the one under the pointer, where the console was
        started). The geometry is set first, so the window fits even where no window manager
        maximises it (a kiosk, Xvfb)."""
        from PySide6.QtGui import QCursor, QGuiApplication

        screen = screen or QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.availableGeometry())
        self.showMaximized()

    def _default_split(self) -> None:
        """The queue gets about a third of the width, the incident panel a quarter, the map the
        rest; the video wall a third of the height under the map, the counters what they need."""
        w, h = self.width(), self.height()
        self.resizeDocks([self.docks["queue"], self.docks["incident"]], [w * 3 // 10, w // 4],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["dashboard"], self.docks["video"]],
                         [self.docks["dashboard"].minimumSizeHint().height(), h * 3 // 10],
                         Qt.Orientation.Vertical)
        self._default_state = self.saveState()
        if self.user:  # a saved layout, once known, wins over the default
            self.restore_layout()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        self.save_layout()
        if self.wall is not None:
            self.wall.close()
        self.video.shutdown()
        super().closeEvent(event)

    # ---- from the hub -------------------------------------------------------------------------

    @Slot(object)
    def _on_welcome(self, who: dict[str, Any]) -> None:
        first = not self.user
        self.user = who
        role = Role(who["role"])
        actor = Actor(who["user"], role, who.get("team"), frozenset(who.get("grids") or ()))
        self.panel.set_context(actor, self.catalog)
        self.user_label.setText(self.tr("{user} · {role}").format(user=who["user"], role=self._role_name(role)))
        if first:
            self.restore_layout()

    def _role_name(self, role: Role) -> str:
        names = {Role.VIEWER: self.tr("viewer"), Role.OPERATOR: self.tr("operator"),
                 Role.SUPERVISOR: self.tr("supervisor"), Role.FIELD: self.tr("field"),
                 Role.SENSOR: self.tr("sensor"), Role.ADMIN: self.tr("admin")}
        return names[role]

    @Slot(object)
    def _on_snapshot(self, snap: dict[str, Any]) -> None:
        self.queue.set_reference(snap["reference"])
        self.queue.model.reset(snap["incidents"])
        self.units = {u["id"]: u for u in snap["units"]}
        self._reference = snap["reference"]
        self.map.set_incidents(snap["incidents"])
        self.map.set_units(snap["units"])
        self.map.set_cameras(snap["reference"].get("cameras") or [])
        for cam in snap["reference"].get("cameras") or []:
            self.video.apply_camera(cam)
        self.last_data_at = time.time()
        self.counters.update_counts(snap["incidents"])
        if self.selected:
            row = self.queue.model.row_of(self.selected)
            self.panel.show_incident(self.queue.model.incident(row) if row is not None else None)

    @Slot(object)
    def _on_events(self, events: list[dict[str, Any]]) -> None:
        incidents = []
        units = []
        for ev in events:
            if ev["kind"] == "incident":
                incidents.append(ev["data"])
            elif ev["kind"] == "unit":
                self.units[ev["data"]["id"]] = ev["data"]
                units.append(ev["data"])
            elif ev["kind"] == "camera":
                self.video.apply_camera(ev["data"])
                self.map.set_camera_status(ev["data"], ev["data"].get("status") or "online")
            elif ev["kind"] == "notice":
                self._on_notice(ev["data"])
        if units:
            self.map.update_units(units)
        if incidents:
            self.queue.model.apply(incidents)
            self.map.update_incidents(incidents)
            self._counts_dirty = True  # recounted by the 1 Hz refresh, not once per batch
            if self.selected and any(i["id"] == self.selected for i in incidents):
                latest = next(i for i in reversed(incidents) if i["id"] == self.selected)
                self.panel.show_incident(latest)  # the panel asks for the new timeline itself
                self._show_nearby()
        self.last_data_at = time.time()

    @Slot(bool, str)
    def _on_status(self, connected: bool, why: str) -> None:
        self._set_online(connected, why)

    def _set_online(self, connected: bool, why: str) -> None:
        if connected:
            self.offline_since = None
        elif self.online or self.offline_since is None:
            self.offline_since = time.time()
        self.online = connected
        self.panel.set_online(connected)
        if connected:
            self.banner.hide()
            self.conn_label.setText(self.tr("● Online"))
            self.conn_label.setProperty("state", "online")
        else:
            since = datetime.fromtimestamp(self.offline_since or time.time(), self.tz).strftime("%H:%M:%S")
            if "token" in why:  # the hub refused us: reconnecting will not help, say so
                self.banner.setText(self.tr("The hub refused this console's token ({why}); check the token. "
                                            "Showing the last known state.").format(why=why))
            else:
                text = self.tr("Hub unreachable since {since} — showing the last known state (stale); "
                               "reconnecting…").format(since=since)
                self.banner.setText(text + (f"  ({why})" if why else ""))
            self.banner.show()
            self.conn_label.setText(self.tr("● Offline since {since}").format(since=since))
            self.conn_label.setProperty("state", "offline")
        self.conn_label.style().unpolish(self.conn_label)
        self.conn_label.style().polish(self.conn_label)

    def _refresh_age(self) -> None:
        if self._counts_dirty:
            self._counts_dirty = False
            self.counters.update_counts(self.queue.model.view().values())
        if self.last_data_at is None:
            self.age_label.setText(self.tr("no data yet"))
            return
        age = time.time() - self.last_data_at
        stamp = datetime.fromtimestamp(self.last_data_at, self.tz).strftime("%H:%M:%S")
        self.age_label.setText(self.tr("data as of {time} ({age} s ago)").format(time=stamp, age=int(age)))
        set_level(self.age_label, age_level(age, self.online))

    # ---- user actions -------------------------------------------------------------------------

    @Slot(str)
    def _on_selected(self, incident_id: str) -> None:
        self.selected = incident_id or None
        row = self.queue.model.row_of(incident_id) if incident_id else None
        self.panel.show_incident(self.queue.model.incident(row) if row is not None else None)
        self.map.select(self.selected, fly=not self._map_selecting)
        self._show_nearby()
        inc = self.queue.model.view().get(incident_id) if incident_id else None
        if inc is not None:
            self.video.pin_for_incident(inc)  # the nearest cameras up on the video wall
        else:
            self.video.clear_incident()

    @Slot(str)
    def _on_map_camera(self, camera_id: str) -> None:
        """A camera marker clicked on the map opens its tile on the video wall."""
        try:
            self.video.open_camera(camera_id)
        except KeyError:
            return
        self.docks["video"].show()
        self.docks["video"].raise_()

    def _on_notice(self, notice: dict[str, Any]) -> None:
        if notice.get("purged"):
            return
        text = notice.get("text", "")
        if notice.get("drill"):
            text = self.tr("[DRILL] {text}").format(text=text)
        self.toast.show_message(text)
        if notice.get("level") == "urgent":
            self.play_alert()

    @Slot(str)
    def _on_map_incident(self, incident_id: str) -> None:
        """A marker clicked on the map selects the incident in the queue and the panel."""
        self._map_selecting = True
        try:
            if not self.queue.select_incident(incident_id):
                self._on_selected(incident_id)  # not in the queue's view (e.g. just filtered): still show it
        finally:
            self._map_selecting = False

    @Slot(str)
    def _on_map_unit(self, unit_id: str) -> None:
        u = self.units.get(unit_id)
        if u:
            team = self.catalog.teams.get(u.get("team", ""))
            name = (team.name_en if self.language == "en" else team.name_zh) if team else u.get("team", "")
            self.statusBar().showMessage(self.tr("Unit {unit} ({team}): {status}").format(
                unit=u.get("callsign") or unit_id, team=name, status=self.map.status_name(u.get("status", ""))), 8000)

    def _show_nearby(self) -> None:
        """"Teams near here": the panel's recommended free teams, at their nearest free unit."""
        if not self.selected:
            self.map.set_nearby([])
            return
        inc = self.queue.model.view().get(self.selected)
        if inc is None:
            self.map.set_nearby([])
            return
        lat, lon = float(inc["lat"]), float(inc["lon"])
        out: list[tuple[float, float, str]] = []
        try:
            recs = recommend_teams(self.catalog, inc["category"], lat, lon, self.panel.team_status(), 3)
        except (KeyError, TypeError, ValueError):
            recs = []  # unknown category: nothing to recommend
        for rec in recs:  # each drawn where its distance was measured from: its nearest free unit or home grid
            team = self.catalog.teams.get(rec.team)
            name = (team.name_en if self.language == "en" else team.name_zh) if team else rec.team
            out.append((rec.at[0], rec.at[1], f"{name} · {fmt_distance(rec.distance_m)}"))
        self.map.set_nearby(out)

    def _map_accepts(self, inc: dict[str, Any]) -> bool:
        row = self.queue.model.row_of(inc["id"])
        return row is not None and self.queue.proxy.filterAcceptsRow(row)

    def _refilter_map(self) -> None:
        self.map.refilter(set(self.queue.proxy.ids()))

    @Slot(str)
    def _request_history(self, incident_id: str) -> None:
        if not self.online or not incident_id:
            return
        token = self.bridge.send("query.history", {"incident": incident_id})
        self._pending[token] = f"history:{incident_id}"

    @Slot(str, object)
    def _on_command(self, name: str, args: dict[str, Any]) -> None:
        if not self.online:
            self.panel.show_result(False, self.tr("Offline: the command was not sent"))
            return
        token = self.bridge.send(name, args)
        self._pending[token] = "command"

    @Slot(str, object)
    def _on_result(self, token: str, res: dict[str, Any]) -> None:
        what = self._pending.pop(token, None)
        if what is None:
            return
        if what.startswith("history:"):
            if res.get("ok"):
                self.panel.set_history(what.split(":", 1)[1], res.get("transitions", []))
            return
        if res.get("ok"):
            self.panel.show_result(True, self.tr("Done"))
        else:
            self.panel.show_result(False, f"{res.get('code', '')}: {res.get('message', '')}")

    @Slot(object, str)
    def _on_alert(self, incident: dict[str, Any], reason: str) -> None:
        if reason == "new_urgent":
            text = self.tr("New urgent incident {id}: {description}")
        else:
            text = self.tr("Overdue: incident {id} passed its deadline — {description}")
        what = incident.get("description", "")[:60]
        self.toast.show_message(text.format(id=incident.get("id", ""), description=what))
        self.play_alert()

    def play_alert(self) -> None:
        """The alert chime (resources/sounds/alert.wav) through QtMultimedia; the system beep
        where multimedia is not available (no audio library on the machine)."""
        if self._sound is None:
            mm = optional.load("QtMultimedia")
            if mm is None:
                self._sound = False
            else:
                from PySide6.QtCore import QUrl

                self._sound = mm.QSoundEffect(self)
                self._sound.setSource(QUrl.fromLocalFile(str(ALERT_SOUND)))
                self._sound.setVolume(0.9)
        if self._sound:
            self._sound.play()
        else:
            QApplication.beep()
        self.alerts_sounded += 1
