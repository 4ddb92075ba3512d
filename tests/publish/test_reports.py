"""The process pool the reports are read and built in."""

from __future__ import annotations

import gc
import os
import shutil
import time
import weakref
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from pipeline.publish import pickling
from pipeline.publish.dumps import DumpStatistics
from pipeline.publish.render.money import Total
from pipeline.publish.render.tallies import Tally
from pipeline.publish.reports import (
    Built,
    DamagedEntry,
    ReportFailed,
    _as_read,
    _in_pool,
    _pooled,
    _read_key,
    fewer_full_collections,
    fill,
    gather,
    paused_collections,
)
from pipeline.publish.worker import SUMMARY, Job, ReportOutput, ReportSummary
from pipeline.rdf.namespaces import RDFS, new_graph
from pipeline.rdf.provenance import SourceIndex
from pipeline.read import read_report
from pipeline.settings import Settings
from tests.conftest import MINIMAL


def _frozen() -> int:
    return gc.get_freeze_count()


def _fail_on(n: int) -> int:
    if n == 2:
        raise ValueError("bad input")
    return n * 10


def test_workers_leave_what_they_inherit_out_of_garbage_collection() -> None:
    """Objects the main process holds when the pool starts are frozen in the workers (a
    collection there would otherwise copy every page it touches), and only there."""
    keep = [object() for _ in range(1000)]  # something to inherit
    results = dict(_in_pool(2, _frozen, [(), ()], [0, 1], ["a", "b"]))
    assert results[0] >= len(keep) and results[1] >= len(keep)
    assert gc.get_freeze_count() == 0  # the main process collects as before


def _collecting() -> tuple[bool, tuple[int, ...]]:
    return gc.isenabled(), gc.get_threshold()


def test_workers_collect_garbage_whatever_the_caller_set() -> None:
    """The main process reads summaries with collections paused, and full ones rarer,
    while workers build the reports; forked then, a worker still collects as by default
    (a report's graphs hold cycles: without it, a cold build of 1,000 reports took 3.9 GB,
    and with full collections rarer a worker held 80 MB more)."""
    default = gc.get_threshold()
    with paused_collections(), fewer_full_collections(every=1000):
        found = dict(_in_pool(2, _collecting, [(), ()], [0, 1], ["a", "b"]))
        assert not gc.isenabled() and gc.get_threshold() != default
    assert found == {0: (True, default), 1: (True, default)}
    assert gc.isenabled() and gc.get_threshold() == default


def test_results_come_in_call_order_and_a_failure_names_its_call() -> None:
    assert list(_in_pool(2, _fail_on, [(1,), (3,), (4,)], [0, 1, 2], ["a", "b", "c"])) == [
        (0, 10),
        (1, 30),
        (2, 40),
    ]
    with pytest.raises(ReportFailed, match="b: ValueError"):
        list(_in_pool(2, _fail_on, [(1,), (2,), (4,)], [0, 1, 2], ["a", "b", "c"]))
    assert gc.get_freeze_count() == 0


def _started(flag: str) -> int:
    Path(flag).write_text("started", encoding="utf-8")
    return os.getpid()


def test_one_call_beside_the_caller_runs_in_a_worker_from_the_start(tmp_path: Path) -> None:
    """After one report changed, a worker builds it while the main process reads the other
    reports' summaries: the call starts on entering, before its result is asked for."""
    flag = tmp_path / "flag"
    with _pooled(2, _started, [(str(flag),)], [7], ["a"], beside=True) as results:
        waited = time.monotonic()
        while not flag.exists():
            assert time.monotonic() - waited < 60, "the worker never started"
            time.sleep(0.01)
        ((index, pid),) = list(results)
    assert index == 7 and pid != os.getpid()
    assert gc.get_freeze_count() == 0
    # Whether every call has finished is known before any result is taken: the build
    # starts the queries' process then, not once the caller reaches the report.
    with _pooled(2, _result, [(1,), (2,)], [0, 1], ["a", "b"]) as results:
        waited = time.monotonic()
        while not results.finished():
            assert time.monotonic() - waited < 60, "the workers never finished"
            time.sleep(0.01)
        assert [(i, r.n) for i, r in results] == [(0, 1), (1, 2)]
    # Otherwise one call runs here, when its result is taken.
    flag.unlink()
    with _pooled(2, _started, [(str(flag),)], [7], ["a"]) as results:
        time.sleep(0.2)
        assert not flag.exists() and not results.finished()
        assert list(results) == [(7, os.getpid())]


class _Held:
    """Stands for what a finished build leaves in a reference cycle (its query store)."""

    def __init__(self) -> None:
        self.cycle = self


def test_garbage_is_collected_before_it_could_be_frozen() -> None:
    """An unreachable cycle left by an earlier build is freed when the pool starts: frozen,
    it would outlive the pool and keep what it holds (a store's lock) open."""
    gc.disable()  # the cycle stays until someone collects it
    try:
        held = weakref.ref(_Held())
        assert held() is not None
        list(_in_pool(2, _frozen, [(), ()], [0, 1], ["a", "b"]))
        assert held() is None
    finally:
        gc.enable()


