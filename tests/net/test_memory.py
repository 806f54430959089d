"""net/memory.py: glibc's malloc told to use two arenas and to hand freed pages back; the hub's
upkeep does the latter every round."""

import ctypes

import pytest

from console.net import memory
from tests.net.test_hub_looking_back import until


def test_freed_heap_pages_go_back_to_the_system():
    if memory._LIBC is None:
        pytest.skip("not glibc")
    blocks = [ctypes.create_string_buffer(4096) for _ in range(20_000)]  # ~80 MB of small blocks
    del blocks
    assert memory.trim() is True  # some pages released


def test_arena_limit_is_taken_by_glibc():
    if memory._LIBC is None:
        pytest.skip("not glibc")
    assert memory.limit_arenas(8) is True  # the process default on 2 cores: changes nothing here


async def test_the_hubs_upkeep_trims_every_round(make_hub, monkeypatch):
    trims = []
    monkeypatch.setattr(memory, "trim", lambda: trims.append(1) or True)
    hub = await make_hub(upkeep_interval=0.05)
    rounds = hub.upkeep_rounds
    await until(lambda: hub.upkeep_rounds >= rounds + 2)
    assert len(trims) >= 2


def test_settle_freezes_what_is_left_after_collecting_start_ups_garbage():
    import gc

    class Cycle:
        pass

    c = Cycle()
    c.me = c
    gone = id(c)
    del c  # garbage only a collection finds: settle must not freeze it
    try:
        frozen = memory.settle()
        assert frozen == gc.get_freeze_count() > 1000
        assert all(id(o) != gone or not isinstance(o, Cycle) for o in gc.get_objects())
        gc.collect()
        assert gc.get_freeze_count() == frozen  # frozen objects stay out of later collections
    finally:
        gc.unfreeze()


async def test_a_served_hub_settles_once_it_listens(store, hub_config, monkeypatch):
    import asyncio

    from console.net import serve
    from console.net.hub import Hub

    settled = []
    monkeypatch.setattr(memory, "settle", lambda: settled.append(1) or 0)
    hub = Hub(store, hub_config, port=0, ping_interval=None)
    stop = asyncio.Event()
    task = asyncio.create_task(serve.serve_until_signalled(hub, stop=stop))
    await until(lambda: settled)
    assert hub.url and settled == [1]
    stop.set()
    await asyncio.wait_for(task, 10)


def test_the_mmap_threshold_is_taken_by_glibc():
    if memory._LIBC is None:
        pytest.skip("not glibc")
    assert memory.fix_mmap_threshold() is True


def test_a_hub_started_from_the_command_line_sets_malloc_up_before_anything_else(monkeypatch):
    from console.net import serve

    calls = []
    monkeypatch.setattr(memory, "limit_arenas", lambda: calls.append("arenas") or True)
    monkeypatch.setattr(memory, "fix_mmap_threshold", lambda: calls.append("mmap") or True)
    monkeypatch.setattr(serve, "resolve_config", lambda _path: (_ for _ in ()).throw(ValueError("stop here")))
    assert serve.run_hub(type("Args", (), {"config": None})(), None) == 2
    assert calls == ["arenas", "mmap"]
