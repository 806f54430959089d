"""The incident queue: a table model of active incidents, a sorting/filtering proxy, and the view.

Model → view adapter in the napari habit: the replica hands over a burst of incident upserts
and ``IncidentTableModel.apply`` turns it into one insert range, per-run ``dataChanged`` and as
few removal ranges as possible.

``IncidentFilterProxy`` is a ``QAbstractProxyModel`` with the proxy contract of
``QSortFilterProxyModel`` (``sort``, ``sortColumn``, ``sortOrder``, ``filterAcceptsRow``,
dynamic sort and filter), not a subclass of it: with a Python source model that class calls
Python per comparison and per row, and took 19–24 s to sort and 2.4 s to re-filter 100,000
rows here (docs/PERFORMANCE.md, "Queue"). This one keeps its order as a Python list, sorts
with ``sorted()`` on keys precomputed per source row, filters with list comprehensions, and
follows source changes per batch with binary search.
"""

from __future__ import annotations

import math
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from enum import IntEnum
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.models.lifecycle import FINAL_STATES as _FINAL
from console.models.lifecycle import State

from .binding import follow, unfollow
from .flow import FlowLayout
from .widgets import TickerLabel

SortRole = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_USER = Qt.ItemDataRole.UserRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole


class Column(IntEnum):
    ID = 0
    PRIORITY = 1
    CATEGORY = 2
    PLACE = 3
    SOURCE = 4
    STATUS = 5
    ASSIGNEE = 6
    DEADLINE = 7  # DEADLINE and SLA stay adjacent and last: the countdown signal covers both
    SLA = 8


# Plain ints for the per-cell paths (an IntEnum member lookup costs ~1 µs in Python 3.11).
_NCOLS = len(Column)
(_C_ID, _C_PRIORITY, _C_CATEGORY, _C_PLACE, _C_SOURCE, _C_STATUS, _C_ASSIGNEE, _C_DEADLINE,
 _C_SLA) = (int(c) for c in Column)

STATES = tuple(s.value for s in State)
FINAL_STATES = frozenset(s.value for s in _FINAL)
ACTIVE_STATES = tuple(s for s in STATES if s not in FINAL_STATES)
_STATE_RANK = {s: i for i, s in enumerate(STATES)}
_PRIORITY_RANK = {"urgent": 0, "normal": 1}
_SLA_RANK = {"red": 0, "blue": 1, "green": 2}
KNOWN_SOURCES = ("grid", "hotline", "12345", "110", "sensor", "web", "import")
NO_SLA = "none"  # the SLA filter's value for "no clock running"

# Explicit backgrounds with white text: readable on the dark and the light theme alike.
DEFAULT_SLA_PALETTE: dict[str, tuple[str, str]] = {
    "green": ("#2e7d32", "#ffffff"),
    "blue": ("#1565c0", "#ffffff"),
    "red": ("#c62828", "#ffffff"),
}

_INF = math.inf


def _tr(text: str) -> str:
    return QCoreApplication.translate("IncidentQueue", text)


@lru_cache(maxsize=65536)
def _epoch(s: str) -> float:
    # Cached: many incidents share a deadline instant (same limit, same batch).
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


def deadline_epoch(value: Any) -> float:
    """A wire deadline (ISO string, datetime or None) as epoch seconds; None → +inf (sorts last)."""
    if value is None or value == "":
        return _INF
    if isinstance(value, datetime):
        return value.timestamp()
    try:
        return _epoch(value)
    except ValueError:
        return _INF


def format_remaining(seconds: float) -> str:
    """'1:23:45' before the deadline, '-0:05:00 overdue' after it (hours are not folded into days)."""
    if seconds >= 0:
        s = int(seconds)
        return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
    s = int(-seconds)
    return _tr("-{time} overdue").format(time=f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}")


def _state_of(inc: dict) -> str:
    return inc.get("state") or inc.get("status") or ""


def _is_zh(language: str) -> bool:
    return language.lower().startswith("zh")


class _Holes:
    """Row numbers kept as they were before some removals ("stored"), mapped to current ones
    without rewriting them all per removal: current = stored − removed rows below it. Rewriting
    100,000 numbers in Python costs ~5 ms; a batch removes a few rows. ``compact_at`` removals
    later the owner rewrites once and starts over."""

    compact_at = 1024

    def __init__(self) -> None:
        self.h: list[int] = []  # sorted stored numbers of removed rows

    def cur(self, s: int) -> int:
        h = self.h
        return s - bisect_left(h, s) if h else s

    def sto(self, r: int) -> int:
        """The stored number of current row r."""
        h = self.h
        if not h:
            return r
        k = bisect_right(h, r)
        while True:
            s = r + k
            k2 = bisect_right(h, s)
            if k2 == k:
                return s
            k = k2

    def add(self, stored: list[int]) -> None:
        self.h = sorted(self.h + stored)

    def full(self) -> bool:
        return len(self.h) > self.compact_at


