"""Presence at the desk (issue 17): who else is on the case, on the queue, on shift — and what
this console tells the others about itself.

``PresenceDesk`` is wiring around the bridge's roster (console/state/presence.py):
- the incident panel gets a line under its header, "Also open by: 王五 (supervisor, hub-b) ·
  李四 (operator) ✎ acting", amber when someone else is acting on the case;
- the queue marks the id cell of every case someone else has open (a cyan dot, amber when
  someone acts on it) with their names in the cell's tooltip;
- the status bar names the hub in use (the welcome's ``hub``, else the URL's host:port) and who
  is on shift (a count and the first names; every one, with role and hubs, in the tooltip);
- ``presence.set`` goes out, fire and forget, when the case shown in the panel changes
  (``viewing``; null when none, and while replaying) and while the keyboard focus is inside that
  case's actions (``acting``: the note field, a button, a list or its drop-down), and again after
  every reconnect.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from console.state.presence import Announcer, Entry, Person, Roster

ACTING_COLOUR = "#ffb020"
OPEN_COLOUR = "#26c6da"
SHIFT_NAMES = 4  # names the status bar shows before "+n"


def host_port(url: str) -> str:
    """``ws://10.0.0.5:8765/ws`` -> ``10.0.0.5:8765`` (the URL itself when it has no host)."""
    try:
        parts = urlsplit(url)
        return parts.netloc or url
    except ValueError:
        return url


