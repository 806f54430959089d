"""The desk's case life in the incident panel (CONTRACT §5, issue 13): who works the case in a
joint dispatch and whether each party has acknowledged; more time asked and decided (延期); the
clock parked (挂账); urging (催办/督办); the reporter's call-back (回访). Functions of the panel,
with its translation context; which controls show comes from models/case_life.allowed_case_life,
the hub's own rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.models.case_life import CASE_ACTIONS, allowed_case_life
from console.state import ops

from ..flow import FlowLayout
from .common import _when


def _build_case_life(self, act: QVBoxLayout) -> None:
    """The case-life rows, added to the panel's actions box under the dispatch row."""
    self.case_buttons: dict[str, QPushButton] = {}
    for n in CASE_ACTIONS:
        b = QPushButton(objectName=f"case-{n}")
        b.setFont(self._body_font())
        b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        b.clicked.connect(lambda _=False, n=n: self._trigger_case(n))
        self.case_buttons[n] = b

    # joint dispatch: the assisting teams and departments, ticked; the lead is the dispatch combo
    self.assist_row = QWidget()
    col = QVBoxLayout(self.assist_row)
    col.setContentsMargins(0, 0, 0, 0)
    self.assist_caption = QLabel()
    self.assist_caption.setWordWrap(True)
    self.assist_caption.setFont(self._body_font())
    self.assist_list = QListWidget(objectName="assist-list")
    self.assist_list.setFont(self._body_font())
    self.assist_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
    col.addWidget(self.assist_caption)
    col.addWidget(self.assist_list)
    act.addWidget(self.assist_row)

    # a pending request for more time, with the desk's two answers
    self.extension_label = QLabel(objectName="extension-pending")
    self.extension_label.setWordWrap(True)
    self.extension_label.setFont(self._body_font())
    act.addWidget(self.extension_label)
    self.case_row = QWidget()
    flow = FlowLayout(self.case_row, spacing=6)
    for n in ("extend_approve", "extend_refuse", "park", "unpark"):
        flow.addWidget(self.case_buttons[n])
    act.addWidget(self.case_row)

    def line(*widgets: QWidget) -> QWidget:
        w = QWidget()
        flow = FlowLayout(w, spacing=6)  # wraps on a narrow panel: the actions never push it sideways
        for x in widgets:
            flow.addWidget(x)
        act.addWidget(w)
        return w

    self.extend_until = QDateTimeEdit(objectName="extend-until", calendarPopup=True)
    self.extend_until.setDisplayFormat("yyyy-MM-dd HH:mm")
    self.extend_until.setFont(self._body_font())
    self.extend_row = line(self.extend_until, self.case_buttons["extend"])
    self.urge_combo = QComboBox(objectName="urge-level")
    self.urge_combo.setFont(self._body_font())
    self.urge_row = line(self.urge_combo, self.case_buttons["urge"])
    self.reached_combo = QComboBox(objectName="callback-reached")
    self.reached_combo.setFont(self._body_font())
    self.callback_rating = QComboBox(objectName="callback-rating")
    self.callback_rating.setFont(self._body_font())
    self.callback_row = line(self.reached_combo, self.callback_rating, self.case_buttons["callback"])
    self.reached_combo.currentIndexChanged.connect(
        lambda _i: self.callback_rating.setEnabled(bool(self.reached_combo.currentData()) and self._online)
    )
    # two-way assessment: the calling street's stars for the department that handled the case
    self.dept_stars = QComboBox(objectName="department-stars")
    self.dept_stars.setFont(self._body_font())
    self.rate_row = line(self.dept_stars, self.case_buttons["rate_department"])
    # what the close row shows: every call-back so far, the rating at close follows the last
    self.callbacks_label = QLabel(objectName="close-callbacks")
    self.callbacks_label.setWordWrap(True)
    self.callbacks_label.setFont(self._body_font())


