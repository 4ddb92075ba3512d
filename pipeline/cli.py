"""The `lodpipe` command: parses options, calls the library, prints, sets the exit code.

Exit codes: 0 ok (warnings allowed), 1 data errors in a report, 2 usage or load errors.
The library never prints or exits; this module is the only place that does.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from pipeline import __version__
from pipeline.build import BuildError, build_site, counts, default_jobs
from pipeline.config import DEFAULT_BASE_IRI, Settings
from pipeline.export import parsed_to_json
from pipeline.model import Finding, Parsed, Severity
from pipeline.parse import parse_report

EXIT_OK, EXIT_DATA, EXIT_LOAD = 0, 1, 2


def _exit_code(results: Sequence[Parsed]) -> int:
    if any(r.report is None for r in results):
        return EXIT_LOAD
    if any(r.has_errors for r in results):
        return EXIT_DATA
    return EXIT_OK


def format_finding(finding: Finding) -> str:
    """`reports/x.txt:12: warning funding.sum-mismatch: message` (compiler style)."""
    where = finding.file if finding.span is None else f"{finding.file}:{finding.span.line}"
    return f"{where}: {finding.severity.value} {finding.code}: {finding.message}"


def expand(files: Sequence[Path]) -> list[Path]:
    """Folders stand for the `.txt` reports in them (sorted); files are taken as given."""
    expanded: list[Path] = []
    for path in files:
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            if not found:
                raise click.BadParameter(f"{path}: no .txt reports in this folder")
            expanded += found
        else:
            expanded.append(path)
    return expanded


def _parse_all(files: Sequence[Path], progress: bool) -> list[Parsed]:
    results: list[Parsed] = []
    with (
        click.progressbar(files, label="Reading reports", file=sys.stderr, show_pos=True)
        if progress
        else _nullbar(files) as bar
    ):
        for path in bar:
            results.append(parse_report(path))
    return results


class _nullbar:
    def __init__(self, items: Sequence[Path]) -> None:
        self.items = items

    def __enter__(self) -> Sequence[Path]:
        return self.items

    def __exit__(self, *exc: object) -> None:
        return None


base_option = click.option(
    "--base",
    "base_iri",
    default=DEFAULT_BASE_IRI,
    show_default=True,
    help="Base IRI every resource is minted under.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lodpipe")
def main() -> None:
    """Turn Latvian delegation reports ("Kopsavilkums") into Linked Open Data."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="json: the model (see pipeline/schemas/extract.schema.json); text: findings only.",
)
def extract(files: tuple[Path, ...], fmt: str) -> None:
    """Read reports and print what they say, with findings.

    The model goes to standard output, findings to standard error.
    """
    results = _parse_all(expand(files), progress=False)
    if fmt == "json":
        doc = {"lodpipe": __version__, "reports": [parsed_to_json(r) for r in results]}
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    for parsed in results:
        for finding in parsed.findings:
            click.echo(format_finding(finding), err=True)
    sys.exit(_exit_code(results))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=Path("_site"), show_default=True)
@base_option
@click.option(
    "--quiet", "-q", is_flag=True, help="Print no progress and no summary, only problems."
)
@click.option(
    "--verbose", "-v", is_flag=True, help="Also print SHACL warnings (they repeat the findings)."
)
@click.option(
    "--site-url",
    envvar="LODPIPE_SITE_URL",
    default=None,
    help="Where the site is deployed, when not at the base IRI (e.g. a GitHub Pages address); "
    "used by the sitemap, robots.txt and the resolver rules. Env: LODPIPE_SITE_URL.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Processes for validation; 0: one per available core.",
)
def build(
    files: tuple[Path, ...],
    out: Path,
    base_iri: str,
    quiet: bool,
    verbose: bool,
    site_url: str | None,
    jobs: int,
) -> None:
    """Run every stage on the reports and publish the site into OUT.

    The site is written beside OUT and swapped in only when every stage finished; a failed
    build leaves the previous site as it was.
    """
    try:
        settings = Settings(base_iri=base_iri, out_dir=out)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--base") from exc
    try:
        result = build_site(
            expand(files),
            settings,
            _progress if not quiet else _silent,
            site_url=site_url or None,
            jobs=jobs or default_jobs(),
        )
    except BuildError as exc:
        click.echo(f"lodpipe build: {exc}", err=True)
        sys.exit(EXIT_LOAD)
    mapped = result.mapped
    for parsed in mapped.parsed:
        for finding in parsed.findings:
            click.echo(format_finding(finding), err=True)
    for validation in mapped.validations:
        for problem in validation.problems:
            if verbose or problem.severity is Severity.ERROR:
                click.echo(format_problem(problem), err=True)
    if not quiet:
        for parsed in mapped.parsed:
            click.echo(_summary(parsed))
        click.echo(f"{len(result.files)} files written to {out}")
    sys.exit(result.exit_code)


