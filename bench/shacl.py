"""Measures the SHACL validation of each report, as pyshacl runs it plainly and as the
build runs it (`pipeline.shacl_speed`), and checks that both find the same problems and
publish the same validation report. Nothing here is a test.

The corpus (`bench/corpus.py`) is the bundled reports copied with implementers of their
own; each report is read and mapped as the build does it (`pipeline.publish.worker`), then
validated plainly and as built, alternately, so both meet the same machine state. The
cross-report graph of the whole corpus is validated both ways too.

    python bench/shacl.py [--reports 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import corpus  # noqa: E402
from rdflib import Graph  # noqa: E402

from pipeline.rdf import MappedGraph, OrganisationResolver, dataset_graph, to_graph  # noqa: E402
from pipeline.read import read_report  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from pipeline.shacl_speed import reference  # noqa: E402
from pipeline.validate import (  # noqa: E402
    DATASET_SHAPES,
    REPORT_SHAPES,
    Shapes,
    Validation,
    load_shapes,
    validate_dataset,
    validate_graph,
)


def plain(shapes: Shapes) -> Shapes:
    """The same shapes in an ordinary rdflib graph, as pyshacl is usually given them."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in shapes.graph.namespaces():
        graph.bind(prefix, namespace)
    for triple in shapes.graph:
        graph.add(triple)
    return Shapes(graph, shapes.codes, shapes.templates)


def mapped_corpus(size: int, folder: Path, settings: Settings) -> list[MappedGraph]:
    parsed = [read_report(path) for path in corpus.make(size, folder)]
    reports = tuple(p.report for p in parsed if p.report is not None)
    resolver = OrganisationResolver(reports)
    return [to_graph(report, settings, resolver) for report in reports]


def same(a: Validation, b: Validation) -> bool:
    return a.problems == b.problems and set(a.report) == set(b.report)


def timed(run: Callable[[MappedGraph], Validation], m: MappedGraph) -> tuple[float, Validation]:
    start = time.perf_counter()
    validation = run(m)
    return time.perf_counter() - start, validation


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=20, help="corpus size (default 20)")
    parser.add_argument("--rounds", type=int, default=3, help="validations of each (default 3)")
    args = parser.parse_args()
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        graphs = mapped_corpus(args.reports, Path(tmp), settings)
    fast = load_shapes(REPORT_SHAPES)
    slow = plain(fast)

    def before(m: MappedGraph) -> Validation:
        with reference():
            return validate_graph(m, settings, slow)

    def after(m: MappedGraph) -> Validation:
        return validate_graph(m, settings, fast)

    before(graphs[0]), after(graphs[0])  # first use: imports, SPARQL texts prepared
    times: dict[str, list[float]] = {"before": [], "after": []}
    differ = []
    for _ in range(args.rounds):
        for m in graphs:
            t0, v0 = timed(before, m)
            t1, v1 = timed(after, m)
            times["before"].append(t0)
            times["after"].append(t1)
            if not same(v0, v1):
                differ.append(m.key)
    triples = statistics.mean(len(m.graph) for m in graphs)
    print(f"{len(graphs)} reports, {triples:.0f} triples each on average, {args.rounds} rounds")
    for label, values in times.items():
        print(
            f"  {label:6}  {statistics.mean(values):.3f} s per report"
            f"  (median {statistics.median(values):.3f}, min {min(values):.3f})"
        )
    speedup = statistics.mean(times["before"]) / statistics.mean(times["after"])
    print(f"  speed-up {speedup:.2f}x")

    dataset = dataset_graph(graphs, settings)
    fast_d = load_shapes(DATASET_SHAPES)
    slow_d = plain(fast_d)
    with reference():
        t0, d0 = timed(lambda m: validate_dataset(m, settings, slow_d), dataset)
    t1, d1 = timed(lambda m: validate_dataset(m, settings, fast_d), dataset)
    print(
        f"cross-report graph ({len(dataset.graph)} triples): before {t0:.3f} s, after {t1:.3f} s,"
        f" {len(d1.problems)} problems"
    )
    if not same(d0, d1):
        differ.append(dataset.key)
    problems = sum(len(after(m).problems) for m in graphs)
    if differ:
        print("DIFFERENT results for: " + ", ".join(sorted(set(differ))))
        return 1
    print(f"identical problems and validation reports ({problems} problems in the reports)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
