"""A store's batches of any size use a few SQL texts: each text is a statement that SQLite's cache
and psycopg's prepared statements keep per connection, so texts that differ by the length of an
IN list filled those caches over a hub's first hour (docs/PERFORMANCE.md, soak)."""

from sqlalchemy import event

from console.models import commands as cmds
from console.models.lifecycle import Actor, Role
from console.models.store.bulk import chunks, padded

FLEET = Actor("fleet", Role.SUPERVISOR)


def test_padded_lists_take_few_lengths_and_keep_their_values():
    for n in range(0, 1025):
        items = list(range(n))
        out = padded(items)
        assert set(out) == set(items) and out[:n] == items
        assert len(out) in (0, 1, 2) or len(out) in {1 << k for k in range(2, 11)}
    assert [len(c) for c in chunks(list(range(1000)), 400)] == [512, 512, 256]


def _texts(store, run):
    seen = set()

    def _note(conn, cursor, statement, params, context, executemany):
        seen.add(statement)

    event.listen(store.engine, "before_cursor_execute", _note)
    try:
        run()
    finally:
        event.remove(store.engine, "before_cursor_execute", _note)
    return seen


def test_batches_of_every_size_use_the_texts_of_a_few_sizes(store, catalog):
    from sqlalchemy import select

    from console.models.schema import UnitRow
    from console.models.store import Request

    with store.engine.connect() as c:
        units = [dict(r._mapping) for r in c.execute(select(UnitRow).order_by(UnitRow.id))]
    assert len(units) >= 40

    def batches(sizes):
        def run():
            for n in sizes:
                store.execute([Request(FLEET, "unit.update", cmds.validate_args("unit.update", {
                    "unit": u["id"], "lat": u["lat"], "lon": u["lon"], "status": "free"})) for u in units[:n]])
        return run

    batches([1])()  # a connection's one-time questions (its schema, the columns' types) asked
    every = _texts(store, batches(range(3, 41)))
    few = _texts(store, batches([3, 4, 8, 16, 32, 33]))
    assert every == few
    assert len({t for t in every if "FROM units" in t}) == 5  # 4, 8, 16, 32, 64 units read
