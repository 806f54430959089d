"""CAP 1.2 (OASIS Common Alerting Protocol) alerts out of notices (docs/CAP.md). Pure; no Qt.

- ``check_args``: the ``cap`` argument of ``notice.post``, checked strictly; a CapError names the
  field that is wrong (``cap.area.polygon[2]``);
- ``make_alert``: the alert a notice sends, as stored (a row of ``cap_alerts``): every field the
  XML needs, so that an alert renders to the same bytes every time;
- ``render``: one alert as CAP 1.2 XML; ``atom_feed``: alerts as an Atom feed (RFC 4287).

A drill's notice is ``<status>Exercise</status>``, never ``Actual``. ``update_of`` / ``cancel_of``
make an ``Update`` / ``Cancel`` whose ``references`` names the earlier alert (and the ones it named).
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

NS = "urn:oasis:names:tc:emergency:cap:1.2"
ATOM = "http://www.w3.org/2005/Atom"
URGENCY = ("Immediate", "Expected", "Future", "Past", "Unknown")
SEVERITY = ("Extreme", "Severe", "Moderate", "Minor", "Unknown")
CERTAINTY = ("Observed", "Likely", "Possible", "Unlikely", "Unknown")
CATEGORY = ("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra", "CBRNE",
            "Other")
DEFAULT_CATEGORY = "Safety"  # a command center's notices are mostly public safety (CAP: "general emergency")
DEFAULT_LANGUAGE = "zh-CN"
ACTUAL, EXERCISE = "Actual", "Exercise"
MAX_POINTS = 500  # of a polygon
MAX_RADIUS_KM = 20_000.0  # half the Earth's circumference
HEADLINE = 160  # characters: CAP asks for a headline under 160

_KEYS = ("event", "urgency", "severity", "certainty", "area", "category", "headline", "language", "en",
         "update_of", "cancel_of")
_NEEDED = ("event", "urgency", "severity", "certainty", "area")  # unless an update or cancel copies them
_EN_KEYS = ("event", "headline", "description", "areaDesc")
_LANGUAGE_RE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
_IDENTIFIER_RE = re.compile(r"[^\s,<&]{1,64}")  # CAP: no spaces, commas or restricted characters
# characters XML 1.0 cannot carry at all (a notice's text must not hold them if it sends an alert)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class CapError(ValueError):
    """A ``cap`` argument refused; ``code`` is the command error code (invalid_args, not_found)."""

    def __init__(self, field: str, problem: str, code: str = "invalid_args") -> None:
        super().__init__(f"argument {field!r} {problem}")
        self.field = field
        self.problem = problem
        self.code = code


# ---- checking notice.post's cap ------------------------------------------------------------------

def check_args(value: Any) -> dict[str, Any]:
    """``cap`` cleaned (strings stripped, numbers as floats), or CapError naming what is wrong."""
    if not isinstance(value, dict):
        raise CapError("cap", f"must be an object, got {type(value).__name__}")
    unknown = sorted(set(value) - set(_KEYS))
    if unknown:
        raise CapError("cap", f"has unknown key(s): {', '.join(map(str, unknown))[:200]} "
                              f"(expected {', '.join(_KEYS)})")
    out: dict[str, Any] = {}
    refs = [k for k in ("update_of", "cancel_of") if value.get(k) is not None]
    if len(refs) > 1:
        raise CapError("cap", "may have update_of or cancel_of, not both")
    for k in refs:
        ident = _text(value[k], f"cap.{k}", 64)
        if not _IDENTIFIER_RE.fullmatch(ident):
            raise CapError(f"cap.{k}", "must be an alert's identifier (no spaces, commas, '<' or '&')")
        out[k] = ident
    for k in _NEEDED:
        if value.get(k) is None and not refs:
            raise CapError("cap", f"needs {k!r} (an update or a cancel may leave it out to keep the earlier one's)")
    if value.get("event") is not None:
        out["event"] = _text(value["event"], "cap.event", 200)
    for k, allowed in (("urgency", URGENCY), ("severity", SEVERITY), ("certainty", CERTAINTY),
                       ("category", CATEGORY)):
        if value.get(k) is not None:
            out[k] = _choice(value[k], f"cap.{k}", allowed)
    if value.get("area") is not None:
        out["area"] = _area(value["area"], "cap.area")
    if value.get("headline") is not None:
        out["headline"] = _text(value["headline"], "cap.headline", HEADLINE)
    if value.get("language") is not None:
        lang = _text(value["language"], "cap.language", 35)
        if not _LANGUAGE_RE.fullmatch(lang):
            raise CapError("cap.language", f"must be a language tag such as zh-CN or en-US, got {lang!r}")
        out["language"] = lang
    if value.get("en") is not None:
        out["en"] = _english(value["en"], out.get("language", DEFAULT_LANGUAGE))
    return out


def _text(value: Any, field: str, limit: int) -> str:
    if not isinstance(value, str):
        raise CapError(field, f"must be a string, got {type(value).__name__}")
    value = value.strip()
    if not value:
        raise CapError(field, "must not be empty")
    if len(value) > limit:
        raise CapError(field, f"is longer than {limit} characters")
    bad = _NOT_XML.search(value)
    if bad:
        raise CapError(field, f"holds a character XML cannot carry (U+{ord(bad.group()):04X})")
    return value


def _choice(value: Any, field: str, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        shown = repr(value)[:40] if isinstance(value, (str, int, float)) else type(value).__name__
        raise CapError(field, f"must be one of {', '.join(allowed)}, got {shown}")
    return value


def _number(value: Any, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CapError(field, f"must be a number, got {type(value).__name__}")
    try:
        x = float(value)
    except OverflowError:
        raise CapError(field, "is out of range") from None
    if not math.isfinite(x):
        raise CapError(field, "must be a finite number")
    return x


def _point(value: Any, field: str) -> list[float]:
    if not isinstance(value, list) or len(value) != 2:
        raise CapError(field, "must be a [lat, lon] pair")
    lat, lon = _number(value[0], f"{field}[0]"), _number(value[1], f"{field}[1]")
    if not -90.0 <= lat <= 90.0:
        raise CapError(f"{field}[0]", f"latitude {lat} is out of range (-90 to 90)")
    if not -180.0 <= lon <= 180.0:
        raise CapError(f"{field}[1]", f"longitude {lon} is out of range (-180 to 180)")
    return [lat, lon]


def _area(value: Any, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CapError(field, f"must be an object with areaDesc and polygon or circle, got {type(value).__name__}")
    unknown = sorted(set(value) - {"areaDesc", "polygon", "circle"})
    if unknown:
        raise CapError(field, f"has unknown key(s): {', '.join(map(str, unknown))[:200]} "
                              "(expected areaDesc, polygon, circle)")
    if value.get("areaDesc") is None:
        raise CapError(field, "needs 'areaDesc'")
    out: dict[str, Any] = {"areaDesc": _text(value["areaDesc"], f"{field}.areaDesc", 500)}
    shapes = [k for k in ("polygon", "circle") if value.get(k) is not None]
    if len(shapes) != 1:
        raise CapError(field, "needs exactly one of 'polygon' and 'circle'")
    if shapes[0] == "polygon":
        ring = value["polygon"]
        f = f"{field}.polygon"
        if not isinstance(ring, list) or not 4 <= len(ring) <= MAX_POINTS:
            raise CapError(f, f"must be a closed ring of 4 to {MAX_POINTS} [lat, lon] points")
        points = [_point(p, f"{f}[{n}]") for n, p in enumerate(ring)]
        if points[0] != points[-1]:
            raise CapError(f, "must be closed: its last point must repeat the first")
        if len({tuple(p) for p in points}) < 3:
            raise CapError(f, "needs at least 3 distinct points")
        out["polygon"] = points
    else:
        c = value["circle"]
        f = f"{field}.circle"
        if not isinstance(c, list) or len(c) != 3:
            raise CapError(f, "must be [lat, lon, radius_km]")
        lat, lon = _point(c[:2], f)
        r = _number(c[2], f"{f}[2]")
        if not 0.0 < r <= MAX_RADIUS_KM:
            raise CapError(f"{f}[2]", f"radius must be more than 0 and at most {MAX_RADIUS_KM:g} km, got {r:g}")
        out["circle"] = [lat, lon, r]
    return out


def _english(value: Any, language: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise CapError("cap.en", f"must be an object with {', '.join(_EN_KEYS)}, got {type(value).__name__}")
    if language.lower().startswith("en"):
        raise CapError("cap.en", f"is a second info in en-US; the first is already {language}")
    unknown = sorted(set(value) - set(_EN_KEYS))
    if unknown:
        raise CapError("cap.en", f"has unknown key(s): {', '.join(map(str, unknown))[:200]} "
                                 f"(expected {', '.join(_EN_KEYS)})")
    if value.get("event") is None:
        raise CapError("cap.en", "needs 'event'")
    limits = {"event": 200, "headline": HEADLINE, "description": 4000, "areaDesc": 500}
    return {k: _text(value[k], f"cap.en.{k}", limits[k]) for k in _EN_KEYS if value.get(k) is not None}


# ---- the alert a notice sends ----------------------------------------------------------------------

def sender_of(district_code: str) -> str:
    """The alerts' sender: one per district (its 6-digit administrative code), docs/CAP.md."""
    return f"console@{district_code}.cn"


