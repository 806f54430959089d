"""Small widgets shared by the views."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class TickerLabel(QWidget):
    """Text that changes often (counts, clocks, data age). Setting it only repaints this widget:
    a QLabel whose text changes asks for a new geometry, and in a QMainWindow with docks that
    re-lays out the whole window (measured ~35 ms at 1920×1080, once per event batch)."""

    def __init__(self, sample: str, *, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
                 object_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self._text = ""
        self._sample = sample
        self._align = align
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self._sample) + 16, fm.height() + 10)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel's name, so callers need not care)
        if text != self._text:
            self._text = text
            self.update()

    def text(self) -> str:
        return self._text

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        p.setFont(self.font())
        p.drawText(self.rect().adjusted(6, 0, -6, 0), int(self._align | Qt.AlignmentFlag.AlignVCenter), self._text)
