"""What the command-line modules share: exit codes, options, error and problem formats."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from pipeline.inputs import DEFAULT_MAX_BYTES, Inputs, gather
from pipeline.model import Problem
from pipeline.settings import DEFAULT_BASE_IRI

EXIT_OK, EXIT_DATA, EXIT_LOAD = 0, 1, 2

#: The reports named on the command line. Whether each can be read is the reader's to say,
#: one line per file (`input.unreadable`), so that one unreadable file never stops the
#: others: click's own check would stop the whole run with a usage message.
READABLE_LATER = click.Path(path_type=Path, readable=False)

base_option = click.option(
    "--base",
    "base_iri",
    default=DEFAULT_BASE_IRI,
    show_default=True,
    help="Base IRI every resource is minted under.",
)

site_option = click.option(
    "--site",
    type=click.Path(path_type=Path),
    default=Path("_site"),
    show_default=True,
    help="The built site: its dataset dump data/dataset.nt.gz and the SHACL results data/validation.nt.gz.",
)


class LoadFailure(click.ClickException):
    """A file or store that cannot be used: one line on standard error, exit 2, no traceback."""

    exit_code = EXIT_LOAD


def format_problem(problem: Problem) -> str:
    """`reports/x.txt:12: warning funding.sum-mismatch: message` (compiler style), for every
    check's problems alike."""
    where = problem.file or problem.focus or "?"
    if problem.span is not None:
        where = f"{where}:{problem.span.line}"
    return f"{where}: {problem.severity.value} {problem.code}: {problem.message}"


max_bytes_option = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse a report file larger than this.",
)


def gather_inputs(
    files: Sequence[Path], max_bytes: int = DEFAULT_MAX_BYTES, keyed: bool = True
) -> Inputs:
    """The files to read; refused ones are printed as load errors (the caller exits 2)."""
    inputs = gather(files, max_bytes, keyed)
    for problem in inputs.refused:
        click.echo(format_problem(problem), err=True)
    return inputs