class IncidentTableModel(QAbstractTableModel):
    """Active incidents, one per row, in arrival order. Rows are the wire dicts themselves (the
    model owns them once handed over). Final states leave the model."""

    SortRole = SortRole
    sources_changed = Signal()  # a source value not seen before arrived (filter combos follow)

    def __init__(self, parent: QObject | None = None, *, now_fn: Callable[[], float] = time.time,
                 countdown_interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self.now_fn = now_fn  # epoch seconds; injectable for tests and replays
        self._rows: list[dict] = []
        self._index: dict[str, int] = {}  # id → stored row number (see _Holes)
        self._holes = _Holes()
        # Per-row caches kept parallel to _rows, refreshed per upsert (O(batch)).
        self._search: list[str] = []
        self._search_version: list[Any] = []
        self._deadline: list[float] = []
        self._sources: set[str] = set()
        self._language = "zh_CN"
        self._cat_names: dict[str, tuple[str, str]] = {}
        self._street_names: dict[str, tuple[str, str]] = {}
        self._assignee_names: dict[str, tuple[str, str]] = {}
        self._labels: dict[str, dict[str, str]] = {}
        self._palette: dict[str, tuple[QBrush, QBrush]] = {}
        self._palette_pen: dict[str, tuple[QBrush, QColor]] = {}  # for cell(): (background, text colour)
        self.palette = dict(DEFAULT_SLA_PALETTE)
        self.retranslate()
        self._tick = QTimer(self)
        self._tick.timeout.connect(self.refresh_countdown)
        if countdown_interval_ms > 0:
            self._tick.start(countdown_interval_ms)

    # --- reference data and language ------------------------------------------------------

    def set_reference(self, reference: dict) -> None:
        """Names for categories, streets, teams and departments (catalog ``to_wire()`` form)."""
        def names(items: Iterable[dict]) -> dict[str, tuple[str, str]]:
            return {d["id"]: (d.get("name_zh") or d["id"], d.get("name_en") or d["id"]) for d in items}

        self._cat_names = names(reference.get("categories", ()))
        self._street_names = names(reference.get("streets", ()))
        self._assignee_names = {**names(reference.get("departments", ())), **names(reference.get("teams", ()))}
        # Search text includes names: recompute for all rows (rare, O(N)).
        self._search = [self._search_text(r) for r in self._rows]
        self._all_changed()

    def reference_names(self) -> tuple[dict, dict]:
        """(categories, streets) as id → (name_zh, name_en), for the filter combos."""
        return self._cat_names, self._street_names

    def set_language(self, language: str) -> None:
        """'zh_CN' or 'en': names from the reference in that language."""
        if _is_zh(language) == _is_zh(self._language):
            self._language = language
            return
        self._language = language
        self._all_changed()

    def language(self) -> str:
        return self._language

    def _all_changed(self) -> None:
        # Names and their sort keys changed everywhere: the proxy re-sorts once on this.
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1), [])

    def _name(self, table: dict[str, tuple[str, str]], key: str | None) -> str:
        if not key:
            return ""
        names = table.get(key)
        if names is None:
            return key
        return names[0] if _is_zh(self._language) else names[1]

    def retranslate(self) -> None:
        """Labels and headers again from tr() (models get no LanguageChange event: the view calls this)."""
        self._labels = {
            "state": {
                "reported": self.tr("Reported"), "accepted": self.tr("Accepted"),
                "dispatched": self.tr("Dispatched"), "acknowledged": self.tr("Acknowledged"),
                "returned": self.tr("Returned"), "escalated": self.tr("Escalated"),
                "resolved": self.tr("Resolved"), "verified": self.tr("Verified"),
                "closed": self.tr("Closed"), "rejected": self.tr("Rejected"), "merged": self.tr("Merged"),
            },
            "priority": {"urgent": self.tr("Urgent"), "normal": self.tr("Normal")},
            "sla": {"green": self.tr("Green"), "blue": self.tr("Blue"), "red": self.tr("Red")},
            "source": {"grid": self.tr("Grid worker"), "hotline": self.tr("Hotline"), "12345": self.tr("12345"),
                       "110": self.tr("110 transfer"), "sensor": self.tr("Sensor"), "web": self.tr("Web"),
                       "import": self.tr("Import")},
            "header": {
                Column.ID: self.tr("ID"), Column.PRIORITY: self.tr("Priority"), Column.CATEGORY: self.tr("Category"),
                Column.PLACE: self.tr("Place"), Column.SOURCE: self.tr("Source"), Column.STATUS: self.tr("Status"),
                Column.ASSIGNEE: self.tr("Assignee"), Column.DEADLINE: self.tr("Time left"),
                Column.SLA: self.tr("SLA"),
            },
        }

    def label(self, kind: str, value: str) -> str:
        """Translated label for a state, priority, sla colour or source value."""
        return self._labels[kind].get(value, value)

    @property
    def palette(self) -> dict[str, tuple[str, str]]:
        """SLA colour → (background, foreground) colour names for the SLA column."""
        return dict(self._palette_spec)

    @palette.setter
    def palette(self, value: dict[str, tuple[str, str]]) -> None:
        self._palette_spec = dict(value)
        self._palette = {k: (QBrush(QColor(bg)), QBrush(QColor(fg))) for k, (bg, fg) in value.items()}
        self._palette_pen = {k: (b, f.color()) for k, (b, f) in self._palette.items()}
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.SLA), self.index(len(self._rows) - 1, Column.SLA),
                                  [_BACKGROUND, _FOREGROUND])

    # --- per-row caches -----------------------------------------------------------------

    def _search_text(self, inc: dict) -> str:
        cat = self._cat_names.get(inc.get("category") or "", ("", ""))
        street = self._street_names.get(inc.get("street") or "", ("", ""))
        parts = (inc.get("id"), inc.get("description"), inc.get("address"), inc.get("category"), cat[0], cat[1],
                 street[0], street[1], inc.get("grid"))
        # "\n" between fields: a search term never spans two of them.
        return "\n".join(p for p in parts if p).lower()

    def _cache_row(self, r: int, inc: dict) -> None:
        v = inc.get("version")
        if v is None or self._search_version[r] != v:  # same version, same content: keep the text
            self._search[r] = self._search_text(inc)
            self._search_version[r] = v
        self._deadline[r] = deadline_epoch(inc.get("deadline"))

    def _note_sources(self, incs: Iterable[dict]) -> None:
        new = {i.get("source") or "" for i in incs} - self._sources
        if new:
            self._sources |= new
            self.sources_changed.emit()

    def sources(self) -> list[str]:
        return sorted(s for s in self._sources if s)

    # --- loading and batches ----------------------------------------------------------

    def reset(self, incidents: list[dict]) -> None:
        """Replace everything (a snapshot). Final states are left out; no alerts."""
        self.beginResetModel()
        latest: dict[str, dict] = {}
        for inc in incidents:
            latest[inc["id"]] = inc
        self._rows = [i for i in latest.values() if _state_of(i) not in FINAL_STATES]
        self._index = {inc["id"]: r for r, inc in enumerate(self._rows)}
        self._holes = _Holes()
        self._search = [self._search_text(i) for i in self._rows]
        self._search_version = [i.get("version") for i in self._rows]
        self._deadline = [deadline_epoch(i.get("deadline")) for i in self._rows]
        self.endResetModel()
        self._note_sources(self._rows)

    def apply(self, incidents: list[dict], removed: Iterable[dict] = ()) -> None:
        """A batch of upserts: updates in place, new rows appended as one range, final states
        (and ``removed``, the incidents that left in their final version) removed in as few
        ranges as possible. Older versions than held are ignored."""
        if removed:
            incidents = [*incidents, *removed]
        rows, index, cur = self._rows, self._index, self._holes.cur
        fresh: dict[str, dict] = {}  # new ids in arrival order, last version wins
        updated: set[int] = set()
        gone: set[int] = set()
        for inc in incidents:
            iid = inc["id"]
            final = _state_of(inc) in FINAL_STATES
            r = index.get(iid)
            if r is not None:
                r = cur(r)
            if r is None:
                prev = fresh.get(iid)
                if prev is not None and (inc.get("version") or 0) < (prev.get("version") or 0):
                    continue
                if final:
                    fresh.pop(iid, None)
                else:
                    fresh[iid] = inc
                continue
            old = rows[r]
            if (inc.get("version") or 0) < (old.get("version") or 0):
                continue  # a stale event overtaken by a newer one
            if final:
                gone.add(r)
                continue
            gone.discard(r)  # closed then reopened within the batch
            rows[r] = inc
            self._cache_row(r, inc)
            updated.add(r)

        # Updates: one dataChanged per contiguous run of rows.
        for a, b in _runs(sorted(updated - gone)):
            self.dataChanged.emit(self.index(a, 0), self.index(b, len(Column) - 1), [])

        # New rows: one insert at the end.
        if fresh:
            first = len(rows)
            new = list(fresh.values())
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            rows.extend(new)
            self._search.extend(self._search_text(i) for i in new)
            self._search_version.extend(i.get("version") for i in new)
            self._deadline.extend(deadline_epoch(i.get("deadline")) for i in new)
            base = len(self._holes.h)  # appended rows lie past every removed one
            for k, inc in enumerate(new, first):
                index[inc["id"]] = k + base
            self.endInsertRows()
            self._note_sources(new)

        # Removals last, highest range first, so lower row numbers stay valid while we go.
        if gone:
            for a, b in reversed(_runs(sorted(gone))):
                self.beginRemoveRows(QModelIndex(), a, b)
                self._holes.add([index.pop(inc["id"]) for inc in rows[a:b + 1]])
                del rows[a:b + 1], self._search[a:b + 1], self._search_version[a:b + 1], self._deadline[a:b + 1]
                self.endRemoveRows()
            if self._holes.full():
                self._index = {inc["id"]: r for r, inc in enumerate(rows)}
                self._holes = _Holes()

    # --- access ------------------------------------------------------------------------

    def incident(self, row: int) -> dict:
        return self._rows[row]

    def row_of(self, incident_id: str) -> int | None:
        s = self._index.get(incident_id)
        return None if s is None else self._holes.cur(s)

    def ids(self) -> list[str]:
        return [i["id"] for i in self._rows]

    def view(self) -> Mapping[str, dict]:
        """The active incidents by id, read live from the model: no copy is made, so the panel
        and the dashboard can read them on the GUI thread whatever their number."""
        return _IncidentsView(self)

    def search_text(self, row: int) -> str:
        """Lowercase text the free-text filter matches against (cached per version)."""
        return self._search[row]

    def deadline_at(self, row: int) -> float:
        return self._deadline[row]

    def refresh_countdown(self) -> None:
        """Tick: the deadline and SLA columns of every row, as one signal (views repaint what they show)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.DEADLINE), self.index(len(self._rows) - 1, Column.SLA),
                                  [_DISPLAY, _TOOLTIP])

    # --- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < len(Column):
            return self._labels["header"][section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        return self.data_at(index.row(), index.column(), role)

    def data_at(self, row: int, col: int, role: int = _DISPLAY) -> Any:
        """``data()`` by row and column, without a QModelIndex (the proxy calls this)."""
        inc = self._rows[row]
        if role == _DISPLAY:
            return self._display(row, col, inc)
        if role == SortRole:
            return self.sort_key(row, col)
        if role == _USER:
            return inc
        if role == _TOOLTIP:
            return self._tooltip(row, col, inc)
        if col == Column.SLA and role in (_BACKGROUND, _FOREGROUND):
            brushes = self._palette.get(inc.get("sla") or "")
            if brushes is None:
                return None
            return brushes[0] if role == _BACKGROUND else brushes[1]
        if role == _ALIGN and col == Column.DEADLINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def cell(self, row: int, col: int) -> tuple[str, QBrush | None, QColor | None, bool]:
        """What a cell shows, in one call: (text, background, text colour, right-aligned). The
        same as ``data()`` for the display, background, foreground and alignment roles (None: the
        view's own colours); ``QueueItemDelegate`` paints from this instead of ~10 ``data()`` calls."""
        inc = self._rows[row]
        text = self._display(row, col, inc)
        if col == _C_SLA:
            colours = self._palette_pen.get(inc.get("sla") or "")
            if colours is not None:
                return text, colours[0], colours[1], False
        return text, None, None, col == _C_DEADLINE

    def _display(self, row: int, col: int, inc: dict) -> str:
        if col == _C_ID:
            return inc["id"]
        if col == _C_PRIORITY:
            return self.label("priority", inc.get("priority") or "")
        if col == _C_CATEGORY:
            return self._name(self._cat_names, inc.get("category"))
        if col == _C_PLACE:
            street = self._name(self._street_names, inc.get("street"))
            grid = inc.get("grid") or ""
            if street and grid:
                return f"{street} / {grid}"
            return street or grid or (inc.get("address") or "")
        if col == _C_SOURCE:
            return self.label("source", inc.get("source") or "")
        if col == _C_STATUS:
            return self.label("state", _state_of(inc))
        if col == _C_ASSIGNEE:
            return self._name(self._assignee_names, inc.get("assignee"))
        if col == _C_DEADLINE:
            d = self._deadline[row]
            return "" if d == _INF else format_remaining(d - self.now_fn())
        if col == _C_SLA:
            sla = inc.get("sla")
            return self.label("sla", sla) if sla else ""
        return ""

    def _tooltip(self, row: int, col: int, inc: dict) -> str:
        if col == Column.DEADLINE and self._deadline[row] != _INF:
            when = datetime.fromtimestamp(self._deadline[row]).strftime("%Y-%m-%d %H:%M:%S")
            return self.tr("Deadline {when} ({left})").format(when=when, left=self._display(row, col, inc))
        text = inc.get("description") or ""
        addr = inc.get("address")
        return f"{inc['id']}: {text}" + (f"\n{addr}" if addr else "")

    def sort_key(self, row: int, col: int) -> Any:
        """The SortRole value: comparable within a column (deadline as epoch seconds, urgent < normal)."""
        inc = self._rows[row]
        if col == Column.DEADLINE:
            return self._deadline[row]
        if col == Column.PRIORITY:
            return _PRIORITY_RANK.get(inc.get("priority") or "", 2)
        if col == Column.STATUS:
            return _STATE_RANK.get(_state_of(inc), len(STATES))
        if col == Column.SLA:
            return _SLA_RANK.get(inc.get("sla") or "", 3)
        if col == Column.ID:
            return inc["id"]
        return self._display(row, col, inc).lower()

    def sort_keys(self, col: int) -> list:
        """``sort_key`` for every row, built in one pass (what the proxy sorts on)."""
        rows = self._rows
        if col == Column.DEADLINE:
            return list(self._deadline)
        if col == Column.PRIORITY:
            pr = _PRIORITY_RANK
            return [pr.get(i.get("priority") or "", 2) for i in rows]
        if col == Column.SLA:
            sr = _SLA_RANK
            return [sr.get(i.get("sla") or "", 3) for i in rows]
        if col == Column.STATUS:
            st, n = _STATE_RANK, len(STATES)
            return [st.get(_state_of(i), n) for i in rows]
        if col == Column.ID:
            return [i["id"] for i in rows]
        return [self.sort_key(r, col) for r in range(len(rows))]


def _runs(sorted_rows: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs of sorted row numbers as (first, last)."""
    out: list[tuple[int, int]] = []
    for r in sorted_rows:
        if out and out[-1][1] == r - 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


_UNSET: Any = object()
_ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_FILTER_NAMES = ("status", "category", "street", "grid", "source", "sla", "drill", "text")


class IncidentFilterProxy(QAbstractProxyModel):
    """Sorted, filtered view of an ``IncidentTableModel``.

    Filters (``set_filters``; None means "any"): status (set of states), category (code or
    prefix such as "E01"), street (code), grid (code or prefix: a community or street code
    selects its grids), source, sla (colour or set of colours; "none" = no clock), drill
    (True/False), text (every whitespace-separated term must occur, case-insensitive, in id,
    description, address, category or street name, grid).

    Dynamic: source batches are followed per batch (rows placed by binary search on the cached
    sort keys), never by a full re-sort or re-filter. A filter change is one model reset.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._src: IncidentTableModel | None = None
        # proxy row → source row, stored as numbered before recent removals (see _Holes): a
        # removal then costs a binary search per access instead of rewriting 100,000 numbers
        self._order: list[int] = []
        self._holes = _Holes()
        self._removing: list[int] = []
        self._keys: list = []  # current source row → sort key of the current sort column
        self._sort_col = -1
        self._desc = False
        self._f: dict[str, Any] = dict.fromkeys(_FILTER_NAMES)
        self._terms: list[str] = []
        self._conns: list = []
        self._pending_reset = False

    # --- source --------------------------------------------------------------------------

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        if not isinstance(model, IncidentTableModel):
            raise TypeError("IncidentFilterProxy needs an IncidentTableModel")
        if self._src is not None:
            for signal, slot in self._conns:
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        self._src = model
        self._conns = [
            (model.modelAboutToBeReset, self.beginResetModel),
            (model.modelReset, self._on_source_reset),
            (model.layoutChanged, self._rebuild_with_reset),
            (model.rowsInserted, self._on_rows_inserted),
            (model.rowsAboutToBeRemoved, self._on_rows_about_to_be_removed),
            (model.rowsRemoved, self._on_rows_removed),
            (model.dataChanged, self._on_data_changed),
            (model.headerDataChanged, self.headerDataChanged),
        ]
        for signal, slot in self._conns:
            signal.connect(slot)
        self._rebuild()
        self.endResetModel()

    def source(self) -> IncidentTableModel:
        assert self._src is not None
        return self._src

    # --- filtering -------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        return dict(self._f)

    def set_filters(self, **kw: Any) -> None:
        """Change several filters at once; re-filters once (narrowing text only re-checks the rows shown)."""
        unknown = kw.keys() - set(_FILTER_NAMES)
        if unknown:
            raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        new = dict(self._f)
        for k, v in kw.items():
            new[k] = _normalise(k, v)
        if new == self._f:
            return
        old_terms, old = self._terms, self._f
        self._f = new
        self._terms = (new["text"] or "").lower().split()
        narrowing = (all(new[k] == old[k] for k in _FILTER_NAMES if k != "text")
                     and all(any(o in t for t in self._terms) for o in old_terms))
        self._compact()
        self.beginResetModel()
        if narrowing and self._src is not None:
            # Every old term still has to match: only the rows shown can still pass; order is kept.
            self._order = self._filter_rows(self._order, text_only=True)
        else:
            self._rebuild()
        self.endResetModel()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | None = None) -> bool:
        """Whether the source row passes the current filters."""
        return bool(self._filter_rows([source_row]))

    def _filter_rows(self, cands: list[int], text_only: bool = False) -> list[int]:
        # One comprehension per active filter: ~5 ms per 100,000 rows each.
        m = self.source()
        rows = m._rows
        f = self._f
        if not text_only:
            if f["status"] is not None:
                st = f["status"]
                cands = [r for r in cands if (rows[r].get("state") or rows[r].get("status")) in st]
            if f["category"] is not None:
                c = f["category"]
                cands = [r for r in cands if (rows[r].get("category") or "").startswith(c)]
            if f["street"] is not None:
                s = f["street"]
                cands = [r for r in cands if rows[r].get("street") == s]
            if f["grid"] is not None:
                g = f["grid"]
                cands = [r for r in cands if (rows[r].get("grid") or "").startswith(g)]
            if f["source"] is not None:
                s = f["source"]
                cands = [r for r in cands if rows[r].get("source") == s]
            if f["sla"] is not None:
                colours = f["sla"]
                cands = [r for r in cands if (rows[r].get("sla") or NO_SLA) in colours]
            if f["drill"] is not None:
                d = f["drill"]
                cands = [r for r in cands if bool(rows[r].get("drill")) is d]
        search = m._search
        for t in self._terms:
            cands = [r for r in cands if t in search[r]]
        return cands

    # --- sorting ---------------------------------------------------------------------------

    def sortColumn(self) -> int:
        return self._sort_col

    def sortOrder(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._desc else Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the source's SortRole keys (column -1: source order). Persistent indexes
        (selection, current row) follow their incidents."""
        self._compact()
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [(p.row(), p.column()) for p in persistent]
        old_order = self._order
        self._sort_col = column
        self._desc = order == Qt.SortOrder.DescendingOrder
        self._order = self._sorted(list(old_order) if column >= 0 else sorted(old_order))
        if persistent:
            pos = {s: i for i, s in enumerate(self._order)}
            self.changePersistentIndexList(
                persistent, [self.createIndex(pos[old_order[r]], c) if 0 <= r < len(old_order) else QModelIndex()
                             for r, c in before])
        self.layoutChanged.emit()

    def _sorted(self, rows: list[int]) -> list[int]:
        if self._sort_col < 0 or self._src is None:
            self._keys = []
            return rows
        self._keys = self._src.sort_keys(self._sort_col)
        # Stable, so equal keys keep source order in both directions (as QSortFilterProxyModel).
        return sorted(rows, key=self._keys.__getitem__, reverse=self._desc)

    def _pos_of(self, s: int, key: Any = _UNSET) -> int:
        """Where stored row s is, or belongs, in _order: binary search on (sort key, source row),
        the order a stable sort gives; ``key`` overrides s's cached key (to find it by its old one)."""
        order = self._order
        if self._sort_col < 0:
            return bisect_left(order, s)
        keys, cur = self._keys, self._holes.cur
        k = keys[cur(s)] if key is _UNSET else key
        lo, hi = 0, len(order)
        desc = self._desc
        while lo < hi:
            mid = (lo + hi) // 2
            o = order[mid]
            ko = keys[cur(o)]
            if (ko > k if desc else ko < k) or (ko == k and o < s):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _compact(self) -> None:
        """Rewrite _order in current source rows (O(N)): before full passes, and every so many removals."""
        if self._holes.h:
            cur = self._holes.cur
            self._order = [cur(s) for s in self._order]
            self._holes = _Holes()

    def _rebuild(self) -> None:
        self._holes = _Holes()
        if self._src is None:
            self._order, self._keys = [], []
            return
        self._order = self._sorted(self._filter_rows(list(range(self._src.rowCount()))))

    def _on_source_reset(self) -> None:
        self._rebuild()
        self.endResetModel()

    def _rebuild_with_reset(self, *args: Any) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    # --- following source changes, per batch ------------------------------------------------

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        m = self.source()
        appended = last == m.rowCount() - 1
        if last - first > 1000 or not appended:  # a big burst: one reset beats thousands of inserts
            self._rebuild_with_reset()
            return
        if self._sort_col >= 0:
            col = self._sort_col
            self._keys[first:first] = [m.sort_key(r, col) for r in range(first, last + 1)]
        sto = self._holes.sto
        self._insert_rows([sto(r) for r in self._filter_rows(list(range(first, last + 1)))])

    def _insert_rows(self, srows: list[int]) -> None:
        # Positions are found against the order before any insert; rows that land together go
        # in as one range.
        if not srows:
            return
        srows = sorted(srows)
        if self._sort_col >= 0:
            keys, cur = self._keys, self._holes.cur
            srows = sorted(srows, key=lambda x: keys[cur(x)], reverse=self._desc)  # stable: ties by row
        groups: list[tuple[int, list[int]]] = []
        for s in srows:
            p = self._pos_of(s)
            if groups and groups[-1][0] == p:
                groups[-1][1].append(s)
            else:
                groups.append((p, [s]))
        shift = 0
        for p, ss in groups:
            at = p + shift
            self.beginInsertRows(QModelIndex(), at, at + len(ss) - 1)
            self._order[at:at] = ss
            self.endInsertRows()
            shift += len(ss)

    def _on_rows_about_to_be_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        if last - first > 1000:
            self.beginResetModel()
            self._pending_reset = True
            return
        self._pending_reset = False
        sto = self._holes.sto
        self._removing = [sto(r) for r in range(first, last + 1)]
        order = self._order
        at = sorted(p for p in (self._find(s) for s in self._removing) if p is not None)
        for a, b in reversed(_runs(at)):
            self.beginRemoveRows(QModelIndex(), a, b)
            del order[a:b + 1]
            self.endRemoveRows()

    def _on_rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        if self._pending_reset:
            self._pending_reset = False
            self._rebuild()
            self.endResetModel()
            return
        if self._sort_col >= 0:
            del self._keys[first:last + 1]
        # Rows after the removed ones moved up; no proxy row changed place. Noted, not rewritten.
        self._holes.add(self._removing)
        self._removing = []
        if self._holes.full():
            self._compact()

    def _find(self, s: int, key: Any = _UNSET) -> int | None:
        """Proxy row of stored row s, or None when it is filtered out."""
        p = self._pos_of(s, key)
        if p < len(self._order) and self._order[p] == s:
            return p
        return None

    def _on_data_changed(self, tl: QModelIndex, br: QModelIndex, roles: list[int]) -> None:
        first, last = tl.row(), br.row()
        if roles and SortRole not in roles and _USER not in roles:
            # Display-only change (the countdown tick, palette): filters and order stand.
            self._forward_changed(first, last, tl.column(), br.column(), roles)
            return
        m = self.source()
        if last - first > 1000:  # names changed everywhere (language, reference): re-sort once
            self._rebuild_with_reset()
            return
        col = self._sort_col
        sto = self._holes.sto
        to_insert: list[int] = []
        for r in range(first, last + 1):
            s = sto(r)
            old_key = self._keys[r] if col >= 0 else None
            p = self._find(s)  # by the key it was placed with; updated just below
            if col >= 0:
                self._keys[r] = m.sort_key(r, col)
            accepted = bool(self._filter_rows([r]))
            if p is None:
                if accepted:
                    to_insert.append(s)
                continue
            if not accepted:
                self.beginRemoveRows(QModelIndex(), p, p)
                del self._order[p]
                self.endRemoveRows()
                continue
            if col >= 0 and self._keys[r] != old_key and not self._in_place(p):
                order = self._order
                del order[p]
                q = self._pos_of(s)  # its place among the others
                order.insert(p, s)
                dest = q if q <= p else q + 1  # beginMoveRows counts the destination before the move
                if dest not in (p, p + 1):
                    self.beginMoveRows(QModelIndex(), p, p, QModelIndex(), dest)
                    del order[p]
                    order.insert(q, s)
                    self.endMoveRows()
                    p = q
            self.dataChanged.emit(self.index(p, 0), self.index(p, self.columnCount() - 1), roles)
        self._insert_rows(to_insert)

    def _in_place(self, p: int) -> bool:
        """Whether _order[p] is still in order with its neighbours."""
        order, keys, desc, cur = self._order, self._keys, self._desc, self._holes.cur
        s = order[p]

        def before(a: int, b: int) -> bool:  # a belongs before b
            ka, kb = keys[cur(a)], keys[cur(b)]
            return (ka > kb if desc else ka < kb) or (ka == kb and a < b)

        return (p == 0 or before(order[p - 1], s)) and (p == len(order) - 1 or before(s, order[p + 1]))

    def _forward_changed(self, first: int, last: int, c0: int, c1: int, roles: list[int]) -> None:
        if not self._order:
            return
        if first == 0 and last >= self.source().rowCount() - 1:
            self.dataChanged.emit(self.index(0, c0), self.index(len(self._order) - 1, c1), roles)
            return
        sto = self._holes.sto
        for r in range(first, last + 1):
            p = self._find(sto(r))
            if p is not None:
                self.dataChanged.emit(self.index(p, c0), self.index(p, c1), roles)

    # --- QAbstractProxyModel interface -----------------------------------------------------

    def mapToSource(self, proxy_index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not proxy_index.isValid() or self._src is None:
            return QModelIndex()
        return self._src.index(self._holes.cur(self._order[proxy_index.row()]), proxy_index.column())

    def mapFromSource(self, source_index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        p = self._find(self._holes.sto(source_index.row()))
        return QModelIndex() if p is None else self.createIndex(p, source_index.column())

    def index(self, row: int, column: int,
              parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._order) and 0 <= column < _NCOLS):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Any = None) -> Any:
        if index is None:
            return super().parent()  # QObject.parent()
        return QModelIndex()

    def sibling(self, row: int, column: int, idx: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        return self.index(row, column)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return False if parent.isValid() else len(self._order) > 0

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # Called per painted cell: constants, not enum arithmetic (~3 µs each in Python).
        return _ITEM_FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or self._src is None:
            return None
        return self._src.data_at(self._holes.cur(self._order[index.row()]), index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and self._src is not None:
            return self._src.headerData(section, orientation, role)
        return None

    # --- convenience -----------------------------------------------------------------------

    def source_row(self, proxy_row: int) -> int:
        return self._holes.cur(self._order[proxy_row])

    def incident(self, proxy_row: int) -> dict:
        return self.source().incident(self.source_row(proxy_row))

    def ids(self) -> list[str]:
        rows, cur = self.source()._rows, self._holes.cur
        return [rows[cur(s)]["id"] for s in self._order]

    def row_of(self, incident_id: str) -> int | None:
        r = self.source().row_of(incident_id)
        return None if r is None else self._find(self._holes.sto(r))


def _normalise(name: str, v: Any) -> Any:
    if v is None or v == "" or (isinstance(v, (set, frozenset, list, tuple)) and not v):
        return None
    if name == "status":
        return frozenset([v] if isinstance(v, str) else v)
    if name == "sla":
        return frozenset(NO_SLA if c is None else c for c in ([v] if isinstance(v, str) else v))
    if name == "drill":
        return bool(v)
    return str(v)


_ST_ENABLED = QStyle.StateFlag.State_Enabled.value
_ST_ACTIVE = QStyle.StateFlag.State_Active.value
_ST_SELECTED = QStyle.StateFlag.State_Selected.value
_ST_FOCUS = QStyle.StateFlag.State_HasFocus.value
_NORMAL, _INACTIVE, _DISABLED = QPalette.ColorGroup.Normal, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled


class QueueItemDelegate(QStyledItemDelegate):
    """Paints the queue's cells as ``QStyledItemDelegate`` does, for a fraction of the cost.

    The stock delegate asks the Python model for ~10 roles per cell through ``multiData`` and
    shapes and elides every text on every repaint (~40 ms for a 1920×1080 table). This one makes
    one Python call per cell (``IncidentTableModel.cell`` through the proxy's row mapping), keeps
    each elided text as a laid-out ``QStaticText`` (per text and width, bounded, dropped when the
    view's font changes) and draws the same things the style would: the SLA background and text
    colour, the palette's Highlight/HighlightedText when selected, Text otherwise, text
    left-aligned (the deadline right-aligned) and vertically centred inside the style's text
    margin, elided with the view's elide mode, the style's focus frame on the current cell. The
    row background (Base, AlternateBase) is left to the view as before. Other models, and
    ``sizeHint``/tooltips/editing, go through the stock delegate and ``data()``.
    """

    CACHE_SIZE = 10_000  # laid-out texts kept; the countdown makes a few new ones per visible row per second

    def __init__(self, view: QTableView, proxy: IncidentFilterProxy) -> None:
        super().__init__(view)
        self._view = view
        self._proxy = proxy
        self._font: QFont | None = None
        self._text_h = 0
        self._margin = 0
        self._elide = Qt.TextElideMode.ElideRight
        self._fm: QFontMetrics | None = None
        self._texts: dict[tuple[str, int], tuple[QStaticText, float]] = {}
        self._colours: dict[int, tuple[QBrush, QColor, QColor]] = {}
        self._set_font = True
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._begin_paint()  # once per repaint, not per cell: font, margin, elide mode, palette
        return False

    def _begin_paint(self) -> None:
        view = self._view
        font = view.font()
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        elide = view.textElideMode()
        if font != self._font or margin != self._margin or elide != self._elide:
            self._font = font
            self._fm = QFontMetrics(font)
            self._text_h = int(QFontMetricsF(font).height())  # as the style's text layout rounds it
            self._margin = margin
            self._elide = elide
            self._texts.clear()
        self._colours = {}
        self._set_font = True

    def _laid_out(self, text: str, width: int) -> tuple[QStaticText, float]:
        """The text elided to width, laid out once: (static text, its width)."""
        key = (text, width)
        hit = self._texts.get(key)
        if hit is not None:
            return hit
        texts = self._texts
        if len(texts) >= self.CACHE_SIZE:
            for k in list(texts)[: self.CACHE_SIZE // 4]:  # oldest quarter out
                del texts[k]
        fm = self._fm
        assert fm is not None
        shown = fm.elidedText(text, self._elide, width) if fm.horizontalAdvance(text) > width else text
        st = QStaticText(shown)
        st.setTextFormat(Qt.TextFormat.PlainText)
        assert self._font is not None
        st.prepare(font=self._font)
        hit = texts[key] = (st, st.size().width())
        return hit

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        proxy = self._proxy
        if index.model() is not proxy or proxy._src is None:
            super().paint(painter, option, index)
            return
        if self._font is None:
            self._begin_paint()
        text, bg, fg, right = proxy._src.cell(proxy._holes.cur(proxy._order[index.row()]), index.column())
        state = option.state.value
        group = state & (_ST_ENABLED | _ST_ACTIVE)
        colours = self._colours.get(group)
        if colours is None:
            cg = _DISABLED if not group & _ST_ENABLED else _NORMAL if group & _ST_ACTIVE else _INACTIVE
            pal = option.palette
            colours = self._colours[group] = (pal.brush(cg, QPalette.ColorRole.Highlight),
                                              pal.color(cg, QPalette.ColorRole.HighlightedText),
                                              pal.color(cg, QPalette.ColorRole.Text))
        rect = option.rect
        if state & _ST_SELECTED:
            painter.fillRect(rect, colours[0])
            pen = colours[1]
        else:
            if bg is not None:
                painter.fillRect(rect, bg)
            pen = colours[2] if fg is None else fg
        if text:
            m = self._margin
            avail = rect.width() - 2 * m
            if avail > 0:
                st, w = self._laid_out(text, avail)
                x = rect.x() + m + (avail - w if right else 0)
                if self._set_font:  # once per repaint: the painter keeps it between cells
                    painter.setFont(self._font)
                    self._set_font = False
                painter.setPen(pen)
                painter.drawStaticText(QPointF(x, rect.y() + (rect.height() - self._text_h) // 2), st)
        if state & _ST_FOCUS:
            self._draw_focus(painter, option, state)

    def _draw_focus(self, painter: QPainter, option: QStyleOptionViewItem, state: int) -> None:
        # As QCommonStyle's CE_ItemViewItem does for the current cell.
        view = self._view
        style = view.style()
        o = QStyleOptionFocusRect()
        o.rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemFocusRect, option, view)
        o.state = option.state | QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
        o.direction = option.direction
        o.palette = option.palette
        o.fontMetrics = option.fontMetrics
        cg = _NORMAL if state & _ST_ENABLED else _DISABLED
        o.backgroundColor = option.palette.color(
            cg, QPalette.ColorRole.Highlight if state & _ST_SELECTED else QPalette.ColorRole.Window)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, o, painter, view)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # Row heights are fixed (the vertical header's default section size).
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), self._view.verticalHeader().defaultSectionSize())


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
                  self.drill_combo):
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
        widths = ((Column.ID, fm.horizontalAdvance("220104202611230000") + 2 * em), (Column.PRIORITY, 7 * em),
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
                            (self.drill_combo, "drill")):
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
        m = self.model
        _fill(self.status_combo, [(self.tr("All active"), None)]
              + [(m.label("state", s), s) for s in ACTIVE_STATES])
        _fill(self.sla_combo, [(self.tr("Any colour"), None), (self.tr("Red"), "red"), (self.tr("Blue"), "blue"),
                               (self.tr("Green"), "green"), (self.tr("No time limit"), NO_SLA)])
        _fill(self.drill_combo, [(self.tr("Real and drill"), None), (self.tr("Real only"), False),
                                 (self.tr("Drill only"), True)])
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


class _IncidentsView(Mapping):
    """A read-only id → incident mapping over IncidentTableModel (see ``view``)."""

    def __init__(self, model: IncidentTableModel) -> None:
        self._model = model

    def __getitem__(self, incident_id: str) -> dict:
        row = self._model.row_of(incident_id)
        if row is None:
            raise KeyError(incident_id)
        return self._model.incident(row)

    def __iter__(self):
        return (i["id"] for i in self._model._rows)

    def __len__(self) -> int:
        return len(self._model._rows)

    def values(self):  # the common reads go straight over the rows, no lookups
        return list(self._model._rows)

    def items(self):
        return [(i["id"], i) for i in self._model._rows]
