"""CAP 1.2 over HTTP (net/cap_http.py) with a real hub and its HTTP front on port 0, a real
console posting notices over its socket and a real HTTP client reading the Atom feed and each
alert, on SQLite and PostgreSQL: every alert valid against the OASIS CAP 1.2 schema."""

import xml.etree.ElementTree as ET

import aiohttp
import pytest

from console.net.http_front import HttpFront
from tests.cap_xsd import assert_valid_cap

ATOM = {"a": "http://www.w3.org/2005/Atom"}
CAPNS = {"c": "urn:oasis:names:tc:emergency:cap:1.2"}
RING = [[43.86, 125.27], [43.86, 125.29], [43.84, 125.29], [43.84, 125.27], [43.86, 125.27]]
FLOOD = {"event": "内涝预警", "urgency": "Expected", "severity": "Severe", "certainty": "Likely",
         "area": {"areaDesc": "南湖街道低洼片区", "polygon": RING}}


@pytest.fixture
async def http(hub):
    """(base URL, an aiohttp client session) for the hub's HTTP front on 127.0.0.1:0."""
    front = HttpFront(hub, port=0)
    await front.start()
    async with aiohttp.ClientSession() as session:
        yield front.url.rstrip("/"), session
    await front.stop()


async def get(session, url):
    async with session.get(url) as r:
        return r.status, r.content_type, await r.read()


def entries(feed_xml):
    root = ET.fromstring(feed_xml)
    return [(e.find("a:title", ATOM).text, e.find("a:link", ATOM).get("href"),
             [c.get("term") for c in e.findall("a:category", ATOM)]) for e in root.findall("a:entry", ATOM)]


async def test_a_notice_with_cap_is_in_the_feed_and_its_alert_is_valid_cap(connect, http):
    base, session = http
    sup = await connect("sup")
    res = await sup.command("notice.post", {"text": "暴雨内涝预警 flood warning", "level": "urgent", "cap": FLOOD})
    assert res["ok"], res
    ident = res["cap"]["identifier"]
    assert res["notice"]["cap_id"] == ident
    wall = await connect("wall")  # the notice's event and a late console's snapshot carry cap_id
    assert wall.replica.notices[res["notice"]["id"]]["cap_id"] == ident
    status, ctype, body = await get(session, f"{base}/cap/alerts")
    assert status == 200 and ctype == "application/atom+xml"
    (title, href, terms), = entries(body)
    assert href == f"{base}/cap/alerts/{ident}.xml" and terms == ["Actual", "Alert"]
    assert title == "暴雨内涝预警 flood warning"
    status, ctype, xml = await get(session, href)
    assert status == 200 and ctype == "application/cap+xml"
    doc = assert_valid_cap(xml)
    assert doc.findtext("c:identifier", namespaces=CAPNS) == ident
    assert doc.findtext("c:status", namespaces=CAPNS) == "Actual"
    assert doc.findtext("c:info/c:area/c:polygon", namespaces=CAPNS).startswith("43.86,125.27 43.86,125.29")
    assert (await get(session, href))[2] == xml  # the same bytes every time


async def test_drill_alerts_say_exercise_and_reach_the_feed_only_when_asked(connect, http):
    base, session = http
    sup = await connect("sup")
    real = await sup.command("notice.post", {"text": "真实预警", "cap": FLOOD})
    circle = dict(FLOOD, area={"areaDesc": "东门", "circle": [43.85, 125.3, 2]})
    drill = await sup.command("notice.post", {"text": "[演练 DRILL] 内涝", "drill": True, "drill_run": "d-1",
                                              "cap": circle})
    assert drill["cap"]["status"] == "Exercise"
    _, _, body = await get(session, f"{base}/cap/alerts")
    assert [h.rsplit("/", 1)[1] for _, h, _ in entries(body)] == [f"{real['cap']['identifier']}.xml"]
    _, _, body = await get(session, f"{base}/cap/alerts?drill=true")
    got = entries(body)
    assert [t for _, _, t in got] == [["Exercise", "Alert"], ["Actual", "Alert"]]  # newest first
    assert got[0][0].startswith("[Exercise] ")
    status, _, xml = await get(session, got[0][1])
    doc = assert_valid_cap(xml)
    assert status == 200 and doc.findtext("c:status", namespaces=CAPNS) == "Exercise"
    assert doc.findtext("c:info/c:area/c:circle", namespaces=CAPNS) == "43.85,125.3 2"
    # the purge takes the drill's notices, not the alerts that went out
    purged = await sup.command("drill.purge", {"drill": "d-1"})
    assert purged["ok"] and (await get(session, got[0][1]))[2] == xml


