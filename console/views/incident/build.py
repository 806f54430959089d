"""The incident panel's widgets: header, actions, details, timeline, and its shortcuts. Functions
of the panel (``IncidentPanel._build`` is ``_build`` here), kept in their own file."""

from __future__ import annotations

from collections.abc import Callable

# the actions whose note field says why: the hub refuses them without one
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from ..flow import FlowLayout
from .common import ACTION_NAMES, ERROR_COLOUR


def _build(self) -> None:
    outer = QVBoxLayout(self)
    outer.setContentsMargins(0, 0, 0, 0)
    self.stack = QStackedWidget(self)
    outer.addWidget(self.stack)

    self.empty_label = QLabel(self)
    self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    self.empty_label.setFont(self._heading_font(1.4))
    self.empty_label.setEnabled(False)  # greyed: it is a hint, not content
    self.stack.addWidget(self.empty_label)

    scroll = QScrollArea(self)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    # never sideways: every row below wraps or elides, so all the actions stay in view
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    self.scroll = scroll
    body = QWidget()
    scroll.setWidget(body)
    self.stack.addWidget(scroll)
    lay = QVBoxLayout(body)

    # Header: id, badges, SLA and countdown — what a supervisor reads first.
    head_w = QWidget()
    head = FlowLayout(head_w, spacing=8)  # the 18-digit id and the badges wrap on a narrow panel
    self.id_label = QLabel()
    self.id_label.setFont(self._heading_font(1.5))
    self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    self.drill_badge = QLabel()
    self.drill_badge.setStyleSheet(
        "background: #ff8f00; color: black; padding: 2px 8px; border-radius: 4px;"
    )
    self.drill_badge.setFont(self._heading_font(1.1))
    self.state_badge = QLabel()
    self.state_badge.setFont(self._heading_font(1.1))
    self.priority_label = QLabel()
    self.priority_label.setFont(self._heading_font(1.1))
    self.sla_badge = QLabel()
    self.sla_badge.setFont(self._heading_font(1.1))
    # 挂账 and 催办 read from across the room: the clock is stopped, the desk is pressing
    self.parked_badge = QLabel(objectName="parked-badge")
    self.parked_badge.setStyleSheet("background: #546e7a; color: white; padding: 2px 8px; border-radius: 4px;")
    self.parked_badge.setFont(self._heading_font(1.1))
    self.urged_badge = QLabel(objectName="urged-badge")
    self.urged_badge.setStyleSheet("background: #6a1b9a; color: white; padding: 2px 8px; border-radius: 4px;")
    self.urged_badge.setFont(self._heading_font(1.1))
    for w in (self.id_label, self.drill_badge, self.state_badge, self.priority_label, self.sla_badge,
              self.parked_badge, self.urged_badge):
        head.addWidget(w)
    lay.addWidget(head_w)
    self.countdown_label = QLabel()
    self.countdown_label.setWordWrap(True)
    self.countdown_label.setFont(self._heading_font(1.1))
    lay.addWidget(self.countdown_label)
    # 联合派遣: who works the case and who has signed, read with the clock, above the actions
    self.parties_label = QLabel(objectName="parties")
    self.parties_label.setWordWrap(True)
    self.parties_label.setFont(self._heading_font(1.0))
    self.parties_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lay.addWidget(self.parties_label)

    # Details.
    self.details_box = QGroupBox()
    self.details_box.setFont(self._heading_font(1.0))
    form = QFormLayout(self.details_box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    self._fields: dict[str, tuple[QLabel, QLabel]] = {}
    for key in ("category", "description", "place", "grid", "address", "coords", "reporter", "source",
                "reported_at", "photo", "assignee", "extension", "parked", "urged", "rework",
                "merged_into", "callbacks", "satisfaction", "department_rating"):
        name, value = QLabel(), QLabel()
        value.setFont(self._body_font())
        name.setFont(self._heading_font(1.0))
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(name, value)
        self._fields[key] = (name, value)
    self.photo_label = self._fields["photo"][1]
    self.photo_label.setOpenExternalLinks(True)
    self.photo_label.setTextFormat(Qt.TextFormat.RichText)
    self.photo_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

    # Actions.
    self.actions_box = QGroupBox()
    self.actions_box.setFont(self._heading_font(1.0))
    act = QVBoxLayout(self.actions_box)
    self.stale_label = QLabel()
    self.stale_label.setWordWrap(True)
    self.stale_label.setFont(self._heading_font(1.0))
    self.stale_label.setStyleSheet(f"color: {ERROR_COLOUR};")
    act.addWidget(self.stale_label)
    self.note_caption = QLabel()
    self.note_caption.setWordWrap(True)
    self.note_caption.setFont(self._body_font())
    act.addWidget(self.note_caption)
    self.note_edit = QPlainTextEdit()
    self.note_edit.setFont(self._body_font())
    self.note_edit.setTabChangesFocus(True)
    self.note_edit.setMaximumHeight(90)
    act.addWidget(self.note_edit)

    self.buttons: dict[str, QPushButton] = {}
    for n in ACTION_NAMES:
        b = QPushButton()
        b.setFont(self._body_font())
        b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        b.clicked.connect(lambda _=False, n=n: self._trigger(n))
        self.buttons[n] = b
    self.buttons["accept"].setDefault(True)

    # actions that need nothing but the note field; they wrap onto more lines, never sideways
    simple_w = QWidget()
    simple = FlowLayout(simple_w, spacing=6)
    for n in ("accept", "acknowledge", "reject", "return", "resolve", "verify_pass", "verify_fail", "note"):
        simple.addWidget(self.buttons[n])
    act.addWidget(simple_w)

    self.dispatch_row = QWidget()
    row = QHBoxLayout(self.dispatch_row)
    row.setContentsMargins(0, 0, 0, 0)
    self.dispatch_combo = QComboBox()
    self.dispatch_combo.setFont(self._body_font())
    self.dispatch_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    self.dispatch_combo.setMinimumContentsLength(8)  # elides on a narrow panel; the list shows all
    self.refresh_button = QPushButton()
    self.refresh_button.setFont(self._body_font())
    self.refresh_button.clicked.connect(self.refresh_suggestions)
    row.addWidget(self.dispatch_combo, 1)
    row.addWidget(self.refresh_button)
    row.addWidget(self.buttons["dispatch"])
    act.addWidget(self.dispatch_row)
    self._build_case_life(act)  # assists under the lead, then more time, parking, urging, call-back
    self.dispatch_combo.currentIndexChanged.connect(lambda _i: self._fill_assists())  # never the lead itself

    self.escalate_row = QWidget()
    row = QHBoxLayout(self.escalate_row)
    row.setContentsMargins(0, 0, 0, 0)
    self.escalate_combo = QComboBox()
    self.escalate_combo.setFont(self._body_font())
    row.addWidget(self.escalate_combo, 1)
    row.addWidget(self.buttons["escalate"])
    act.addWidget(self.escalate_row)

    self.merge_row = QWidget()
    col = QVBoxLayout(self.merge_row)
    col.setContentsMargins(0, 0, 0, 0)
    self.merge_caption = QLabel()
    self.merge_caption.setWordWrap(True)  # wraps on a narrow panel instead of widening it
    self.merge_caption.setFont(self._body_font())
    self.merge_list = QListWidget()
    self.merge_list.setFont(self._body_font())
    self.merge_list.setMaximumHeight(110)
    self.merge_list.currentItemChanged.connect(self._merge_pick)
    line = QHBoxLayout()
    self.merge_id_edit = QLineEdit()
    self.merge_id_edit.setFont(self._body_font())
    line.addWidget(self.merge_id_edit, 1)
    line.addWidget(self.buttons["merge"])
    col.addWidget(self.merge_caption)
    col.addWidget(self.merge_list)
    col.addLayout(line)
    act.addWidget(self.merge_row)

    self.close_row = QWidget()
    row = QHBoxLayout(self.close_row)
    row.setContentsMargins(0, 0, 0, 0)
    self.satisfaction_combo = QComboBox()
    self.satisfaction_combo.setFont(self._body_font())
    row.addWidget(self.satisfaction_combo, 1)
    row.addWidget(self.buttons["close"])
    act.addWidget(self.callbacks_label)  # the call-backs, read before closing
    act.addWidget(self.close_row)

    self.reopen_row = QWidget()
    row = QHBoxLayout(self.reopen_row)
    row.setContentsMargins(0, 0, 0, 0)
    self.reopen_combo = QComboBox()  # only when the case never had an assignee
    self.reopen_combo.setFont(self._body_font())
    row.addWidget(self.reopen_combo, 1)
    row.addWidget(self.buttons["reopen"])
    act.addWidget(self.reopen_row)

    self.result_label = QLabel()
    self.result_label.setWordWrap(True)
    self.result_label.setFont(self._heading_font(1.0))
    act.addWidget(self.result_label)
    # what the operator acts on comes first, right under the clock; the details follow
    lay.addWidget(self.actions_box)
    lay.addWidget(self.details_box)

    # Timeline, oldest first so the latest step sits right above nothing: at the bottom.
    self.history_box = QGroupBox()
    self.history_box.setFont(self._heading_font(1.0))
    hl = QVBoxLayout(self.history_box)
    self.history_view = QTreeWidget()
    self.history_view.setFont(self._body_font())
    self.history_view.setRootIsDecorated(False)
    self.history_view.setAlternatingRowColors(True)
    self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    self.history_view.setColumnCount(4)
    self.history_view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    self.history_view.header().setStretchLastSection(True)
    self.history_view.setMinimumHeight(160)
    # a step double-clicked: its moment (the main window replays it when a replay runs)
    self.history_view.itemDoubleClicked.connect(
        lambda item, _c: self.moment_requested.emit(item.data(0, Qt.ItemDataRole.UserRole) or ""))
    hl.addWidget(self.history_view)
    # a debrief: the timeline with the map at its key moments, as a PDF (the main window writes it)
    deb = QHBoxLayout()
    self.debrief_button = QPushButton(objectName="debrief-case")
    self.debrief_button.clicked.connect(
        lambda: self._incident and self.debrief_requested.emit("case", self._incident["id"]))
    self.debrief_run_button = QPushButton(objectName="debrief-drill")
    self.debrief_run_button.clicked.connect(
        lambda: self._incident and self.debrief_requested.emit(
            "drill", (self._incident.get("extra") or {}).get("drill_run") or ""))
    deb.addWidget(self.debrief_button)
    deb.addWidget(self.debrief_run_button)
    deb.addStretch(1)
    hl.addLayout(deb)
    lay.addWidget(self.history_box, 1)

    # Shortcuts for the common path; inside text fields plain letters still type.
    self.shortcuts: dict[str, list[QShortcut]] = {"accept": [], "dispatch": [], "note": []}
    for seq in ("Ctrl+Return", "Ctrl+Enter", "A"):
        self.shortcuts["accept"].append(self._shortcut(seq, lambda: self._trigger("accept")))
    self.shortcuts["dispatch"].append(self._shortcut("D", self._dispatch_first))
    self.shortcuts["note"].append(self._shortcut("Alt+N", self._focus_note))  # N alone: a new call


def _shortcut(self, seq: str, slot: Callable[[], None]) -> QShortcut:
    s = QShortcut(QKeySequence(seq), self)
    s.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    s.activated.connect(slot)
    return s

# ------------------------------------------------------------------ texts