class PresenceDesk(QObject):
    """Presence for one main window: built after its panel, queue and status bar."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = window.bridge
        self.state = window.state
        self.roster: Roster = self.bridge.roster
        self.announcer = Announcer(lambda args: self.bridge.fire("presence.set", args))
        self.my_user = ""
        self.url = str(getattr(self.bridge, "url", "") or "")

        panel = window.panel
        self.case_label = QLabel(objectName="presence-case")
        self.case_label.setWordWrap(True)  # never widens the panel
        self.case_label.setFont(panel._body_font())
        self.case_label.setTextFormat(Qt.TextFormat.PlainText)
        self.case_label.hide()
        lay = panel.parties_label.parentWidget().layout()
        lay.insertWidget(lay.indexOf(panel.parties_label) + 1, self.case_label)

        self.shift_label = QLabel(objectName="presence-shift")
        self.shift_label.setContentsMargins(12, 0, 0, 0)  # apart from the hub's name before it
        window.statusBar().addWidget(self.shift_label)

        # one refresh per turn of the event loop, however many changes came in it
        self._later = QTimer(self, singleShot=True, interval=0, timeout=self.refresh)
        # the case shown, read once the window has shown it (whatever order the handlers run in)
        self._shown_later = QTimer(self, singleShot=True, interval=0, timeout=self._announce_case)
        self.bridge.welcomed.connect(self._on_welcome)
        self.bridge.status.connect(self._on_status)
        panel.history_requested.connect(self._sync_viewing)  # a new case (or a new version) shown
        QApplication.instance().focusChanged.connect(self._on_focus)  # Qt lets go of it with this object
        # the state's and the roster's plain signals: let go when the window goes (they may outlive it)
        plain = [(self.roster.changed, self._changed), (self.state.replay_changed, self._on_replay),
                 (self.state.selected, self._sync_viewing), (self.state.reset, self._sync_viewing)]
        for sig, fn in plain:
            sig.connect(fn)
        self.destroyed.connect(lambda *_a: [sig.disconnect(fn) for sig, fn in plain])
        self.announcer.replaying = bool(self.state.replaying)
        self.refresh()

    # ---- what this console says ----------------------------------------------------------------

    def shown_case(self) -> str | None:
        inc = self.window.panel.incident()
        return str(inc["id"]) if inc and inc.get("id") else None

    def _sync_viewing(self, *_args: Any) -> None:
        self._shown_later.start()

    def _announce_case(self) -> None:
        self.announcer.set_viewing(self.shown_case())
        self._on_focus(None, QApplication.focusWidget())
        self._later.start()

    def _changed(self) -> None:
        self._later.start()

    def _on_status(self, online: bool, _why: str) -> None:
        self.announcer.set_online(online)

    def _on_replay(self, on: bool) -> None:
        self.announcer.set_replaying(on)
        self._sync_viewing()

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Acting: the keyboard focus is inside the shown case's actions (across its pop-ups)."""
        box = self.window.panel.actions_box
        w, inside = new, False
        while w is not None:
            if w is box:
                inside = True
                break
            w = w.parentWidget()
        self.announcer.set_acting(inside and self.shown_case() is not None)

    def _on_welcome(self, who: dict[str, Any]) -> None:
        self.my_user = str(who.get("user") or "")
        self.url = str(who.get("url") or self.url)
        self._later.start()

    # ---- what the others do -------------------------------------------------------------------

    def refresh(self) -> None:
        self._show_case()
        self._mark_queue()
        self._show_shift()

    def _role(self, role: str) -> str:
        names = {"viewer": self.tr("viewer"), "operator": self.tr("operator"), "supervisor": self.tr("supervisor"),
                 "field": self.tr("field"), "sensor": self.tr("sensor"), "admin": self.tr("admin")}
        return names.get(role, role)

    def _many_hubs(self) -> bool:
        return len({e.hub for e in self.roster.entries.values() if e.hub}) > 1

    def who(self, e: Entry, *, hubs: bool | None = None) -> str:
        """"王五 (supervisor, hub-b)"; the hub only where several hubs serve the center; this
        console's own user at another desk says so."""
        hubs = self._many_hubs() if hubs is None else hubs
        if e.user == self.my_user:
            bits = [self.tr("you, at another desk")]
        else:
            bits = [self._role(e.role)]
        if hubs and e.hub:
            bits.append(e.hub)
        text = self.tr("{user} ({details})").format(user=e.user, details=self.tr(", ").join(bits))
        return self.tr("{who} ✎ acting").format(who=text) if e.acting else text

    def case_text(self, incident_id: str | None) -> str:
        others = self.roster.on_case(incident_id)
        if not others:
            return ""
        return self.tr("Also open by: {people}").format(people=" · ".join(self.who(e) for e in others))

    def _show_case(self) -> None:
        iid = self.shown_case()
        text = self.case_text(iid)
        self.case_label.setText(text)
        self.case_label.setVisible(bool(text))
        if not text:
            return
        acting = bool(self.roster.acting_on(iid))
        self.case_label.setStyleSheet(f"color: {ACTING_COLOUR if acting else OPEN_COLOUR};"
                                      + (" font-weight: bold;" if acting else ""))
        self.case_label.setToolTip("\n".join(
            self.tr("{who}: open since {since}").format(who=self.who(e, hubs=True), since=self._hhmm(e.since))
            for e in self.roster.on_case(iid)))

    def _mark_queue(self) -> None:
        marks = {iid: (any(e.acting for e in es),
                       self.tr("Also open by: {people}").format(people=self.tr(", ").join(self.who(e) for e in es)))
                 for iid, es in self.roster.open_elsewhere().items()}
        self.window.queue.model.set_marks(marks)

    def hub_text(self) -> str:
        """"Hub hub-b": the welcome's name for it, else the host:port connected to."""
        return self.tr("Hub {hub}").format(hub=self.bridge.hub_name or host_port(self.url))

    def shift_text(self) -> tuple[str, str]:
        """The status bar's "On shift 5: 王五, 李四, …" (the people; feeds left out) and its
        tooltip with every one of them, their role and hubs, then the feeds."""
        people = self.roster.on_shift()
        feeds = self.roster.on_shift(feeds=True)
        if not people and not feeds:
            return "", ""
        names = [p.user for p in people[:SHIFT_NAMES]]
        if len(people) > SHIFT_NAMES:
            names.append(self.tr("+{n}").format(n=len(people) - SHIFT_NAMES))
        text = self.tr("On shift {n}: {names}").format(n=len(people), names=self.tr(", ").join(names))
        lines = [self.tr("On shift:")] + [f"• {self._person(p)}" for p in people]
        if feeds:
            lines += [self.tr("Feeds and sensors:")] + [f"• {self._person(p)}" for p in feeds]
        return text, "\n".join(lines)

    def _person(self, p: Person) -> str:
        text = self.tr("{user} — {role}").format(user=p.user, role=self._role(p.role))
        if p.hubs:
            text += f" ({', '.join(p.hubs)})"  # hub names: not words to translate
        if p.connections > 1:
            text += " " + self.tr("×{n} desks").format(n=p.connections)
        return text

    def _show_shift(self) -> None:
        hub = self.window.hub_label_w  # the main window's label of the hub: named, the URL in its tooltip
        hub.setText(self.hub_text())
        hub.setToolTip(self.tr("Connected to {url}").format(url=self.url))
        text, tip = self.shift_text()
        self.shift_label.setText(text)
        self.shift_label.setToolTip(tip)
        self.shift_label.setVisible(bool(text))

    def _hhmm(self, iso: str) -> str:
        """An ISO time on the district's clock, as the window's other times."""
        try:
            return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(self.window.tz).strftime("%H:%M")
        except (ValueError, TypeError, AttributeError):
            return iso
