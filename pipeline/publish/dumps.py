"""The whole dataset as files: Turtle, N-Triples and JSON-LD (with its published @context),
plus the vocabulary and the shapes.

The N-Triples dump is merged from sorted chunks (one per report, written by the worker that
read it, and one for what reports share), never from one graph in memory: a k-way merge of
sorted lines, duplicates dropped, so it is sorted, has each triple once, and is the same
bytes however the reports were split. Turtle and JSON-LD are streamed from it.
"""

from __future__ import annotations

import functools
import heapq
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path

import pyoxigraph as ox

from pipeline.rdf.namespaces import PREFIXES, RDF, XSD
from pipeline.rdf.serialise import (
    FORMATS,
    json_bytes,
    jsonld_context,
    used_prefixes,
)
from pipeline.settings import (
    DUMP_DIR,
    ONTOLOGY,
    ONTOLOGY_FILES,
    SHAPES,
    SHAPES_FILE,
    SHAPES_FILES,
    VOCABULARY_FILE,
    Settings,
    resource_dir,
)

CONTEXT_NAME = "context.jsonld"
#: Files open at once while merging; more chunks are merged in rounds.
_FAN_IN = 128


def write_dumps(chunks: Sequence[Path], settings: Settings) -> list[Path]:
    """Write dataset.{nt,ttl,jsonld} from sorted N-Triples `chunks`, and context.jsonld,
    ontology.ttl and shapes.ttl under `<out>/data/`; returns the paths written."""
    data = settings.out_dir / DUMP_DIR
    data.mkdir(parents=True, exist_ok=True)
    nt = settings.dump_path("nt")
    merge_sorted(chunks, nt)
    prefixes = used_prefixes(_triples(nt), PREFIXES)
    _turtle(nt, settings.dump_path("ttl"), prefixes)
    _jsonld(nt, settings.dump_path("jsonld"), prefixes)
    files = {
        data / CONTEXT_NAME: json_bytes({"@context": jsonld_context()}),
        data / VOCABULARY_FILE: _concatenate(resource_dir(ONTOLOGY), ONTOLOGY_FILES),
        data / SHAPES_FILE: _concatenate(resource_dir(SHAPES), SHAPES_FILES),
    }
    for path, content in files.items():
        path.write_bytes(content)
    return sorted([*files, nt, settings.dump_path("ttl"), settings.dump_path("jsonld")])


def merge_sorted(chunks: Sequence[Path], target: Path) -> None:
    """Merge files of sorted lines into `target`: sorted, each line once."""
    rounds: list[Path] = list(chunks)
    temporary: list[Path] = []
    try:
        while len(rounds) > _FAN_IN:
            merged = []
            for start in range(0, len(rounds), _FAN_IN):
                handle, name = tempfile.mkstemp(dir=target.parent, suffix=".merge")
                os.close(handle)
                temporary.append(Path(name))
                _merge(rounds[start : start + _FAN_IN], Path(name))
                merged.append(Path(name))
            rounds = merged
        _merge(rounds, target)
    finally:
        for path in temporary:
            path.unlink(missing_ok=True)


def _merge(chunks: Sequence[Path], target: Path) -> None:
    with ExitStack() as stack, target.open("wb") as out:
        files = [stack.enter_context(path.open("rb")) for path in chunks]
        last = None
        for line in heapq.merge(*files):
            if line != last:
                out.write(line if line.endswith(b"\n") else line + b"\n")
                last = line


def _triples(nt: Path) -> Iterator[ox.Triple]:
    with nt.open("rb") as handle:
        for quad in ox.parse(handle, format=ox.RdfFormat.N_TRIPLES):
            yield quad.triple


def _turtle(nt: Path, target: Path, prefixes: dict[str, str]) -> None:
    # The engine writes prefix lines in hash-map order; they are written sorted first.
    body = target.with_suffix(".body")
    try:
        ox.serialize(_triples(nt), body, format=FORMATS["ttl"].engine, prefixes=prefixes)
        with body.open("rb") as source, target.open("wb") as out:
            head: list[bytes] = []
            for line in source:
                if line.startswith(b"@prefix "):
                    head.append(line)
                    continue
                out.writelines(sorted(head))
                head = []
                out.write(line)
                out.writelines(source)
            out.writelines(sorted(head))
    finally:
        body.unlink(missing_ok=True)


def _jsonld(nt: Path, target: Path, prefixes: dict[str, str]) -> None:
    """Compact JSON-LD, one node object per subject, written subject by subject (the
    sorted dump holds each subject's triples together)."""
    by_length = sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0]))

    # Only predicates, classes and datatypes are compacted: few, and each seen many times.
    @functools.cache
    def compact(iri: str) -> str:
        for prefix, namespace in by_length:
            rest = iri[len(namespace) :]
            if iri.startswith(namespace) and rest and all(c.isalnum() or c in "-_" for c in rest):
                return f"{prefix}:{rest}"
        return iri

    with target.open("wb") as out:
        head = json_bytes({"@context": jsonld_context(prefixes), "@graph": []})
        opening, _, closing = head.decode("utf-8").rpartition("[]")
        out.write(opening.encode("utf-8") + b"[")
        first = True
        for subject, triples in _by_subject(_triples(nt)):
            node: dict[str, list[object]] = {}
            for triple in triples:
                node_value = triple.object
                if triple.predicate.value == str(RDF.type) and isinstance(node_value, ox.NamedNode):
                    node.setdefault("@type", []).append(compact(node_value.value))
                    continue
                node.setdefault(compact(triple.predicate.value), []).append(
                    _entry(node_value, compact)
                )
            text = json.dumps({"@id": subject, **dict(sorted(node.items()))}, ensure_ascii=False)
            out.write((b"\n  " if first else b",\n  ") + text.encode("utf-8"))
            first = False
        out.write((b"]" if first else b"\n ]") + closing.encode("utf-8"))


def _by_subject(triples: Iterable[ox.Triple]) -> Iterator[tuple[str, list[ox.Triple]]]:
    current: str | None = None
    group: list[ox.Triple] = []
    for triple in triples:
        subject = triple.subject
        if isinstance(subject, ox.Triple):
            raise ValueError(f"quoted triples are not published: {subject}")
        key = f"_:{subject.value}" if isinstance(subject, ox.BlankNode) else subject.value
        if key != current and group:
            yield str(current), group
            group = []
        current = key
        group.append(triple)
    if group:
        yield str(current), group


def _entry(value: object, compact: object) -> dict[str, str]:
    assert callable(compact)
    if isinstance(value, ox.NamedNode):
        return {"@id": value.value}
    if isinstance(value, ox.BlankNode):
        return {"@id": f"_:{value.value}"}
    if not isinstance(value, ox.Literal):
        raise ValueError(f"quoted triples are not published: {value}")
    if value.language:
        return {"@value": value.value, "@language": value.language}
    if value.datatype.value == str(XSD.string):
        return {"@value": value.value}
    return {"@value": value.value, "@type": str(compact(value.datatype.value))}


def _concatenate(directory: Path, names: tuple[str, ...]) -> bytes:
    # Turtle documents concatenate into one valid document: prefixes may be redeclared and
    # the files use only anonymous blank nodes.
    parts = [(directory / name).read_bytes().rstrip(b"\n") + b"\n" for name in names]
    return b"\n".join(parts)
