"""CSV downloads for spreadsheet users: activities, indicators and funding amounts, with
W3C "CSV on the Web" (CSVW) metadata describing their columns.

Reads domain `Report`s; the only RDF here is the IRI of each row's resource, minted by
pipeline/rdf so that rows and pages match. Cells keep what the report said (the phrase, the
amount as written, the qualifier) next to the values read from it, and the source line.
Output bytes are deterministic: rows sorted by key, UTF-8, "\\n" line ends.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import URIRef

from pipeline.model import Activity, ActivityGroup, Report
from pipeline.publish.table_columns import (
    ACTIVITIES,
    FUNDING,
    INDICATORS,
    TABLE_SPECS,
    Column,
    TableSpec,
    table_part_name,
)
from pipeline.rdf.funding import funding_iris
from pipeline.rdf.iris import Iris, report_key
from pipeline.settings import MAX_PUBLISHED_FILE

Cell = str | int | Decimal | None
RowValues = Mapping[str, Cell]

METADATA_FILE = "csv-metadata.json"
CSV_MEDIA_TYPE = "text/csv"
CSVW_MEDIA_TYPE = "application/csvm+json"


@dataclass(frozen=True, slots=True)
class Table:
    """One CSV file: what it is, its columns (with any IRI columns) and sorted rows of text."""

    spec: TableSpec
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def file(self) -> str:
        return self.spec.file

    @property
    def about_url(self) -> str | None:
        """Each row describes the resource in its `iri` column, once there is one."""
        return "{+iri}" if any(c.name == "iri" for c in self.columns) else None


# --- IRI columns ---------------------------------------------------------------------------
# Each row names the resource it describes with the IRI the graph gives it, minted by the
# same functions (pipeline/rdf), so a spreadsheet row and a page can always be matched.
# A column named "iri" becomes the table's CSVW aboutUrl.
_IRI = Column(
    "iri",
    "IRI",
    "IRI",
    "anyURI",
    "The resource this row describes, in the published dataset.",
    required=True,
)
Mint = Callable[[Report, RowValues], str]


def iri_columns(table: str, base_iri: str | None) -> tuple[tuple[Column, Mint], ...]:
    if base_iri is None:
        return ()
    iris = Iris(base_iri)

    def activity(report: Report, values: RowValues) -> URIRef:
        page = iris.report(report_key(report.file))
        return page.activity(
            int(str(values["year"])),
            ActivityGroup(str(values["group"])),
            int(str(values["position"])),
        )

    def activity_iri(report: Report, values: RowValues) -> str:
        return str(activity(report, values))

    def indicator_iri(report: Report, values: RowValues) -> str:
        page = iris.report(report_key(report.file))
        return str(
            page.activity_part(activity(report, values), "indicator", int(str(values["indicator"])))
        )

    minted: dict[str, list[tuple[URIRef, list[URIRef]]]] = {}

    def amount_iri(report: Report, values: RowValues) -> str:
        if report.file not in minted:
            minted[report.file] = funding_iris(report, iris.report(report_key(report.file)))
        row = minted[report.file][int(str(values["row"])) - 1]
        return str(row[1][int(str(values["amount_index"])) - 1])

    mints: dict[str, Mint] = {
        ACTIVITIES.file: activity_iri,
        INDICATORS.file: indicator_iri,
        FUNDING.file: amount_iri,
    }
    return ((_IRI, mints[table]),) if table in mints else ()


def build_tables(reports: Iterable[Report], base_iri: str | None = None) -> tuple[Table, ...]:
    """The tables of `TABLE_SPECS` for these reports: activities, indicators, funding; with an
    `iri` column for each row's resource when `base_iri` is given."""
    ordered = sorted(reports, key=lambda r: r.file_name)
    rows = {
        ACTIVITIES.file: [(r, v) for r in ordered for v in _activity_rows(r)],
        INDICATORS.file: [(r, v) for r in ordered for v in _indicator_rows(r)],
        FUNDING.file: [(r, v) for r in ordered for v in _funding_rows(r)],
    }
    return tuple(_table(spec, rows[spec.file], base_iri) for spec in TABLE_SPECS)


