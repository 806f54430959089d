"""The requests a console makes of the hub, one named builder each (Anki's CollectionOp habit):
an :class:`Op` is the command's name and arguments; the view that asks hands it to the bridge
with its own success and failure callbacks (``HubBridge.run``), so no reply is routed by string.
Every builder's name and arguments are checked against ``models.commands.SCHEMAS`` by a test."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Op:
    name: str
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def is_query(self) -> bool:
        return self.name.startswith("query.")


def _clean(**kw: Any) -> dict[str, Any]:
    """Arguments without the empty ones (the hub treats a missing optional and a null alike)."""
    return {k: v for k, v in kw.items() if v is not None}


def accept(incident: str, note: str | None = None) -> Op:
    return Op("incident.accept", _clean(incident=incident, note=note))


def reject(incident: str, reason: str) -> Op:
    return Op("incident.reject", _clean(incident=incident, reason=reason))


def dispatch(incident: str, *, team: str | None = None, department: str | None = None,
             note: str | None = None, assist: list[str] | None = None) -> Op:
    """To a lead team or department; ``assist``: the teams or departments joining it (联合派遣)."""
    return Op("incident.dispatch", _clean(incident=incident, team=team, department=department, note=note,
                                          assist=list(assist) if assist else None))


def acknowledge(incident: str, note: str | None = None) -> Op:
    return Op("incident.acknowledge", _clean(incident=incident, note=note))


def return_(incident: str, reason: str) -> Op:
    return Op("incident.return", _clean(incident=incident, reason=reason))


def escalate(incident: str, department: str, reason: str) -> Op:
    return Op("incident.escalate", _clean(incident=incident, department=department, reason=reason))


def resolve(incident: str, note: str | None = None) -> Op:
    return Op("incident.resolve", _clean(incident=incident, note=note))


def verify(incident: str, passed: bool, note: str | None = None) -> Op:
    return Op("incident.verify", _clean(incident=incident, passed=passed, note=note))


def close(incident: str, satisfaction: int | None = None, note: str | None = None) -> Op:
    return Op("incident.close", _clean(incident=incident, satisfaction=satisfaction, note=note))


def merge(incident: str, into: str, note: str | None = None) -> Op:
    return Op("incident.merge", _clean(incident=incident, into=into, note=note))


def reopen(incident: str, reason: str, *, team: str | None = None, department: str | None = None) -> Op:
    return Op("incident.reopen", _clean(incident=incident, reason=reason, team=team, department=department))


def note(incident: str, text: str) -> Op:
    return Op("incident.note", _clean(incident=incident, text=text))


def urge(incident: str, level: int, note: str | None = None) -> Op:
    """催办 (level 1, a reminder) or 督办 (level 2, supervision) of a case being worked on."""
    return Op("incident.urge", _clean(incident=incident, level=level, note=note))


def callback(incident: str, reached: bool, satisfaction: int | None = None, note: str | None = None) -> Op:
    """回访: the reporter called back once the case is resolved; a rating only when reached."""
    return Op("incident.callback", _clean(incident=incident, reached=reached, satisfaction=satisfaction, note=note))


def extend(incident: str, until: str, reason: str) -> Op:
    """延期: the assignee asks for more time, until a later instant (ISO-8601)."""
    return Op("incident.extend", _clean(incident=incident, until=until, reason=reason))


def extend_decide(incident: str, approve: bool, note: str | None = None) -> Op:
    return Op("incident.extend_decide", _clean(incident=incident, approve=approve, note=note))


def park(incident: str, reason: str) -> Op:
    """挂账: stop the case's clock, with the reason."""
    return Op("incident.park", _clean(incident=incident, reason=reason))


def unpark(incident: str, note: str | None = None) -> Op:
    return Op("incident.unpark", _clean(incident=incident, note=note))


def rate_department(incident: str, stars: int, note: str | None = None) -> Op:
    """Two-way assessment (docs/PROTOCOL.md): the street rates the department's work 1–5."""
    return Op("incident.rate_department", _clean(incident=incident, stars=stars, note=note))


def import_close(incident: str, closed_at: str | None = None, note: str | None = None) -> Op:
    """An imported case its source had closed, closed here in one step (docs/PROTOCOL.md)."""
    return Op("incident.import_close", _clean(incident=incident, closed_at=closed_at, note=note))


def report(category: str, lat: float, lon: float, description: str, source: str, **optional: Any) -> Op:
    return Op("incident.report", _clean(category=category, lat=lat, lon=lon, description=description, source=source,
                                        **optional))


def history(incident: str) -> Op:
    return Op("query.history", {"incident": incident})


def incidents(**filters: Any) -> Op:
    return Op("query.incidents", _clean(**filters))


def indicators(group_by: str = "all", since: str | None = None, until: str | None = None,
               drill: bool | None = None) -> Op:
    """The numbers (CONTRACT §5): cases reported in [since, until), grouped."""
    return Op("query.indicators", _clean(group_by=group_by, since=since, until=until, drill=drill))


def series(since: str | None = None, until: str | None = None, bucket_s: int | None = None,
           drill: bool | None = None) -> Op:
    """The numbers' charts over [since, until) (docs/PROTOCOL.md ``query.series``)."""
    return Op("query.series", _clean(since=since, until=until, bucket_s=bucket_s, drill=drill))


def events(after: int, until: int | None = None, limit: int | None = None) -> Op:
    """Stored events after a seq, as they were sent live (CONTRACT §5 "Looking back")."""
    return Op("query.events", _clean(after=after, until=until, limit=limit))


def state_at(seq: int | None = None, at: str | None = None, cursor: str | None = None,
             limit: int | None = None) -> Op:
    """The active state as a console held it at a seq or a moment (CONTRACT §5 "Looking back")."""
    return Op("query.state_at", _clean(seq=seq, at=at, cursor=cursor, limit=limit))


def marks(since: str, until: str, limit: int | None = None) -> Op:
    """The replay slider's ticks over a span: cases reported, turned red, escalated (docs/PROTOCOL.md)."""
    return Op("query.marks", _clean(since=since, until=until, limit=limit))


# the builders a test checks against the hub's schemas: builder -> a call of it with every argument
BUILDERS = (accept, reject, dispatch, acknowledge, return_, escalate, resolve, verify, close, merge, reopen, note,
            urge, callback, extend, extend_decide, park, unpark, report, history, incidents, indicators, series,
            rate_department, events, state_at, marks, import_close)
