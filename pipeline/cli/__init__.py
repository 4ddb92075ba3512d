"""The `lodpipe` command: parses options, calls the library, prints, sets the exit code.

Exit codes: 0 ok (warnings allowed), 1 data errors in a report, 2 usage or load errors,
130 interrupted (Ctrl-C).
The library never prints or exits; this package is the only place that does. One module per
wing: `reading` (extract, fetch, validate), `publishing` (build), `research` (query, serve, push).
"""

from __future__ import annotations

from typing import Any

import click

from pipeline import __version__
from pipeline.cli.publishing import build
from pipeline.cli.reading import extract, fetch, validate
from pipeline.cli.research import push, query, serve

#: 128 + SIGINT, as a shell reports a command it interrupted: not 1, which says a report
#: has data errors.
EXIT_INTERRUPTED = 130


class _Commands(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # click would say "Aborted!" and exit 1. What lodpipe replaces (a site, a
            # report file, the caches) is replaced only once complete: nothing half-written
            # is left in its place.
            name = ctx.invoked_subcommand
            click.echo(f"lodpipe {name}: interrupted" if name else "lodpipe: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lodpipe")
def main() -> None:
    """Turn Latvian delegation reports ("Kopsavilkums") into Linked Open Data."""


for command in (extract, fetch, build, validate, query, serve, push):
    main.add_command(command)
