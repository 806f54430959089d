"""The SLA clock as pure functions: an incident's stage deadline and colour (parked time and an
approved extension taken into account), when the colour next changes, the clock's own changes
as transitions, and the transition records every change leaves. Used by ``commands``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from . import lifecycle as lc
from .incident import Incident, iso, parse_instant
from .lifecycle import Actor, State
from .timelimits import BLUE_AT, Limit, deadline_and_colour, limit_seconds, stretched
from .timelimits import deadline as deadline_of

if TYPE_CHECKING:
    from .catalog import Catalog

SYSTEM = "system"  # the actor (and role) of the clock's changes


@dataclass(frozen=True)
class TransitionRecord:
    """One row of the append-only audit trail."""

    incident: str
    at: datetime
    actor: str
    role: str
    action: str  # report | accept | … | verify_pass | verify_fail | note
    from_state: str | None
    to_state: str
    note: str | None
    deadline: datetime | None
    data: dict[str, Any] = field(default_factory=dict)  # the command's args, to replay exactly


@dataclass(frozen=True)
class Applied:
    incident: Incident
    transition: TransitionRecord
    sla_next_at: datetime | None  # next_sla_change(incident), computed with its clock


def text_note(args: Mapping[str, Any]) -> str | None:
    return args.get("note") or args.get("reason") or args.get("text") or None


def with_clock(inc: Incident, catalog: Catalog, now: datetime) -> Incident:
    """Recompute stage, deadline and SLA colour for the incident's current state at ``now``."""
    return clock(inc, catalog, now)[0]


def clock(inc: Incident, catalog: Catalog, now: datetime) -> tuple[Incident, datetime | None]:
    """``with_clock`` and, for the result, ``next_sla_change``: one limit lookup and one deadline
    serve the stage, the colour and the next change (done apart, they were three deadline
    computations per command)."""
    stage = lc.STAGE_OF_STATE[inc.state]
    if stage is None:
        return inc.evolve(stage=None, deadline=None, sla=None), None
    start = inc.stage_started_at or inc.reported_at
    limit = stage_limit(inc, catalog, stage)
    if stage_extra(inc, stage):  # 延期 approved: the stage's limit, longer; parking still moves it
        limit = stretched(limit, catalog.calendar, start, start, stage_extra(inc, stage))
    if inc.parked or inc.parked_spans:
        # parked time does not count; while parked, the deadline is where it would stand if
        # unparked now, the colour stays as it was and nothing is due (CONTRACT §5)
        spans = [(parse_instant(a), parse_instant(b)) for a, b in inc.parked_spans]
        if inc.parked:
            spans.append((inc.parked_since, max(now, inc.parked_since)))
        dl, colour = deadline_and_colour(limit, start, now, catalog.calendar, spans)
        if inc.parked:
            return inc.evolve(stage=stage, deadline=dl, sla=inc.sla), None
        new = inc.evolve(stage=stage, deadline=dl, sla=colour)
        return new, _next_change_parked(new, limit, start, catalog, spans)
    dl, colour = deadline_and_colour(limit, start, now, catalog.calendar)
    until = _extended_until(inc, stage)
    if until is not None and (dl is None or until > dl):
        # an approved extension of this stage: its deadline, blue at 80 % of the longer time
        blue_at = start + (until - start) * BLUE_AT
        colour = "red" if now > until else ("blue" if now >= blue_at else "green")
        new = inc.evolve(stage=stage, deadline=until, sla=colour)
        return new, (blue_at if colour == "green" else until if colour == "blue" else None)
    new = inc.evolve(stage=stage, deadline=dl, sla=colour)
    return new, _next_change(new, limit, start, catalog)


def _next_change_parked(inc: Incident, limit: Limit, start: datetime, catalog: Catalog,
                        spans: list[tuple[datetime, datetime]]) -> datetime | None:
    if inc.sla == "green":
        return deadline_of(_blue_part(limit), start, catalog.calendar, spans)
    return inc.deadline if inc.sla == "blue" else None


def _extended_until(inc: Incident, stage: str) -> datetime | None:
    """An approved extension stored before ``extra_seconds`` was kept: its ``until`` as it stands."""
    ext = inc.extension
    if (ext and ext.get("state") == "approved" and ext.get("stage") == stage and "extra_seconds" not in ext
            and "prior_seconds" not in ext):
        return parse_instant(ext["until"])
    return None


