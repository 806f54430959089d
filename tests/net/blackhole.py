"""A TCP proxy for tests: between clients and one upstream address, forwarding both ways until it
is told to black-hole — then nothing moves either way, and no socket is closed (no FIN, no RST):
what a console sees when a cable is pulled or a switch dies. Told to forward again, it lets
through what was held, as TCP's retransmissions would after a short outage."""

from __future__ import annotations

import asyncio
import contextlib


class Blackhole:
    def __init__(self, upstream_host: str, upstream_port: int, *, host: str = "127.0.0.1",
                 rate: float | None = None) -> None:
        """``rate``: bytes/s from upstream to the clients (a slow line), unlimited by default."""
        self.upstream = (upstream_host, upstream_port)
        self.rate = rate
        self.host = host
        self.port = 0
        self.connections = 0  # accepted so far
        self._flowing = asyncio.Event()
        self._flowing.set()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task] = set()
        self._closed = False

    @classmethod
    def to_url(cls, url: str) -> Blackhole:
        """A proxy for a ws://host:port/... URL (started with :meth:`start`)."""
        hostport = url.split("://", 1)[1].split("/", 1)[0]
        host, port = hostport.rsplit(":", 1)
        return cls(host, int(port))

    def url(self, path: str = "/ws") -> str:
        return f"ws://{self.host}:{self.port}{path}"

    @property
    def forwarding(self) -> bool:
        return self._flowing.is_set()

    async def start(self) -> Blackhole:
        self._server = await asyncio.start_server(self._accept, self.host, 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def blackhole(self) -> None:
        """From now on nothing is forwarded, either way, on any connection, new ones included."""
        self._flowing.clear()

    def forward(self) -> None:
        """Forward again, what was held first."""
        self._flowing.set()

    async def stop(self) -> None:
        """Close everything: every socket aborted (RST), every task let finish."""
        self._closed = True
        if self._server is not None:
            self._server.close()
        for w in list(self._writers):
            w.transport.abort()
        self._flowing.set()  # wake whatever waits for the light: it sees _closed and ends
        me = asyncio.current_task()
        tasks = [t for t in self._tasks if t is not me]
        if tasks:
            _, late = await asyncio.wait(tasks, timeout=5)
            for t in late:
                t.cancel()
        if self._server is not None:
            await self._server.wait_closed()

    async def _accept(self, creader: asyncio.StreamReader, cwriter: asyncio.StreamWriter) -> None:
        self.connections += 1
        self._writers.add(cwriter)
        me = asyncio.current_task()
        if me is not None:
            self._tasks.add(me)
        uwriter: asyncio.StreamWriter | None = None
        try:
            await self._flowing.wait()  # a connection made in the dark goes nowhere (yet)
            if self._closed:
                return
            try:
                ureader, uwriter = await asyncio.open_connection(*self.upstream)
            except OSError:
                return
            self._writers.add(uwriter)
            pumps = [asyncio.create_task(self._pump(creader, uwriter)),
                     asyncio.create_task(self._pump(ureader, cwriter, self.rate))]
            self._tasks.update(pumps)
            try:
                await asyncio.gather(*pumps)
            finally:
                self._tasks.difference_update(pumps)
        finally:
            for w in (cwriter, uwriter):
                if w is not None:
                    self._writers.discard(w)
                    w.close()
            self._tasks.discard(me)

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    rate: float | None = None) -> None:
        """One direction. Each chunk (or the end) waits for the light before it goes on; with a
        rate, each chunk also takes the time it would on a line of that many bytes/s."""
        size = 1 << 16 if rate is None else max(1024, int(rate / 20))
        try:
            while True:
                await self._flowing.wait()
                data = await reader.read(size)
                await self._flowing.wait()  # read as the dark fell: held, not lost
                if not data or self._closed:
                    break
                writer.write(data)
                await writer.drain()
                if rate is not None:
                    await asyncio.sleep(len(data) / rate)
        except (ConnectionError, OSError):
            writer.transport.abort()  # the other side went away: so does this one (RST)
            return
        with contextlib.suppress(OSError, RuntimeError):
            writer.write_eof()
        return
