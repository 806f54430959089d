"""The wire's pure functions, without sockets: frame builders, the one event envelope and its seq,
parsing that only ever raises ProtocolError."""

import json

import pytest

from console.models.frames import dumps_with, event_frame, seq_of
from console.net import protocol as p


def test_hello_and_command_frames_are_what_the_contract_says():
    assert p.hello("tok", "console/0.1", None) == {"type": "hello", "protocol": 1, "token": "tok",
                                                  "client": "console/0.1", "resume_from": None}
    assert p.hello("tok", "x", 41)["resume_from"] == 41
    assert p.command("c-1", "incident.accept", {"incident": "X"}) == {
        "type": "command", "id": "c-1", "name": "incident.accept", "args": {"incident": "X"}}
    assert p.command("c-2", "query.incidents")["args"] == {}


def test_the_hubs_parsers_accept_what_the_builders_make():
    hello = p.parse_hello(p.parse_frame(p.dumps(p.hello("tok", "me", 7))))
    assert (hello.token, hello.client, hello.resume_from) == ("tok", "me", 7)
    cmd = p.parse_command(p.parse_frame(p.dumps(p.command("c-1", "incident.note", {"incident": "X", "text": "t"}))))
    assert (cmd.id, cmd.name, cmd.args) == ("c-1", "incident.note", {"incident": "X", "text": "t"})


def test_the_event_envelope_is_valid_json_with_type_and_seq_first():
    data = {"id": "220104202612060001", "description": "井盖缺失 \"quoted\"", "n": 1}
    frame = event_frame(12345, "2026-12-06T01:02:03Z", "incident", p.dumps(data))
    assert frame.startswith('{"type":"event","seq":12345,')
    assert json.loads(frame) == {"type": "event", "seq": 12345, "at": "2026-12-06T01:02:03Z", "kind": "incident",
                                 "data": data}
    assert seq_of(frame) == 12345


def test_seq_of_reads_any_event_frame_even_one_laid_out_otherwise():
    assert seq_of(json.dumps({"kind": "unit", "seq": 9, "type": "event", "data": {}})) == 9


def test_dumps_with_equals_encoding_the_whole_object():
    obj = {"type": "result", "id": "c", "ok": True, "incident": {"a": [1, "二"]}, "seq": 3}
    assert dumps_with(obj, "incident", p.dumps(obj["incident"])) == p.dumps(obj)
    last = {"a": 1, "b": {"x": None}}
    assert dumps_with(last, "b", p.dumps(last["b"])) == p.dumps(last)


@pytest.mark.parametrize(("raw", "code"), [
    (b"{}", "bad_message"),
    ("not json", "bad_json"),
    ("[1, 2]", "bad_message"),
    ('{"type": 5}', "bad_message"),
    ('{"type": "command", "text": "\\ud800"}', "bad_message"),
    ("[" * 100_000, "bad_json"),
])
def test_bad_frames_raise_only_protocol_errors_with_a_code(raw, code):
    with pytest.raises(p.ProtocolError) as e:
        p.parse_frame(raw)
    assert e.value.code == code


@pytest.mark.parametrize(("obj", "code"), [
    ({"type": "welcome"}, "bad_message"),
    ({"type": "hello", "protocol": 2, "token": "t"}, "bad_message"),
    ({"type": "hello", "protocol": 1}, "unauthorized"),
    ({"type": "hello", "protocol": 1, "token": "t", "resume_from": -1}, "bad_message"),
    ({"type": "hello", "protocol": 1, "token": "t", "resume_from": True}, "bad_message"),
])
def test_a_bad_hello_is_refused_with_its_code(obj, code):
    with pytest.raises(p.ProtocolError) as e:
        p.parse_hello(obj)
    assert e.value.code == code


@pytest.mark.parametrize("obj", [
    {"type": "command", "name": "x"},
    {"type": "command", "id": "", "name": "x"},
    {"type": "command", "id": "x" * 201, "name": "x"},
    {"type": "command", "id": "c", "name": ""},
    {"type": "command", "id": "c", "name": "x", "args": []},
    {"type": "subscribe", "id": "c"},
])
def test_a_bad_command_envelope_is_refused(obj):
    with pytest.raises(p.ProtocolError):
        p.parse_command(obj)


def test_a_refused_frame_keeps_its_id_when_it_has_a_usable_one():
    assert p.command_id_of({"id": "c-9"}) == "c-9"
    assert p.command_id_of({"id": 9}) is None and p.command_id_of("x") is None


def test_snapshot_frames_stay_under_their_budget_and_only_the_last_is_final():
    incidents = [{"id": f"I{k}", "description": "说明" * 200} for k in range(300)]
    frames = p.snapshot_frames(77, {"incidents": incidents, "units": [{"id": "U1"}]}, {"categories": [{"code": "A"}]},
                               budget=50_000)
    parsed = [json.loads(f) for f in frames]
    assert len(frames) > 1 and all(len(f.encode()) < 60_000 for f in frames)
    assert [f["final"] for f in parsed] == [False] * (len(frames) - 1) + [True]
    assert all(f["head"] == 77 for f in parsed)
    assert [i["id"] for f in parsed for i in f["incidents"]] == [i["id"] for i in incidents]
    assert parsed[0]["units"] == [{"id": "U1"}] and parsed[0]["categories"] == [{"code": "A"}]
    assert parsed[1]["units"] == []
