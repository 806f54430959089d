"""Helpers shared by the process-level benches (scale, soak, cross-hub).

- ``LightClient``: a WebSocket console over a plain socket, no library on the read path: it
  says hello with a real token, waits for the final snapshot frame, then only walks frame headers
  to count the log's event frames (those with a seq; answering pings), so one process can hold 1,000 of them at 100,000
  frames/s. Its frames are built with ``websockets.frames`` (masked, as a client's must be).
- hub processes: ``main.py hub`` started as a child, its URL read from its first line.
- ``rss_kib``: a process's resident memory from /proc (no psutil on this machine).
- a quiet-machine lock, raised file descriptor limits, percentiles.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
import resource
import select
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from websockets.frames import Frame, Opcode

ROOT = Path(__file__).resolve().parents[1]
EVENT_PREFIX = b'{"type":"event","seq":'  # an event of the log; presence events have "seq":null
_N = ord("n")


def raise_nofile(want: int = 8192) -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < want:
        new = want if hard == resource.RLIM_INFINITY else min(want, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
        soft = new
    return soft


def pct(xs: Any, q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


def rss_kib(pid: int, field: str = "VmRSS") -> int | None:
    """VmRSS (or another /proc/PID/status field: RssAnon, RssFile…) of a process in KiB, or None
    once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def tree_rss_kib(pid: int, field: str = "VmRSS") -> int | None:
    """RSS (or ``field``) of a process and all its descendants (Qt WebEngine runs its renderer in
    children)."""
    total = rss_kib(pid, field)
    if total is None:
        return None
    for child in _children(pid):
        total += rss_kib(child, field) or 0
    return total


def _children(pid: int) -> list[int]:
    out: list[int] = []
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for t in tasks:
            try:
                with open(f"/proc/{p}/task/{t}/children") as f:
                    kids = [int(x) for x in f.read().split()]
            except OSError:
                continue
            out.extend(kids)
            todo.extend(kids)
    return out


# ---- a light WebSocket client on a plain socket ---------------------------------------------------


def client_frame(text: str | bytes, opcode: Opcode = Opcode.TEXT) -> bytes:
    data = text.encode() if isinstance(text, str) else text
    return Frame(opcode, data).serialize(mask=True)


def _frames(buf: bytearray) -> tuple[list[tuple[int, bytes]], int]:
    """Whole frames at the start of buf: ([(opcode, payload)], bytes used). Server frames are
    unmasked; no extension is negotiated."""
    out = []
    off, n = 0, len(buf)
    while n - off >= 2:
        ln, h = buf[off + 1] & 0x7F, 2
        if ln == 126:
            if n - off < 4:
                break
            ln, h = int.from_bytes(buf[off + 2:off + 4], "big"), 4
        elif ln == 127:
            if n - off < 10:
                break
            ln, h = int.from_bytes(buf[off + 2:off + 10], "big"), 10
        if n - off < h + ln:
            break
        out.append((buf[off] & 0x0F, bytes(buf[off + h:off + h + ln])))
        off += h + ln
    return out, off


