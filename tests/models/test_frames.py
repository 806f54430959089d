"""frames.dumps: orjson's speed, the standard encoder's text (pure, no socket)."""

import json
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.models.frames import dumps, dumps_with, event_frame, seq_of

_std = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

def _json(scalars):
    return st.recursive(
        scalars, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
        max_leaves=20)


_no_floats = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text()


@given(_json(_no_floats))
def test_dumps_writes_the_same_text_as_the_standard_encoder(value):
    assert dumps(value) == _std(value)


@given(_json(_no_floats | st.floats(allow_nan=False, allow_infinity=False)))
def test_dumps_reads_back_as_the_same_value_floats_included(value):
    # a float's text may differ in its exponent only (1.5e-7, not 1.5e-07): the same number
    assert json.loads(dumps(value)) == json.loads(_std(value)) == value


def test_dumps_keeps_chinese_as_is_and_reads_back_equal():
    value = {"description": "道路坑洼 \"急\"\n", "grid": "220104001001001", "n": [1, 2.5, None, True]}
    text = dumps(value)
    assert "道路坑洼" in text and json.loads(text) == value


def test_dumps_writes_non_text_keys_as_the_standard_encoder_does():
    keyed = {1: "a", False: "b", None: "c", 2.5: "d"}
    assert dumps(keyed) == _std(keyed)


def test_dumps_refuses_what_the_standard_encoder_refuses_with_a_type_error():
    @dataclass
    class Point:
        x: int

    for bad in (datetime(2026, 12, 6, tzinfo=UTC), Point(1), {1, 2}, object()):
        with pytest.raises(TypeError):
            dumps(bad)


def test_dumps_falls_back_for_an_int_past_64_bits():
    assert dumps({"n": 2**70}) == '{"n":1180591620717411303424}'


def test_dumps_writes_nan_as_null_not_invalid_json():
    assert json.loads(dumps({"x": float("nan")})) == {"x": None}


def test_an_event_frame_made_with_dumps_reads_its_seq_back():
    data = dumps({"id": "I-1", "state": "reported"})
    frame = event_frame(42, "2026-12-06T00:00:00.000Z", "incident", data)
    assert seq_of(frame) == 42
    assert json.loads(frame)["data"] == {"id": "I-1", "state": "reported"}
    obj = {"type": "result", "incident": {"id": "I-1"}, "seq": 7}
    assert dumps_with(obj, "incident", dumps(obj["incident"])) == dumps(obj)