def cap_time(t: datetime, tz: Any) -> str:
    """CAP's dateTime: local time with its offset, whole seconds, never 'Z' (UTC is -00:00)."""
    s = t.astimezone(tz).replace(microsecond=0).isoformat()
    return s[:-6] + "-00:00" if s.endswith("+00:00") else s


def make_alert(notice: Mapping[str, Any], args: Mapping[str, Any], district: Any, tz: Any,
               refs: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The alert ``notice`` (a notices row) sends, as a ``cap_alerts`` row; ``args`` is the
    checked ``cap``; ``refs``: identifier -> earlier alert (with ``cancelled_by``) for updates and
    cancels. CapError if the text cannot go into XML or the earlier alert cannot be referred to."""
    bad = _NOT_XML.search(notice["text"])
    if bad:
        raise CapError("text", f"holds a character XML cannot carry (U+{ord(bad.group()):04X})")
    drill = bool(notice["drill"])
    status = EXERCISE if drill else ACTUAL
    msg_type, ref, references, base = "Alert", None, None, {}
    for key, kind in (("update_of", "Update"), ("cancel_of", "Cancel")):
        if key in args:
            ref = args[key]
            earlier = refs.get(ref)
            if earlier is None:
                raise CapError(f"cap.{key}", f"names no alert: {ref!r}", "not_found")
            if earlier["status"] != status:
                raise CapError(f"cap.{key}", f"names an {earlier['status']} alert; a "
                                             f"{'drill' if drill else 'real'} notice sends {status} alerts")
            if earlier.get("cancelled_by"):
                raise CapError(f"cap.{key}", f"names alert {ref!r}, cancelled by {earlier['cancelled_by']!r}")
            msg_type, base = kind, earlier["info"][0]
            triple = f"{earlier['sender']},{earlier['identifier']},{earlier['sent']}"
            chain = (earlier["refs"] or "").split()
            references = " ".join(dict.fromkeys([*chain, triple]))
    local_day = notice["at"].astimezone(tz).strftime("%Y%m%d")
    sent = cap_time(notice["at"], tz)
    language = args.get("language") or base.get("language") or DEFAULT_LANGUAGE
    first_line = notice["text"].strip().splitlines()[0] if notice["text"].strip() else notice["text"]
    info = [{
        "language": language,
        "category": args.get("category") or base.get("category") or DEFAULT_CATEGORY,
        "event": args.get("event") or base["event"],
        "urgency": args.get("urgency") or base["urgency"],
        "severity": args.get("severity") or base["severity"],
        "certainty": args.get("certainty") or base["certainty"],
        "senderName": f"{district.city_zh}{district.name_zh}指挥中心",
        "headline": args.get("headline") or _cut(first_line, HEADLINE),
        "description": notice["text"],
        "area": args.get("area") or base["area"],
    }]
    en = args.get("en")
    if en:
        info.append(dict(info[0], language="en-US", event=en["event"],
                         senderName=f"{district.name_en} command center, {district.city_en}",
                         headline=en.get("headline") or _cut(en["event"], HEADLINE),
                         description=en.get("description") or notice["text"],
                         area=dict(info[0]["area"], areaDesc=en.get("areaDesc") or info[0]["area"]["areaDesc"])))
    note = None
    if drill:
        note = f"演练 Drill {notice['drill_run']}" if notice.get("drill_run") else "演练 Drill"
    return {
        "identifier": f"{district.code}-{local_day}-{notice['id']}",
        "number": int(notice["id"].lstrip("N")),
        "notice": notice["id"],
        "sender": sender_of(district.code),
        "sent": sent,
        "sent_at": notice["at"],
        "status": status,
        "msg_type": msg_type,
        "scope": "Public",
        "refers_to": ref,
        "refs": references,
        "note": note,
        "drill": drill,
        "drill_run": notice.get("drill_run"),
        "info": info,
    }


def remember(refs: dict[str, dict[str, Any]], alert: Mapping[str, Any]) -> None:
    """Add ``alert`` to ``refs`` (later commands of the batch may update or cancel it); a cancel
    marks the alert it names as cancelled."""
    refs[alert["identifier"]] = dict(alert, cancelled_by=None)
    if alert["msg_type"] == "Cancel" and alert["refers_to"] in refs:
        refs[alert["refers_to"]] = dict(refs[alert["refers_to"]], cancelled_by=alert["identifier"])


def summary(alert: Mapping[str, Any]) -> dict[str, Any]:
    """What ``notice.post``'s result says of the alert it sent."""
    return {"identifier": alert["identifier"], "sender": alert["sender"], "sent": alert["sent"],
            "status": alert["status"], "msgType": alert["msg_type"], "event": alert["info"][0]["event"],
            "references": alert["refs"]}


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# ---- XML ---------------------------------------------------------------------------------------------

def _num(x: float) -> str:
    """A coordinate or radius: at most 6 decimals (about 0.1 m), no trailing zeros."""
    s = f"{x:.6f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def polygon_text(points: Iterable[Iterable[float]]) -> str:
    """CAP's polygon: space-separated 'lat,lon' pairs."""
    return " ".join(",".join(_num(v) for v in p) for p in points)


def circle_text(circle: Iterable[float]) -> str:
    """CAP's circle: 'lat,lon radius' (kilometres)."""
    lat, lon, r = circle
    return f"{_num(lat)},{_num(lon)} {_num(r)}"


def _sub(parent: ET.Element, tag: str, text: str | None) -> ET.Element:
    e = ET.SubElement(parent, f"{{{NS}}}{tag}")
    e.text = text
    return e


def render(alert: Mapping[str, Any]) -> bytes:
    """The alert as CAP 1.2 XML (UTF-8, elements in the schema's order): the same bytes every time."""
    root = ET.Element(f"{{{NS}}}alert")
    for tag, key in (("identifier", "identifier"), ("sender", "sender"), ("sent", "sent"), ("status", "status"),
                     ("msgType", "msg_type"), ("scope", "scope")):
        _sub(root, tag, alert[key])
    if alert.get("note"):
        _sub(root, "note", alert["note"])
    if alert.get("refs"):
        _sub(root, "references", alert["refs"])
    for info in alert["info"]:
        el = _sub(root, "info", None)
        for tag in ("language", "category", "event", "urgency", "severity", "certainty", "senderName", "headline",
                    "description"):
            _sub(el, tag, info[tag])
        area = _sub(el, "area", None)
        _sub(area, "areaDesc", info["area"]["areaDesc"])
        if "polygon" in info["area"]:
            _sub(area, "polygon", polygon_text(info["area"]["polygon"]))
        else:
            _sub(area, "circle", circle_text(info["area"]["circle"]))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True, default_namespace=NS) + b"\n"


