"""The store the queries page is answered from, kept in the build cache and brought up to
date graph by graph.

Loading the whole dump into a fresh store on every build grew with the archive (parsing
every triple again), although a build changes few reports. Here each part of the data (a
report's part of the dump or of the validation results, the shared graph with the
cross-report results, the vocabulary) is a named graph of an on-disk store, named by a
digest of its content: a build removes the graphs whose content is gone and loads the new
ones, and the queries read the union of the graphs, which is the dataset.

The answers do not depend on the order the graphs were loaded in: the store keeps quads
in the order of their encoded terms, the same for the same content.

A graph counts as loaded only while `loaded.json` lists it: it is listed once complete,
and no longer listed once it is removed (each written atomically); a graph an interrupted
build left half loaded is removed again.

The graphs a build adds go into the store in bulk writes of `BATCH` triples, whatever
the graphs. Each bulk write makes RocksDB files of its own, so one write per graph left a
cold store of 10,000 reports with 40,000 files, and every further write slowed as they
piled up; one write of everything holds every triple in memory first (1.4 GB for 1,000
reports).

The store is brought up to date and queried in a process of its own (`queryprocess`).
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import os
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from pipeline.rdf.serialise import FORMATS, open_dump
from pipeline.settings import VOCABULARY_FILE
from pipeline.store import Dataset

#: Triples per bulk write: the writer holds them in memory, about 1.3 KB each. Loading 1,000
#: reports' parts took as long in writes of 50,000 as of 100,000 (24.5 and 25.2 s), with a
#: peak of 110 MiB against 152 MiB, and the queries ran as fast; 25,000 was slower.
BATCH = 50_000
_MANIFEST = "loaded.json"
_SITE = "site.json"
_GRAPH = "urn:lodpipe:part:"


class StoreBusy(Exception):
    """The store is open in another build sharing the same cache folder."""


@dataclass(frozen=True, slots=True)
class Part:
    """One graph of the store: the content of `path` (an RDF file, gzip allowed), named by
    `digest` (a digest of that content)."""

    digest: str
    path: Path

    @classmethod
    def of_file(cls, path: Path) -> Part:
        return cls(hashlib.sha256(path.read_bytes()).hexdigest(), path)


def query_store(folder: Path, parts: Sequence[Part]) -> Dataset:
    """The store in `folder` holding exactly `parts`, each as a named graph; raises
    `StoreBusy` when another process has it open."""
    store = open_store(folder)
    update(store, folder, parts)
    return Dataset(store=store, files=tuple(p.path for p in parts))


def open_store(folder: Path) -> ox.Store:
    """The store in `folder`, locked for this process; raises `StoreBusy`."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return _open(folder / "store")
    except OSError as exc:
        raise StoreBusy(f"{folder}: the query store is in use by another build ({exc})") from exc


def update(
    store: ox.Store,
    folder: Path,
    parts: Sequence[Part],
    *,
    more: bool = False,
    keep: Collection[str] = (),
) -> frozenset[str]:
    """Brings `store` to hold `parts` (and the complete graphs named in `keep`); with
    `more`, it keeps every complete graph it held besides (a head start, before the build
    knows every part). Returns the names of the graphs it holds (`graph_names`)."""
    manifest = folder / _MANIFEST
    try:
        loaded = set(json.loads(manifest.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        loaded = set()
    wanted = {_GRAPH + p.digest: p for p in parts}
    kept = loaded if more else (wanted.keys() | set(keep)) & loaded
    for graph in list(store.named_graphs()):
        if not isinstance(graph, ox.NamedNode) or graph.value not in kept:
            store.remove_graph(graph)
    present = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    if present & kept != loaded:
        # What was removed is no longer complete: were it loaded again and that load
        # interrupted, the manifest must not still call it loaded.
        _write_atomically(manifest, json.dumps(sorted(present & kept)).encode("utf-8"))
    new = [(name, part) for name, part in sorted(wanted.items()) if name not in present & loaded]
    stream = _quads(new)
    for first in stream:  # then the next BATCH - 1 of the same stream
        store.bulk_extend(itertools.chain((first,), itertools.islice(stream, BATCH - 1)))
    store.flush()
    listed = wanted.keys() | (present & kept)
    _write_atomically(manifest, json.dumps(sorted(listed)).encode("utf-8"))
    return frozenset(listed)


def graph_names(parts: Iterable[Part]) -> frozenset[str]:
    """The store's names of the graphs holding `parts` (each named by its content)."""
    return frozenset(_GRAPH + p.digest for p in parts)


def last_site(folder: Path) -> frozenset[str]:
    """The graphs of the last site's parts besides the reports' (see `remember_site`):
    a hint only, none when unknown."""
    try:
        names = json.loads((folder / _SITE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return frozenset()
    return frozenset(names)


def remember_site(folder: Path, others: Iterable[Part]) -> None:
    """Note the graphs of a site's parts besides the reports' (the shared graph, the
    vocabulary, the validation results): the next build guesses they are the same."""
    _write_atomically(folder / _SITE, json.dumps(sorted(graph_names(others))).encode("utf-8"))


def _open(path: Path) -> ox.Store:
    try:
        return ox.Store(str(path))
    except OSError:
        # A store this process opened before may still be held by a reference cycle (a
        # frame kept by a traceback): its lock goes when it is collected.
        gc.collect()
        return ox.Store(str(path))


def _quads(parts: Sequence[tuple[str, Part]]) -> Iterator[ox.Quad]:
    """The triples of each part, in the graph named for it."""
    for name, part in parts:
        graph = ox.NamedNode(name)
        plain = part.path.with_suffix("") if part.path.suffix == ".gz" else part.path
        with open_dump(part.path) as stream:
            engine = FORMATS[plain.suffix.lstrip(".")].engine
            # `_:b0` of one file is not `_:b0` of another: each file's blank nodes are its own.
            for quad in ox.parse(stream, format=engine, rename_blank_nodes=True):
                yield ox.Quad(quad.subject, quad.predicate, quad.object, graph)


def shared_file(folder: Path, shared: bytes) -> Path:
    """The `shared` N-Triples as a file of `folder` named by their digest; the files of
    earlier shared graphs there go (only the holder of the store calls this)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"shared-{hashlib.sha256(shared).hexdigest()}.nt"
    for old in folder.glob("shared-*.nt"):
        if old != path:
            old.unlink()
    if not path.is_file():
        path.write_bytes(shared)
    return path


def site_parts(shared: Path, reports: Sequence[Part], data: Path) -> list[Part]:
    """The parts of a site's dataset: the shared graph (with the cross-report validation
    results), the reports' parts (of the dump and of the validation results), and the
    vocabulary in `data`."""
    return [Part.of_file(shared), *reports, Part.of_file(data / VOCABULARY_FILE)]


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
