"""A short-lived notice in a window: a new urgent incident, one that passed its deadline, a
notice from the hub."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget


class Toast(QLabel):
    """Shown for six seconds at the bottom centre, above the status bar: over the video wall's
    edge, never over the counters, the queue's first rows or the incident's action buttons."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=6000, timeout=self.hide)

    def show_message(self, text: str) -> None:
        self.setText(text)
        parent = self.parentWidget()
        width = min(640, max(360, parent.width() // 3))
        height = self.heightForWidth(width) + 4
        self.setFixedSize(width, height)
        self.move((parent.width() - width) // 2, parent.height() - height - 48)
        self.raise_()
        self.show()
        self._timer.start()
