"""A caller's phone (CONTRACT §5): full for the control room, masked for every other role."""

import json

import pytest

from console.models.frames import dumps
from console.models.privacy import mask_frame, mask_message, mask_phone, sees_phones


@pytest.mark.parametrize(("phone", "masked"), [
    ("13812345678", "138****5678"), ("+86 138 1234 5678", "+86**********5678"), ("12345678", "123*5678"),
    ("1234567", "*****67"), ("12", "**"), ("", ""), (None, None),
])
def test_a_masked_phone_keeps_its_first_3_and_last_4(phone, masked):
    assert mask_phone(phone) == masked


def test_only_the_control_room_sees_phones():
    assert all(sees_phones(r) for r in ("operator", "supervisor", "admin"))
    assert not any(sees_phones(r) for r in ("viewer", "field", "sensor"))


def test_every_place_a_phone_travels_is_masked():
    inc = {"id": "X", "caller_phone": "13812345678"}
    msg = {"type": "result", "incident": inc, "incidents": [inc, {"id": "Y", "caller_phone": None}],
           "transitions": [{"action": "report", "data": {"caller_phone": "13812345678"}}], "data": inc}
    out = mask_message(msg)
    assert out["incident"]["caller_phone"] == out["data"]["caller_phone"] == "138****5678"
    assert [i["caller_phone"] for i in out["incidents"]] == ["138****5678", None]
    assert out["transitions"][0]["data"]["caller_phone"] == "138****5678"
    assert msg["incident"]["caller_phone"] == "13812345678"  # the original is left alone


def test_a_frame_without_a_phone_is_passed_through_untouched():
    frame = dumps({"type": "event", "seq": 1, "kind": "unit", "data": {"id": "U1"}})
    assert mask_frame(frame) is frame
    masked = json.loads(mask_frame(dumps({"type": "event", "seq": 2, "data": {"caller_phone": "13812345678"}})))
    assert masked["data"]["caller_phone"] == "138****5678"