def atom_feed(alerts: Iterable[Mapping[str, Any]], *, feed_url: str, alert_url: Any, title: str, author: str,
              now: datetime) -> bytes:
    """An Atom feed (RFC 4287) of ``alerts``, in the order given; each entry links to its CAP XML
    at ``alert_url(identifier)``. ``updated`` is the newest alert's time (``now`` with none)."""
    alerts = list(alerts)

    def el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        e = ET.SubElement(parent, tag, attrs)
        e.text = text
        return e

    feed = ET.Element("feed", xmlns=ATOM)
    el(feed, "id", feed_url)
    el(feed, "title", title)
    el(feed, "updated", alerts[0]["sent"] if alerts else cap_time(now, UTC).replace("-00:00", "Z"))
    el(el(feed, "author"), "name", author)
    el(feed, "link", rel="self", href=feed_url)
    for a in alerts:
        info = a["info"][0]
        entry = el(feed, "entry")
        # a tag: URI (RFC 4151) from the sender and the day: the same whatever host name was asked
        el(entry, "id", f"tag:{a['sender']},{a['sent'][:10]}:cap/{a['identifier']}")
        el(entry, "title", info["headline"] if a["status"] == ACTUAL else f"[{a['status']}] {info['headline']}")
        el(entry, "updated", a["sent"])
        el(entry, "published", a["sent"])
        el(entry, "summary", f"{a['msg_type']} · {info['event']} · {info['urgency']}/{info['severity']}/"
                             f"{info['certainty']} · {info['area']['areaDesc']}")
        for term in (a["status"], a["msg_type"]):
            el(entry, "category", term=term)
        el(entry, "link", rel="alternate", type="application/cap+xml", href=alert_url(a["identifier"]))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
