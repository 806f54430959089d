"""The one bilingual-name rule: a thing's name in the console's language. Reference data names
itself ``name_zh``/``name_en`` (attributes of catalog objects, keys of their wire form), and
some tables keep ``(zh, en)`` pairs; Chinese for any ``zh*`` language, English otherwise."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def is_zh(language: str) -> bool:
    return str(language).lower().startswith("zh")


def local_name(thing: Any, language: str, default: str = "") -> str:
    """``thing``'s name in ``language``: from ``name_zh``/``name_en`` (attributes or keys) or a
    ``(zh, en)`` pair; the other language's when one is missing; ``default`` for nothing."""
    if thing is None:
        return default
    if isinstance(thing, tuple):
        zh, en = (thing + ("", ""))[:2]
    elif isinstance(thing, Mapping):
        zh, en = thing.get("name_zh") or "", thing.get("name_en") or ""
    else:
        zh, en = getattr(thing, "name_zh", "") or "", getattr(thing, "name_en", "") or ""
    first, second = (zh, en) if is_zh(language) else (en, zh)
    return first or second or default