def _activity_key(report: Report, year: int, act: Activity) -> dict[str, Cell]:
    return {
        "report": report.file_name,
        "year": year,
        "group": act.group.value,
        "position": act.position,
    }


def _activity_rows(report: Report) -> Iterator[dict[str, Cell]]:
    for year in report.years:
        for act in year.activities:
            yield {
                **_activity_key(report, year.ordinal, act),
                "region": report.region,
                "number": act.number,
                "text": act.text.value,
                "minorities": " ".join(m.key for m in act.minorities) or None,
                "places": " ".join(p.key for p in act.places) or None,
                "indicators": len(act.indicators),
                "line": act.text.span.line,
                "end_line": act.text.span.end_line,
            }


def _indicator_rows(report: Report) -> Iterator[dict[str, Cell]]:
    for year in report.years:
        for act in year.activities:
            for index, ind in enumerate(act.indicators, start=1):
                yield {
                    **_activity_key(report, year.ordinal, act),
                    "indicator": index,
                    "value": ind.value,
                    "qualifier": ind.qualifier.value,
                    "kind": ind.kind,
                    "phrase": ind.phrase,
                    "line": ind.span.line,
                }


def _funding_rows(report: Report) -> Iterator[dict[str, Cell]]:
    for row, fy in enumerate(report.funding, start=1):
        for index, amount in enumerate(fy.amounts, start=1):
            yield {
                "report": report.file_name,
                "region": report.region,
                "row": row,
                "amount_index": index,
                "year": fy.ordinal,
                "calendar_year": fy.calendar_year,
                "period": fy.period.text if fy.period else None,
                "role": amount.role.value,
                "purpose": amount.purpose.value if amount.purpose else None,
                "amount": amount.value,
                "currency": amount.currency,
                "amount_text": amount.text,
                "label": amount.label,
                "line": amount.span.line,
            }


def csv_text(table: Table) -> str:
    """The table as CSV: a header of column names, then the rows; "\\n" line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows(table.rows)
    return buffer.getvalue()


def csvw_metadata(tables: Sequence[Table], parts: int = 1) -> str:
    """The CSVW table group describing `tables` (file names relative to the metadata file);
    with `parts` > 1, each table's numbered parts, part N's foreign keys to part N."""
    numbers: list[int | None] = [None] if parts == 1 else list(range(1, parts + 1))
    doc = {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}],
        "dc:title": "Delegation reports of the Latvian Ministry of Culture: tables",
        "dialect": {"header": True, "encoding": "utf-8", "lineTerminators": ["\n"]},
        "tables": [_table_metadata(t, n, parts) for n in numbers for t in tables],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write_tables(
    reports: Iterable[Report], out_dir: Path, base_iri: str | None = None
) -> tuple[Path, ...]:
    """Writes activities.csv, indicators.csv, funding.csv and csv-metadata.json to `out_dir`
    (created if needed) and returns their paths, metadata last."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = build_tables(reports, base_iri)
    written: list[Path] = []
    for name, text in [(t.file, csv_text(t)) for t in tables] + [
        (METADATA_FILE, csvw_metadata(tables))
    ]:
        path = out_dir / name
        path.write_bytes(text.encode("utf-8"))
        written.append(path)
    return tuple(written)


