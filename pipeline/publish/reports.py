"""The per-report stages of a build, in a process pool, through the build cache.

Two passes, because a report's outputs depend on two things only all reports tell: which
organisation a report naming its implementer without a number links to, and the build
date. Pass one reads every report (cached by the file's bytes); pass two maps, validates
and writes each report (cached by everything its outputs depend on, see `cache.py`).
Results come back in input order whatever the number of workers, so the output does not
depend on `--jobs`. Then `gather` reads each report's summary once, for the work across
reports, and keeps only their sums.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing
import pickle
import shutil
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from rdflib import Graph
from rdflib.term import Node

from pipeline.model import Parsed, Span
from pipeline.publish import pickling
from pipeline.publish.cache import BuildCache, entry_key
from pipeline.publish.compact import CompactStore
from pipeline.publish.dumps import DumpStatistics
from pipeline.publish.records import ReportRecord, record_of
from pipeline.publish.render.tallies import Tally, shared
from pipeline.publish.worker import SUMMARY, Job, ReportOutput, ReportSummary, run
from pipeline.rdf import MappedGraph
from pipeline.rdf.namespaces import new_graph
from pipeline.rdf.provenance import SourceIndex
from pipeline.read import Origin, read_report

#: Collections of the middle generation between full ones in the cross-report work.
FULL_COLLECTIONS_EVERY = 100
#: The collector's thresholds as the interpreter started (workers collect with them).
_THRESHOLDS = gc.get_threshold()
#: Beside a report as read in its cache entry: its record.
RECORD = "record.pickle"

#: Called with a stage name, how many items are done, and how many there are.
Progress = Callable[[str, int, int], None]

T = TypeVar("T")


class ReportFailed(Exception):
    """A worker failed on one report (a bug, not bad data): the build stops, naming it."""


class DamagedEntry(Exception):
    """A report's entry in the build cache cannot be read (changed outside lodpipe): the
    report is built again."""


@dataclass(frozen=True, slots=True)
class Built:
    """A report's outputs and the cache entry holding its files."""

    output: ReportOutput
    entry: Path

    @property
    def chunk(self) -> Path:
        return self.entry / self.output.chunk

    def summary(self) -> ReportSummary:
        """What the work across reports reads of this report (read from the entry each
        time: the main process does not keep every report's)."""
        try:
            loaded: object = pickle.loads((self.entry / SUMMARY).read_bytes())
        except Exception as exc:  # whatever the damage, it is built again
            raise DamagedEntry(f"{self.output.key}: {exc!r}") from exc
        if not isinstance(loaded, ReportSummary):
            raise DamagedEntry(f"{self.output.key}: not a report's summary")
        return loaded


def read_all(
    files: Sequence[Path],
    names: Sequence[str],
    cache: BuildCache,
    jobs: int,
    progress: Progress,
    origins: Sequence[Origin | None] | None = None,
) -> list[tuple[ReportRecord, str]]:
    """Read every file (a file that cannot be read gives a record saying so); each record
    with the key of its file's name, bytes, origin and the code ("" if it could not be
    read). The reports as read stay in the cache under that key (`RECORD` beside them):
    only their records are kept here."""
    where = list(origins) if origins is not None else [None] * len(files)
    keys = [
        _read_key(path, name, origin)
        for path, name, origin in zip(files, names, where, strict=True)
    ]
    found: dict[int, ReportRecord] = {}
    for i, key in enumerate(keys):
        cached = cache.load(key, RECORD) if key else None
        if isinstance(cached, ReportRecord) and cache.stored(key).is_file():
            found[i] = cached
        elif key:
            cache.discard(key)  # absent or damaged: read again, and replaced
    todo = [i for i in range(len(files)) if i not in found]
    progress("read", len(found), len(files))
    calls = [(files[i], names[i], where[i]) for i in todo]
    for i, parsed in _in_pool(jobs, _read, calls, todo, [names[i] for i in todo]):
        found[i] = record_of(parsed)
        if keys[i]:
            entry = cache.new_entry()
            (entry / RECORD).write_bytes(pickling.dumps(found[i]))
            cache.commit(entry, keys[i], parsed)
        progress("read", len(found), len(files))
    return [(found[i], keys[i]) for i in range(len(files))]


def _read(path: Path, name: str, origin: Origin | None) -> Parsed:
    if origin is None:
        return read_report(path, name)
    return read_report(path, name, url=origin.url, retrieved=origin.retrieved)


