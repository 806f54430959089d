"""Feed tests reuse the hub fixtures: real hubs on port 0 over SQLite and PostgreSQL."""

from tests.net.conftest import TOKENS, connect, hub, hub_config, make_hub  # noqa: F401

__all__ = ["TOKENS"]
