"""Work shared with a forked process: every item is done once, by one of the two, and a
failure in either stops the build."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from pipeline.publish.render import forked
from pipeline.publish.render.forked import Shared

COUNT = 200


def _items(folder: Path) -> dict[int, int]:
    """item -> the process that did it, from the files the items wrote."""
    return {int(p.stem): int(p.read_text()) for p in folder.iterdir()}


def test_every_item_is_done_once_by_one_of_two_processes(tmp_path: Path) -> None:
    done: list[int] = []

    def do(i: int) -> None:
        with (tmp_path / f"{i}.txt").open("x") as file:  # "x": a second time would fail
            file.write(str(os.getpid()))
        done.append(i)
        time.sleep(0.005)  # leaves items for the forked process, however slow it starts

    with Shared(COUNT, do, lambda: tuple(done), fork=True) as shared:
        theirs = shared.finish()
    assert theirs is not None
    mine = tuple(done)
    assert sorted(mine + theirs) == list(range(COUNT))
    made = _items(tmp_path)
    assert sorted(made) == list(range(COUNT))
    assert {made[i] for i in mine} == {os.getpid()}
    assert os.getpid() not in {made[i] for i in theirs}
    assert theirs, "the forked process took a share"


def test_without_fork_every_item_is_done_here(tmp_path: Path) -> None:
    done: list[int] = []
    with Shared(COUNT, done.append, lambda: "never", fork=False) as shared:
        assert shared.finish() is None
    assert done == list(range(COUNT))


def test_a_failure_in_the_forked_process_reaches_this_one(tmp_path: Path) -> None:
    def do(i: int) -> None:
        if os.getpid() != parent:
            raise ValueError(f"item {i} failed")
        time.sleep(0.01)  # leaves items for the forked process, however slow it starts

    parent = os.getpid()
    with pytest.raises(ValueError, match="failed"), Shared(COUNT, do, lambda: None, True) as shared:
        shared.finish()


def test_a_failure_here_stops_the_forked_process(tmp_path: Path) -> None:
    def do(i: int) -> None:
        (tmp_path / f"{i}.txt").write_text(str(os.getpid()))
        if os.getpid() == parent and i >= forked.BATCH:
            raise ValueError("stop")
        if os.getpid() != parent:
            os.sched_yield()

    parent = os.getpid()
    with pytest.raises(ValueError, match="stop"), Shared(100_000, do, lambda: None, True) as shared:
        shared.finish()
    # the block was left only when the forked process had stopped: nothing more is written
    written = len(list(tmp_path.iterdir()))
    assert written < 100_000
    assert len(list(tmp_path.iterdir())) == written
