"""Runs the stages in order and publishes their output as one unit.

parse → map to RDF → validate → dumps, tables, pages, catalogue. Everything is written into
a staging folder beside the output folder and swapped in only when every stage finished, so
a failed build never leaves a half-written site: the previous one stays as it was.
The library never prints: progress goes to the `progress` callback.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.model import Parsed, Problem, Report, Severity, exit_code
from pipeline.parse import parse_report
from pipeline.publish.catalog import coverage, measure, schema_org_dataset, site_distributions
from pipeline.publish.discovery import write_crawler_files
from pipeline.publish.dumps import write_dumps
from pipeline.publish.output import claim_output, discard, new_staging, publish_site
from pipeline.publish.render import Download, SiteInput, UnsafeIRI, read_turtle, render_site
from pipeline.publish.tables import write_tables
from pipeline.rdf import MappedGraph, OrganisationResolver, dataset_graph, to_graph
from pipeline.rdf.iris import KeyCollision, report_key, report_keys
from pipeline.rdf.serialise import serialise, sorted_triples
from pipeline.settings import (
    DUMP_DIR,
    ONTOLOGY,
    SHAPES,
    VALIDATION_FILE,
    Settings,
    build_date,
    resource_dir,
)
from pipeline.validate import (
    Shapes,
    Validation,
    load_shapes,
    merge_reports,
    validate_dataset,
    validate_graph,
    validation_of,
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
        return exit_code(
            [f for p in self.mapped.parsed for f in p.findings]
            + [p for v in self.mapped.validations for p in v.problems],
            unread=any(p.report is None for p in self.mapped.parsed),
        )


def _noop(stage: str, done: int, total: int) -> None:
    return None


def default_jobs() -> int:
    """Worker processes for validation: the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def read_and_map(
    files: Sequence[Path],
    settings: Settings,
    progress: Progress = _noop,
    names: Sequence[str] | None = None,
) -> Mapped:
    """Parse every file, map the readable reports to RDF and validate each graph.

    `names` are how the files are named in findings and provenance (default: as given).
    With `settings.jobs` > 1, report graphs are validated in that many processes: each report's graph
    is checked on its own, so the results are the same, in the same order."""
    parsed: list[Parsed] = []
    for i, path in enumerate(files):
        progress("read", i, len(files))
        parsed.append(parse_report(path, names[i] if names else None))
    progress("read", len(files), len(files))
    return map_and_validate(parsed, settings, progress)


def map_and_validate(
    parsed: Sequence[Parsed], settings: Settings, progress: Progress = _noop
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


def build_site(
    files: Sequence[Path],
    settings: Settings,
    progress: Progress = _noop,
    names: Sequence[str] | None = None,
) -> Build:
    """Run every stage on `files` and publish the result into `settings.out_dir`.

    `settings.site_url` is where the site is deployed when that is not the base IRI (a
    GitHub Pages address behind a w3id redirect): sitemap, robots.txt and the resolver rules
    use it."""
    claim_output(settings.out_dir, files)
    try:
        report_keys(names if names is not None else [f.as_posix() for f in files])
    except KeyCollision as exc:
        raise BuildError(str(exc)) from exc
    mapped = read_and_map(files, settings, progress, names)
    if not mapped.reports:
        raise BuildError("no report could be read, so nothing was published")
    staging = new_staging(settings.out_dir)
    try:
        written = _write_all(mapped, replace(settings, out_dir=staging), progress)
        publish_site(staging, settings.out_dir)
    except UnsafeIRI as exc:
        discard(staging)
        raise BuildError(f"refusing to write a page for an unsafe IRI: {exc}") from exc
    except OSError as exc:
        discard(staging)
        raise BuildError(f"the site could not be written to {settings.out_dir}: {exc}") from exc
    except BaseException:
        discard(staging)
        raise
    return Build(mapped, tuple(sorted(p.absolute().relative_to(staging) for p in written)))


def _write_all(mapped: Mapped, settings: Settings, progress: Progress) -> list[Path]:
    """The writers, in order; each writes under `settings.out_dir` (the staging folder).
    Data files come first: the pages list them, and the catalogue describes every file."""
    out = settings.out_dir
    written: list[Path] = []
    progress("write", 0, 4)
    graphs = [g.graph for g in mapped.graphs] + [mapped.shared.graph]
    written += write_dumps(graphs, settings)
    data = out / DUMP_DIR
    validation = data / VALIDATION_FILE
    validation.write_bytes(serialise(sorted_triples([merge_reports(mapped.validations)]), "ttl"))
    written.append(validation)
    written += write_tables(mapped.reports, data, settings.base_iri)
    written += _write_sources(mapped.reports, out)
    progress("write", 1, 4)
    date = build_date(d.start for r in mapped.reports for a in r.activities for d in a.dates)
    distributions = site_distributions(out)
    downloads = tuple(
        Download(d.path, d.media_type, d.title_lv, d.title, measure(out, d).byte_size)
        for d in distributions
    )
    temporal = coverage(mapped.reports)
    site = SiteInput(
        settings=settings,
        parsed=mapped.parsed,
        graphs=(*mapped.graphs, mapped.shared),
        validations=mapped.validations,
        ontology=read_turtle(resource_dir(ONTOLOGY)),
        shapes=read_turtle(resource_dir(SHAPES)),
        downloads=downloads,
        build_date=date,
        dataset_jsonld=schema_org_dataset(settings, distributions, site_dir=out, temporal=temporal),
    )
    written += render_site(site, out)
    progress("write", 3, 4)
    written += write_crawler_files(
        out,
        settings,
        site_distributions(out),
        site_url=settings.site_url,
        temporal=temporal,
        modified=date,
    )
    progress("write", 4, 4)
    return sorted(set(written))


def _write_sources(reports: Iterable[Report], out: Path) -> list[Path]:
    """Each report's source text as `source/<key>.txt`: the text that every span's lines and
    offsets point into (decoded, no byte-order mark, "\n" line endings)."""
    folder = out / "source"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for report in reports:
        path = folder / f"{report_key(report.file)}.txt"
        path.write_bytes(report.source_text.encode("utf-8"))
        written.append(path)
    return written


def counts(parsed: Parsed) -> dict[Severity, int]:
    found = dict.fromkeys(Severity, 0)
    for finding in parsed.findings:
        found[finding.severity] += 1
    return found
