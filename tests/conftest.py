"""Shared fixtures. Qt runs headless; store tests run on SQLite and on PostgreSQL."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
from console.desktop import js_gc_exposed  # noqa: E402

js_gc_exposed()  # as make_app does: the map page collects its garbage in tests too

import uuid  # noqa: E402

# QtWebEngine must be imported, and the map's URL scheme registered, before the QApplication exists.
import PySide6.QtWebEngineWidgets  # noqa: E402, F401
import pytest  # noqa: E402

from console.views.map import register_schemes  # noqa: E402

register_schemes()


@pytest.fixture(scope="session")
def qapp_args():
    return ["console-tests"]


@pytest.fixture(scope="session", autouse=True)
def _release_map_pages():
    """Map pages go before the application (and its shared web profile) at the end of the run."""
    yield
    from console.views.map import release_pages

    release_pages()

PG_URL = os.environ.get("CONSOLE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_available() -> str | None:
    """None if PostgreSQL answers, else the reason it does not."""
    try:
        import psycopg

        dsn = PG_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(dsn, connect_timeout=3):
            return None
    except Exception as e:  # any failure means: not reachable here
        return f"PostgreSQL not reachable at {PG_URL}: {e}".splitlines()[0]


@pytest.fixture(scope="session")
def catalog():
    from console.models.catalog import load_catalog

    return load_catalog()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty database: an SQLite file, or a new PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    why = _pg_available()
    if why:
        if os.environ.get("CONSOLE_REQUIRE_PG"):
            pytest.fail(why)
        pytest.skip(why)
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    dsn = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as c:
        c.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(dsn, autocommit=True) as c:
        c.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def store(db_url, catalog):
    from console.models.store import Store

    s = Store(db_url, catalog)
    yield s
    s.close()