def _summary(parsed: Parsed) -> str:
    if parsed.report is None:
        return f"{parsed.file}: not read"
    rep = parsed.report
    found = counts(parsed)
    return (
        f"{parsed.file}: region={rep.region} years={len(rep.years)} "
        f"activities={len(rep.activities)} "
        f"indicators={sum(len(a.indicators) for a in rep.activities)} "
        f"funding rows={len(rep.funding)} "
        f"errors={found[Severity.ERROR]} warnings={found[Severity.WARNING]}"
    )


def _progress(stage: str, done: int, total: int) -> None:
    # One line per stage on a terminal, rewritten in place; nothing when piped, except at the end.
    if sys.stderr.isatty():
        click.echo(f"\r{stage}: {done}/{total}", err=True, nl=done >= total)


def _silent(stage: str, done: int, total: int) -> None:
    return None


# -- researchers and portals: query, serve, push ----------------------------------------------
site_option = click.option(
    "--site",
    type=click.Path(path_type=Path),
    default=Path("_site"),
    show_default=True,
    help="The built site: its dataset dump data/dataset.nt and the SHACL results data/validation.ttl.",
)


class LoadFailure(click.ClickException):
    """A file or store that cannot be used: one line on standard error, exit 2, no traceback."""

    exit_code = EXIT_LOAD


@main.command()
@click.argument("query_text", metavar="QUERY", required=False)
@click.option(
    "--file",
    "query_file",
    type=click.Path(path_type=Path),
    help="Read the query from a .rq file instead.",
)
@site_option
@click.option(
    "--data",
    "data_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Query these RDF files (.nt, .ttl, .jsonld, .nq, .trig) instead of the site's dump.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="SELECT/ASK: text table, SPARQL CSV or SPARQL JSON results. "
    "CONSTRUCT/DESCRIBE: Turtle, or JSON-LD with json.",
)
def query(
    query_text: str | None,
    query_file: Path | None,
    site: Path,
    data_files: tuple[Path, ...],
    fmt: str,
) -> None:
    """Run a SPARQL query (QUERY, '-' for standard input, or --file) over the dataset."""
    from pipeline import results
    from pipeline.query import DatasetError, Graph, QueryError, read_query_file, site_files
    from pipeline.query import run_query as run

    if (query_text is None) == (query_file is None):
        raise click.UsageError("give either a QUERY or --file, not both")
    try:
        if query_file is not None:
            text = read_query_file(query_file)
        else:
            text = sys.stdin.read() if query_text == "-" else str(query_text)
        paths = data_files or site_files(site)
        result = run(text, paths)
    except DatasetError as error:
        raise LoadFailure(str(error)) from None
    except QueryError as error:
        message = str(error)
        if query_file is not None and not message.startswith(f"{query_file}:"):
            message = f"{query_file}: {message}"
        raise LoadFailure(message) from None
    if isinstance(result, Graph):
        media = results.JSON_LD if fmt == "json" else results.TURTLE
        click.echo(results.graph_bytes(result, media).decode("utf-8"), nl=False)
    elif fmt == "json":
        click.echo(results.to_json(result, indent=2), nl=False)
    elif fmt == "csv":
        click.echo(results.to_csv(result), nl=False)
    else:
        click.echo(results.to_table(result), nl=False)


