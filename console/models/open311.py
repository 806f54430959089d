"""Open311 GeoReport v2 (JSON), the pure part: services from the category table, the requests'
fields from incidents, and the checks of a GET's filters and of a POST's form (docs/OPEN311.md).

No I/O here: net/open311.py reads the store (store/open311.py) and submits reports through the
hub; this module only maps and checks. Every refusal is an :class:`Open311Error` naming the field,
with the HTTP status the specification gives it (400 bad or missing field, 403 api key, 404 not
found)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from .catalog import Catalog
from .commands import _PHONE
from .incident import iso, parse_instant
from .lifecycle import FINAL_STATES
from .reference import Category
from .validation import MAX_TEXT

SPAN = timedelta(days=90)  # the specification: by default the last 90 days, never a wider span
MAX_REQUESTS = 1000  # … and at most 1,000 requests
SOURCE = "open311"  # incident.report's source for every POST
LOCALES = ("zh", "en")  # None: both, "道路坑洼 Pothole"


class Open311Error(Exception):
    """A refusal in the specification's own format: ``[{"code": status, "description": …}]``."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description

    def body(self) -> list[dict[str, Any]]:
        return [{"code": self.status, "description": self.description}]


# ---- names --------------------------------------------------------------------------------------

def pick(zh: str, en: str, locale: str | None) -> str:
    """A name in the asked language, or both ("道路坑洼 Pothole") when none was asked."""
    if locale == "zh":
        return zh or en
    if locale == "en":
        return en or zh
    return " ".join(x for x in (zh, en) if x)


def locale_of(param: str | None, accept_language: str | None) -> str | None:
    """``?locale=`` (zh or en) wins; else the first language of Accept-Language if it is zh* or
    en*; else None (both names). A bad ``locale`` is refused."""
    if param is not None:
        lang = param.strip().lower()
        for loc in LOCALES:
            if lang == loc or lang.startswith(loc + "-") or lang.startswith(loc + "_"):
                return loc
        raise Open311Error(400, f"locale must be zh or en, got {param[:40]!r}")
    first = (accept_language or "").split(",", 1)[0].split(";", 1)[0].strip().lower()
    for loc in LOCALES:
        if first == loc or first.startswith(loc + "-"):
            return loc
    return None


FAMILY_NAMES = {"part": ("部件", "Part"), "event": ("事件", "Event")}

# what the case is waiting for, by state: the requests' service_notice (status is only open|closed)
STATE_NOTICE: dict[str, tuple[str, str]] = {
    "reported": ("已登记，待受理", "Received, awaiting acceptance"),
    "accepted": ("已受理，待派遣", "Accepted, awaiting dispatch"),
    "dispatched": ("已派遣，待签收", "Dispatched, awaiting sign-off"),
    "acknowledged": ("处置中", "Being handled"),
    "returned": ("已退回，待重新派遣", "Returned, to be dispatched again"),
    "escalated": ("已上报职能部门", "Escalated to a department"),
    "resolved": ("已处置，待核查", "Handled, awaiting verification"),
    "verified": ("已核查，待结案", "Verified, awaiting closure"),
    "closed": ("已结案", "Closed"),
    "rejected": ("不予受理", "Rejected"),
    "merged": ("已合并", "Merged into another request"),
}
PARKED = ("挂账", "on hold")


def service(cat: Category, catalog: Catalog, locale: str | None) -> dict[str, Any]:
    """One category as an Open311 service: code, name, description, group (the major class)."""
    major = catalog.major_of(cat)
    fam_zh, fam_en = FAMILY_NAMES.get(cat.family, (cat.family, cat.family))
    if locale == "zh":
        description = f"{fam_zh} · {major.name_zh} · {cat.name_zh}"
    elif locale == "en":
        description = f"{fam_en} · {major.name_en} · {cat.name_en}"
    else:
        description = f"{fam_zh} · {major.name_zh} · {cat.name_zh} / {fam_en} · {major.name_en} · {cat.name_en}"
    keywords = [x for x in dict.fromkeys((cat.code, cat.name_zh, cat.name_en, major.name_zh, major.name_en,
                                          fam_zh, fam_en)) if x]
    return {
        "service_code": cat.code,
        "service_name": pick(cat.name_zh, cat.name_en, locale),
        "description": description,
        "metadata": False,
        "type": "realtime",
        "keywords": ", ".join(keywords),
        "group": pick(major.name_zh, major.name_en, locale),
    }


