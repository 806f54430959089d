"""The hub's TOML configuration (CONTRACT §2): users, roles, tokens, limits."""

from __future__ import annotations

import hmac
import secrets
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.models.lifecycle import Actor, Role
from console.models.store.numbers import Scoring


class ConfigError(ValueError):
    """A bad config; the message names the file and the entry."""

    def __init__(self, path: Path | str, entry: str, problem: str) -> None:
        super().__init__(f"{path}: {entry}: {problem}")


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    token: str = field(repr=False)  # never in logs or reprs
    team: str | None = None
    grids: frozenset[str] = frozenset()
    rate: float | None = None  # commands per second; None = the hub's default

    @property
    def actor(self) -> Actor:
        return Actor(self.name, self.role, self.team, self.grids)


@dataclass(frozen=True)
class HubConfig:
    users: tuple[User, ...]
    path: Path | None = None
    catalog: Path | None = None
    rate: float = 500.0  # per-connection commands/s (token bucket)
    burst: int = 1000
    queue_limit: int = 20_000  # frames queued for one console before it is resynced
    scoring: Scoring = field(default_factory=Scoring)  # [indicators]: composite weights, grade bands
    # looking back (CONTRACT §5; docs/STORE.md "Keeping the log"): every event is kept this many
    # days, except unit positions older than tracks_full_days, thinned to one per unit per minute
    retention_days: int = 400
    tracks_full_days: int = 14
    checkpoint_events: int = 2_000  # a state checkpoint every this many events (more for a large state) …
    checkpoint_minutes: float = 10.0  # … and every this many minutes when anything happened

    def authenticate(self, token: str) -> User | None:
        """The user holding ``token``. Every user's token is compared, in constant time, so the
        answer's timing says nothing about which or how much matched."""
        found = None
        given = token.encode()
        for user in self.users:
            if hmac.compare_digest(given, user.token.encode()):
                found = user
        return found


