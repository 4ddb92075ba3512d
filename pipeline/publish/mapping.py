"""Every report read, mapped and validated at once, held in memory: for `lodpipe check`
and for tests that compare a build with the whole graphs. A build keeps a record of each
report instead and works report by report (`build.py`)."""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pipeline.model import Parsed, Problem, Report
from pipeline.publish.build import BuildError, Progress
from pipeline.rdf import MappedGraph, OrganisationResolver, dataset_graph, to_graph
from pipeline.read import read_report
from pipeline.settings import Settings
from pipeline.validate import (
    Shapes,
    Validation,
    load_shapes,
    validate_dataset,
    validate_graph,
    validation_of,
)


def _quiet(stage: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True, slots=True)
class Mapped:
    """What the stages before publishing produce when every report is held at once
    (`read_and_map`, for checks); a build keeps records instead (`Build`)."""

    settings: Settings
    parsed: tuple[Parsed, ...]
    reports: tuple[Report, ...]
    graphs: tuple[MappedGraph, ...]  # one per report, in report order
    shared: MappedGraph  # organisations and the Ministry, across reports
    validations: tuple[Validation, ...]  # one per report graph, then the shared graph


def read_and_map(
    files: Sequence[Path],
    settings: Settings,
    progress: Progress = _quiet,
    names: Sequence[str] | None = None,
) -> Mapped:
    """Parse every file, map the readable reports to RDF and validate each graph.

    `names` are how the files are named in findings and provenance (default: as given).
    With `settings.jobs` > 1, report graphs are validated in that many processes: each report's graph
    is checked on its own, so the results are the same, in the same order."""
    parsed: list[Parsed] = []
    for i, path in enumerate(files):
        progress("read", i, len(files))
        parsed.append(read_report(path, names[i] if names else None))
    progress("read", len(files), len(files))
    return map_and_validate(parsed, settings, progress)


def map_and_validate(
    parsed: Sequence[Parsed],
    settings: Settings,
    progress: Progress = _quiet,
) -> Mapped:
    """Map the readable reports among `parsed` to RDF and validate each graph."""
    reports = tuple(p.report for p in parsed if p.report is not None)
    organisations = OrganisationResolver(reports)
    graphs = tuple(to_graph(r, settings, organisations) for r in reports)
    shared = dataset_graph(graphs, settings)
    try:
        shapes = load_shapes()
    except (OSError, SyntaxError, ValueError) as exc:
        raise BuildError(f"the SHACL shapes could not be read: {exc}") from exc
    if settings.jobs > 1 and len(reports) > 1:
        validations = _validate_in_parallel(reports, graphs, settings, organisations, progress)
    else:
        validations = []
        for i, graph in enumerate(graphs):
            progress("validate", i, len(graphs))
            validations.append(validate_graph(graph, settings, shapes))
    validations.append(validate_dataset(shared, settings))
    progress("validate", len(graphs), len(graphs))
    return Mapped(settings, tuple(parsed), reports, graphs, shared, tuple(validations))


def _validate_in_parallel(
    reports: Sequence[Report],
    graphs: Sequence[MappedGraph],
    settings: Settings,
    organisations: OrganisationResolver,
    progress: Progress,
) -> list[Validation]:
    # Workers get the domain model (cheap to send) and map it again rather than receive
    # rdflib graphs; only the problems come back.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(
        max_workers=min(settings.jobs, len(reports)), mp_context=context
    ) as pool:
        futures = [pool.submit(_problems_of, r, settings, organisations) for r in reports]
        found: list[tuple[Problem, ...]] = []
        for i, future in enumerate(futures):
            progress("validate", i, len(futures))
            found.append(future.result())
    return [validation_of(g.key, p, settings) for g, p in zip(graphs, found, strict=True)]


def _problems_of(
    report: Report, settings: Settings, organisations: OrganisationResolver
) -> tuple[Problem, ...]:
    mapped = to_graph(report, settings, organisations)
    return validate_graph(mapped, settings, _worker_shapes()).problems


@functools.cache
def _worker_shapes() -> Shapes:
    return load_shapes()
