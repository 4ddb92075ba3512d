"""The only place IRIs are minted. The rules are documented in ontology/README.md.

Data IRIs hang off `Settings.base_iri`: `id/report/<key>` (one page per report, every
part of the report a `#fragment` on it), `id/organisation/<key>`, `id/place/<key>` and
`source/<key>` (the report's published text, lines anchored as `#L12`, spans as RFC 5147's
`#char=10830,10896`). Keys are lowercase ASCII `[a-z0-9-]`, so no IRI is a path prefix of
another.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from rdflib import URIRef

from pipeline.model import ActivityGroup, AmountRole, Purpose
from pipeline.settings import DUMP_DIR, DUMP_STEM

# Latvian letters first, so that keys stay readable ("ā" -> "a", not dropped).
_LATVIAN = str.maketrans(
    {
        "ā": "a", "č": "c", "ē": "e", "ģ": "g", "ī": "i", "ķ": "k", "ļ": "l",
        "ņ": "n", "ō": "o", "ŗ": "r", "š": "s", "ū": "u", "ž": "z",
    }
)  # fmt: skip
_NOT_KEY = re.compile(r"[^a-z0-9]+")

#: The Ministry of Culture: funder of every task and publisher of every report.
MINISTRY_KEY = "kulturas-ministrija"


def slug(text: str) -> str:
    """`"Dienvidlatgales NVO atbalsta centrs"` -> `dienvidlatgales-nvo-atbalsta-centrs`."""
    folded = text.casefold().translate(_LATVIAN)
    ascii_only = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return _NOT_KEY.sub("-", ascii_only).strip("-")


@functools.cache  # asked for again and again by the cross-report pages
def report_key(file: str) -> str:
    """The report's key is its file stem: `reports/000_f25f.txt` -> `000-f25f`."""
    key = slug(PurePath(file.replace("\\", "/")).stem)
    if not key:
        raise ValueError(f"no key can be made from the file name {file!r}")
    return key


def organisation_key(name: str | None, registration_number: str | None) -> str:
    """`lv-re-<number>` when the number is known, else the slug of the name."""
    if registration_number:
        number = slug(registration_number)
        if number:
            return f"lv-re-{number}"
    key = slug(name or "")
    if not key:
        raise ValueError("an organisation needs a name or a registration number")
    return key


_GROUP_KEY = {ActivityGroup.CIVIL_SOCIETY: "cs", ActivityGroup.MINORITY_CAPACITY: "mc"}


@dataclass(frozen=True, slots=True)
class Iris:
    """IRIs of things shared by all reports, under one base."""

    base: str

    def report(self, key: str) -> ReportIris:
        return ReportIris(URIRef(f"{self.base}id/report/{key}"), self.source(key))

    def organisation(self, key: str) -> URIRef:
        return URIRef(f"{self.base}id/organisation/{key}")

    def ministry(self) -> URIRef:
        return self.organisation(MINISTRY_KEY)

    def place(self, key: str, kind: str = "city") -> URIRef:
        """`id/place/rezekne` (the city), `id/place/rezekne-novads` (the municipality)."""
        suffix = "-novads" if kind == "municipality" else ""
        return URIRef(f"{self.base}id/place/{slug(key)}{suffix}")

    def source(self, key: str) -> URIRef:
        return URIRef(f"{self.base}source/{key}")

    def dataset_validation(self) -> URIRef:
        return URIRef(f"{self.base}id/validation/dataset")


def activity_fragment(year: int, group: ActivityGroup, position: int) -> str:
    """`year-1-cs-3`: an activity's fragment of its report's IRI (the page shows it as the
    activity's anchor)."""
    return f"year-{year}-{_GROUP_KEY[group]}-{position}"


def part_fragment(activity: str, kind: str, position: int) -> str:
    """`year-1-cs-3-indicator-2`: an indicator's or a date's fragment (from 1)."""
    return f"{activity}-{kind}-{position}"