def _retranslate_case_life(self) -> None:
    texts = {
        "urge": (
            QCoreApplication.translate("IncidentPanel", "Urge"),
            QCoreApplication.translate(
                "IncidentPanel", "Remind (催办) or supervise (督办) the assignee; their consoles alert"
            ),
        ),
        "extend": (
            QCoreApplication.translate("IncidentPanel", "Ask for more time"),
            QCoreApplication.translate("IncidentPanel", "Ask the desk for a later deadline; the note says why"),
        ),
        "extend_approve": (
            QCoreApplication.translate("IncidentPanel", "Approve more time"),
            QCoreApplication.translate("IncidentPanel", "The deadline becomes the time asked for"),
        ),
        "extend_refuse": (
            QCoreApplication.translate("IncidentPanel", "Refuse more time"),
            QCoreApplication.translate("IncidentPanel", "The deadline stays; say why in the note field"),
        ),
        "park": (
            QCoreApplication.translate("IncidentPanel", "Park (stop the clock)"),
            QCoreApplication.translate("IncidentPanel", "挂账: the clock stops until unparked; the reason is required"),
        ),
        "unpark": (
            QCoreApplication.translate("IncidentPanel", "Unpark"),
            QCoreApplication.translate(
                "IncidentPanel", "The clock runs again; the deadline moves later by the time parked"
            ),
        ),
        "callback": (
            QCoreApplication.translate("IncidentPanel", "Record call-back"),
            QCoreApplication.translate("IncidentPanel", "回访: whether the reporter was reached and how satisfied"),
        ),
        "rate_department": (
            QCoreApplication.translate("IncidentPanel", "Rate the department"),
            QCoreApplication.translate(
                "IncidentPanel", "Two-way assessment: the street's 1–5 stars for the department's work on this case"
            ),
        ),
    }
    for n, (label, tip) in texts.items():
        self.case_buttons[n].setText(label)
        self.case_buttons[n].setToolTip(tip)
    self.assist_caption.setText(
        QCoreApplication.translate("IncidentPanel", "Assisting (joint dispatch): tick who works with the lead")
    )
    self.extend_until.setToolTip(QCoreApplication.translate("IncidentPanel", "The new deadline asked for"))
    keep = self.urge_combo.currentData()
    self.urge_combo.clear()
    self.urge_combo.addItem(QCoreApplication.translate("IncidentPanel", "催办 Reminder (level 1)"), 1)
    self.urge_combo.addItem(QCoreApplication.translate("IncidentPanel", "督办 Supervision (level 2)"), 2)
    self.urge_combo.setCurrentIndex(max(0, self.urge_combo.findData(keep)))
    keep = self.reached_combo.currentData()
    self.reached_combo.clear()
    self.reached_combo.addItem(QCoreApplication.translate("IncidentPanel", "Reporter reached"), True)
    self.reached_combo.addItem(QCoreApplication.translate("IncidentPanel", "Not reached"), False)
    self.reached_combo.setCurrentIndex(max(0, self.reached_combo.findData(keep)))
    keep = self.callback_rating.currentData()
    self.callback_rating.clear()
    self.callback_rating.addItem(QCoreApplication.translate("IncidentPanel", "Satisfaction…"), None)
    for n in range(5, 0, -1):
        self.callback_rating.addItem("★" * n + "☆" * (5 - n), n)
    self.callback_rating.setCurrentIndex(max(0, self.callback_rating.findData(keep)))
    keep = self.dept_stars.currentData()
    self.dept_stars.clear()
    for n in range(5, 0, -1):
        self.dept_stars.addItem("★" * n + "☆" * (5 - n), n)
    self.dept_stars.setCurrentIndex(max(0, self.dept_stars.findData(keep)))


def _render_case_life(self, allowed: set[str]) -> set[str]:
    """Show the case-life controls ``allowed`` leaves on; returns the names shown."""
    inc, actor = self._incident or {}, self._actor
    mine = allowed_case_life(inc, actor) if inc and actor else set()
    for n, b in self.case_buttons.items():
        b.setVisible(n in mine)
    self.extend_row.setVisible("extend" in mine)
    self.urge_row.setVisible("urge" in mine)
    self.callback_row.setVisible("callback" in mine)
    self.rate_row.setVisible("rate_department" in mine)
    self.case_row.setVisible(bool(mine & {"extend_approve", "extend_refuse", "park", "unpark"}))
    ext = inc.get("extension") or {}
    pending = ext.get("state") == "requested"
    self.extension_label.setVisible(pending)
    if pending:
        self.extension_label.setText(
            QCoreApplication.translate("IncidentPanel", "{by} asks for more time until {until}: {reason}").format(
                by=ext.get("by") or "", until=self._local(ext.get("until"))[:16], reason=ext.get("reason") or ""
            )
        )
    if "extend" in mine:
        deadline = _when(inc.get("deadline"))
        if deadline is not None and self.extend_until.property("for") != (inc.get("id"), inc.get("deadline")):
            # a day past the deadline, a value the operator moves from; kept while the case is unchanged
            zone = QTimeZone(str(getattr(self._tz, "key", "Asia/Shanghai")).encode())
            self.extend_until.setTimeZone(zone)  # the district's clock, as every time in the panel
            self.extend_until.setDateTime(
                QDateTime.fromSecsSinceEpoch(int((deadline + timedelta(days=1)).timestamp()), zone)
            )
            self.extend_until.setProperty("for", (inc.get("id"), inc.get("deadline")))
    dispatch = "dispatch" in allowed
    self.assist_row.setVisible(dispatch)
    if dispatch:
        self._fill_assists()
    cbs = inc.get("callbacks") or []
    self.callbacks_label.setVisible("close" in allowed)
    self.callbacks_label.setText(
        QCoreApplication.translate("IncidentPanel", "Call-backs: {list}").format(list=self._callbacks_text(cbs))
        if cbs
        else QCoreApplication.translate("IncidentPanel", "No call-back recorded yet.")
    )
    if "close" in allowed:
        propose_rating(self, cbs)
    self._render_case_details()
    return mine


