"""The whole dataset as files: Turtle, N-Triples and JSON-LD, published gzip-compressed,
plus the JSON-LD @context, the vocabulary and the shapes.

A dump is a concatenation of gzip members (RFC 1952 allows any number in one file): one
for what reports share (organisations, places, the Ministry) and one per report, written
by the worker that built the report and kept in the build cache. A build therefore
compresses only the reports it built; an unchanged report's part is copied byte for byte.
The parts are disjoint (a report's part holds the triples about its own pages, the shared
part the rest), so each triple is in a dump once. The members are in report-key order, so
the bytes do not depend on the order the files were given in.

The parts of each syntax join into one document: N-Triples lines concatenate; a Turtle
document may declare prefixes again anywhere; the JSON-LD parts are node objects with their
separators, inside the opening and closing written here (the context inline, every prefix).

Dumps are not published uncompressed: they would be most of the site's bytes (about
0.9 MB per report against 55 KB compressed), and GitHub Pages caps a site at 1 GB and a
file at 100 MB. A dump whose compressed file would pass that cap is split at member
boundaries into numbered parts (`dataset.part-001.nt.gz`, ...), each a complete document.

The SHACL results are published the same way, as N-Triples (`validation.nt.gz`): a member
for the cross-report checks, then one per report, written by its worker.
"""

from __future__ import annotations

import gzip
import io
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from pipeline.rdf.namespaces import PREFIXES, RDF
from pipeline.rdf.serialise import json_bytes, jsonld_context, jsonld_frame, jsonld_nodes, serialise
from pipeline.settings import (
    COMPRESSED_SUFFIX,
    DUMP_DIR,
    DUMP_STEM,
    MAX_PUBLISHED_FILE,
    ONTOLOGY,
    ONTOLOGY_FILES,
    SHAPES,
    SHAPES_FILE,
    SHAPES_FILES,
    VALIDATION_STEM,
    VOCABULARY_FILE,
    Settings,
    dump_part_name,
    resource_dir,
)

CONTEXT_NAME = "context.jsonld"
_RDF_TYPE = str(RDF.type)
#: The dumps' syntaxes, in the order they are written. N-Triples for stores and scripts
#: (it is Turtle too: every Turtle parser reads it), JSON-LD for JSON tools. A Turtle dump
#: restated the N-Triples one for 11 KiB a report of the site's size budget.
DUMP_SYNTAXES = ("nt", "jsonld")
#: zlib's default: within a few per cent of the smallest output at a third of the time.
_LEVEL = 6
_SEPARATOR = b",\n  "


@dataclass(frozen=True, slots=True)
class DumpStatistics:
    """What VoID says of a dump, summed over its parts. The parts hold disjoint subjects,
    so their subject counts add up; the whole dump is never read again to count them."""

    triples: int = 0
    subjects: int = 0
    properties: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()

    @classmethod
    def of(cls, triples: Sequence[ox.Triple]) -> DumpStatistics:
        classes = {
            t.object.value
            for t in triples
            if t.predicate.value == _RDF_TYPE and isinstance(t.object, ox.NamedNode)
        }
        return cls(
            len(triples),
            len({t.subject for t in triples}),
            frozenset(t.predicate.value for t in triples),
            frozenset(classes),
        )

    def __add__(self, other: DumpStatistics) -> DumpStatistics:
        return DumpStatistics(
            self.triples + other.triples,
            self.subjects + other.subjects,
            self.properties | other.properties,
            self.classes | other.classes,
        )


def write_parts(triples: list[ox.Triple], stem: Path) -> DumpStatistics:
    """Write sorted `triples` as one gzip member per syntax, `<stem>.nt.gz` and
    `.jsonld.gz`, ready to be joined into the dumps; returns what they count."""
    for syntax in DUMP_SYNTAXES:
        part_path(stem, syntax).write_bytes(_member(_part(triples, syntax)))
    return DumpStatistics.of(triples)


def write_results_part(triples: list[ox.Triple], stem: Path) -> Path:
    """Write a report's sorted SHACL results as one gzip member, ready to be joined into
    the published results (`write_results`)."""
    path = results_path(stem)
    path.write_bytes(_member(serialise(triples, "nt")))
    return path


def part_path(stem: Path, syntax: str) -> Path:
    return stem.with_name(f"{stem.name}.{syntax}{COMPRESSED_SUFFIX}")


def results_path(stem: Path) -> Path:
    """A report's part of the published SHACL results, beside its parts of the dumps."""
    return part_path(stem, f"{VALIDATION_STEM}.nt")


