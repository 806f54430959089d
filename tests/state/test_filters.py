"""The operator's filter, one rule for the queue and the map: the state's Qt-free predicate and
the queue's incremental proxy agree on which incidents pass, whatever the filters."""

import random

import pytest

from console.state.filters import NO_SLA, IncidentFilter, search_text


def incidents(catalog, n=300, seed=3):
    rng = random.Random(seed)
    cats = sorted(catalog.categories)
    streets = sorted(catalog.streets)
    grids = sorted(catalog.grids)
    out = []
    for k in range(n):
        out.append({"id": f"220104202612060{k:03d}", "state": rng.choice(["reported", "accepted", "dispatched"]),
                    "category": rng.choice(cats), "street": rng.choice(streets), "grid": rng.choice(grids),
                    "source": rng.choice(["hotline", "grid", "sensor"]),
                    "sla": rng.choice(["green", "blue", "red", None]), "drill": rng.random() < 0.2,
                    "priority": "normal", "version": 1, "address": None, "deadline": None, "lat": 43.86, "lon": 125.3,
                    "description": rng.choice(["井盖缺失 manhole cover", "暴露垃圾 exposed garbage", "路灯 light"]),
                    "parked": rng.random() < 0.2, "urged": rng.choice([0, 0, 1, 2]),
                    "extension": rng.choice([None, {"state": "requested"}, {"state": "approved"}])})
    return out


FILTERS = [
    {}, {"status": "accepted"}, {"category": "E01"}, {"sla": [NO_SLA, "red"]}, {"drill": True}, {"drill": False},
    {"text": "manhole"}, {"text": "垃圾 exposed"}, {"source": "grid", "sla": "green"}, {"text": "nothing-matches"},
    {"street": "FIRST"}, {"grid": "FIRST"}, {"ledger": "parked"}, {"ledger": "urged"},
    {"ledger": "extension", "status": "dispatched"},
]


@pytest.mark.parametrize("values", FILTERS, ids=[str(f) for f in FILTERS])
def test_the_queue_and_the_state_agree_on_what_passes(values, catalog, qtbot):
    from console.state import ConsoleState
    from console.views.queue import IncidentFilterProxy, IncidentTableModel

    reference = catalog.to_wire()
    incs = incidents(catalog)
    values = {k: (incs[0][k] if v == "FIRST" else v) for k, v in values.items()}
    model = IncidentTableModel(countdown_interval_ms=0)
    model.set_reference(reference)
    model.reset(incs)
    proxy = IncidentFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(**values)
    state = ConsoleState()
    state.apply_snapshot({"incidents": incs, "units": [], "reference": reference})
    state.set_filter(IncidentFilter.of(**proxy.filters()))
    assert {i["id"] for i in incs if state.accepts(i)} == set(proxy.ids())


def test_search_text_uses_both_languages_names():
    text = search_text({"id": "X1", "category": "E0102", "street": "S1", "description": "说明"},
                       {"E0102": ("暴露垃圾", "Exposed garbage")}, {"S1": ("红旗街道", "Hongqi Subdistrict")})
    assert "暴露垃圾" in text and "exposed garbage" in text and "hongqi" in text and "x1" in text


def test_an_unknown_filter_is_refused():
    with pytest.raises(TypeError):
        IncidentFilter.of(colour="red")
    with pytest.raises(ValueError, match="unknown ledger"):
        IncidentFilter.of(ledger="late")


def test_the_ledgers_hold_parked_urged_and_waiting_for_more_time():
    parked = {"parked": True, "urged": 0}
    urged = {"parked": False, "urged": 2}
    asked = {"extension": {"state": "requested"}}
    decided = {"extension": {"state": "approved"}}
    f = IncidentFilter.of
    assert [f(ledger="parked").accepts(i) for i in (parked, urged, asked)] == [True, False, False]
    assert [f(ledger="urged").accepts(i) for i in (parked, urged, asked)] == [False, True, False]
    assert [f(ledger="extension").accepts(i) for i in (asked, decided, parked)] == [True, False, False]


def test_a_changed_filter_is_announced_and_the_same_one_is_not():
    from console.state import ConsoleState

    state = ConsoleState()
    got = []
    state.filter_changed.connect(got.append)
    state.set_filter(IncidentFilter.of(drill=True))
    state.set_filter(IncidentFilter.of(drill=True))
    assert got == [IncidentFilter(drill=True)]
