"""The researchers' questions in queries/: each answer over the five bundled reports is
checked against values read from the reports by hand (lines given)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.store import Solutions, read_query_file, run_query, site_files
from tests.conftest import REPO

QUERIES = REPO / "queries"
REPORT = "https://w3id.org/lodpipe/id/report/"


def answer(site: Path, name: str) -> list[dict[str, str]]:
    result = run_query(read_query_file(QUERIES / name), site_files(site))
    assert isinstance(result, Solutions)
    return [
        {k: (v.value if v is not None else "") for k, v in zip(result.variables, row, strict=True)}
        for row in result.rows
    ]


def money(value: str) -> Decimal:
    return Decimal(value)


def test_every_query_says_its_question_in_english_and_latvian() -> None:
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) >= 7
    for path in files:
        head = path.read_text(encoding="utf-8").split("PREFIX", 1)[0]
        lines = [line for line in head.splitlines() if line.startswith("# ")]
        assert len(lines) >= 2, path.name
        assert lines[0].isascii(), f"{path.name}: the question comes first in English"
        # then in Latvian
        assert any(re.search(r"[āčēģīķļņšūž]", line) for line in lines[1:]), path.name


def test_funding_planned_vs_actual_per_region_and_year(built_site: Path) -> None:
    rows = answer(built_site, "funding-by-region-and-year.rq")
    got = [
        (r["region"], r["yearStart"], money(r["plannedEUR"]), money(r["actualEUR"])) for r in rows
    ]
    assert got == [
        # 004 lines 210-280
        ("kurzeme", "2022-07-15", Decimal("49000"), Decimal("47786.53")),
        ("kurzeme", "2023-07-15", Decimal("49000"), Decimal("49000")),
        ("kurzeme", "2024-07-15", Decimal("49000"), Decimal("48871.72")),
        # 000 lines 61-65 (year II is written 2023-07-15 to 2025-07-14)
        ("latgale", "2022-07-15", Decimal("54000"), Decimal("51553")),
        ("latgale", "2023-07-15", Decimal("54000"), Decimal("52223.18")),
        ("latgale", "2024-07-15", Decimal("54000"), Decimal("53948.50")),
        # 002 lines 38-42
        ("riga", "2022-07-15", Decimal("53994"), Decimal("53994")),
        ("riga", "2023-07-15", Decimal("53900"), Decimal("52816.67")),
        ("riga", "2024-07-15", Decimal("53994"), Decimal("53994")),
        # 003 lines 40-43
        ("zemgale", "2022-07-15", Decimal("49000"), Decimal("49000")),
        ("zemgale", "2023-07-15", Decimal("49000"), Decimal("44135.47")),
        ("zemgale", "2024-07-15", Decimal("49000"), Decimal("49000")),
    ]
    latgale_2 = next(r for r in rows if r["region"] == "latgale" and r["yearStart"] == "2023-07-15")
    assert latgale_2["yearEnd"] == "2025-07-14" and money(latgale_2["differenceEUR"]) == Decimal(
        "1776.82"
    )


def test_execution_rate_per_implementer(built_site: Path) -> None:
    rows = {r["name"]: r for r in answer(built_site, "execution-rate-by-implementer.rq")}
    expected = {
        "Latvijas Pilsoniskā alianse": ("161888", "160804.67"),
        "Kurzemes NVO centrs": ("147000", "145658.25"),
        "Dienvidlatgales NVO atbalsta centrs": ("162000", "157724.68"),
        "Zemgales NVO centrs": ("147000", "142135.47"),
    }
    assert set(rows) == set(expected)
    for name, (planned, actual) in expected.items():
        row = rows[name]
        assert (money(row["plannedEUR"]), money(row["actualEUR"])) == (
            Decimal(planned),
            Decimal(actual),
        )
        assert abs(Decimal(row["rate"]) - Decimal(actual) / Decimal(planned)) < Decimal("1e-12")
        assert row["years"] == "3"
    # 000 gives the number (line 11); 001 names the same NGO without it: one resource
    assert rows["Dienvidlatgales NVO atbalsta centrs"]["implementer"].endswith("/lv-re-40008055327")
    assert next(iter(rows)) == "Latvijas Pilsoniskā alianse"  # ordered by rate


def test_carry_overs_and_returns(built_site: Path) -> None:
    rows = answer(built_site, "carry-overs-and-returns.rq")
    got = sorted(
        (
            r["report"][len(REPORT) : len(REPORT) + 3],
            r["yearStart"],
            r["type"],
            r["purpose"],
            money(r["amountEUR"]),
        )
        for r in rows
    )
    assert got == sorted(
        [
            ("000", "2022-07-15", "remainder", "minority-ngos", Decimal("2447")),  # line 61
            ("000", "2023-07-15", "carried-in", "minority-ngos", Decimal("2447")),  # line 62
            ("000", "2023-07-15", "remainder", "civil-society", Decimal("434.32")),  # line 64
            ("000", "2023-07-15", "remainder", "minority-ngos", Decimal("1342.50")),
            ("000", "2024-07-15", "returned", "total", Decimal("51.50")),  # line 65
            ("002", "2023-07-15", "carried-over", "total", Decimal("1177.33")),  # line 41
            ("002", "2023-07-15", "carried-over", "civil-society", Decimal("457.95")),
            ("002", "2023-07-15", "carried-over", "minority-ngos", Decimal("719.38")),
            ("003", "2023-07-15", "carried-over", "total", Decimal("4864.53")),  # line 41
            ("003", "2023-07-15", "carried-over", "civil-society", Decimal("120.80")),
            ("003", "2023-07-15", "carried-over", "minority-ngos", Decimal("4743.73")),
            ("004", "2022-07-15", "carried-over", "total", Decimal("1213.47")),  # line 232
            ("004", "2022-07-15", "carried-over", "civil-society", Decimal("1040.13")),
            ("004", "2022-07-15", "carried-over", "minority-ngos", Decimal("173.34")),
            ("004", "2024-07-15", "returned", "total", Decimal("128.28")),  # line 281
        ]
    )


def test_consultations_per_region_and_year(built_site: Path) -> None:
    rows = answer(built_site, "consultations-by-region-and-year.rq")
    got = [
        (r["region"], r["yearStart"], int(r["exact"]), int(r["atLeast"]), int(r["qualified"]))
        for r in rows
    ]
    assert got == [
        ("kurzeme", "2022-07-15", 80, 80, 0),  # 004 line 62
        ("kurzeme", "2023-07-15", 101, 101, 0),  # line 113
        ("kurzeme", "2024-07-15", 86, 86, 0),  # line 175
        ("latgale", "2022-07-15", 142, 142, 0),  # 000 line 13
        ("latgale", "2023-07-15", 199, 199, 0),  # line 30: 41 + 80 + 78 are its parts
        ("latgale", "2024-07-15", 156, 156, 0),  # line 55
        ("riga", "2022-07-15", 71, 71, 0),  # 002 line 20
        ("riga", "2023-07-15", 53, 53, 0),  # line 30
        ("riga", "2024-07-15", 69, 69, 0),  # line 34
        ("zemgale", "2022-07-15", 0, 61, 1),  # 003 line 14: "vairāk kā 60"
        ("zemgale", "2023-07-15", 62, 62, 0),  # line 20
        ("zemgale", "2024-07-15", 0, 61, 1),  # line 36: "vairāk kā 60"
    ]


def test_indicators_by_kind_respect_qualifiers(built_site: Path) -> None:
    rows = {r["kind"]: r for r in answer(built_site, "indicators-by-kind.rq")}
    consultations = rows["consultations"]
    # the twelve figures above: ten exact (sum 1019) and two "more than 60" (61 each at least)
    assert (
        consultations["figures"],
        consultations["exact"],
        consultations["atLeast"],
        consultations["moreThan"],
    ) == ("12", "1019", "1141", "2")
    # strategies: 000 lines 21, 42, 60 (2 each); 003 lines 14, 39 (2 each); 004 line 147 (1)
    assert (rows["strategies"]["figures"], rows["strategies"]["exact"]) == ("6", "11")
    participants = rows["participants"]
    # "vairāk nekā" 670 (000 l.16), 723 (l.37), 583 (l.60), 345 (001 l.11); "ap" 100, 5000 (002 l.22, 34)
    assert (participants["moreThan"], participants["about"], participants["approximate"]) == (
        "4",
        "2",
        "5100",
    )
    assert int(participants["atLeast"]) == int(participants["exact"]) + 671 + 724 + 584 + 346


def test_minorities_reached(built_site: Path) -> None:
    rows = answer(built_site, "minorities-reached.rq")
    by_region: dict[str, set[str]] = {}
    for r in rows:
        by_region.setdefault(r["region"], set()).add(r["minority"])
    assert by_region == {
        "kurzeme": {"roma"},  # 004 line 147: "Romu sieviešu biedrībai"
        "latgale": {"belarusian", "jewish", "polish", "roma", "russian", "ukrainian"},
        "riga": {
            "belarusian",
            "polish",
        },  # 002: "Latvijas Poļu savienību", "baltkrievu kultūras biedrībai"
        "zemgale": {"roma"},  # 003 line 28: "romu biedrībai"
    }
    # a language named in passing is not a minority reached: 000 line 24 "(… krievu valodā)"
    history = [r for r in rows if r["activity"].endswith("000-f25f87058009babf#year-1-mc-5")]
    assert {r["minority"] for r in history} == {
        "jewish",
        "russian",
    }  # "Ebreji", "Krievu kultūras centrs"


def test_reports_with_quality_warnings(built_site: Path) -> None:
    rows = {
        r["report"][len(REPORT) : len(REPORT) + 3]: r
        for r in answer(built_site, "reports-with-warnings.rq")
    }
    assert {k: (int(r["warnings"]), int(r["violations"])) for k, r in rows.items()} == {
        "002": (11, 0),  # nine early dates, two remainder mismatches
        "003": (6, 0),  # region, registration number, two overspends, two purpose remainders
        "000": (1, 0),  # year II overlaps year III
        "001": (1, 0),  # no registration number
        "004": (1, 0),  # no registration number
    }
    assert rows["003"]["codes"].split() == sorted(
        [
            "funding.actual-above-planned",
            "funding.remainder-mismatch",
            "implementer.missing-registration-number",
            "region.mismatch",
        ]
    )


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_queries_run_through_the_cli(built_site: Path, path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "query",
            "--site",
            str(built_site),
            "--file",
            str(path),
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) > 1


def test_the_site_shows_every_question_with_its_answer(built_site: Path) -> None:
    page = (built_site / "doc" / "queries.html").read_text(encoding="utf-8")
    for path in sorted(QUERIES.glob("*.rq")):
        assert f'<section id="{path.stem}"' in page, path.name
        assert (built_site / "queries" / path.name).read_text(encoding="utf-8") == path.read_text(
            encoding="utf-8"
        )
    # 002 line 41: "Atlikums 1 177,33 euro ... novirzīts uz III. īstenošanas gadu"
    section = page.split('<section id="carry-overs-and-returns"', 1)[1].split("</section>", 1)[0]
    assert "<td>1177.33</td>" in section and "<td>1 177,33</td>" in section
    # report IRIs in answers link to their pages, relatively
    assert 'href="../id/report/002-19ea6052c5e9160a.html"' in section


def test_question_header_is_read_in_both_languages() -> None:
    from pipeline.publish.render.queries import read_header

    english, latvian, notes = read_header(
        "# What was not spent,\n# and why.\n# Neizlietotais finansējums.\n#\n# A note\n# on two lines.\nSELECT * {}\n"
    )
    assert (english, latvian, notes) == (
        "What was not spent, and why.",
        "Neizlietotais finansējums.",
        ("A note on two lines.",),
    )


def test_cli_query_takes_a_rq_file_as_its_argument(built_site: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import main

    path = QUERIES / "indicators-by-kind.rq"
    site = ["--site", str(built_site)]
    as_argument = CliRunner().invoke(main, ["query", str(path), *site, "--format", "csv"])
    with_option = CliRunner().invoke(main, ["query", "--file", str(path), *site, "--format", "csv"])
    assert as_argument.exit_code == 0, as_argument.output
    assert as_argument.output == with_option.output
    assert as_argument.output.startswith("kind,figures,exact,atLeast")
    # text is the table, on standard output
    text = CliRunner().invoke(main, ["query", str(path), *site, "--format", "text"])
    table = CliRunner().invoke(main, ["query", str(path), *site])
    assert text.exit_code == 0 and text.stdout == table.stdout and "consultations" in text.stdout
    missing = CliRunner().invoke(main, ["query", "nowhere/x.rq", *site])
    assert missing.exit_code == 2
    assert missing.output == "Error: nowhere/x.rq: no such file\n"


def test_cli_query_without_a_query_says_what_to_give(built_site: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import main

    nothing = CliRunner().invoke(main, ["query", "--site", str(built_site)])
    assert nothing.exit_code == 2
    assert nothing.output == (
        "Error: no query: give one of a .rq file, the query text, '-' (standard input) or --file\n"
    )
    both = CliRunner().invoke(
        main, ["query", "ASK {}", "--file", str(QUERIES / "indicators-by-kind.rq")]
    )
    assert both.exit_code == 2 and len(both.output.splitlines()) == 1
    assert both.output.startswith("Error: both a QUERY and --file:")


def test_every_answer_is_published_whole_as_csv(built_site: Path) -> None:
    import csv
    import io

    page = (built_site / "doc" / "queries.html").read_text(encoding="utf-8")
    for path in sorted(QUERIES.glob("*.rq")):
        rows = answer(built_site, path.name)
        published = built_site / "queries" / f"{path.stem}.csv"
        text = published.read_bytes().decode("utf-8")
        assert text.endswith("\r\n")  # SPARQL 1.1 CSV results: CRLF lines
        table = list(csv.reader(io.StringIO(text, newline="")))
        assert table[1:] == [list(row.values()) for row in rows], path.name
        assert table[0] == list(rows[0]) if rows else True
        assert f'href="../queries/{path.stem}.csv" download' in page, path.name
    # 002 line 41: the carry-over of 1 177,33 euro is in the CSV as in the answer
    carried = (built_site / "queries" / "carry-overs-and-returns.csv").read_text(encoding="utf-8")
    assert "1177.33" in carried


def test_the_page_shows_the_first_rows_of_a_long_answer(built_site: Path) -> None:
    from pipeline.publish.render.paths import SitePaths
    from pipeline.publish.render.queries import answer_queries
    from pipeline.publish.render.views import Terms

    terms = Terms((), SitePaths("https://w3id.org/lodpipe/"), set())
    answers = {a.name: a for a in answer_queries(built_site, terms, shown=2)}
    whole = answer(built_site, "indicators-by-kind.rq")
    assert len(whole) > 2  # the five reports report more than two indicator kinds
    cut = answers["indicators-by-kind"]
    assert cut.total == len(whole)
    assert [[c.text for c in row] for row in cut.rows] == [list(r.values()) for r in whole[:2]]
    assert cut.table.count(b"\r\n") == len(whole) + 1  # the header and every row
    from pipeline.publish.render import NAV, QUERIES_TITLE
    from pipeline.publish.render.html import environment
    from pipeline.publish.render.views import Page

    page = Page(path="doc/queries.html", kind="queries", title=QUERIES_TITLE)
    html = (
        environment()
        .get_template("queries.html")
        .render(page=page, view=tuple(answers.values()), nav=NAV)
    )
    section = html.split('<section id="indicators-by-kind"', 1)[1].split("</section>", 1)[0]
    assert section.count("<tr><td>") == 2
    caption = section.split("<caption", 1)[1].split("</caption>", 1)[0]
    assert f'<span class="num">{len(whole)}</span>' in caption
    assert "showing the first" in caption and '<span class="num">2</span>' in caption
    assert 'href="../queries/indicators-by-kind.csv" download' in caption
