"""The store the queries page is answered from, kept in the build cache and brought up to
date graph by graph.

Loading the whole dump into a fresh store on every build grew with the archive (parsing
every triple again), although a build changes few reports. Here each part of the data (a
report's part of the dump, the shared graph, the vocabulary, the validation results) is a
named graph of an on-disk store, named by a digest of its content: a build removes the
graphs whose content is gone and loads the new ones, and the queries read the union of
the graphs, which is the dataset.

The answers do not depend on the order the graphs were loaded in: the store keeps quads
in the order of their encoded terms, the same for the same content.

A graph counts as loaded only once it is listed in `loaded.json`, written after it is
complete (atomically); a graph an interrupted build left half loaded is removed again.

The graphs a build adds go into the store in bulk writes of `BATCH` triples, whatever
the graphs. Each bulk write makes RocksDB files of its own, so one write per graph left a
cold store of 10,000 reports with 40,000 files, and every further write slowed as they
piled up; one write of everything holds every triple in memory first (1.4 GB for 1,000
reports).

The queries run in a process of their own, started as soon as the data files are
written: pyoxigraph evaluates a query holding Python's lock, so in a thread beside the
rendering the two took turns on one core. The process brings the store up to date too,
and the build renders while it works.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import itertools
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from pipeline.rdf.serialise import FORMATS, open_dump
from pipeline.settings import VALIDATION_FILE, VOCABULARY_FILE
from pipeline.store import Dataset, Ran, run_queries

#: Triples per bulk write: the writer holds them in memory, about 1.3 KB each.
BATCH = 100_000
_MANIFEST = "loaded.json"
_GRAPH = "urn:lodpipe:part:"


class StoreBusy(Exception):
    """The store is open in another build sharing the same cache folder."""


class QueriesFailed(Exception):
    """The process answering the queries stopped before it answered."""


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
    store = _open_store(folder)
    _update(store, folder, parts)
    return Dataset(store=store, files=tuple(p.path for p in parts))


def _open_store(folder: Path) -> ox.Store:
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return _open(folder / "store")
    except OSError as exc:
        raise StoreBusy(f"{folder}: the query store is in use by another build ({exc})") from exc


def _update(store: ox.Store, folder: Path, parts: Sequence[Part], *, more: bool = False) -> None:
    """Brings `store` to hold `parts`; with `more`, it keeps the complete graphs it held
    besides (a head start, before the build knows every part)."""
    manifest = folder / _MANIFEST
    try:
        loaded = set(json.loads(manifest.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        loaded = set()
    wanted = {_GRAPH + p.digest: p for p in parts}
    kept = loaded if more else wanted.keys() & loaded
    for graph in list(store.named_graphs()):
        if not isinstance(graph, ox.NamedNode) or graph.value not in kept:
            store.remove_graph(graph)
    present = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    new = [(name, part) for name, part in sorted(wanted.items()) if name not in present & loaded]
    stream = _quads(new)
    for first in stream:  # then the next BATCH - 1 of the same stream
        store.bulk_extend(itertools.chain((first,), itertools.islice(stream, BATCH - 1)))
    store.flush()
    listed = wanted.keys() | (present & loaded if more else set())
    _write_atomically(manifest, json.dumps(sorted(listed)).encode("utf-8"))


def _open(path: Path) -> ox.Store:
    try:
        return ox.Store(str(path))
    except OSError:
        # An earlier build in this process may have left its store in a reference cycle
        # (a frame kept by a traceback): its lock goes when it is collected.
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


def site_query_store(folder: Path, shared: bytes, reports: Sequence[Path], data: Path) -> Dataset:
    """The dataset of a site being built, in the store kept in `folder`: the `shared`
    N-Triples, the reports' parts of the dump, and the vocabulary and validation results
    in `data`."""
    parts = [Part.of_file(report) for report in reports]
    return query_store(folder, _site_parts(_shared_file(folder, shared), parts, data))


def _shared_file(folder: Path, shared: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"shared-{hashlib.sha256(shared).hexdigest()}.nt"
    for old in folder.glob("shared-*.nt"):
        if old != path:
            old.unlink()
    if not path.is_file():
        path.write_bytes(shared)
    return path


def _site_parts(shared: Path, reports: Sequence[Part], data: Path) -> list[Part]:
    return [
        Part.of_file(shared),
        *reports,
        Part.of_file(data / VOCABULARY_FILE),
        Part.of_file(data / VALIDATION_FILE),
    ]


class Answering:
    """The queries being answered in a process of their own (see `answering`)."""

    def __init__(self, process: subprocess.Popen[bytes], folder: Path) -> None:
        self._process = process
        self._folder = folder

    def complete(self, shared: bytes, reports: Sequence[Path], data: Path) -> None:
        """Every part is known now: the `shared` N-Triples, the reports' parts of the dump
        and, in `data`, the vocabulary and validation results."""
        order = {
            "shared": str(_shared_file(self._folder, shared)),
            "reports": [str(path) for path in reports],
            "data": str(data),
        }
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(json.dumps(order).encode("utf-8") + b"\n")
            self._process.stdin.flush()
        except BrokenPipeError:
            pass  # it stopped: `answers` says why

    def answers(self) -> tuple[Ran, ...]:
        """Waits for the answers; raises `StoreBusy` or `QueriesFailed`."""
        out, err = self._process.communicate()
        try:
            kind, value = pickle.loads(out)
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError) as exc:
            said = err.decode("utf-8", "replace").strip().splitlines()
            why = said[-1] if said else f"exit status {self._process.returncode}"
            raise QueriesFailed(f"the queries could not be answered: {why}") from exc
        if kind == "busy":
            raise StoreBusy(value)
        return tuple(value)


@contextlib.contextmanager
def answering(folder: Path, reports: Sequence[Path], directory: Path) -> Iterator[Answering]:
    """The queries of `directory` answered over the dataset of a site being built (as in
    `site_query_store`), in a process started now. It loads the `reports`' parts of the
    dump while the build works out the rest, which `Answering.complete` gives it."""
    # A new interpreter, neither a fork nor multiprocessing's "spawn": a fork of a process
    # that ran the store's engine before can hang in it (its threads are not copied, their
    # locks are), and "spawn" runs the caller's main module again.
    folder.mkdir(parents=True, exist_ok=True)
    request = folder / f"request-{os.getpid()}.json"
    asked = {"reports": [str(path) for path in reports], "directory": str(directory)}
    _write_atomically(request, json.dumps(asked).encode("utf-8"))
    code = str(Path(__file__).resolve().parents[2])  # this lodpipe, wherever it is imported from
    path = os.pathsep.join(p for p in (code, os.environ.get("PYTHONPATH")) if p)
    process = subprocess.Popen(
        [sys.executable, "-m", __name__, str(folder), str(request)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": path},
    )
    try:
        yield Answering(process, folder)
    finally:
        if process.poll() is None:
            # An interrupted load is undone by the next build (see `loaded.json`).
            process.kill()
        process.communicate()
        request.unlink(missing_ok=True)


def _answer(folder: Path, request: Path, orders: IO[str]) -> bytes:
    """What the query process writes: its answers, or that the store is held elsewhere."""
    asked = json.loads(request.read_text(encoding="utf-8"))
    try:
        store = _open_store(folder)
    except StoreBusy as exc:
        return pickle.dumps(("busy", str(exc)))
    known: dict[tuple[str, int, int, int], Part] = {}

    def part(path: str) -> Part:
        # A build may replace a report's cache entry (a damaged one is built again) after
        # it named its files: a file is known by its name and its state on disk.
        state = os.stat(path)
        at = (path, state.st_ino, state.st_size, state.st_mtime_ns)
        if at not in known:
            known[at] = Part.of_file(Path(path))
        return known[at]

    with contextlib.suppress(OSError):  # a file replaced meanwhile: the order names it
        _update(store, folder, [part(path) for path in asked["reports"]], more=True)
    line = orders.readline()
    if not line:
        return b""  # the build stopped before it knew every part
    order = json.loads(line)
    reports = [part(path) for path in order["reports"]]
    parts = _site_parts(Path(order["shared"]), reports, Path(order["data"]))
    _update(store, folder, parts)
    dataset = Dataset(store=store, files=tuple(p.path for p in parts))
    return pickle.dumps(("answers", run_queries(dataset, Path(asked["directory"]))))


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


if __name__ == "__main__":
    sys.stdout.buffer.write(_answer(Path(sys.argv[1]), Path(sys.argv[2]), sys.stdin))
