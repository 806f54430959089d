"""How a view follows the console's state: it connects its ``_on_<event>`` handlers with
:func:`follow` and lets go with :func:`unfollow` (a wall closed from the desk's menu leaves the
state it shared behind)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

Pairs = Iterable[tuple[Any, Callable[..., Any]]]


def follow(view: Any, pairs: Pairs) -> None:
    bound = list(pairs)
    for signal, handler in bound:
        signal.connect(handler)
    view._following = [*getattr(view, "_following", []), *bound]


def unfollow(view: Any) -> None:
    for signal, handler in getattr(view, "_following", []):
        signal.disconnect(handler)
    view._following = []
