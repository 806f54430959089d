"""The store's datetime binds: one bounded conversion cache per dialect, however many statements."""

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy.dialects import postgresql, sqlite

from console.models import schema
from console.models.schema import UTCDateTime


def test_every_statement_shares_one_bounded_cache_per_dialect():
    dialect = sqlite.dialect()
    # as compiled statements get them: each column's type adapted to the dialect, 40 of them
    processors = [UTCDateTime().dialect_impl(dialect).bind_processor(dialect) for _ in range(40)]
    t0 = datetime(2026, 12, 6, tzinfo=UTC)
    for k in range(3 * schema.BIND_CACHE):
        processors[k % len(processors)](t0 + timedelta(seconds=k))
    caches = [c for key, c in schema._BIND_CACHES.items() if key[0] == "sqlite"]
    assert len(caches) == 1 and caches[0].cache_info().currsize == schema.BIND_CACHE


def test_cached_and_uncached_binds_give_the_same_values():
    t = datetime(2026, 12, 6, 8, 30, 15, 123000, tzinfo=UTC)
    shanghai = t.astimezone(timezone(timedelta(hours=8)))
    d = sqlite.dialect()
    lite = UTCDateTime().dialect_impl(d).bind_processor(d)
    assert lite(t) == lite(t) == lite(shanghai) == "2026-12-06 08:30:15.123000"
    generic = UTCDateTime().bind_processor(d)  # not adapted: no text, and not the text's cache
    assert generic(t) == datetime(2026, 12, 6, 8, 30, 15, 123000)
    assert lite(t) == "2026-12-06 08:30:15.123000"
    pd = postgresql.dialect()
    pg = UTCDateTime().dialect_impl(pd).bind_processor(pd)
    assert pg(t) == pg(shanghai) == t and pg(None) is None
