"""The reference data's objects: the district tree and its grids, categories, departments,
teams, units, cameras, and the constants that check them. Loaded by ``catalog``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .geo import LonLat

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
    # every polygon as rings (outer first, then holes); empty: just ``ring``. ``ring`` is the
    # outer ring of the largest polygon, enough for drawings and bounding boxes
    parts: tuple[tuple[tuple[LonLat, ...], ...], ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class Street:
    code: str
    name_zh: str
    name_en: str
    ring: tuple[LonLat, ...] = field(repr=False)
    centroid: tuple[float, float]  # (lat, lon)
    parts: tuple[tuple[tuple[LonLat, ...], ...], ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class Community:
    code: str
    street: str
    name_zh: str
    name_en: str
    ring: tuple[LonLat, ...] = field(repr=False)
    centroid: tuple[float, float]  # (lat, lon)
    parts: tuple[tuple[tuple[LonLat, ...], ...], ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class Grid:
    code: str
    street: str
    community: str
    name_zh: str
    name_en: str
    ring: tuple[LonLat, ...] = field(repr=False)  # (lon, lat) as in GeoJSON, closed
    centroid: tuple[float, float]  # (lat, lon)
    parts: tuple[tuple[tuple[LonLat, ...], ...], ...] = field(default=(), repr=False)  # as District.parts


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