class _Result:
    """Stands for a report as read, sent back by a worker."""

    def __init__(self, n: int) -> None:
        self.n = n


def _result(n: int) -> _Result:
    return _Result(n)


def test_the_pool_keeps_no_result_once_it_is_taken() -> None:
    """A future keeps its result: the pool must let each go once the caller has it, or
    every report read would stay in memory until the last was done."""
    taken: list[weakref.ref[_Result]] = []
    for index, result in _in_pool(
        2, _result, [(n,) for n in range(6)], list(range(6)), list("abcdef")
    ):
        assert result.n == index
        assert [ref() for ref in taken] == [None] * len(taken)
        taken.append(weakref.ref(result))
        del result
    assert len(taken) == 6


def test_a_report_lost_from_the_cache_is_read_again_unless_its_file_changed(
    tmp_path: Path,
) -> None:
    """A worker reads the report as read from the build cache; when the entry is gone it
    reads the file again, which gives the same report only while the file is the one the
    build's record was made from."""
    report = tmp_path / "report.txt"
    shutil.copyfile(MINIMAL, report)
    name = "reports/minimal.txt"
    job = Job(name, _read_key(report, name, None), Settings(), "org", "", report, None)
    missing = tmp_path / "no-entry" / "output.pickle"
    assert _as_read(job, missing) == read_report(MINIMAL, name)
    report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(DamagedEntry, match=r"reports/minimal\.txt: changed while"):
        _as_read(job, missing)


@pytest.mark.parametrize("store", ["SimpleMemory", "Memory"])
def test_a_graph_filled_straight_into_its_store_is_the_graph_add_makes(store: str) -> None:
    triples = [
        (URIRef("https://example.org/a"), RDFS.label, Literal("ā", lang="lv")),
        (URIRef("https://example.org/a"), RDFS.seeAlso, URIRef("https://example.org/b")),
        (URIRef("https://example.org/a"), RDFS.label, Literal("ā", lang="lv")),  # again
    ]
    filled, added = new_graph(store), new_graph(store)
    fill(filled, triples)
    added.addN((*t, added) for t in triples)
    assert len(filled) == 2
    assert set(filled) == set(added)
    assert set(filled.objects(URIRef("https://example.org/a"), RDFS.label)) == {
        Literal("ā", lang="lv")
    }


def test_collections_are_paused_inside_and_as_they_were_after() -> None:
    from pipeline.publish.reports import paused_collections

    assert gc.isenabled()
    with pytest.raises(ValueError), paused_collections():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_collections():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_full_collections_are_fewer_inside_and_as_they_were_after() -> None:
    from pipeline.publish.reports import fewer_full_collections

    before = gc.get_threshold()
    with pytest.raises(ValueError), fewer_full_collections(every=123):
        assert gc.get_threshold() == (before[0], before[1], 123)
        raise ValueError
    assert gc.get_threshold() == before


def _summarised(folder: Path, report: str) -> Built:
    """A cache entry holding a summary with one tally, as a worker writes it."""
    kind, region = "https://example.org/def/kind#events", "https://example.org/def/region#a"
    implementer = "https://example.org/id/organisation/x"
    total = Total(report, region, implementer, 2023, "actual", Decimal("1.50"), report + "#f")
    tally = Tally(report, 1, (), ((kind, 2, 7),), 1, (total,))
    folder.mkdir()
    summary = ReportSummary((), (), SourceIndex(), (), (tally,), DumpStatistics(), ())
    (folder / SUMMARY).write_bytes(pickling.dumps(summary))
    return Built(ReportOutput(report, (), (), (), 0, ""), folder)


def test_gathered_tallies_keep_one_copy_of_what_reports_repeat(tmp_path: Path) -> None:
    # Each summary is unpickled on its own, so each comes with its own copy of every text;
    # a build keeps every report's tally, and kinds, regions, implementers and roles are
    # the same for many reports.
    a, b = "https://example.org/id/report/a", "https://example.org/id/report/b"
    built = [_summarised(tmp_path / "a", a), _summarised(tmp_path / "b", b)]
    tallies = gather(built, lambda i: built[i]).tallies
    first, second = tallies[a], tallies[b]
    assert first.kinds == second.kinds == (("https://example.org/def/kind#events", 2, 7),)
    assert first.kinds[0][0] is second.kinds[0][0]
    one, other = first.totals[0], second.totals[0]
    assert (one.region, one.implementer, one.role) == (other.region, other.implementer, "actual")
    assert one.region is other.region
    assert one.implementer is other.implementer
    assert one.role is other.role
    assert (one.report, one.amount, one.fact) == (a, Decimal("1.50"), a + "#f")
