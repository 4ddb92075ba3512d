"""Every knob of a run, the names of the files a build writes, and where the package finds
its own resources (vocabulary, shapes, templates, queries). No I/O here.

The resources stay in the repository's top-level folders (`ontology/`, `shapes/`, `site/`,
`queries/`); a wheel carries copies of them inside the package (`pipeline/_resources/`, made
by `setup.py`), so an installed lodpipe finds them through importlib.resources wherever it
runs, and a source checkout finds them beside the package.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

#: The one place the default base IRI is written. Override with `--base`.
DEFAULT_BASE_IRI = "https://w3id.org/lodpipe/"

#: Paths of the whole-dataset files inside the site folder.
DUMP_DIR = "data"
DUMP_STEM = "dataset"
#: GitHub Pages refuses files over 100 MB: a compressed dump larger than this is published
#: in numbered parts (`dataset.part-001.nt.gz`, ...), each a document of its own.
MAX_PUBLISHED_FILE = 100_000_000
#: The dumps are published gzip-compressed only.
COMPRESSED_SUFFIX = ".gz"

#: Published beside the dump, compressed and split as it is: the SHACL results, so that
#: quality can be queried with the data (`validation.nt.gz`, see `validation_files`).
VALIDATION_STEM = "validation"
#: Where a site built before the results were compressed has them (still read).
LEGACY_VALIDATION_FILE = "validation.ttl"
#: Published beside the dump: the vocabulary and concept schemes (labels, notations).
VOCABULARY_FILE = "ontology.ttl"
#: Published beside the dump: the SHACL shapes, the contract the data is checked against.
SHAPES_FILE = "shapes.ttl"

#: How a report's original document is published beside its text (`source/<key>.pdf`):
#: `.htm` for HTML, whose `.html` is the source page's own name.
ORIGINAL_EXTENSIONS = (".pdf", ".docx", ".doc", ".odt", ".htm")


def of_one_report(path: str) -> bool:
    """A download (a path in the site) that belongs to one report, its source text or
    original document (`source/<key>.txt`), rather than to the whole dataset: there is one
    per report, thousands in an archive."""
    return path.startswith("source/")


#: The package's resource folders (top-level in the repository) and the files a build
#: publishes from them, in order.
ONTOLOGY = "ontology"
SHAPES = "shapes"
TEMPLATES = "site/templates"
STATIC = "site/static"
QUERIES = "queries"
ONTOLOGY_FILES = ("core.ttl", "schemes.ttl", "reused.ttl")
SHAPES_FILES = ("common.ttl", "structure.ttl", "consistency.ttl", "dataset.ttl")
RESOURCE_FOLDERS = (ONTOLOGY, SHAPES, "site", QUERIES)

_PACKAGED = "_resources"


def resource_dir(name: str) -> Path:
    """The folder of a resource (`resource_dir(SHAPES)`), inside an installed package when
    it was installed from a wheel, else beside the package in the source tree."""
    packaged = resources.files("pipeline").joinpath(_PACKAGED, *name.split("/"))
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / name


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run is asked to do; built once by the CLI and passed to every stage."""

    base_iri: str = DEFAULT_BASE_IRI
    out_dir: Path = Path("_site")
    #: Where the site is deployed when that is not the base IRI (GitHub Pages behind w3id).
    site_url: str | None = None
    jobs: int = 1
    #: The build cache (`pipeline.publish.cache`): unchanged reports are not read, mapped,
    #: validated or rendered again. None: a cold build that keeps nothing.
    cache_dir: Path | None = None

    def __post_init__(self) -> None:
        if not self.base_iri.endswith(("/", "#")):
            raise ValueError(f"base IRI must end with '/' or '#': {self.base_iri}")

    def dump_path(self, extension: str) -> Path:
        """`dump_path("nt")` -> _site/data/dataset.nt"""
        return self.out_dir / DUMP_DIR / f"{DUMP_STEM}.{extension}"


def dump_files(data: Path, syntax: str, plain: bool = True, stem: str = DUMP_STEM) -> list[Path]:
    """The files of one published dump in a site's data/ folder: `dataset.<syntax>.gz`, or
    its numbered parts when it was split, or with `plain` the plain file (a dump made by
    hand; in a built site `dataset.ttl` is the dataset's description); [] if none. `stem`
    names another file published the same way (`VALIDATION_STEM`)."""
    whole = data / f"{stem}.{syntax}{COMPRESSED_SUFFIX}"
    if whole.is_file():
        return [whole]
    parts = sorted(data.glob(f"{stem}.part-[0-9][0-9][0-9].{syntax}{COMPRESSED_SUFFIX}"))
    if parts:
        return parts
    written = data / f"{stem}.{syntax}"
    return [written] if plain and written.is_file() else []


def dump_part_name(syntax: str, number: int | None = None, stem: str = DUMP_STEM) -> str:
    """`dataset.nt.gz`, or the name of part `number` of a split dump."""
    part = "" if number is None else f".part-{number:03d}"
    return f"{stem}{part}.{syntax}{COMPRESSED_SUFFIX}"


def validation_files(data: Path) -> list[Path]:
    """The SHACL results a site publishes in `data`: `validation.nt.gz`, its numbered parts,
    or the Turtle file of a site built before they were compressed; [] if none."""
    legacy = data / LEGACY_VALIDATION_FILE
    found = dump_files(data, "nt", plain=False, stem=VALIDATION_STEM)
    return found or ([legacy] if legacy.is_file() else [])


def build_date(stated: Iterable[dt.date]) -> dt.date | None:
    """The date a build states, never the wall clock (same input, same bytes):
    $SOURCE_DATE_EPOCH (the Makefile sets it to the last commit's time), else the newest of
    the dates the reports state."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return max(stated, default=None)
