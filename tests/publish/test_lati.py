"""A report of 2012–2016 with amounts in lati, published beside one in euro: every amount
keeps its currency in the data, the table and its page, and the pages and queries that add
up money across reports add up euro only."""

from __future__ import annotations

import csv
import gzip
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from pipeline.publish.build import Build, build_site
from pipeline.publish.render.money import totals
from pipeline.rdf.namespaces import CURRENCY, LP, SDMX_ATTRIBUTE
from pipeline.settings import Settings
from pipeline.store import Solutions, read_query_file, run_query, site_files
from tests.conftest import MINIMAL, REPO
from tests.parse.golden import UNSEEN

LATI = UNSEEN / "zemgale_2012_2016_lati_then_euro_planted.txt"
KEY = "zemgale-2012-2016-lati-then-euro-planted"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Build]:
    out = tmp_path_factory.mktemp("lati") / "site"
    return out, build_site([MINIMAL, LATI], Settings(out_dir=out))


def _dump(out: Path) -> Graph:
    graph = Graph()
    graph.parse(data=gzip.decompress((out / "data" / "dataset.nt.gz").read_bytes()), format="nt")
    return graph


def test_the_amounts_in_lati_are_published_in_lati_and_pass_the_shapes(
    site: tuple[Path, Build],
) -> None:
    out, build = site
    assert build.exit_code == 0  # the planted overspend is a warning; no violation
    graph = _dump(out)
    lats = URIRef(CURRENCY + "LVL")
    in_lati = sorted(
        Decimal(str(graph.value(a, LP.amount)))
        for a in graph.subjects(SDMX_ATTRIBUTE.unitMeasure, lats)
    )
    # Ls 12 000,00, Ls 11 850,00, Ls 150,00 (year I), 8 000,00 and 8 100,00 LVL (year II)
    # and the changeover year's plan, Ls 12 000,00
    assert in_lati == [
        Decimal(v) for v in ("150.00", "8000.00", "8100.00", "11850.00", "12000.00", "12000.00")
    ]


def test_the_funding_table_says_each_amounts_currency(site: tuple[Path, Build]) -> None:
    out, _ = site
    with (out / "data" / "funding.csv").open(encoding="utf-8", newline="") as stream:
        rows = [r for r in csv.DictReader(stream) if r["report"] == LATI.name]
    by_currency = sorted((r["currency"], r["amount"]) for r in rows if r["amount"])
    assert by_currency == sorted(
        [
            ("LVL", "12000.00"),
            ("LVL", "11850.00"),
            ("LVL", "150.00"),
            ("LVL", "8000.00"),
            ("LVL", "8100.00"),
            ("LVL", "12000.00"),
            ("EUR", "17050.00"),
            ("EUR", "17000.00"),
            ("EUR", "16950.00"),
            ("EUR", "50.00"),
        ]
    )


def test_money_added_up_across_reports_is_euro_only(site: tuple[Path, Build]) -> None:
    out, _ = site
    mine = [t for t in totals(_dump(out)) if t.report.endswith("/" + KEY)]
    years = [t for t in mine if t.role in ("planned", "actual", "returned")]
    assert sorted((t.year, t.role, t.amount) for t in years) == [
        (2014, "actual", Decimal("17050.00")),
        (2015, "actual", Decimal("16950.00")),
        (2015, "planned", Decimal("17000.00")),
        (2015, "returned", Decimal("50.00")),
    ]


def test_the_report_page_writes_lati_as_lati(site: tuple[Path, Build]) -> None:
    out, _ = site
    page = (out / "id" / "report" / f"{KEY}.html").read_text(encoding="utf-8")
    # the reader's year card and the table of the report's data
    assert page.count("11\u00a0850,00\u00a0LVL") == 2
    assert "11\u00a0850,00\u00a0EUR" not in page
    assert page.count("17\u00a0050,00\u00a0EUR") == 2


def test_the_queries_add_up_euro_only(site: tuple[Path, Build]) -> None:
    out, _ = site
    result = run_query(
        read_query_file(REPO / "queries" / "funding-by-region-and-year.rq"), site_files(out)
    )
    assert isinstance(result, Solutions)
    rows = [
        {k: (v.value if v is not None else "") for k, v in zip(result.variables, row, strict=True)}
        for row in result.rows
    ]
    zemgale = [
        (r["yearStart"], r["plannedEUR"], r["actualEUR"]) for r in rows if r["region"] == "zemgale"
    ]
    # years I and II are in lati, year III planned in lati: only year IV is euro on both sides
    assert [(start, Decimal(p), Decimal(a)) for start, p, a in zemgale] == [
        ("2015-07-01", Decimal("17000.00"), Decimal("16950.00"))
    ]
