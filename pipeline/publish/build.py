"""Runs the stages in order and publishes their output as one unit.

parse → map to RDF → validate → that report's pages and part of the dump, one report at a
time in worker processes through the build cache (`reports.py`, `worker.py`, `cache.py`);
then what spans reports, from the reports' summaries: dumps, tables, the cross-report pages,
catalogue. Everything is written into a staging folder beside the output folder and swapped
in only when every stage finished, so a failed build never leaves a half-written site: the
previous one stays as it was. The library never prints: progress goes to the `progress`
callback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from pipeline.model import Parsed, Problem, Severity, exit_code, file_name
from pipeline.publish import pickling
from pipeline.publish.answers import Answered
from pipeline.publish.cache import MARKER as CACHE_MARKER
from pipeline.publish.cache import BuildCache, CacheRefused, entry_key, link_tree
from pipeline.publish.catalog import byte_size, coverage, schema_org_dataset, site_distributions
from pipeline.publish.discovery import write_crawler_files
from pipeline.publish.dumps import (
    DumpStatistics,
    part_path,
    results_path,
    write_dumps,
    write_results,
)
from pipeline.publish.output import claim_output, discard, new_staging, publish_site
from pipeline.publish.queryprocess import Answering, QueriesFailed, answering
from pipeline.publish.querystore import StoreBusy
from pipeline.publish.records import ReportRecord
from pipeline.publish.render import (
    Download,
    PageInputs,
    SiteInput,
    UnsafeIRI,
    prepare_templates,
    render_site,
)
from pipeline.publish.render.queries import QUERIES_DIR
from pipeline.publish.render.tallies import Tally
from pipeline.publish.reports import (
    Built,
    ReportFailed,
    build_all,
    built_in_order,
    fewer_full_collections,
    fill,
    gather,
    read_all,
)
from pipeline.publish.tables import join_tables
from pipeline.publish.worker import TABLES, Job, vocabulary
from pipeline.rdf import MappedGraph, OrganisationResolver, dataset_graph
from pipeline.rdf.iris import KeyCollision, report_key, report_keys
from pipeline.rdf.namespaces import PROV, RDF
from pipeline.rdf.provenance import SourceIndex
from pipeline.rdf.serialise import serialise, sorted_triples
from pipeline.read import Origin
from pipeline.settings import (
    DUMP_DIR,
    Settings,
    build_date,
)
from pipeline.validate import (
    Validation,
    validate_dataset,
    validation_of,
)

_DERIVED = str(PROV.wasDerivedFrom)

#: Called with a stage name, how many items are done, and how many there are.
Progress = Callable[[str, int, int], None]


class BuildError(Exception):
    """A stage could not finish (a file could not be written, the shapes could not be
    read...). Nothing was published; the previous site is unchanged. `problems` are what
    the reports' readers found, when that is why (no report could be read)."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class Build:
    """What a build published: a record of each file read (in input order), the SHACL
    results (one per report graph, then the cross-report graph) and the files written."""

    records: tuple[ReportRecord, ...]
    validations: tuple[Validation, ...]
    files: tuple[Path, ...]  # written, relative to the output folder

    @property
    def exit_code(self) -> int:
        """0 ok (warnings allowed), 1 data errors or SHACL violations, 2 unreadable files."""
        return exit_code(
            [f for r in self.records for f in r.findings]
            + [p for v in self.validations for p in v.problems],
            unread=any(not r.read for r in self.records),
        )


def _noop(stage: str, done: int, total: int) -> None:
    return None