def write_table_parts(report: Report, folder: Path, base_iri: str) -> None:
    """One report's rows of each table, without the header, as `<folder>/<table file>`:
    rows sort by report first, so the tables are the reports' parts in file order."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in build_tables([report], base_iri):
        (folder / table.file).write_bytes(csv_text(table).partition("\n")[2].encode("utf-8"))


def join_tables(
    parts: Sequence[Path], out_dir: Path, base_iri: str, limit: int = MAX_PUBLISHED_FILE
) -> tuple[Path, ...]:
    """The same files as `write_tables`, from the folders `write_table_parts` wrote (in the
    order of the reports' file names): each table's header, then each report's rows.

    A table that would pass `limit` bytes (GitHub Pages' file limit) is published in
    numbered parts, `activities.part-001.csv`, ..., each with its header. Every table is
    then split at the same reports, so part N of indicators refers only to activities in
    part N of activities and each part's foreign keys hold within its part."""
    out_dir.mkdir(parents=True, exist_ok=True)
    empty = build_tables([], base_iri)
    headers = [csv_text(table).encode("utf-8") for table in empty]
    groups = _split(parts, [t.file for t in empty], [len(h) for h in headers], limit)
    numbers: list[int | None] = [None] if len(groups) == 1 else list(range(1, len(groups) + 1))
    written: list[Path] = []
    for number, group in zip(numbers, groups, strict=True):
        for table, header in zip(empty, headers, strict=True):
            path = out_dir / table_part_name(table.file, number)
            with path.open("wb") as out:
                out.write(header)
                for folder in group:
                    with (folder / table.file).open("rb") as rows:
                        shutil.copyfileobj(rows, out, 1 << 20)
            written.append(path)
    metadata = out_dir / METADATA_FILE
    metadata.write_bytes(csvw_metadata(empty, len(groups)).encode("utf-8"))
    return (*written, metadata)


def _split(
    folders: Sequence[Path], files: Sequence[str], headers: Sequence[int], limit: int
) -> list[list[Path]]:
    """The report folders in groups, in order, so that no table of a group passes `limit`
    bytes (a report is never split: one larger than the limit is a group of its own)."""
    groups: list[list[Path]] = [[]]
    sizes = list(headers)
    for folder in folders:
        lengths = [(folder / file).stat().st_size for file in files]
        fits = all(s + n <= limit for s, n in zip(sizes, lengths, strict=True))
        if groups[-1] and not fits:
            groups.append([])
            sizes = list(headers)
        groups[-1].append(folder)
        sizes = [s + n for s, n in zip(sizes, lengths, strict=True)]
    return groups


def _table(
    spec: TableSpec, rows: list[tuple[Report, dict[str, Cell]]], base_iri: str | None
) -> Table:
    extra = iri_columns(spec.file, base_iri)
    columns = spec.columns + tuple(column for column, _ in extra)
    for report, values in rows:
        for column, mint in extra:
            values[column.name] = mint(report, values)
    ordered = sorted(
        (values for _, values in rows),
        key=lambda values: tuple(_sort_key(values[name]) for name in spec.primary_key),
    )
    cells = tuple(tuple(_text(values[c.name]) for c in columns) for values in ordered)
    return Table(spec, columns, cells)


def _sort_key(value: Cell) -> tuple[int, int | Decimal, str]:
    # Numbers sort as numbers, and an empty cell first, so keys of mixed types never clash.
    if value is None:
        return (0, 0, "")
    if isinstance(value, int | Decimal):
        return (1, value, "")
    return (2, 0, value)


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")  # never an exponent: 1E+3 is not a CSVW decimal
    return str(value)


def _table_metadata(table: Table, number: int | None = None, parts: int = 1) -> dict[str, Any]:
    spec = table.spec
    schema: dict[str, Any] = {
        "columns": [_column_metadata(c) for c in table.columns],
        "primaryKey": list(spec.primary_key),
    }
    if table.about_url:
        schema["aboutUrl"] = table.about_url
    if spec.foreign_keys:
        schema["foreignKeys"] = [
            {
                "columnReference": list(fk.columns),
                "reference": {
                    "resource": table_part_name(fk.table, number),
                    "columnReference": list(fk.references),
                },
            }
            for fk in spec.foreign_keys
        ]
    part_en = f", part {number} of {parts}" if number is not None else ""
    part_lv = f", {number}. daļa no {parts}" if number is not None else ""
    return {
        "url": table_part_name(table.file, number),
        "dc:title": [
            {"@value": spec.title_en + part_en, "@language": "en"},
            {"@value": spec.title_lv + part_lv, "@language": "lv"},
        ],
        "dc:description": spec.description,
        "tableSchema": schema,
    }


def _column_metadata(column: Column) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": column.name,
        "titles": {"en": column.title_en, "lv": column.title_lv},
        "dc:description": column.description,
        "datatype": column.datatype,
    }
    if column.required:
        out["required"] = True
    if column.separator is not None:
        out["separator"] = column.separator
    if column.property_url is not None:
        out["propertyUrl"] = column.property_url
    return out
