"""Runs the stages in order and publishes their output as one unit.

parse → map to RDF → validate → dumps, tables, pages, catalogue. Everything is written into
a staging folder beside the output folder and swapped in only when every stage finished, so
a failed build never leaves a half-written site: the previous one stays as it was.
The library never prints: progress goes to the `progress` callback.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.config import DUMP_DIR, Settings
from pipeline.dumps import sorted_triples, turtle, write_dumps
from pipeline.model import Parsed, Report, Severity
from pipeline.parse import parse_report
from pipeline.query import VALIDATION_FILE
from pipeline.rdf import MappedGraph, OrganisationResolver, dataset_graph, to_graph
from pipeline.tables import write_tables
from pipeline.validate import (
    Validation,
    load_shapes,
    merge_reports,
    validate_dataset,
    validate_graph,
)

#: Called with a stage name, how many items are done, and how many there are.
Progress = Callable[[str, int, int], None]


class BuildError(Exception):
    """A stage could not finish (a file could not be written, the shapes could not be
    read...). Nothing was published; the previous site is unchanged."""


@dataclass(frozen=True, slots=True)
class Mapped:
    """What the stages before publishing produce, for the writers and for callers."""

    settings: Settings
    parsed: tuple[Parsed, ...]
    reports: tuple[Report, ...]
    graphs: tuple[MappedGraph, ...]  # one per report, in report order
    shared: MappedGraph  # organisations and the Ministry, across reports
    validations: tuple[Validation, ...]  # one per report graph, then the shared graph


@dataclass(frozen=True, slots=True)
class Build:
    mapped: Mapped
    files: tuple[Path, ...]  # written, relative to the output folder

    @property
    def exit_code(self) -> int:
        """0 ok (warnings allowed), 1 data errors or SHACL violations, 2 unreadable files."""
        if any(p.report is None for p in self.mapped.parsed):
            return 2
        if any(p.has_errors for p in self.mapped.parsed) or not all(
            v.conforms for v in self.mapped.validations
        ):
            return 1
        return 0


def _noop(stage: str, done: int, total: int) -> None:
    return None


def read_and_map(
    files: Sequence[Path],
    settings: Settings,
    progress: Progress = _noop,
    names: Sequence[str] | None = None,
) -> Mapped:
    """Parse every file, map the readable reports to RDF and validate each graph.

    `names` are how the files are named in findings and provenance (default: as given)."""
    parsed: list[Parsed] = []
    for i, path in enumerate(files):
        progress("read", i, len(files))
        parsed.append(parse_report(path, names[i] if names else None))
    progress("read", len(files), len(files))
    reports = tuple(p.report for p in parsed if p.report is not None)
    organisations = OrganisationResolver(reports)
    graphs = tuple(to_graph(r, settings, organisations) for r in reports)
    shared = dataset_graph(graphs, settings)
    try:
        shapes = load_shapes()
    except (OSError, SyntaxError, ValueError) as exc:
        raise BuildError(f"the SHACL shapes could not be read: {exc}") from exc
    validations: list[Validation] = []
    for i, graph in enumerate(graphs):
        progress("validate", i, len(graphs))
        validations.append(validate_graph(graph, settings, shapes))
    validations.append(validate_dataset(shared, settings))
    progress("validate", len(graphs), len(graphs))
    return Mapped(settings, tuple(parsed), reports, graphs, shared, tuple(validations))


def build_site(
    files: Sequence[Path],
    settings: Settings,
    progress: Progress = _noop,
    names: Sequence[str] | None = None,
) -> Build:
    """Run every stage on `files` and publish the result into `settings.out_dir`."""
    mapped = read_and_map(files, settings, progress, names)
    out = settings.out_dir
    staging = out.parent / f".{out.name}.staging"
    try:
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir(parents=True)
        written = _write_all(mapped, replace(settings, out_dir=staging), progress)
        _swap(staging, out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(f"the site could not be written to {out}: {exc}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Build(mapped, tuple(sorted(p.relative_to(staging) for p in written)))


def _write_all(mapped: Mapped, settings: Settings, progress: Progress) -> list[Path]:
    """The writers, in order; each writes under `settings.out_dir` (the staging folder)."""
    written: list[Path] = []
    progress("write", 0, 3)
    graphs = [g.graph for g in mapped.graphs] + [mapped.shared.graph]
    written += write_dumps(graphs, settings)
    data = settings.out_dir / DUMP_DIR
    validation = data / VALIDATION_FILE
    validation.write_bytes(turtle(sorted_triples([merge_reports(mapped.validations)])))
    written.append(validation)
    progress("write", 1, 3)
    written += write_tables(mapped.reports, data, settings.base_iri)
    progress("write", 3, 3)
    return written


def _swap(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with two renames; `out` is never partly written."""
    old = out.parent / f".{out.name}.old"
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def counts(parsed: Parsed) -> dict[Severity, int]:
    found = dict.fromkeys(Severity, 0)
    for finding in parsed.findings:
        found[finding.severity] += 1
    return found