async def test_an_update_and_a_cancel_reference_the_alert_they_follow(connect, http):
    base, session = http
    sup = await connect("sup")
    first = (await sup.command("notice.post", {"text": "预警", "cap": FLOOD}))["cap"]
    upd = await sup.command("notice.post", {"text": "预警升级", "cap": {"update_of": first["identifier"],
                                                                      "severity": "Extreme"}})
    cancel = await sup.command("notice.post", {"text": "解除预警", "cap": {"cancel_of": upd["cap"]["identifier"]}})
    assert cancel["ok"], cancel
    triple = f"{first['sender']},{first['identifier']},{first['sent']}"
    _, _, body = await get(session, f"{base}/cap/alerts")
    kinds = [t[1] for _, _, t in entries(body)]
    assert kinds == ["Cancel", "Update", "Alert"]
    _, _, xml = await get(session, f"{base}/cap/alerts/{cancel['cap']['identifier']}.xml")
    doc = assert_valid_cap(xml)
    refs = doc.findtext("c:references", namespaces=CAPNS).split()
    assert refs[0] == triple and refs[1].split(",")[1] == upd["cap"]["identifier"]
    again = await sup.command("notice.post", {"text": "x", "cap": {"cancel_of": upd["cap"]["identifier"]}})
    assert again["ok"] is False and "cancelled by" in again["message"]


@pytest.mark.parametrize(("cap", "field"), [
    (dict(FLOOD, urgency="Now"), "'cap.urgency'"),
    (dict(FLOOD, area={"areaDesc": "x", "polygon": RING[:4]}), "'cap.area.polygon'"),
    (dict(FLOOD, area={"areaDesc": "x", "circle": [43.8, 125.3, 0]}), "'cap.area.circle[2]'"),
    ({"cancel_of": "220104-20990101-N404"}, "'cap.cancel_of'"),
])
async def test_bad_cap_arguments_are_refused_by_name_and_nothing_is_posted(connect, http, cap, field):
    base, session = http
    sup = await connect("sup")
    res = await sup.command("notice.post", {"text": "t", "cap": cap})
    assert res["ok"] is False and res["code"] in ("invalid_args", "not_found") and field in res["message"]
    assert sup.replica.notices == {}
    _, _, body = await get(session, f"{base}/cap/alerts?drill=true")
    assert entries(body) == []


async def test_an_unknown_alert_is_404_and_bad_feed_parameters_are_400(http):
    base, session = http
    status, _, body = await get(session, f"{base}/cap/alerts/220104-20990101-N1.xml")
    assert status == 404 and body == b"no CAP alert '220104-20990101-N1'\n"
    for query, says in (("limit=0", b"limit must be a whole number from 1 to 1000"),
                        ("limit=many", b"limit must be"), ("drill=yes", b"drill must be true or false"),
                        ("colour=red", b"unknown parameter 'colour'")):
        status, _, body = await get(session, f"{base}/cap/alerts?{query}")
        assert status == 400 and says in body, (query, body)
    status, ctype, body = await get(session, f"{base}/cap/alerts?limit=5")
    assert status == 200 and entries(body) == [] and ET.fromstring(body).find("a:updated", ATOM).text
