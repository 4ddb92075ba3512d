"""The researchers' and portals' verbs: `query`, `serve` and `push`.

Like `pipeline.cli`, this only parses options, calls the library and prints.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pipeline.cli.common import EXIT_LOAD, LoadFailure, base_option, site_option


class UsageFailure(click.ClickException):
    """A command line that cannot be run as given: one line, exit 2 (no usage dump)."""

    exit_code = EXIT_LOAD


@click.command()
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
    type=click.Choice(["table", "text", "csv", "json"]),
    default="table",
    show_default=True,
    help="SELECT/ASK: text table (table or text), SPARQL CSV or SPARQL JSON results. "
    "CONSTRUCT/DESCRIBE: Turtle, or JSON-LD with json.",
)
def query(
    query_text: str | None,
    query_file: Path | None,
    site: Path,
    data_files: tuple[Path, ...],
    fmt: str,
) -> None:
    """Run a SPARQL query over the dataset: QUERY is the query itself, a .rq file, or '-'
    for standard input (or give --file)."""
    from pipeline.research import results
    from pipeline.store import DatasetError, GraphResult, QueryError, read_query_file, site_files
    from pipeline.store import run_query as run

    if query_text is not None and query_file is None and _names_a_query_file(query_text):
        query_file, query_text = Path(query_text), None
    if (query_text is None) == (query_file is None):
        given = "both a QUERY and --file" if query_file is not None else "no query"
        raise UsageFailure(
            f"{given}: give one of a .rq file, the query text, '-' (standard input) or --file"
        )
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
    if isinstance(result, GraphResult):
        media = results.JSON_LD if fmt == "json" else results.TURTLE
        click.echo(results.graph_bytes(result, media).decode("utf-8"), nl=False)
    elif fmt == "json":
        click.echo(results.to_json(result, indent=2), nl=False)
    elif fmt == "csv":
        click.echo(results.to_csv(result), nl=False)
    else:
        click.echo(results.to_table(result), nl=False)


def _names_a_query_file(argument: str) -> bool:
    """A QUERY that is a path ending in .rq is the file to run, as people first try it;
    no SPARQL query is a single word ending in ".rq"."""
    return argument.lower().endswith(".rq") and not any(c.isspace() or c in "{}" for c in argument)


@click.command()
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

    from pipeline.research.serve import make_server
    from pipeline.store import DatasetError

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


@click.command()
@click.option(
    "--endpoint",
    required=True,
    help="The store's Graph Store Protocol URL, e.g. http://localhost:7878/store.",
)
@click.option(
    "--graph",
    "graph_iri",
    help="With --data: the named graph to replace [default: BASE + data/dataset].",
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
    help="Push only this N-Triples or Turtle file, to --graph, instead of the site.",
)
@base_option
@click.option("--timeout", default=60.0, show_default=True, help="Seconds to wait for an answer.")
@click.option(
    "--retries",
    default=2,
    show_default=True,
    help="Retries when nothing answers or on 502/503/504.",
)
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
    """Replace the dataset, vocabulary and validation graphs in a SPARQL store
    (credentials: $LODPIPE_PUSH_AUTH)."""
    from pipeline.rdf.iris import CatalogIris
    from pipeline.research.push import Policy, PushError, SiteGraph, push_graphs, site_graphs

    if data_file is not None:
        graph = graph_iri or str(CatalogIris(base_iri).dataset)
        graphs: tuple[SiteGraph, ...] = (SiteGraph(data_file, graph),)
    elif graph_iri is not None:
        raise UsageFailure("--graph goes with --data; the site's graphs are named from --base")
    else:
        graphs = site_graphs(site, base_iri)
    try:
        done = push_graphs(graphs, endpoint, gsp_url=gsp_url, policy=Policy(timeout, retries))
    except PushError as error:
        raise LoadFailure(str(error)) from None
    for result in done:
        click.echo(
            f"{result.path}: {result.triples} triples, {result.size} bytes -> graph "
            f"<{result.graph}> at {result.url} ({result.status}, attempt {result.attempts})"
        )
