"""``python main.py drill SCENARIO``: play a drill scenario into a hub (docs/DRILLS.md).

- ``load_scenario``: the TOML scenario, checked whole before anything is sent; a problem is
  one ScenarioError naming the file and the entry (``inject[3] (F2)``);
- ``run_drill``: plays the timed injects (incidents, unit moves, camera events, notices,
  scripted actions) at ``speed``, every one flagged drill and tagged with the run id, then
  waits until every expected response is decided, prints the after-action summary and, when
  asked, purges the run's data (``drill.purge``);
- ``after_action``: pure, from each incident's trail (``query.history``): every stage's time
  against its limit, the misses, whether each expected response was met, and the CAP alerts
  the run's notices sent (always ``Exercise``; docs/CAP.md).
Scenario times are scenario time: ``--speed 60`` plays an hour in a minute, and the
after-action scales what it measures back to scenario time.
"""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from console.models import cap
from console.models import commands as cmds
from console.models.catalog import UNIT_STATUSES, Catalog
from console.models.incident import Incident, parse_iso
from console.models.lifecycle import STAGE_OF_STATE, State
from console.models.timelimits import PRIORITIES, limit_seconds

from .common import close_quietly, command, connect, fmt_duration, load_toml, parse_duration

INJECT_TYPES = ("incident", "unit", "camera", "notice", "action")
ACTIONS = ("accept", "reject", "dispatch", "acknowledge", "return", "escalate", "resolve", "verify", "close",
           "note")
EXPECT_ACTIONS = ("accept", "dispatch", "acknowledge", "resolve", "verify_pass", "close", "escalate", "return",
                  "reject")
_PARAM_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class ScenarioError(ValueError):
    """A scenario that cannot be played; one line naming the file and the entry."""


@dataclass(frozen=True)
class Inject:
    index: int
    at: float  # seconds of scenario time from the start
    type: str
    id: str | None
    args: dict[str, Any]  # what the type needs (checked)

    @property
    def where(self) -> str:
        return f"inject[{self.index}]" + (f" ({self.id})" if self.id else "")


@dataclass(frozen=True)
class Expect:
    index: int
    id: str
    incident: str  # an incident inject's id
    action: str  # a lifecycle action name, as in the trail
    within: float  # seconds of scenario time after the incident was reported
    text: str


@dataclass(frozen=True)
class Scenario:
    path: Path
    id: str
    name: str
    description: str
    params: dict[str, Any]
    injects: tuple[Inject, ...]
    expects: tuple[Expect, ...]
    linger: float  # scenario seconds to wait after the last inject for responses

    @property
    def incident_ids(self) -> list[str]:
        return [i.id for i in self.injects if i.type == "incident" and i.id]


# ---- loading and checking -----------------------------------------------------------------------

def load_scenario(path: Path, catalog: Catalog) -> Scenario:
    return parse_scenario(load_toml(path, ScenarioError), path, catalog)


