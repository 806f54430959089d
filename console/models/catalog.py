"""Reference data: the district tree and its grids, categories, departments, teams, units, cameras.

Everything loads from ``resources/catalog.toml`` and the files it names (format:
docs/CATALOG.md). Bad data stops start-up with one :class:`CatalogError` that names the file
and the entry; the first problem found is reported, so fixing files one error at a time works.
"""

from __future__ import annotations

import json
import math
import re
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple, NoReturn

from .calendar import WorkCalendar, load_calendars
from .errors import CatalogError
from .errors import read_toml as _read_toml
from .geo import BucketIndex, LonLat, ring_bbox, ring_centroid, ring_problem
from .timelimits import PRIORITIES, Limit, TimeLimitTable, load_time_limits

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEFAULT_CATALOG = RESOURCES / "catalog.toml"

FAMILIES = {"P": "part", "E": "event"}
UNIT_KINDS = ("vehicle", "foot", "ebike")
UNIT_STATUSES = ("free", "en_route", "on_scene", "busy", "off")  # the one list, for the catalog and unit.update
LEVELS = ("district", "street", "community", "grid")
_CATEGORY_RE = re.compile(r"^[PE]\d{4}$")
_CAPABILITY_RE = re.compile(r"^[PE](\d{2}){0,2}$")  # "E", "E01" or "E0102"
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


# --------------------------------------------------------------------------------------------
# The objects


@dataclass(frozen=True, slots=True)
class District:
    code: str
    name_zh: str
    name_en: str
    city_code: str
    city_zh: str
    city_en: str
    timezone: str
    ring: tuple[LonLat, ...] = field(repr=False)
    centroid: tuple[float, float]  # (lat, lon)


@dataclass(frozen=True, slots=True)
class Street:
    code: str
    name_zh: str
    name_en: str
    ring: tuple[LonLat, ...] = field(repr=False)
    centroid: tuple[float, float]  # (lat, lon)


@dataclass(frozen=True, slots=True)
class Community:
    code: str
    street: str
    name_zh: str
    name_en: str
    ring: tuple[LonLat, ...] = field(repr=False)
    centroid: tuple[float, float]  # (lat, lon)


@dataclass(frozen=True, slots=True)
class Grid:
    code: str
    street: str
    community: str
    name_zh: str
    name_en: str
    ring: tuple[LonLat, ...] = field(repr=False)  # (lon, lat) as in GeoJSON, closed
    centroid: tuple[float, float]  # (lat, lon)


@dataclass(frozen=True, slots=True)
class MajorClass:
    family: str  # "part" | "event"
    code: str  # "01".."06"
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Category:
    code: str  # "P0101", "E0102"
    family: str  # "part" | "event"
    major: str  # "01".."06"
    name_zh: str
    name_en: str
    limits: str  # profile name in the time-limit table
    department: str  # default responsible department id
    default_priority: str  # "urgent" | "normal"

    def covered_by(self, capability: str) -> bool:
        """True when a team capability (a code or a code prefix such as "E01") covers this category."""
        return self.code.startswith(capability)


@dataclass(frozen=True, slots=True)
class Department:
    id: str
    name_zh: str
    name_en: str
    kind: str


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    name_zh: str
    name_en: str
    member_types: tuple[str, ...]
    capabilities: tuple[str, ...]  # category codes or prefixes ("E01", "P0118")
    home_grid: str
    department: str

    def can_handle(self, category_code: str) -> bool:
        return any(category_code.startswith(c) for c in self.capabilities)


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    team: str
    kind: str  # "vehicle" | "foot" | "ebike"
    callsign: str
    lat: float
    lon: float
    status: str  # start status, normally "free"


@dataclass(frozen=True, slots=True)
class Camera:
    id: str
    name_zh: str
    name_en: str
    lat: float
    lon: float
    grid: str  # the grid it stands in
    stream_url: str = ""


class Place(NamedTuple):
    """Where a point lies; all None outside the district."""

    grid: str | None
    community: str | None
    street: str | None


# --------------------------------------------------------------------------------------------
# The catalog


