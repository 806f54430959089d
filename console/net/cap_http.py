"""CAP 1.2 alerts for outside systems, under /cap/ (net/http_front.py).

To be built (issue 18): GET /cap/alerts (an Atom feed), GET /cap/alerts/{id}.xml (one alert).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web


def routes(front: Any) -> list[web.RouteDef]:
    return []
