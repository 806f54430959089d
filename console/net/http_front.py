"""HTTP for outside systems (CONTRACT §5 "Outside systems (HTTP)"): ``hub --http-port P``.

aiohttp in the hub's own loop, on a port of its own (a center may open it to outside systems
without opening the consoles' WebSocket). Every request goes the hub's one way in
(``Hub.submit``: the same role checks, validation and command path as a socket), so nothing
here writes the store itself. Routes come from their modules:
- net/open311.py: Open311 GeoReport v2 (JSON) under /open311/v2/;
- net/cap_http.py: CAP 1.2 alerts (Atom feed and one XML per alert) under /cap/.
Each module has ``routes(front) -> list[aiohttp.web.RouteDef]``.

Per caller (api key, else remote address) a token bucket like a socket's (config ``rate`` and
``burst``); every request is logged (method, path, status, who) to the ``console.http`` logger:
the audit line of an outside system.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

log = logging.getLogger("console.http")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class HttpFront:
    def __init__(self, hub: Any, host: str = "127.0.0.1", port: int = 0) -> None:
        self.hub = hub
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None
        self._buckets: dict[str, tuple[float, float]] = {}  # caller -> (tokens, refilled at)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    def app(self) -> web.Application:
        from . import cap_http, open311

        app = web.Application(middlewares=[self._audit], client_max_size=1 << 20)
        app.add_routes(open311.routes(self))
        app.add_routes(cap_http.routes(self))
        return app

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        server = getattr(site, "_server", None)
        if self.port == 0 and server is not None and server.sockets:
            self.port = server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ---- callers ----------------------------------------------------------------------------------

    def user_of(self, api_key: str | None) -> Any:
        """The configured user whose token is ``api_key``, or None."""
        return self.hub.config.authenticate(api_key) if api_key else None

    def allow(self, caller: str) -> bool:
        """One token from ``caller``'s bucket (the hub's ``rate``/``burst``), or False."""
        cfg = self.hub.config
        now = time.monotonic()
        tokens, at = self._buckets.get(caller, (float(cfg.burst), now))
        tokens = min(float(cfg.burst), tokens + (now - at) * cfg.rate)
        if tokens < 1.0:
            self._buckets[caller] = (tokens, now)
            return False
        self._buckets[caller] = (tokens - 1.0, now)
        if len(self._buckets) > 10_000:  # forget idle callers: a scan must not grow this forever
            self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 60}
        return True

    @web.middleware
    async def _audit(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        started = time.monotonic()
        status = 500
        try:
            response = await handler(request)
            status = response.status
            return response
        except web.HTTPException as e:
            status = e.status
            raise
        finally:
            log.info("%s %s %d %s %.1f ms", request.method, request.path, status,
                     request.remote or "-", (time.monotonic() - started) * 1000)
