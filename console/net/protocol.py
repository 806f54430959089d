"""Wire protocol v1 (CONTRACT §3) as pure functions: parse and build frames, no sockets.

Parsing never raises anything but ProtocolError, whose ``code`` goes on the wire, so a hub can
answer any bad frame and keep the connection.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from console.models.frames import dumps, event_frame, seq_of

__all__ = ["dumps", "event_frame", "seq_of"]  # the one envelope, re-exported for the wire's users

PROTOCOL = 1
MAX_FRAME = 1 << 20  # 1 MiB; larger frames are closed with 1009 by the websocket layer
MAX_ID = 200
HELLO_TIMEOUT = 10.0


class ProtocolError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def parse_frame(data: str | bytes) -> dict[str, Any]:
    """One frame → its JSON object with a string ``type``."""
    if isinstance(data, bytes):
        raise ProtocolError("bad_message", "binary frames are not part of the protocol; send text")
    try:
        obj = json.loads(data)
    except (ValueError, RecursionError):
        raise ProtocolError("bad_json", "the frame is not valid JSON") from None
    if not isinstance(obj, dict):
        raise ProtocolError("bad_message", "a frame must be one JSON object")
    if not isinstance(obj.get("type"), str):
        raise ProtocolError("bad_message", "a frame must have a string \"type\"")
    if _SURROGATE_ESCAPE.search(data) and _has_lone_surrogate(obj):
        # "\ud800" is valid JSON but not Unicode: echoed in a result or stored, it cannot be
        # encoded (the connection's sender and the batch's transaction would fail on it).
        raise ProtocolError("bad_message", "a string holds a lone UTF-16 surrogate (\\ud800-\\udfff)")
    return obj


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _has_lone_surrogate(obj: Any) -> bool:
    stack = [obj]  # iterative: the object may be nested as deep as the parser allowed
    while stack:
        x = stack.pop()
        if isinstance(x, str):
            try:
                x.encode()
            except UnicodeEncodeError:
                return True
        elif isinstance(x, dict):
            stack.extend(x)
            stack.extend(x.values())
        elif isinstance(x, list):
            stack.extend(x)
    return False


@dataclass(frozen=True)
class Hello:
    token: str
    client: str
    resume_from: int | None


def parse_hello(obj: dict[str, Any]) -> Hello:
    if obj["type"] != "hello":
        raise ProtocolError("bad_message", "the first frame must be a hello")
    if obj.get("protocol") != PROTOCOL:
        raise ProtocolError("bad_message", f"this hub speaks protocol {PROTOCOL}, not {obj.get('protocol')!r}")
    token = obj.get("token")
    if not isinstance(token, str) or not token or len(token) > 512:
        raise ProtocolError("unauthorized", "hello needs a token")
    client = obj.get("client", "")
    if not isinstance(client, str):
        raise ProtocolError("bad_message", "client must be a string")
    resume = obj.get("resume_from")
    if resume is not None and (isinstance(resume, bool) or not isinstance(resume, int) or resume < 0):
        raise ProtocolError("bad_message", "resume_from must be null or a non-negative integer")
    return Hello(token, client[:100], resume)


@dataclass(frozen=True)
class CommandFrame:
    id: str
    name: str
    args: dict[str, Any]


def parse_command(obj: dict[str, Any]) -> CommandFrame:
    """A command frame's envelope (its args are checked by console.models.commands)."""
    if obj["type"] != "command":
        raise ProtocolError("bad_message", f"unknown frame type {obj['type'][:50]!r}; clients send commands")
    cid = obj.get("id")
    if not isinstance(cid, str) or not cid or len(cid) > MAX_ID:
        raise ProtocolError("bad_message", f"a command needs an \"id\": a string of 1 to {MAX_ID} characters")
    name = obj.get("name")
    if not isinstance(name, str) or not name:
        raise ProtocolError("bad_message", "a command needs a \"name\"")
    args = obj.get("args", {})
    if not isinstance(args, dict):
        raise ProtocolError("bad_message", "\"args\" must be an object")
    return CommandFrame(cid, name, args)


def command_id_of(obj: Any) -> str | None:
    """The id of a frame that failed to parse, if it has a usable one (to answer with a result)."""
    if isinstance(obj, dict):
        cid = obj.get("id")
        if isinstance(cid, str) and 0 < len(cid) <= MAX_ID:
            return cid
    return None


# ---- frames a client sends ------------------------------------------------------------------------


def hello(token: str, client: str, resume_from: int | None) -> dict[str, Any]:
    return {"type": "hello", "protocol": PROTOCOL, "token": token, "client": client, "resume_from": resume_from}


def command(cid: str, name: str, args: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"type": "command", "id": cid, "name": name, "args": args or {}}


# ---- frames the hub sends -------------------------------------------------------------------------


def result(cid: str | None, **fields: Any) -> dict[str, Any]:
    """An ``ok`` result: ``result(cid, incident=…)``."""
    return {"type": "result", "id": cid, "ok": True, **fields}


def error(code: str, message: str) -> dict[str, Any]:
    return {"type": "error", "code": code, "message": message}


def failed(cid: str, code: str, message: str) -> dict[str, Any]:
    return {"type": "result", "id": cid, "ok": False, "code": code, "message": message}


def welcome(user: str, role: str, head: int, team: str | None = None, grids: tuple[str, ...] = ()) -> dict[str, Any]:
    # team and grids are an extension: a console shows a field user exactly the actions they may take
    return {"type": "welcome", "protocol": PROTOCOL, "user": user, "role": role, "head": head,
            "team": team, "grids": list(grids)}


SNAPSHOT_KEYS = ("incidents", "units", "teams", "departments", "categories", "cameras", "notices")
FRAME_BUDGET = 600_000  # bytes of incidents per snapshot frame: well under the 1 MiB limit


def snapshot_frames(head: int, state: dict[str, Any], reference: dict[str, Any],
                    budget: int = FRAME_BUDGET) -> list[str]:
    """The current state as one or more snapshot frames, each under 1 MiB whatever the
    incidents hold: reference data and units ride in the first, incidents fill frames up to
    ``budget`` bytes, ``final`` is true on the last. Each incident is encoded once."""
    encoded = [dumps(i) for i in state["incidents"]]
    chunks: list[list[str]] = [[]]
    size = 0
    for e in encoded:
        n = len(e) if e.isascii() else len(e.encode())  # bytes on the wire, not characters
        if chunks[-1] and size + n > budget:
            chunks.append([])
            size = 0
        chunks[-1].append(e)
        size += n + 1
    # live state beside the incidents (units, teams, and the extensions cameras with their
    # status and the last day's notices) rides in the first frame, before the static reference
    first_rest = {k: v for k, v in state.items() if k not in ("head", "incidents")}
    for key, value in reference.items():
        first_rest.setdefault(key, value)
    empty_rest = {key: [] for key in SNAPSHOT_KEYS if key != "incidents"}
    frames = []
    for n, chunk in enumerate(chunks):
        rest = dumps(first_rest if n == 0 else empty_rest)[1:]  # '"units":[…],…}'
        final = "true" if n == len(chunks) - 1 else "false"
        frames.append(f'{{"type":"snapshot","head":{head},"final":{final},"incidents":[{",".join(chunk)}],{rest}')
    return frames
