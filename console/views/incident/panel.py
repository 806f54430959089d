"""One incident in full, its timeline, and the dispatch controls the actor may use.

The panel never talks to the hub: it emits ``command_requested`` and ``history_requested`` and
is told the answers (``show_result``, ``set_history``). Which buttons exist comes only from
``lifecycle.allowed_actions`` (the table the hub enforces), so the screen and the hub agree.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QTreeWidgetItem,
    QWidget,
)

from console.models import lifecycle as lc
from console.models.catalog import Catalog
from console.models.lifecycle import Actor, Role, State
from console.models.names import local_name
from console.models.recommend import Recommendation, TeamStatus
from console.state import derived

from . import actions, build, caselife
from .common import (
    _NO_RATING,
    ACTION_NAMES,
    BASE_POINT_SIZE,
    ERROR_COLOUR,
    OK_COLOUR,
    SLA_COLOURS,
    _fmt_span,
    _when,
)


# the actions whose note field says why: the hub refuses them without one
class IncidentPanel(QWidget):
    """Details, SLA countdown, timeline and dispatch controls of the selected incident."""

    command_requested = Signal(str, dict)  # ("incident.dispatch", {"incident": …, "expect_version": v, …})
    history_requested = Signal(str)  # incident id; answered with set_history()
    moment_requested = Signal(str)  # the ISO time of a timeline step double-clicked (a replay goes there)
    debrief_requested = Signal(str, str)  # ("case", incident id) or ("drill", drill run id)


    # built, and acting, in build.py and actions.py: functions of the panel kept beside it
    _build = build._build
    _shortcut = build._shortcut
    _combo_restore = actions._combo_restore
    _fill_dispatch_targets = actions._fill_dispatch_targets
    _fill_departments = actions._fill_departments
    _fill_reopen_targets = actions._fill_reopen_targets
    _fill_merge_suggestions = actions._fill_merge_suggestions
    _merge_pick = actions._merge_pick
    _send = actions._send
    _target = actions._target
    _trigger = actions._trigger
    _op_dispatch = actions._op_dispatch
    _op_escalate = actions._op_escalate
    _op_merge = actions._op_merge
    _op_close = actions._op_close
    _op_reopen = actions._op_reopen
    _dispatch_first = actions._dispatch_first
    _build_case_life = caselife._build_case_life
    _retranslate_case_life = caselife._retranslate_case_life
    _render_case_life = caselife._render_case_life
    _render_case_details = caselife._render_case_details
    _fill_assists = caselife._fill_assists
    _callbacks_text = caselife._callbacks_text
    _trigger_case = caselife._trigger_case
    _history_detail = caselife._history_detail
    assist_ids = caselife.assist_ids
    set_assists = caselife.set_assists

    def __init__(self, parent: QWidget | None = None, *, now_fn: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._now = now_fn or (lambda: datetime.now(UTC))
        self._actor: Actor | None = None
        self._catalog: Catalog | None = None
        self._lang = "en"
        self._tz: tzinfo = ZoneInfo("Asia/Shanghai")
        self._incident: dict[str, Any] | None = None
        self._history: list[dict[str, Any]] = []
        self._allowed: set[str] = set()
        self._online = True
        self._replaying = False
        self._recs: list[Recommendation] = []
        self._drafts: dict[str, str] = {}  # half-typed notes per incident, kept across selections
        self._incidents_fn: Callable[[], Mapping[str, dict]] = dict
        self._units_fn: Callable[[], Mapping[str, dict]] = dict

        # The countdown is computed locally each second; the hub only sends colour changes.
        self.countdown_timer = QTimer(self)
        self.countdown_timer.setInterval(1000)
        self.countdown_timer.timeout.connect(self.tick)

        f = self.font()
        f.setPointSizeF(max(f.pointSizeF(), BASE_POINT_SIZE))
        self.setFont(f)
        self._build()
        self._retranslate()
        self._render()

    # ------------------------------------------------------------------ public API

    def set_context(self, actor: Actor, catalog: Catalog) -> None:
        self._actor, self._catalog = actor, catalog
        tz = getattr(getattr(catalog, "calendar", None), "tz", None)
        self._tz = tz or ZoneInfo(getattr(catalog.district, "timezone", "Asia/Shanghai") or "Asia/Shanghai")
        self._render()

    def set_language(self, lang: str) -> None:
        """Reference-data names in ``"zh_CN"`` or ``"en"`` (UI strings follow the translator)."""
        self._lang = "zh_CN" if lang.lower().startswith("zh") else "en"
        self._render()
        self._fill_history()

    def set_incidents_provider(self, fn: Callable[[], Mapping[str, dict]]) -> None:
        """Active incidents by id: duplicate suggestions and team loads come from here."""
        self._incidents_fn = fn

    def set_state(self, state: Any) -> None:
        """Read incidents and units from the console's state (console.state.ConsoleState)."""
        self.set_incidents_provider(lambda: state.incidents)
        self.set_units_provider(lambda: state.units)

    def set_units_provider(self, fn: Callable[[], Mapping[str, dict]]) -> None:
        """Live units by id (``team, lat, lon, status``): where the free crews are."""
        self._units_fn = fn

    def incident(self) -> dict[str, Any] | None:
        return self._incident

    def show_incident(self, incident: dict[str, Any] | None) -> None:
        old = self._incident
        old_id = old.get("id") if old else None
        new_id = incident.get("id") if incident else None
        if old and incident and old_id == new_id and (incident.get("version") or 0) < (old.get("version") or 0):
            return  # an older copy arriving late must not roll the screen back
        if old_id != new_id:
            if old_id:
                self._drafts[old_id] = self.note_edit.toPlainText()
            self._clear_inputs()
            if new_id:
                self.note_edit.setPlainText(self._drafts.pop(new_id, ""))
            self._history = []
            self.result_label.clear()
        self._incident = dict(incident) if incident else None
        self._render()
        # A new incident, or a new version of this one: the timeline has to catch up.
        if new_id and (old_id != new_id or (old or {}).get("version") != incident.get("version")):
            self.history_requested.emit(new_id)

    def set_history(self, incident_id: str, transitions: list[dict]) -> None:
        if not self._incident or self._incident.get("id") != incident_id:
            return  # an answer for an incident no longer shown
        self._history = list(transitions)
        self._fill_history()

    def show_result(self, ok: bool, message: str) -> None:
        colour = OK_COLOUR if ok else ERROR_COLOUR
        text = message or (self.tr("Done") if ok else self.tr("Refused"))
        self._set_result(text, colour)
        if ok:
            self._clear_inputs()
            if self._incident and "close" in self._allowed:
                caselife.propose_rating(self, self._incident.get("callbacks") or [])

    def set_online(self, online: bool, *, replaying: bool = False) -> None:
        """Actions on or off; ``replaying``: off because the console shows the past, said so
        (not "offline": the hub is there)."""
        self._online = online
        self._replaying = replaying
        self._say_stale()
        self._apply_enabled()

    def _say_stale(self) -> None:
        self.stale_label.setText(
            self.tr("Replay: this is the center as it was; actions are held until you go back to live.")
            if self._replaying else
            self.tr("Offline: the data shown may be stale; actions are disabled until the hub is back."))

    def is_online(self) -> bool:
        return self._online

    def visible_actions(self) -> list[str]:
        """Names of the action controls the user can see, in screen order."""
        return [n for n in ACTION_NAMES if self.buttons[n].isVisibleTo(self)]

    def visible_case_actions(self) -> list[str]:
        """Names of the case-life controls the user can see (urge, extend, park, call-back…)."""
        return [n for n, b in self.case_buttons.items() if b.isVisibleTo(self)]

    def recommendations(self) -> list[Recommendation]:
        return list(self._recs)

    def team_status(self) -> dict[str, TeamStatus]:
        """Each team's free units and load, from the live units and incidents."""
        return self._team_status()

    def refresh_suggestions(self) -> None:
        """Recompute recommended teams and duplicate suggestions from the providers."""
        self._fill_dispatch_targets()
        self._fill_merge_suggestions()

    def tick(self) -> None:
        """Refresh the countdown from the injected clock."""
        inc = self._incident
        deadline = _when(inc.get("deadline")) if inc else None
        if not inc or deadline is None or not inc.get("stage"):
            self.countdown_label.setText(self.tr("No time limit running") if inc else "")
            self.countdown_label.setStyleSheet("")
            return
        left = (deadline - self._now()).total_seconds()
        stage = self._stage_name(inc["stage"])
        due = deadline.astimezone(self._tz).strftime("%Y-%m-%d %H:%M")
        if left >= 0:
            text = self.tr("{stage}: {left} left (due {due})").format(stage=stage, left=_fmt_span(left), due=due)
            self.countdown_label.setStyleSheet("")
        else:
            text = self.tr("{stage}: OVERDUE by {late} (was due {due})").format(
                stage=stage, late=_fmt_span(left), due=due
            )
            self.countdown_label.setStyleSheet(f"color: {SLA_COLOURS['red']};")
        self.countdown_label.setText(text)

    # ------------------------------------------------------------------ building

    def _heading_font(self, scale: float = 1.25) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(self.font().pointSizeF() * scale)
        f.setBold(True)
        return f

    def _body_font(self) -> QFont:
        # Explicitly not bold: children of the bold-titled group boxes would inherit it.
        f = QFont(self.font())
        f.setBold(False)
        return f

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._render()
            self._fill_history()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.empty_label.setText(self.tr("Select an incident"))
        self.drill_badge.setText(self.tr("DRILL 演练"))
        self.drill_badge.setToolTip(self.tr("An exercise: not a real incident"))
        self.details_box.setTitle(self.tr("Details"))
        self.actions_box.setTitle(self.tr("Actions"))
        self.history_box.setTitle(self.tr("Timeline"))
        self.debrief_button.setText(self.tr("Debrief (PDF)…"))
        self.debrief_button.setToolTip(self.tr("This case's timeline with the map at its key moments, as a PDF"))
        self.debrief_run_button.setText(self.tr("Drill run debrief (PDF)…"))
        self.debrief_run_button.setToolTip(self.tr("The whole drill run this case belongs to: every case's "
                                                   "timeline and the map at the run's key moments"))
        captions = {
            "category": self.tr("Category"), "description": self.tr("Description"), "place": self.tr("Place"),
            "grid": self.tr("Grid"), "address": self.tr("Address"), "coords": self.tr("Coordinates"),
            "reporter": self.tr("Reporter"), "source": self.tr("Channel"), "reported_at": self.tr("Reported"),
            "photo": self.tr("Photo"), "assignee": self.tr("Assigned to"), "rework": self.tr("Rework"),
            "merged_into": self.tr("Merged into"), "satisfaction": self.tr("Satisfaction"),
            "extension": self.tr("More time"), "parked": self.tr("Parked"),
            "urged": self.tr("Urged"), "callbacks": self.tr("Call-backs"),
            "department_rating": self.tr("Street's rating"),
        }
        for key, (name, _) in self._fields.items():
            name.setText(captions[key])
        self.note_caption.setText(self.tr("Note / reason (Alt+N)"))
        self.note_edit.setPlaceholderText(self.tr("Required to reject, return, escalate, reopen or fail a check"))
        self.note_edit.setToolTip(self.tr("Alt+N focuses this field; Ctrl+Enter accepts"))
        texts = {
            "accept": (self.tr("Accept"), self.tr("Register the case (A or Ctrl+Enter)")),
            "acknowledge": (self.tr("Acknowledge"), self.tr("Sign for the case on behalf of the team")),
            "reject": (self.tr("Reject"), self.tr("Void the case; the reason in the note field is required")),
            "return": (self.tr("Return"), self.tr("Send the case back; the reason is required")),
            "resolve": (self.tr("Resolve"), self.tr("Report the case handled; the note says how")),
            "verify_pass": (self.tr("Check passed"), self.tr("Verified on site: really fixed")),
            "verify_fail": (self.tr("Check failed"), self.tr("Not fixed: back to the team as rework; say why")),
            "note": (self.tr("Add note"), self.tr("Add the note field's text to the timeline")),
            "dispatch": (self.tr("Dispatch"),
                         self.tr("Send to the chosen team or department (D sends to the first recommendation)")),
            "escalate": (self.tr("Escalate"), self.tr("Call a district department; the reason is required")),
            "merge": (self.tr("Merge"), self.tr("Mark this case a duplicate of the chosen one")),
            "close": (self.tr("Close"), self.tr("Close after the call-back with the reporter's rating")),
            "reopen": (self.tr("Reopen"), self.tr("Open the case again; the reason is required")),
        }
        for n, (label, tip) in texts.items():
            self.buttons[n].setText(label)
            self.buttons[n].setToolTip(tip)
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Recompute the recommended teams from the live units"))
        self.dispatch_combo.setToolTip(
            self.tr("Recommended free teams first (distance, open cases); D dispatches to the first"))
        self.merge_caption.setText(self.tr("Possible duplicates nearby (same category, within 500 m and 24 h)"))
        self.merge_id_edit.setPlaceholderText(self.tr("Or type the id of the incident to merge into"))
        self.history_view.setHeaderLabels([self.tr("Time"), self.tr("Who"), self.tr("What"), self.tr("Note")])
        self._say_stale()
        self._fill_satisfaction()
        self._retranslate_case_life()

    def _fill_satisfaction(self) -> None:
        keep = self.satisfaction_combo.currentData()
        self.satisfaction_combo.clear()
        self.satisfaction_combo.addItem(self.tr("Call-back rating…"), None)
        for n in range(5, 0, -1):
            self.satisfaction_combo.addItem(self.tr("{stars} {n} of 5").format(stars="★" * n + "☆" * (5 - n), n=n), n)
        self.satisfaction_combo.addItem(self.tr("No call-back (unrated)"), _NO_RATING)
        i = self.satisfaction_combo.findData(keep)
        self.satisfaction_combo.setCurrentIndex(max(0, i))

    def _state_name(self, state: str) -> str:
        names = {
            "reported": self.tr("Reported"), "accepted": self.tr("Accepted"), "dispatched": self.tr("Dispatched"),
            "acknowledged": self.tr("Acknowledged"), "returned": self.tr("Returned"),
            "escalated": self.tr("Escalated"), "resolved": self.tr("Resolved"), "verified": self.tr("Verified"),
            "closed": self.tr("Closed"), "rejected": self.tr("Rejected"), "merged": self.tr("Merged"),
        }
        return names.get(state, state)

    def _action_name(self, action: str) -> str:
        names = {
            "report": self.tr("report"), "accept": self.tr("accept"), "reject": self.tr("reject"),
            "merge": self.tr("merge"), "dispatch": self.tr("dispatch"), "acknowledge": self.tr("acknowledge"),
            "return": self.tr("return"), "escalate": self.tr("escalate"), "resolve": self.tr("resolve"),
            "verify_pass": self.tr("check passed"), "verify_fail": self.tr("check failed"),
            "close": self.tr("close"), "reopen": self.tr("reopen"), "note": self.tr("note"),
            "sla": self.tr("time limit"), "urge": self.tr("urge"), "callback": self.tr("call-back"),
            "extend": self.tr("more time asked"), "extend_decide": self.tr("more time decided"),
            "rate_department": self.tr("department rated"),
            "park": self.tr("park"), "unpark": self.tr("unpark"), "import_close": self.tr("closed at its source"),
        }
        return names.get(action, action)

    def _stage_name(self, stage: str) -> str:
        names = {
            "accept": self.tr("Accept"), "dispatch": self.tr("Dispatch"), "acknowledge": self.tr("Acknowledge"),
            "resolve": self.tr("Resolve"), "verify": self.tr("Verify"),
        }
        return names.get(stage, stage)

    def _role_name(self, role: str) -> str:
        names = {
            "viewer": self.tr("viewer"), "operator": self.tr("operator"), "supervisor": self.tr("supervisor"),
            "field": self.tr("field"), "sensor": self.tr("sensor"), "admin": self.tr("admin"),
            "system": self.tr("system"),
        }
        return names.get(role, role)

    def _source_name(self, source: str) -> str:
        names = {
            "grid": self.tr("grid worker"), "hotline": self.tr("12345 hotline"), "12345": self.tr("12345 hotline"),
            "110": self.tr("110 police transfer"), "sensor": self.tr("sensor"), "web": self.tr("web"),
            "mailbox": self.tr("mailbox"), "import": self.tr("import"), "drill": self.tr("drill"),
            "demo": self.tr("demo feed"),
        }
        return names.get(source, source)

    # ------------------------------------------------------------------ reference names

    def _name(self, obj: Any) -> str:
        if obj is None:
            return ""
        return local_name(obj, self._lang)

    def _lookup(self, table: str, key: str | None) -> Any:
        if not self._catalog or not key:
            return None
        return getattr(self._catalog, table).get(key)

    def _assignee_name(self, assignee: str | None, kind: str | None) -> str:
        if not assignee:
            return ""
        obj = self._lookup("departments" if kind == "department" else "teams", assignee) or self._lookup(
            "teams", assignee) or self._lookup("departments", assignee)
        return f"{self._name(obj)} ({assignee})" if obj else assignee

    def _local(self, when: Any) -> str:
        t = _when(when)
        return t.astimezone(self._tz).strftime("%Y-%m-%d %H:%M:%S") if t else ""

    # ------------------------------------------------------------------ rendering

    def _render(self) -> None:
        inc = self._incident
        if not inc:
            self.stack.setCurrentIndex(0)
            self._allowed = set()
            self.countdown_timer.stop()
            return
        self.stack.setCurrentIndex(1)
        dash = "—"
        state = str(inc.get("state") or inc.get("status") or "")
        self.id_label.setText(str(inc.get("id", "")))
        self.drill_badge.setVisible(bool(inc.get("drill")))
        self.debrief_run_button.setVisible(bool((inc.get("extra") or {}).get("drill_run")))
        self.state_badge.setText(self._state_name(state))
        urgent = inc.get("priority") == "urgent"
        self.priority_label.setText(self.tr("URGENT") if urgent else self.tr("Normal"))
        self.priority_label.setStyleSheet(f"color: {SLA_COLOURS['red']};" if urgent else "")
        sla = inc.get("sla")
        if sla in SLA_COLOURS:
            sla_text = {"green": self.tr("On time"), "blue": self.tr("Nearing limit"), "red": self.tr("Overdue")}[sla]
            self.sla_badge.setText(sla_text)
            self.sla_badge.setStyleSheet(
                f"background: {SLA_COLOURS[sla]}; color: white; padding: 2px 8px; border-radius: 4px;"
            )
            self.sla_badge.show()
        else:
            self.sla_badge.hide()

        v = {k: val for k, (_, val) in self._fields.items()}
        code = inc.get("category") or ""
        cat = self._lookup("categories", code)
        v["category"].setText(f"{self._name(cat)} ({code})" if cat else code or dash)
        v["description"].setText(inc.get("description") or dash)
        parts = [self._name(self._lookup("streets", inc.get("street"))),
                 self._name(self._lookup("communities", inc.get("community")))]
        v["place"].setText(" · ".join(p for p in parts if p) or dash)
        grid = inc.get("grid")
        g = self._lookup("grids", grid)
        v["grid"].setText(f"{self._name(g)} ({grid})" if g else (grid or dash))
        v["address"].setText(inc.get("address") or dash)
        try:
            v["coords"].setText(f"{float(inc['lat']):.6f}, {float(inc['lon']):.6f}")
        except (KeyError, TypeError, ValueError):
            v["coords"].setText(dash)
        v["reporter"].setText(inc.get("reporter") or inc.get("reported_by") or dash)
        v["source"].setText(self._source_name(inc["source"]) if inc.get("source") else dash)
        v["reported_at"].setText(self._local(inc.get("reported_at")) or dash)
        url = str(inc.get("photo_url") or "")
        if url.lower().startswith(("http://", "https://")):
            # Only web links become clickable: no file:, javascript: or intranet shell schemes.
            link = html.escape(self.tr("Open photo"))
            self.photo_label.setText(f'<a href="{html.escape(url, quote=True)}">{link}</a>')
            self.photo_label.setToolTip(url)
        else:
            self.photo_label.setText(dash)
            self.photo_label.setToolTip("")
        name = self._assignee_name(inc.get("assignee"), inc.get("assignee_kind"))
        if name and inc.get("escalated"):
            name = self.tr("{name} — escalated").format(name=name)
        v["assignee"].setText(name or dash)
        v["rework"].setText(str(inc.get("rework") or 0))
        v["merged_into"].setText(inc.get("merged_into") or dash)
        sat = inc.get("satisfaction")
        v["satisfaction"].setText(("★" * int(sat) + "☆" * (5 - int(sat))) if isinstance(sat, int) else dash)

        self._update_actions()
        self.tick()
        if inc.get("deadline") and inc.get("stage"):
            if not self.countdown_timer.isActive():
                self.countdown_timer.start()
        else:
            self.countdown_timer.stop()


    def _update_actions(self) -> None:
        inc, actor = self._incident, self._actor
        allowed: set[str] = set()
        if inc and actor:
            try:
                state = State(inc.get("state") or inc.get("status"))
            except ValueError:
                state = None
            if state is not None:
                acts = lc.allowed_actions(state, actor, inc.get("assignee"), inc.get("grid"))
                allowed = {a.value for a in acts}
                if actor.role in lc.NOTE_ROLES and (
                    actor.role is not Role.FIELD or lc.capacities(actor, inc.get("assignee"), inc.get("grid"))
                ):  # the hub lets field users note only cases they work on
                    allowed.add("note")
                allowed |= caselife.allowed_case_life(inc, actor) & {"acknowledge"}  # an assist's own
        self._allowed = allowed
        for n, b in self.buttons.items():
            b.setVisible(n in allowed)
        self.dispatch_row.setVisible("dispatch" in allowed)
        self.escalate_row.setVisible("escalate" in allowed)
        self.merge_row.setVisible("merge" in allowed)
        self.close_row.setVisible("close" in allowed)
        self.reopen_row.setVisible("reopen" in allowed)
        self.reopen_combo.setVisible("reopen" in allowed and not (inc or {}).get("assignee"))
        self._case_allowed = self._render_case_life(allowed)
        self.actions_box.setVisible(bool(allowed or self._case_allowed))
        if "dispatch" in allowed:
            self._fill_dispatch_targets()
        if "merge" in allowed:
            self._fill_merge_suggestions()
        if "escalate" in allowed:
            self._fill_departments()
        if "reopen" in allowed:
            self._fill_reopen_targets()
        self._apply_enabled()

    def _apply_enabled(self) -> None:
        on = self._online
        for w in (*self.buttons.values(), self.dispatch_combo, self.refresh_button, self.escalate_combo,
                  self.merge_list, self.satisfaction_combo, self.reopen_combo, *self.case_buttons.values(),
                  self.assist_list, self.urge_combo, self.reached_combo, self.extend_until):
            w.setEnabled(on)
        # Text fields stay editable offline so a half-typed note survives a reconnect.
        self.stale_label.setVisible(not on)

    # ------------------------------------------------------------------ combos and lists

    def _team_status(self) -> dict[str, TeamStatus]:
        return derived.team_status(self._catalog, (self._units_fn() or {}).values(),
                                   (self._incidents_fn() or {}).values())

    def merge_suggestions(self) -> list[tuple[str, float]]:
        """(id, metres) of likely duplicates of the shown incident, nearest first."""
        if not self._incident:
            return []
        return derived.merge_suggestions(self._incident, self._incidents_fn() or {}, self._now())

    def _fill_history(self) -> None:
        self.history_view.clear()
        for t in self._history:
            who = t.get("actor") or ""
            if t.get("role"):
                who = f"{who} ({self._role_name(t['role'])})"
            what = self._action_name(t.get("action") or "")
            if t.get("to") and t.get("to") != t.get("from"):
                what = f"{what} → {self._state_name(t['to'])}"
            data = t.get("data") or {}
            target = data.get("team") or data.get("department") or data.get("into")
            if target:
                what += f" ({self._assignee_name(target, 'department' if data.get('department') else None)})"
            detail = self._history_detail(t)
            if detail:
                what += f" — {detail}"
            elif data.get("satisfaction"):
                what += " " + "★" * int(data["satisfaction"])
            note = t.get("note") or ""
            if t.get("action") == "sla":  # the clock: "green→blue" in the operator's words
                colours = {"green": self.tr("green"), "blue": self.tr("blue"), "red": self.tr("red")}
                note = "→".join(colours.get(c, c) for c in note.split("→"))
            item = QTreeWidgetItem([self._local(t.get("at")), who, what, note])
            item.setToolTip(3, note)
            item.setData(0, Qt.ItemDataRole.UserRole, t.get("at"))
            self.history_view.addTopLevelItem(item)
        if self.history_view.topLevelItemCount():
            self.history_view.scrollToItem(self.history_view.topLevelItem(self.history_view.topLevelItemCount() - 1))

    # ------------------------------------------------------------------ commands

    def _clear_inputs(self) -> None:
        self.note_edit.clear()
        self.merge_id_edit.clear()
        self.merge_list.clearSelection()
        self.merge_list.setCurrentItem(None)
        self.satisfaction_combo.setCurrentIndex(0)
        self.set_assists([])
        self.callback_rating.setCurrentIndex(0)
        self.urge_combo.setCurrentIndex(0)  # a supervision-level urge never carries over to the next case
        self.reached_combo.setCurrentIndex(0)
        if self.reopen_combo.count():
            self.reopen_combo.setCurrentIndex(0)

    def _set_result(self, text: str, colour: str) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(f"color: {colour};")

    def _refuse(self, text: str, focus: QWidget | None = None) -> None:
        self._set_result(text, ERROR_COLOUR)
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _usable(self, name: str) -> bool:
        return bool(self._incident) and self._online and name in self._allowed

    def _focus_note(self) -> None:
        if self._incident and not self.note_edit.isHidden():
            self.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)


__all__ = ["ACTION_NAMES", "IncidentPanel"]
