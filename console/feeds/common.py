"""What every feed needs: connect (with a one-line reason when the hub cannot be used), send
many commands without waiting for each result, and parse the durations scenarios and mapping
files are written in. Qt-free, like the rest of the feeds."""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from console.models.errors import CatalogError, read_toml
from console.net.client import HubClient, HubError

RETRY_CODES = ("rate_limited", "unavailable")  # nothing was applied: send again after a pause


async def connect(url: str, token: str, name: str, *, timeout: float = 10.0, keep_state: bool = True,
                  on_snapshot: Callable[[Any], None] | None = None) -> HubClient:
    """A started, synced client; ConnectionError with a one-line reason otherwise (unreachable
    hub, refused token). ``on_snapshot`` sees each snapshot (its reference data) as it arrives."""
    client = HubClient(url, token, name=name, keep_state=keep_state, on_snapshot=on_snapshot)
    task = client.start()
    synced = asyncio.ensure_future(client.synced.wait())
    try:
        await asyncio.wait({synced, task}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        synced.cancel()
    if not client.synced.is_set():
        refused = task.done() and not task.cancelled() and isinstance(task.exception(), HubError)
        await client.close()
        if refused:
            raise ConnectionError(f"the hub at {url} refused the token ({client.last_error})")
        raise ConnectionError(f"cannot reach the hub at {url}: {client.last_error or 'no answer'}")
    return client


async def command(client: HubClient, name: str, args: dict[str, Any], *, tries: int = 50,
                  timeout: float = 60.0) -> dict[str, Any]:
    """``client.command`` that sends again (same id: never applied twice) after a pause when
    the hub said ``rate_limited`` or ``unavailable``."""
    cid = client.next_id()
    delay = 0.05
    for attempt in range(tries):
        res = await client.command(name, args, id=cid, timeout=timeout)
        if res.get("ok") or res.get("code") not in RETRY_CODES or attempt == tries - 1:
            return res
        await asyncio.sleep(delay)
        delay = min(1.0, delay * 2)
    raise AssertionError("unreachable")


async def pipeline(items: Iterable[Any], work: Callable[[Any], Awaitable[None]], *, window: int = 400) -> None:
    """Run ``work(item)`` for every item with at most ``window`` in flight: commands are sent
    without waiting for earlier results, so the hub batches them (one transaction per batch)."""
    sem = asyncio.Semaphore(window)
    tasks: set[asyncio.Task[None]] = set()
    failures: list[BaseException] = []

    async def one(item: Any) -> None:
        try:
            await work(item)
        except Exception as e:  # surfaced once every item ran
            failures.append(e)
        finally:
            sem.release()

    for item in items:
        await sem.acquire()
        if failures:
            sem.release()
            break
        t = asyncio.create_task(one(item))
        tasks.add(t)
        t.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.gather(*tasks)
    if failures:
        raise failures[0]


def load_toml(path: Path, error: type[Exception]) -> dict[str, Any]:
    """A feed's TOML file through the project's one TOML reader, its failure raised as ``error``
    in one line: "<path>: not TOML: …" or "<path>: cannot read: …"."""
    try:
        return read_toml(path)
    except CatalogError as e:
        kind = "not TOML" if e.entry == "TOML syntax" else "cannot read"
        raise error(f"{path}: {kind}: {str(e.problem).splitlines()[0]}") from None


_DURATION_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(h|m|s|d)")


def parse_duration(text: Any) -> float:
    """Seconds in ``"90s"``, ``"10m"``, ``"1h30m"``, ``"2d"`` or a plain number of seconds;
    ValueError otherwise."""
    if isinstance(text, bool):
        raise ValueError(f"not a duration: {text!r}")
    if isinstance(text, (int, float)):
        if text < 0:
            raise ValueError(f"a duration cannot be negative: {text!r}")
        return float(text)
    if not isinstance(text, str):
        raise ValueError(f"not a duration: {text!r}")
    s = text.strip().lower().replace(" ", "")
    pos, total = 0, 0.0
    for m in _DURATION_RE.finditer(s):
        if m.start() != pos:
            break
        total += float(m.group(1)) * {"d": 86400, "h": 3600, "m": 60, "s": 1}[m.group(2)]
        pos = m.end()
    if not s or pos != len(s):
        raise ValueError(f'{text!r} is not a duration like "90s", "10m", "1h30m"')
    return total


def fmt_duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    s = int(round(seconds))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    if s < 86400:
        return f"{s // 3600}h{s % 3600 // 60:02d}m"
    return f"{s // 86400}d{s % 86400 // 3600:02d}h"


class Progress:
    """A plain-text progress bar on stderr, redrawn in place when stderr is a terminal (and
    silent otherwise, so logs and pipes get only the row reports and the summary)."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.total = max(total, 1)
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.done = 0
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._shown = -1

    def advance(self, n: int = 1) -> None:
        self.done += n
        self.draw()

    def draw(self, force: bool = False) -> None:
        if not self.tty:
            return
        frac = min(1.0, self.done / self.total)
        cells = int(frac * self.width)
        if cells == self._shown and not force and self.done < self.total:
            return
        self._shown = cells
        bar = "#" * cells + "-" * (self.width - cells)
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}")
        self.stream.flush()

    def clear(self) -> None:
        """Wipe the bar line (before printing a report line); the next draw puts it back."""
        if self.tty:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = -1

    def finish(self) -> None:
        if self.tty:
            self.draw(force=True)
            self.stream.write("\n")
            self.stream.flush()


async def close_quietly(client: HubClient) -> None:
    with contextlib.suppress(Exception):
        await client.close()
