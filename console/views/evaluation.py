"""The Evaluation view (issue 15): the numbers a supervisor answers for, from the hub's
``query.indicators`` — a period (this shift, today, this week, this month, or dates), a grouping,
a ranked table with grades and the standard rates, and a pyqtgraph chart of the on-time closure
rate per group against the target line. It refreshes by itself a few seconds after cases change
(one request at a time, off the GUI thread through the bridge); a double-click on a row asks for
the cases behind it (``drill_down``)."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.models.catalog import Catalog
from console.state import ops
from console.state.periods import window

from .flow import FlowLayout

WALL_TURN_MS = 15000  # a wall shows each chart this long
REFRESH_AFTER_MS = 5000  # cases changed: the numbers are asked again this long after, once
GRADE_COLOURS = {"A": "#1b7f3b", "B": "#2e7dd1", "C": "#b7791f", "D": "#d9480f", "E": "#c62828"}
# the table's columns: (row key, kind); headers in _retranslate
COLUMNS = (("name", "text"), ("grade", "text"), ("composite", "num"), ("reported", "int"), ("closed", "int"),
           ("closure_rate", "pct"), ("on_time_closure_rate", "pct"), ("rework_rate", "pct"),
           ("accurate_dispatch_rate", "pct"), ("satisfaction_rate", "pct"), ("urged", "int"), ("parked", "int"),
           ("extensions", "int"), ("escalated", "int"), ("timely_signoff_rate", "pct"),
           ("timely_handling_rate", "pct"), ("street_rating", "num"))
# a grouping whose key is also a filter of query.incidents: the drill-down can narrow to it
DRILLABLE = {"street": "street", "grid": "grid", "category": "category"}


class EvaluationView(QWidget):
    drill_down = Signal(object)  # query.incidents filters for the cases behind a row
    answered = Signal()  # the numbers and the charts of a refresh have arrived
    handover_finished = Signal(str)  # the handover report's outcome, as the status line says it

    def __init__(self, bridge: Any, catalog: Catalog, *, language: str = "zh_CN", scale: float = 1.0,
                 wall: bool = False, parent: QWidget | None = None) -> None:
        """``wall``: the wall preset's read-only panel — this shift by department, no controls,
        the charts taking turns (``scale`` enlarges their type)."""
        super().__init__(parent)
        self.bridge, self.catalog, self.language, self.scale = bridge, catalog, language, scale
        self.series: dict[str, Any] = {}
        self.charts: Any = None
        self.tz = catalog.calendar.tz
        self.rows: list[dict[str, Any]] = []
        self.pending = False
        self._again = False  # asked while a request was out: once more when it answers
        # whether an operator can see the view: a tab behind another (its dock says so) asks the hub
        # nothing; cases that changed meanwhile are asked for when the tab comes to the front
        self._on_view = True
        self._stale = False
        self.window: tuple[datetime, datetime] | None = None

        bar_w = QWidget()
        bar = FlowLayout(bar_w, spacing=4)
        self.period_combo = QComboBox(objectName="eval-period")
        self.group_combo = QComboBox(objectName="eval-group")
        self.since_edit = QDateEdit(QDate.currentDate().addDays(-7), calendarPopup=True)
        self.until_edit = QDateEdit(QDate.currentDate(), calendarPopup=True)
        for d in (self.since_edit, self.until_edit):
            d.setDisplayFormat("yyyy-MM-dd")
        self.refresh_button = QPushButton(objectName="eval-refresh")
        self.export_button = QPushButton(objectName="eval-export")
        self.export_button.clicked.connect(self._ask_export)
        self.handover_button = QPushButton(objectName="eval-handover")
        self.handover_button.clicked.connect(self._ask_handover)
        self.progress = QProgressBar(objectName="eval-progress", minimum=0, maximum=100)
        self.progress.setVisible(False)
        for w in (self.period_combo, self.group_combo, self.since_edit, self.until_edit, self.refresh_button,
                  self.export_button, self.handover_button, self.progress):
            bar.addWidget(w)
        self.state: Any = None
        self.job: Any = None  # the handover report being written
        self.who = ""  # the signed-in user, named in the handover report (the window sets it)
        self.wall = wall
        bar_w.setVisible(not wall)
        self.status = QLabel(objectName="eval-status")
        self.status.setWordWrap(True)

        self.table = QTableWidget(0, len(COLUMNS), objectName="eval-table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        # every column as wide as what it holds, the name whole: the table scrolls sideways inside
        # its dock rather than eliding who is being judged
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(lambda row, _c: self._drill(row))

        # the chart is made the first time the view is used: pyqtgraph takes 0.6 s to import, which
        # a console's cold start must not pay for a tab nobody has opened yet
        self.plot: Any = None
        self.bars: Any = None
        self._active = False
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        self._split = split
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(bar_w)
        lay.addWidget(self.status)
        lay.addWidget(split, 1)

        self._timer = QTimer(self, singleShot=True, interval=REFRESH_AFTER_MS, timeout=self._auto_refresh)
        self._retranslate()
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.group_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.since_edit.dateChanged.connect(lambda _d: self.refresh())
        self.until_edit.dateChanged.connect(lambda _d: self.refresh())
        self._show_dates()  # nothing asked yet: the first showing of the view (or a choice) asks

    # ---- live ----------------------------------------------------------------------------------

    def bind(self, state: Any) -> None:
        """Refresh a few seconds after the cases change (and when the console is (re)synced)."""
        self.state = state  # its active cases go into the handover report
        state.incidents_changed.connect(self._changed)
        state.reset.connect(self._auto_refresh)

    def unbind(self) -> None:
        """Follow the state no more (a wall closing: the state lives on with the desk)."""
        if self.state is not None:
            self.state.incidents_changed.disconnect(self._changed)
            self.state.reset.disconnect(self._auto_refresh)
            self.state = None
        self._timer.stop()

    def _changed(self, _upserted: Any, _removed: Any) -> None:
        if not self._on_view:
            self._stale = True
            return
        # started once, not again on every change: cases change all the time in a busy center, and
        # a timer restarted by each would never fire (found by the GUI-stall bench)
        if not self._timer.isActive():
            self._timer.start()

    def _auto_refresh(self) -> None:
        if not self._on_view:
            self._stale = True
        elif self._active:  # only once the view has been opened or used
            self.refresh()

    def set_on_view(self, seen: bool) -> None:
        """Whether an operator can see the view (its dock's ``visibilityChanged``). Out of view it
        asks nothing: a desk that once looked at the numbers would otherwise have the hub work out
        the day's indicators and charts every few seconds for the rest of the shift. Back in view,
        it asks for what it has not shown yet."""
        if seen == self._on_view:
            return  # Qt says it again on a show and on a raise
        self._on_view = seen
        if not seen:
            self._timer.stop()
        elif not self._active or self._stale:
            self._stale = False
            self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._active:
            # after the event: a dock tabbed behind another is "shown" with its window too, and
            # says it is out of view only after its contents have had their show event
            QTimer.singleShot(0, self, lambda: None if self._active or not self._on_view else self.refresh())

    def _activate(self) -> None:
        """Make the charts (one persistent item per series: a refresh feeds them, never redraws a plot)."""
        if self._active:
            return
        self._active = True
        from .eval_charts import NumbersCharts

        self.charts = NumbersCharts(scale=self.scale)
        if self.wall:  # nobody clicks a tab on a wall: the charts take turns
            self.charts.tabBar().hide()
            self._turns = QTimer(self, interval=WALL_TURN_MS,
                                 timeout=lambda: self.charts.setCurrentIndex((self.charts.currentIndex() + 1)
                                                                            % self.charts.count()))
            self._turns.start()
        self.plot = self.charts.on_time  # the first chart (tests and the wall look at it)
        self.bars = self.charts.bars
        self._split.addWidget(self.charts)
        self._split.setStretchFactor(1, 2)

    # ---- asking --------------------------------------------------------------------------------

    def _show_dates(self) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.since_edit.setVisible(custom)
        self.until_edit.setVisible(custom)

    def _period_changed(self) -> None:
        self._show_dates()
        self.refresh()

    def period(self) -> tuple[datetime, datetime]:
        kind = self.period_combo.currentData()
        if kind == "custom":
            def at(d: QDate) -> datetime:
                return datetime.combine(datetime(d.year(), d.month(), d.day()).date(), time(0), self.tz)
            return at(self.since_edit.date()), at(self.until_edit.date().addDays(1))  # the whole last day
        return window(kind, datetime.now(UTC), self.tz)

    def refresh(self) -> None:
        """Ask the hub for the numbers of the chosen period and grouping (one request at a time)."""
        self._activate()
        since, until = self.period()
        if since > until:
            self.status.setText(self.tr("The period starts after it ends."))
            return
        if self.pending:
            self._again = True
            return
        if self.bridge is None or not getattr(self.bridge, "running", lambda: True)():
            return  # not connected (yet, or any more): the reset after the welcome asks
        self.window = (since, until)
        self.pending = True
        op = ops.indicators(self.group_combo.currentData() or "all", since.astimezone(UTC).isoformat(),
                            until.astimezone(UTC).isoformat())
        self.bridge.run(op, on_success=self._answered, on_failure=self._failed)

    def _answered(self, res: dict[str, Any]) -> None:
        self.rows = list(res.get("rows") or [])
        self._fill()
        since, until = self.window or (None, None)
        self._show_status()
        if since is not None and until is not None:  # then the charts over the same window
            op = ops.series(since.astimezone(UTC).isoformat(), until.astimezone(UTC).isoformat())
            self.bridge.run(op, on_success=self._charted, on_failure=self._failed)
        else:
            self._done()

    def _charted(self, res: dict[str, Any]) -> None:
        self.series = res
        if self.charts is not None:
            self.charts.show_series(res, self.tz)
        self.answered.emit()
        self._done()

    def _show_status(self) -> None:
        since, until = self.window or (None, None)
        self.status.setText(self.tr("{n} groups · cases reported {since} – {until}").format(
            n=len(self.rows), since=since.astimezone(self.tz).strftime("%Y-%m-%d %H:%M") if since else "",
            until=until.astimezone(self.tz).strftime("%Y-%m-%d %H:%M") if until else ""))

    def _done(self) -> None:
        self.pending = False
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, res: dict[str, Any]) -> None:
        self.pending = False
        self.status.setText(self.tr("Not available: {code}: {message}").format(
            code=res.get("code", ""), message=res.get("message", "")))

    # ---- showing -------------------------------------------------------------------------------

    def _name(self, row: dict[str, Any]) -> str:
        name = row.get("name_en") if self.language == "en" else row.get("name")
        if row.get("key") == "all":
            return self.tr("All cases")
        if row.get("key") == "-":
            return self.tr("(none)")
        return name or str(row.get("key"))

    def _fill(self) -> None:
        t = self.table
        head = t.horizontalHeader()
        # fitted once at the end: fitting every column to its contents after each of the ~200 cells
        # cost 300–500 ms a refresh on the GUI thread (found by the GUI-stall bench)
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        t.setUpdatesEnabled(False)
        try:
            self._fill_cells()
        finally:
            t.resizeColumnsToContents()
            head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            if self.wall:  # a wall's table spans its screen: the names take the room
                head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            t.setUpdatesEnabled(True)
        shown = [row for row in self.rows if row.get("on_time_closure_rate") is not None][:12]
        from .eval_charts import bar_labels

        labels = bar_labels([self._name(row) for row in shown], self.language, room=16 if self.wall else 9)
        self.charts.show_groups(labels, [row["on_time_closure_rate"] for row in shown])

    def _fill_cells(self) -> None:
        t = self.table
        t.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, (key, kind) in enumerate(COLUMNS):
                value = self._name(row) if key == "name" else row.get(key)
                if value is None:
                    text = "—"
                elif kind == "pct":
                    text = f"{value:.1f} %"
                elif kind == "num":
                    text = f"{value:.1f}"
                else:
                    text = str(value)
                item = QTableWidgetItem(text)
                if kind != "text":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if key == "grade" and value in GRADE_COLOURS:
                    item.setForeground(QColor(GRADE_COLOURS[value]))
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                t.setItem(r, c, item)

    # ---- export --------------------------------------------------------------------------------

    def _ask_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        stamp = datetime.now(self.tz).strftime("%Y%m%d-%H%M")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the numbers"), f"numbers-{stamp}.xlsx",
                                              self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> bool:
        """The table as shown, to ``path`` (.xlsx or .csv); the outcome in the status line."""
        from pathlib import Path

        from console.models.export import ExportError, write_numbers

        since, until = self.window or (None, None)
        title = self.status.text() if since else ""
        try:
            write_numbers(self.rows, Path(path), language=self.language, title=title)
        except ExportError as e:
            self.status.setText(self.tr("Not exported: {why}").format(why=str(e)))
            return False
        self.status.setText(self.tr("Written to {path}").format(path=path))
        return True

    # ---- the handover report ------------------------------------------------------------------

    def _ask_handover(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        stamp = datetime.now(self.tz).strftime("%Y%m%d-%H%M")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Shift handover report"), f"handover-{stamp}.pdf",
                                              self.tr("PDF (*.pdf)"))
        if path:
            self.handover_to(path)

    def handover_to(self, path: str) -> bool:
        """Write the handover report of the chosen period to ``path``: the hub's numbers and
        series are asked through the bridge, the charts drawn here, the pages laid out on a
        worker thread while the progress bar moves. False (and said) when it cannot start."""
        from pathlib import Path

        from console.state import handover

        if self.job is not None:
            self.status.setText(self.tr("A handover report is being written already."))
            return False
        target = Path(path)
        if target.suffix.lower() != ".pdf" or not target.parent.is_dir():
            why = (self.tr("the file must end in .pdf") if target.suffix.lower() != ".pdf"
                   else self.tr("the folder {folder} does not exist").format(folder=str(target.parent)))
            self.status.setText(self.tr("Not written: {why}").format(why=f"{path}: {why}"))
            return False
        since, until = self.period()
        if since > until:
            self.status.setText(self.tr("The period starts after it ends."))
            return False
        asks = handover.questions(since, until)
        answers: dict[str, Any] = {}
        self.job = "asking"
        self.handover_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)

        def ask(k: int) -> None:
            if k == len(asks):
                active = list(self.state.incidents.values()) if self.state is not None else []
                self._write_handover(handover.build(since, until, answers, active, user=self.who,
                                                    hub=getattr(self.bridge, "url", "") or ""), target)
                return
            name, op = asks[k]

            def got(res: dict[str, Any]) -> None:
                answers[name] = res
                self.progress.setValue(int(20 * (k + 1) / len(asks)))
                ask(k + 1)

            self.bridge.run(op, on_success=got, on_failure=self._handover_failed)

        ask(0)
        return True

    def _write_handover(self, h: Any, target: Any) -> None:
        from .handover import HandoverJob, chart_images

        charts = chart_images(h, language=self.language, tz=self.tz)  # Qt widgets: drawn here
        job = HandoverJob(h, target, catalog=self.catalog, language=self.language, charts=charts, parent=self)
        job.progressed.connect(lambda p: self.progress.setValue(20 + p * 80 // 100))
        job.written.connect(lambda path: self._handover_done(self.tr("Handover report written to {path}").format(
            path=path)))
        job.failed.connect(lambda why: self._handover_done(self.tr("Not written: {why}").format(why=why)))
        self.job = job
        job.start()

    def _handover_failed(self, res: dict[str, Any]) -> None:
        self._handover_done(self.tr("Not written: {why}").format(
            why=f"{res.get('code', '')}: {res.get('message', '')}"))

    def _handover_done(self, text: str) -> None:
        job, self.job = self.job, None
        if job is not None and job != "asking":  # the thread has finished its run: reap it
            job.wait()
            job.deleteLater()
        self.progress.setVisible(False)
        self.handover_button.setEnabled(True)
        self.status.setText(text)
        self.handover_finished.emit(text)

    def _retitle(self) -> None:
        if self.charts is not None:
            self.charts.retranslate()

    def _drill(self, row: int) -> None:
        if not 0 <= row < len(self.rows) or self.window is None:
            return
        data = self.rows[row]
        since, until = self.window
        f: dict[str, Any] = {"since": since.astimezone(UTC).isoformat(), "until": until.astimezone(UTC).isoformat()}
        group = self.group_combo.currentData()
        if group in DRILLABLE and data.get("key") not in (None, "-", "all"):
            f[DRILLABLE[group]] = data["key"]
        self.drill_down.emit(f)

    # ---- texts ---------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        keep_p, keep_g = self.period_combo.currentData(), self.group_combo.currentData()
        self.period_combo.blockSignals(True)
        self.group_combo.blockSignals(True)
        self.period_combo.clear()
        for text, data in ((self.tr("This shift"), "shift"), (self.tr("Today"), "today"),
                           (self.tr("This week"), "week"), (self.tr("This month"), "month"),
                           (self.tr("Dates…"), "custom")):
            self.period_combo.addItem(text, data)
        self.group_combo.clear()
        for text, data in ((self.tr("By department"), "department"), (self.tr("By team"), "team"),
                           (self.tr("By street"), "street"), (self.tr("By community"), "community"),
                           (self.tr("By grid"), "grid"), (self.tr("By person"), "person"),
                           (self.tr("By category"), "category"), (self.tr("All cases"), "all")):
            self.group_combo.addItem(text, data)
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(keep_p or ("shift" if self.wall
                                                                                      else "today"))))
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(keep_g or "department")))
        self.period_combo.blockSignals(False)
        self.group_combo.blockSignals(False)
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("The table to an Excel workbook (.xlsx) or a CSV file"))
        self.handover_button.setText(self.tr("Handover report…"))
        self.handover_button.setToolTip(self.tr("The shift-handover report of this period as a PDF: counts, rates by "
                                                "department and street, charts, overdue and parked cases"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Grade"), self.tr("Score"), self.tr("Reported"), self.tr("Closed"),
            self.tr("Closure"), self.tr("On-time closure"), self.tr("Rework rate"), self.tr("Accurate dispatch"),
            self.tr("Satisfied"), self.tr("Urged"), self.tr("Parked"), self.tr("More time"), self.tr("Escalated"),
            self.tr("Signed on time"), self.tr("Handled on time"), self.tr("Street's stars")])
        tips = {14: self.tr("Two-way assessment: escalated cases the department signed for (签收) in time"),
                15: self.tr("Two-way assessment: escalated cases the department resolved in time"),
                16: self.tr("Two-way assessment: the calling street's mean rating of the department's work (1–5)")}
        for col, tip in tips.items():
            self.table.horizontalHeaderItem(col).setToolTip(tip)
        self._retitle()
        self.refresh_button.setToolTip(self.tr("Ask the hub again (the numbers also refresh a few seconds after "
                                               "cases change)"))
