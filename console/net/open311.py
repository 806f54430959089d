"""Open311 GeoReport v2 (JSON) for outside systems, under /open311/v2/ (net/http_front.py).

To be built (issue 18): services.json, requests.json (GET with filters; POST form-encoded),
requests/{id}.json, in the specification's own formats and errors.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web


def routes(front: Any) -> list[web.RouteDef]:
    return []
