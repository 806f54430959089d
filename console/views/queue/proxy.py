"""The queue's filter and sort: a proxy that filters incrementally and keeps rows sorted under
batches of updates (QSortFilterProxyModel re-checks every row; this does not)."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from console.state.filters import FILTER_NAMES, NO_SLA, in_ledger, normalise

from .model import _DISPLAY, _NCOLS, _UNSET, _USER, Column, IncidentTableModel, _Holes, _runs

SortRole = Qt.ItemDataRole.UserRole + 1

_ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


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
        self._f: dict[str, Any] = dict.fromkeys(FILTER_NAMES)
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
        unknown = kw.keys() - set(FILTER_NAMES)
        if unknown:
            raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        new = dict(self._f)
        for k, v in kw.items():
            new[k] = normalise(k, v)
        if new == self._f:
            return
        old_terms, old = self._terms, self._f
        self._f = new
        self._terms = (new["text"] or "").lower().split()
        narrowing = (all(new[k] == old[k] for k in FILTER_NAMES if k != "text")
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
            if f["ledger"] is not None:
                led = f["ledger"]
                cands = [r for r in cands if in_ledger(rows[r], led)]
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
