"""The build as a unit: every stage runs, the site is swapped in whole or not at all."""

from __future__ import annotations

import gc
import gzip
import os
import subprocess
import sys
import weakref
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, SH, Graph

import pipeline.publish.build as build_module
import pipeline.validate as validate_module
from pipeline.publish.build import BuildError, build_site
from pipeline.publish.reports import FULL_COLLECTIONS_EVERY
from pipeline.rdf import DATASET_KEY
from pipeline.settings import Settings
from tests.conftest import MINIMAL, REPO, REPORTS
from tests.sample import dump_text

BUNDLED = sorted(REPORTS.glob("*.txt"))


def test_build_writes_the_data_files(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = build_site(BUNDLED, Settings(out_dir=out))
    assert result.exit_code == 0
    names = {p.as_posix() for p in result.files}
    assert {
        "data/dataset.nt.gz",
        "data/dataset.jsonld.gz",
        "data/validation.nt.gz",
        "data/activities.csv",
        "data/csv-metadata.json",
    } <= names
    assert all((out / p).is_file() for p in result.files)
    assert not list(tmp_path.glob(".site.*")), "no staging folder is left behind"
    # The SHACL results: every report's and the cross-report ones, each problem once.
    results = Graph().parse(
        data=gzip.decompress((out / "data" / "validation.nt.gz").read_bytes()).decode(),
        format="nt",
    )
    found = {v.key: len(v.problems) for v in result.validations}
    assert len(found) == len(BUNDLED) + 1 and sum(found.values()) > 0
    for key, count in found.items():
        node = next(
            r
            for r in results.subjects(RDF.type, SH.ValidationReport)
            if f"/{key}#" in str(r) or str(r).endswith(f"/{key}")
        )
        assert len(list(results.objects(node, SH.result))) == count, key
    assert len(set(results.subjects(RDF.type, SH.ValidationResult))) == sum(found.values())


def test_a_failing_stage_leaves_the_previous_site_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    build_site([MINIMAL], Settings(out_dir=out))
    # The build keeps the summaries out of garbage collection while it works: after it,
    # collections are as they were.
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken(*args: object, **kwargs: object) -> list[Path]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_module, "join_tables", broken)
    with pytest.raises(BuildError, match="could not be written"):
        build_site(BUNDLED, Settings(out_dir=out))
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.glob(".site.*"))


