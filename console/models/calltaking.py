"""Taking a call (issue 13): finding the category and the place from what the call-taker types,
and turning the form's draft into ``incident.report`` arguments. Pure: the form in
console/views/calltaking.py shows what these return.

Categories are found by code, Chinese name, English name or pinyin initials (``dlkw`` for 道路坑洼),
places by street, community, grid code or name, camera junction, or pasted coordinates, so a
trained call-taker never leaves the keyboard."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .commands import _PHONE
from .privacy import mask_phone
from .reference import Category

# the channels a call comes in by (DOMAIN.md): the value sent as ``source``
CHANNELS = ("12345", "110", "grid", "sensor", "web", "walk_in", "mailbox")
DUPLICATE_RADIUS_M = 100.0  # a caller about the same thing at the same spot (and 24 h, same category)


def initials(text: str) -> str:
    """Pinyin initials of the Chinese in ``text``, other letters and digits kept: 道路坑洼 → dlkw."""
    from pypinyin import Style, lazy_pinyin  # 0.3 s to import: only once a call is taken

    out = []
    for part in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default"):
        out.extend(ch.lower() for ch in part if ch.isalnum())
    return "".join(out)


def _fold(text: str) -> str:
    return "".join(text.casefold().split())


def _score(query: str, keys: Iterable[tuple[str, int]]) -> int | None:
    """The best rank any key gives the query: a prefix ranks above a substring; lower is better.
    A negative base marks a key matched from its start only (pinyin initials: ``lj`` inside
    ``sdlj`` is noise)."""
    best: int | None = None
    for key, signed in keys:
        base = abs(signed)
        if not key:
            continue
        if key == query:
            rank = base
        elif key.startswith(query):
            rank = base + 1
        elif signed >= 0 and query in key:
            rank = base + 3
        else:
            continue
        best = rank if best is None else min(best, rank)
    return best


class CategoryIndex:
    """Categories matched by code, Chinese, English or pinyin initials, best first."""

    def __init__(self, categories: Iterable[Category]) -> None:
        self._rows = [(c, (_fold(c.code), 0), (c.name_zh, 0), (_fold(c.name_en), 1), (initials(c.name_zh), -1))
                      for c in categories]

    def search(self, text: str, limit: int = 12) -> list[Category]:
        q = _fold(text)
        if not q:
            return [row[0] for row in self._rows][:limit]
        hits = []
        for c, *keys in self._rows:
            rank = _score(q, keys)
            if rank is not None:
                hits.append((rank, c.code, c))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [h[2] for h in hits[:limit]]


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """A place the call-taker can pick: where it is and what it is called."""

    kind: str  # "coords" | "street" | "community" | "grid" | "camera"
    code: str
    name_zh: str
    name_en: str
    lat: float
    lon: float


_NUM = r"[-+]?\d{1,3}(?:\.\d+)?"
_COORDS = re.compile(rf"^\s*(?:lat[:=]?\s*)?({_NUM})\s*°?\s*([NS])?\s*[,，;\s]"
                     rf"\s*(?:lon[:=]?\s*)?({_NUM})\s*°?\s*([EW])?\s*$", re.IGNORECASE)


def parse_coords(text: str) -> tuple[float, float] | None:
    """(lat, lon) from pasted coordinates: ``31.2304, 121.4737``, ``31.2304 121.4737``,
    ``31.2304N 121.4737E``, or the other way round (``121.4737,31.2304``: a first number past 90
    can only be a longitude). None when the text is not a coordinate pair."""
    m = _COORDS.match(text)
    if not m:
        return None
    a, b = float(m.group(1)), float(m.group(3))
    if (m.group(2) or "").upper() == "S":
        a = -abs(a)
    if (m.group(4) or "").upper() == "W":
        b = -abs(b)
    if abs(a) > 90 and abs(b) <= 90:
        a, b = b, a
    if abs(a) > 90 or abs(b) > 180:
        return None
    return a, b


class PlaceIndex:
    """Streets, communities, grids and camera junctions of the catalog, found by what is typed."""

    _ORDER = {"grid": 0, "community": 1, "street": 2, "camera": 3}

    def __init__(self, catalog: Catalog) -> None:
        places: list[PlaceHit] = []
        for kind, table in (("street", catalog.streets), ("community", catalog.communities),
                            ("grid", catalog.grids)):
            for code, p in table.items():
                places.append(PlaceHit(kind, code, p.name_zh, p.name_en, p.centroid[0], p.centroid[1]))
        for cid, cam in catalog.cameras.items():
            places.append(PlaceHit("camera", cid, cam.name_zh, cam.name_en, cam.lat, cam.lon))
        self._rows = [(p, (_fold(p.code), 0), (p.name_zh, 0), (_fold(p.name_en), 1), (initials(p.name_zh), -1))
                      for p in places]

    def search(self, text: str, limit: int = 12) -> list[PlaceHit]:
        pair = parse_coords(text)
        if pair is not None:
            return [PlaceHit("coords", "", "", "", pair[0], pair[1])]
        q = _fold(text)
        if not q:
            return []
        hits = []
        for p, *keys in self._rows:
            rank = _score(q, keys)
            if rank is not None:
                hits.append((rank, self._ORDER[p.kind], p.code, p))
        hits.sort(key=lambda h: h[:3])
        return [h[3] for h in hits[:limit]]


@dataclass(slots=True)
class Draft:
    """What the form holds, field by field; ``problems`` names what is missing or wrong."""

    channel: str = "12345"
    caller: str = ""
    phone: str = ""
    category: str = ""
    lat: float | None = None
    lon: float | None = None
    address: str = ""
    description: str = ""
    priority: str = ""  # "" until a category proposes one

    def problems(self, catalog: Catalog) -> list[str]:
        """The fields that stop the call from being reported, in the form's order."""
        out = []
        if self.channel not in CHANNELS:
            out.append("channel")
        if self.phone.strip() and not _PHONE.fullmatch(self.phone.strip()):
            out.append("phone")
        if self.category not in catalog.categories:
            out.append("category")
        if self.lat is None or self.lon is None:
            out.append("place")
        elif catalog.grid_at(self.lat, self.lon) is None:
            out.append("outside")
        if not self.description.strip():
            out.append("description")
        if self.priority not in ("urgent", "normal"):
            out.append("priority")
        return out

    def report_args(self) -> dict[str, Any]:
        """The ``incident.report`` arguments (ops.report takes them as they are)."""
        args: dict[str, Any] = {"category": self.category, "lat": round(float(self.lat or 0), 7),
                                "lon": round(float(self.lon or 0), 7), "description": self.description.strip(),
                                "source": self.channel, "priority": self.priority}
        for key, value in (("reporter", self.caller), ("caller_phone", self.phone), ("address", self.address)):
            if value.strip():
                args[key] = value.strip()
        return args

    def as_incident(self) -> dict[str, Any]:
        """The draft as an incident would look, for the duplicate search."""
        return {"id": None, "category": self.category, "lat": self.lat, "lon": self.lon}


def caller_note(draft: Draft, channel_name: str, template: str) -> str:
    """The note that adds this caller to an existing case: ``template`` formatted with the
    caller, the (channel's) name and what they said."""
    # the phone masked: notes reach every role, and only the control room sees a caller's number
    who = " ".join(p for p in (draft.caller.strip(), mask_phone(draft.phone.strip()) or "") if p)
    return template.format(channel=channel_name, caller=who or "—", description=draft.description.strip())


__all__ = ["CHANNELS", "DUPLICATE_RADIUS_M", "CategoryIndex", "Draft", "PlaceHit", "PlaceIndex", "caller_note",
           "initials", "parse_coords"]
