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
