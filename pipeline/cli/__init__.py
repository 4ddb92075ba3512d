"""The `lodpipe` command: parses options, calls the library, prints, sets the exit code.

Exit codes: 0 ok (warnings allowed), 1 data errors in a report, 2 usage or load errors.
The library never prints or exits; this package is the only place that does. One module per
wing: `reading` (extract, fetch, validate), `publishing` (build), `research` (query, serve, push).
"""

from __future__ import annotations

import click

from pipeline import __version__
from pipeline.cli.publishing import build
from pipeline.cli.reading import extract, fetch, validate
from pipeline.cli.research import push, query, serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lodpipe")
def main() -> None:
    """Turn Latvian delegation reports ("Kopsavilkums") into Linked Open Data."""


for command in (extract, fetch, build, validate, query, serve, push):
    main.add_command(command)
