"""The `lodpipe` command: parses options, calls the library, prints, sets the exit code.

Exit codes: 0 ok (warnings allowed), 1 data errors in a report, 2 usage or load errors.
The library never prints or exits; this module is the only place that does.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import click

from pipeline import __version__
from pipeline.cli.common import (
    EXIT_DATA,
    EXIT_LOAD,
    EXIT_OK,
    base_option,
    format_problem,
)
from pipeline.cli.research import push, query, serve
from pipeline.model import Parsed, Severity
from pipeline.model_json import parsed_to_json
from pipeline.parse import parse_report
from pipeline.publish.build import BuildError, build_site, counts, default_jobs, map_and_validate
from pipeline.rdf.serialise import serialise, sorted_triples
from pipeline.settings import DUMP_DIR, VALIDATION_FILE, Settings
from pipeline.validate import merge_reports


def _exit_code(results: Sequence[Parsed]) -> int:
    if any(r.report is None for r in results):
        return EXIT_LOAD
    if any(r.has_errors for r in results):
        return EXIT_DATA
    return EXIT_OK


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
            click.echo(format_problem(finding), err=True)
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
        settings = Settings(
            base_iri=base_iri,
            out_dir=out,
            site_url=_with_slash(site_url) if site_url else None,
            jobs=jobs or default_jobs(),
        )
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--base") from exc
    try:
        result = build_site(expand(files), settings, _progress if not quiet else _silent)
    except BuildError as exc:
        click.echo(f"lodpipe build: {exc}", err=True)
        sys.exit(EXIT_LOAD)
    mapped = result.mapped
    for parsed in mapped.parsed:
        for finding in parsed.findings:
            click.echo(format_problem(finding), err=True)
    for validation in mapped.validations:
        for problem in validation.problems:
            if verbose or problem.severity is Severity.ERROR:
                click.echo(format_problem(problem), err=True)
    if not quiet:
        for parsed in mapped.parsed:
            click.echo(_summary(parsed))
        click.echo(f"{len(result.files)} files written to {out}")
    sys.exit(result.exit_code)


def _with_slash(url: str) -> str:
    """A site URL as people type it: "https://x.github.io/y" means the folder y/."""
    return url if url.endswith("/") else url + "/"


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
    try:
        settings = Settings(base_iri=base_iri, out_dir=out)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--base") from None
    files = tuple(expand(files))
    results = _parse_all(files, progress=len(files) > 20)
    for parsed in results:
        if parsed.report is None:
            for finding in parsed.findings:
                click.echo(format_problem(finding), err=True)
    try:
        mapped = map_and_validate(results, replace(settings, jobs=default_jobs()))
    except BuildError as error:
        raise click.UsageError(str(error)) from None
    reports, validations = mapped.reports, mapped.validations
    tally = dict.fromkeys(Severity, 0)
    for validation in validations:
        for problem in validation.problems:
            tally[problem.severity] += 1
            click.echo(format_problem(problem))
    target = report_path or out / DUMP_DIR / VALIDATION_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(serialise(sorted_triples([merge_reports(validations)]), "ttl"))
    click.echo(
        f"{len(reports)} reports: {tally[Severity.ERROR]} violations, "
        f"{tally[Severity.WARNING]} warnings; report written to {target}",
        err=True,
    )
    if len(reports) < len(results):
        sys.exit(EXIT_LOAD)
    sys.exit(EXIT_DATA if tally[Severity.ERROR] else EXIT_OK)


for command in (query, serve, push):
    main.add_command(command)
