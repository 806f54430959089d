"""A hub running in its own thread and asyncio loop: the all-in-one console embeds one, and GUI
tests use one (the GUI thread stays free for Qt). Qt-free."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any

from console.models.store import Store

from .config import HubConfig
from .hub import Hub


class BackgroundHub:
    def __init__(self, store: Store, config: HubConfig, *, host: str = "127.0.0.1", port: int = 0,
                 sla_interval: float = 1.0, clock: Callable[[], Any] | None = None) -> None:
        self.store = store
        self.config = config
        self.host = host
        self.port = port
        self.sla_interval = sla_interval
        self.clock = clock  # the hub's "now" (tests move it); None: the real time
        self.hub: Hub | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._extras: list[Callable[[str], Awaitable[Any]]] = []

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}/ws"

    def also_run(self, factory: Callable[[str], Awaitable[Any]]) -> None:
        """Run a coroutine (e.g. the demo feed, given the hub's URL) on the hub's loop."""
        self._extras.append(factory)

    def start(self, timeout: float = 15.0) -> str:
        self._ready.clear()
        self._thread = threading.Thread(target=self._run, name="background-hub", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the embedded hub did not start")
        if self._error is not None:
            raise self._error
        return self.url

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as e:  # surfaced to start() or logged by the caller
            self._error = e
            self._ready.set()

    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        kw = {"clock": self.clock} if self.clock is not None else {}
        self.hub = Hub(self.store, self.config, host=self.host, port=self.port, sla_interval=self.sla_interval, **kw)
        await self.hub.start()
        self.port = self.hub.port  # keep the port: a restart comes back on the same one
        tasks = [asyncio.create_task(f(self.url)) for f in self._extras]
        self._ready.set()
        await self._stop.wait()
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await self.hub.stop()

    def stop(self, timeout: float = 15.0) -> None:
        if self.loop is not None and self._stop is not None and self._thread is not None:
            self.loop.call_soon_threadsafe(self._stop.set)
            self._thread.join(timeout)
        self._thread = None