def _fill_assists(self) -> None:
    cat = self._catalog
    ticked = set(self.assist_ids())
    lead = self._target(self.dispatch_combo.currentData())
    lead_id = next(iter(lead.values()), None)
    self.assist_list.clear()
    if not cat:
        return
    rows = [(tid, f"{self._name(t)} ({tid})") for tid, t in sorted(cat.teams.items())]
    rows += [
        (did, QCoreApplication.translate("IncidentPanel", "Department: {name}").format(name=self._name(d)))
        for did, d in sorted(cat.departments.items())
    ]
    for ident, label in rows:
        if ident == lead_id:
            continue  # the lead is not its own assist
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, ident)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ident in ticked else Qt.CheckState.Unchecked)
        self.assist_list.addItem(item)


def assist_ids(self) -> list[str]:
    """The ticked assisting teams and departments, in list order."""
    out = []
    for i in range(self.assist_list.count()):
        item = self.assist_list.item(i)
        if item.checkState() == Qt.CheckState.Checked:
            out.append(item.data(Qt.ItemDataRole.UserRole))
    return out


def set_assists(self, ids: list[str]) -> None:
    """Tick exactly ``ids`` (tests and the keyboard)."""
    for i in range(self.assist_list.count()):
        item = self.assist_list.item(i)
        item.setCheckState(
            Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids else Qt.CheckState.Unchecked
        )


def _callbacks_text(self, cbs: list[dict[str, Any]]) -> str:
    parts = []
    for c in cbs:
        if c.get("reached"):
            what = (
                ("★" * int(c["satisfaction"]))
                if c.get("satisfaction")
                else QCoreApplication.translate("IncidentPanel", "reached")
            )
        else:
            what = QCoreApplication.translate("IncidentPanel", "not reached")
        note = f" — {c['note']}" if c.get("note") else ""
        parts.append(f"{self._local(c.get('at'))[5:16]} {c.get('by') or ''} {what}{note}")
    return "; ".join(parts)


def _render_case_details(self) -> None:
    inc, dash = self._incident or {}, "—"
    v = {k: val for k, (_, val) in self._fields.items()}
    parties = []
    for a in inc.get("assignees") or ():
        name = self._assignee_name(a.get("id"), a.get("kind"))
        role = (
            QCoreApplication.translate("IncidentPanel", "lead")
            if a.get("role") == "lead"
            else QCoreApplication.translate("IncidentPanel", "assist")
        )
        ack = (
            QCoreApplication.translate("IncidentPanel", "✓ acknowledged {at}").format(
                at=self._local(a["acknowledged_at"])[11:16]
            )
            if a.get("acknowledged_at")
            else QCoreApplication.translate("IncidentPanel", "◌ not yet acknowledged")
        )
        parties.append(f"{role}: {name} — {ack}")
    self.parties_label.setText(
        QCoreApplication.translate("IncidentPanel", "Joint dispatch:") + "\n" + "\n".join(parties))
    self.parties_label.setVisible(len(parties) > 1)
    ext = inc.get("extension") or {}
    if ext:
        states = {
            "requested": QCoreApplication.translate("IncidentPanel", "asked"),
            "approved": QCoreApplication.translate("IncidentPanel", "approved"),
            "refused": QCoreApplication.translate("IncidentPanel", "refused"),
        }
        v["extension"].setText(
            QCoreApplication.translate("IncidentPanel", "{state}: until {until} ({by}: {reason})").format(
                state=states.get(ext.get("state"), ext.get("state") or ""),
                until=self._local(ext.get("until"))[:16],
                by=ext.get("by") or "",
                reason=ext.get("reason") or "",
            )
        )
    else:
        v["extension"].setText(dash)
    parked = inc.get("parked")
    v["parked"].setText(
        QCoreApplication.translate("IncidentPanel", "Parked since {since}: the clock is stopped").format(
            since=self._local(inc.get("parked_since"))[:16]
        )
        if parked
        else dash
    )
    urged = int(inc.get("urged") or 0)
    v["urged"].setText(QCoreApplication.translate("IncidentPanel", "{n} time(s)").format(n=urged) if urged else dash)
    v["callbacks"].setText(self._callbacks_text(inc.get("callbacks") or []) or dash)
    rated = inc.get("department_rating") or {}
    v["department_rating"].setText(
        QCoreApplication.translate("IncidentPanel", "{stars} for {department} ({by}, {at})").format(
            stars="★" * int(rated["stars"]) + "☆" * (5 - int(rated["stars"])),
            department=self._assignee_name(rated.get("department"), "department"), by=rated.get("by") or "",
            at=self._local(rated.get("at"))[5:16])
        if rated.get("stars") else dash)
    self.parked_badge.setVisible(bool(parked))
    self.urged_badge.setVisible(urged > 0)
    self.urged_badge.setText(QCoreApplication.translate("IncidentPanel", "URGED ×{n}").format(n=urged))
    self.parked_badge.setText(QCoreApplication.translate("IncidentPanel", "PARKED"))