def test_a_bad_report_does_not_stop_the_others(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "site"
    result = build_site([empty, MINIMAL], Settings(out_dir=out))
    assert result.exit_code == 2
    assert [r.read for r in result.records] == [False, True]
    assert "/id/organisation/lv-re-40008000001>" in dump_text(out)


def test_rebuilding_gives_byte_identical_files(tmp_path: Path) -> None:
    def snapshot(out: Path, seed: str) -> dict[str, bytes]:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pipeline",
                "build",
                "--quiet",
                "--out",
                str(out),
                *[str(p.relative_to(REPO)) for p in BUNDLED],
            ],
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
            capture_output=True,
        )
        return {
            p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()
        }

    first, second = snapshot(tmp_path / "a", "1"), snapshot(tmp_path / "b", "2")
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_build_cli_reports_problems_and_exit_code(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text(
        MINIMAL.read_text(encoding="utf-8").replace("Valsts pārvaldes uzdevuma veicējs", "?"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "build", "--out", str(tmp_path / "site"), str(broken)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{broken}: error structure.missing-section" in result.stderr
    bad_base = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "build",
            "--base",
            "https://example.org/x",
            str(MINIMAL),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad_base.returncode == 2 and "--base" in bad_base.stderr


def test_parallel_validation_gives_the_same_results(tmp_path: Path) -> None:
    from pipeline.publish.mapping import read_and_map

    names = [f"reports/{p.name}" for p in BUNDLED]
    serial = read_and_map(BUNDLED, Settings(out_dir=tmp_path, jobs=1), names=names)
    parallel = read_and_map(BUNDLED, Settings(out_dir=tmp_path, jobs=2), names=names)
    assert [v.problems for v in parallel.validations] == [v.problems for v in serial.validations]
    assert [sorted(v.report) for v in parallel.validations] == [
        sorted(v.report) for v in serial.validations
    ]
    assert sum(len(v.problems) for v in serial.validations) == 20  # the warnings of test_queries


def test_a_query_process_that_dies_fails_the_build_and_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.publish.queryprocess as queryprocess

    out = tmp_path / "site"
    build_site([MINIMAL], Settings(out_dir=out))
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    # An interpreter that stops as one the system ran out of memory for would.
    dying = tmp_path / "python"
    dying.write_text("#!/bin/sh\necho 'MemoryError: out of memory' >&2\nexit 1\n")
    dying.chmod(0o755)
    monkeypatch.setattr(queryprocess.sys, "executable", str(dying))
    with pytest.raises(BuildError, match="the queries could not be answered: MemoryError"):
        build_site(BUNDLED, Settings(out_dir=out))
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert not list(tmp_path.glob(".site.*"))


def test_a_query_store_in_use_by_another_build_fails_the_build_by_name(tmp_path: Path) -> None:
    import gc

    from pipeline.publish.querystore import query_store

    out, cache = tmp_path / "site", tmp_path / "cache"
    build_site([MINIMAL], Settings(out_dir=out, cache_dir=cache))
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    held = query_store(cache / "queries", [])  # as another build sharing the cache would
    with pytest.raises(BuildError, match="in use by another build"):
        build_site(BUNDLED, Settings(out_dir=out, cache_dir=cache))
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    del held
    gc.collect()
    assert build_site(BUNDLED, Settings(out_dir=out, cache_dir=cache)).exit_code in (0, 1)


def test_the_cross_report_validation_is_kept_under_its_graph_and_its_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same graph with its facts read elsewhere (a report edited above them) gives
    problems at other lines: it is checked again; so is another graph."""
    from rdflib import Literal, URIRef

    from pipeline.model import Span
    from pipeline.publish.cache import BuildCache
    from pipeline.rdf import DATASET_KEY, MappedGraph
    from pipeline.rdf.namespaces import RDFS, new_graph
    from pipeline.rdf.provenance import SourceIndex
    from pipeline.validate import validate_dataset

    calls: list[object] = []

    def counted(*args: object) -> object:
        calls.append(args)
        return validate_dataset(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "validate_dataset", counted)
    settings = Settings(out_dir=tmp_path / "site")
    cache = BuildCache(tmp_path / "cache")
    org = "https://w3id.org/lodpipe/id/organisation/x"
    graph = new_graph()
    graph.add((URIRef(org), RDFS.label, Literal("X")))

    def check(graph: object, line: int) -> None:
        sources = SourceIndex({org: Span("reports/a.txt", line, line, line * 10, line * 10 + 5)})
        shared = MappedGraph(DATASET_KEY, graph, sources)  # type: ignore[arg-type]
        assert build_module._validate_dataset(shared, settings, cache).key == DATASET_KEY

    check(graph, 3)
    check(graph, 3)
    assert len(calls) == 1
    check(graph, 4)
    assert len(calls) == 2
    graph.add((URIRef(org), RDFS.label, Literal("Y")))
    check(graph, 4)
    assert len(calls) == 3


def test_a_damaged_cross_report_check_in_the_cache_replaces_only_its_own_entry(
    tmp_path: Path,
) -> None:
    """The kept check cannot be read: it is made again into its own entry; the other
    entries and the files beside them stay as they were."""
    from rdflib import Literal, URIRef

    from pipeline.publish.cache import BuildCache
    from pipeline.rdf import DATASET_KEY, MappedGraph
    from pipeline.rdf.namespaces import RDFS, new_graph
    from pipeline.rdf.provenance import SourceIndex

    cache = BuildCache(tmp_path / "cache")
    other = cache.commit(cache.new_entry(), "cd" * 32, "another entry")
    (other / "kept.txt").write_text("beside it")
    graph = new_graph()
    graph.add((URIRef("https://w3id.org/lodpipe/id/organisation/x"), RDFS.label, Literal("X")))
    shared = MappedGraph(DATASET_KEY, graph, SourceIndex())
    settings = Settings(out_dir=tmp_path / "site")
    first = build_module._validate_dataset(shared, settings, cache)
    entries = [e for e in (tmp_path / "cache" / "entries").glob("*/*") if e != other]
    assert len(entries) == 1
    (entries[0] / "output.pickle").write_bytes(b"damaged")
    assert build_module._validate_dataset(shared, settings, cache) == first
    assert cache.load("cd" * 32) == "another entry"
    assert (other / "kept.txt").read_text() == "beside it"
    assert (tmp_path / "cache" / ".lodpipe-cache").is_file()


def test_what_only_the_data_files_need_is_let_go_before_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pages read the summary graph alone. The cross-report graph (in rdflib's store)
    # and the reports' shared graph are in it too, and holding them as well added about a
    # tenth to the build's peak, which comes while the pages are written.
    graphs: list[weakref.ref[object]] = []
    kept: list[weakref.ref[object]] = []  # what the pages read
    real_dataset, real_gather = build_module.dataset_graph, build_module.gather

    def dataset(*args: Any, **kwargs: Any) -> Any:
        made = real_dataset(*args, **kwargs)
        graphs.append(weakref.ref(made.graph))
        return made

    def gather(*args: Any, **kwargs: Any) -> Any:
        made = real_gather(*args, **kwargs)
        graphs.append(weakref.ref(made.commons.graph))
        kept.append(weakref.ref(made.summary))
        return made

    alive: list[bool] = []
    real_render = build_module.render_site

    def render(*args: Any, **kwargs: Any) -> Any:
        alive.extend(ref() is not None for ref in (*graphs, *kept))
        return real_render(*args, **kwargs)

    real_results = validate_module._report_graph

    def results(key: str, *args: Any, **kwargs: Any) -> Any:
        made = real_results(key, *args, **kwargs)
        if key == DATASET_KEY and not alive:  # the cross-report graph's, before the pages
            graphs.append(weakref.ref(made))
        return made

    monkeypatch.setattr(validate_module, "_report_graph", results)
    monkeypatch.setattr(build_module, "dataset_graph", dataset)
    monkeypatch.setattr(build_module, "gather", gather)
    monkeypatch.setattr(build_module, "render_site", render)
    build_site([MINIMAL, *sorted(REPORTS.glob("*.txt"))[:1]], Settings(out_dir=tmp_path / "site"))
    assert alive == [False, False, False, True]


def test_the_work_across_reports_runs_with_fewer_full_collections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It makes millions of long-lived objects at archive scale, and each full collection
    # walked every one of them again.
    seen: list[tuple[int, int, int]] = []
    real_render = build_module.render_site

    def render(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.get_threshold())
        return real_render(*args, **kwargs)

    monkeypatch.setattr(build_module, "render_site", render)
    before = gc.get_threshold()
    build_site([MINIMAL], Settings(out_dir=tmp_path / "site"))
    assert seen == [(before[0], before[1], FULL_COLLECTIONS_EVERY)]
    assert before[2] < FULL_COLLECTIONS_EVERY
    assert gc.get_threshold() == before


def test_reports_from_several_folders_give_the_site_of_one_folder(tmp_path: Path) -> None:
    """What is published names a report by its file name: the folders the reports were
    read from change no byte, and the tables stay in the order of their key (the name)."""
    import shutil

    first, second = BUNDLED[0], BUNDLED[1]  # 000_…, 001_…
    together = tmp_path / "one"
    together.mkdir()
    # in path order 001_… (folder a) comes before 000_… (folder b)
    apart = [tmp_path / "b" / first.name, tmp_path / "a" / second.name]
    for path, original in ((apart[0], first), (apart[1], second)):
        path.parent.mkdir()
        shutil.copyfile(original, path)
        shutil.copyfile(original, together / original.name)
    sites = {}
    for name, inputs in (("one", sorted(together.iterdir())), ("apart", apart)):
        out = tmp_path / f"site-{name}"
        assert build_site(inputs, Settings(out_dir=out, jobs=1)).exit_code == 0
        sites[name] = {
            p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*"))
            if p.is_file()
        }
    assert sites["apart"].keys() == sites["one"].keys()
    differing = [p for p in sites["one"] if sites["one"][p] != sites["apart"][p]]
    assert differing == []
    rows = sites["apart"]["data/activities.csv"].decode("utf-8").splitlines()[1:]
    assert rows[0].startswith(first.name) and rows[-1].startswith(second.name)
