"""The incident queue's table model: active incidents, one per row, with per-row caches, the
countdown tick and names in the console's language."""

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
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from console.models.lifecycle import FINAL_STATES as _FINAL
from console.models.lifecycle import State
from console.models.names import local_name
from console.state.filters import search_text

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

# Explicit backgrounds with white text: readable on the dark and the light theme alike.
DEFAULT_SLA_PALETTE: dict[str, tuple[str, str]] = {
    "green": ("#2e7d32", "#ffffff"),
    "blue": ("#1565c0", "#ffffff"),
    "red": ("#c62828", "#ffffff"),
}

_INF = math.inf


def _tr(text: str) -> str:
    return QCoreApplication.translate("IncidentQueue", text)


@lru_cache(maxsize=4096)
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


def _short_time(value: Any) -> str:
    """MM-dd HH:mm in this machine's zone, as the deadline tooltip shows times."""
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone().strftime("%m-%d %H:%M")
    except ValueError:
        return ""


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
        self._marks: dict[str, tuple[bool, str]] = {}  # open elsewhere: id -> (someone acting, who)
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
        return local_name(names, self._language)

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
        return search_text(inc, self._cat_names, self._street_names)

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

    def set_marks(self, marks: Mapping[str, tuple[bool, str]]) -> None:
        """Cases someone else has open (presence, issue 17): id -> (someone acting on it, who, for
        the tooltip). The delegate marks their id cell; only the rows that changed repaint."""
        old, self._marks = self._marks, dict(marks)
        for iid in {k for k in old.keys() | marks.keys() if old.get(k) != marks.get(k)}:
            r = self.row_of(iid)
            if r is not None:
                self.dataChanged.emit(self.index(r, _C_ID), self.index(r, _C_ID), [_DISPLAY, _TOOLTIP])

    def mark(self, row: int) -> tuple[bool, str] | None:
        return self._marks.get(self._rows[row]["id"]) if self._marks else None

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
            text = self.label("state", _state_of(inc))
            if inc.get("urged"):  # the desk is pressing: read in the queue, not only the panel
                text += " · " + _tr("urged ×{n}").format(n=inc["urged"])
            if inc.get("parked"):  # the parked ledger: since when, and why
                text += " · " + _tr("⏸ parked {since}: {reason}").format(
                    since=_short_time(inc.get("parked_since")), reason=inc.get("parked_reason") or "")
            return text
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
        if col == Column.STATUS and (inc.get("parked") or inc.get("urged")):
            return self._display(row, col, inc)  # the parked reason, whole, where the cell elides it
        text = inc.get("description") or ""
        addr = inc.get("address")
        mark = self._marks.get(inc["id"]) if col == _C_ID else None
        return f"{inc['id']}: {text}" + (f"\n{addr}" if addr else "") + (f"\n{mark[1]}" if mark else "")

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