def parse_scenario(data: Mapping[str, Any], path: Path, catalog: Catalog) -> Scenario:
    def fail(entry: str, problem: str) -> ScenarioError:
        return ScenarioError(f"{path}: {entry}: {problem}")

    unknown = sorted(set(data) - {"drill", "params", "inject", "expect"})
    if unknown:
        raise fail(unknown[0], "unknown section (expected drill, params, inject, expect)")
    head = data.get("drill")
    if not isinstance(head, dict):
        raise fail("drill", "a [drill] table with id and name is needed")
    extra = sorted(set(head) - {"id", "name", "description", "linger"})
    if extra:
        raise fail(f"drill.{extra[0]}", "unknown key (expected id, name, description, linger)")
    sid = head.get("id")
    if not isinstance(sid, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,60}", sid):
        raise fail("drill.id", "must be a short name of letters, digits, '-', '_' or '.'")
    name = head.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail("drill.name", "must be a non-empty string")
    try:
        linger = parse_duration(head.get("linger", "10m"))
    except ValueError as e:
        raise fail("drill.linger", str(e)) from None

    params = data.get("params", {})
    if not isinstance(params, dict) or not all(isinstance(v, (str, int, float)) and not isinstance(v, bool)
                                               for v in params.values()):
        raise fail("params", "must be a table of strings and numbers")

    def subst(value: Any, entry: str) -> Any:
        if isinstance(value, str):
            whole = _PARAM_RE.fullmatch(value)
            if whole:
                if whole.group(1) not in params:
                    raise fail(entry, f"unknown parameter {{{whole.group(1)}}} (not in [params])")
                return params[whole.group(1)]

            def one(m: re.Match[str]) -> str:
                if m.group(1) not in params:
                    raise fail(entry, f"unknown parameter {{{m.group(1)}}} (not in [params])")
                return str(params[m.group(1)])

            return _PARAM_RE.sub(one, value)
        if isinstance(value, list):
            return [subst(v, entry) for v in value]
        if isinstance(value, dict):  # a notice's cap table
            return {k: subst(v, f"{entry}.{k}") for k, v in value.items()}
        return value

    raw_injects = data.get("inject", [])
    if not isinstance(raw_injects, list) or not raw_injects:
        raise fail("inject", "at least one [[inject]] is needed")
    injects: list[Inject] = []
    ids: dict[str, str] = {}
    for n, raw in enumerate(raw_injects):
        where = f"inject[{n}]"
        if not isinstance(raw, dict):
            raise fail(where, "must be a table")
        if isinstance(raw.get("id"), str):
            where += f" ({raw['id']})"
        raw = {k: subst(v, f"{where}.{k}") for k, v in raw.items()}
        inj = _check_inject(n, raw, where, catalog, ids, fail)
        if inj.id:
            ids[inj.id] = inj.type
        injects.append(inj)

    expects: list[Expect] = []
    seen: set[str] = set()
    for n, raw in enumerate(data.get("expect", []) if isinstance(data.get("expect", []), list) else [None]):
        where = f"expect[{n}]"
        if not isinstance(raw, dict):
            raise fail(where, "must be a table")
        if isinstance(raw.get("id"), str):
            where += f" ({raw['id']})"
        raw = {k: subst(v, f"{where}.{k}") for k, v in raw.items()}
        extra = sorted(set(raw) - {"id", "incident", "action", "within", "text"})
        if extra:
            raise fail(f"{where}.{extra[0]}", "unknown key (expected id, incident, action, within, text)")
        eid = raw.get("id", f"E{n + 1}")
        if not isinstance(eid, str) or eid in seen:
            raise fail(where, "id must be a unique string")
        seen.add(eid)
        inc = raw.get("incident")
        if ids.get(inc) != "incident":
            raise fail(f"{where}.incident", f"{inc!r} is not the id of an incident inject")
        action = raw.get("action")
        if action == "verify":
            action = "verify_pass"
        if action not in EXPECT_ACTIONS:
            raise fail(f"{where}.action", f"must be one of {', '.join(EXPECT_ACTIONS)}")
        try:
            within = parse_duration(raw.get("within"))
        except ValueError as e:
            raise fail(f"{where}.within", str(e)) from None
        text = raw.get("text") or f"{inc}: {action} within {fmt_duration(within)}"
        if not isinstance(text, str):
            raise fail(f"{where}.text", "must be a string")
        expects.append(Expect(n, eid, inc, action, within, text))

    injects.sort(key=lambda i: (i.at, i.index))
    return Scenario(path, sid, name.strip(), str(head.get("description", "")), dict(params), tuple(injects),
                    tuple(expects), linger)


_KEYS = {
    "incident": {"category", "grid", "lat", "lon", "priority", "description", "address", "source", "reporter"},
    "unit": {"unit", "status", "to", "grid", "lat", "lon", "steps", "over"},
    "camera": {"camera", "status", "incident", "note"},
    "notice": {"text", "level", "cap"},
    "action": {"incident", "action", "team", "department", "note", "reason", "passed", "satisfaction", "text"},
}


