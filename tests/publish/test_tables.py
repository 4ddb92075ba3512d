"""`pipeline.publish.tables`: the CSV downloads and their CSVW metadata, from hand-built reports."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import csvw
import pytest

from pipeline.model import (
    Activity,
    ActivityGroup,
    Amount,
    AmountRole,
    FundingYear,
    ImplementationYear,
    Indicator,
    Mention,
    Parsed,
    Period,
    Purpose,
    Qualifier,
    RegionMention,
    Report,
    Span,
    Text,
)
from pipeline.publish.table_columns import TABLE_SPECS
from pipeline.publish.tables import (
    METADATA_FILE,
    build_tables,
    csv_text,
    csvw_metadata,
    join_tables,
    write_table_parts,
    write_tables,
)
from pipeline.rdf.iris import report_key
from tests.sample import dump_text


def _span(file: str, line: int, end_line: int | None = None) -> Span:
    return Span(file, line, end_line or line, line * 10, line * 10 + 5)


def _report(
    file: str,
    *,
    region: str | None,
    years: tuple[ImplementationYear, ...] = (),
    funding: tuple[FundingYear, ...] = (),
) -> Report:
    title = RegionMention(region, region.title(), _span(file, 1)) if region else None
    return Report(
        file=file,
        sha256="0" * 64,
        source_text="",
        title=None,
        title_years=None,
        task=None,
        region_in_title=title,
        region_in_task=None,
        implementer=None,
        delegation_period=None,
        years=years,
        funding=funding,
    )


def _activity(
    file: str, group: ActivityGroup, position: int, line: int, text: str, **more: object
) -> Activity:
    number = more.pop("number", f"{position}.")
    return Activity(
        year=1,
        group=group,
        position=position,
        number=number,  # type: ignore[arg-type]
        text=Text(text, _span(file, line, line + 1)),
        **more,  # type: ignore[arg-type]
    )


LATGALE = "b-latgale.txt"
RIGA = "a-riga.txt"

REPORTS = (
    _report(
        LATGALE,
        region="latgale",
        years=(
            ImplementationYear(
                ordinal=2,
                numeral="II",
                period=None,
                heading=None,
                stated=True,
                activities=(
                    _activity(LATGALE, ActivityGroup.CIVIL_SOCIETY, 1, 40, "Otrā gada darbs."),
                ),
            ),
            ImplementationYear(
                ordinal=1,
                numeral="I",
                period=None,
                heading=None,
                stated=True,
                activities=(
                    _activity(
                        LATGALE,
                        ActivityGroup.MINORITY_CAPACITY,
                        1,
                        30,
                        "Apmācības poļu biedrībām, vismaz 12 dalībnieki.",
                        minorities=(Mention("polish", "minority", "poļu", _span(LATGALE, 30)),),
                        indicators=(
                            Indicator(
                                12,
                                Qualifier.AT_LEAST,
                                "participants",
                                "vismaz 12 dalībnieki",
                                _span(LATGALE, 30),
                            ),
                        ),
                    ),
                    _activity(
                        LATGALE,
                        ActivityGroup.CIVIL_SOCIETY,
                        2,
                        21,
                        'Festivāls "Sēta", Daugavpilī;\tvairāk nekā 670 dalībnieki, 3 pasākumi',
                        places=(
                            Mention("daugavpils", "city", "Daugavpilī", _span(LATGALE, 21)),
                            Mention("rezekne", "city", "Rēzeknē", _span(LATGALE, 22)),
                        ),
                        indicators=(
                            Indicator(
                                670,
                                Qualifier.MORE_THAN,
                                "participants",
                                "vairāk nekā 670 dalībnieki",
                                _span(LATGALE, 22),
                            ),
                            Indicator(
                                3, Qualifier.EXACT, "events", "3 pasākumi", _span(LATGALE, 22)
                            ),
                        ),
                    ),
                    _activity(
                        LATGALE, ActivityGroup.CIVIL_SOCIETY, 1, 20, "Sanāksmes.", number=None
                    ),
                ),
            ),
        ),
        funding=(
            FundingYear(
                ordinal=1,
                period=Period(None, None, "01.07.2022.–30.06.2023.", _span(LATGALE, 50)),
                calendar_year=None,
                amounts=(
                    Amount(
                        AmountRole.PLANNED,
                        None,
                        Decimal("53948.50"),
                        "53 948, 50",
                        "Plānots",
                        _span(LATGALE, 51),
                    ),
                    Amount(
                        AmountRole.ACTUAL,
                        Purpose.MINORITY_NGOS,
                        Decimal("1E+3"),
                        "1000",
                        "mazākumtautību NVO",
                        _span(LATGALE, 52),
                    ),
                    Amount(AmountRole.RETURNED, None, None, "", "atgriezts", _span(LATGALE, 53)),
                ),
                span=_span(LATGALE, 50),
            ),
        ),
    ),
    _report(
        RIGA,
        region=None,
        funding=(
            FundingYear(
                ordinal=None,
                period=None,
                calendar_year=2020,
                amounts=(
                    Amount(
                        AmountRole.REPORTED, None, Decimal("7"), "7,00", "2020.gads", _span(RIGA, 5)
                    ),
                ),
                span=_span(RIGA, 5),
            ),
        ),
    ),
)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_activities_are_sorted_by_key_and_keep_the_text() -> None:
    activities = build_tables(REPORTS)[0]
    rows = _rows(csv_text(activities))
    keys = [(r["report"], r["year"], r["group"], r["position"]) for r in rows]
    assert keys == [
        (LATGALE, "1", "civil-society", "1"),
        (LATGALE, "1", "civil-society", "2"),
        (LATGALE, "1", "minority-capacity", "1"),
        (LATGALE, "2", "civil-society", "1"),
    ]
    festival = rows[1]
    assert (
        festival["text"] == 'Festivāls "Sēta", Daugavpilī;\tvairāk nekā 670 dalībnieki, 3 pasākumi'
    )
    assert festival["places"] == "daugavpils rezekne"
    assert festival["minorities"] == ""
    assert (festival["number"], festival["indicators"]) == ("2.", "2")
    assert (festival["line"], festival["end_line"], festival["region"]) == ("21", "22", "latgale")
    assert rows[0]["number"] == ""  # a bullet has no number


def test_indicators_keep_qualifier_and_phrase() -> None:
    rows = _rows(csv_text(build_tables(REPORTS)[1]))
    assert [
        (r["position"], r["indicator"], r["value"], r["qualifier"], r["kind"]) for r in rows
    ] == [
        ("2", "1", "670", "more-than", "participants"),
        ("2", "2", "3", "exact", "events"),
        ("1", "1", "12", "at-least", "participants"),
    ]
    assert rows[0]["phrase"] == "vairāk nekā 670 dalībnieki"
    assert rows[2]["group"] == "minority-capacity" and rows[2]["line"] == "30"


def test_funding_amounts_as_read_and_as_written() -> None:
    rows = _rows(csv_text(build_tables(REPORTS)[2]))
    assert [(r["report"], r["row"], r["amount_index"]) for r in rows] == [
        (RIGA, "1", "1"),
        (LATGALE, "1", "1"),
        (LATGALE, "1", "2"),
        (LATGALE, "1", "3"),
    ]
    riga, planned, actual, returned = rows
    assert (riga["calendar_year"], riga["year"], riga["region"]) == ("2020", "", "")
    assert (planned["amount"], planned["amount_text"], planned["purpose"]) == (
        "53948.50",
        "53 948, 50",
        "",
    )
    assert planned["period"] == "01.07.2022.–30.06.2023."
    assert (actual["amount"], actual["purpose"], actual["role"]) == (
        "1000",
        "minority-ngos",
        "actual",
    )
    assert (returned["amount"], returned["label"]) == ("", "atgriezts")


def test_bytes_are_deterministic(tmp_path: Path) -> None:
    first = write_tables(REPORTS, tmp_path / "one")
    second = write_tables(reversed(REPORTS), tmp_path / "two")
    assert [p.name for p in first] == [*(s.file for s in TABLE_SPECS), METADATA_FILE]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
        assert b"\r" not in a.read_bytes()
        a.read_bytes().decode("utf-8")
    assert first[0].read_bytes().startswith(b"report,region,year,group,position,number,text")


def test_empty_input_gives_headers_only(tmp_path: Path) -> None:
    paths = write_tables([], tmp_path)
    for path, spec in zip(paths, TABLE_SPECS, strict=False):
        assert path.read_text(encoding="utf-8") == ",".join(c.name for c in spec.columns) + "\n"


def test_metadata_describes_every_column() -> None:
    tables = build_tables(REPORTS)
    doc = json.loads(csvw_metadata(tables))
    assert doc["@context"][0] == "http://www.w3.org/ns/csvw"
    assert [t["url"] for t in doc["tables"]] == ["activities.csv", "indicators.csv", "funding.csv"]
    for table, described in zip(tables, doc["tables"], strict=True):
        header = csv_text(table).splitlines()[0].split(",")
        columns = described["tableSchema"]["columns"]
        assert [c["name"] for c in columns] == header
        assert all(set(c["titles"]) == {"en", "lv"} for c in columns)
    amount = next(c for c in doc["tables"][2]["tableSchema"]["columns"] if c["name"] == "amount")
    assert amount["datatype"] == "decimal"
    fk = doc["tables"][1]["tableSchema"]["foreignKeys"][0]
    assert fk["reference"]["resource"] == "activities.csv"


def test_a_csvw_processor_reads_the_tables(tmp_path: Path) -> None:
    write_tables(REPORTS, tmp_path)
    group = csvw.TableGroup.from_file(tmp_path / METADATA_FILE)
    assert group.check_referential_integrity() is True
    by_name = {str(t.url): list(t.iterdicts(strict=True)) for t in group.tables}
    assert [row["value"] for row in by_name["indicators.csv"]] == [670, 3, 12]
    amounts = [row["amount"] for row in by_name["funding.csv"]]
    assert amounts == [Decimal("7"), Decimal("53948.50"), Decimal("1000"), None]
    festival = by_name["activities.csv"][1]
    assert festival["places"] == ["daugavpils", "rezekne"]
    assert festival["text"].startswith('Festivāls "Sēta"')


def test_a_required_cell_left_empty_is_caught_by_csvw(tmp_path: Path) -> None:
    # Guards the metadata itself: if "required" were lost, this would pass silently.
    write_tables(REPORTS, tmp_path)
    path = tmp_path / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[5] = ""  # value
    path.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")
    group = csvw.TableGroup.from_file(tmp_path / METADATA_FILE)
    table = next(t for t in group.tables if str(t.url) == "indicators.csv")
    with pytest.raises(ValueError, match="required"):
        list(table.iterdicts(strict=True))


def test_a_dangling_indicator_is_caught_by_csvw(tmp_path: Path) -> None:
    write_tables(REPORTS, tmp_path)
    path = tmp_path / "indicators.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",civil-society,2,1,670,", ",civil-society,9,1,670,"), "utf-8")
    group = csvw.TableGroup.from_file(tmp_path / METADATA_FILE)
    with pytest.raises(ValueError, match=r"activities\.csv"):
        group.check_referential_integrity()


def test_row_iris_are_the_resources_of_the_published_graph(built_site: Path) -> None:
    """Every row of the built site's CSVs names, in its `iri` column, a resource of the
    dataset dump of the right class, and a CSVW processor reads them as its aboutUrl."""
    import pyoxigraph as ox

    data = built_site / "data"
    store = ox.Store()
    store.load(dump_text(built_site).encode(), format=ox.RdfFormat.N_TRIPLES)
    lp = "https://w3id.org/lodpipe/def/core#"
    classes = {
        "activities.csv": "ReportedActivity",
        "indicators.csv": "IndicatorValue",
        "funding.csv": "FundingAmount",
    }
    group = csvw.TableGroup.from_file(data / METADATA_FILE)
    assert group.check_referential_integrity() is True
    for table in group.tables:
        rows = list(table.iterdicts(strict=True))
        assert rows, table.url
        cls = ox.NamedNode(lp + classes[str(table.url)])
        iris = [row["iri"].unsplit() for row in rows]
        assert len(set(iris)) == len(iris)
        missing = [
            i
            for i in iris
            if not list(
                store.quads_for_pattern(
                    ox.NamedNode(i),
                    ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    cls,
                )
            )
        ]
        assert missing == [], (table.url, missing[:3])
    funding = {
        r["iri"].unsplit(): r
        for t in group.tables
        if str(t.url) == "funding.csv"
        for r in t.iterdicts()
    }
    # 000 line 65: "53 948, 50 euro" is the actual total of year 3
    row = funding["https://w3id.org/lodpipe/id/report/000-f25f87058009babf#funding-3-actual"]
    assert (row["amount"], row["amount_text"]) == (Decimal("53948.50"), "53 948, 50")


def test_tables_joined_from_report_parts_are_the_tables_of_all_reports(tmp_path: Path) -> None:
    """The build writes each report's rows once (cached with the report) and joins them:
    the same bytes as the tables made from all reports at once."""
    base = "https://w3id.org/lodpipe/"
    whole = write_tables(REPORTS, tmp_path / "whole", base)
    parts = []
    for report in sorted(REPORTS, key=lambda r: r.file):
        parts.append(tmp_path / "parts" / report_key(report.file))
        write_table_parts(report, parts[-1], base)
    joined = join_tables(parts, tmp_path / "joined", base)
    assert [p.name for p in joined] == [p.name for p in whole]
    for a, b in zip(whole, joined, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert len((tmp_path / "joined" / "activities.csv").read_text().splitlines()) > len(REPORTS)


def _table_parts(reports: list[Report], folder: Path, base: str) -> list[Path]:
    parts = []
    for report in sorted(reports, key=lambda r: r.file):
        parts.append(folder / report_key(report.file))
        write_table_parts(report, parts[-1], base)
    return parts


def test_a_table_past_the_file_limit_is_split_at_the_same_reports(
    tmp_path: Path, corpus: dict[str, Parsed]
) -> None:
    """GitHub Pages refuses files over 100 MB: a table that would pass the limit is
    published in parts, each with its header, and every table is split at the same
    reports, so that each part's foreign keys hold within its own parts."""
    base = "https://w3id.org/lodpipe/"
    reports = [p.report for p in corpus.values() if p.report is not None]
    whole = write_tables(reports, tmp_path / "whole", base)
    parts = _table_parts(reports, tmp_path / "parts", base)
    sizes = [(tmp_path / "whole" / t.file).stat().st_size for t in TABLE_SPECS]
    limit = max(sizes) // 2  # two reports or more to a part, never all of them
    joined = join_tables(parts, tmp_path / "joined", base, limit)
    names = sorted(p.name for p in joined)
    for spec in TABLE_SPECS:
        assert spec.file not in names
    count = sum(1 for name in names if name.startswith("activities.part-"))
    assert 1 < count < len(reports)
    assert names == sorted(
        [
            METADATA_FILE,
            *(f"{t.file[:-4]}.part-{n:03d}.csv" for t in TABLE_SPECS for n in range(1, count + 1)),
        ]
    )
    for spec, original in zip(TABLE_SPECS, whole, strict=False):
        files = sorted((tmp_path / "joined").glob(f"{spec.file[:-4]}.part-*.csv"))
        texts = [f.read_text(encoding="utf-8") for f in files]
        header = original.read_text(encoding="utf-8").splitlines()[0]
        assert all(t.splitlines()[0] == header for t in texts)
        assert all(f.stat().st_size <= limit for f in files), spec.file
        rows = [line for t in texts for line in t.splitlines()[1:]]
        assert rows == original.read_text(encoding="utf-8").splitlines()[1:]
    # Every report's rows are in the same part of every table.
    part_of: dict[str, int] = {}
    for spec in TABLE_SPECS:
        for n in range(1, count + 1):
            path = tmp_path / "joined" / f"{spec.file[:-4]}.part-{n:03d}.csv"
            for row in _rows(path.read_text(encoding="utf-8")):
                assert part_of.setdefault(row["report"], n) == n, (spec.file, row["report"])
    assert len(part_of) == len(reports)
    group = csvw.TableGroup.from_file(tmp_path / "joined" / METADATA_FILE)
    assert group.check_referential_integrity() is True
    urls = [str(t.url) for t in group.tables]
    assert len(urls) == count * len(TABLE_SPECS)
    doc = json.loads((tmp_path / "joined" / METADATA_FILE).read_text(encoding="utf-8"))
    for table in doc["tables"]:
        for fk in table["tableSchema"].get("foreignKeys", []):
            number = table["url"].split(".part-")[1][:3]
            assert fk["reference"]["resource"] == f"activities.part-{number}.csv"
    all_rows = sum(
        len(list(t.iterdicts(strict=True))) for t in group.tables if "activities" in str(t.url)
    )
    assert all_rows == len(_rows(whole[0].read_text(encoding="utf-8")))


def test_tables_under_the_limit_stay_whole(tmp_path: Path, corpus: dict[str, Parsed]) -> None:
    base = "https://w3id.org/lodpipe/"
    reports = [p.report for p in corpus.values() if p.report is not None]
    parts = _table_parts(reports, tmp_path / "parts", base)
    sizes = [len(csv_text(t).encode("utf-8")) for t in build_tables(reports, base)]
    joined = join_tables(parts, tmp_path / "joined", base, max(sizes))
    assert [p.name for p in joined] == [*(t.file for t in TABLE_SPECS), METADATA_FILE]


def test_rows_name_the_report_file_without_its_folder() -> None:
    from dataclasses import replace

    moved = tuple(replace(r, file=f"/home/anna/kopsavilkumi/{r.file}") for r in REPORTS)
    for here, there in zip(build_tables(REPORTS), build_tables(moved), strict=True):
        assert csv_text(there) == csv_text(here)
    assert {r["report"] for r in _rows(csv_text(build_tables(moved)[0]))} == {LATGALE}