def services(catalog: Catalog, locale: str | None) -> list[dict[str, Any]]:
    return [service(c, catalog, locale) for c in sorted(catalog.categories.values(), key=lambda c: c.code)]


def _assignee_name(inc: Mapping[str, Any], catalog: Catalog, locale: str | None) -> str | None:
    who = inc.get("assignee")
    if not who:
        return None
    table = catalog.departments if inc.get("assignee_kind") == "department" else catalog.teams
    thing = table.get(who) or catalog.teams.get(who) or catalog.departments.get(who)
    return pick(thing.name_zh, thing.name_en, locale) if thing is not None else who


def status_of(state: str) -> str:
    return "closed" if state in {s.value for s in FINAL_STATES} else "open"


def request(inc: Mapping[str, Any], note: str | None, catalog: Catalog, locale: str | None) -> dict[str, Any]:
    """One incident (its wire form) as an Open311 service request. ``note`` is the note of its
    last transition (store/open311.py). Nothing personal leaves: no phone, name or e-mail."""
    cat = catalog.categories.get(inc["category"])
    zh, en = STATE_NOTICE.get(inc["state"], (inc["state"], inc["state"]))
    notice = pick(zh, en, locale)
    if inc.get("parked"):
        notice += f" ({pick(*PARKED, locale)})"
    return {
        "service_request_id": inc["id"],
        "status": status_of(inc["state"]),
        "status_notes": note,
        "service_name": pick(cat.name_zh, cat.name_en, locale) if cat else inc["category"],
        "service_code": inc["category"],
        "description": inc["description"],
        "agency_responsible": _assignee_name(inc, catalog, locale),
        "service_notice": notice,
        "requested_datetime": inc["reported_at"],
        "updated_datetime": inc.get("updated_at") or inc["reported_at"],
        "expected_datetime": inc.get("deadline"),
        "address": inc.get("address"),
        "address_id": inc.get("grid"),
        "zipcode": None,
        "lat": inc["lat"],
        "long": inc["lon"],
        "media_url": inc.get("photo_url"),
    }


# ---- GET requests.json: the filters --------------------------------------------------------------

@dataclass(frozen=True)
class RequestQuery:
    """What requests.json asks for; store/open311.py reads it."""

    ids: tuple[str, ...] = ()  # given: every other filter but drill is ignored (the specification)
    categories: tuple[str, ...] = ()
    status: str | None = None  # open | closed
    start: datetime | None = None
    end: datetime | None = None
    drill: bool = False  # drill cases only (never mixed with real ones)
    limit: int = MAX_REQUESTS


GET_PARAMS = frozenset({"jurisdiction_id", "service_request_id", "service_code", "status", "start_date",
                        "end_date", "locale", "drill", "api_key"})


def _time(name: str, text: str) -> datetime:
    try:
        return parse_instant(text.strip())
    except ValueError:
        raise Open311Error(400, f"{name} must be an ISO 8601 time such as 2026-12-01T00:00:00Z, "
                                f"got {text[:60]!r}") from None


