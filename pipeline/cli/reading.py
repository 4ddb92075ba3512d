"""The verbs that read reports and say what they found: `extract` and `validate`."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from pipeline import __version__
from pipeline.cli.common import (
    EXIT_LOAD,
    READABLE_LATER,
    base_option,
    format_problem,
    gather_inputs,
    max_bytes_option,
)
from pipeline.documents.cache import DEFAULT_CACHE
from pipeline.documents.fetch import FetchSettings, fetch_all
from pipeline.model import Parsed, exit_code
from pipeline.model_json import parsed_to_json
from pipeline.publish.build import BuildError, default_jobs
from pipeline.publish.mapping import map_and_validate
from pipeline.rdf.serialise import serialise, sorted_triples
from pipeline.read import read_report
from pipeline.settings import Settings
from pipeline.validate import merge_reports

#: The first line of a validation report that `validate --report` writes: a file that starts
#: otherwise was not written by lodpipe and is never overwritten.
REPORT_HEADER = b"# SHACL validation report written by lodpipe validate\n"


def parse_all(files: Sequence[Path], names: Sequence[str], progress: bool) -> list[Parsed]:
    if not progress:
        return [read_report(path, name) for path, name in zip(files, names, strict=True)]
    with click.progressbar(
        list(zip(files, names, strict=True)),
        label="Reading reports",
        file=sys.stderr,
        show_pos=True,
    ) as bar:
        return [read_report(path, name) for path, name in bar]


@click.command()
@click.argument("files", nargs=-1, required=True, type=READABLE_LATER)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="json: the model (see pipeline/schemas/extract.schema.json) on standard output, "
    "findings on standard error; text: the findings alone, on standard output.",
)
@max_bytes_option
def extract(files: tuple[Path, ...], fmt: str, max_bytes: int) -> None:
    """Read reports and print what they say, with findings."""
    inputs = gather_inputs(files, max_bytes, keyed=False)
    results = parse_all(inputs.files, inputs.names, progress=False)
    if fmt == "json":
        doc = {"lodpipe": __version__, "reports": [parsed_to_json(r) for r in results]}
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    for parsed in results:
        for finding in parsed.findings:
            click.echo(format_problem(finding), err=fmt == "json")
    problems = [f for p in results for f in p.findings]
    unread = bool(inputs.refused) or any(p.report is None for p in results)
    sys.exit(exit_code(problems, unread=unread))


@click.command()
@click.argument("files", nargs=-1, required=True, type=READABLE_LATER)
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the sh:ValidationReport (Turtle) to this file. Nothing is written without it.",
)
@base_option
@max_bytes_option
def validate(
    files: tuple[Path, ...], report_path: Path | None, base_iri: str, max_bytes: int
) -> None:
    """Map reports to RDF and check them with the SHACL shapes.

    Each report is validated on its own, then the organisations of all of them together.
    Results go to standard output as `file:line: severity code: message`; violations exit
    with 1, warnings do not fail the run.
    """
    try:
        settings = Settings(base_iri=base_iri, jobs=default_jobs())
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--base") from None
    if report_path is not None and _not_ours(report_path):
        raise click.UsageError(
            f"{report_path}: exists and was not written by lodpipe validate; choose another --report"
        )
    inputs = gather_inputs(files, max_bytes)
    results = parse_all(inputs.files, inputs.names, progress=len(inputs.files) > 20)
    for parsed in results:
        if parsed.report is None:
            for finding in parsed.findings:
                click.echo(format_problem(finding), err=True)
    try:
        mapped = map_and_validate(results, settings)
    except BuildError as error:
        raise click.UsageError(str(error)) from None
    problems = [p for v in mapped.validations for p in v.problems]
    for problem in problems:
        click.echo(format_problem(problem))
    errors = sum(1 for p in problems if p.severity.value == "error")
    warnings = sum(1 for p in problems if p.severity.value == "warning")
    where = ""
    if report_path is not None:
        data = serialise(sorted_triples([merge_reports(mapped.validations)]), "ttl")
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_bytes(REPORT_HEADER + data)
        where = f"; report written to {report_path}"
    click.echo(
        f"{len(mapped.reports)} reports: {errors} violations, {warnings} warnings{where}",
        err=True,
    )
    if inputs.refused or len(mapped.reports) < len(results):
        sys.exit(EXIT_LOAD)
    sys.exit(exit_code(problems))


def _not_ours(path: Path) -> bool:
    if not path.exists():
        return False
    if not path.is_file():
        return True
    with path.open("rb") as handle:
        return handle.read(len(REPORT_HEADER)) != REPORT_HEADER


@click.command()
@click.argument("manifest", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_CACHE,
    show_default=True,
    help="The download cache: a folder of its own, safe to delete.",
)
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds to wait to connect, and between bytes received.")  # fmt: skip
@click.option("--max-bytes", "max_bytes", type=click.IntRange(min=1),
              default=FetchSettings().max_bytes, show_default=True,
              help="Stop a download that grows past this.")  # fmt: skip
@click.option(
    "--github-output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Append `changed=true|false` to this file (GitHub Actions' $GITHUB_OUTPUT).",
)
def fetch(
    manifest: Path, cache_dir: Path, timeout: float, max_bytes: int, github_output: Path | None
) -> None:
    """Download the documents a sources manifest (CSV or TOML) names into the cache.

    Unchanged documents are not downloaded again (conditional requests). One line per
    source; exit 2 when a source or the manifest could not be used.
    """
    if not manifest.is_file():
        raise click.UsageError(f"{manifest}: no such manifest")
    settings = FetchSettings(timeout=timeout, max_bytes=max_bytes)
    run = fetch_all(manifest, cache_dir, settings)
    for error in run.manifest_errors:
        click.echo(str(error), err=True)
    for result in run.results:
        if result.problem is not None:
            click.echo(f"{result.problem} ({result.problem.code})", err=True)
        else:
            click.echo(f"{result.source.url}: {result.status.value}")
    if github_output is not None:
        with github_output.open("a", encoding="utf-8") as out:
            out.write(f"changed={'true' if run.changed else 'false'}\n")
    sys.exit(EXIT_LOAD if run.failed else 0)
