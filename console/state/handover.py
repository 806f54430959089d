"""The shift-handover report's contents (issue 15), gathered the same way by the console and by
``main.py report --out FILE.pdf``: the hub's numbers for the period (all cases, by department, by
street), its charts' series, and — from the active cases the console holds — the overdue and
parked cases with their reasons and the cases with a department. No Qt here: views/handover.py
lays it out on PDF pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from . import ops

LIST_LIMIT = 200  # cases per list in the report; the rest are counted, not listed


@dataclass
class Handover:
    since: datetime
    until: datetime
    made_at: datetime
    totals: dict[str, Any] = field(default_factory=dict)  # the group-by-all row ({} when no cases)
    departments: list[dict[str, Any]] = field(default_factory=list)
    streets: list[dict[str, Any]] = field(default_factory=list)
    series: dict[str, Any] = field(default_factory=dict)
    overdue: list[dict[str, Any]] = field(default_factory=list)
    parked: list[dict[str, Any]] = field(default_factory=list)
    escalated: list[dict[str, Any]] = field(default_factory=list)
    user: str = ""
    hub: str = ""


def questions(since: datetime, until: datetime) -> list[tuple[str, ops.Op]]:
    """What to ask the hub, in order: (name of the answer, op)."""
    s, u = since.astimezone(UTC).isoformat(), until.astimezone(UTC).isoformat()
    return [("totals", ops.indicators("all", s, u)), ("departments", ops.indicators("department", s, u)),
            ("streets", ops.indicators("street", s, u)), ("series", ops.series(s, u))]


def build(since: datetime, until: datetime, answers: dict[str, dict[str, Any]],
          active: list[dict[str, Any]], *, made_at: datetime | None = None, user: str = "",
          hub: str = "") -> Handover:
    """The report from the hub's answers to ``questions`` and the active cases (wire dicts, drill
    cases left out: the numbers leave them out too)."""
    real = [i for i in active if not i.get("drill")]

    def order(xs: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
        return sorted(xs, key=lambda i: (i.get(key) or "", i["id"]))

    totals = (answers["totals"].get("rows") or [{}])[0]
    return Handover(
        since=since, until=until, made_at=made_at or datetime.now(UTC), totals=totals,
        departments=list(answers["departments"].get("rows") or []),
        streets=list(answers["streets"].get("rows") or []),
        series=answers["series"],
        overdue=order([i for i in real if i.get("sla") == "red" and not i.get("parked")], "deadline"),
        parked=order([i for i in real if i.get("parked")], "parked_since"),
        escalated=order([i for i in real if i.get("assignee_kind") == "department"], "updated_at"),
        user=user, hub=hub)


__all__ = ["LIST_LIMIT", "Handover", "build", "questions"]