def _check_inject(n: int, raw: dict[str, Any], where: str, catalog: Catalog, ids: Mapping[str, str],
                  fail: Any) -> Inject:
    kind = raw.get("type")
    if kind not in INJECT_TYPES:
        raise fail(f"{where}.type", f"must be one of {', '.join(INJECT_TYPES)}")
    extra = sorted(set(raw) - {"id", "at", "type"} - _KEYS[kind])
    if extra:
        expected = ", ".join(sorted(_KEYS[kind]))
        raise fail(f"{where}.{extra[0]}", f"unknown key for a {kind} inject (expected {expected})")
    try:
        at = parse_duration(raw.get("at", 0))
    except ValueError as e:
        raise fail(f"{where}.at", str(e)) from None
    iid = raw.get("id")
    if iid is not None and (not isinstance(iid, str) or not iid or iid in ids):
        raise fail(f"{where}.id", "must be a unique, non-empty string")
    args = {k: v for k, v in raw.items() if k not in ("id", "at", "type")}

    def text(key: str, required: bool = False) -> None:
        if key in args and not isinstance(args[key], str) or required and not str(args.get(key, "")).strip():
            raise fail(f"{where}.{key}", "needs a non-empty string" if required else "must be a string")

    def place() -> None:
        if "grid" in args:
            if args["grid"] not in catalog.grids:
                raise fail(f"{where}.grid", f"unknown grid {args['grid']!r}")
            if "lat" in args or "lon" in args:
                raise fail(where, "give grid or lat/lon, not both")
        elif "lat" in args or "lon" in args:
            lat, lon = args.get("lat"), args.get("lon")
            if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (lat, lon)):
                raise fail(f"{where}.lat", "lat and lon must both be numbers")
            if catalog.grid_at(lat, lon) is None:
                raise fail(f"{where}.lat", f"({lat}, {lon}) is outside the district")

    def incident_ref(key: str) -> None:
        ref = args.get(key)
        if ids.get(ref) != "incident":
            raise fail(f"{where}.{key}", f"{ref!r} is not the id of an earlier incident inject")

    if kind == "incident":
        if not iid:
            raise fail(f"{where}.id", "an incident inject needs an id (expectations and actions refer to it)")
        if args.get("category") not in catalog.categories:
            raise fail(f"{where}.category", f"unknown category {args.get('category')!r}")
        if "grid" not in args and "lat" not in args:
            raise fail(where, "needs grid or lat/lon")
        place()
        if "priority" in args and args["priority"] not in PRIORITIES:
            raise fail(f"{where}.priority", f"must be one of {', '.join(PRIORITIES)}")
        text("description", required=True)
        for k in ("address", "source", "reporter"):
            text(k)
    elif kind == "unit":
        if args.get("unit") not in catalog.units:
            raise fail(f"{where}.unit", f"unknown unit {args.get('unit')!r}")
        if args.get("status", "en_route") not in UNIT_STATUSES:
            raise fail(f"{where}.status", f"must be one of {', '.join(UNIT_STATUSES)}")
        if "to" in args:
            incident_ref("to")
        place()
        steps = args.get("steps", 1)
        if not isinstance(steps, int) or isinstance(steps, bool) or not 1 <= steps <= 100:
            raise fail(f"{where}.steps", "must be a whole number from 1 to 100")
        try:
            args["over"] = parse_duration(args.get("over", 0))
        except ValueError as e:
            raise fail(f"{where}.over", str(e)) from None
    elif kind == "camera":
        if args.get("camera") not in catalog.cameras:
            raise fail(f"{where}.camera", f"unknown camera {args.get('camera')!r}")
        if args.get("status") not in cmds.CAMERA_STATUSES:
            raise fail(f"{where}.status", f"must be one of {', '.join(cmds.CAMERA_STATUSES)}")
        if "incident" in args:
            incident_ref("incident")
        text("note")
    elif kind == "notice":
        text("text", required=True)
        if args.get("level", "info") not in cmds.NOTICE_LEVELS:
            raise fail(f"{where}.level", f"must be one of {', '.join(cmds.NOTICE_LEVELS)}")
        if "cap" in args:  # the notice sends a CAP alert (Exercise): checked as the hub checks it
            try:
                args["cap"] = cap.check_args(args["cap"])
            except cap.CapError as e:
                raise fail(f"{where}.{e.field}", e.problem) from None
            if {"update_of", "cancel_of"} & set(args["cap"]):
                raise fail(f"{where}.cap", "a scenario's notices send new alerts (no update_of or cancel_of)")
    else:  # action
        incident_ref("incident")
        act = args.get("action")
        if act not in ACTIONS:
            raise fail(f"{where}.action", f"must be one of {', '.join(ACTIONS)}")
        if act in ("dispatch",) and not (args.get("team") or args.get("department")):
            raise fail(where, "a dispatch needs team or department")
        if args.get("team") is not None and args["team"] not in catalog.teams:
            raise fail(f"{where}.team", f"unknown team {args['team']!r}")
        if args.get("department") is not None and args["department"] not in catalog.departments:
            raise fail(f"{where}.department", f"unknown department {args['department']!r}")
        if act == "escalate" and not args.get("department"):
            raise fail(where, "an escalation needs a department")
        if act in ("reject", "return", "escalate") and not args.get("reason"):
            args["reason"] = "演练 drill"
        if act == "note" and not args.get("text"):
            raise fail(f"{where}.text", "a note needs text")
    return Inject(n, at, kind, iid, args)