def request_query(params: Mapping[str, str], catalog: Catalog, now: datetime, drill: bool = False) -> RequestQuery:
    """The filters of GET requests.json, checked; the defaults of the specification applied
    (the 90 days up to ``end_date`` or now, at most 1,000). ``drill`` is already allowed."""
    ids_text = params.get("service_request_id")
    if ids_text is not None:
        ids = tuple(dict.fromkeys(x.strip() for x in ids_text.split(",") if x.strip()))
        if not ids:
            raise Open311Error(400, "service_request_id must be one or more ids, comma-separated")
        if len(ids) > MAX_REQUESTS or any(len(x) > 64 for x in ids):
            raise Open311Error(400, f"service_request_id: at most {MAX_REQUESTS} ids of up to 64 characters")
        return RequestQuery(ids=ids, drill=drill)
    codes: tuple[str, ...] = ()
    if params.get("service_code") is not None:
        codes = tuple(dict.fromkeys(x.strip() for x in params["service_code"].split(",") if x.strip()))
        unknown = [c for c in codes if c not in catalog.categories]
        if not codes or unknown:
            raise Open311Error(400, f"service_code: unknown service {(unknown or [''])[0][:40]!r} "
                                    "(services.json lists them)")
    status = params.get("status")
    if status is not None:
        status = status.strip().lower()
        if status not in ("open", "closed"):
            raise Open311Error(400, f"status must be open or closed, got {params['status'][:40]!r}")
    start = _time("start_date", params["start_date"]) if params.get("start_date") is not None else None
    end = _time("end_date", params["end_date"]) if params.get("end_date") is not None else None
    if start is None and end is None:
        end = now
    if start is None:
        start = end - SPAN  # type: ignore[operator]
    if end is None:
        end = start + SPAN
    if end < start:
        raise Open311Error(400, "end_date is before start_date")
    if end - start > SPAN:
        raise Open311Error(400, "start_date to end_date may span at most 90 days (Open311 GeoReport v2)")
    return RequestQuery(categories=codes, status=status, start=start, end=end, drill=drill)


def flag(name: str, text: str | None) -> bool:
    if text is None:
        return False
    value = text.strip().lower()
    if value in ("true", "1", "yes"):
        return True
    if value in ("false", "0", "no", ""):
        return False
    raise Open311Error(400, f"{name} must be true or false, got {text[:40]!r}")


# ---- POST requests.json: the form ---------------------------------------------------------------

POST_FIELDS = frozenset({"api_key", "jurisdiction_id", "service_code", "lat", "long", "address_string", "address_id",
                         "email", "device_id", "account_id", "first_name", "last_name", "phone", "description",
                         "media_url", "locale", "external_id"})
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")


def _coordinate(name: str, text: str, limit: float) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise Open311Error(400, f"{name} must be a number in degrees, got {text[:40]!r}") from None
    if not math.isfinite(value) or not -limit <= value <= limit:
        raise Open311Error(400, f"{name} must be between -{limit:g} and {limit:g}, got {text[:40]!r}")
    return value


def _fold(text: str) -> str:
    return "".join(text.casefold().split())


def _place(text: str, catalog: Catalog) -> tuple[float, float] | None:
    """Where ``address_string`` alone points: pasted coordinates, or exactly the name or code of
    one of the district's streets, communities or grids (its centroid); None otherwise."""
    from .calltaking import parse_coords

    pair = parse_coords(text)
    if pair is not None:
        return pair
    key = _fold(text)
    for table in (catalog.grids, catalog.communities, catalog.streets):
        for code, p in table.items():
            if key in (_fold(code), _fold(p.name_zh), _fold(p.name_en)):
                return p.centroid
    return None


