"""A debrief (issue 16): one case, or one drill run, told as its timeline with the center as it
stood at its key moments — every incident and unit where the log had them then — gathered the same
way by the console and by ``main.py debrief``. No Qt here: views/debrief.py draws the maps and
lays the pages out with the evaluation report's writer.

``gather(case=…)`` or ``gather(drill_run=…)`` is a generator: it yields the questions (ops) and is
sent each answer, so one plan serves the console's bridge (``drive``, answers on the GUI thread)
and the command line's async client (``drive_async``). A refusal ends it with ``DebriefError``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from . import ops

MAX_MOMENTS = 6  # maps in a debrief: a page or two of them, each readable
MAX_CASES = 60  # a drill run's cases told in full; more are counted
FINAL = {"closed", "rejected", "merged"}

Plan = Generator[ops.Op, dict[str, Any], "Debrief"]


class DebriefError(Exception):
    """Why there is no debrief, in one line (the hub's refusal, or nothing to tell)."""


def _t(s: str) -> datetime:
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


@dataclass
class Moment:
    at: datetime
    step: dict[str, Any]  # the timeline step it is (with "incident")
    incidents: list[dict[str, Any]] = field(default_factory=list)  # the active cases then
    units: list[dict[str, Any]] = field(default_factory=list)
    head: int = 0


@dataclass
class Debrief:
    kind: str  # "case" | "drill"
    key: str  # the case's id or the drill run's
    cases: list[dict[str, Any]]  # as they stand now
    steps: list[dict[str, Any]]  # every case's timeline, merged, oldest first (each with "incident")
    moments: list[Moment]
    made_at: datetime
    more_cases: int = 0  # a drill run's cases beyond MAX_CASES, not told
    user: str = ""
    hub: str = ""

    @property
    def focus(self) -> set[str]:
        return {c["id"] for c in self.cases}


def weight(step: dict[str, Any]) -> int:
    """How much a step is a key moment: the report, a turn to red, an escalation and the end
    most; any change of stage next; a note, an urge or a colour change short of red least."""
    action, note = step.get("action"), str(step.get("note") or "")
    if action == "sla":
        return 3 if note.endswith("→red") else 0
    if action in ("report", "escalate") or step.get("to") in FINAL:
        return 3
    return 2 if step.get("from") != step.get("to") else 1


def key_moments(steps: list[dict[str, Any]], limit: int = MAX_MOMENTS) -> list[dict[str, Any]]:
    """The steps to draw the map at, oldest first: the first and the last always, then the
    weightiest, spread over the timeline (among equals, the one farthest from those chosen)."""
    steps = [s for s in steps if weight(s) > 0]
    if len(steps) <= limit:
        return steps
    chosen = {0, len(steps) - 1}
    times = [_t(s["at"]).timestamp() for s in steps]
    while len(chosen) < limit:
        def gap(k: int) -> float:
            return min(abs(times[k] - times[c]) for c in chosen)
        best = max((k for k in range(len(steps)) if k not in chosen), key=lambda k: (weight(steps[k]), gap(k), -k))
        chosen.add(best)
    return [steps[k] for k in sorted(chosen)]


def _ask(res: dict[str, Any], what: str) -> dict[str, Any]:
    if not res.get("ok", True):
        raise DebriefError(f"the hub refused {what}: {res.get('code')}: {res.get('message')}")
    return res


def gather(*, case: str | None = None, drill_run: str | None = None, now: datetime | None = None,
           user: str = "", hub: str = "") -> Plan:
    """The plan: the case's (or each of the run's cases') timeline, then the state at each key moment."""
    if (case is None) == (drill_run is None):
        raise DebriefError("a debrief is of one case or of one drill run")
    more = 0
    if case is not None:
        cases_ids = [case]
    else:
        found: list[dict[str, Any]] = []
        cursor = None
        while True:
            res = _ask((yield ops.incidents(drill=True, limit=500, **({"cursor": cursor} if cursor else {}))),
                       "query.incidents")
            found += [i for i in res.get("incidents") or () if (i.get("extra") or {}).get("drill_run") == drill_run]
            cursor = res.get("next_cursor")
            if not cursor:
                break
        if not found:
            raise DebriefError(f"no cases of drill run {drill_run!r} on this hub (purged, or never run)")
        found.sort(key=lambda i: (i.get("reported_at") or "", i["id"]))
        more = max(0, len(found) - MAX_CASES)
        cases_ids = [i["id"] for i in found[:MAX_CASES]]
    cases, steps = [], []
    for cid in cases_ids:
        res = _ask((yield ops.history(cid)), f"query.history of {cid}")
        cases.append(res["incident"])
        steps += [{**t, "incident": cid} for t in res.get("transitions") or ()]
    steps.sort(key=lambda s: (_t(s["at"]), s["incident"]))
    moments = []
    for step in key_moments(steps):
        at = _t(step["at"])
        m = Moment(at=at, step=step)
        cursor = None
        while True:
            res = _ask((yield ops.state_at(at=at.astimezone(UTC).isoformat(), cursor=cursor)), "query.state_at")
            m.incidents += res.get("incidents") or ()
            if not m.units:
                m.units = list(res.get("units") or ())
            m.head = int(res.get("head") or 0)
            cursor = res.get("next_cursor")
            if not cursor:
                break
        moments.append(m)
    return Debrief(kind="case" if case else "drill", key=case or drill_run or "", cases=cases, steps=steps,
                   moments=moments, made_at=now or datetime.now(UTC), more_cases=more, user=user, hub=hub)


async def drive_async(plan: Plan, command: Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]) -> Debrief:
    """Run the plan with an async ``command(name, args)`` (the command line's client)."""
    try:
        op = next(plan)
        while True:
            op = plan.send(await command(op.name, op.args))
    except StopIteration as done:
        return done.value


def drive(plan: Plan, ask: Callable[..., Any], done: Callable[[Debrief], None],
          failed: Callable[[str], None]) -> None:
    """Run the plan with the bridge's ``ask(op, on_success=, on_failure=)``; ``done`` or ``failed``
    is called once, on the thread the answers come on."""
    def step(answer: dict[str, Any] | None) -> None:
        try:
            op = next(plan) if answer is None else plan.send(answer)
        except StopIteration as end:
            done(end.value)
            return
        except DebriefError as e:
            failed(str(e))
            return
        ask(op, on_success=step, on_failure=lambda res: failed(
            f"the hub refused {op.name}: {res.get('code', '')}: {res.get('message', '')}"))

    step(None)


__all__ = ["Debrief", "DebriefError", "Moment", "drive", "drive_async", "gather", "key_moments", "weight"]