# ---- playing -------------------------------------------------------------------------------------

def _spot(args: Mapping[str, Any], catalog: Catalog) -> tuple[float, float] | None:
    if "grid" in args:
        return catalog.grids[args["grid"]].centroid
    if "lat" in args:
        return float(args["lat"]), float(args["lon"])
    return None


def inject_command(inj: Inject, run_id: str, catalog: Catalog, incidents: Mapping[str, dict[str, Any]]
                   ) -> tuple[str, dict[str, Any]] | None:
    """The hub command for one inject (unit moves: the final position; see ``_move``), or None
    when it refers to an incident that could not be reported. Pure."""
    a = inj.args
    if inj.type == "incident":
        lat, lon = _spot(a, catalog)  # type: ignore[misc]
        args: dict[str, Any] = {"category": a["category"], "lat": lat, "lon": lon, "description": a["description"],
                                "source": a.get("source", "drill"), "drill": True, "drill_run": run_id,
                                "external_id": f"{run_id}/{inj.id}"}
        for k in ("priority", "address", "reporter"):
            if k in a:
                args[k] = a[k]
        return "incident.report", args
    if inj.type == "camera":
        args = {"camera": a["camera"], "status": a["status"], "drill": True, "drill_run": run_id}
        if "note" in a:
            args["note"] = a["note"]
        if "incident" in a:
            if a["incident"] not in incidents:
                return None
            args["incident"] = incidents[a["incident"]]["id"]
        return "camera.update", args
    if inj.type == "notice":
        args = {"text": f"[演练 DRILL] {a['text']}", "level": a.get("level", "info"), "drill": True,
                "drill_run": run_id}
        if "cap" in a:
            args["cap"] = a["cap"]
        return "notice.post", args
    if inj.type == "action":
        inc = incidents.get(a["incident"])
        if inc is None:
            return None
        act = a["action"]
        name = f"incident.{act}"
        args = {"incident": inc["id"]}
        if act == "verify":
            args["passed"] = bool(a.get("passed", True))
        for k in ("team", "department", "note", "reason", "satisfaction", "text"):
            if k in a:
                args[k] = a[k]
        return name, args
    raise AssertionError(inj.type)


@dataclass
class DrillRun:
    scenario: Scenario
    run_id: str
    speed: float
    started: datetime
    incidents: dict[str, dict[str, Any]] = field(default_factory=dict)  # inject id -> incident (wire)
    failures: list[str] = field(default_factory=list)
    ended: datetime | None = None
    alerts: list[dict[str, Any]] = field(default_factory=list)  # CAP alerts sent (notice.post's "cap")


