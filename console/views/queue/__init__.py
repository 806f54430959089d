"""The incident queue (docs/CONSOLE.md): ``model`` holds the rows and their caches, ``proxy``
filters and sorts them incrementally, ``delegate`` paints the cells, ``view`` is the filter bar
over the table, following the console's state.

Model → view adapter in the napari habit: the state hands over a burst of incident upserts and
``IncidentTableModel.apply`` turns it into one insert range, per-run ``dataChanged`` and as few
removal ranges as possible."""

from console.state.filters import NO_SLA

from .delegate import QueueItemDelegate
from .model import (
    ACTIVE_STATES,
    FINAL_STATES,
    KNOWN_SOURCES,
    STATES,
    Column,
    IncidentTableModel,
    SortRole,
    _Holes,
    deadline_epoch,
    format_remaining,
)
from .proxy import IncidentFilterProxy
from .view import QueueView

__all__ = ["ACTIVE_STATES", "FINAL_STATES", "KNOWN_SOURCES", "NO_SLA", "STATES", "Column", "IncidentFilterProxy",
           "IncidentTableModel", "QueueItemDelegate", "QueueView", "SortRole", "_Holes", "deadline_epoch",
           "format_remaining"]