def _read_key(path: Path, name: str, origin: Origin | None) -> str:
    try:
        data = path.read_bytes()
    except OSError:
        return ""  # not cached: read again, so the finding says why
    where = b"" if origin is None else f"{origin.url} {origin.retrieved}".encode()
    return entry_key([b"read", name.encode("utf-8"), hashlib.sha256(data).digest(), where])


def job_key(job: Job) -> str:
    # The report as read is a function of its file's name and bytes and the code: the
    # key of reading it says all three.
    return entry_key(
        [
            b"report",
            job.source.encode("ascii"),
            job.settings.base_iri.encode("utf-8"),
            job.organisation.encode("utf-8"),
            job.build_date.encode("ascii"),
            job.inbound,
        ]
    )


def build_all(
    jobs_: Sequence[Job], cache: BuildCache, jobs: int, progress: Progress, fresh: bool = False
) -> list[Built]:
    """Each report's outputs, from the cache or made by a worker into a new entry (with
    `fresh`, made again whatever the cache holds)."""
    return list(built_in_order(jobs_, cache, jobs, progress, fresh))


def built_in_order(
    jobs_: Sequence[Job],
    cache: BuildCache,
    jobs: int,
    progress: Progress,
    fresh: bool = False,
    ready: Callable[[list[Built]], None] | None = None,
    known: Callable[[list[Built], bool], None] | None = None,
    idle: Callable[[], None] | None = None,
) -> Iterator[Built]:
    """`build_all`'s outputs one by one in report order, each as soon as it and those
    before it are there, so that the caller reads them (`gather`) while workers make the
    rest. With `jobs` of 2 or more, even one report to make goes to a worker when others
    come from the cache: after one report changed, the main process reads the other
    summaries meanwhile, where it waited for it before. When some come from the cache,
    `known` is called with their outputs (in report order) and whether any report is to
    be made, before any is made; `ready` is called with the outputs of the reports made,
    once they are all made (noticed between two reports given out), when any is. `idle`
    is called once, the first time the caller would wait for a worker. When none comes
    from the cache, the outputs are given once all are made."""
    keys = [job_key(job) for job in jobs_]
    found: dict[int, Built] = {}
    todo = []
    for i, key in enumerate(keys):
        cached = None if fresh else cache.load(key)
        if isinstance(cached, ReportOutput) and (cache.entry(key) / SUMMARY).is_file():
            found[i] = Built(cached, cache.entry(key))
        else:
            cache.discard(key)  # a damaged entry, or one to be made again: replaced
            todo.append(i)
    total = len(jobs_)
    progress("build", len(found), total)
    if not todo:
        ready = None
    entries = {i: cache.new_entry() for i in todo}

    def take(index: int, output: ReportOutput) -> None:
        found[index] = Built(output, cache.commit(entries.pop(index), keys[index], output))
        progress("build", len(found), total)

    try:
        calls = [(jobs_[i], entries[i] / "files", cache.stored(jobs_[i].source)) for i in todo]
        labels = [jobs_[i].file for i in todo]
        with _pooled(jobs, _run, calls, todo, labels, beside=bool(found), idle=idle) as made:
            if found:
                if known is not None:  # once the workers are forked: they hold none of it
                    known([found[i] for i in sorted(found)], bool(todo))
                for i in range(total):
                    if i not in found:
                        take(*next(made))  # in call order, which is report order
                    if ready is not None and (len(found) == total or made.finished()):
                        for pair in made:  # made already: taken without waiting
                            take(*pair)
                        ready([found[j] for j in todo])
                        ready = None  # told once
                    yield found[i]
                return
            for pair in made:
                take(*pair)
        # Nothing came from the cache (a cold build): the caller reads the summaries once
        # the workers are gone, so that what it gathers never grows beside them.
        if ready is not None:
            ready([found[i] for i in range(total)])
        yield from (found[i] for i in range(total))
    finally:
        for leftover in entries.values():
            shutil.rmtree(leftover, ignore_errors=True)


def _run(job: Job, files: Path, stored: Path) -> ReportOutput:
    # The worker reads the report from the cache rather than receive it: the main process
    # keeps only records. It writes the site's files under files/, its dump chunk beside.
    files.mkdir(parents=True, exist_ok=True)
    return run(job, _as_read(job, stored), files)


