"""The hub's upkeep of the log (store/upkeep.py): on a thread of its own, one short transaction a
step, never on the writer's. A part of :class:`console.net.hub.Hub`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from . import memory

log = logging.getLogger("console.hub")

PRUNE_INTERVAL = 600.0  # remembered command results are forgotten this often
UPKEEP_PAUSE = 0.05  # between two steps of it: the writer takes the database meanwhile


class UpkeepMixin:
    store: Any
    config: Any
    clock: Callable[[], Any]
    upkeep_interval: float
    upkeep_rounds: int
    _closing: bool
    _upkeep_wake: asyncio.Event
    _upkeep_pool: Any
    _checkpoint_due: int

    async def _upkeep(self) -> None:
        """Checkpoints when due (woken by ``_broadcast`` when the head passes the seq the next one
        is due at, else every ``upkeep_interval``), then thinning and retention, step by step, each step one short
        transaction with a pause after it, so the writer is never kept waiting for long."""
        next_prune = time.monotonic()
        self._upkeep_wake.set()  # a first round at start: catch up on what a stopped hub left
        while not self._closing:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._upkeep_wake.wait(), self.upkeep_interval)
            self._upkeep_wake.clear()
            if self._closing:
                break
            try:
                await self._upkeep_round()
                if time.monotonic() >= next_prune:
                    next_prune = time.monotonic() + PRUNE_INTERVAL
                    await self._in_upkeep(self.store.prune_processed, self.clock())
                await self._in_upkeep(memory.trim)  # the round's and the last minute's garbage, back to the system
            except Exception:  # the upkeep must keep going; say why it missed
                log.exception("the log's upkeep failed; it runs again in %.0f s", self.upkeep_interval)
            self.upkeep_rounds += 1

    def run_upkeep(self) -> None:
        """Ask for a round of the log's upkeep now (it also runs every ``upkeep_interval``)."""
        self._upkeep_wake.set()

    async def _upkeep_round(self) -> None:
        cfg = self.config
        age = timedelta(minutes=cfg.checkpoint_minutes)
        while not self._closing and await self._in_upkeep(self.store.make_checkpoint, self.clock(),
                                                           cfg.checkpoint_events, age) is not None:
            await asyncio.sleep(UPKEEP_PAUSE)
        # other hubs' checkpoints count too
        self._checkpoint_due = await self._in_upkeep(self.store.next_checkpoint, cfg.checkpoint_events)
        full = timedelta(days=cfg.tracks_full_days)
        while not self._closing and await self._in_upkeep(self.store.thin_tracks, self.clock(), full):
            await asyncio.sleep(UPKEEP_PAUSE)
        keep = timedelta(days=cfg.retention_days)
        while not self._closing and await self._in_upkeep(self.store.prune_log, self.clock(), keep):
            await asyncio.sleep(UPKEEP_PAUSE)

    async def _in_upkeep(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._upkeep_pool, fn, *args)