class Catalog:
    """All reference data of one district, read-only once loaded."""

    def __init__(
        self,
        *,
        path: Path,
        geojson_path: Path,
        district: District,
        streets: Iterable[Street],
        communities: Iterable[Community],
        grids: Iterable[Grid],
        majors: Iterable[MajorClass],
        categories: Iterable[Category],
        other_category: str,
        departments: Iterable[Department],
        teams: Iterable[Team],
        units: Iterable[Unit],
        cameras: Iterable[Camera],
        calendar: WorkCalendar,
        time_limits: TimeLimitTable,
    ) -> None:
        self.path = path
        self.geojson_path = geojson_path  # the map draws boundaries straight from this file
        self.district = district
        self.streets: Mapping[str, Street] = MappingProxyType({s.code: s for s in streets})
        self.communities: Mapping[str, Community] = MappingProxyType({c.code: c for c in communities})
        self.grids: Mapping[str, Grid] = MappingProxyType({g.code: g for g in grids})
        self.majors: Mapping[tuple[str, str], MajorClass] = MappingProxyType(
            {(m.family, m.code): m for m in majors}
        )
        self.categories: Mapping[str, Category] = MappingProxyType({c.code: c for c in categories})
        self.other_category: Category = self.categories[other_category]
        self.departments: Mapping[str, Department] = MappingProxyType({d.id: d for d in departments})
        self.teams: Mapping[str, Team] = MappingProxyType({t.id: t for t in teams})
        self.units: Mapping[str, Unit] = MappingProxyType({u.id: u for u in units})
        self.cameras: Mapping[str, Camera] = MappingProxyType({c.id: c for c in cameras})
        self.calendar = calendar
        self.time_limits = time_limits
        self._grid_index: BucketIndex[Grid] = BucketIndex((g, g.ring) for g in self.grids.values())

    def __repr__(self) -> str:
        return (
            f"Catalog({self.district.code} {self.district.name_en}: {len(self.streets)} streets, "
            f"{len(self.communities)} communities, {len(self.grids)} grids, "
            f"{len(self.categories)} categories, {len(self.teams)} teams)"
        )

    # ---- places

    def grid_at(self, lat: float, lon: float) -> Grid | None:
        """The unit grid containing the point, or None outside the district."""
        return self._grid_index.find(lon, lat)

    def place_of(self, lat: float, lon: float) -> Place:
        """(grid, community, street) codes of the point; all None outside the district."""
        g = self.grid_at(lat, lon)
        if g is None:
            return Place(None, None, None)
        return Place(g.code, g.community, g.street)

    # ---- categories and limits

    def category(self, code: str) -> Category:
        """The category with this code; KeyError when there is none (imports use other_category)."""
        try:
            return self.categories[code]
        except KeyError:
            raise KeyError(f"unknown category {code!r}") from None

    def major_of(self, category: Category) -> MajorClass:
        return self.majors[(category.family, category.major)]

    def limit(self, category_code: str, priority: str, stage: str) -> Limit:
        """The time limit of a stage for a category at a priority."""
        return self.time_limits.limit(self.category(category_code).limits, priority, stage)

    def capable_teams(self, category_code: str) -> list[Team]:
        """Teams whose capabilities cover the category, by id."""
        return [t for _, t in sorted(self.teams.items()) if t.can_handle(category_code)]

    # ---- wire

    def to_wire(self) -> dict[str, Any]:
        """Plain JSON-able reference data for snapshots; every object has an "id" (rings left out)."""

        def cat(c: Category) -> dict[str, Any]:
            m = self.major_of(c)
            return {
                "id": c.code, "code": c.code, "family": c.family, "major": c.major,
                "major_zh": m.name_zh, "major_en": m.name_en, "name_zh": c.name_zh, "name_en": c.name_en,
                "limits": c.limits, "department": c.department, "default_priority": c.default_priority,
            }

        d = self.district
        return {
            "district": {
                "id": d.code, "code": d.code, "name_zh": d.name_zh, "name_en": d.name_en,
                "city_zh": d.city_zh, "city_en": d.city_en, "timezone": d.timezone,
                "centroid": list(d.centroid),
            },
            "other_category": self.other_category.code,
            "categories": [cat(c) for c in self.categories.values()],
            "departments": [
                {"id": x.id, "name_zh": x.name_zh, "name_en": x.name_en, "kind": x.kind}
                for x in self.departments.values()
            ],
            "teams": [
                {
                    "id": t.id, "name_zh": t.name_zh, "name_en": t.name_en,
                    "member_types": list(t.member_types), "capabilities": list(t.capabilities),
                    "home_grid": t.home_grid, "department": t.department,
                }
                for t in self.teams.values()
            ],
            "units": [
                {
                    "id": u.id, "team": u.team, "kind": u.kind, "callsign": u.callsign,
                    "lat": u.lat, "lon": u.lon, "status": u.status,
                }
                for u in self.units.values()
            ],
            "cameras": [
                {
                    "id": c.id, "name_zh": c.name_zh, "name_en": c.name_en, "lat": c.lat, "lon": c.lon,
                    "grid": c.grid, "stream_url": c.stream_url,
                }
                for c in self.cameras.values()
            ],
            "streets": [
                {"id": s.code, "code": s.code, "name_zh": s.name_zh, "name_en": s.name_en,
                 "centroid": list(s.centroid)}
                for s in self.streets.values()
            ],
            "communities": [
                {"id": c.code, "code": c.code, "street": c.street, "name_zh": c.name_zh,
                 "name_en": c.name_en, "centroid": list(c.centroid)}
                for c in self.communities.values()
            ],
            "grids": [
                {"id": g.code, "code": g.code, "name_zh": g.name_zh, "name_en": g.name_en,
                 "street": g.street, "community": g.community, "centroid": list(g.centroid)}
                for g in self.grids.values()
            ],
        }