@main.command()
@site_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="0 picks a free port.")
@click.option(
    "--resolver",
    is_flag=True,
    help="Also negotiate content on resource IRIs as w3id does (Accept: text/turtle -> 303).",
)
@click.option("--sparql", is_flag=True, help="Also answer SPARQL queries at /sparql.")
def serve(site: Path, host: str, port: int, resolver: bool, sparql: bool) -> None:
    """Serve the built site as GitHub Pages does, until Ctrl-C."""
    import logging

    from pipeline.query import DatasetError
    from pipeline.serve import make_server

    try:
        server = make_server(site, host, port, resolver=resolver, sparql=sparql)
    except (DatasetError, OSError) as error:
        raise LoadFailure(f"cannot serve {site}: {error}") from None
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    extras = [name for name, on in (("resolver", resolver), ("SPARQL at /sparql", sparql)) if on]
    shown = f" with {', '.join(extras)}" if extras else ""
    click.echo(f"Serving {site}{shown} at {server.url}/ (Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command()
@click.option(
    "--endpoint",
    required=True,
    help="The store's Graph Store Protocol URL, e.g. http://localhost:7878/store.",
)
@click.option(
    "--graph", "graph_iri", help="The named graph to replace [default: BASE + data/dataset]."
)
@click.option(
    "--gsp-url",
    help="The full URL to PUT to, with {graph} for the encoded graph IRI, for stores "
    "whose parameter is not ?graph= (Virtuoso: ...?graph-uri={graph}).",
)
@site_option
@click.option(
    "--data",
    "data_file",
    type=click.Path(path_type=Path),
    help="Push this N-Triples or Turtle file instead of the site's dump.",
)
@base_option
@click.option("--timeout", default=60.0, show_default=True, help="Seconds per request.")
@click.option("--retries", default=3, show_default=True, help="Retries on 5xx or no answer.")
def push(
    endpoint: str,
    graph_iri: str | None,
    gsp_url: str | None,
    site: Path,
    data_file: Path | None,
    base_iri: str,
    timeout: float,
    retries: int,
) -> None:
    """Replace the dataset's named graph in a SPARQL store (credentials: $LODPIPE_PUSH_AUTH)."""
    from pipeline.config import DUMP_DIR, DUMP_STEM, Settings
    from pipeline.push import PushError, push_dataset

    dump = data_file or Settings(out_dir=site).dump_path("nt")
    graph = graph_iri or f"{base_iri}{DUMP_DIR}/{DUMP_STEM}"
    try:
        done = push_dataset(
            dump, endpoint, graph, gsp_url=gsp_url, timeout=timeout, retries=retries
        )
    except PushError as error:
        raise LoadFailure(f"{dump}: {error}") from None
    count = "" if done.triples is None else f"{done.triples} triples, "
    click.echo(
        f"{dump}: {count}{done.size} bytes -> graph <{done.graph}> "
        f"at {done.url} ({done.status}, attempt {done.attempts})"
    )


def format_problem(problem: object) -> str:
    """A SHACL result in the style of `format_finding`: `file:line: severity code: message`."""
    from pipeline.validate import Problem

    assert isinstance(problem, Problem)
    where = problem.file or problem.focus
    if problem.span is not None:
        where = f"{where}:{problem.span.line}"
    return f"{where}: {problem.severity.value} {problem.code}: {problem.message}"


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=Path("_site"), show_default=True)
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Where to write the sh:ValidationReport (Turtle). Default: OUT/data/validation.ttl.",
)
@base_option
def validate(files: tuple[Path, ...], out: Path, report_path: Path | None, base_iri: str) -> None:
    """Map reports to RDF and check them with the SHACL shapes in shapes/.

    Each report is validated on its own, then the organisations of all of them together.
    Results go to standard output as `file:line: severity code: message`; violations exit
    with 1, warnings do not fail the run.
    """
    from pipeline.config import DUMP_DIR, Settings
    from pipeline.dumps import sorted_triples, turtle
    from pipeline.rdf import OrganisationResolver, dataset_graph, to_graph
    from pipeline.validate import (
        DATASET_SHAPES,
        REPORT_SHAPES,
        load_shapes,
        merge_reports,
        validate_dataset,
        validate_graph,
    )

    try:
        settings = Settings(base_iri=base_iri, out_dir=out)
        report_shapes, dataset_shapes = load_shapes(REPORT_SHAPES), load_shapes(DATASET_SHAPES)
    except (ValueError, OSError) as error:
        raise click.UsageError(str(error)) from None
    files = tuple(expand(files))
    results = _parse_all(files, progress=len(files) > 20)
    reports = tuple(r.report for r in results if r.report is not None)
    for parsed in results:
        if parsed.report is None:
            for finding in parsed.findings:
                click.echo(format_finding(finding), err=True)
    resolver = OrganisationResolver(reports)
    mapped = [to_graph(report, settings, resolver) for report in reports]
    validations = [validate_graph(m, settings, report_shapes) for m in mapped]
    validations.append(validate_dataset(dataset_graph(mapped, settings), settings, dataset_shapes))
    counts = {s: 0 for s in Severity}
    for validation in validations:
        for problem in validation.problems:
            counts[problem.severity] += 1
            click.echo(format_problem(problem))
    target = report_path or out / DUMP_DIR / "validation.ttl"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(turtle(sorted_triples([merge_reports(validations)])))
    click.echo(
        f"{len(reports)} reports: {counts[Severity.ERROR]} violations, "
        f"{counts[Severity.WARNING]} warnings; report written to {target}",
        err=True,
    )
    if len(reports) < len(results):
        sys.exit(EXIT_LOAD)
    sys.exit(EXIT_DATA if counts[Severity.ERROR] else EXIT_OK)