def _as_read(job: Job, stored: Path) -> Parsed:
    """The report of `job` as read, from the cache; read again when the cache entry was
    damaged or removed meanwhile (reading is deterministic: the same report), unless the
    file changed since its record was made."""
    try:
        parsed: object = pickle.loads(stored.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        parsed = None
    if isinstance(parsed, Parsed):
        return parsed
    if _read_key(job.path, job.file, job.origin) != job.source:
        raise DamagedEntry(f"{job.file}: changed while it was being built; build again")
    return _read(job.path, job.file, job.origin)


def _in_pool(
    jobs: int,
    function: Callable[..., T],
    calls: Sequence[tuple[object, ...]],
    indexes: Sequence[int],
    labels: Sequence[str],
) -> Iterator[tuple[int, T]]:
    """`function(*call)` for each call, results in call order, in `jobs` processes (or in
    this one). A call that raises stops the rest and is named by its label."""
    with _pooled(jobs, function, calls, indexes, labels) as results:
        yield from results


class _Results(Iterator[tuple[int, T]]):
    """A pool's results in call order, and whether every call has finished."""

    def __init__(
        self, results: Iterator[tuple[int, T]], futures: Sequence[Future[T]] | None = None
    ) -> None:
        self._results = results
        # calls made here (no futures) are never finished before they are taken
        self._left = len(futures) if futures is not None else -1
        for future in futures or ():
            future.add_done_callback(self._one_done)

    def _one_done(self, _: Future[T]) -> None:
        self._left -= 1  # called by the pool's one thread that collects results

    def __next__(self) -> tuple[int, T]:
        return next(self._results)

    def finished(self) -> bool:
        """True once every call has a result waiting (never for calls made here)."""
        return self._left == 0


@contextlib.contextmanager
def _pooled(
    jobs: int,
    function: Callable[..., T],
    calls: Sequence[tuple[object, ...]],
    indexes: Sequence[int],
    labels: Sequence[str],
    beside: bool = False,
    idle: Callable[[], None] | None = None,
) -> Iterator[_Results[T]]:
    """`_in_pool`'s results, the calls handed to the workers on entering: the caller can
    work between taking results. In this process with one job, or with one call unless
    the caller works `beside` the pool."""
    if jobs <= 1 or not calls or (len(calls) == 1 and not beside):
        yield _Results(_here(function, calls, indexes, labels))
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    # Forked workers share the main process's memory until they write to it, and a garbage
    # collection in a worker writes to every object it inherited (thousands of parsed
    # reports): frozen objects are left out of collections, so their pages stay shared.
    # Garbage is collected first: frozen, it would outlive the pool, and with it whatever
    # it holds (an earlier build's query store, whose lock the next build needs).
    gc.collect()
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(calls)), mp_context=context, initializer=_collecting
        ) as pool:
            # Taken from the front as they are used: a future keeps its result, and kept
            # in a list, every report as read (about 100 KB each) would stay in memory
            # until the last one was done.
            futures = deque(pool.submit(function, *call) for call in calls)
            try:
                yield _Results(_Collected(futures, indexes, labels, idle), tuple(futures))
            finally:
                for pending in futures:
                    pending.cancel()
    finally:
        gc.unfreeze()


def _collecting() -> None:
    """A worker collects its garbage as the interpreter does by default, whatever the
    caller had set when it was forked: each report's graphs hold cycles, and a worker
    forked while `gather` paused collections kept every report's (3.9 GB at 1,000
    reports), one forked under `fewer_full_collections` 80 MB more than it needs."""
    gc.set_threshold(*_THRESHOLDS)
    gc.enable()


def _here(
    function: Callable[..., T],
    calls: Sequence[tuple[object, ...]],
    indexes: Sequence[int],
    labels: Sequence[str],
) -> Iterator[tuple[int, T]]:
    for index, call, label in zip(indexes, calls, labels, strict=True):
        try:
            yield index, function(*call)
        except Exception as exc:
            raise ReportFailed(f"{label}: {exc!r}") from exc


