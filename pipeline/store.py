"""SPARQL over the built dataset with an embedded engine (pyoxigraph; see README "Performance").

Loads dump files into an in-memory store and runs queries; results come back as plain values
(`Solutions`, `Boolean`, `Graph`) that `pipeline.research.results` serialises. No printing here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pyoxigraph as ox

from pipeline.rdf.serialise import open_dump
from pipeline.settings import (
    DUMP_DIR,
    VOCABULARY_FILE,
    dump_files,
    dump_part_name,
    validation_files,
)

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

#: Dump formats we read, by file extension.
_FORMATS = {
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ttl": ox.RdfFormat.TURTLE,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
}

#: The dump a query reads when only the site folder is given, in order of preference:
#: N-Triples parses fastest and needs no prefix handling.
DUMP_PREFERENCE = ("nt", "ttl", "jsonld")

_PREFIX_DECL = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>\s]*)>", re.IGNORECASE)


class DatasetError(Exception):
    """A dump file that is missing or cannot be read. The message names the file."""


class QueryError(Exception):
    """A query that is not valid SPARQL, or that the engine could not evaluate."""


@dataclass(frozen=True, slots=True)
class Term:
    """An RDF term in a result, engine-independent.

    `datatype` is None for simple strings and language-tagged strings, as in the SPARQL
    JSON results format.
    """

    kind: Literal["uri", "bnode", "literal"]
    value: str
    datatype: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Solutions:
    """The answer to a SELECT: variables in query order, rows in the engine's order."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]
    prefixes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Boolean:
    """The answer to an ASK."""

    value: bool
    prefixes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class GraphResult:
    """The answer to a CONSTRUCT or DESCRIBE, as canonical N-Triples lines, sorted."""

    ntriples: str
    prefixes: tuple[tuple[str, str], ...] = ()

    @property
    def triples(self) -> int:
        return self.ntriples.count("\n")


QueryResult = Solutions | Boolean | GraphResult


@dataclass(frozen=True, slots=True)
class Dataset:
    """A loaded, read-only store. Safe to query from several threads at once."""

    store: Any  # pyoxigraph.Store: the library ships no type information
    files: tuple[Path, ...]

    def __len__(self) -> int:
        return len(self.store)


def default_dump(site_dir: Path) -> tuple[Path, ...]:
    """The whole-dataset dump inside a built site, preferring N-Triples: its file, or all
    its parts when a large dump was published split.

    Raises `DatasetError` naming the expected file when the site has no dump.
    """
    data = site_dir / DUMP_DIR
    for syntax in DUMP_PREFERENCE:
        files = dump_files(data, syntax)
        if files:
            return tuple(files)
    raise DatasetError(
        f"{data / dump_part_name('nt')}: no dataset dump; build the site first (lodpipe build)"
    )


def site_files(site_dir: Path) -> tuple[Path, ...]:
    """What a built site publishes for querying: the dataset dump and, when present, the
    vocabulary with its concept schemes and the validation results (`sh:ValidationReport`)."""
    dump = default_dump(site_dir)
    data = site_dir / DUMP_DIR
    vocabulary = [data / VOCABULARY_FILE] if (data / VOCABULARY_FILE).is_file() else []
    return (*dump, *vocabulary, *validation_files(data))


def load_dataset(paths: Iterable[Path]) -> Dataset:
    """Loads RDF files (N-Triples, Turtle, JSON-LD, N-Quads, TriG by extension, each also
    gzip-compressed as `.gz`) into memory."""
    store = ox.Store()
    files = tuple(paths)
    if not files:
        raise DatasetError("no dataset file given")
    for path in files:
        plain = path.with_suffix("") if path.suffix.lower() == ".gz" else path
        rdf_format = _FORMATS.get(plain.suffix.lower())
        if rdf_format is None:
            known = ", ".join(sorted(_FORMATS))
            raise DatasetError(f"{path}: unknown RDF format (expected one of {known})")
        try:
            # bulk_load streams the file without one transaction holding it all, so a dump of
            # any size loads in the memory its triples need and no more.
            with open_dump(path) as stream:
                store.bulk_load(input=stream, format=rdf_format)
        except FileNotFoundError:
            raise DatasetError(f"{path}: no such file") from None
        except SyntaxError as error:
            raise DatasetError(f"{path}: not valid {rdf_format.name}: {error}") from None
        except (OSError, EOFError, ValueError) as error:
            raise DatasetError(f"{path}: cannot be read: {error}") from None
    return Dataset(store=store, files=files)


