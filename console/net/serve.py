"""`python main.py hub`: the hub alone, headless, until SIGTERM/SIGINT."""

from __future__ import annotations

import asyncio
import logging
import signal
import ssl
import sys
from pathlib import Path

from console.models.catalog import load_catalog
from console.models.store import Store

from . import memory
from .config import HubConfig, load_config, write_default_config
from .hub import Hub


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("command-console", appauthor=False))


def resolve_config(path: Path | None) -> HubConfig:
    """The given config, or the one in the data folder (created with random tokens if absent)."""
    if path is not None:
        return load_config(path)
    default = data_dir() / "hub.toml"
    if default.exists():
        cfg = load_config(default)
        print(f"using config {default}", flush=True)
        return cfg
    cfg = write_default_config(default)
    print(f"created config with random tokens: {default}", flush=True)
    return cfg


def tls_context(cert: Path | None, key: Path | None) -> ssl.SSLContext | None:
    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise ValueError("--tls-cert and --tls-key go together")
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    return ctx


async def serve_until_signalled(hub: Hub, http_port: int | None = None, stop: asyncio.Event | None = None) -> None:
    """Start ``hub`` (and its HTTP front), serve until SIGTERM or SIGINT (or until ``stop`` is set,
    when given), then stop them."""
    await hub.start()
    print(f"hub listening on {hub.url}", flush=True)
    front = None
    if http_port is not None:  # CONTRACT §5: a second ready line, only with --http-port
        from .http_front import HttpFront

        front = HttpFront(hub, hub.host, http_port)
        await front.start()
        print(f"hub http on {front.url}", flush=True)
    memory.settle()  # start-up's objects, out of the collector's way for the weeks to come
    if stop is None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    if front is not None:
        await front.stop()
    await hub.stop()


def run_hub(args, catalog_path: Path | None) -> int:
    memory.limit_arenas()  # before any thread allocates: a weeks-long process, net/memory.py
    memory.fix_mmap_threshold()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("alembic", "websockets"):  # their per-connection INFO lines drown ours
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        config = resolve_config(args.config)
        catalog = load_catalog(catalog_path or config.catalog)
        ctx = tls_context(args.tls_cert, args.tls_key)
    except (ValueError, OSError, ssl.SSLError) as e:
        print(f"main.py hub: {e}", file=sys.stderr)
        return 2
    url = args.db or f"sqlite:///{data_dir() / 'hub.db'}"
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    try:
        store = Store(url, catalog)
    except Exception as e:  # an unreachable or unusable database: one line, not a traceback
        print(f"main.py hub: cannot open database {url.split('@')[-1]}: {str(e).splitlines()[0]}", file=sys.stderr)
        return 2
    hub = Hub(store, config, host=args.host, port=args.port, ssl_context=ctx, name=getattr(args, "name", None))
    try:
        asyncio.run(serve_until_signalled(hub, getattr(args, "http_port", None)))
    except OSError as e:
        print(f"main.py hub: cannot listen on {args.host}:{args.port}: {e.strerror}", file=sys.stderr)
        return 2
    finally:
        store.close()
    return 0
