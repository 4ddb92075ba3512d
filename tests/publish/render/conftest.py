"""The render input from the bundled reports, with the real stages, once per session.

`assemble` is what `lodpipe build` does before rendering: map and validate parsed reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from pipeline.model import Parsed
from pipeline.parse import parse_report
from pipeline.publish.mapping import map_and_validate
from pipeline.publish.render import SiteInput, read_turtle
from pipeline.settings import Settings

REPO = Path(__file__).resolve().parents[3]
REPORTS = sorted((REPO / "reports").glob("*.txt"))


def assemble(parsed: Iterable[Parsed], settings: Settings | None = None) -> SiteInput:
    mapped = map_and_validate(tuple(parsed), settings or Settings())
    return SiteInput(
        settings=mapped.settings,
        parsed=mapped.parsed,
        graphs=(*mapped.graphs, mapped.shared),
        validations=mapped.validations,
        ontology=read_turtle(REPO / "ontology"),
        shapes=read_turtle(REPO / "shapes"),
    )


@pytest.fixture(scope="session")
def bundled() -> SiteInput:
    return assemble(parse_report(p, name=f"reports/{p.name}") for p in REPORTS)


@pytest.fixture(scope="session")
def site(built_site: Path) -> Path:
    """The real build of the bundled reports (tests/conftest.py): the pages together with
    the data files, queries page and catalogue that the build writes beside them."""
    return built_site
