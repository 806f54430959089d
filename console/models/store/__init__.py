"""The store: applies commands atomically and keeps the event log.

One call to ``Store.execute`` takes a batch of commands and runs them in ONE transaction:
read what they need, compute every outcome with the pure functions of ``commands``, allocate
the seq range, write incidents + transitions + events + processed ids, commit. Committing a
batch at once is what keeps throughput high under load; answering only after commit is what
makes an ``ok`` survive ``kill -9``.

Works unchanged on SQLite (WAL) and PostgreSQL. Never call it from the GUI thread.

- ``engine``: the connection and the migrations;
- ``bulk``: the writes, compiled once, and the counters (seq, incident numbers);
- ``batch``: one batch, with a handler per command;
- ``sla``: the SLA clock;
- ``upkeep``: the log's upkeep: state checkpoints, thinning old positions, retention;
- ``replay``, ``history``: what a console held at any seq; ``query.events`` and ``query.state_at``;
- ``queries``: snapshots, resumes, trails and ``query.incidents``;
- ``numbers``, ``counts``, ``rollups``: ``query.indicators`` from per-hour rollups of the counts;
- ``series``: ``query.series``, the numbers' charts;
- ``wire``: rows to their wire form.
"""

from .batch import Outcome, Request
from .core import Store
from .engine import make_engine, migrate
from .queries import QUERY_BUDGET

__all__ = ["QUERY_BUDGET", "Outcome", "Request", "Store", "make_engine", "migrate"]
