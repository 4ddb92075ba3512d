"""The SPARQL 1.1 Protocol (query operation) over a loaded dataset, independent of any server.

Turns a request (method, query string, content type, body, Accept) into a `Reply`; the HTTP
server in `pipeline.research.serve` only copies that to the wire. Read-only: updates are refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import parse_qs

from pipeline.research import negotiate, results
from pipeline.store import Dataset, GraphResult, QueryError, execute

SPARQL_PATH = "/sparql"

#: Names clients use for the results formats, mapped to the format we write.
_TABULAR_ALIASES = {
    results.SPARQL_JSON: results.SPARQL_JSON,
    results.SPARQL_XML: results.SPARQL_XML,
    results.SPARQL_CSV: results.SPARQL_CSV,
    results.SPARQL_TSV: results.SPARQL_TSV,
    "application/json": results.SPARQL_JSON,
    "application/xml": results.SPARQL_XML,
    "text/xml": results.SPARQL_XML,
}
_GRAPH_ALIASES = {
    results.TURTLE: results.TURTLE,
    results.N_TRIPLES: results.N_TRIPLES,
    results.JSON_LD: results.JSON_LD,
    "text/plain": results.N_TRIPLES,  # what N-Triples was served as before it had a type
}
_TEXT_TYPES = (results.SPARQL_CSV, results.SPARQL_TSV, results.TURTLE)

_FORMATS_NS = "http://www.w3.org/ns/formats/"
_SERVICE_DESCRIPTION = """\
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <{formats}> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML,
        formats:SPARQL_Results_CSV, formats:SPARQL_Results_TSV,
        formats:Turtle, formats:N-Triples, formats:JSON-LD .
"""


@dataclass(frozen=True, slots=True)
class Reply:
    """What to send back: status, Content-Type, body and any further headers."""

    status: HTTPStatus
    content_type: str
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


def answer_sparql(
    dataset: Dataset,
    *,
    method: str,
    query_string: str,
    content_type: str | None,
    body: bytes | None,
    accept: str | None,
    endpoint_iri: str,
) -> Reply:
    """Answers one protocol request: GET with `?query=`, POST as a form or as a bare query.

    A GET without a query returns the service description (SPARQL 1.1 Service Description,
    section 2). Client mistakes are 400 (415 for an unknown body type) with a plain message.
    """
    url_params = parse_qs(query_string, keep_blank_values=True)
    if method in ("GET", "HEAD"):
        params = url_params
        if not params:
            text = _SERVICE_DESCRIPTION.format(formats=_FORMATS_NS, endpoint=endpoint_iri)
            return Reply(HTTPStatus.OK, "text/turtle; charset=utf-8", text.encode())
    else:
        media = (content_type or "").split(";")[0].strip().lower()
        raw = body or b""
        try:
            text_body = raw.decode("utf-8")
        except UnicodeDecodeError:
            return _error(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8")
        if media == "application/x-www-form-urlencoded":
            params = parse_qs(text_body, keep_blank_values=True)
        elif media == "application/sparql-query":
            params = {**url_params, "query": [text_body]}
        elif media == "application/sparql-update":
            return _error(HTTPStatus.BAD_REQUEST, "this endpoint is read-only: no updates")
        else:
            return _error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "send the query as application/x-www-form-urlencoded or application/sparql-query",
            )
    if "update" in params:
        return _error(HTTPStatus.BAD_REQUEST, "this endpoint is read-only: no updates")
    queries = params.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        return _error(HTTPStatus.BAD_REQUEST, "give exactly one non-empty 'query' parameter")
    if uses_service(queries[0]):
        return _error(
            HTTPStatus.BAD_REQUEST,
            "SERVICE is not allowed here: this endpoint answers over its own dataset only",
        )
    try:
        result = execute(
            dataset,
            queries[0],
            default_graphs=params.get("default-graph-uri", []),
            named_graphs=params.get("named-graph-uri", []),
        )
    except QueryError as error:
        return _error(HTTPStatus.BAD_REQUEST, str(error))
    aliases = _GRAPH_ALIASES if isinstance(result, GraphResult) else _TABULAR_ALIASES
    # A client that accepts none of ours still gets an answer in the standard default
    # rather than a 406: that is what Fuseki and Oxigraph do, and clients cope better.
    chosen = negotiate.choose(accept, list(aliases)) or next(iter(aliases))
    media_type = aliases[chosen]
    payload = results.serialise(result, media_type)
    shown = f"{media_type}; charset=utf-8" if media_type in _TEXT_TYPES else media_type
    return Reply(HTTPStatus.OK, shown, payload, {"Vary": "Accept"})


# Strings, IRIs and comments cannot hold the keyword; variables (?service) and prefixed
# names (ex:service) are not the keyword either.
_NOT_KEYWORD = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_SERVICE = re.compile(r"(?<![\w?$:])service(?![\w:])", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """True when the query has a SERVICE clause, which would make the server fetch other
    URLs (the embedded engine follows them over HTTP)."""
    return bool(_SERVICE.search(_NOT_KEYWORD.sub(" ", query)))


def _error(status: HTTPStatus, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))