def default_jobs() -> int:
    """Worker processes for validation: the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def build_site(
    files: Sequence[Path],
    settings: Settings,
    progress: Progress = _noop,
    names: Sequence[str] | None = None,
    origins: Sequence[Origin | None] | None = None,
) -> Build:
    """Run every stage on `files` and publish the result into `settings.out_dir`.

    `names` are how the files are named in spans and findings; `origins` say where and when
    fetched documents were downloaded (their provenance).

    Each report is read, mapped, validated and written on its own, in `settings.jobs`
    processes, through the build cache (`settings.cache_dir`); what spans reports is built
    from their small summaries. `settings.site_url` is where the site is deployed when that
    is not the base IRI (a GitHub Pages address behind a w3id redirect): sitemap,
    robots.txt and the resolver rules use it."""
    claim_output(settings.out_dir, files)
    given = list(names) if names is not None else [f.as_posix() for f in files]
    try:
        report_keys(given)
    except KeyCollision as exc:
        raise BuildError(str(exc)) from exc
    where = list(origins) if origins is not None else [None] * len(files)
    with _cache(settings) as cache:
        try:
            read = read_all(files, given, cache, settings.jobs, progress, where)
        except ReportFailed as exc:
            raise BuildError(f"a report could not be read: {exc}") from exc
        except OSError as exc:
            raise BuildError(f"the build cache could not be written: {exc}") from exc
        if not any(record.read for record, _ in read):
            raise BuildError(
                "no report could be read, so nothing was published",
                [finding for record, _ in read for finding in record.findings],
            )
        staging = new_staging(settings.out_dir)
        try:
            validations, written = _build_into(
                read, files, where, replace(settings, out_dir=staging), cache, progress
            )
            publish_site(staging, settings.out_dir)
            cache.prune()
        except UnsafeIRI as exc:
            discard(staging)
            raise BuildError(f"refusing to write a page for an unsafe IRI: {exc}") from exc
        except ReportFailed as exc:
            discard(staging)
            raise BuildError(f"a report could not be built: {exc}") from exc
        except (StoreBusy, QueriesFailed) as exc:
            discard(staging)
            raise BuildError(str(exc)) from exc
        except OSError as exc:
            discard(staging)
            raise BuildError(f"the site could not be written to {settings.out_dir}: {exc}") from exc
        except BaseException:
            discard(staging)
            raise
    records = tuple(record for record, _ in read)
    return Build(records, validations, _relative(written, staging))


def _relative(written: Iterable[Path], folder: Path) -> tuple[Path, ...]:
    """The files `written` (under `folder`, made absolute) relative to it, each once, in
    path order. By their strings: tens of thousands of `relative_to` took a tenth of a
    second of a rebuild after one change."""
    prefix = f"{folder.absolute()}{os.sep}"
    names = {_under(str(p), prefix) for p in written}
    return tuple(Path(name) for name in sorted(names, key=lambda name: name.split(os.sep)))


def _under(path: str, prefix: str) -> str:
    if path.startswith(prefix):
        return path[len(prefix) :]
    return os.path.abspath(path).removeprefix(prefix)


@contextlib.contextmanager
def _cache(settings: Settings) -> Iterator[BuildCache]:
    """The build cache, or for a cold build a throwaway one beside the output."""
    if settings.cache_dir is not None:
        try:
            cache = BuildCache(settings.cache_dir)
        except CacheRefused as exc:
            raise BuildError(str(exc)) from exc
        try:
            yield cache
        finally:
            cache.clear_temporary()
        return
    out = settings.out_dir.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.lodpipe-cold-"))
    try:
        yield BuildCache(folder)
    finally:
        if (folder / CACHE_MARKER).is_file():
            shutil.rmtree(folder, ignore_errors=True)


def _build_into(
    read: Sequence[tuple[ReportRecord, str]],
    files: Sequence[Path],
    origins: Sequence[Origin | None],
    settings: Settings,
    cache: BuildCache,
    progress: Progress,
) -> tuple[tuple[Validation, ...], list[Path]]:
    records = tuple(record for record, _ in read)
    readable = [(r, key, i) for i, (r, key) in enumerate(read) if r.read]
    resolver = OrganisationResolver(tuple(r for r, _, _ in readable))
    date = build_date(r.newest for r in records if r.newest is not None)
    stamp = date.isoformat() if date else ""
    jobs = [
        Job(r.file, key, settings, _organisation(resolver, r), stamp, files[i], origins[i])
        for r, key, i in readable
    ]
    try:
        with contextlib.ExitStack() as later, fewer_full_collections():
            return _publish(records, readable, jobs, files, date, settings, cache, later, progress)
    finally:
        gc.unfreeze()


def _parts(built: Sequence[Built]) -> list[Path]:
    return [path for b in built for path in (part_path(b.chunk, "nt"), results_path(b.chunk))]


def _publish(
    records: tuple[ReportRecord, ...],
    readable: Sequence[tuple[ReportRecord, str, int]],
    jobs: list[Job],
    files: Sequence[Path],
    date: dt.date | None,
    settings: Settings,
    cache: BuildCache,
    later: contextlib.ExitStack,
    progress: Progress,
) -> tuple[tuple[Validation, ...], list[Path]]:
    """Each report's own work, and what spans reports, from their summaries; what must
    be stopped when the build ends goes on `later`."""

    def rebuilt(i: int) -> Built:
        return build_all([jobs[i]], cache, 1, _noop, fresh=True)[0]

    # The queries are answered in a process of their own. It starts once the reports
    # from the cache are known, and loads their parts meanwhile (or, when none is, once
    # every report is made: it would wait through a cold build), then those made, and
    # answers while the summaries are read and the data files written; it gets the rest
    # then.
    answers: list[Answering] = []

    def start_queries(reports: list[Built], more: bool = False) -> None:
        scratch = cache.new_entry()
        answers.append(
            later.enter_context(
                answering(
                    cache.root / "queries",
                    scratch,
                    _parts(reports),
                    QUERIES_DIR,
                    more,
                    threads=settings.jobs,
                )
            )
        )

    def made(reports: list[Built]) -> None:
        if answers:
            answers[0].more(_parts(reports))
        else:
            start_queries(reports)

    # Each report's summary is read as soon as the report is there: after one report
    # changed, the others' are read while a worker makes it.
    arriving = built_in_order(
        jobs, cache, settings.jobs, progress, ready=made, known=start_queries, idle=_prepare
    )
    gathered = gather(arriving, rebuilt)
    built, (queries,) = gathered.built, answers
    # The summaries stay until the site is written: no collection walks them again (a
    # sixth of a rebuild's own work went to collections). `_build_into` unfreezes them; a
    # pool of workers for reports built again (below) does so earlier, costing time only.
    gc.freeze()
    shared = dataset_graph([gathered.commons], settings)
    commons = gathered.commons.graph
    dataset_validation = _validate_dataset(shared, settings, cache)
    dataset_results = dataset_validation.report
    # A cross-report triple pointing into a report's pages (a dataset-level result naming a
    # source line) belongs in those pages' slices: those reports are built again with it.
    # What the reports state themselves (organisations, places) their workers had already.
    # As sets: rdflib's `Graph.__sub__` looks each triple up in the other graph's store.
    inbound = _inbound(built, (set(shared.graph) - set(commons), dataset_results))
    if inbound:
        again = [i for i, b in enumerate(built) if b.output.key in inbound]
        redo = build_all(
            [replace(jobs[i], inbound=inbound[built[i].output.key]) for i in again],
            cache,
            settings.jobs,
            progress,
        )
        for i, b in zip(again, redo, strict=True):
            built[i] = b
    validations = (
        *tuple(validation_of(b.output.key, b.output.problems, settings) for b in built),
        dataset_validation,
    )
    out = settings.out_dir
    written: list[Path] = []
    progress("write", 0, 4)
    stems = [b.chunk for b in sorted(built, key=lambda b: b.output.key)]
    shared_triples = sorted_triples([commons, shared.graph])  # each triple once
    written += write_dumps(stems, shared_triples, settings)
    statistics = gathered.statistics + DumpStatistics.of(shared_triples)
    # Each report's validation results were written by its worker, beside its parts of
    # the dumps; they are published after the cross-report graph's, as the dumps are, and
    # are in the graph the cross-report pages read (below, from the summaries).
    checked = serialise(sorted_triples([dataset_results]), "nt")
    written += write_results(stems, checked, out / DUMP_DIR)
    shared_lines = serialise(shared_triples, "nt")
    # The store answering the queries holds each report's results with its part of the
    # dump, and the cross-report results with the shared graph: a rebuild loads again
    # only what changed.
    queries.complete(shared_lines + checked, _parts(built), out / DUMP_DIR)
    # Where the reports stated what they share is left out: a page showing it has it in
    # its own slice, and a word added above an implementer's name in one report (which
    # moves the span its name was read from) must not make every page new.
    stated = [t for t in shared_triples if t.predicate.value != _DERIVED]
    inputs = PageInputs(
        {doc: b.entry.name for b in built for doc in b.output.documents},
        _digest(serialise(stated, "nt"), checked),
    )
    for b in built:
        link_tree(b.entry / "files", out, b.output.files)
        written += [out / name for name in b.output.files]
    written += _write_originals(files, records, out)
    # One graph holds what the cross-report pages read: the summaries, the shared graphs
    # and the validation results.
    summary, tallies = gathered.summary, gathered.tallies
    cross = (commons, shared.graph, dataset_results)
    for graph in cross:
        fill(summary, graph)
    uses, triples = _counts(gathered.uses, cross)
    triples += sum(b.output.triples for b in built)
    # The pages read `summary` alone. What else served the data files is let go before
    # the pages are written: the cross-report graph in rdflib's store and as sorted
    # triples, the organisations the reports state and the reports' validation results
    # (their terms stay in `summary`): about a tenth of the main process's peak.
    del gathered, shared, commons, shared_triples, shared_lines, stated, dataset_results, checked
    del cross, graph
    # Graphs in cycles made since the freeze: only they are walked (all of it when reports
    # built again above unfroze the summaries, which costs time only).
    gc.collect()
    # In the order of the rows' key, which starts with the file's name (not its folder).
    by_file = sorted(zip(readable, built, strict=True), key=lambda pair: file_name(pair[0][0].file))
    parts = [b.entry / TABLES for _, b in by_file]
    written += join_tables(parts, out / DUMP_DIR, settings.base_iri)
    progress("write", 1, 4)
    written += _write_site(
        records,
        validations,
        built,
        summary,
        tallies,
        uses,
        triples,
        date,
        settings,
        statistics,
        cache,
        queries.answers,
        inputs,
    )
    progress("write", 4, 4)
    return validations, written


def _prepare() -> None:
    """What the pages will need whatever the reports say (the vocabulary read, the
    templates compiled), made while the main process would otherwise wait for a worker:
    after one report changed, it waits for that report about a quarter of a second."""
    vocabulary()
    prepare_templates()


def _validate_dataset(shared: MappedGraph, settings: Settings, cache: BuildCache) -> Validation:
    """The cross-report graph's validation, kept in the cache under that graph and where
    its facts were read: when one report changed, it is most often the same graph."""
    key = entry_key(
        [
            b"dataset validation",
            settings.base_iri.encode("utf-8"),
            serialise(sorted_triples([shared.graph]), "nt"),
            pickling.dumps(shared.sources),
        ]
    )
    kept = cache.load(key)
    if isinstance(kept, Validation) and kept.key == shared.key:
        return kept
    validation = validate_dataset(shared, settings)
    cache.discard(key)  # absent or damaged: replaced
    cache.commit(cache.new_entry(), key, validation)
    return validation


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _organisation(resolver: OrganisationResolver, record: ReportRecord) -> str:
    return resolver.key(record.implementer) if record.implementer is not None else ""


def _inbound(
    built: Sequence[Built], graphs: Sequence[Iterable[tuple[Node, Node, Node]]]
) -> dict[str, bytes]:
    owner = {doc: b.output.key for b in built for doc in b.output.documents}
    found: dict[str, Graph] = {}
    for graph in graphs:
        for s, p, o in graph:
            if p != RDF.type and isinstance(o, URIRef):
                key = owner.get(str(o).partition("#")[0])
                if key is not None and owner.get(str(s).partition("#")[0]) != key:
                    found.setdefault(key, Graph(bind_namespaces="none")).add((s, p, o))
    return {k: serialise(sorted_triples([g]), "nt") for k, g in sorted(found.items())}


def _counts(uses: Counter[str], graphs: Sequence[Graph]) -> tuple[Counter[str], int]:
    """How often each term is used, the reports' uses with those of `graphs` added, and
    the number of distinct triples of `graphs`."""
    counted = Counter(uses)
    cross = {triple for graph in graphs for triple in graph}
    for _, p, o in cross:
        counted[str(p)] += 1
        if isinstance(o, URIRef):
            counted[str(o)] += 1
    return counted, len(cross)


def _write_site(
    records: tuple[ReportRecord, ...],
    validations: tuple[Validation, ...],
    built: Sequence[Built],
    summary: Graph,
    tallies: Mapping[str, Tally],
    uses: Counter[str],
    triples: int,
    date: dt.date | None,
    settings: Settings,
    statistics: DumpStatistics,
    cache: BuildCache,
    answers: Callable[[], Sequence[Answered]],
    inputs: PageInputs,
) -> list[Path]:
    """The cross-report pages, from the reports' summaries (`summary` holds every graph
    they read: see `_publish`); then the catalogue and the files for crawlers. Data files
    come first: the pages list them."""
    out = settings.out_dir
    distributions = site_distributions(out)
    downloads = tuple(
        Download(d.path, d.media_type, d.title_lv, d.title, byte_size(out, d))
        for d in distributions
    )
    temporal = coverage(r.delegation_period for r in records)
    site = SiteInput(
        settings=settings,
        parsed=(),
        records=records,
        graphs=(MappedGraph("summary", summary, SourceIndex()),),
        validations=validations,
        merged=True,
        ontology=vocabulary()[0],
        shapes=vocabulary()[1],
        vocabulary=vocabulary()[2],
        downloads=downloads,
        build_date=date,
        dataset_jsonld=schema_org_dataset(settings, distributions, site_dir=out, temporal=temporal),
        documents=frozenset(d for b in built for d in b.output.documents),
        uses=uses,
        triples=triples,
        tallies=tallies,
        inputs=inputs,
    )
    written = list(render_site(site, out, cache, answers))
    written += write_crawler_files(
        out,
        settings,
        distributions,
        site_url=settings.site_url,
        temporal=temporal,
        modified=date,
        statistics=statistics,
    )
    return written


def _write_originals(
    files: Sequence[Path], records: Sequence[ReportRecord], out: Path
) -> list[Path]:
    """Each report read from a document publishes the document beside its text, as
    `source/<key>.pdf` (`.docx`, `.odt`, `.htm`), so a reader can check the original."""
    written = []
    for path, record in zip(files, records, strict=True):
        if not record.read or not record.extension:
            continue
        target = out / "source" / f"{report_key(record.file)}{record.extension}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        written.append(target)
    return written


def counts(read: Parsed | ReportRecord) -> dict[Severity, int]:
    found = dict.fromkeys(Severity, 0)
    for finding in read.findings:
        found[finding.severity] += 1
    return found
