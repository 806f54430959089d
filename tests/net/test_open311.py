"""Open311 GeoReport v2 (CONTRACT §5 "Outside systems (HTTP)", docs/OPEN311.md) over real HTTP:
a real hub with its HttpFront on port 0, on SQLite and PostgreSQL, asked with aiohttp's client.
Every endpoint with good and bad requests, api keys and roles, the specification's defaults and
error format, privacy (phones, drills), the rate limit, and a round trip export → import."""

import asyncio
import dataclasses
import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest

from console.feeds.importer import ImportFileError, run_import
from console.models.incident import iso
from console.models.store import Store
from console.models.store import open311 as store_open311
from console.net.http_front import HttpFront
from tests.net.conftest import TOKENS, actor
from tests.net.test_hub_roles import NORMAL, PATH, TEAM

ROOT = Path(__file__).resolve().parents[2]
V2 = "open311/v2/"


@pytest.fixture
async def http():
    async with aiohttp.ClientSession() as s:
        yield s


@pytest.fixture
async def make_front():
    fronts = []

    async def _make(hub):
        f = HttpFront(hub, "127.0.0.1", 0)
        await f.start()
        fronts.append(f)
        return f

    yield _make
    for f in fronts:
        await f.stop()


@pytest.fixture
async def front(hub, make_front):
    return await make_front(hub)


async def get(http, front, path, headers=None, **params):
    async with http.get(front.url + V2 + path, params=params, headers=headers) as r:
        return r.status, await r.json(content_type=None)


async def post(http, front, form, path="requests.json"):
    async with http.post(front.url + V2 + path, data=form) as r:
        return r.status, await r.json(content_type=None)


def assert_error(status, body, want, *words):
    assert status == want, (status, body)
    assert isinstance(body, list) and len(body) == 1 and body[0]["code"] == want, body
    assert set(body[0]) == {"code", "description"}, body
    assert all(w in body[0]["description"] for w in words), body


async def run(hub, catalog, who, name, args):
    res = await hub.submit(actor(who, catalog), name, args)
    assert res["ok"], (name, res)
    return res


def grid(catalog, n=0):
    return sorted(catalog.grids.values(), key=lambda g: g.code)[n]


async def report(hub, catalog, n=0, who="sup", **extra):
    g = grid(catalog, n)
    args = {"category": NORMAL, "lat": g.centroid[0], "lon": g.centroid[1], "description": f"case {n}",
            "source": "grid", **extra}
    return (await run(hub, catalog, who, "incident.report", args))["incident"]["id"]


async def closed_case(hub, catalog, n=0):
    inc = await report(hub, catalog, n, address="人民大街 1 号", photo_url="https://example.org/p.jpg")
    for name, args in PATH:
        await run(hub, catalog, "sup", name, {"incident": inc, **args})
    await run(hub, catalog, "op", "incident.callback", {"incident": inc, "reached": True, "satisfaction": 5,
                                                        "note": "回访：满意"})
    return inc


# ---- services ---------------------------------------------------------------------------------

async def test_services_list_every_category_once_with_bilingual_names_and_its_major_class(http, front, catalog):
    status, body = await get(http, front, "services.json")
    assert status == 200
    assert [s["service_code"] for s in body] == sorted(catalog.categories)
    cat = catalog.categories[NORMAL]
    [s] = [s for s in body if s["service_code"] == NORMAL]
    assert s["service_name"] == f"{cat.name_zh} {cat.name_en}"
    assert s["group"] == f"{catalog.major_of(cat).name_zh} {catalog.major_of(cat).name_en}"
    assert s["metadata"] is False and s["type"] == "realtime"
    assert cat.name_en in s["keywords"] and cat.name_zh in s["description"]