async def run_drill(url: str, token: str, scenario: Scenario, catalog: Catalog, *, speed: float = 1.0,
                    run_id: str | None = None, report_path: Path | None = None, purge: bool = False,
                    out: TextIO | None = None) -> tuple[DrillRun, str]:
    """Play the scenario; return the run and its after-action text (also printed to ``out``)."""
    out = out or sys.stdout
    started = datetime.now(UTC)
    run_id = run_id or f"{scenario.id}-{started.strftime('%Y%m%dT%H%M%S')}"
    run = DrillRun(scenario, run_id, speed, started)
    client = await connect(url, token, f"drill-{scenario.id}")
    loop = asyncio.get_running_loop()
    movers: list[asyncio.Task[None]] = []

    async def send(name: str, args: dict[str, Any], what: str) -> dict[str, Any] | None:
        res = await command(client, name, args)
        if not res.get("ok"):
            run.failures.append(f"{what}: {name} refused: {res.get('code')}: {res.get('message')}")
            print(f"drill {run_id}: {run.failures[-1]}", file=out, flush=True)
            return None
        return res

    try:
        print(f"drill {run_id}: {scenario.name}, {len(scenario.injects)} injects, speed {speed:g}x", file=out,
              flush=True)
        await send("notice.post", {"text": f"[演练 DRILL] 开始 start: {scenario.name} ({run_id})", "level": "info",
                                   "drill": True, "drill_run": run_id}, "start")
        t0 = loop.time()
        for inj in scenario.injects:
            delay = t0 + inj.at / speed - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            if inj.type == "unit":
                movers.append(asyncio.create_task(_move(client, inj, run, catalog, send)))
                continue
            cmd = inject_command(inj, run_id, catalog, run.incidents)
            if cmd is None:
                run.failures.append(f"{inj.where}: skipped, its incident was not reported")
                continue
            res = await send(*cmd, inj.where)
            if res is not None and inj.type == "incident":
                run.incidents[inj.id] = res["incident"]  # type: ignore[index]
            if res is not None and res.get("cap"):
                run.alerts.append(res["cap"])
        await asyncio.gather(*movers)
        # wait for the responses: until every expectation is decided, at most `linger` more
        end_by = t0 + (scenario.injects[-1].at + scenario.linger) / speed
        while loop.time() < end_by:
            report = await _histories(client, run)
            if all(v is not None for v in _expect_status(scenario, report, speed, datetime.now(UTC))):
                break
            await asyncio.sleep(min(1.0, max(0.05, end_by - loop.time())))
        run.ended = datetime.now(UTC)
        await send("notice.post", {"text": f"[演练 DRILL] 结束 end: {scenario.name} ({run_id})", "level": "info",
                                   "drill": True, "drill_run": run_id}, "end")
        histories = await _histories(client, run)
        text = after_action(scenario, run, histories, catalog, run.ended)
        print(text, file=out, flush=True)
        if report_path is not None:
            report_path.write_text(text + "\n", encoding="utf-8")
        if purge:
            res = await send("drill.purge", {"drill": run_id}, "purge")
            if res is not None:
                p = res["purged"]
                print(f"drill {run_id}: purged {len(p['incidents'])} incidents, {len(p['notices'])} notices, "
                      f"{len(p['cameras'])} camera marks", file=out, flush=True)
        return run, text
    finally:
        for t in movers:
            t.cancel()
        await close_quietly(client)


async def _move(client: Any, inj: Inject, run: DrillRun, catalog: Catalog, send: Any) -> None:
    """A unit inject: from where the unit is towards the target in ``steps`` updates over
    ``over`` (scenario time); the last update carries the inject's status."""
    a = inj.args
    unit = client.replica.units.get(a["unit"]) or {}
    ref = catalog.units[a["unit"]]
    start = (unit.get("lat", ref.lat), unit.get("lon", ref.lon))
    target = _spot(a, catalog)
    if "to" in a:
        inc = run.incidents.get(a["to"])
        if inc is None:
            run.failures.append(f"{inj.where}: skipped, its incident was not reported")
            return
        target = (inc["lat"], inc["lon"])
    target = target or start
    steps = a.get("steps", 1)
    status = a.get("status", "en_route")
    for k in range(1, steps + 1):
        f = k / steps
        lat = start[0] + (target[0] - start[0]) * f
        lon = start[1] + (target[1] - start[1]) * f
        await send("unit.update", {"unit": a["unit"], "lat": lat, "lon": lon,
                                   "status": status if k == steps else "en_route"}, inj.where)
        if k < steps:
            await asyncio.sleep(a["over"] / steps / run.speed)


async def _histories(client: Any, run: DrillRun) -> dict[str, dict[str, Any]]:
    """inject id -> query.history answer (incident + transitions) for each reported incident."""
    out: dict[str, dict[str, Any]] = {}
    answers = await asyncio.gather(*(command(client, "query.history", {"incident": inc["id"]})
                                     for inc in run.incidents.values()))
    for (iid, _inc), res in zip(run.incidents.items(), answers, strict=True):
        if res.get("ok"):
            out[iid] = res
    return out