# --------------------------------------------------------------------------------------------
# Loading


def load_catalog(path: Path | None = None) -> Catalog:
    """Load and check the catalog at ``path`` (default: the shipped resources/catalog.toml).

    Raises CatalogError naming the file and entry of the first problem found.
    """
    path = Path(path) if path is not None else DEFAULT_CATALOG
    data = _read_toml(path)
    base = path.parent

    dist = _Entry(path, "district", data.get("district"))
    files = _Entry(path, "files", data.get("files"))
    _no_unknown_keys(path, data, {"district", "files", "department", "team", "unit", "camera"})

    d_code = dist.text("code")
    if not re.fullmatch(r"\d{6}", d_code):
        dist.fail(f"code {d_code!r} is not a 6-digit county code")
    tz = dist.text("timezone")
    try:
        zoneinfo.ZoneInfo(tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        dist.fail(f"timezone {tz!r} is not a known IANA time zone")

    calendar_paths = [base / p for p in files.text_list("calendars")]
    if not calendar_paths:
        files.fail("calendars: name at least one calendar file")
    for p in calendar_paths:
        if not p.is_file():
            files.fail(f"calendar file {p} does not exist")
    calendar = load_calendars(calendar_paths)
    if calendar.tz.key != tz:
        files.fail(f"calendars use time zone {calendar.tz.key}, the district {tz}")
    limits_path = base / files.text("time_limits")
    time_limits = load_time_limits(limits_path, calendar)

    geo_path = base / files.text("geojson")
    district, streets, communities, grids = _load_geojson(geo_path, d_code, dist)

    departments = _load_departments(path, data.get("department"))
    cat_path = base / files.text("categories")
    majors, categories, other = _load_categories(cat_path, departments, time_limits)

    grid_index: BucketIndex[Grid] = BucketIndex((g, g.ring) for g in grids.values())
    teams = _load_teams(path, data.get("team"), categories, departments, grids)
    units = _load_units(path, data.get("unit"), teams, grid_index)
    cameras = _load_cameras(path, data.get("camera"), grid_index)

    return Catalog(
        path=path,
        geojson_path=geo_path,
        district=district,
        streets=streets.values(),
        communities=communities.values(),
        grids=grids.values(),
        majors=majors,
        categories=categories.values(),
        other_category=other,
        departments=departments.values(),
        teams=teams.values(),
        units=units.values(),
        cameras=cameras.values(),
        calendar=calendar,
        time_limits=time_limits,
    )


@cache
def default_catalog() -> Catalog:
    """The shipped catalog, loaded once per process."""
    return load_catalog()


class _Entry:
    """One table of a reference file, with typed getters that fail naming file and entry."""

    def __init__(self, path: Path, entry: str, raw: object) -> None:
        self.path, self.entry = path, entry
        if not isinstance(raw, dict):
            self.fail("missing" if raw is None else "must be a table")
        self.raw: dict[str, Any] = raw

    def fail(self, problem: str) -> NoReturn:
        raise CatalogError(self.path, self.entry, problem)

    def text(self, key: str, *, default: str | None = None, allow_empty: bool = False) -> str:
        v = self.raw.get(key, default)
        if v is None:
            self.fail(f"missing {key}")
        if not isinstance(v, str):
            self.fail(f"{key} must be a string, not {type(v).__name__}")
        if not allow_empty and not v.strip():
            self.fail(f"{key} is empty")
        return v

    def text_list(self, key: str, *, allow_missing: bool = False) -> tuple[str, ...]:
        v = self.raw.get(key)
        if v is None and allow_missing:
            return ()
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            self.fail(f"{key} must be a list of non-empty strings")
        return tuple(v)

    def number(self, key: str) -> float:
        v = self.raw.get(key)
        if v is None:
            self.fail(f"missing {key}")
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            self.fail(f"{key} must be a number")
        return float(v)

    def names(self) -> tuple[str, str]:
        return self.text("name_zh"), self.text("name_en")


def _no_unknown_keys(path: Path, data: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise CatalogError(path, ", ".join(unknown), f"unknown key(s); allowed: {', '.join(sorted(allowed))}")


def _array(path: Path, name: str, raw: object, *, required: bool = True) -> list[Any]:
    if raw is None:
        if required:
            raise CatalogError(path, name, f"missing; add at least one [[{name}]]")
        return []
    if not isinstance(raw, list):
        raise CatalogError(path, name, f"must be an array of tables ([[{name}]])")
    return raw


def _entry_id(path: Path, kind: str, i: int, raw: object, key: str = "id") -> tuple[_Entry, str]:
    """The entry's id, with the entry named by it (or by position when the id itself is bad)."""
    e = _Entry(path, f"{kind} #{i + 1}", raw)
    ident = e.text(key)
    if not _ID_RE.fullmatch(ident):
        e.fail(f"{key} {ident!r} may hold only letters, digits, '-', '_' and '.'")
    e.entry = f"{kind} {ident}"
    return e, ident


def _latlon(e: _Entry) -> tuple[float, float]:
    lat, lon = e.number("lat"), e.number("lon")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        e.fail(f"({lat}, {lon}) is not a latitude/longitude")
    return lat, lon


def _load_geojson(
    path: Path, d_code: str, dist: _Entry
) -> tuple[District, dict[str, Street], dict[str, Community], dict[str, Grid]]:
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise CatalogError(path, "file", "does not exist") from None
    except OSError as e:
        raise CatalogError(path, "file", f"cannot be read: {e.strerror or e}") from None
    except json.JSONDecodeError as e:
        raise CatalogError(path, "JSON syntax", f"{e.msg} (at line {e.lineno}, column {e.colno})") from None
    except UnicodeDecodeError as e:
        raise CatalogError(path, "file", f"is not UTF-8: {e.reason} at byte {e.start}") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise CatalogError(path, "FeatureCollection", "the file must be a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise CatalogError(path, "features", "must be a list")

    # pass 1: each feature on its own; pass 2: the tree
    parsed: dict[str, tuple[str, _Entry, tuple[LonLat, ...]]] = {}
    by_level: dict[str, list[str]] = {lv: [] for lv in LEVELS}
    for i, f in enumerate(features):
        if not isinstance(f, dict) or not isinstance(f.get("properties"), dict):
            raise CatalogError(path, f"feature #{i + 1}", "must be a Feature with properties")
        e = _Entry(path, f"feature #{i + 1}", f["properties"])
        level = e.text("level")
        if level not in LEVELS:
            e.fail(f"level {level!r} must be one of {', '.join(LEVELS)}")
        code = e.text("code")
        e.entry = f"{level} {code}"
        e.names()
        e.text("parent")
        if code in parsed:
            e.fail("duplicate code")
        geom = f.get("geometry")
        if not isinstance(geom, dict) or geom.get("type") != "Polygon":
            e.fail("geometry must be a Polygon")
        coords = geom.get("coordinates")
        if not isinstance(coords, list) or not coords or not isinstance(coords[0], list):
            e.fail("Polygon has no outer ring")
        ring_raw = coords[0]
        if not all(isinstance(p, list) for p in ring_raw):
            e.fail("polygon ring must be a list of [lon, lat] positions")
        problem = ring_problem(ring_raw)
        if problem:
            e.fail(problem)
        ring = tuple((float(p[0]), float(p[1])) for p in ring_raw)
        parsed[code] = (level, e, ring)
        by_level[level].append(code)

    def lat_lon(ring: tuple[LonLat, ...]) -> tuple[float, float]:
        lon, lat = ring_centroid(ring)
        return (lat, lon)

    if len(by_level["district"]) != 1:
        raise CatalogError(path, "district", f"needs exactly one district feature, found {len(by_level['district'])}")
    dc = by_level["district"][0]
    _, de, dring = parsed[dc]
    if dc != d_code:
        de.fail(f"code differs from the district code {d_code} in {dist.path}")
    city_code = dist.text("city_code", default=de.text("parent"))
    district = District(
        code=dc, name_zh=dist.text("name_zh"), name_en=dist.text("name_en"), city_code=city_code,
        city_zh=dist.text("city_zh"), city_en=dist.text("city_en"), timezone=dist.text("timezone"),
        ring=dring, centroid=lat_lon(dring),
    )

    def check_child(code: str, digits: int, parent_level: str, seg_range: range, what: str) -> _Entry:
        level, e, _ = parsed[code]
        parent = e.text("parent")
        if not re.fullmatch(rf"\d{{{digits}}}", code):
            e.fail(f"code must be {digits} digits")
        if parent not in parsed or parsed[parent][0] != parent_level:
            e.fail(f"parent {parent!r} is not a {parent_level} in this file")
        if not code.startswith(parent):
            e.fail(f"code is not under its {parent_level} {parent}")
        if int(code[len(parent):]) not in seg_range:
            e.fail(f"{what} segment {code[len(parent):]} is outside {seg_range.start:03d}–{seg_range.stop - 1:03d}")
        return e

    streets: dict[str, Street] = {}
    for code in by_level["street"]:
        # 001–099 streets (街道), 100–199 towns (镇)
        e = check_child(code, 9, "district", range(1, 200), "street")
        ring = parsed[code][2]
        streets[code] = Street(code, e.text("name_zh"), e.text("name_en"), ring, lat_lon(ring))
    communities: dict[str, Community] = {}
    for code in by_level["community"]:
        # 001–199 residents' committees, 200–399 villages
        e = check_child(code, 12, "street", range(1, 400), "community")
        ring = parsed[code][2]
        communities[code] = Community(code, e.text("parent"), e.text("name_zh"), e.text("name_en"), ring,
                                      lat_lon(ring))
    grids: dict[str, Grid] = {}
    for code in by_level["grid"]:
        e = check_child(code, 15, "community", range(1, 1000), "grid")
        ring = parsed[code][2]
        comm = e.text("parent")
        grids[code] = Grid(code, communities[comm].street, comm, e.text("name_zh"), e.text("name_en"), ring,
                           lat_lon(ring))

    # every branch must end in grids, or incidents there could never be placed
    for code in streets:
        if not any(c.street == code for c in communities.values()):
            parsed[code][1].fail("has no communities")
    for code in communities:
        if not any(g.community == code for g in grids.values()):
            parsed[code][1].fail("has no grids")
    # each grid must lie within the district outline (its bounding box at least)
    dx0, dy0, dx1, dy1 = ring_bbox(dring)
    for g in grids.values():
        gx0, gy0, gx1, gy1 = ring_bbox(g.ring)
        if gx0 < dx0 - 1e-9 or gy0 < dy0 - 1e-9 or gx1 > dx1 + 1e-9 or gy1 > dy1 + 1e-9:
            parsed[g.code][1].fail("polygon reaches outside the district outline")
    return district, streets, communities, grids


def _load_departments(path: Path, raw: object) -> dict[str, Department]:
    out: dict[str, Department] = {}
    for i, item in enumerate(_array(path, "department", raw)):
        e, ident = _entry_id(path, "department", i, item)
        if ident in out:
            e.fail("duplicate id")
        zh, en = e.names()
        out[ident] = Department(ident, zh, en, e.text("kind"))
    return out


def _load_categories(
    path: Path, departments: Mapping[str, Department], time_limits: TimeLimitTable
) -> tuple[list[MajorClass], dict[str, Category], str]:
    data = _read_toml(path)
    _no_unknown_keys(path, data, {"other", "major", "category"})
    major_raw = _Entry(path, "major", data.get("major")).raw
    majors: list[MajorClass] = []
    for fam in ("part", "event"):
        fam_raw = _Entry(path, f"major.{fam}", major_raw.get(fam)).raw
        for code, m in fam_raw.items():
            e = _Entry(path, f"major.{fam}.{code}", m)
            if not re.fullmatch(r"\d{2}", code):
                e.fail("major class code must be 2 digits")
            zh, en = e.names()
            majors.append(MajorClass(fam, code, zh, en))
    known_majors = {(m.family, m.code) for m in majors}

    complete: dict[str, list[str]] = {}
    categories: dict[str, Category] = {}
    for i, item in enumerate(_array(path, "category", data.get("category"))):
        e = _Entry(path, f"category #{i + 1}", item)
        code = e.text("code")
        e.entry = f"category {code}"
        if not _CATEGORY_RE.fullmatch(code):
            e.fail("code must be P or E followed by 4 digits (major + minor class), e.g. E0102")
        if code in categories:
            e.fail("duplicate code")
        family = e.text("family", default=FAMILIES[code[0]])
        if family != FAMILIES[code[0]]:
            e.fail(f"family {family!r} does not match the code (expected {FAMILIES[code[0]]!r})")
        major = e.text("major", default=code[1:3])
        if major != code[1:3]:
            e.fail(f"major {major!r} does not match the code (expected {code[1:3]!r})")
        if (family, major) not in known_majors:
            e.fail(f"major class {family} {major} is not defined under [major.{family}]")
        zh, en = e.names()
        profile = e.raw.get("limits")
        if profile is None:
            e.fail("has no time-limit profile (limits)")
        profile = e.text("limits")
        if profile not in time_limits.profiles:
            e.fail(f"time-limit profile {profile!r} is not in the time-limit table")
        if profile not in complete:
            complete[profile] = time_limits.check_complete(profile)
        if complete[profile]:
            e.fail(f"time-limit profile {profile!r} is incomplete: missing {', '.join(complete[profile])}")
        dept = e.text("department")
        if dept not in departments:
            e.fail(f"unknown department {dept!r}")
        prio = e.text("default_priority", default="normal")
        if prio not in PRIORITIES:
            e.fail(f"default_priority {prio!r} must be one of {', '.join(PRIORITIES)}")
        categories[code] = Category(code, family, major, zh, en, profile, dept, prio)
    other = data.get("other")
    if not isinstance(other, str) or other not in categories:
        raise CatalogError(path, "other", f"must name a category of this file, not {other!r}")
    return majors, categories, other


def _load_teams(
    path: Path,
    raw: object,
    categories: Mapping[str, Category],
    departments: Mapping[str, Department],
    grids: Mapping[str, Grid],
) -> dict[str, Team]:
    out: dict[str, Team] = {}
    for i, item in enumerate(_array(path, "team", raw)):
        e, ident = _entry_id(path, "team", i, item)
        if ident in out:
            e.fail("duplicate id")
        zh, en = e.names()
        members = e.text_list("member_types")
        caps = e.text_list("capabilities")
        if not caps:
            e.fail("capabilities is empty; the team could never be recommended")
        for cap in caps:
            if not _CAPABILITY_RE.fullmatch(cap) or not any(c.startswith(cap) for c in categories):
                e.fail(f"capability {cap!r} matches no category (use a code like E0102 or a prefix like E01)")
        home = e.text("home_grid")
        if home not in grids:
            e.fail(f"home_grid {home!r} is not a grid of the district")
        dept = e.text("department")
        if dept not in departments:
            e.fail(f"unknown department {dept!r}")
        out[ident] = Team(ident, zh, en, members, caps, home, dept)
    return out


def _load_units(path: Path, raw: object, teams: Mapping[str, Team], grids: BucketIndex[Grid]) -> dict[str, Unit]:
    out: dict[str, Unit] = {}
    for i, item in enumerate(_array(path, "unit", raw, required=False)):
        e, ident = _entry_id(path, "unit", i, item)
        if ident in out:
            e.fail("duplicate id")
        team = e.text("team")
        if team not in teams:
            e.fail(f"unknown team {team!r}")
        kind = e.text("kind")
        if kind not in UNIT_KINDS:
            e.fail(f"kind {kind!r} must be one of {', '.join(UNIT_KINDS)}")
        status = e.text("status", default="free")
        if status not in UNIT_STATUSES:
            e.fail(f"status {status!r} must be one of {', '.join(UNIT_STATUSES)}")
        lat, lon = _latlon(e)
        if grids.find(lon, lat) is None:
            e.fail(f"start position ({lat}, {lon}) is outside the district")
        out[ident] = Unit(ident, team, kind, e.text("callsign", default=ident), lat, lon, status)
    return out


def _load_cameras(path: Path, raw: object, grids: BucketIndex[Grid]) -> dict[str, Camera]:
    out: dict[str, Camera] = {}
    for i, item in enumerate(_array(path, "camera", raw, required=False)):
        e, ident = _entry_id(path, "camera", i, item)
        if ident in out:
            e.fail("duplicate id")
        zh, en = e.names()
        lat, lon = _latlon(e)
        grid = grids.find(lon, lat)
        if grid is None:
            e.fail(f"({lat}, {lon}) is outside the district")
        out[ident] = Camera(ident, zh, en, lat, lon, grid.code, e.text("stream_url", default="", allow_empty=True))
    return out
