"""The queries page's questions answered in a process of their own, beside the build.

A query in a thread beside the rendering took turns with it on Python's lock (7.7 s of
queries and 6.7 s of Python took 13.3 s together). A second interpreter starts as soon as
the build knows which reports come from its cache, before it makes the others: it starts,
opens the store and loads those reports' parts of the dump (`querystore`) meanwhile, then
the parts of the reports made, told of them once they are (`Answering.more`; a cold build,
which has none from the cache, starts it then). It answers while the build gathers the
summaries and writes the data files, then takes the rest (the shared graph with the
cross-report validation results, and the vocabulary) and sends the answers back.

It asks its queries side by side, in as many threads as the build has jobs: two queries
in two threads of one process run at once (the seven took 7.6 s one after the other at
1,000 reports, 4.2 s in two threads), so the answers no longer bound a rebuild after one
change, whose main process needs them about ten seconds in.

Most often a rebuild changes reports only: the shared graph and the vocabulary are those
of the last site. So once it has loaded the reports' new parts, the process answers the
queries over the last site's other parts while the build works them out. Graphs are named
by their content, so when the site's parts turn out to be those the store held, these
answers are the site's; otherwise they are made again.

A new interpreter, neither a fork nor multiprocessing's "spawn": a fork of a process that
ran the store's engine before can hang in it (the engine's threads are not copied, their
locks are), and "spawn" runs the caller's main module again. It imports from the build's
own `sys.path`, so it runs the same lodpipe, whatever the current folder holds.

The files it is handed are written in a new folder of the build's own, so a large
archive's list of parts never waits on a pipe. When the build stops, it stops the
process; when the build dies, the process reads the end of its input and stops, at once
or, while a query holds Python's lock, once it lets go of it. A load it interrupted is
undone by the next build (`loaded.json`).
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import queue
import subprocess
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO

from pipeline.publish import pickling
from pipeline.publish.answers import Answered, answered
from pipeline.publish.querystore import (
    Part,
    StoreBusy,
    graph_names,
    last_site,
    open_store,
    remember_site,
    shared_file,
    site_parts,
    update,
)
from pipeline.store import Dataset, query_files, run_query_file

#: Imports what the build imports: its `sys.path`, not the current folder first.
_BOOTSTRAP = (
    "import json, os, runpy, sys; sys.path[:] = json.loads(os.environ['LODPIPE_SYS_PATH']); "
    f"runpy.run_module({__name__!r}, run_name='__main__')"
)


#: The parts of a site's dataset, and those of them that are not the reports'.
_Site = tuple[list[Part], list[Part]]


class QueriesFailed(Exception):
    """The process answering the queries stopped before it answered."""


class Answering:
    """The queries being answered in a process of their own (see `answering`)."""

    def __init__(self, process: subprocess.Popen[bytes], handover: Path) -> None:
        self._process = process
        self._handover = handover

    def more(self, reports: Sequence[Path]) -> None:
        """The reports' parts made since the process started (`answering` with `more`):
        it loads them, then answers early."""
        (self._handover / "more.json").write_text(
            json.dumps({"reports": [str(path) for path in reports]}), encoding="utf-8"
        )
        self._say(b"more\n")

    def complete(self, shared: bytes, reports: Sequence[Path], data: Path) -> None:
        """Every part is known now: the `shared` N-Triples (with the cross-report validation
        results), the reports' parts (of the dump and of the validation results) and, in
        `data`, the vocabulary. Raises `StoreBusy` (or `QueriesFailed`) now when the
        process has already stopped."""
        if self._process.poll() is not None:
            self.answers()  # it stopped without an order: this says why
        (self._handover / "shared.nt").write_bytes(shared)
        order = {"reports": [str(path) for path in reports], "data": str(data)}
        (self._handover / "order.json").write_text(json.dumps(order), encoding="utf-8")
        self._say(b"go\n")

    def _say(self, line: bytes) -> None:
        assert self._process.stdin is not None
        with contextlib.suppress(BrokenPipeError):  # it stopped: `answers` says why
            self._process.stdin.write(line)
            self._process.stdin.flush()

    def answers(self) -> tuple[Answered, ...]:
        """Waits for the answers; raises `StoreBusy` or `QueriesFailed`."""
        out, err = self._process.communicate()
        try:
            kind, value = pickle.loads(out)
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError) as exc:
            said = err.decode("utf-8", "replace").strip().splitlines()
            why = said[-1] if said else f"exit status {self._process.returncode}"
            raise QueriesFailed(f"the queries could not be answered: {why}") from exc
        if kind == "busy":
            raise StoreBusy(value)
        return tuple(value)


@contextlib.contextmanager
def answering(
    folder: Path,
    scratch: Path,
    reports: Sequence[Path],
    directory: Path,
    more: bool = False,
    threads: int = 1,
) -> Iterator[Answering]:
    """The queries of `directory` answered over the dataset of a site being built, from the
    store kept in `folder`, in a process started now; it loads the `reports`' parts of the
    dump while the build works out the rest, which `Answering.complete` gives it. With
    `more`, the build has reports still to make: it names their parts with `Answering.more`
    first, and the process answers nothing before. It answers up to `threads` queries at
    once. The files handed over go in a new
    folder inside `scratch`, removed with them; nothing else there is touched."""
    scratch.mkdir(parents=True, exist_ok=True)
    handover = Path(tempfile.mkdtemp(dir=scratch, prefix="queries-"))
    request = handover / "request.json"
    handed = (request, handover / "more.json", handover / "order.json", handover / "shared.nt")
    try:
        asked = {
            "reports": [str(path) for path in reports],
            "directory": str(directory),
            "more": more,
            "threads": max(1, threads),
        }
        request.write_text(json.dumps(asked), encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-c", _BOOTSTRAP, str(folder), str(handover)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "LODPIPE_SYS_PATH": json.dumps(sys.path)},
        )
        try:
            yield Answering(process, handover)
        finally:
            if process.poll() is None:
                process.kill()
            process.communicate()
    finally:
        for path in handed:
            path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            handover.rmdir()


def _answer(folder: Path, handover: Path, orders: IO[bytes]) -> bytes:
    """What the process writes: its answers, or that the store is held elsewhere."""
    told = _told(orders)
    asked = json.loads((handover / "request.json").read_text(encoding="utf-8"))
    try:
        store = open_store(folder)
    except StoreBusy as exc:
        return pickling.dumps(("busy", str(exc)))
    known: dict[tuple[str, int, int, int], Part] = {}

    def part(path: str) -> Part:
        # The build may replace a report's cache entry (a damaged one is built again)
        # after it named its files: a file is known by its name and its state on disk.
        state = os.stat(path)
        at = (path, state.st_ino, state.st_size, state.st_mtime_ns)
        if at not in known:
            known[at] = Part.of_file(Path(path))
        return known[at]

    def ordered() -> _Site:
        """The site's parts as the build names them: the reports', then the others."""
        order = json.loads((handover / "order.json").read_text(encoding="utf-8"))
        shared = shared_file(folder, (handover / "shared.nt").read_bytes())
        reports = [part(path) for path in order["reports"]]
        parts = site_parts(shared, reports, Path(order["data"]))
        theirs = set(reports)
        return parts, [p for p in parts if p not in theirs]

    directory = Path(asked["directory"])
    guess = last_site(folder)
    held: frozenset[str] | None = None
    # A head start only: a part that cannot be read now (replaced, damaged and about to
    # be built again) is left to the order, which names the parts as they end up.
    head: list[Part] = []
    unread = False

    def load(paths: Sequence[str]) -> frozenset[str] | None:
        nonlocal unread
        try:
            head.extend([part(path) for path in paths])
            if unread:
                return None
            if guess:
                return update(store, folder, head, keep=guess)
            update(store, folder, head, more=True)
        except Exception:
            unread = True  # and no graph of the reports read so far is removed again
        return None

    held = load(asked["reports"])
    if asked.get("more"):
        line = told.get()
        if line == b"more\n":
            more = json.loads((handover / "more.json").read_text(encoding="utf-8"))
            held = load(more["reports"])
        else:
            told.put(line)  # the order, without the rest: read as the order
    site: _Site | None = None
    early: list[Answered] | None = None
    with ThreadPoolExecutor(max_workers=int(asked.get("threads", 1))) as pool:
        if held is not None and guess <= held:
            held_now = Dataset(store=store, files=())
            site, early = _early(held_now, held, directory, told, ordered, pool)
        if site is None:
            told.get()
            site = ordered()
        parts, others = site
        holds = update(store, folder, parts)
        remember_site(folder, others)
        if early is not None and holds == held:
            return pickling.dumps(("answers", tuple(early)))
        dataset = Dataset(store=store, files=tuple(p.path for p in parts))
        # Each answer is cut to what the page keeps as soon as it is made: every row of
        # every answer at once would be held here and, unpickled, in the build.
        answers = tuple(question.result() for question in _ask(pool, dataset, directory))
    return pickling.dumps(("answers", answers))


def _ask(pool: ThreadPoolExecutor, dataset: Dataset, directory: Path) -> list[Future[Answered]]:
    """The queries of `directory` asked of `dataset` at once, as many answered side by
    side as `pool` has threads; their answers in the queries' order."""
    return [pool.submit(_asked, dataset, path) for path in query_files(directory)]


