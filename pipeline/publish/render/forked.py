"""A list of work items shared between this process and one forked from it.

The cross-report pages are rendered in the main process, one core, while the other core
answers the queries part of the time. Rendering the organisation and place pages (a
thousand or more, each a few milliseconds) in a second process uses the rest of it.

The items are handed out in small batches from a counter both processes share, so neither
waits for the other however the work is spread. The forked process inherits what the
items need (the site context, built once) instead of receiving it: a copy of the cross-
report data would cost more than the pages. It tells what it did by returning a value
(`report`), made in that process when it has no item left.

Only where the platform forks; elsewhere, and with one job, the items are done here.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any, Generic, TypeVar

R = TypeVar("R")

#: Items taken at once: few enough that both processes finish together, enough that the
#: shared counter's lock is rarely waited for.
BATCH = 8


class _Batches:
    def __init__(self, count: int, counter: Any) -> None:
        self.count = count
        self._counter = counter  # shared with the forked process; None without one
        self._next = 0

    def take(self) -> range:
        if self._counter is None:
            start, self._next = self._next, self.count
            return range(start, self.count)
        with self._counter.get_lock():
            start = self._counter.value
            self._counter.value = min(start + BATCH, self.count)
            return range(start, self._counter.value)

    def stop(self) -> None:
        if self._counter is not None:
            with self._counter.get_lock():
                self._counter.value = self.count


#: What the forked process works on; set in this process just before the fork.
_FORKED: list[tuple[_Batches, Callable[[int], None], Callable[[], Any]]] = []


def _forked() -> Any:
    batches, do, report = _FORKED[0]
    while items := batches.take():
        for i in items:
            do(i)
    return report()


class Shared(Generic[R]):
    """`do(i)` for i in range(count), in this process and a forked one (with `fork`);
    the forked one's `report()` comes back from `finish`.

    Use as a context manager: the forked process starts on entry (so before any thread is
    started, which a fork would not carry over in a sane state), and leaving the block
    stops it, after its current batch, when the block failed."""

    def __init__(
        self, count: int, do: Callable[[int], None], report: Callable[[], R], fork: bool
    ) -> None:
        self._do = do
        self._report = report
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[R] | None = None
        fork = fork and count > BATCH and "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork") if fork else None
        self._batches = _Batches(count, context.Value("q", 0) if context else None)
        self._context = context

    def __enter__(self) -> Shared[R]:
        if self._context is not None:
            _FORKED[:] = [(self._batches, self._do, self._report)]
            # A collection in the forked process would write to every object it
            # inherited, copying their pages: frozen, they are left out.
            self._pool = ProcessPoolExecutor(1, mp_context=self._context, initializer=gc.freeze)
            self._future = self._pool.submit(_forked)
        return self

    def finish(self) -> R | None:
        """Do the items not yet taken, here; then what the forked process reported (None
        when there was none)."""
        while items := self._batches.take():
            for i in items:
                self._do(i)
        return self._future.result() if self._future is not None else None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is None:
            return
        if error is not None:
            self._batches.stop()
        self._pool.shutdown(wait=True, cancel_futures=True)
        _FORKED.clear()
