"""Reference data: the district tree and its grids, categories, departments, teams, units, cameras.

Everything loads from ``resources/catalog.toml`` and the files it names (format:
docs/CATALOG.md). Bad data stops start-up with one :class:`CatalogError` that names the file
and the entry; the first problem found is reported, so fixing files one error at a time works.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .calendar import WorkCalendar, load_calendars
from .catalog_files import (
    _Entry,
    _load_cameras,
    _load_categories,
    _load_departments,
    _load_geojson,
    _load_teams,
    _load_units,
    _no_unknown_keys,
    shape_items,
)
from .errors import read_toml as _read_toml
from .geo import BucketIndex
from .reference import (  # the objects, read from here by most of the code
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
    Place,
    Street,
    Team,
    Unit,
)
from .timelimits import Limit, TimeLimitTable, load_time_limits

__all__ = ["DEFAULT_CATALOG", "FAMILIES", "LEVELS", "RESOURCES", "UNIT_KINDS", "UNIT_STATUSES", "Camera", "Catalog",
           "Category", "Community", "Department", "District", "Grid", "MajorClass", "Place", "Street", "Team", "Unit",
           "default_catalog", "load_catalog"]

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEFAULT_CATALOG = RESOURCES / "catalog.toml"



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
        self._grid_index: BucketIndex[Grid] = BucketIndex(shape_items(self.grids.values()))

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
                # the outline, as GeoJSON MultiPolygon coordinates: feeds place and check points
                # against the district of the hub they talk to (CONTRACT §5), not a local file
                "outline": [[[list(p) for p in r] for r in rings] for rings in (d.parts or ((d.ring,),))],
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

    grid_index: BucketIndex[Grid] = BucketIndex(shape_items(grids.values()))
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