def write_results(
    stems: Sequence[Path], dataset: bytes, data: Path, limit: int = MAX_PUBLISHED_FILE
) -> list[Path]:
    """Join the cross-report results (`dataset`, sorted N-Triples) and the reports' parts
    (`stems`, see `write_results_part`) into data/validation.nt.gz, or its numbered parts
    past `limit`."""
    members: list[bytes | Path] = [_member(dataset)]
    members += [results_path(stem) for stem in stems]
    return _join(data, "nt", members, limit, VALIDATION_STEM)


def write_dumps(
    stems: Sequence[Path],
    shared: list[ox.Triple],
    settings: Settings,
    limit: int = MAX_PUBLISHED_FILE,
) -> list[Path]:
    """Join the reports' parts (`stems`, see `write_parts`) and the `shared` triples into
    data/dataset.{nt,jsonld}.gz, and write context.jsonld, ontology.ttl and
    shapes.ttl under data/; returns the paths written."""
    data = settings.out_dir / DUMP_DIR
    data.mkdir(parents=True, exist_ok=True)
    written = []
    for syntax in DUMP_SYNTAXES:
        members: list[bytes | Path] = [_member(_part(shared, syntax))]
        members += [part_path(stem, syntax) for stem in stems]
        written += _join(data, syntax, members, limit)
    files = {
        data / CONTEXT_NAME: json_bytes({"@context": jsonld_context()}),
        data / VOCABULARY_FILE: _concatenate(resource_dir(ONTOLOGY), ONTOLOGY_FILES),
        data / SHAPES_FILE: _concatenate(resource_dir(SHAPES), SHAPES_FILES),
    }
    for path, content in files.items():
        path.write_bytes(content)
    return sorted([*files, *written])


def _join(
    data: Path,
    syntax: str,
    members: Iterable[bytes | Path],
    limit: int,
    stem: str = DUMP_STEM,
) -> list[Path]:
    """Members (bytes, or files streamed as they are copied) into one file, or into parts
    of at most `limit` bytes at member boundaries."""
    groups: list[list[bytes | Path]] = [[]]
    size = 0
    opening, closing = _frame(syntax)
    room = limit - len(opening) - len(closing)
    for member in members:
        length = len(member) if isinstance(member, bytes) else member.stat().st_size
        if groups[-1] and size + length > room:
            groups.append([])
            size = 0
        groups[-1].append(member)
        size += length
    if len(groups) == 1:
        names = [dump_part_name(syntax, stem=stem)]
    else:
        names = [dump_part_name(syntax, n, stem) for n in range(1, len(groups) + 1)]
    written = []
    for name, group in zip(names, groups, strict=True):
        path = data / name
        with path.open("wb") as out:
            out.write(opening)
            first = True
            for member in group:
                if first and syntax == "jsonld":
                    first_member, first = _first_node(_read(member))
                    out.write(first_member)
                elif isinstance(member, bytes):
                    out.write(member)
                else:
                    with member.open("rb") as handle:
                        shutil.copyfileobj(handle, out, 1 << 20)
            out.write(closing)
        written.append(path)
    return written


def _frame(syntax: str) -> tuple[bytes, bytes]:
    if syntax != "jsonld":
        return b"", b""
    opening, closing = jsonld_frame(PREFIXES)
    return _member(opening), _member(b"\n " + closing)


def _first_node(member: bytes) -> tuple[bytes, bool]:
    """The first JSON-LD part of a file loses its leading separator; an empty part leaves
    the next one first."""
    text = gzip.decompress(member)
    if not text:
        return member, True
    return _member(b"\n  " + text.removeprefix(_SEPARATOR)), False


def _part(triples: list[ox.Triple], syntax: str) -> bytes:
    if syntax == "jsonld":
        return b"".join(_SEPARATOR + node for node in jsonld_nodes(triples, PREFIXES))
    return serialise(triples, syntax)


def _member(data: bytes) -> bytes:
    # No file name and no time in the header: the same bytes every build.
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=_LEVEL) as gz:
        gz.write(data)
    return out.getvalue()


def _read(member: bytes | Path) -> bytes:
    return member if isinstance(member, bytes) else member.read_bytes()


def _concatenate(directory: Path, names: tuple[str, ...]) -> bytes:
    # Turtle documents concatenate into one valid document: prefixes may be redeclared and
    # the files use only anonymous blank nodes.
    parts = [(directory / name).read_bytes().rstrip(b"\n") + b"\n" for name in names]
    return b"\n".join(parts)