def _trigger_case(self, name: str) -> None:
    inc = self._incident
    if not inc or not self._online or not self.case_buttons[name].isVisibleTo(self):
        return
    note = self.note_edit.toPlainText().strip() or None
    iid = inc["id"]
    if name in ("extend", "park", "extend_refuse") and not note:
        self._refuse(
            QCoreApplication.translate("IncidentPanel", "Write the reason in the note field first."), self.note_edit
        )
        return
    if name == "extend":
        until = self.extend_until.dateTime().toSecsSinceEpoch()
        deadline = _when(inc.get("deadline"))
        if deadline is not None and until <= deadline.timestamp():
            self._refuse(
                QCoreApplication.translate("IncidentPanel", "The time asked for must be later than the deadline."),
                self.extend_until,
            )
            return
        op = ops.extend(iid, datetime.fromtimestamp(until, UTC).isoformat(), note or "")
    elif name in ("extend_approve", "extend_refuse"):
        op = ops.extend_decide(iid, name == "extend_approve", note)
    elif name == "park":
        op = ops.park(iid, note or "")
    elif name == "unpark":
        op = ops.unpark(iid, note)
    elif name == "urge":
        op = ops.urge(iid, int(self.urge_combo.currentData() or 1), note)
    elif name == "rate_department":
        op = ops.rate_department(iid, int(self.dept_stars.currentData() or 5), note)
    else:
        reached = bool(self.reached_combo.currentData())
        sat = self.callback_rating.currentData() if reached else None
        op = ops.callback(iid, reached, int(sat) if sat else None, note)
    self._send(op)


def _history_detail(self, t: dict[str, Any]) -> str:
    """What a case-life step adds to its timeline line (level, time asked, answer, assists)."""
    data, action = t.get("data") or {}, t.get("action")
    if action == "urge":
        return {
            1: QCoreApplication.translate("IncidentPanel", "催办 reminder"),
            2: QCoreApplication.translate("IncidentPanel", "督办 supervision"),
        }.get(data.get("level"), "")
    if action == "extend" and data.get("until"):
        return QCoreApplication.translate("IncidentPanel", "until {until}").format(
            until=self._local(data["until"])[:16]
        )
    if action == "extend_decide":
        return (
            QCoreApplication.translate("IncidentPanel", "approved")
            if data.get("approve")
            else QCoreApplication.translate("IncidentPanel", "refused")
        )
    if action == "callback":
        if not data.get("reached"):
            return QCoreApplication.translate("IncidentPanel", "not reached")
        return (
            "★" * int(data["satisfaction"])
            if data.get("satisfaction")
            else QCoreApplication.translate("IncidentPanel", "reached")
        )
    if action == "rate_department" and data.get("stars"):
        return "★" * int(data["stars"])
    if action == "dispatch" and data.get("assist"):
        names = ", ".join(self._assignee_name(a, None) for a in data["assist"])
        return QCoreApplication.translate("IncidentPanel", "with {assists}").format(assists=names)
    if action == "acknowledge" and data.get("for"):
        return QCoreApplication.translate("IncidentPanel", "for {party}").format(
            party=self._assignee_name(data["for"], None)
        )
    return ""


def propose_rating(self: Any, callbacks: list[dict[str, Any]]) -> None:
    """The close's rating follows the last call-back's, unless one was picked by hand. Also after
    a command's success clears the inputs: that result can arrive after the event that rendered
    the case, and must not wipe the proposal."""
    if self.satisfaction_combo.currentIndex() != 0:
        return
    last = next((c for c in reversed(callbacks) if c.get("satisfaction")), None)
    if last:
        self.satisfaction_combo.setCurrentIndex(max(0, self.satisfaction_combo.findData(last["satisfaction"])))
