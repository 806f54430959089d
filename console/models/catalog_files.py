"""Reading the reference files named by ``catalog.toml``: each table checked as it is read, the
first problem stopping start-up with a CatalogError that names the file and the entry."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NoReturn

from .errors import CatalogError
from .errors import read_toml as _read_toml
from .geo import BucketIndex, LonLat, ring_area_m2, ring_bbox, ring_problem, shape_centroid
from .reference import (
    _CAPABILITY_RE,
    _CATEGORY_RE,
    _ID_RE,
    FAMILIES,
    LEVELS,
    UNIT_KINDS,
    UNIT_STATUSES,
    Camera,
    Category,
    Community,
    Department,
    District,
    Grid,
    MajorClass,
    Street,
    Team,
    Unit,
)
from .timelimits import PRIORITIES, TimeLimitTable

Parts = tuple[tuple[tuple[LonLat, ...], ...], ...]  # polygons, each as rings: outer first, then holes


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
    parsed: dict[str, tuple[str, _Entry, tuple[LonLat, ...], Parts]] = {}
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
        parts = _polygons(e, f.get("geometry"))
        ring = max((p[0] for p in parts), key=ring_area_m2)  # the largest polygon's outer ring
        parsed[code] = (level, e, ring, parts)
        by_level[level].append(code)

    def lat_lon(code: str) -> tuple[float, float]:
        lon, lat = shape_centroid(parsed[code][3])
        return (lat, lon)

    def shape(code: str) -> dict[str, Any]:  # ring and parts (a single hole-less polygon: no parts)
        ring, parts = parsed[code][2], parsed[code][3]
        return {"ring": ring, "parts": () if len(parts) == 1 and len(parts[0]) == 1 else parts}

    if len(by_level["district"]) != 1:
        raise CatalogError(path, "district", f"needs exactly one district feature, found {len(by_level['district'])}")
    dc = by_level["district"][0]
    _, de, dring, dparts = parsed[dc]
    if dc != d_code:
        de.fail(f"code differs from the district code {d_code} in {dist.path}")
    city_code = dist.text("city_code", default=de.text("parent"))
    district = District(
        code=dc, name_zh=dist.text("name_zh"), name_en=dist.text("name_en"), city_code=city_code,
        city_zh=dist.text("city_zh"), city_en=dist.text("city_en"), timezone=dist.text("timezone"),
        centroid=lat_lon(dc), **shape(dc),
    )

    def check_child(code: str, digits: int, parent_level: str, seg_range: range, what: str) -> _Entry:
        level, e, _, _ = parsed[code]
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
        streets[code] = Street(code, e.text("name_zh"), e.text("name_en"), centroid=lat_lon(code), **shape(code))
    communities: dict[str, Community] = {}
    for code in by_level["community"]:
        # 001–199 residents' committees, 200–399 villages
        e = check_child(code, 12, "street", range(1, 400), "community")
        communities[code] = Community(code, e.text("parent"), e.text("name_zh"), e.text("name_en"),
                                      centroid=lat_lon(code), **shape(code))
    grids: dict[str, Grid] = {}
    for code in by_level["grid"]:
        e = check_child(code, 15, "community", range(1, 1000), "grid")
        comm = e.text("parent")
        grids[code] = Grid(code, communities[comm].street, comm, e.text("name_zh"), e.text("name_en"),
                           centroid=lat_lon(code), **shape(code))

    # every branch must end in grids, or incidents there could never be placed
    for code in streets:
        if not any(c.street == code for c in communities.values()):
            parsed[code][1].fail("has no communities")
    for code in communities:
        if not any(g.community == code for g in grids.values()):
            parsed[code][1].fail("has no grids")
    # each grid must lie within the district outline (its bounding box at least)
    dx0, dy0, dx1, dy1 = _bbox(dparts)
    for g in grids.values():
        gx0, gy0, gx1, gy1 = _bbox(parsed[g.code][3])
        if gx0 < dx0 - 1e-9 or gy0 < dy0 - 1e-9 or gx1 > dx1 + 1e-9 or gy1 > dy1 + 1e-9:
            parsed[g.code][1].fail("polygon reaches outside the district outline")
    return district, streets, communities, grids


def _polygons(e: _Entry, geom: object) -> Parts:
    """A Polygon's or a MultiPolygon's polygons, each as closed rings (outer first, then holes)."""
    kind = geom.get("type") if isinstance(geom, dict) else None
    if kind not in ("Polygon", "MultiPolygon"):
        e.fail("geometry must be a Polygon or a MultiPolygon")
    coords = geom.get("coordinates")  # type: ignore[union-attr]
    polys = [coords] if kind == "Polygon" else coords
    if not isinstance(polys, list) or not polys:
        e.fail(f"{kind} has no polygon")
    parts = []
    for poly in polys:
        if not isinstance(poly, list) or not poly or not isinstance(poly[0], list):
            e.fail("Polygon has no outer ring")
        rings = []
        for ring_raw in poly:
            if not isinstance(ring_raw, list) or not all(isinstance(p, list) for p in ring_raw):
                e.fail("polygon ring must be a list of [lon, lat] positions")
            problem = ring_problem(ring_raw)
            if problem:
                e.fail(problem)
            rings.append(tuple((float(p[0]), float(p[1])) for p in ring_raw))
        parts.append(tuple(rings))
    return tuple(parts)


def _bbox(parts: Parts) -> tuple[float, float, float, float]:
    boxes = [ring_bbox(p[0]) for p in parts]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def shape_items(areas: Iterable[Any]) -> Iterator[tuple[Any, tuple[LonLat, ...], tuple[tuple[LonLat, ...], ...]]]:
    """``(area, outer ring, holes)`` for each polygon of each area (a grid, a street, …): what a
    BucketIndex takes, so that holes and every part of a MultiPolygon count."""
    for a in areas:
        for rings in a.parts or ((a.ring,),):
            yield a, rings[0], tuple(rings[1:])


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
