"""Settings shared by the stages: built once by the CLI, passed explicitly. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: The one place the default base IRI is written. Override with `--base`.
DEFAULT_BASE_IRI = "https://w3id.org/lodpipe/"

#: Where the bundled reports live, relative to the repository root.
BUNDLED_REPORTS = Path("reports")

#: Paths of the whole-dataset files inside the site folder.
DUMP_DIR = "data"
DUMP_STEM = "dataset"


@dataclass(frozen=True, slots=True)
class Settings:
    base_iri: str = DEFAULT_BASE_IRI
    out_dir: Path = Path("_site")

    def __post_init__(self) -> None:
        if not self.base_iri.endswith(("/", "#")):
            raise ValueError(f"base IRI must end with '/' or '#': {self.base_iri}")

    def dump_path(self, extension: str) -> Path:
        """`dump_path("ttl")` -> _site/data/dataset.ttl"""
        return self.out_dir / DUMP_DIR / f"{DUMP_STEM}.{extension}"
