"""Serialises query results: SPARQL 1.1 JSON, XML, CSV and TSV results, RDF for graphs, and a
plain-text table for people. Pure functions from `pipeline.store` values to text; no I/O.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from pipeline.rdf.serialise import FORMATS
from pipeline.rdf.serialise import serialise as serialise_rdf
from pipeline.store import Boolean, GraphResult, QueryResult, Solutions, Term

#: Media types of the SPARQL results formats, and of the RDF formats a graph result takes.
SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
SPARQL_CSV = "text/csv"
SPARQL_TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
N_TRIPLES = "application/n-triples"
JSON_LD = "application/ld+json"

#: In order of preference: the first is what a client gets when it states no preference.
TABULAR_TYPES = (SPARQL_JSON, SPARQL_XML, SPARQL_CSV, SPARQL_TSV)
GRAPH_TYPES = (TURTLE, N_TRIPLES, JSON_LD)

#: Widest cell of the text table; longer values end in "…" so rows stay on one line.
MAX_CELL = 60

_RDF_EXTENSIONS = {
    f.media_type: f.extension for f in FORMATS.values() if f.media_type in GRAPH_TYPES
}


def serialise(result: QueryResult, media_type: str) -> bytes:
    """The result in one of `TABULAR_TYPES` (SELECT, ASK) or `GRAPH_TYPES` (CONSTRUCT).

    Raises ValueError when the media type does not suit the kind of result.
    """
    if isinstance(result, GraphResult):
        if media_type not in _RDF_EXTENSIONS:
            raise ValueError(f"a graph result cannot be written as {media_type}")
        return graph_bytes(result, media_type)
    writers = {
        SPARQL_JSON: to_json,
        SPARQL_XML: to_xml,
        SPARQL_CSV: to_csv,
        SPARQL_TSV: to_tsv,
    }
    if media_type not in writers:
        raise ValueError(
            f"a {type(result).__name__.lower()} result cannot be written as {media_type}"
        )
    return writers[media_type](result).encode("utf-8")


def to_json(result: Solutions | Boolean, indent: int | None = None) -> str:
    """SPARQL 1.1 Query Results JSON Format."""
    doc: dict[str, Any]
    if isinstance(result, Boolean):
        doc = {"head": {}, "boolean": result.value}
    else:
        bindings = [
            {
                name: _json_term(term)
                for name, term in zip(result.variables, row, strict=True)
                if term
            }
            for row in result.rows
        ]
        doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=indent) + "\n"


def to_xml(result: Solutions | Boolean) -> str:
    """SPARQL Query Results XML Format (Second Edition)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    out.append('<sparql xmlns="http://www.w3.org/2005/sparql-results#">')
    if isinstance(result, Boolean):
        out.append("  <head/>")
        out.append(f"  <boolean>{'true' if result.value else 'false'}</boolean>")
    else:
        out.append("  <head>")
        out.extend(f"    <variable name={quoteattr(name)}/>" for name in result.variables)
        out.append("  </head>")
        out.append("  <results>")
        for row in result.rows:
            out.append("    <result>")
            for name, term in zip(result.variables, row, strict=True):
                if term is not None:
                    out.append(f"      <binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
            out.append("    </result>")
        out.append("  </results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def to_csv(result: Solutions | Boolean) -> str:
    """SPARQL 1.1 CSV results: plain values, CRLF line ends as the format requires.

    An ASK has no CSV form in the standard; we write a one-cell table, as Jena and Oxigraph do.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if isinstance(result, Boolean):
        writer.writerows([["boolean"], ["true" if result.value else "false"]])
    else:
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if term is None else _csv_value(term) for term in row])
    return buffer.getvalue()


def to_tsv(result: Solutions | Boolean) -> str:
    """SPARQL 1.1 TSV results: terms in Turtle/N-Triples syntax, tab-separated."""
    if isinstance(result, Boolean):
        return "?boolean\n" + ("true" if result.value else "false") + "\n"
    lines = ["\t".join("?" + name for name in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if term is None else n3(term) for term in row))
    return "\n".join(lines) + "\n"


def to_table(result: Solutions | Boolean) -> str:
    """A text table for the terminal. IRIs are shortened with the query's own prefixes."""
    if isinstance(result, Boolean):
        return ("true" if result.value else "false") + "\n"
    cells = [
        ["" if term is None else _clip(_short(term, result.prefixes)) for term in row]
        for row in result.rows
    ]
    widths = [
        max([len(name) + 1, *(len(row[i]) for row in cells)])
        for i, name in enumerate(result.variables)
    ]
    header = " | ".join(("?" + n).ljust(w) for n, w in zip(result.variables, widths, strict=True))
    rule = "-+-".join("-" * w for w in widths)
    lines = [header.rstrip(), rule]
    lines.extend(
        " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    )
    noun = "row" if len(cells) == 1 else "rows"
    lines.append(f"({len(cells)} {noun})")
    return "\n".join(lines) + "\n"


def graph_bytes(result: GraphResult, media_type: str = TURTLE) -> bytes:
    """A CONSTRUCT/DESCRIBE result as Turtle (with the query's prefixes), N-Triples or JSON-LD."""
    if media_type == N_TRIPLES:
        return result.ntriples.encode("utf-8")
    triples = list(ox.parse(result.ntriples, format=ox.RdfFormat.N_TRIPLES))
    return serialise_rdf(triples, _RDF_EXTENSIONS[media_type], dict(result.prefixes))


def n3(term: Term) -> str:
    """A term in N-Triples syntax: `<iri>`, `_:b0`, `"text"@lv`, `"1"^^<...#integer>`."""
    if term.kind == "uri":
        return f"<{term.value}>"
    if term.kind == "bnode":
        return f"_:{term.value}"
    literal = _quote(term.value)
    if term.language:
        return f"{literal}@{term.language}"
    if term.datatype:
        return f"{literal}^^<{term.datatype}>"
    return literal


def _json_term(term: Term) -> dict[str, str]:
    out = {"type": term.kind, "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = term.datatype
    return out


def _xml_term(term: Term) -> str:
    if term.kind == "uri":
        return f"<uri>{escape(term.value)}</uri>"
    if term.kind == "bnode":
        return f"<bnode>{escape(term.value)}</bnode>"
    attributes = ""
    if term.language:
        attributes = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype:
        attributes = f" datatype={quoteattr(term.datatype)}"
    return f"<literal{attributes}>{escape(term.value)}</literal>"


def _csv_value(term: Term) -> str:
    return f"_:{term.value}" if term.kind == "bnode" else term.value


def _short(term: Term, prefixes: Sequence[tuple[str, str]]) -> str:
    if term.kind == "uri":
        # The longest namespace wins so nested namespaces give the most specific name.
        for prefix, namespace in sorted(prefixes, key=lambda p: -len(p[1])):
            local = term.value[len(namespace) :]
            if namespace and term.value.startswith(namespace) and _is_local_name(local):
                return f"{prefix}:{local}"
        return f"<{term.value}>"
    if term.kind == "bnode":
        return f"_:{term.value}"
    return term.value if term.language is None else f"{term.value}@{term.language}"


def _is_local_name(local: str) -> bool:
    return all(ch.isalnum() or ch in "_-." for ch in local) and not local.endswith(".")


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _quote(value: str) -> str:
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'
