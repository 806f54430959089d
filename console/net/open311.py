"""Open311 GeoReport v2 (JSON) for outside systems, under /open311/v2/ (net/http_front.py;
docs/OPEN311.md).

- ``GET services.json``: one service per category (models/open311.py maps them);
- ``GET services/{code}.json``: a service's definition (no attributes: metadata is false);
- ``GET requests.json``: incidents by the specification's filters and defaults, read on a reader
  thread (store/open311.py); ``GET requests/{id}.json``: a list of one;
- ``POST requests.json``: a form-encoded report, sent as its api key's user through the hub's one
  way in (``Hub.submit``: the same role checks and command path as a console), source "open311".

GETs are public (anonymous allowed; a given api_key must be valid); drill cases only with
``drill=true`` and an api key. Every refusal is the specification's error list
``[{"code": status, "description": …}]`` with that HTTP status; nothing else (no traceback) leaves.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from aiohttp import web

from console.models import open311 as o
from console.models.store import open311 as store_open311

log = logging.getLogger("console.http")

PREFIX = "/open311/v2/"
JSON = "application/json"
STATUS_OF_CODE = {"invalid_args": 400, "bad_message": 400, "forbidden": 403, "unauthorized": 403,
                  "not_found": 404, "rate_limited": 429, "unavailable": 503, "conflict": 409}


def _answer(body: Any, status: int = 200, **headers: str) -> web.Response:
    return web.json_response(body, status=status, headers=headers or None,
                             dumps=lambda v: json.dumps(v, ensure_ascii=False))


def _fail(status: int, description: str, **headers: str) -> web.Response:
    return _answer(o.Open311Error(status, description).body(), status, **headers)


class Open311:
    """The handlers, over one HttpFront (``front.hub``, ``front.user_of``, ``front.allow``)."""

    def __init__(self, front: Any) -> None:
        self.front = front

    @property
    def catalog(self) -> Any:
        return self.front.hub.store.catalog

    async def handle(self, request: web.Request) -> web.StreamResponse:
        try:
            return await self._route(request)
        except o.Open311Error as e:
            return _answer(e.body(), e.status)
        except web.HTTPException:
            raise
        except Exception:  # logged here; the caller learns only that it failed
            log.exception("open311 %s %s failed", request.method, request.path)
            return _fail(500, "the hub could not answer this request; try again later")

    async def _route(self, request: web.Request) -> web.StreamResponse:
        rest = request.path[len(PREFIX):]
        name, dot, fmt = rest.rpartition(".")
        if not request.path.startswith(PREFIX) or not dot or "/" in fmt:
            raise o.Open311Error(404, f"no such resource {request.path[:80]!r}; this hub serves "
                                      f"{PREFIX}services.json and {PREFIX}requests.json")
        if fmt.lower() != "json":
            raise o.Open311Error(400, f"format {fmt[:20]!r} is not served: only JSON (.json)")
        parts = name.split("/")
        if parts == ["services"] or (len(parts) == 2 and parts[0] == "services" and parts[1]):
            allowed = ("GET",)
        elif parts == ["requests"]:
            allowed = ("GET", "POST")
        elif len(parts) == 2 and parts[0] == "requests" and parts[1]:
            allowed = ("GET",)
        else:
            raise o.Open311Error(404, f"no such resource {request.path[:80]!r}; this hub serves "
                                      f"{PREFIX}services.json and {PREFIX}requests.json")
        method = "GET" if request.method == "HEAD" else request.method
        if method not in allowed:
            return _fail(405, f"{request.method} is not allowed here; use {' or '.join(allowed)}",
                         Allow=", ".join(allowed))
        form = await self._form(request) if method == "POST" else {}
        key = form.get("api_key") or request.query.get("api_key")
        user = self.front.user_of(key) if key else None
        # per user, else per address (a wrong key too: guessing keys is rate limited like the rest)
        if not self.front.allow(user.name if user is not None else f"ip:{request.remote or '-'}"):
            return _fail(429, "too many requests; slow down", **{"Retry-After": "1"})
        if key and user is None:  # a key that is no user's is refused, never taken as anonymous
            raise o.Open311Error(403, "api_key is not valid")
        self._jurisdiction(request.query.get("jurisdiction_id") or form.get("jurisdiction_id"))
        locale = o.locale_of(request.query.get("locale") or form.get("locale"),
                             request.headers.get("Accept-Language"))
        if method == "POST":
            return await self._post(form, user, locale)
        if parts[0] == "services":
            return self._services(parts, locale)
        return await self._requests(request, parts, user, locale)

    # ---- callers ------------------------------------------------------------------------------

    async def _form(self, request: web.Request) -> dict[str, str]:
        ctype = request.content_type
        if ctype not in ("application/x-www-form-urlencoded", "multipart/form-data"):
            raise o.Open311Error(400, f"the body must be form-encoded (application/x-www-form-urlencoded), "
                                      f"got {ctype[:60]!r}")
        try:
            data = await request.post()
        except web.HTTPRequestEntityTooLarge:
            raise o.Open311Error(413, "the form is too large (at most 1 MiB)") from None
        except ValueError as e:
            raise o.Open311Error(400, f"the form cannot be read: {e}"[:200]) from None
        form: dict[str, str] = {}
        for key in data:
            values = data.getall(key)
            if len(values) > 1:
                raise o.Open311Error(400, f"field {key[:40]!r} is given more than once")
            if not isinstance(values[0], str):
                raise o.Open311Error(400, f"field {key[:40]!r} must be text, not a file (media_url takes a URL)")
            form[key] = values[0]
        if "api_key" in request.query and "api_key" not in form:
            form["api_key"] = request.query["api_key"]
        return form

    def _jurisdiction(self, given: str | None) -> None:
        code = self.catalog.district.code
        if given is not None and given.strip() != code:
            raise o.Open311Error(404, f"jurisdiction_id {given[:40]!r} not found; this hub serves {code}")

    # ---- GET ------------------------------------------------------------------------------------

    def _services(self, parts: list[str], locale: str | None) -> web.Response:
        if len(parts) == 1:
            return _answer(o.services(self.catalog, locale))
        cat = self.catalog.categories.get(parts[1])
        if cat is None:
            raise o.Open311Error(404, f"service_code {parts[1][:40]!r} not found")
        return _answer({"service_code": cat.code, "attributes": []})

    async def _requests(self, request: web.Request, parts: list[str], user: Any,
                        locale: str | None) -> web.Response:
        params = dict(request.query)
        unknown = sorted(set(params) - o.GET_PARAMS)
        if unknown:
            raise o.Open311Error(400, f"unknown parameter {unknown[0][:40]!r}")
        drill = o.flag("drill", params.get("drill"))
        if drill and user is None:
            raise o.Open311Error(403, "drill=true needs an api_key: drill data is for the center's own users")
        if len(parts) == 2:  # one id, as it is (a comma in it is part of no id of ours)
            query = o.RequestQuery(ids=(parts[1],), drill=drill)
        else:
            query = o.request_query(params, self.catalog, self.front.hub.clock(), drill)
        hub = self.front.hub
        rows = await hub._read(store_open311.requests, hub.store, query)
        body = [o.request(inc, note, self.catalog, locale) for inc, note in rows]
        if len(parts) == 2 and not body:
            raise o.Open311Error(404, f"service_request_id {parts[1][:64]!r} not found")
        return _answer(body)

    # ---- POST -----------------------------------------------------------------------------------

    async def _post(self, form: dict[str, str], user: Any, locale: str | None) -> web.Response:
        if user is None:
            raise o.Open311Error(403, "api_key is required to post a request")
        if user.role.value == "viewer":
            raise o.Open311Error(403, "this api_key's user (a viewer) may not report")
        args = o.report_args(form, self.catalog, user.name)
        result = await self.front.hub.submit(user.actor, "incident.report", args)
        if not result.get("ok"):
            status = STATUS_OF_CODE.get(result.get("code", ""), 400)
            raise o.Open311Error(status, str(result.get("message") or result.get("code")))
        return _answer(o.post_answer(result["incident"], locale))


def routes(front: Any) -> list[web.RouteDef]:
    handler = Open311(front).handle
    return [web.route("*", "/open311/{tail:.*}", handler)]