def execute(
    dataset: Dataset,
    query_text: str,
    *,
    default_graphs: Sequence[str] = (),
    named_graphs: Sequence[str] = (),
) -> QueryResult:
    """Runs one SPARQL 1.1 query. `default_graphs`/`named_graphs` are the protocol's
    default-graph-uri and named-graph-uri; without them every graph is part of the default
    graph, so a query reads the same whether the dump has named graphs or not.
    """
    options: dict[str, Any] = {"use_default_graph_as_union": not default_graphs}
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
    prefixes = declared_prefixes(query_text)
    try:
        answer = dataset.store.query(query_text, **options)
        if isinstance(answer, ox.QueryBoolean):
            return Boolean(bool(answer), prefixes)
        if isinstance(answer, ox.QuerySolutions):
            variables = tuple(str(v.value) for v in answer.variables)
            rows = tuple(tuple(_term(solution[name]) for name in variables) for solution in answer)
            return Solutions(variables, rows, prefixes)
        data = answer.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        lines = sorted(line for line in data.splitlines() if line)
        return GraphResult("".join(line + "\n" for line in lines), prefixes)
    except SyntaxError as error:
        raise QueryError(f"not valid SPARQL: {error}") from None
    except (OSError, ValueError) as error:
        raise QueryError(f"the query could not be evaluated: {error}") from None


#: A query file, its text and its answer.
Ran = tuple[Path, str, QueryResult]


def run_queries(dataset: Dataset, directory: Path) -> tuple[Ran, ...]:
    """Every query (`*.rq`) of `directory` run over `dataset`, in file order."""
    return tuple(run_query_file(dataset, path) for path in query_files(directory))


def query_files(directory: Path) -> list[Path]:
    """The queries (`*.rq`) of `directory`, in file order."""
    return sorted(directory.glob("*.rq"))


def run_query_file(dataset: Dataset, path: Path) -> Ran:
    """The query in `path` run over `dataset`, with its file and text."""
    text = path.read_text(encoding="utf-8")
    return (path, text, execute(dataset, text))


def run_query(query_text: str, dataset_paths: Path | Iterable[Path]) -> QueryResult:
    """Loads the dump file(s) and runs one query on them."""
    paths = (dataset_paths,) if isinstance(dataset_paths, Path) else tuple(dataset_paths)
    return execute(load_dataset(paths), query_text)


def read_query_file(path: Path) -> str:
    """Reads a .rq file as UTF-8, raising `QueryError` naming it when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"{path}: cannot be read: {error}") from None


def declared_prefixes(query_text: str) -> tuple[tuple[str, str], ...]:
    """The PREFIX declarations of a query, so results can be shown with the same short names."""
    return tuple((m.group(1) or "", m.group(2)) for m in _PREFIX_DECL.finditer(query_text))


def _term(value: Any) -> Term | None:
    if value is None:
        return None
    if isinstance(value, ox.NamedNode):
        return Term("uri", str(value.value))
    if isinstance(value, ox.BlankNode):
        return Term("bnode", str(value.value))
    if isinstance(value, ox.Literal):
        datatype = str(value.datatype.value)
        language = value.language
        plain = language is not None or datatype in (XSD_STRING, RDF_LANG_STRING)
        return Term(
            "literal",
            str(value.value),
            datatype=None if plain else datatype,
            language=None if language is None else str(language),
        )
    # Quoted triples (RDF-star) do not occur in our data; show them as written.
    return Term("literal", str(value))
