"""The queue view: the filter bar over the incident table, following the console's state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.state.filters import NO_SLA

from ..binding import follow, unfollow
from ..flow import FlowLayout
from ..widgets import TickerLabel
from .delegate import QueueItemDelegate
from .model import ACTIVE_STATES, KNOWN_SOURCES, Column, IncidentTableModel, _is_zh, _tr
from .proxy import IncidentFilterProxy

SortRole = Qt.ItemDataRole.UserRole + 1

class QueueView(QWidget):
    """Filter bar above the incident table. Emits ``incident_selected(id)`` when the current row
    changes and ``activated(id)`` on Enter or double-click."""

    incident_selected = Signal(str)
    activated = Signal(str)

    TEXT_DEBOUNCE_MS = 250

    def __init__(self, parent: QWidget | None = None, *, model: IncidentTableModel | None = None) -> None:
        super().__init__(parent)
        self.model = model if model is not None else IncidentTableModel(self)
        self.proxy = IncidentFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._selected: str | None = None

        self.status_combo = QComboBox()
        self.category_combo = QComboBox()
        self.street_combo = QComboBox()
        self.source_combo = QComboBox()
        self.sla_combo = QComboBox()
        self.drill_combo = QComboBox()
        self.ledger_combo = QComboBox(objectName="queue-ledger")  # parked, urged, more time asked
        for c in (self.category_combo, self.street_combo):
            c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            c.setMinimumContentsLength(14)
        self.text_edit = QLineEdit()
        self.text_edit.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.TEXT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_text)
        self.text_edit.textChanged.connect(self._debounce.start)
        # repaints alone when the count changes (a QLabel re-lays out the whole window each batch)
        self.count_label = TickerLabel("100,000 shown of 100,000", align=Qt.AlignmentFlag.AlignRight)

        self.filter_bar = QWidget(objectName="queue-filters")
        bar = FlowLayout(self.filter_bar, spacing=4)  # wraps onto a second line rather than widen the dock
        for w in (self.status_combo, self.category_combo, self.street_combo, self.source_combo, self.sla_combo,
                  self.drill_combo, self.ledger_combo):
            if isinstance(w, QComboBox):
                # shrink with the dock (the drop-down still shows whole names): the queue must
                # fit beside the incident panel on a 1920-pixel desk screen
                w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                w.setMinimumContentsLength(4)
            bar.addWidget(w)
        self.text_edit.setMinimumWidth(self.text_edit.fontMetrics().horizontalAdvance("0") * 14)
        bar.addWidget(self.text_edit)
        bar.addWidget(self.count_label)

        self.table = QTableView()
        t = self.table
        t.setModel(self.proxy)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setWordWrap(False)
        t.setAlternatingRowColors(True)
        self.delegate = QueueItemDelegate(t, self.proxy)  # one model call per cell, cached text layouts
        t.setItemDelegate(self.delegate)
        t.verticalHeader().hide()
        # Fixed row heights and column widths: nothing is measured over 100,000 rows.
        t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)
        h = t.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setStretchLastSection(False)  # the place gets the spare room, not the SLA light
        # Widths from the font, so an 18-digit incident number and the headers show whole
        # (in Chinese and English) on a desk or a wall; the last section stretches.
        fm = t.fontMetrics()
        em = fm.horizontalAdvance("0")
        # the id's column leaves room after it for the dot of a case open at another desk (presence)
        widths = ((Column.ID, fm.horizontalAdvance("220104202611230000") + 3 * em), (Column.PRIORITY, 7 * em),
                  (Column.CATEGORY, 15 * em), (Column.PLACE, 20 * em), (Column.SOURCE, 8 * em),
                  (Column.STATUS, 8 * em), (Column.ASSIGNEE, 8 * em),
                  # an overdue case reads "-1:05:00 overdue" whole: the first thing a supervisor reads
                  (Column.DEADLINE, fm.horizontalAdvance(_tr("-{time} overdue").format(time="-00:00:00")) + 2 * em),
                  (Column.SLA, 7 * em))
        for col, width in widths:
            header = str(self.model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            t.setColumnWidth(col, max(width, fm.horizontalAdvance(header) + 4 * em))  # room for the sort arrow
        h.setSectionResizeMode(Column.PLACE, QHeaderView.ResizeMode.Stretch)
        # What an operator reads first sits next to the id: the SLA light and the time left
        # (visual order only; the model's columns are unchanged and can still be dragged).
        h.moveSection(h.visualIndex(Column.SLA), 1)
        h.moveSection(h.visualIndex(Column.DEADLINE), 2)
        h.setSortIndicator(Column.DEADLINE, Qt.SortOrder.AscendingOrder)
        t.setSortingEnabled(True)  # sorts by the indicator: deadline, soonest first

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.filter_bar)
        lay.addWidget(t, 1)

        t.selectionModel().currentRowChanged.connect(self._on_current_changed)
        t.activated.connect(self._on_activated)
        self.proxy.modelReset.connect(self._restore_selection)
        for sig in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved, self.model.rowsInserted,
                    self.model.rowsRemoved, self.model.modelReset):
            sig.connect(self._update_count)
        self.model.sources_changed.connect(self._fill_sources)
        for combo, name in ((self.status_combo, "status"), (self.category_combo, "category"),
                            (self.street_combo, "street"), (self.source_combo, "source"), (self.sla_combo, "sla"),
                            (self.drill_combo, "drill"), (self.ledger_combo, "ledger")):
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, n=name: self.proxy.set_filters(**{n: c.currentData()}))
        self._retranslate()

    # --- public ---------------------------------------------------------------------------

    def bind(self, state: Any) -> None:
        """Show ``state``'s incidents (console.state.ConsoleState): the table follows its changes."""
        self._state = state
        follow(self, [(state.reset, self._on_reset), (state.incidents_changed, self._on_incidents_changed)])
        if state.reference is not None:
            self._on_reset()

    def unbind(self) -> None:
        unfollow(self)

    def _on_reset(self) -> None:
        self.set_reference(self._state.reference or {})
        self.model.reset(list(self._state.incidents.values()))

    def _on_incidents_changed(self, upserted: list[dict], removed: list[dict]) -> None:
        self.model.apply(upserted, removed)

    def set_reference(self, reference: dict) -> None:
        self.model.set_reference(reference)
        self._fill_reference_combos()

    def set_language(self, language: str) -> None:
        self.model.set_language(language)
        self._fill_reference_combos()

    def select_incident(self, incident_id: str) -> bool:
        """Select the incident's row and scroll to it; False when it is not shown."""
        p = self.proxy.row_of(incident_id)
        if p is None:
            return False
        idx = self.proxy.index(p, 0)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(idx, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def selected_id(self) -> str | None:
        return self._selected

    # --- internals --------------------------------------------------------------------------

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()
            self.model._all_changed()
            self._retranslate()
        super().changeEvent(e)

    def _retranslate(self) -> None:
        self.text_edit.setPlaceholderText(self.tr("Search id, description, address, category…"))
        self.status_combo.setToolTip(self.tr("Status"))
        self.category_combo.setToolTip(self.tr("Category"))
        self.street_combo.setToolTip(self.tr("Street"))
        self.source_combo.setToolTip(self.tr("Source"))
        self.sla_combo.setToolTip(self.tr("Time-limit colour"))
        self.drill_combo.setToolTip(self.tr("Drill"))
        self.ledger_combo.setToolTip(self.tr("Ledgers: parked cases with the reason and since when, urged cases, "
                                             "requests for more time"))
        m = self.model
        _fill(self.status_combo, [(self.tr("All active"), None)]
              + [(m.label("state", s), s) for s in ACTIVE_STATES])
        _fill(self.sla_combo, [(self.tr("Any colour"), None), (self.tr("Red"), "red"), (self.tr("Blue"), "blue"),
                               (self.tr("Green"), "green"), (self.tr("No time limit"), NO_SLA)])
        _fill(self.drill_combo, [(self.tr("Real and drill"), None), (self.tr("Real only"), False),
                                 (self.tr("Drill only"), True)])
        _fill(self.ledger_combo, [(self.tr("Every case"), None), (self.tr("Parked (挂账)"), "parked"),
                                  (self.tr("Urged (催办/督办)"), "urged"), (self.tr("More time asked"), "extension")])
        self._fill_reference_combos()
        self._fill_sources()
        self._update_count()

    def _fill_reference_combos(self) -> None:
        zh = _is_zh(self.model.language())
        cats, streets = self.model.reference_names()
        items: list[tuple[str, Any]] = [(self.tr("All categories"), None)]
        # Families and major classes first as prefixes ("E01"), then each minor class under them.
        for fam, fam_label in (("P", self.tr("Parts")), ("E", self.tr("Events"))):
            codes = sorted(c for c in cats if c.startswith(fam))
            if not codes:
                continue
            items.append((fam_label, fam))
            for code in codes:
                items.append(("    " + code + " " + cats[code][0 if zh else 1], code))
        _fill(self.category_combo, items)
        _fill(self.street_combo, [(self.tr("All streets"), None)]
              + [(n[0] if zh else n[1], code) for code, n in sorted(streets.items())])

    def _fill_sources(self) -> None:
        seen = set(self.model.sources()) | set(KNOWN_SOURCES)
        _fill(self.source_combo, [(self.tr("All sources"), None)]
              + [(self.model.label("source", s), s) for s in sorted(seen)])

    def _apply_text(self) -> None:
        self.proxy.set_filters(text=self.text_edit.text())

    def _update_count(self, *args: Any) -> None:
        self.count_label.setText(self.tr("{shown} shown of {total}").format(
            shown=self.proxy.rowCount(), total=self.model.rowCount()))

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return  # a reset clears the current row; _restore_selection puts it back
        iid = self.proxy.incident(current.row())["id"]
        if iid != self._selected:
            self._selected = iid
            self.incident_selected.emit(iid)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.proxy.incident(index.row())["id"])

    def _restore_selection(self) -> None:
        if self._selected is not None:
            self.select_incident(self._selected)


def _fill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
    """Replace a combo's items, keeping the chosen value, without emitting a change for it."""
    current = combo.currentData() if combo.count() else None
    combo.blockSignals(True)
    try:
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        for i in range(combo.count()):
            if combo.itemData(i) == current and (current is not None or i == 0):
                combo.setCurrentIndex(i)
                break
    finally:
        combo.blockSignals(False)