async def test_services_follow_the_locale_asked_or_accept_language(http, front, catalog):
    cat = catalog.categories[NORMAL]
    _, en = await get(http, front, "services.json", locale="en")
    _, zh = await get(http, front, "services.json", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    _, both = await get(http, front, "services.json", headers={"Accept-Language": "fr"})
    name = {tag: next(s["service_name"] for s in b if s["service_code"] == NORMAL)
            for tag, b in (("en", en), ("zh", zh), ("both", both))}
    assert name == {"en": cat.name_en, "zh": cat.name_zh, "both": f"{cat.name_zh} {cat.name_en}"}
    assert_error(*await get(http, front, "services.json", locale="fr"), 400, "locale")


async def test_a_jurisdiction_id_must_be_the_districts_code(http, front, catalog):
    code = catalog.district.code
    status, body = await get(http, front, "services.json", jurisdiction_id=code)
    assert status == 200 and body
    assert_error(*await get(http, front, "services.json", jurisdiction_id="999999"), 404, "999999", code)


async def test_a_service_definition_has_no_attributes_and_an_unknown_one_is_404(http, front):
    assert await get(http, front, f"services/{NORMAL}.json") == (200, {"service_code": NORMAL, "attributes": []})
    assert_error(*await get(http, front, "services/X9999.json"), 404, "X9999")


# ---- requests: fields ---------------------------------------------------------------------------

async def test_a_request_carries_the_specifications_fields_from_the_case(http, front, hub, catalog):
    closed = await closed_case(hub, catalog, 0)
    noted = await report(hub, catalog, 1)
    await run(hub, catalog, "sup", "incident.accept", {"incident": noted})
    await run(hub, catalog, "sup", "incident.dispatch", {"incident": noted, "team": TEAM})
    await run(hub, catalog, "op", "incident.note", {"incident": noted, "text": "班组已到场"})
    rejected = await report(hub, catalog, 2)
    await run(hub, catalog, "sup", "incident.reject", {"incident": rejected, "reason": "重复上报"})
    status, body = await get(http, front, "requests.json", locale="en")
    assert status == 200
    by_id = {r["service_request_id"]: r for r in body}
    assert set(by_id) == {closed, noted, rejected}
    c = by_id[closed]
    inc = hub.store.incident(closed).to_wire()
    assert set(c) == {"service_request_id", "status", "status_notes", "service_name", "service_code", "description",
                      "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
                      "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"}
    assert (c["status"], c["status_notes"], c["service_code"]) == ("closed", "回访：满意", NORMAL)
    assert c["service_name"] == catalog.categories[NORMAL].name_en
    assert c["agency_responsible"] == catalog.teams[TEAM].name_en
    assert (c["lat"], c["long"], c["address_id"]) == (inc["lat"], inc["lon"], inc["grid"])
    assert (c["requested_datetime"], c["updated_datetime"]) == (inc["reported_at"], inc["updated_at"])
    assert (c["address"], c["media_url"], c["zipcode"]) == ("人民大街 1 号", "https://example.org/p.jpg", None)
    n = by_id[noted]
    assert (n["status"], n["status_notes"]) == ("open", "班组已到场")
    assert n["expected_datetime"] == hub.store.incident(noted).to_wire()["deadline"] is not None
    assert by_id[rejected]["status"] == "closed" and by_id[rejected]["status_notes"] == "重复上报"
    assert [r["service_request_id"] for r in body] == [rejected, noted, closed]  # newest first


async def test_one_request_by_id_is_a_list_of_one_and_an_unknown_id_is_404(http, front, hub, catalog):
    inc = await report(hub, catalog)
    status, body = await get(http, front, f"requests/{inc}.json")
    assert status == 200 and [r["service_request_id"] for r in body] == [inc]
    assert body[0]["status_notes"] is None  # the report itself has no note
    assert_error(*await get(http, front, "requests/NOPE.json"), 404, "NOPE")


async def test_requests_filter_by_ids_service_status_and_dates(http, front, hub, catalog):
    other = next(c for c in sorted(catalog.categories) if c != NORMAL)
    a = await report(hub, catalog, 0)
    b = await report(hub, catalog, 1, category=other)
    closed = await closed_case(hub, catalog, 2)
    ids = lambda body: {r["service_request_id"] for r in body}  # noqa: E731
    assert ids((await get(http, front, "requests.json", service_request_id=f"{a},{closed}"))[1]) == {a, closed}
    assert ids((await get(http, front, "requests.json", service_code=other))[1]) == {b}
    assert ids((await get(http, front, "requests.json", status="open"))[1]) == {a, b}
    assert ids((await get(http, front, "requests.json", status="closed"))[1]) == {closed}
    now = datetime.now(UTC)
    later = iso(now + timedelta(hours=1))
    assert ids((await get(http, front, "requests.json", start_date=later))[1]) == set()
    assert ids((await get(http, front, "requests.json", start_date=iso(now - timedelta(hours=1)),
                          end_date=later))[1]) == {a, b, closed}


@pytest.mark.parametrize("params, words", [
    ({"status": "pending"}, ["status", "open or closed"]),
    ({"start_date": "yesterday"}, ["start_date", "ISO 8601"]),
    ({"end_date": "2026-13-01"}, ["end_date"]),
    ({"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"}, ["90 days"]),
    ({"start_date": "2026-06-01T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"}, ["before start_date"]),
    ({"service_code": "X0000"}, ["service_code", "X0000"]),
    ({"service_request_id": ","}, ["service_request_id"]),
    ({"colour": "red"}, ["unknown parameter", "colour"]),
    ({"drill": "perhaps"}, ["drill", "true or false"]),
])
async def test_bad_filters_are_400_naming_the_parameter(http, front, params, words):
    assert_error(*await get(http, front, "requests.json", **params), 400, *words)


async def test_by_default_the_last_90_days_and_at_most_1000_requests(http, front, hub, catalog):
    old = await report(hub, catalog, 0, reported_at=iso(datetime.now(UTC) - timedelta(days=91)))
    g = grid(catalog, 1)
    sup = actor("sup", catalog)
    results = await asyncio.gather(*(hub.submit(sup, "incident.report", {
        "category": NORMAL, "lat": g.centroid[0], "lon": g.centroid[1], "description": f"n{i}", "source": "grid"})
        for i in range(1003)))
    assert all(r["ok"] for r in results)
    status, body = await get(http, front, "requests.json")
    assert status == 200 and len(body) == 1000
    assert old not in {r["service_request_id"] for r in body}
    newest = sorted(results, key=lambda r: (r["incident"]["reported_at"], r["incident"]["id"]))[-1]
    assert body[0]["service_request_id"] == newest["incident"]["id"]
    start = iso(datetime.now(UTC) - timedelta(days=95))
    status, body = await get(http, front, "requests.json", start_date=start, service_request_id=old)
    assert [r["service_request_id"] for r in body] == [old]  # ids override the window
    status, body = await get(http, front, "requests.json", start_date=start,
                             end_date=iso(datetime.now(UTC) - timedelta(days=90)))
    assert [r["service_request_id"] for r in body] == [old]


# ---- privacy ------------------------------------------------------------------------------------

async def test_no_phone_name_or_email_leaves_and_only_the_control_room_sees_the_phone(http, front, hub, catalog):
    g = grid(catalog, 3)
    status, body = await post(http, front, {
        "api_key": TOKENS["crew"], "service_code": NORMAL, "lat": str(g.centroid[0]), "long": str(g.centroid[1]),
        "description": "井盖缺失", "phone": "13812345678", "first_name": "Li", "last_name": "Wang",
        "email": "wang.li@example.org"})
    assert status == 200, body
    inc = body[0]["service_request_id"]
    raw = json.dumps(await get(http, front, "requests.json"), ensure_ascii=False)
    assert inc in raw and "13812345678" not in raw and "wang.li@example.org" not in raw and "Wang" not in raw
    assert hub.store.incident(inc).caller_phone == "13812345678"
    seen = {who: (await run(hub, catalog, who, "query.incidents", {}))["incidents"][0]["caller_phone"]
            for who in ("wall", "crew", "op")}
    assert seen == {"wall": "138****5678", "crew": "138****5678", "op": "13812345678"}


async def test_drill_cases_stay_out_unless_asked_with_an_api_key(http, front, hub, catalog):
    real = await report(hub, catalog, 0)
    drill = await report(hub, catalog, 1, drill=True)
    _, body = await get(http, front, "requests.json")
    assert [r["service_request_id"] for r in body] == [real]
    assert_error(*await get(http, front, f"requests/{drill}.json"), 404)
    assert_error(*await get(http, front, "requests.json", drill="true"), 403, "api_key")
    for who in ("wall", "op"):
        status, body = await get(http, front, "requests.json", drill="true", api_key=TOKENS[who])
        assert status == 200 and [r["service_request_id"] for r in body] == [drill]


async def test_a_get_with_a_wrong_api_key_is_403_not_anonymous(http, front):
    assert_error(*await get(http, front, "requests.json", api_key="not-a-key-0123456789"), 403, "api_key")


# ---- POST -------------------------------------------------------------------------------------

def form(catalog, n=0, **extra):
    g = grid(catalog, n)
    return {"api_key": TOKENS["op"], "service_code": NORMAL, "lat": repr(g.centroid[0]), "long": repr(g.centroid[1]),
            "description": "雨水箅子堵塞", **extra}


async def test_a_post_reports_through_the_hub_as_its_api_keys_user(http, front, hub, catalog):
    head = hub.store.head()
    status, body = await post(http, front, form(catalog, media_url="https://example.org/a.jpg",
                                                address_string="人民大街与解放路口"))
    assert status == 200, body
    [answer] = body
    assert set(answer) == {"service_request_id", "service_notice", "account_id"} and answer["account_id"] is None
    inc = hub.store.incident(answer["service_request_id"])
    g = grid(catalog)
    assert (inc.source, inc.reported_by, inc.category, inc.lat, inc.lon) == ("open311", "op", NORMAL, *g.centroid)
    assert (inc.description, inc.photo_url, inc.address) == ("雨水箅子堵塞", "https://example.org/a.jpg",
                                                             "人民大街与解放路口")
    assert hub.store.head() == head + 1  # one report, one event
    trail = hub.store.transitions(inc.id)
    assert [t.action for t in trail] == ["report"]


@pytest.mark.parametrize("who", ["op", "sup", "crew", "sensor", "admin"])
async def test_every_role_but_viewer_may_post(http, front, who, catalog):
    status, body = await post(http, front, form(catalog, api_key=TOKENS[who]))
    assert status == 200, body


@pytest.mark.parametrize("key, words", [("wall", ["viewer"]), ("nobody-0123456789", ["not valid"]),
                                        (None, ["required"])])
async def test_a_viewer_a_wrong_key_or_none_may_not_post(http, front, hub, catalog, key, words):
    head = hub.store.head()
    f = form(catalog, api_key=TOKENS.get(key, key))
    if key is None:
        del f["api_key"]
    assert_error(*await post(http, front, f), 403, *words)
    assert hub.store.head() == head


async def test_a_location_by_grid_code_or_place_name_is_the_grids_centroid(http, front, hub, catalog):
    g = grid(catalog, 2)
    f = form(catalog, address_id=g.code)
    del f["lat"], f["long"]
    status, body = await post(http, front, f)
    assert status == 200, body
    inc = hub.store.incident(body[0]["service_request_id"])
    assert (inc.lat, inc.lon, inc.grid) == (*g.centroid, g.code)
    f = form(catalog, address_string=g.name_en)
    del f["lat"], f["long"]
    status, body = await post(http, front, f)
    assert status == 200 and hub.store.incident(body[0]["service_request_id"]).grid == g.code


async def test_the_same_external_id_from_the_same_key_gives_the_same_request(http, front, hub, catalog):
    _, first = await post(http, front, form(catalog, external_id="app-42"))
    _, again = await post(http, front, form(catalog, external_id="app-42"))
    _, other = await post(http, front, form(catalog, external_id="app-42", api_key=TOKENS["sup"]))
    assert first[0]["service_request_id"] == again[0]["service_request_id"] != other[0]["service_request_id"]


@pytest.mark.parametrize("change, status, words", [
    ({"service_code": None}, 400, ["service_code", "required"]),
    ({"service_code": "X0000"}, 404, ["service_code", "X0000"]),
    ({"lat": "north"}, 400, ["lat", "number"]),
    ({"long": "200"}, 400, ["long", "180"]),
    ({"long": None}, 400, ["lat and long"]),
    ({"lat": None, "long": None}, 400, ["location"]),
    ({"lat": "0", "long": "0"}, 400, ["outside district"]),
    ({"lat": None, "long": None, "address_string": "123 Main St"}, 400, ["address_string"]),
    ({"address_id": "999"}, 400, ["address_id"]),
    ({"phone": "call me"}, 400, ["phone"]),
    ({"email": "nobody"}, 400, ["email"]),
    ({"media_url": "ftp://x/y.jpg"}, 400, ["media_url"]),
    ({"description": "x" * 4001}, 400, ["description", "4000"]),
    ({"attribute[WHISPER]": "yes"}, 400, ["attribute[WHISPER]"]),
    ({"colour": "red"}, 400, ["colour"]),
    ({"jurisdiction_id": "999999"}, 404, ["jurisdiction_id"]),
])
async def test_a_bad_form_field_is_refused_naming_it_and_nothing_is_reported(http, front, hub, catalog,
                                                                              change, status, words):
    f = form(catalog)
    for k, v in change.items():
        if v is None:
            f.pop(k, None)
        else:
            f[k] = v
    head = hub.store.head()
    assert_error(*await post(http, front, f), status, *words)
    assert hub.store.head() == head


async def test_a_json_body_or_a_repeated_field_is_refused(http, front, catalog):
    async with http.post(front.url + V2 + "requests.json", json=form(catalog)) as r:
        assert_error(r.status, await r.json(content_type=None), 400, "form-encoded")
    data = aiohttp.FormData(list(form(catalog).items()) + [("description", "again")])
    async with http.post(front.url + V2 + "requests.json", data=data) as r:
        assert_error(r.status, await r.json(content_type=None), 400, "description", "more than once")


# ---- HTTP's own errors in the specification's format -------------------------------------------

async def test_wrong_methods_formats_and_paths_answer_in_the_specifications_format(http, front):
    async with http.delete(front.url + V2 + "requests.json") as r:
        assert_error(r.status, await r.json(content_type=None), 405, "DELETE")
        assert r.headers["Allow"] == "GET, POST"
    async with http.post(front.url + V2 + "services.json", data={"a": "b"}) as r:
        assert_error(r.status, await r.json(content_type=None), 405)
    assert_error(*await get(http, front, "requests.xml"), 400, "xml", "only JSON")
    assert_error(*await get(http, front, "tokens/1.json"), 404)
    async with http.get(front.url + "open311/v3/services.json") as r:
        assert_error(r.status, await r.json(content_type=None), 404)


async def test_a_failure_inside_is_500_without_a_traceback(http, front, monkeypatch):
    def broken(store, query):
        raise RuntimeError("secret detail at /srv/x.py line 3")

    monkeypatch.setattr(store_open311, "requests", broken)
    status, body = await get(http, front, "requests.json")
    assert_error(status, body, 500)
    assert "secret" not in json.dumps(body) and "Traceback" not in json.dumps(body)


async def test_a_caller_past_its_rate_gets_429_and_others_are_served(http, make_hub, make_front, hub_config):
    hub = await make_hub(dataclasses.replace(hub_config, rate=0.001, burst=3))
    front = await make_front(hub)
    statuses = [(await get(http, front, "services.json", api_key=TOKENS["op"]))[0] for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert_error(*await get(http, front, "services.json", api_key=TOKENS["op"]), 429, "slow down")
    assert (await get(http, front, "services.json", api_key=TOKENS["sup"]))[0] == 200


# ---- round trip ---------------------------------------------------------------------------------

async def _five_on_a(http, front, hub, catalog):
    """Five requests on hub A (one closed, one with a note), exported."""
    await report(hub, catalog, 0, address="人民大街 1 号")
    await report(hub, catalog, 1, category=next(c for c in sorted(catalog.categories) if c != NORMAL))
    odd = grid(catalog, 2)
    await run(hub, catalog, "sup", "incident.report", {
        "category": NORMAL, "lat": odd.centroid[0] + 1e-7, "lon": odd.centroid[1] - 3e-9,
        "description": "坑洼 with \"quotes\" and 中文", "source": "grid", "photo_url": "https://example.org/x.png"})
    noted = await report(hub, catalog, 3)
    await run(hub, catalog, "op", "incident.note", {"incident": noted, "text": "已联系"})
    closed = await closed_case(hub, catalog, 4)
    _, exported = await get(http, front, "requests.json")
    assert len(exported) == 5
    return exported, closed


async def _import_into_b(http, exported, catalog, make_hub, make_front, tmp_path, token, mapping_text):
    """``exported`` imported into an empty hub B, as-is: its requests and their trails."""
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "a.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    mapping = tmp_path / "as-is.toml"
    mapping.write_text('[import]\nsource = "hub-a"\n' + mapping_text + '\n[coordinates]\nmode = "as-is"\n',
                       encoding="utf-8")
    b_store = Store(f"sqlite:///{tmp_path / 'b.db'}", catalog)
    hub_b = await make_hub(store=b_store)
    out = tmp_path / "out.txt"
    try:
        front_b = await make_front(hub_b)
        with out.open("w") as f:
            summary = await run_import(hub_b.url, TOKENS[token], path, catalog, mapping_path=mapping, out=f, err=f)
        _, imported = await get(http, front_b, "requests.json")
        trail = {r["service_request_id"]: [t.action for t in b_store.transitions(r["service_request_id"])]
                 for r in imported}
    finally:
        await hub_b.stop()
        b_store.close()
    return imported, summary, out.read_text(), trail


KEYS = ("service_code", "description", "lat", "long", "status", "status_notes", "requested_datetime", "address",
        "media_url")


async def test_exported_requests_imported_into_a_second_hub_come_back_the_same(http, front, hub, catalog, make_hub,
                                                                               make_front, tmp_path):
    exported, closed = await _five_on_a(http, front, hub, catalog)
    imported, summary, out, trail = await _import_into_b(http, exported, catalog, make_hub, make_front, tmp_path,
                                                         "sup", "")
    assert (summary.new, summary.closed, summary.rejected) == (5, 1, 0), out
    assert "(1 closed at their source)" in out
    same = lambda r: tuple(r[k] for k in KEYS)  # noqa: E731
    assert sorted(same(r) for r in imported) == sorted(same(r) for r in exported)
    # the closed one was closed here in one audited step: nobody's accept, dispatch or resolve made up
    [was] = [r for r in exported if r["service_request_id"] == closed]
    [again] = [r for r in imported if r["status"] == "closed"]
    assert trail[again["service_request_id"]] == ["report", "import_close"]
    assert (again["status_notes"], again["description"]) == (was["status_notes"], was["description"])


async def test_a_closed_request_takes_a_supervisors_token_or_comes_in_open_when_the_mapping_says_report(
        http, front, hub, catalog, make_hub, make_front, tmp_path):
    exported, closed = await _five_on_a(http, front, hub, catalog)
    with pytest.raises(ImportFileError, match=r"1 request\(s\) were closed at their source; .*supervisor's token "
                                               r"\(this one is operator\)"):
        await _import_into_b(http, exported, catalog, make_hub, make_front, tmp_path, "op", "")
    imported, summary, out, trail = await _import_into_b(http, exported, catalog, make_hub, make_front,
                                                         tmp_path / "again", "op", 'closed = "report"\n')
    assert (summary.new, summary.closed) == (5, 0), out
    [was] = [r for r in exported if r["service_request_id"] == closed and r["status"] == "closed"]
    [again] = [r for r in imported if "[source status" in r["description"]]
    assert again["description"] == f"{was['description']} [source status: closed {was['updated_datetime']}]"
    # open here, its source's last word kept as a note
    assert (again["status"], again["status_notes"]) == ("open", was["status_notes"])
    assert trail[again["service_request_id"]] == ["report", "note"]


# ---- the command line -------------------------------------------------------------------------

def test_hub_with_http_port_0_prints_both_ready_lines_and_serves_open311(tmp_path):
    cfg = tmp_path / "hub.toml"
    cfg.write_text('[[users]]\nname = "op"\nrole = "operator"\ntoken = "tok-cli-operator-0123456789"\n',
                   encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "hub", "--port", "0", "--http-port", "0",
                             "--db", f"sqlite:///{tmp_path / 'hub.db'}", "--config", str(cfg)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line.strip())
            if line.startswith("hub http on "):
                break
        ws = next(x for x in lines if x.startswith("hub listening on "))
        assert re.fullmatch(r"hub listening on ws://127\.0\.0\.1:\d+/ws", ws), lines
        m = re.fullmatch(r"hub http on (http://127\.0\.0\.1:(\d+)/)", lines[-1])
        assert m and m.group(2) != "0", lines

        async def ask():
            async with aiohttp.ClientSession() as s, s.get(m.group(1) + V2 + "services.json") as r:
                return r.status, await r.json()

        status, body = asyncio.run(ask())
        assert status == 200 and body
    finally:
        proc.terminate()
        proc.wait(30)
        proc.stdout.close()
