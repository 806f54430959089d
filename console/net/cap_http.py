"""CAP 1.2 alerts for outside systems, under /cap/ (net/http_front.py; docs/CAP.md).

- ``GET /cap/alerts``: an Atom feed of the alerts, newest first (``?limit=`` 1–1000, default
  100); real alerts only, unless ``?drill=true`` (then Exercise alerts too, each marked so):
  drill data leaves the hub only when asked for;
- ``GET /cap/alerts/{identifier}.xml``: one alert (``application/cap+xml``), Exercise ones too;
  an unknown identifier is 404 with a line saying which.

Alerts are public (CAP's scope ``Public``): no api key is needed. Every caller (api key if one is
given, else the remote address) draws on the front's token bucket; an empty one is 429. Reads run
on the hub's reader threads (``Hub._read``), never in its loop.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from ..models import cap
from ..models.store import alerts

FEED_TYPE = "application/atom+xml"
CAP_TYPE = "application/cap+xml"


def _plain(status: int, text: str) -> web.Response:
    return web.Response(status=status, text=text + "\n", content_type="text/plain")


def routes(front: Any) -> list[web.RouteDef]:
    def allowed(request: web.Request) -> bool:
        return front.allow(request.query.get("api_key") or request.remote or "-")

    async def feed(request: web.Request) -> web.StreamResponse:
        if not allowed(request):
            return _plain(429, "too many requests: slow down")
        bad = sorted(set(request.query) - {"limit", "drill", "api_key"})
        if bad:
            return _plain(400, f"unknown parameter {bad[0]!r} (expected limit, drill)")
        drill_arg = request.query.get("drill", "false").lower()
        if drill_arg not in ("true", "false"):
            return _plain(400, f"drill must be true or false, got {request.query['drill'][:40]!r}")
        try:
            limit = int(request.query.get("limit", alerts.FEED_LIMIT))
        except ValueError:
            limit = 0
        if not 1 <= limit <= alerts.MAX_FEED:
            return _plain(400, f"limit must be a whole number from 1 to {alerts.MAX_FEED}, "
                               f"got {request.query.get('limit', '')[:40]!r}")
        store = front.hub.store
        rows = await front.hub._read(alerts.recent, store, limit, drill_arg == "true")
        base = str(request.url.origin())
        d = store.catalog.district
        body = cap.atom_feed(
            rows, feed_url=f"{base}/cap/alerts", alert_url=lambda ident: f"{base}/cap/alerts/{ident}.xml",
            title=f"{d.city_zh}{d.name_zh} CAP alerts · {d.name_en}, {d.city_en}",
            author=cap.sender_of(d.code), now=datetime.now(UTC))
        return web.Response(body=body, content_type=FEED_TYPE, charset="utf-8")

    async def one(request: web.Request) -> web.StreamResponse:
        if not allowed(request):
            return _plain(429, "too many requests: slow down")
        ident = request.match_info["identifier"]
        row = await front.hub._read(alerts.one, front.hub.store, ident) if len(ident) <= 64 else None
        if row is None:
            return _plain(404, f"no CAP alert {ident[:80]!r}")
        return web.Response(body=cap.render(row), content_type=CAP_TYPE, charset="utf-8")

    return [
        web.get("/cap/alerts", feed),
        web.get(r"/cap/alerts/{identifier:[^/]+}.xml", one),
    ]