def load_config(path: Path) -> HubConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(path, "file", f"cannot read: {e.strerror}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(path, "toml", str(e)) from None
    users_raw = data.get("users")
    if not isinstance(users_raw, list) or not users_raw:
        raise ConfigError(path, "users", "at least one [[users]] entry is needed")
    users: list[User] = []
    names: set[str] = set()
    tokens: set[str] = set()
    for n, u in enumerate(users_raw):
        where = f"users[{n}]"
        if not isinstance(u, dict):
            raise ConfigError(path, where, "must be a table")
        name = u.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(path, where, "needs a name")
        where = f"users[{n}] ({name})"
        try:
            role = Role(u.get("role"))
        except ValueError:
            raise ConfigError(path, where, f"role must be one of {', '.join(r.value for r in Role)}") from None
        token = u.get("token")
        if not isinstance(token, str) or len(token) < 16:
            raise ConfigError(path, where, "token must be a string of at least 16 characters")
        team = u.get("team")
        if role is Role.FIELD and not isinstance(team, str):
            raise ConfigError(path, where, "field users need the team they act for")
        grids = u.get("grids", [])
        if not isinstance(grids, list) or not all(isinstance(g, str) for g in grids):
            raise ConfigError(path, where, "grids must be a list of grid codes")
        rate = u.get("rate")
        if rate is not None and (not isinstance(rate, (int, float)) or rate <= 0):
            raise ConfigError(path, where, "rate must be a positive number")
        if name in names:
            raise ConfigError(path, where, "duplicate user name")
        if token in tokens:
            raise ConfigError(path, where, "two users share a token")
        names.add(name)
        tokens.add(token)
        users.append(User(name, role, token, team, frozenset(grids), rate))
    kw = _hub_options(path, data.get("hub", {}))
    catalog = data.get("reference", {}).get("catalog")
    if catalog is not None:
        catalog = (path.parent / catalog).resolve()
    kw["scoring"] = _scoring(path, data.get("indicators", {}))
    return HubConfig(tuple(users), path=path, catalog=catalog, **kw)


# [hub] options: name -> (accepted types, what a value must be)
HUB_OPTIONS: dict[str, tuple[tuple[type, ...], str]] = {
    "rate": ((int, float), "a positive number"),
    "burst": ((int,), "a positive whole number"),
    "queue_limit": ((int,), "a positive whole number"),
    "retention_days": ((int,), "a positive whole number of days"),
    "tracks_full_days": ((int,), "a positive whole number of days"),
    "checkpoint_events": ((int,), "a positive whole number"),
    "checkpoint_minutes": ((int, float), "a positive number of minutes"),
}


def _hub_options(path: Path, hub: Any) -> dict[str, Any]:
    """``[hub]``: the limits and the log's keeping; an unknown key is refused (a typo would
    otherwise leave a default in force without a word)."""
    if not isinstance(hub, dict):
        raise ConfigError(path, "hub", "must be a table")
    kw: dict[str, Any] = {}
    for key, value in hub.items():
        if key not in HUB_OPTIONS:
            raise ConfigError(path, f"hub.{key}", f"unknown; use one of {', '.join(HUB_OPTIONS)}")
        kinds, what = HUB_OPTIONS[key]
        if not isinstance(value, kinds) or isinstance(value, bool) or value <= 0:
            raise ConfigError(path, f"hub.{key}", f"must be {what}")
        kw[key] = value
    retention = kw.get("retention_days", HubConfig.retention_days)
    if kw.get("tracks_full_days", HubConfig.tracks_full_days) > retention:
        raise ConfigError(path, "hub.tracks_full_days", f"must not exceed retention_days ({retention})")
    return kw


def _scoring(path: Path, raw: Any) -> Scoring:
    """``[indicators]``: ``weights = {closure, on_time, rework, volume}`` and ``grades = {A, B, C,
    D}`` (the lowest score of each grade; E below D). Missing keys keep DOMAIN.md's defaults."""
    if not isinstance(raw, dict):
        raise ConfigError(path, "indicators", "must be a table")
    base = Scoring()
    weights = raw.get("weights", {})
    if not isinstance(weights, dict):
        raise ConfigError(path, "indicators.weights", "must be a table")
    kw: dict[str, Any] = {}
    for key in weights:
        if key not in ("closure", "on_time", "rework", "volume"):
            raise ConfigError(path, f"indicators.weights.{key}", "unknown; use closure, on_time, rework, volume")
        v = weights[key]
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
            raise ConfigError(path, f"indicators.weights.{key}", "must be a number of at least 0")
        kw[key] = float(v)
    grades = raw.get("grades", {})
    if not isinstance(grades, dict) or set(grades) - {"A", "B", "C", "D"}:
        raise ConfigError(path, "indicators.grades", "must be a table of A, B, C, D (E is below D)")
    floors = dict(zip("ABCD", (f for f, _ in base.bands), strict=True))
    for letter, v in grades.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 100:
            raise ConfigError(path, f"indicators.grades.{letter}", "must be a score from 0 to 100")
        floors[letter] = float(v)
    if not floors["A"] > floors["B"] > floors["C"] > floors["D"]:
        raise ConfigError(path, "indicators.grades", "must fall from A to D")
    return Scoring(**kw, bands=tuple((floors[x], x) for x in "ABCD"))


DEFAULT_USERS = (
    ("admin", "admin", None),
    ("supervisor", "supervisor", None),
    ("operator", "operator", None),
    ("wall", "viewer", None),
    ("sensor", "sensor", None),
    ("demo", "supervisor", None),  # the demo feed acts as dispatcher and crews
    ("drill", "supervisor", None),  # drill player; its incidents carry the drill flag
)


def write_default_config(path: Path) -> HubConfig:
    """A config with random tokens (created when none is given); the caller prints the path."""
    lines = ["# Created by the hub with random tokens. Tokens are secrets.\n"]
    for name, role, team in DEFAULT_USERS:
        lines.append(f'[[users]]\nname = "{name}"\nrole = "{role}"\ntoken = "{secrets.token_urlsafe(24)}"\n')
        if team:
            lines.append(f'team = "{team}"\n')
        lines.append("\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    try:
        path.chmod(0o600)
    except OSError:  # not every filesystem has modes
        pass
    return load_config(path)