class _Unanswered(Exception):
    """A query of the site failed (its message names the query's file)."""


def _asked(dataset: Dataset, path: Path) -> Answered:
    try:
        return answered(run_query_file(dataset, path))
    except Exception as exc:
        raise _Unanswered(f"{path.name}: {_line(exc)}") from exc


def _line(exc: BaseException) -> str:
    """The error in one line: its kind and the first line of what it says."""
    said = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {said[0]}" if said else type(exc).__name__


def _early(
    dataset: Dataset,
    held: frozenset[str],
    directory: Path,
    told: queue.Queue[bytes],
    ordered: Callable[[], _Site],
    pool: ThreadPoolExecutor,
) -> tuple[_Site | None, list[Answered] | None]:
    """The queries answered over the graphs `held` (the reports' parts and the last site's
    others) before the build names the site's parts: most often only reports changed, and
    the rest is what it was. Between answers, the build's order is read when it came; the
    answers are given up once it names other graphs, or when a query fails (asked again
    over the site's parts). Returns the site's parts if the order was read, and the
    answers, or None."""
    site: _Site | None = None
    answers: list[Answered] = []
    asked = _ask(pool, dataset, directory)
    try:
        for question in asked:
            if site is None and not told.empty():
                told.get()
                site = ordered()
                if graph_names(site[0]) != held:
                    return site, None
            try:
                answers.append(question.result())
            except Exception:  # asked again, over the site's parts
                return site, None
    finally:
        # Given up: what has not started is not started (the store changes next).
        for question in asked:
            question.cancel()
    return site, answers


def _told(orders: IO[bytes]) -> queue.Queue[bytes]:
    """The build's word to go on; the end of the input before it (the build stopped or
    died) ends this process at once, whatever it is doing."""
    told: queue.Queue[bytes] = queue.Queue()

    def listen() -> None:
        while True:
            line = orders.readline()
            if not line:
                os._exit(0)
            told.put(line)
            if line != b"more\n":
                return  # the order to go: the input's end after it is the build's wait

    threading.Thread(target=listen, daemon=True).start()
    return told


def _main() -> None:
    try:
        answer = _answer(Path(sys.argv[1]), Path(sys.argv[2]), sys.stdin.buffer)
    except BaseException as exc:
        # The build names the last line this process wrote on its errors: the error in one
        # line, after its traceback. An interpreter that shut down normally here could
        # end with its own complaint about the thread still reading the input instead.
        traceback.print_exc()
        said = str(exc) if isinstance(exc, _Unanswered) else _line(exc)
        sys.stderr.write(said + "\n")
        sys.stderr.flush()
        os._exit(1)
    sys.stdout.buffer.write(answer)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    _main()
