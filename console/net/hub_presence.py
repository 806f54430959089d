"""The hub's side of presence (net/presence.py): who is on shift and who has which case open,
handed to this hub's consoles and told to the other hubs (net/relay.py). A part of
:class:`console.net.hub.Hub`."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from websockets.frames import Frame, Opcode

from console.models import commands as cmds

from . import protocol as p
from .presence import ALIVE, Presence, chunked
from .presence import frame as presence_frame


class PresenceMixin:
    presence: Presence
    relay: Any
    clients: set[Any]
    clock: Callable[[], Any]
    _spawn: Callable[[Any], Any]

    # ---- presence (net/presence.py): who is on shift, who has which case open, across hubs ---------

    def _joined(self, client: Any) -> None:
        """A connection's initial state is out: give it everyone present, then tell the others."""
        entry = self.presence.join(client.cid, client.user.name, client.user.role.value)
        client.out.extend(self.presence.roster_frames())
        client.wake.set()
        self._present([entry], skip=client)

    def _presence_set(self, client: Any, frame: p.CommandFrame) -> None:
        try:
            args = cmds.validate_args(frame.name, frame.args)
        except cmds.CommandError as e:
            client.push(p.dumps(p.failed(frame.id or "", e.code, e.message)))
            return
        changed = self.presence.set(client.cid, args.get("viewing"), args.get("acting", False))
        if changed is not None:
            self._present([changed])
        client.push(p.dumps(p.result(frame.id)))

    def _present(self, entries: list[dict[str, Any] | None], *, skip: Any | None = None,
                 tell: bool = True) -> None:
        """Presence changes to every live console here and (``tell``) to the other hubs."""
        entries = [e for e in entries if e is not None]
        if not entries:
            return
        at = self.clock()
        frames = [presence_frame(e, at) for e in entries]
        wire: list[bytes] | None = None  # framed once for every console (as the hub's events are)
        for c in list(self.clients):
            if c.live and c is not skip:
                if c.ws.protocol.extensions:
                    c.out.extend(frames)
                else:
                    if wire is None:
                        wire = [Frame(Opcode.TEXT, f.encode()).serialize(mask=False) for f in frames]
                    c.out.extend(wire)
                c.wake.set()
        if tell and self.relay.shared:
            for msg in chunked(entries, self.presence.instance):
                self._spawn(self.relay.say(msg))

    def _heard(self, msg: dict[str, Any]) -> None:
        """A presence message from another hub (or the relay's own "listening": ask them all)."""
        if msg.get("op") == "listening":
            self._spawn(self.relay.say({"op": "ask", "src": self.presence.instance}))
            self._say_all()
            return
        entries, again = self.presence.heard_from(msg, time.monotonic())
        self._present(entries, tell=False)
        if again:
            self._say_all()

    def _say_all(self) -> None:
        for m in chunked(list(self.presence.local.values()), self.presence.instance):
            self._spawn(self.relay.say(m))

    async def _presence_beat(self) -> None:
        """Tell the other hubs this one is alive; take silent ones as gone."""
        while True:
            await asyncio.sleep(ALIVE)
            if self.relay.shared:
                self._spawn(self.relay.say({"op": "alive", "src": self.presence.instance}))
            self._present(self.presence.expire(time.monotonic()), tell=False)