class LightClient:
    """One console's socket. ``open()`` is blocking (handshake, hello, initial state); then the
    owner polls ``sock`` and calls ``take(data, now)``, which counts event frames."""

    __slots__ = ("sock", "buf", "events", "other", "times", "counts", "closed", "keep")

    def __init__(self, url: str) -> None:
        m = re.fullmatch(r"ws://([^:/]+):(\d+)(/.*)?", url)
        if not m:
            raise ValueError(url)
        self.sock = socket.create_connection((m.group(1), int(m.group(2))), timeout=60)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {m.group(3) or '/'} HTTP/1.1\r\nHost: {m.group(1)}:{m.group(2)}\r\n"
                           f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           f"Sec-WebSocket-Version: 13\r\n\r\n").encode())
        self.buf = bytearray()
        self.events = 0  # event frames counted since live
        self.other = 0  # other text frames since live (resync, …)
        self.closed = False
        self.keep: list[bytes] | None = None  # if a list: keep every text payload (a sampled console, a feed)
        from array import array

        self.times = array("d")  # per read that brought events: its time …
        self.counts = array("l")  # … and the events counted so far

    def finish_upgrade(self) -> None:
        while b"\r\n\r\n" not in self.buf:
            data = self.sock.recv(65536)
            if not data:
                raise ConnectionError("closed during the handshake")
            self.buf += data
        head, _, rest = bytes(self.buf).partition(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 101"):
            raise ConnectionError(head.split(b"\r\n")[0].decode())
        self.buf = bytearray(rest)

    def send_text(self, text: str | bytes) -> None:
        self.sock.sendall(client_frame(text))

    def read_until(self, done: Callable[[bytes], bool], timeout: float = 60.0) -> list[bytes]:
        """Blocking: text payloads until one for which ``done`` is true (included)."""
        got: list[bytes] = []
        end = time.monotonic() + timeout
        while True:
            frames, used = _frames(self.buf)
            del self.buf[:used]
            for op, payload in frames:
                if op == Opcode.PING:
                    self.sock.sendall(client_frame(payload, Opcode.PONG))
                elif op == Opcode.CLOSE:
                    raise ConnectionError(f"closed by the server: {payload[2:]!r}")
                elif op == Opcode.TEXT:
                    got.append(payload)
                    if done(payload):
                        return got
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError("no frame awaited came")
            self.sock.settimeout(left)
            data = self.sock.recv(1 << 18)
            if not data:
                raise ConnectionError("closed")
            self.buf += data

    def go_live(self) -> None:
        """Whatever is buffered past the initial state counts; the socket turns non-blocking."""
        self.sock.setblocking(False)
        if self.buf:
            data = bytes(self.buf)
            self.buf = bytearray()
            self.take(data, time.monotonic())

    def take(self, data: bytes, now: float) -> None:
        """Count the event frames in what was read: headers only (a prefix check per frame)."""
        buf = self.buf
        if buf:
            buf += data
            data = buf
        off, n, ev, start = 0, len(data), 0, self.events
        while n - off >= 2:
            ln, h = data[off + 1] & 0x7F, 2
            if ln == 126:
                if n - off < 4:
                    break
                ln, h = (data[off + 2] << 8) | data[off + 3], 4
            elif ln == 127:
                if n - off < 10:
                    break
                ln, h = int.from_bytes(data[off + 2:off + 10], "big"), 10
            end = off + h + ln
            if end > n:
                break
            op = data[off] & 0x0F
            if op == 1:
                if data.startswith(EVENT_PREFIX, off + h) and data[off + h + 22] != _N:
                    ev += 1
                else:
                    self.other += 1
                if self.keep is not None:
                    self.keep.append(bytes(data[off + h:end]))
            elif op == 9:
                self.sock.send(client_frame(bytes(data[off + h:end]), Opcode.PONG))
            elif op == 8:
                self.closed = True
            off = end
        if off < n:
            self.buf = bytearray(data[off:])
        elif buf:
            self.buf = bytearray()
        if ev:
            self.events = start + ev
            self.times.append(now)
            self.counts.append(self.events)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.setblocking(True)
            self.sock.settimeout(1)
            self.sock.sendall(client_frame(b"\x03\xe8", Opcode.CLOSE))
        with contextlib.suppress(OSError):
            self.sock.close()


def open_clients(url: str, count: int, hello: str, live: Callable[[bytes], bool], batch: int = 50,
                 timeout: float = 120.0) -> list[LightClient]:
    """``count`` light clients, ``batch`` at a time (the listen backlog is finite): upgrade,
    hello, read until ``live`` says the initial state is over."""
    out: list[LightClient] = []
    end = time.monotonic() + timeout
    while len(out) < count:
        group = [LightClient(url) for _ in range(min(batch, count - len(out)))]
        for c in group:
            c.finish_upgrade()
            c.send_text(hello)
        for c in group:
            c.read_until(live, max(1.0, end - time.monotonic()))
            c.go_live()
        out.extend(group)
        service(out)  # the hub pings every few seconds: those already open must answer meanwhile
    return out


def service(clients: list[LightClient]) -> None:
    """Read whatever is waiting on the (non-blocking) sockets: answers pings, counts frames."""
    for c in clients:
        while not c.closed:
            try:
                data = c.sock.recv(1 << 18)
            except BlockingIOError:
                break
            except OSError:
                data = b""
            if not data:
                c.closed = True
                break
            c.take(data, time.monotonic())


def poll_loop(clients: list[LightClient], until: Callable[[float], bool],
              tick: Callable[[float], float | None] | None = None, extra: dict[int, Callable[[bytes, float], None]]
              | None = None) -> None:
    """Read every client's socket with epoll until ``until(now)``; ``tick(now)`` (if given) runs
    each round and returns how long the poll may wait. ``extra``: other sockets' fd → handler."""
    ep = select.epoll(len(clients) + 8)
    by_fd: dict[int, Any] = {}
    for c in clients:
        fd = c.sock.fileno()
        by_fd[fd] = c
        ep.register(fd, select.EPOLLIN)
    for fd in extra or {}:
        ep.register(fd, select.EPOLLIN)
    handlers = extra or {}
    mono = time.monotonic
    try:
        while True:
            now = mono()
            if until(now):
                return
            wait = tick(now) if tick else 0.05
            for fd, _ in ep.poll(0.05 if wait is None else max(0.0, min(wait, 0.05))):
                now = mono()
                c = by_fd.get(fd)
                if c is None:
                    handlers[fd](b"", now)
                    continue
                try:
                    data = c.sock.recv(1 << 18)
                except BlockingIOError:
                    continue
                except OSError:
                    data = b""
                if not data:
                    c.closed = True
                    ep.unregister(fd)
                    del by_fd[fd]
                    continue
                c.take(data, now)
    finally:
        ep.close()


# ---- hub processes ---------------------------------------------------------------------------------


def write_config(path: Path, users: list[tuple[str, str, str]], hub: dict[str, Any] | None = None) -> Path:
    """A hub config: [[users]] (name, role, token) and optional [hub] options."""
    lines = []
    for name, role, token in users:
        lines.append(f'[[users]]\nname = "{name}"\nrole = "{role}"\ntoken = "{token}"\nrate = 100000\n')
    if hub:
        lines.append("[hub]\n" + "".join(f"{k} = {v!r}\n" for k, v in hub.items()))
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


class HubProcess:
    """``main.py hub --port 0 --db URL --config FILE`` as a child process; ``url`` once listening."""

    def __init__(self, db: str, config: Path, log: Path, env: dict[str, str] | None = None,
                 timeout: float = 120.0) -> None:
        self.log_path = log
        self._log = open(log, "w")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "hub", "--port", "0", "--db", db, "--config", str(config)],
            stdout=subprocess.PIPE, stderr=self._log, text=True, cwd=ROOT, env={**os.environ, **(env or {})})
        self.url = ""
        end = time.monotonic() + timeout
        assert self.proc.stdout is not None
        while time.monotonic() < end:
            line = self.proc.stdout.readline()
            if not line:
                break
            if line.startswith("hub listening on "):
                self.url = line.split()[-1]
                break
        if not self.url:
            self.stop()
            raise RuntimeError(f"the hub did not start: {log.read_text()[-1500:]}")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        with contextlib.suppress(Exception):
            self._log.close()