def report_args(form: Mapping[str, str], catalog: Catalog, user_name: str) -> dict[str, Any]:
    """The ``incident.report`` arguments of a POST's form, every field checked first (so nothing
    is half-applied): Open311Error naming the first bad field otherwise."""
    attrs = sorted(k for k in form if k.startswith("attribute["))
    if attrs:
        raise Open311Error(400, f"{attrs[0]}: the services here define no attributes (metadata false)")
    unknown = sorted(set(form) - POST_FIELDS)
    if unknown:
        raise Open311Error(400, f"unknown field {unknown[0][:40]!r} (Open311 GeoReport v2 fields only)")
    get = lambda k: (form.get(k) or "").strip()  # noqa: E731
    code = get("service_code")
    if not code:
        raise Open311Error(400, "service_code is required (services.json lists them)")
    if code not in catalog.categories:
        raise Open311Error(404, f"service_code {code[:40]!r} not found (services.json lists them)")
    cat = catalog.categories[code]
    has_lat, has_long = bool(get("lat")), bool(get("long"))
    if has_lat != has_long:
        raise Open311Error(400, "lat and long go together: give both or neither")
    address = get("address_string")
    grid_id = get("address_id")
    if grid_id and grid_id not in catalog.grids:
        raise Open311Error(400, f"address_id {grid_id[:40]!r} is not a grid code of district {catalog.district.code}")
    if has_lat:
        lat, lon = _coordinate("lat", get("lat"), 90), _coordinate("long", get("long"), 180)
    elif grid_id:
        lat, lon = catalog.grids[grid_id].centroid
    elif address:
        point = _place(address, catalog)
        if point is None:
            raise Open311Error(400, "address_string could not be placed (give lat and long, "
                                    "or address_id: a grid code)")
        lat, lon = point
    else:
        raise Open311Error(400, "a location is required: lat and long, address_string or address_id")
    if catalog.grid_at(lat, lon) is None:
        raise Open311Error(400, f"lat/long ({lat:.6f}, {lon:.6f}) lies outside district {catalog.district.code}")
    description = get("description") or pick(cat.name_zh, cat.name_en, None)
    for name, value, limit in (("description", description, MAX_TEXT), ("address_string", address, MAX_TEXT),
                               ("media_url", get("media_url"), MAX_TEXT), ("email", get("email"), 200),
                               ("first_name", get("first_name"), 100), ("last_name", get("last_name"), 100),
                               ("external_id", get("external_id"), 100)):
        if len(value) > limit:
            raise Open311Error(400, f"{name} is longer than {limit} characters")
    media = get("media_url")
    if media and not re.match(r"https?://\S+$", media):
        raise Open311Error(400, "media_url must be an http(s) URL")
    email = get("email")
    if email and not _EMAIL.fullmatch(email):
        raise Open311Error(400, "email is not an e-mail address")
    phone = get("phone")
    if phone and not _PHONE.fullmatch(phone):
        raise Open311Error(400, "phone must be a phone number: 3 to 40 digits, spaces, + - ( )")
    args: dict[str, Any] = {"category": code, "lat": lat, "lon": lon, "description": description,
                            "source": SOURCE}
    name = " ".join(x for x in (get("first_name"), get("last_name")) if x)
    reporter = " ".join(x for x in (name, f"<{email}>" if email else "") if x)
    if reporter:
        args["reporter"] = reporter[:200]
    if phone:
        args["caller_phone"] = phone
    if address:
        args["address"] = address
    elif grid_id:
        g = catalog.grids[grid_id]
        args["address"] = pick(g.name_zh, g.name_en, None)
    if media:
        args["photo_url"] = media
    if get("external_id"):  # the caller's own id: per api key, so two systems' ids never meet
        args["external_id"] = f"{user_name}:{get('external_id')}"[:200]
    return args


def post_answer(inc: Mapping[str, Any], locale: str | None) -> list[dict[str, Any]]:
    """The specification's answer to a POST: the new request's id and what happens next."""
    zh, en = STATE_NOTICE.get(inc["state"], (inc["state"], inc["state"]))
    notice = pick(zh, en, locale)
    if inc.get("deadline"):
        notice += f"; {pick('时限', 'expected by', locale)} {inc['deadline']}"
    return [{"service_request_id": inc["id"], "service_notice": notice, "account_id": None}]


__all__ = ["MAX_REQUESTS", "SOURCE", "SPAN", "Open311Error", "RequestQuery", "flag", "iso", "locale_of", "pick",
           "post_answer", "report_args", "request", "request_query", "service", "services", "status_of"]
