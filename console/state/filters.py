"""The queue's filter as a Qt-free predicate: what the operator narrowed the queue to is what the
map shows. The queue's proxy filters its rows with the same rules (incrementally, for 100,000
rows); tests/state/test_filters.py checks the two agree."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

NO_SLA = "none"  # the SLA filter's value for "no clock running"
FILTER_NAMES = ("status", "category", "street", "grid", "source", "sla", "drill", "ledger", "text")
# the desk's ledgers (issue 13): cases parked (挂账), urged (催办/督办), waiting on a request for more time
LEDGERS = ("parked", "urged", "extension")


def in_ledger(inc: Mapping[str, Any], ledger: str) -> bool:
    if ledger == "parked":
        return bool(inc.get("parked"))
    if ledger == "urged":
        return bool(inc.get("urged"))
    return (inc.get("extension") or {}).get("state") == "requested"

Names = Mapping[str, tuple[str, str]]  # id -> (name_zh, name_en)


def normalise(name: str, v: Any) -> Any:
    """A filter's value as the predicate uses it: None means "any"."""
    if v is None or v == "" or (isinstance(v, (set, frozenset, list, tuple)) and not v):
        return None
    if name == "status":
        return frozenset([v] if isinstance(v, str) else v)
    if name == "sla":
        return frozenset(NO_SLA if c is None else c for c in ([v] if isinstance(v, str) else v))
    if name == "drill":
        return bool(v)
    if name == "ledger" and v not in LEDGERS:
        raise ValueError(f"unknown ledger {v!r}: one of {', '.join(LEDGERS)}")
    return str(v)


def search_text(inc: Mapping[str, Any], categories: Names, streets: Names) -> str:
    """The lowercase text free-text search matches: id, description, address, category code and
    names, street names, grid ("\\n" between fields: a search term never spans two of them)."""
    cat = categories.get(inc.get("category") or "", ("", ""))
    street = streets.get(inc.get("street") or "", ("", ""))
    parts = (inc.get("id"), inc.get("description"), inc.get("address"), inc.get("category"), cat[0], cat[1],
             street[0], street[1], inc.get("grid"))
    return "\n".join(p for p in parts if p).lower()


@dataclass(frozen=True)
class IncidentFilter:
    status: frozenset[str] | None = None
    category: str | None = None  # a code prefix: "E01" takes every E01xx
    street: str | None = None
    grid: str | None = None  # a code prefix
    source: str | None = None
    sla: frozenset[str] | None = None
    drill: bool | None = None
    ledger: str | None = None  # one of LEDGERS
    text: str | None = None  # every word must match

    @classmethod
    def of(cls, **values: Any) -> IncidentFilter:
        unknown = values.keys() - set(FILTER_NAMES)
        if unknown:
            raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        return cls(**{k: normalise(k, v) for k, v in values.items()})

    @property
    def terms(self) -> list[str]:
        return (self.text or "").lower().split()

    def accepts(self, inc: Mapping[str, Any], categories: Names | None = None, streets: Names | None = None) -> bool:
        if self.status is not None and (inc.get("state") or inc.get("status")) not in self.status:
            return False
        if self.category is not None and not (inc.get("category") or "").startswith(self.category):
            return False
        if self.street is not None and inc.get("street") != self.street:
            return False
        if self.grid is not None and not (inc.get("grid") or "").startswith(self.grid):
            return False
        if self.source is not None and inc.get("source") != self.source:
            return False
        if self.sla is not None and (inc.get("sla") or NO_SLA) not in self.sla:
            return False
        if self.drill is not None and bool(inc.get("drill")) is not self.drill:
            return False
        if self.ledger is not None and not in_ledger(inc, self.ledger):
            return False
        terms = self.terms
        if terms:
            text = search_text(inc, categories or {}, streets or {})
            return all(t in text for t in terms)
        return True