def stage_extra(inc: Incident, stage: str | None) -> float:
    """The counted seconds approved extensions add to this run of the stage's limit: the last
    approved total, or, while a new request waits or after it was refused, what had been granted
    before it. 0 on a later pass of the same stage (a rework starts its clock afresh)."""
    ext = inc.extension
    if not ext or ext.get("stage") != stage:
        return 0.0
    if "stage_start" in ext and ext["stage_start"] != iso(inc.stage_started_at or inc.reported_at):
        return 0.0
    if ext.get("state") == "approved":
        return float(ext.get("extra_seconds") or 0.0)
    return float(ext.get("prior_seconds") or 0.0)


def extension_seconds(inc: Incident, catalog: Catalog, until: datetime) -> float:
    """What approving ``until`` adds to the stage's limit, counted as the limit counts, on top of
    an earlier approved extension of the same stage: the deadline becomes ``until`` now, and a
    later parking moves it on by the parked time, like any deadline."""
    limit = stage_limit(inc, catalog, inc.stage)
    earlier = stage_extra(inc, inc.stage)
    assert inc.deadline is not None  # extend refuses a case with no deadline
    grown = stretched(limit, catalog.calendar, inc.deadline, until, earlier)
    return limit_seconds(grown, catalog.calendar) - limit_seconds(limit, catalog.calendar)


def clock_change(old: Incident, new: Incident, now: datetime) -> tuple[Incident, TransitionRecord]:
    """A colour change made by the clock (``clock`` turned ``old`` into ``new``): like any change
    it raises the version and is stored as a transition, by ``system``, action ``sla``, from and
    to the unchanged state, the note ``green→blue`` (CONTRACT §5), so the timeline shows it."""
    changed = new.evolve(version=old.version + 1, updated_at=now)
    tr = TransitionRecord(incident=old.id, at=now, actor=SYSTEM, role=SYSTEM, action="sla",
                          from_state=old.state.value, to_state=old.state.value, note=f"{old.sla}→{new.sla}",
                          deadline=changed.deadline, data={})
    return changed, tr


def stage_limit(inc: Incident, catalog: Catalog, stage: str):
    cat = catalog.category(inc.category)
    escalated = inc.escalated and inc.state in (State.ESCALATED, State.ACKNOWLEDGED)
    return catalog.time_limits.limit(cat.limits, inc.priority, stage, escalated=escalated)


def record(old: Incident, new: Incident, action: str, actor: Actor, now: datetime, args) -> TransitionRecord:
    return TransitionRecord(
        incident=old.id,
        at=now,
        actor=actor.name,
        role=actor.role.value,
        action=action,
        from_state=old.state.value,
        to_state=new.state.value,
        note=text_note(args),
        deadline=new.deadline,
        data={k: v for k, v in args.items() if k not in ("incident", "expect_version")},
    )


def next_sla_change(inc: Incident, catalog: Catalog) -> datetime | None:
    """The instant the SLA colour next changes (80 % of the limit, then the deadline)."""
    if inc.stage is None or inc.sla in (None, "red") or inc.parked:
        return None
    if inc.parked_spans:
        return clock(inc, catalog, inc.updated_at or inc.reported_at)[1]
    if stage_extra(inc, inc.stage):
        return clock(inc, catalog, inc.updated_at or inc.reported_at)[1]
    until = _extended_until(inc, inc.stage)
    if until is not None and inc.deadline == until:
        start = inc.stage_started_at or inc.reported_at
        return start + (until - start) * BLUE_AT if inc.sla == "green" else until
    return _next_change(inc, stage_limit(inc, catalog, inc.stage), inc.stage_started_at or inc.reported_at, catalog)


def _next_change(inc: Incident, limit: Limit, start: datetime, catalog: Catalog) -> datetime | None:
    if inc.sla == "green":
        return deadline_of(_blue_part(limit), start, catalog.calendar)
    if inc.sla == "red":
        return None  # red does not change again
    return inc.deadline


@cache
def _blue_part(limit: Limit) -> Limit:
    # Cached: a handful of distinct limits, and a Limit validates itself when built.
    return Limit(limit.amount * 0.8, limit.unit)