@dataclass(frozen=True, slots=True)
class ReportIris:
    """The report's page and the `#fragment` IRIs of its parts."""

    page: URIRef
    source: URIRef

    def part(self, fragment: str) -> URIRef:
        return URIRef(f"{self.page}#{fragment}")

    def fragment_of(self, iri: str) -> str:
        """The fragment of one of this report's IRIs ("" for the page itself)."""
        return iri.partition("#")[2]

    def source_line(self, line: int) -> URIRef:
        return URIRef(f"{self.source}#L{line}")

    @property
    def task(self) -> URIRef:
        return self.part("task")

    @property
    def agreement(self) -> URIRef:
        return self.part("agreement")

    @property
    def agreement_period(self) -> URIRef:
        return self.part("agreement-period")

    @property
    def funding_dataset(self) -> URIRef:
        return self.part("funding")

    @property
    def checksum(self) -> URIRef:
        return URIRef(f"{self.source}#sha256")

    def original(self, extension: str) -> URIRef:
        """The original document, published beside the text: `source/<key>.pdf`."""
        return URIRef(f"{self.source}{extension}")

    @property
    def retrieval(self) -> URIRef:
        """The download of a fetched original (a PROV activity)."""
        return URIRef(f"{self.source}#retrieval")

    def year(self, ordinal: int) -> URIRef:
        return self.part(f"year-{ordinal}")

    def year_period(self, ordinal: int) -> URIRef:
        return self.part(f"year-{ordinal}-period")

    def activity(self, year: int, group: ActivityGroup, position: int) -> URIRef:
        return self.part(activity_fragment(year, group, position))

    def activity_part(self, activity: URIRef, kind: str, position: int) -> URIRef:
        """`#year-1-cs-3-indicator-2`, `#year-1-cs-3-date-1`."""
        return self.part(part_fragment(self.fragment_of(activity), kind, position))

    def funding_row(self, label: str) -> URIRef:
        """`#funding-1` (implementation year I), `#funding-2020` (calendar year),
        `#funding-agreement` (the whole delegation period)."""
        return self.part(f"funding-{label}")

    def funding_row_period(self, row: URIRef) -> URIRef:
        return self.part(f"{self.fragment_of(row)}-period")

    def amount(self, row: URIRef, role: AmountRole, purpose: Purpose | None) -> URIRef:
        """`#funding-1-planned` for a total, `#funding-1-actual-civil-society` for a line."""
        tail = role.value if purpose is None else f"{role.value}-{purpose.value}"
        return self.part(f"{self.fragment_of(row)}-{tail}")

    def contract_total(self, role: AmountRole) -> URIRef:
        """`#agreement-total-planned`: a total the report states over the whole contract."""
        return self.part(f"agreement-total-{role.value}")

    def statement(self, name: str) -> URIRef:
        return self.part(name)

    def statement_amount(self, name: str) -> URIRef:
        return self.part(f"{name}-amount")

    def passage(self, kind: str, position: int) -> URIRef:
        """Free text kept as written: `#objective-1`, `#year-2-note-1`, `#unlabelled-1`."""
        return self.part(f"{kind}-{position}")

    def identifier(self, organisation: URIRef) -> URIRef:
        return URIRef(f"{organisation}#lv-re")

    # Provenance: the span of the source text a fact was read from.
    def source_span(self, start: int, end: int) -> URIRef:
        """`source/<key>#char=10830,10896`: RFC 5147's fragment for the code points from
        `start` up to `end` of the text (`source/<key>` is served as text/plain too), so
        two facts read from the same words share one span."""
        return URIRef(f"{self.source}#char={start},{end}")

    def validation(self) -> URIRef:
        return self.part("validation")


class KeyCollision(ValueError):
    """Two inputs whose names give the same report key: they would share every IRI."""


def report_keys(names: Sequence[str]) -> list[str]:
    """The key of each report name; raises `KeyCollision` naming both files when two names
    give the same key (see `pipeline.inputs` for the rule)."""
    seen: dict[str, str] = {}
    keys = []
    for name in names:
        key = report_key(name)
        if key in seen:
            raise KeyCollision(f"{seen[key]} and {name} would both be published as report {key!r}")
        seen[key] = name
        keys.append(key)
    return keys


@dataclass(frozen=True, slots=True)
class CatalogIris:
    """IRIs of the catalogue and what it describes. The dataset IRI is also the named graph
    `lodpipe push` loads the dump into, beside the vocabulary and validation graphs; the
    distributions are fragments of the catalogue document."""

    base: str

    @property
    def catalog(self) -> URIRef:
        return URIRef(f"{self.base}catalog")

    @property
    def dataset(self) -> URIRef:
        return URIRef(f"{self.base}{DUMP_DIR}/{DUMP_STEM}")

    @property
    def vocabulary_graph(self) -> URIRef:
        return URIRef(f"{self.base}{DUMP_DIR}/vocabulary")

    @property
    def validation_graph(self) -> URIRef:
        return URIRef(f"{self.base}{DUMP_DIR}/validation")

    @property
    def void(self) -> URIRef:
        """The VoID document (`void.ttl`, also at `.well-known/void`)."""
        return URIRef(f"{self.base}void")

    @property
    def home(self) -> URIRef:
        return URIRef(self.base)

    def part(self, name: str) -> URIRef:
        return URIRef(f"{self.catalog}#{name}")

    def distribution(self, path: str) -> URIRef:
        return self.part(slug(path))

    def file(self, path: str) -> URIRef:
        return URIRef(self.base + path)
