"""Plain-Python change notifications: a view connects a handler, the state emits. Handlers run
in the emitter's thread (the console's state lives on the GUI thread, so they run there)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


class Signal:
    """A list of handlers called in connection order. One handler that raises is logged and the
    rest still run: a broken view must not starve the others of the state's changes."""

    def __init__(self, name: str = "") -> None:
        self.name = name
        self._handlers: list[Callable[..., Any]] = []

    def connect(self, handler: Callable[..., Any]) -> None:
        if handler not in self._handlers:
            self._handlers.append(handler)

    def disconnect(self, handler: Callable[..., Any]) -> None:
        if handler in self._handlers:
            self._handlers.remove(handler)

    def emit(self, *args: Any) -> None:
        for handler in list(self._handlers):
            try:
                handler(*args)
            except Exception:
                log.exception("a handler of %s failed", self.name or "a signal")

    def __len__(self) -> int:
        return len(self._handlers)
