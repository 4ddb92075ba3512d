"""The whole dataset as files: Turtle, N-Triples and JSON-LD (with its published @context),
plus the vocabulary and the shapes.

The N-Triples dump is merged from sorted chunks (one per report, written by the worker that
read it, and one for what reports share), never from one graph in memory: a k-way merge of
sorted lines, duplicates dropped, so it is sorted, has each triple once, and is the same
bytes however the reports were split. Turtle and JSON-LD are streamed from it by the one RDF writer.
"""

from __future__ import annotations

import gzip
import heapq
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path

import pyoxigraph as ox

from pipeline.rdf.namespaces import PREFIXES
from pipeline.rdf.serialise import json_bytes, jsonld_context, used_prefixes, write
from pipeline.settings import (
    COMPRESSED_SUFFIX,
    DUMP_DIR,
    MAX_PUBLISHED_FILE,
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
    for extension in ("ttl", "jsonld"):
        with settings.dump_path(extension).open("wb") as out:
            write(_triples(nt), out, extension, prefixes)
    files = {
        data / CONTEXT_NAME: json_bytes({"@context": jsonld_context()}),
        data / VOCABULARY_FILE: _concatenate(resource_dir(ONTOLOGY), ONTOLOGY_FILES),
        data / SHAPES_FILE: _concatenate(resource_dir(SHAPES), SHAPES_FILES),
    }
    for path, content in files.items():
        path.write_bytes(content)
    dumps = [nt, settings.dump_path("ttl"), settings.dump_path("jsonld")]
    return sorted([*files, *_compressed(dumps)])


def _compressed(dumps: Sequence[Path]) -> list[Path]:
    """Each dump gzip-compressed beside it (no name or time in the header: the same bytes
    every build); a dump over Pages' file limit is then published only compressed."""
    published = []
    for dump in dumps:
        packed = dump.with_name(dump.name + COMPRESSED_SUFFIX)
        with (
            dump.open("rb") as source,
            packed.open("wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out,
        ):
            shutil.copyfileobj(source, out, 1 << 20)
        published.append(packed)
        if dump.stat().st_size > MAX_PUBLISHED_FILE:
            dump.unlink()  # ours, written above: too large for GitHub Pages
        else:
            published.append(dump)
    return published


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


def _concatenate(directory: Path, names: tuple[str, ...]) -> bytes:
    # Turtle documents concatenate into one valid document: prefixes may be redeclared and
    # the files use only anonymous blank nodes.
    parts = [(directory / name).read_bytes().rstrip(b"\n") + b"\n" for name in names]
    return b"\n".join(parts)
