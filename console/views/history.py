"""The history at hand: every case, closed ones included, searched on the hub with
``query.incidents`` (by text, category, street, grid, status and a date range), page by page off
the GUI thread (operations through the bridge); a double-click opens a case's full timeline in
the incident panel, from where a supervisor may reopen it."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.models.catalog import Catalog
from console.models.names import local_name
from console.state import ops

from .flow import FlowLayout

PAGE = 100


class HistoryView(QWidget):
    """Search form over a result table; ``More`` fetches the next page with the hub's cursor."""

    open_incident = Signal(object)  # the incident's wire form, as the hub answered it

    def __init__(self, bridge: Any, catalog: Catalog, *, language: str = "zh_CN",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.catalog = catalog
        self.language = language
        self.tz = catalog.calendar.tz
        self.rows: list[dict[str, Any]] = []
        self.cursor: str | None = None
        self.pending = False
        self._filters: dict[str, Any] = {}

        form_w = QWidget()
        form = FlowLayout(form_w, spacing=4)
        self.text_edit = QLineEdit(objectName="history-text")
        self.text_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 16)
        self.text_edit.returnPressed.connect(self.search)
        self.status_combo = QComboBox()
        self.category_combo = QComboBox()
        self.street_combo = QComboBox()
        self.grid_edit = QLineEdit(objectName="history-grid")
        self.grid_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 17)
        self.since_check = QCheckBox()
        self.since_edit = QDateEdit(QDate.currentDate().addDays(-30), calendarPopup=True)
        self.until_edit = QDateEdit(QDate.currentDate(), calendarPopup=True)
        for d in (self.since_edit, self.until_edit):
            d.setDisplayFormat("yyyy-MM-dd")  # one unambiguous form in either language
        self.search_button = QPushButton(objectName="history-search")
        self.search_button.clicked.connect(self.search)
        for w in (self.text_edit, self.status_combo, self.category_combo, self.street_combo, self.grid_edit,
                  self.since_check, self.since_edit, self.until_edit, self.search_button):
            form.addWidget(w)

        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col in (2, 3, 4):  # category, street, status share what the id and the time leave
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        fm = self.table.fontMetrics()  # the 18-digit number whole, and the time: what a case is found by
        self.table.setColumnWidth(0, fm.horizontalAdvance("220104202612060000") + 16)
        self.table.setColumnWidth(1, fm.horizontalAdvance("2026-12-06 00:00") + 16)
        self.table.itemActivated.connect(lambda item: self._open(item.row()))

        foot = QHBoxLayout()
        self.count_label = QLabel(objectName="history-count")
        self.more_button = QPushButton(objectName="history-more")
        self.more_button.clicked.connect(self.more)
        self.more_button.setEnabled(False)
        foot.addWidget(self.count_label, 1)
        foot.addWidget(self.more_button)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(form_w)
        lay.addWidget(self.table, 1)
        lay.addLayout(foot)
        self._retranslate()

    # ---- searching ----------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        """The form as ``query.incidents`` arguments."""
        f: dict[str, Any] = {}
        if self.text_edit.text().strip():
            f["text"] = self.text_edit.text().strip()
        for key, combo in (("status", self.status_combo), ("category", self.category_combo),
                           ("street", self.street_combo)):
            if combo.currentData():
                f[key] = combo.currentData()
        if self.grid_edit.text().strip():
            f["grid"] = self.grid_edit.text().strip()
        if self.since_check.isChecked():
            f["since"] = self._instant(self.since_edit.date())
            f["until"] = self._instant(self.until_edit.date().addDays(1))  # the whole last day
        return f

    def _instant(self, d: QDate) -> str:
        local = datetime.combine(datetime(d.year(), d.month(), d.day()).date(), time(0), self.tz)
        return local.astimezone(UTC).isoformat().replace("+00:00", "Z")

    def search(self) -> None:
        """A new search: the first page of the newest cases that match."""
        self._filters = self.filters()
        self.rows, self.cursor = [], None
        self.table.setRowCount(0)
        self._fetch()

    def show_cases(self, filters: dict[str, Any]) -> None:
        """The cases behind a number of the Evaluation view: ``filters`` as query.incidents takes
        them (the form is left as it was; Search goes back to it)."""
        self._filters = dict(filters)
        self.rows, self.cursor = [], None
        self.table.setRowCount(0)
        self._fetch()

    def more(self) -> None:
        if self.cursor:
            self._fetch(self.cursor)

    def _fetch(self, cursor: str | None = None) -> None:
        args = dict(self._filters, limit=PAGE, **({"cursor": cursor} if cursor else {}))
        self.pending = True
        self.search_button.setEnabled(False)
        self.more_button.setEnabled(False)
        self.count_label.setText(self.tr("Searching…"))
        try:
            self.bridge.run(ops.incidents(**args), on_success=self._on_page, on_failure=self._on_failure)
        except RuntimeError:  # the bridge is not connected yet
            self._on_failure({"code": "unavailable", "message": self.tr("not connected to the hub")})

    def _on_page(self, res: dict[str, Any]) -> None:
        self.pending = False
        self.search_button.setEnabled(True)
        page = res.get("incidents") or []
        self.cursor = res.get("next_cursor")
        first = len(self.rows)
        self.rows.extend(page)
        self.table.setRowCount(len(self.rows))
        for r, inc in enumerate(page, start=first):
            for c, text in enumerate(self._cells(inc)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # whole, where the column elides it
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, inc.get("id"))
                self.table.setItem(r, c, item)
        self.more_button.setEnabled(bool(self.cursor))
        self.count_label.setText(self.tr("{n} cases shown; more on the hub").format(n=len(self.rows)) if self.cursor
                                 else self.tr("{n} cases found").format(n=len(self.rows)))

    def _on_failure(self, res: dict[str, Any]) -> None:
        self.pending = False
        self.search_button.setEnabled(True)
        self.more_button.setEnabled(bool(self.cursor))
        self.count_label.setText(self.tr("The search failed: {why}").format(
            why=f"{res.get('code', '')}: {res.get('message', '')}"))

    def _cells(self, inc: dict[str, Any]) -> list[str]:
        when = inc.get("reported_at") or ""
        try:
            when = datetime.fromisoformat(when.replace("Z", "+00:00")).astimezone(self.tz).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            pass
        cat = self.catalog.categories.get(inc.get("category") or "")
        street = self.catalog.streets.get(inc.get("street") or "")
        return [str(inc.get("id", "")), when, local_name(cat, self.language, inc.get("category") or ""),
                local_name(street, self.language, inc.get("street") or ""), self._state_name(inc.get("state") or "")]

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_incident.emit(self.rows[row])

    # ---- words --------------------------------------------------------------------------------

    def _state_name(self, state: str) -> str:
        names = {"reported": self.tr("Reported"), "accepted": self.tr("Accepted"), "dispatched": self.tr("Dispatched"),
                 "acknowledged": self.tr("Acknowledged"), "returned": self.tr("Returned"),
                 "escalated": self.tr("Escalated"), "resolved": self.tr("Resolved"), "verified": self.tr("Verified"),
                 "closed": self.tr("Closed"), "rejected": self.tr("Rejected"), "merged": self.tr("Merged")}
        return names.get(state, state)

    def _retranslate(self) -> None:
        self.text_edit.setPlaceholderText(self.tr("Search text, id, address…"))
        self.grid_edit.setPlaceholderText(self.tr("Grid code"))
        self.since_check.setText(self.tr("Reported from"))
        self.search_button.setText(self.tr("Search"))
        self.more_button.setText(self.tr("More"))
        self.table.setHorizontalHeaderLabels([self.tr("ID"), self.tr("Reported"), self.tr("Category"),
                                              self.tr("Street"), self.tr("Status")])
        for combo, items in (
            (self.status_combo, [(self.tr("Any status"), None), (self.tr("Open"), "active"),
                                 (self.tr("Closed, rejected or merged"), "final"), (self.tr("Closed"), "closed")]),
            (self.category_combo, [(self.tr("Any category"), None)]
             + [(f"{c.code} {local_name(c, self.language)}", c.code)
                for c in sorted(self.catalog.categories.values(), key=lambda c: c.code)]),
            (self.street_combo, [(self.tr("Any street"), None)]
             + [(local_name(s, self.language), s.code)
                for s in sorted(self.catalog.streets.values(), key=lambda s: s.code)]),
        ):
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)


__all__ = ["PAGE", "HistoryView"]
