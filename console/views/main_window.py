"""The main window: dockable panels around the offline banner, a status bar that always says
how fresh the data is. It is wiring: the bridge feeds one ConsoleState (console/state), every
panel reads and follows that state, and requests go to the hub as operations with their own
callbacks (HubBridge.run)."""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from console.models.catalog import Catalog
from console.models.lifecycle import Actor, Role
from console.models.names import local_name
from console.models.recommend import fmt_distance
from console.state import ConsoleState, ops
from console.state.filters import IncidentFilter
from console.state.ops import Op

from . import calltaking, optional
from .bridge import HubBridge
from .dashboard import Counters
from .debrief import DebriefRunner
from .evaluation import EvaluationView
from .history import HistoryView
from .incident import IncidentPanel
from .map import BaseMap, MapView
from .presence import PresenceDesk
from .queue import QueueView
from .theme import apply_theme
from .toast import Toast
from .video import VideoWall
from .widgets import DistrictBanner, TickerLabel, age_level, set_level

ALERT_SOUND = Path(__file__).resolve().parents[2] / "resources" / "sounds" / "alert.wav"


class MainWindow(QMainWindow):
    debrief_finished = Signal(str)  # a debrief's outcome, as the status bar says it

    def __init__(self, bridge: HubBridge, catalog: Catalog, *, hub_label: str = "", language: str = "zh_CN",
                 settings: QSettings | None = None, base_map: BaseMap | None = None,
                 state: ConsoleState | None = None) -> None:
        super().__init__()
        self.bridge = bridge
        if state is None:
            state = ConsoleState()
            bridge.attach(state)
        self.state = state
        self.catalog = catalog
        self.tz = catalog.calendar.tz  # every clock on screen in the district's time, like the panel's
        self.language = language
        self.settings = settings or QSettings("CommandConsole", "console")
        self.hub_label = hub_label or bridge.url
        self.user: dict[str, Any] = {}
        self._sound: Any = None  # QSoundEffect once made; False when multimedia is unavailable
        self.alerts_sounded = 0
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
        # replay (issue 16): the amber band with the slider, under the banner, while it replays
        from .replay import ReplayBar

        self.replay_bar = ReplayBar(state, bridge.run, self.tz)
        self.replay_bar.left.connect(bridge.live_again)
        tv.addWidget(self.replay_bar)
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
        self.panel.set_state(state)
        self.counters = Counters()
        self.video = VideoWall(catalog, layout=4, language=language)
        self.wall: Any = None  # a WallController while wall display runs from the menu

        self.docks: dict[str, QDockWidget] = {}
        self._dock("queue", self.tr("Incident queue"), self.queue, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock("incident", self.tr("Incident"), self.panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock("dashboard", self.tr("Dashboard"), self.counters, Qt.DockWidgetArea.TopDockWidgetArea)
        self._dock("video", self.tr("Video wall"), self.video, Qt.DockWidgetArea.BottomDockWidgetArea)
        # the history of every case, closed ones too, a tab beside the queue
        self.history = HistoryView(bridge, catalog, language=language)
        self._dock("history", self.tr("History"), self.history, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.docks["queue"], self.docks["history"])
        self.history.open_incident.connect(self._open_from_history)
        # the numbers a supervisor answers for, a tab beside them; a row opens its cases in History
        self.evaluation = EvaluationView(bridge, catalog, language=language)
        self._dock("evaluation", self.tr("Evaluation"), self.evaluation, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.docks["history"], self.docks["evaluation"])
        self.docks["queue"].raise_()
        self.evaluation.drill_down.connect(self._show_cases)
        self.docks["evaluation"].visibilityChanged.connect(self.evaluation.set_on_view)
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
        self.call_form = calltaking.install(self)  # N: a call taken at this desk

        # every panel follows the one state; the window handles what is the window's own
        self.queue.bind(state)
        self.map.bind(state)
        self.counters.bind(state)
        self.video.bind(state)
        self.evaluation.bind(state)
        state.reset.connect(self._on_reset)
        state.incidents_changed.connect(self._on_incidents_changed)
        state.notice.connect(self._on_notice)
        state.alert.connect(self._on_alert)
        state.connection_changed.connect(self._on_connection)
        state.replay_changed.connect(self._on_replay)
        state.welcomed.connect(self._on_welcome)
        state.selected.connect(self._on_selected)
        self.queue.incident_selected.connect(state.select)
        self.map.incident_clicked.connect(self._on_map_incident)
        self.map.unit_clicked.connect(self._on_map_unit)
        self.map.camera_clicked.connect(self._on_map_camera)
        # the queue's filter is the operator's: the state holds it, the map follows it
        self._filter_timer = QTimer(self, singleShot=True, interval=0, timeout=self._publish_filter)
        self.queue.proxy.modelReset.connect(self._filter_timer.start)
        self.panel.command_requested.connect(self._on_command)
        self.panel.history_requested.connect(self._request_history)
        self.panel.moment_requested.connect(self._replay_moment)
        self.debriefs = DebriefRunner(self.bridge, catalog, language, parent=self)
        self.panel.debrief_requested.connect(lambda kind, key: self.debriefs.ask(self, kind, key, self.debrief_to))
        self.debriefs.progress.connect(lambda text: self.statusBar().showMessage(text))
        self.debriefs.finished.connect(lambda text: (self.statusBar().showMessage(text, 15_000),
                                                     self.toast.show_message(text), self.debrief_finished.emit(text)))
        self._age_timer = QTimer(self, interval=1000, timeout=self._refresh_age)
        self._age_timer.start()
        self._on_connection(state.online, state.why_offline)
        self.presence, self.district_banner = PresenceDesk(self), DistrictBanner(self)  # issues 17, 18

    def menu_bar(self) -> QMenuBar:
        """The menu bar (in the top strip, above the offline banner)."""
        return self._menubar

    # what the window shows comes from the state (read by tests and tools too)
    online = property(lambda self: self.state.online)
    selected = property(lambda self: self.state.selection)
    units = property(lambda self: self.state.units)

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
        replay = QAction(self.tr("Replay this shift"), self)
        replay.triggered.connect(lambda: self.start_replay())
        view.addAction(replay)
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
                "quad": self.tr("Full: map, queue, video, streets (4 screens)"),
                "numbers": self.tr("Numbers: this shift by department, with charts (1 screen)")}

    def start_replay(self, since: Any = None, until: Any = None) -> None:
        """Replay [since, until] (default: this shift so far) on every panel; Back to live ends it."""
        from datetime import UTC

        from console.state.periods import window

        now = datetime.now(UTC)
        start, _ = window("shift", now, self.tz)
        self.replay_bar.start(since or start, until or now)

    def _on_replay(self, on: bool) -> None:
        """Replaying: commands held, and every panel's title an amber band like the replay bar."""
        self.panel.set_online(self.state.online and not on, replaying=on)
        for dock in self.docks.values():
            dock.setProperty("replay", on)
            dock.style().unpolish(dock)
            dock.style().polish(dock)

    def _replay_moment(self, at: str) -> None:
        """A step of the case's timeline double-clicked while replaying: the center at that moment."""
        if self.state.replaying and at:
            self.replay_bar.seek(datetime.fromisoformat(at.replace("Z", "+00:00")))

    def debrief_to(self, kind: str, key: str, path: str) -> bool:
        """Write the debrief of a case (``kind`` "case") or a drill run ("drill") to ``path``
        (views/debrief.py's DebriefRunner); False when it cannot start. ``debrief_finished`` says
        how it ended, as the status bar and a toast do."""
        self.debriefs.language = self.language
        return self.debriefs.write(kind, key, path, user=str(self.user.get("user") or ""))

    def open_wall(self, preset: str, *, fullscreen: bool = True) -> Any:
        """Run a wall-display preset on the same connection (Esc on a wall screen closes it)."""
        from .wall.controller import WallController

        if self.wall is not None:
            self.wall.close()
        # another set of views on the same state: nothing to copy, nothing to catch up
        self.wall = WallController(self.state, self.catalog, preset, language=self.language, base_map=self.map.base,
                                   bridge=self.bridge)
        self.wall.closed.connect(self._wall_closed)
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

    def _on_welcome(self, who: Any) -> None:
        first = not self.user
        self.user = {"user": who.user, "role": who.role, "team": who.team, "grids": list(who.grids)}
        role = Role(who.role)
        actor = Actor(who.user, role, who.team, frozenset(who.grids))
        self.panel.set_context(actor, self.catalog)
        self.evaluation.who = who.user
        self.user_label.setText(self.tr("{user} · {role}").format(user=who.user, role=self._role_name(role)))
        if first:
            self.restore_layout()

    def _role_name(self, role: Role) -> str:
        names = {Role.VIEWER: self.tr("viewer"), Role.OPERATOR: self.tr("operator"),
                 Role.SUPERVISOR: self.tr("supervisor"), Role.FIELD: self.tr("field"),
                 Role.SENSOR: self.tr("sensor"), Role.ADMIN: self.tr("admin")}
        return names[role]

    def _on_reset(self) -> None:
        if self.selected:
            self.panel.show_incident(self.state.incidents.get(self.selected))

    def _on_incidents_changed(self, upserted: list[dict[str, Any]], removed: list[dict[str, Any]]) -> None:
        sel = self.selected
        if not sel:
            return
        latest = next((i for i in (*upserted, *removed) if i["id"] == sel), None)
        if latest is not None:
            self.panel.show_incident(latest)  # the panel asks for the new timeline itself
            self._show_nearby()

    def _on_connection(self, connected: bool, why: str) -> None:
        # a reconnect during a replay keeps the commands held
        self.panel.set_online(connected and not self.state.replaying, replaying=connected and self.state.replaying)
        if connected:
            self.banner.hide()
            self.conn_label.setText(self.tr("● Online"))
            self.conn_label.setProperty("state", "online")
        else:
            since = datetime.fromtimestamp(self.state.offline_since or time.time(), self.tz).strftime("%H:%M:%S")
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
        at = self.state.last_data_at
        if at is None:
            self.age_label.setText(self.tr("no data yet"))
            return
        age = time.time() - at
        stamp = datetime.fromtimestamp(at, self.tz).strftime("%H:%M:%S")
        self.age_label.setText(self.tr("data as of {time} ({age} s ago)").format(time=stamp, age=int(age)))
        set_level(self.age_label, age_level(age, self.online))

    # ---- user actions -------------------------------------------------------------------------

    def _on_selected(self, incident_id: str | None) -> None:
        """The state's selection changed: the queue, the panel, the map and the video follow."""
        inc = self.state.incidents.get(incident_id) if incident_id else None
        if incident_id and self.queue.selected_id() != incident_id:
            self.queue.select_incident(incident_id)
        self.panel.show_incident(inc)
        self.map.select(incident_id, fly=not self._map_selecting)
        self._show_nearby()
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
        badge = self.tr("[CAP Exercise] {text}") if notice.get("drill") else self.tr("[CAP Actual] {text}")
        text = badge.format(text=text) if notice.get("cap_id") else text  # it sent a CAP alert (docs/CAP.md)
        self.toast.show_message(text)
        if notice.get("level") == "urgent":
            self.play_alert()

    @Slot(str)
    def _on_map_incident(self, incident_id: str) -> None:
        """A marker clicked on the map selects the incident in the queue and the panel."""
        self._map_selecting = True
        try:
            self.state.select(incident_id)  # shown even when the queue's filter hides its row
        finally:
            self._map_selecting = False

    @Slot(str)
    def _on_map_unit(self, unit_id: str) -> None:
        u = self.units.get(unit_id)
        if u:
            team = self.catalog.teams.get(u.get("team", ""))
            name = local_name(team, self.language, u.get("team", ""))
            self.statusBar().showMessage(self.tr("Unit {unit} ({team}): {status}").format(
                unit=u.get("callsign") or unit_id, team=name, status=self.map.status_name(u.get("status", ""))), 8000)

    def _show_nearby(self) -> None:
        """"Teams near here": the panel's recommended free teams, at their nearest free unit."""
        if not self.selected:
            self.map.set_nearby([])
            return
        inc = self.state.incidents.get(self.selected)
        if inc is None:
            self.map.set_nearby([])
            return
        out: list[tuple[float, float, str]] = []
        # none for an unknown category; each drawn where its distance was measured from (its
        # nearest free unit, or its home grid)
        for rec in self.state.recommend(self.catalog, inc, 3):
            team = self.catalog.teams.get(rec.team)
            name = local_name(team, self.language, rec.team)
            out.append((rec.at[0], rec.at[1], f"{name} · {fmt_distance(rec.distance_m)}"))
        self.map.set_nearby(out)

    def _open_from_history(self, inc: dict[str, Any]) -> None:
        """A case found in the history: selected like any when it is open; a closed one is shown
        in the incident panel with its timeline (a supervisor may reopen it there)."""
        held = self.state.incidents.get(inc.get("id") or "")
        if held is not None and (held.get("version") or 0) >= (inc.get("version") or 0):
            self.state.select(inc["id"])
        else:
            self.state.select(None)
            self.panel.show_incident(inc)
        self.docks["incident"].show()
        self.docks["incident"].raise_()

    def _show_cases(self, filters: dict[str, Any]) -> None:
        self.history.show_cases(filters)
        self.docks["history"].show()
        self.docks["history"].raise_()

    def _publish_filter(self) -> None:
        self.state.set_filter(IncidentFilter.of(**self.queue.proxy.filters()))

    @Slot(str)
    def _request_history(self, incident_id: str) -> None:
        if not self.online or not incident_id:
            return
        self.bridge.run(ops.history(incident_id),
                        on_success=lambda res: self.panel.set_history(incident_id, res.get("transitions", [])))

    @Slot(str, object)
    def _on_command(self, name: str, args: dict[str, Any]) -> None:
        if not self.online:
            self.panel.show_result(False, self.tr("Offline: the command was not sent"))
            return
        self.bridge.run(Op(name, args), on_success=lambda _res: self.panel.show_result(True, self.tr("Done")),
                        on_failure=lambda res: self.panel.show_result(
                            False, f"{res.get('code', '')}: {res.get('message', '')}"))

    def _on_alert(self, incident: dict[str, Any], reason: str) -> None:
        if reason == "new_urgent":
            text = self.tr("New urgent incident {id}: {description}")
        elif reason == "urged":
            text = self.tr("The control room urges incident {id}, assigned to your team: {description}")
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
