"""Incident.make: the same incident as the dataclass's own constructor, built faster."""

from dataclasses import fields
from datetime import UTC, datetime

import pytest

from console.models.incident import Incident
from console.models.lifecycle import State

AT = datetime(2026, 12, 7, 2, 32, 27, 557_800, tzinfo=UTC)
REQUIRED = {"id": "I1", "state": State.REPORTED, "category": "P0104", "priority": "normal", "lat": 43.8,
            "lon": 125.3, "description": "井盖缺失", "source": "hotline", "reported_at": AT, "reported_by": "wang.li"}


@pytest.mark.parametrize("extra", [
    {},
    {"grid": "220104001001", "deadline": AT, "sla": "green", "extra": {"drill_run": "r1"}, "version": 4},
    {"assignees": [{"id": "T-01", "kind": "team", "role": "lead"}], "parked": True, "parked_since": AT,
     "f_dispatched": True, "rating": 5},
])
def test_make_gives_the_incident_the_constructor_gives(extra):
    made, built = Incident.make(**REQUIRED, **extra), Incident(**REQUIRED, **extra)
    assert made == built
    assert {f.name: getattr(made, f.name) for f in fields(Incident)} == vars(built)
    assert made.to_wire() == built.to_wire() and made.evolve(notes=2) == built.evolve(notes=2)


def test_each_made_incident_has_its_own_lists_and_dicts():
    a, b = Incident.make(**REQUIRED), Incident.make(**REQUIRED)
    for name in ("extra", "callbacks", "parked_spans", "assignees"):
        assert getattr(a, name) == getattr(b, name) and getattr(a, name) is not getattr(b, name), name


def test_make_refuses_unknown_and_missing_fields_as_the_constructor_does():
    with pytest.raises(TypeError, match="colour"):
        Incident.make(**REQUIRED, colour="red")
    with pytest.raises(TypeError, match="category"):
        Incident.make(**{k: v for k, v in REQUIRED.items() if k != "category"})


def test_a_made_incident_is_frozen():
    with pytest.raises(AttributeError):
        Incident.make(**REQUIRED).state = State.CLOSED  # type: ignore[misc]
