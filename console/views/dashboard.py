"""The dashboard's counters: active, urgent, nearing the limit (blue) and overdue (red), read from
the console's state (``ConsoleState.counts``), on the desk and on every wall screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel

from .binding import follow, unfollow
from .widgets import TickerLabel


class Counters(QFrame):
    """Four big numbers. Bound to a state they recount at once after a snapshot and at most once
    a second while events arrive (a recount over 100,000 rows per batch would stall the GUI)."""

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
        self._state: Any = None
        self._dirty = False
        self._timer = QTimer(self, interval=1000, timeout=self._recount_if_dirty)

    def bind(self, state: Any) -> None:
        self._state = state
        follow(self, [(state.reset, self._on_reset), (state.incidents_changed, self._on_incidents_changed)])
        self._timer.start()
        self._on_reset()

    def unbind(self) -> None:
        unfollow(self)
        self._timer.stop()

    def _on_reset(self) -> None:
        self._dirty = False
        self.show_counts(self._state.counts().as_dict())

    def _on_incidents_changed(self, _upserted: Any, _removed: Any) -> None:
        self._dirty = True

    def _recount_if_dirty(self) -> None:
        if self._dirty:
            self._on_reset()

    def show_counts(self, counts: dict[str, int]) -> None:
        for key, n in counts.items():
            self._values[key].setText(str(n))

    def value(self, key: str) -> str:
        return self._values[key].text()
