"""The verb that publishes: `build`."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import click

from pipeline.cli.common import (
    EXIT_LOAD,
    READABLE_LATER,
    base_option,
    format_problem,
    gather_inputs,
    max_bytes_option,
)
from pipeline.documents.fetch import fetch_all
from pipeline.inputs import Inputs
from pipeline.model import Severity
from pipeline.publish.build import BuildError, build_site, counts, default_jobs
from pipeline.publish.cache import DEFAULT_BUILD_CACHE
from pipeline.publish.output import OutputRefused, claim_output
from pipeline.publish.records import ReportRecord
from pipeline.read import Origin
from pipeline.settings import Settings


@click.command()
@click.argument("files", nargs=-1, type=READABLE_LATER)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("_site"),
    show_default=True,
    help="The site folder: new, empty, or a site lodpipe built before (it is replaced whole).",
)
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
    help="Worker processes; 0: one per available core.",
)
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_BUILD_CACHE,
    show_default=True,
    help="The build cache: unchanged reports are not read, checked or rendered again. "
    "A folder of its own; safe to delete.",
)
@click.option("--no-cache", is_flag=True, help="Build everything anew and keep no cache.")
@click.option(
    "--sources",
    "manifest",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="A sources manifest (CSV or TOML): fetch its documents into the download cache "
    "(.lodpipe-cache/downloads) first and build them with FILES.",
)
@max_bytes_option
def build(
    files: tuple[Path, ...],
    out: Path,
    base_iri: str,
    quiet: bool,
    verbose: bool,
    site_url: str | None,
    jobs: int,
    cache_dir: Path,
    no_cache: bool,
    manifest: Path | None,
    max_bytes: int,
) -> None:
    """Run every stage on the reports and publish the site into OUT.

    The site is written beside OUT and swapped in only when every stage finished and at
    least one report was read; otherwise the previous site stays as it was.
    """
    try:
        settings = Settings(
            base_iri=base_iri,
            out_dir=out,
            site_url=_with_slash(site_url) if site_url else None,
            jobs=jobs or default_jobs(),
            cache_dir=None if no_cache else cache_dir,
        )
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--base") from exc
    if not files and manifest is None:
        raise click.UsageError("give the reports to build (files or folders), or --sources")
    try:
        claim_output(out, files)
    except OutputRefused as exc:
        raise click.UsageError(str(exc)) from None
    inputs = gather_inputs(files, max_bytes) if files else Inputs((), (), ())
    fetched = _fetch(manifest) if manifest is not None else Fetched((), (), (), False)
    paths, names = (*inputs.files, *fetched.files), (*inputs.names, *fetched.names)
    if not paths:
        click.echo(f"lodpipe build: no report to read; {out} is unchanged", err=True)
        sys.exit(EXIT_LOAD)
    origins = (*(None,) * len(inputs.files), *fetched.origins)
    progress = _Progress() if not quiet and sys.stderr.isatty() else _silent
    try:
        result = build_site(paths, settings, progress, names, origins)
    except (BuildError, OutputRefused) as exc:
        for problem in exc.problems if isinstance(exc, BuildError) else ():
            click.echo(format_problem(problem), err=True)
        click.echo(f"lodpipe build: {exc}; {out} is unchanged", err=True)
        sys.exit(EXIT_LOAD)
    for record in result.records:
        for finding in record.findings:
            click.echo(format_problem(finding), err=True)
    for validation in result.validations:
        for problem in validation.problems:
            if verbose or problem.severity is Severity.ERROR:
                click.echo(format_problem(problem), err=True)
    if not quiet:
        for record in result.records:
            click.echo(_summary(record))
        click.echo(f"{len(result.files)} files written to {out}")
        click.echo(f"Look at it with: lodpipe serve --site {out}")
    refused = bool(inputs.refused) or fetched.failed
    sys.exit(max(result.exit_code, EXIT_LOAD if refused else 0))


@dataclass(frozen=True, slots=True)
class Fetched:
    files: tuple[Path, ...]
    names: tuple[str, ...]
    origins: tuple[Origin, ...]
    failed: bool


def _fetch(manifest: Path) -> Fetched:
    """The manifest's documents from the download cache, fetched or confirmed first; each
    named by its URL's file name, so its IRIs follow the published name."""
    if not manifest.is_file():
        raise click.UsageError(f"{manifest}: no such manifest")
    run = fetch_all(manifest)
    for error in run.manifest_errors:
        click.echo(str(error), err=True)
    files, names, origins = [], [], []
    for result in run.results:
        if result.problem is not None:
            click.echo(f"{result.problem} ({result.problem.code})", err=True)
        entry = result.entry
        if entry is None:
            continue
        name = PurePosixPath(urlsplit(entry.url).path).name or "report"
        files.append(entry.path)
        names.append(name)
        origins.append(Origin(entry.url, entry.retrieved))
    return Fetched(tuple(files), tuple(names), tuple(origins), run.failed)


def _with_slash(url: str) -> str:
    """A site URL as people type it: "https://x.github.io/y" means the folder y/."""
    return url if url.endswith("/") else url + "/"


def _summary(record: ReportRecord) -> str:
    if not record.read:
        return f"{record.file}: not read"
    found = counts(record)
    return (
        f"{record.file}: region={record.region} years={record.years} "
        f"activities={record.activities} indicators={record.indicators} "
        f"funding rows={record.funding_rows} "
        f"errors={found[Severity.ERROR]} warnings={found[Severity.WARNING]}"
    )


class _Progress:
    """One line per stage on a terminal, rewritten in place: done of total, rate, time left."""

    def __init__(self) -> None:
        self.stage = ""
        self.started = time.monotonic()

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage != self.stage:
            self.stage, self.started = stage, now
        elapsed = now - self.started
        rate = done / elapsed if elapsed > 0 and done else 0.0
        left = f", {(total - done) / rate:.0f} s left" if rate and done < total else ""
        speed = f", {rate:.1f}/s" if rate else ""
        click.echo(f"\r{stage}: {done}/{total}{speed}{left}\033[K", err=True, nl=done >= total)


def _silent(stage: str, done: int, total: int) -> None:
    return None
