"""The whole dataset as files: Turtle, N-Triples and JSON-LD (with its published @context),
plus the vocabulary and the shapes. The bytes come from the one RDF writer
(`pipeline.rdf.serialise`), so they depend only on the triples.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from pipeline.rdf.serialise import json_bytes, jsonld_context, serialise, sorted_triples
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


def write_dumps(graphs: Iterable[Graph], settings: Settings) -> list[Path]:
    """Write dataset.{ttl,nt,jsonld}, context.jsonld, ontology.ttl and shapes.ttl under
    `<out>/data/`; returns the paths written."""
    triples = sorted_triples(graphs)
    paths = {settings.dump_path(ext): serialise(triples, ext) for ext in ("nt", "ttl", "jsonld")}
    data = settings.out_dir / DUMP_DIR
    paths[data / CONTEXT_NAME] = json_bytes({"@context": jsonld_context()})
    paths[data / VOCABULARY_FILE] = _concatenate(resource_dir(ONTOLOGY), ONTOLOGY_FILES)
    paths[data / SHAPES_FILE] = _concatenate(resource_dir(SHAPES), SHAPES_FILES)
    for path, content in paths.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return sorted(paths)


def _concatenate(directory: Path, names: tuple[str, ...]) -> bytes:
    # Turtle documents concatenate into one valid document: prefixes may be redeclared and
    # the files use only anonymous blank nodes.
    parts = [(directory / name).read_bytes().rstrip(b"\n") + b"\n" for name in names]
    return b"\n".join(parts)