# ---- the after-action summary (pure) --------------------------------------------------------------

def _trail_times(history: Mapping[str, Any]) -> list[tuple[datetime, dict[str, Any]]]:
    return [(parse_iso(t["at"]), t) for t in history["transitions"]]


def _expect_status(scenario: Scenario, histories: Mapping[str, Mapping[str, Any]], speed: float,
                   now: datetime) -> list[tuple[bool, float | None] | None]:
    """For each expectation: (met, scenario seconds it took or None), or None while undecided."""
    out: list[tuple[bool, float | None] | None] = []
    for e in scenario.expects:
        h = histories.get(e.incident)
        if h is None:
            out.append((False, None))  # never reported: cannot be met
            continue
        trail = _trail_times(h)
        reported = trail[0][0]
        hit = next((at for at, t in trail if t["action"] == e.action), None)
        if hit is not None:
            took = (hit - reported).total_seconds() * speed
            out.append((took <= e.within, took))
        elif (now - reported).total_seconds() * speed > e.within:
            out.append((False, None))
        else:
            out.append(None)
    return out


def after_action(scenario: Scenario, run: DrillRun, histories: Mapping[str, Mapping[str, Any]], catalog: Catalog,
                 now: datetime) -> str:
    """The after-action summary as text: per incident each stage's time against its limit (in
    scenario time), the misses, and each expected response met or not."""
    speed = run.speed
    lines = [f"After-action: {scenario.name} — run {run.run_id}, speed {speed:g}x "
             f"(times in scenario time)"]
    stages_total = missed_total = 0
    for iid in scenario.incident_ids:
        h = histories.get(iid)
        if h is None:
            lines.append(f"  {iid}: not reported")
            continue
        inc = Incident.from_wire(h["incident"])
        lines.append(f"  {iid} {inc.id} {inc.category} {inc.priority}: {inc.state.value}")
        trail = _trail_times(h)
        for k, (at, t) in enumerate(trail):
            stage = STAGE_OF_STATE.get(State(t["to"]))
            if stage is None or t["action"] == "note":  # a note does not enter a stage
                continue
            nxt = next(((a, x) for a, x in trail[k + 1:] if x["action"] != "note"), None)
            end = nxt[0] if nxt else now
            took = (end - at).total_seconds() * speed
            limit = cmds.stage_limit(inc.evolve(state=State(t["to"])), catalog, stage)
            if speed == 1.0 and t.get("deadline"):
                ok = end <= parse_iso(t["deadline"])  # the hub's own deadline, working calendar and all
            else:
                ok = took <= limit_seconds(limit, catalog.calendar)
            stages_total += 1
            missed_total += not ok
            state = "" if nxt else " (still open)"
            lines.append(f"    {stage:<12} {fmt_duration(took):>8} / limit {limit!s:<16} "
                         f"{'ok' if ok else 'MISSED'}{state}")
    lines.append("  expected responses:")
    met = 0
    for e, st in zip(scenario.expects, _expect_status(scenario, histories, speed, now), strict=True):
        if st is None:
            verdict, detail = "open", "not yet decided"
        else:
            verdict = "met" if st[0] else "MISSED"
            detail = f"after {fmt_duration(st[1])}" if st[1] is not None else f"no {e.action}"
        met += verdict == "met"
        lines.append(f"    [{verdict}] {e.id}: {e.text} (within {fmt_duration(e.within)}: {detail})")
    if run.alerts:
        lines.append("  CAP alerts sent:")
        for a in run.alerts:
            lines.append(f"    {a['identifier']}  {a['sent']}  {a['status']} {a['msgType']}  {a['event']}")
    for f in run.failures:
        lines.append(f"  problem: {f}")
    lines.append(f"  summary: {len(histories)} incidents, {stages_total} stages, {missed_total} missed; "
                 f"expected responses {met}/{len(scenario.expects)} met"
                 + (f"; {len(run.alerts)} CAP alerts (Exercise)" if run.alerts else ""))
    return "\n".join(lines)
