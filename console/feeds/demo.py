"""The demo district's live feed: a believable day, sped up (docs/FEEDS.md).

Grid workers report during patrol hours, the 12345 hotline peaks in the daytime, sensors
(street lights, manhole covers, water level) raise alarms at any hour, more lights after dusk.
The demo plays the dispatcher and the crews: it accepts (now and then rejects), dispatches the
nearest capable team, the team signs for it, a unit drives there street by street (east-west,
then north-south) and goes on scene, handles it for a while and resolves; a grid worker
verifies (sometimes the fix fails and it goes back); the case is closed after the call-back.
Sometimes a team returns a case, sometimes the supervisor calls a department, and a few cases
are left alone until their deadline passes, so the queue shows red too.

Two parts:
- ``DemoPlanner``: pure decisions. Given the time and what the hub shows (incidents, units),
  it returns the commands to send; its only randomness is its own seeded RNG, so the same seed
  and the same hub answers give the same commands (tested);
- ``run_demo``: the I/O loop around it (a protocol client like any other).
Time: one real second is ``SCALE × rate`` seconds of the demo day (60 × rate: a day in 24
minutes), on the district's clock (``catalog.calendar.tz``) starting at the real local time.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from console.models.catalog import Catalog, Grid
from console.models.geo import haversine_m

from .common import close_quietly, command, connect

log = logging.getLogger("console.demo")

SCALE = 60.0  # demo seconds per real second at rate 1: a day in 24 minutes
TICK = 1.0  # real seconds between planning steps (divided by rate)
DAILY_VOLUME = 420  # reports a demo day brings at rate 1 (a large district handles ~700)
INITIAL_LOAD = 10  # reports at start, so the console is busy within seconds
MAX_ACTIVE = 120  # above this many open cases the demo stops adding new ones
PATROL_HOURS = (8, 18)  # grid workers' patrol, local time
SPEED_MPS = {"vehicle": 8.0, "ebike": 5.0, "foot": 1.4}  # on city streets, demo time

# Hourly weights (local time) of each channel; the daytime peak of the hotline, patrols by day.
_HOTLINE = [0.15, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.7, 1.1, 1.6, 1.7, 1.5, 0.9, 1.0, 1.5, 1.6, 1.4, 1.2, 0.9, 0.8,
            0.7, 0.5, 0.35, 0.2]
_GRID = [1.6 if PATROL_HOURS[0] <= h < PATROL_HOURS[1] else 0.0 for h in range(24)]
_SENSOR = [0.9 if h >= 18 or h < 6 else 0.45 for h in range(24)]  # street lights fail when they are on
_POLICE = [0.25 if h >= 20 or h < 2 else 0.12 for h in range(24)]

CHANNELS = {
    "grid": (_GRID, ("E0102", "E0103", "E0104", "E0106", "E0107", "E0108", "E0201", "E0202", "E0301",
                     "E0302", "E0304", "E0305", "E0501", "E0503", "E0504", "E0505", "E0506", "P0306",
                     "P0304", "P0402", "P0209")),
    "hotline": (_HOTLINE, ("E0602", "E0602", "E0505", "E0102", "E0301", "P0118", "E0104", "E0508", "E0406",
                           "E0404", "P0101", "E0501")),
    "sensor": (_SENSOR, ("P0118", "P0118", "P0118", "P0101", "P0102", "P0103", "P0105", "E0406")),
    "110": (_POLICE, ("E0505", "E0502", "E0602", "E0508")),
}
SENSOR_TEXT = {
    "P0118": "路灯控制器报警：灯具不亮 street-light controller: lamp out",
    "E0406": "积水监测点水位超限 water-level sensor over threshold",
}
DEFAULT_SENSOR_TEXT = "井盖监测终端报警：井盖位移或开启 manhole-cover sensor: cover moved or open"
CHANNEL_TEXT = {"grid": "网格员巡查发现", "hotline": "12345 市民来电反映", "110": "110 转来"}


@dataclass(frozen=True)
class Command:
    name: str
    args: dict[str, Any]
    job: str | None = None  # the incident (or "new:<n>" for a report) the command is about


@dataclass
class Job:
    """What the demo is doing with one incident."""

    id: str
    due: float  # real seconds (since start) when the next step is taken
    acted_on: int = 0  # the incident version last acted on (never act twice on one version)
    team: str | None = None
    unit: str | None = None
    neglected: bool = False
    returned: bool = False


@dataclass
class Move:
    unit: str
    target: tuple[float, float]
    job: str
    arrive_status: str = "on_scene"


@dataclass
class DemoPlanner:
    catalog: Catalog
    seed: int = 0
    rate: float = 1.0
    start: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.tz = self.catalog.calendar.tz
        self.grids: list[Grid] = sorted(self.catalog.grids.values(), key=lambda g: g.code)
        self.jobs: dict[str, Job] = {}
        self.moves: dict[str, Move] = {}  # unit id -> where it is driving
        self.busy_units: dict[str, str] = {}  # unit id -> incident
        self.positions: dict[str, tuple[float, float]] = {}  # where the demo last put each unit
        self.reports = 0
        self.last = 0.0
        self.started = False

    # ---- time ------------------------------------------------------------------------------

    @property
    def scale(self) -> float:
        return SCALE * self.rate

    def local(self, now: float) -> datetime:
        """The demo clock at ``now`` real seconds since start, in the district's time zone."""
        return (self.start + timedelta(seconds=now * self.scale)).astimezone(self.tz)

    def real(self, demo_minutes: float) -> float:
        """Real seconds that ``demo_minutes`` of the demo day take."""
        return demo_minutes * 60.0 / self.scale

    # ---- the step ----------------------------------------------------------------------------

    def tick(self, now: float, incidents: Mapping[str, Mapping[str, Any]],
             units: Mapping[str, Mapping[str, Any]]) -> list[Command]:
        """The commands to send at ``now`` (real seconds since start), given the hub's active
        incidents and units. Deterministic in (seed, the sequence of calls and their inputs)."""
        out: list[Command] = []
        dt = max(0.0, now - self.last)
        self.last = now
        if not self.started:
            self.started = True
            for _ in range(INITIAL_LOAD):
                out.append(self._report(now, self._channel(now, any_hour=True)))
            for iid in sorted(incidents):  # a backlog from before: work it too
                if incidents[iid].get("reported_by") and not incidents[iid].get("drill"):
                    self.jobs.setdefault(iid, Job(iid, now + self.rng.uniform(0.5, 5.0)))
        else:
            out += self._arrivals(now, dt, len(incidents))
        out += self._work(now, incidents, units)
        out += self._drive(now, dt, units)
        out += self._patrol(now, units)
        return out

    def on_report(self, cmd: Command, result: Mapping[str, Any], now: float) -> None:
        """A report's result: follow the new incident (an existing one is followed too)."""
        if result.get("ok") and "incident" in result:
            inc = result["incident"]
            if inc["id"] not in self.jobs and inc.get("state") not in ("closed", "rejected", "merged"):
                self.jobs[inc["id"]] = Job(inc["id"], now + self.real(self.rng.uniform(2, 12)))

    # ---- new reports -------------------------------------------------------------------------

    def _channel(self, now: float, any_hour: bool = False) -> str:
        hour = self.local(now).hour
        names = sorted(CHANNELS)
        weights = [CHANNELS[n][0][hour] + (0.3 if any_hour else 0.0) for n in names]
        return self.rng.choices(names, weights)[0]

    def _arrivals(self, now: float, dt: float, active: int) -> list[Command]:
        if active >= MAX_ACTIVE:
            return []
        hour = self.local(now).hour
        out = []
        per_demo_second = DAILY_VOLUME / 86400.0 / (sum(sum(w) for w, _ in CHANNELS.values()) / 24.0)
        for name in sorted(CHANNELS):
            lam = CHANNELS[name][0][hour] * per_demo_second * dt * self.scale
            for _ in range(_poisson(self.rng, lam)):
                out.append(self._report(now, name))
        return out

    def _report(self, now: float, channel: str) -> Command:
        _weights, cats = CHANNELS[channel]
        code = self.rng.choice(cats)
        cat = self.catalog.categories[code]
        grid = self.rng.choice(self.grids)
        lat, lon = self._inside(grid)
        if channel == "sensor":
            desc = SENSOR_TEXT.get(code, DEFAULT_SENSOR_TEXT)
        else:
            desc = f"{CHANNEL_TEXT[channel]}：{cat.name_zh} {cat.name_en}"
        args: dict[str, Any] = {"category": code, "lat": lat, "lon": lon, "source": channel, "description": desc}
        if channel == "hotline":
            args["reporter"] = f"市民 1{self.rng.randrange(30, 99)}****{self.rng.randrange(1000, 9999)}"
        if channel == "grid":
            args["reporter"] = f"网格员 {grid.name_zh}"
        if self.rng.random() < 0.08 and cat.default_priority != "urgent":
            args["priority"] = "urgent"
        self.reports += 1
        return Command("incident.report", args, f"new:{self.reports}")

    def _inside(self, grid: Grid) -> tuple[float, float]:
        for _ in range(8):
            lat = grid.centroid[0] + self.rng.uniform(-0.0012, 0.0012)
            lon = grid.centroid[1] + self.rng.uniform(-0.0016, 0.0016)
            if self.catalog.grid_at(lat, lon) is grid:
                return lat, lon
        return grid.centroid

    # ---- working the cases -------------------------------------------------------------------

    def _work(self, now: float, incidents: Mapping[str, Mapping[str, Any]],
              units: Mapping[str, Mapping[str, Any]]) -> list[Command]:
        out = []
        for iid in sorted(self.jobs):
            job = self.jobs[iid]
            inc = incidents.get(iid)
            if inc is None:
                if now > job.due + 30:  # closed, rejected, merged or gone: forget it
                    self._release(job)
                    del self.jobs[iid]
                continue
            if now < job.due or inc.get("version", 0) <= job.acted_on:
                continue
            cmd = self._next(now, job, inc, units)
            if cmd is not None:
                job.acted_on = inc.get("version", 0)
                out.append(cmd)
        return out

    def _delay(self, now: float, job: Job, inc: Mapping[str, Any], lo: float, hi: float) -> float:
        """When the next step is due: ``lo``–``hi`` demo minutes, or, for a few cases, just past
        the real deadline (a miss that shows red), when that deadline is near enough to watch."""
        if not job.neglected and self.rng.random() < 0.04 and inc.get("deadline"):
            left = (datetime.fromisoformat(inc["deadline"].replace("Z", "+00:00")) - self.start).total_seconds() - now
            if 0 < left < 600:
                job.neglected = True
                return now + left + self.rng.uniform(5, 40)
        return now + self.real(self.rng.uniform(lo, hi))

    def _next(self, now: float, job: Job, inc: Mapping[str, Any],
              units: Mapping[str, Mapping[str, Any]]) -> Command | None:
        state, iid, rng = inc["state"], job.id, self.rng
        if state == "reported":
            if rng.random() < 0.03:
                job.due = now + 30
                reason = "重复上报，已有案件处理中 duplicate report"
                return Command("incident.reject", {"incident": iid, "reason": reason}, iid)
            job.due = self._delay(now, job, inc, 2, 10)
            return Command("incident.accept", {"incident": iid}, iid)
        if state in ("accepted", "returned"):
            job.due = self._delay(now, job, inc, 1, 8)
            return self._dispatch(job, inc, units)
        if state == "dispatched":
            if job.team and not job.returned and rng.random() < 0.05:
                job.returned = True
                self._release(job)
                job.due = now + self.real(rng.uniform(3, 10))
                return Command("incident.return", {"incident": iid, "reason": "非本队职责，请改派 not our remit"}, iid)
            job.due = self._delay(now, job, inc, 5, 20) if job.unit is None else now + self.real(rng.uniform(1, 6))
            if job.unit and job.unit in units:
                self.moves[job.unit] = Move(job.unit, (inc["lat"], inc["lon"]), iid)
            return Command("incident.acknowledge", {"incident": iid}, iid)
        if state == "escalated":
            job.due = self._delay(now, job, inc, 30, 120)
            return Command("incident.acknowledge", {"incident": iid, "note": "部门已签收 department signed"}, iid)
        if state == "acknowledged":
            if job.unit and job.unit in self.moves:  # still driving there
                job.acted_on = 0
                job.due = now + 1
                return None
            if inc.get("assignee_kind") == "team" and rng.random() < 0.03:
                job.due = now + self.real(rng.uniform(20, 60))
                reason = "超出街道处置能力，吹哨部门 beyond the street's means"
                return Command("incident.escalate", {"incident": iid, "department": self._department(inc),
                                                     "reason": reason}, iid)
            job.due = self._delay(now, job, inc, 10, 40)
            cmd = Command("incident.resolve", {"incident": iid, "note": "已现场处置 handled on site"}, iid)
            self._release(job, free=True)
            return cmd
        if state == "resolved":
            job.due = self._delay(now, job, inc, 5, 30)
            passed = rng.random() > 0.06
            note = "网格员现场核查通过 verified on site" if passed else "核查未通过，返工 not fixed, rework"
            return Command("incident.verify", {"incident": iid, "passed": passed, "note": note}, iid)
        if state == "verified":
            job.due = now + 30
            sat = rng.choices([5, 4, 3, 2], [6, 3, 1, 0.3])[0]
            return Command("incident.close", {"incident": iid, "satisfaction": sat, "note": "回访 call-back"}, iid)
        return None

    def _department(self, inc: Mapping[str, Any]) -> str:
        cat = self.catalog.categories.get(inc.get("category", ""))
        return cat.department if cat else sorted(self.catalog.departments)[0]

    def _dispatch(self, job: Job, inc: Mapping[str, Any], units: Mapping[str, Mapping[str, Any]]) -> Command:
        """The nearest capable team with a free unit (the unit goes); else the category's department."""
        teams = [t.id for t in self.catalog.capable_teams(inc["category"])]
        if job.returned and job.team in teams and len(teams) > 1:
            teams.remove(job.team)
        best: tuple[float, str, str] | None = None
        for uid in sorted(units):
            u = units[uid]
            if u.get("team") in teams and u.get("status") == "free" and uid not in self.busy_units:
                d = haversine_m(inc["lat"], inc["lon"], u["lat"], u["lon"])
                if best is None or d < best[0]:
                    best = (d, u["team"], uid)
        if best is None and teams:
            team = self.rng.choice(teams)
            job.team, job.unit = team, None
            return Command("incident.dispatch", {"incident": job.id, "team": team, "note": "派遣 dispatched"}, job.id)
        if best is None:
            job.team = job.unit = None
            return Command("incident.dispatch", {"incident": job.id, "department": self._department(inc),
                                                 "note": "派遣至职能部门 to the department"}, job.id)
        _d, team, uid = best
        job.team, job.unit = team, uid
        self.busy_units[uid] = job.id
        return Command("incident.dispatch", {"incident": job.id, "team": team, "note": f"派遣 {uid}"}, job.id)

    def _release(self, job: Job, free: bool = False) -> None:
        if job.unit is not None:
            self.busy_units.pop(job.unit, None)
            self.moves.pop(job.unit, None)
            if free:
                self.moves[job.unit] = Move(job.unit, self.positions.get(job.unit, (0.0, 0.0)), job.id, "free")
            job.unit = None

    # ---- units -------------------------------------------------------------------------------

    def _drive(self, now: float, dt: float, units: Mapping[str, Mapping[str, Any]]) -> list[Command]:
        """Each driving unit moves one step along the streets (east-west first, then
        north-south), as far as its speed takes it in ``dt`` of demo time."""
        out = []
        for uid in sorted(self.moves):
            mv = self.moves[uid]
            u = units.get(uid)
            if u is None:
                del self.moves[uid]
                continue
            lat, lon = self.positions.get(uid, (u["lat"], u["lon"]))
            if mv.arrive_status == "free":  # done: stays where it is, free again
                del self.moves[uid]
                out.append(Command("unit.update", {"unit": uid, "lat": lat, "lon": lon, "status": "free"}, mv.job))
                continue
            budget = SPEED_MPS.get(u.get("kind", "vehicle"), 5.0) * max(dt, TICK / self.rate) * self.scale
            tlat, tlon = mv.target
            heading = 0.0
            m_per_deg_lon = 111_320 * math.cos(math.radians(lat))
            dx = (tlon - lon) * m_per_deg_lon
            if abs(dx) > 1:
                step = min(abs(dx), budget)
                lon += math.copysign(step, dx) / m_per_deg_lon
                budget -= step
                heading = 90.0 if dx > 0 else 270.0
            dy = (tlat - lat) * 111_320
            if budget > 0 and abs(dy) > 1:
                step = min(abs(dy), budget)
                lat += math.copysign(step, dy) / 111_320
                heading = 0.0 if dy > 0 else 180.0
            arrived = abs(tlat - lat) * 111_320 <= 1 and abs(tlon - lon) * m_per_deg_lon <= 1
            if arrived:
                del self.moves[uid]
            self.positions[uid] = (lat, lon)
            speed = SPEED_MPS.get(u.get("kind", "vehicle"), 5.0)
            out.append(Command("unit.update", {"unit": uid, "lat": lat, "lon": lon, "heading": heading,
                                               "speed": 0.0 if arrived else speed,
                                               "status": mv.arrive_status if arrived else "en_route"}, mv.job))
        return out

    def _patrol(self, now: float, units: Mapping[str, Mapping[str, Any]]) -> list[Command]:
        """A few free units wander a little (foot and e-bike patrols by day; cars all day)."""
        hour = self.local(now).hour
        out = []
        free = [uid for uid in sorted(units) if uid not in self.busy_units and uid not in self.moves
                and units[uid].get("status") in ("free", None)]
        if not free:
            return out
        for uid in self.rng.sample(free, k=min(2, len(free))):
            u = units[uid]
            if u.get("kind") != "vehicle" and not PATROL_HOURS[0] <= hour < PATROL_HOURS[1]:
                continue
            lat, lon = self.positions.get(uid, (u["lat"], u["lon"]))
            lat += self.rng.uniform(-0.0004, 0.0004)
            lon += self.rng.uniform(-0.0005, 0.0005)
            if self.catalog.grid_at(lat, lon) is None:
                continue
            self.positions[uid] = (lat, lon)
            out.append(Command("unit.update", {"unit": uid, "lat": lat, "lon": lon, "status": "free"}, None))
        return out


