"""A layout that wraps its items onto further lines instead of widening its parent (Qt's flow
layout example, with height-for-width). Used where a row of buttons or filters must never push the
window past its screen: the incident panel's actions, the queue's filters, the map's toolbar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapped; each line as tall as its tallest item.

    ``stretch_last``: the last item takes the rest of its line (a search field after the filters).
    Always made on its own widget: PySide6 crashes when a parentless Python layout that already
    holds widgets is added to another layout.
    """

    def __init__(self, parent: QWidget, *, spacing: int = 4, margins: int = 0,
                 stretch_last: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._stretch_last = stretch_last
        self.setContentsMargins(QMargins(margins, margins, margins, margins))

    # ---- QLayout's interface

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt's name)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> Any:  # noqa: N802 (Qt's name)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt's name)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt's name)
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # one line holding everything: what it would like, never what it needs
        w = h = 0
        for item in self._visible():
            hint = item.sizeHint()
            w += hint.width() + self._spacing
            h = max(h, hint.height())
        m = self.contentsMargins()
        return QSize(max(0, w - self._spacing) + m.left() + m.right(), h + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt's name)
        # the widest single item: anything wider wraps
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # ---- placing

    def _grows(self, item: QLayoutItem, last: bool) -> bool:
        if self._stretch_last and last:
            return True
        w = item.widget()
        return w is not None and bool(w.sizePolicy().expandingDirections() & Qt.Orientation.Horizontal)

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    def _do_layout(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        items = self._visible()
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = 0
        for item in items:
            hint = item.sizeHint().boundedTo(QSize(area.width(), 1 << 20)).expandedTo(item.minimumSize())
            if lines[-1] and x + hint.width() > area.width():
                lines.append([])
                x = 0
            lines[-1].append((item, hint))
            x += hint.width() + self._spacing
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(h.height() for _, h in line)
            # expanding items (a search field) share what is left of their line
            growers = [k for k, (item, _) in enumerate(line) if self._grows(item, item is items[-1])]
            spare = area.width() - sum(h.width() for _, h in line) - self._spacing * (len(line) - 1)
            extra = max(0, spare) // len(growers) if growers else 0
            x = area.x()
            for k, (item, hint) in enumerate(line):
                width = hint.width() + (extra if k in growers else 0)
                if apply:
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), QSize(width, hint.height())))
                x += width + self._spacing
            y += height + self._spacing
        return y - self._spacing - area.y() + m.top() + m.bottom() if items else m.top() + m.bottom()
