"""Builds a site from the bundled reports with the real stages, once per session.

`assemble` is what `lodpipe build` will do before rendering: parse, map, validate.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.model import Parsed
from pipeline.parse import parse_report
from pipeline.rdf import OrganisationResolver, dataset_graph, to_graph
from pipeline.render import SiteInput, read_turtle
from pipeline.validate import (
    DATASET_SHAPES,
    REPORT_SHAPES,
    load_shapes,
    validate_dataset,
    validate_graph,
)

REPO = Path(__file__).resolve().parents[2]
REPORTS = sorted((REPO / "reports").glob("*.txt"))


def assemble(parsed: Iterable[Parsed], settings: Settings | None = None) -> SiteInput:
    settings = settings or Settings()
    parsed = tuple(parsed)
    reports = tuple(p.report for p in parsed if p.report is not None)
    resolver = OrganisationResolver(reports)
    graphs = [to_graph(r, settings, resolver) for r in reports]
    dataset = dataset_graph(graphs, settings)
    shapes = load_shapes(REPORT_SHAPES)
    validations = [validate_graph(g, settings, shapes) for g in graphs]
    validations.append(validate_dataset(dataset, settings, load_shapes(DATASET_SHAPES)))
    return SiteInput(
        settings=settings,
        parsed=parsed,
        graphs=(*graphs, dataset),
        validations=tuple(validations),
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