def _poisson(rng: random.Random, lam: float) -> int:
    """A Poisson draw (Knuth; lam is small here)."""
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


async def run_demo(url: str, token: str, catalog: Catalog, *, seed: int = 0, rate: float = 1.0,
                   stop: asyncio.Event | None = None) -> None:
    """Run the demo feed until ``stop`` is set (or the task is cancelled). ConnectionError with
    a one-line reason if the hub cannot be reached or refuses the token."""
    client = await connect(url, token, "demo-feed")
    planner = DemoPlanner(catalog, seed=seed, rate=rate)
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        while not stop.is_set():
            now = loop.time() - t0
            cmds = planner.tick(now, client.replica.incidents, client.replica.units)
            if cmds:
                results = await asyncio.gather(*(command(client, c.name, c.args, tries=5) for c in cmds),
                                               return_exceptions=True)
                for c, res in zip(cmds, results, strict=True):
                    if isinstance(res, BaseException):
                        log.warning("demo %s failed: %s", c.name, res)
                    elif c.name == "incident.report":
                        planner.on_report(c, res, loop.time() - t0)
            try:
                await asyncio.wait_for(stop.wait(), TICK / max(rate, 0.1))
            except TimeoutError:
                pass
    except asyncio.CancelledError:
        pass
    finally:
        await close_quietly(client)