class _Collected(Iterator[tuple[int, T]]):
    """The futures' results in call order, each future let go once its result is taken;
    a failed call stops the rest and is named by its label."""

    def __init__(
        self,
        futures: deque[Future[T]],
        indexes: Sequence[int],
        labels: Sequence[str],
        idle: Callable[[], None] | None = None,
    ) -> None:
        self._futures = futures
        self._named = iter(zip(indexes, labels, strict=True))
        self._idle = idle

    def __next__(self) -> tuple[int, T]:
        index, label = next(self._named)
        future = self._futures.popleft()
        if self._idle is not None and not future.done():
            idle, self._idle = self._idle, None
            idle()  # work the caller would do later anyway, while the worker works
        try:
            result = future.result()
        except Exception as exc:
            for pending in self._futures:
                pending.cancel()
            raise ReportFailed(f"{label}: {exc!r}") from exc
        return index, result


@dataclass(frozen=True, slots=True)
class Gathered:
    """What the work across reports reads of every report, read once: one report's summary
    at a time, so the main process keeps these sums and graphs and no report's summary."""

    #: what the reports state about organisations and places, where it was first read
    commons: MappedGraph
    summary: Graph  # the triples the cross-report pages read, of every report
    uses: Counter[str]  # vocabulary term -> triples using it, in the reports' parts
    tallies: dict[str, Tally]  # by report document IRI
    statistics: DumpStatistics  # of the reports' parts of the dumps
    built: list[Built]  # every report's outputs, in report order (as built again if so)


def gather(arriving: Iterable[Built], again: Callable[[int], Built]) -> Gathered:
    """Reads every report's summary once, in report order, as the reports arrive (see
    `built_in_order`); a report whose cached summary cannot be read is built again
    (`again`, given its place), in its place."""
    built: list[Built] = []
    # Only read by lodpipe (the dataset graph is made anew), and large: see `compact`. No
    # prefixes: a graph's namespace manager refers back to it, and in such a cycle a graph
    # frozen out of garbage collection with the summaries outlives its last use.
    commons = Graph(store=CompactStore(), bind_namespaces="none")
    store = CompactStore()  # the summary graph is the largest thing a build holds
    summary = new_graph(store)
    nodes: dict[str, Span] = {}
    fields: dict[tuple[str, str], Span] = {}
    uses: Counter[str] = Counter()
    tallies: dict[str, Tally] = {}
    statistics = DumpStatistics()
    # The summary graph grows by hundreds of thousands of objects, none in a cycle: each
    # full collection on the way walked every one of them again.
    with paused_collections():
        for i, b in enumerate(arriving):
            try:
                one = b.summary()
            except DamagedEntry:
                b = again(i)
                one = b.summary()
            built.append(b)
            fill(commons, one.shared)
            for iri, span in one.sources.nodes.items():
                nodes[iri] = min(nodes.get(iri, span), span, key=_span_order)
            for pair, span in one.sources.fields.items():
                fields[pair] = min(fields.get(pair, span), span, key=_span_order)
            fill(summary, one.summary)
            fill(summary, one.results)
            uses.update(dict(one.uses))
            tallies.update((t.report, shared(t)) for t in one.tallies)
            statistics += one.statistics
    return Gathered(
        MappedGraph("commons", commons, SourceIndex(nodes, fields)),
        summary,
        uses,
        tallies,
        statistics,
        built,
    )


def fill(graph: Graph, triples: Iterable[tuple[Node, Node, Node]]) -> None:
    """Add `triples` (terms lodpipe made) to `graph`, a graph without named-graph
    bookkeeping, straight into its store: `Graph.addN` checks every term again, and the
    summary graph takes hundreds of thousands of triples on every build."""
    store = graph.store
    if isinstance(store, CompactStore):
        store.extend(triples)
        return
    add = store.add
    for triple in triples:
        add(triple, graph)


@contextlib.contextmanager
def paused_collections() -> Iterator[None]:
    """No cyclic garbage collection inside (reference counting still frees what is let
    go), then as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextlib.contextmanager
def fewer_full_collections(every: int = FULL_COLLECTIONS_EVERY) -> Iterator[None]:
    """Full collections only after `every` collections of the middle generation (Python's
    default is 10; a higher threshold already set stays), then as it was. What is frozen is never walked, but the cross-report
    work makes millions of long-lived objects after the freeze (the labels, the pages'
    slices and views), and each full collection walked them all again: 31 collections took
    15 s of a rebuild after one change at 10,000 reports. Young garbage is still collected
    as often."""
    before = gc.get_threshold()
    gc.set_threshold(before[0], before[1], max(every, before[2]))
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _span_order(span: Span) -> tuple[str, int, int]:
    return (span.file, span.start, span.end)
