"""The columns of the CSV downloads: names, English and Latvian titles, CSVW datatypes and
descriptions. Data only; `pipeline.publish.tables` builds and writes the tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

_DCTERMS = "http://purl.org/dc/terms/"
_RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    title_en: str
    title_lv: str
    datatype: str  # a CSVW built-in datatype: string, integer, decimal
    description: str
    required: bool = False
    property_url: str | None = None
    separator: str | None = None  # the cell is a list of values split by this


@dataclass(frozen=True, slots=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str  # file name of the referenced table
    references: tuple[str, ...]


def _col(name: str, en: str, lv: str, datatype: str, description: str, **more: Any) -> Column:
    return Column(name, en, lv, datatype, description, **more)


_REPORT = _col(
    "report", "Report file", "Atskaites fails", "string", "The report's file name.", required=True
)
_REGION = _col(
    "region",
    "Planning region",
    "Plānošanas reģions",
    "string",
    "Key of the planning region the report is about.",
)
_YEAR = _col(
    "year",
    "Implementation year",
    "Īstenošanas gads",
    "integer",
    "Ordinal of the implementation year (1, 2, ...).",
    required=True,
)
_GROUP = _col(
    "group",
    "Activity group",
    "Aktivitāšu grupa",
    "string",
    "civil-society, or minority-capacity (minority NGO capacity building).",
    required=True,
)
_POSITION = _col(
    "position",
    "Activity position",
    "Aktivitātes vieta",
    "integer",
    "1-based order of the activity within its year and group.",
    required=True,
    property_url="http://schema.org/position",
)
_LINE = _col(
    "line",
    "Source line",
    "Avota rinda",
    "integer",
    "Line of the report where the value is written.",
    required=True,
)

ACTIVITY_COLUMNS = (
    _REPORT,
    _REGION,
    _YEAR,
    _GROUP,
    _POSITION,
    _col(
        "number",
        "Number as written",
        "Numurs, kā rakstīts",
        "string",
        "The activity's number as written, e.g. '4.'; empty for a bullet.",
    ),
    _col(
        "text",
        "Activity",
        "Aktivitāte",
        "string",
        "The activity's full text, whitespace normalised.",
        required=True,
        property_url=_DCTERMS + "description",
    ),
    _col(
        "minorities",
        "National minorities",
        "Mazākumtautības",
        "string",
        "Keys of the national minorities named, separated by spaces.",
        separator=" ",
    ),
    _col(
        "places",
        "Places",
        "Vietas",
        "string",
        "Keys of the places named, separated by spaces.",
        separator=" ",
    ),
    _col(
        "indicators",
        "Indicators",
        "Rādītāji",
        "integer",
        "How many quantities the text states (see indicators.csv).",
        required=True,
    ),
    _LINE,
    _col(
        "end_line",
        "Last source line",
        "Pēdējā avota rinda",
        "integer",
        "Last line of the activity's text.",
        required=True,
    ),
)
INDICATOR_COLUMNS = (
    _REPORT,
    _YEAR,
    _GROUP,
    _POSITION,
    _col(
        "indicator",
        "Indicator",
        "Rādītājs",
        "integer",
        "1-based order of the quantity within its activity.",
        required=True,
    ),
    _col(
        "value",
        "Value",
        "Vērtība",
        "integer",
        "The number stated.",
        required=True,
        property_url=_RDF_VALUE,
    ),
    _col(
        "qualifier",
        "Qualifier",
        "Precizējums",
        "string",
        "exact, more-than ('vairāk nekā'), at-least ('vismaz') or about ('ap').",
        required=True,
    ),
    _col(
        "kind",
        "What is counted",
        "Ko skaita",
        "string",
        "What the number counts, e.g. participants.",
        required=True,
    ),
    _col(
        "phrase",
        "Phrase as written",
        "Frāze, kā rakstīts",
        "string",
        "The words of the report stating the quantity.",
        required=True,
    ),
    _LINE,
)
FUNDING_COLUMNS = (
    _REPORT,
    _REGION,
    _col(
        "row",
        "Funding row",
        "Finansējuma rinda",
        "integer",
        "1-based order of the funding row in the report.",
        required=True,
    ),
    _col(
        "amount_index",
        "Amount number",
        "Summas numurs",
        "integer",
        "1-based order of the amount within its row.",
        required=True,
    ),
    _col(
        "year",
        "Implementation year",
        "Īstenošanas gads",
        "integer",
        "Ordinal of the implementation year the row belongs to, if known.",
    ),
    _col(
        "calendar_year",
        "Calendar year",
        "Kalendārais gads",
        "integer",
        "The calendar year of rows in the older template.",
    ),
    _col(
        "period",
        "Period as written",
        "Periods, kā rakstīts",
        "string",
        "The date range written in the row.",
    ),
    _col(
        "role",
        "Role",
        "Nozīme",
        "string",
        "planned, actual, carried-over, carried-in, returned, remainder or reported.",
        required=True,
    ),
    _col(
        "purpose",
        "Purpose",
        "Mērķis",
        "string",
        "civil-society or minority-ngos; empty for the total of its role.",
    ),
    _col(
        "amount",
        "Amount",
        "Summa",
        "decimal",
        "The amount read from the text; empty when the row gives none.",
        property_url=_RDF_VALUE,
    ),
    _col(
        "currency",
        "Currency",
        "Valūta",
        "string",
        "ISO 4217 code of the amount: EUR, or LVL (lati) where the report writes them, before 2014.",
        required=True,
    ),
    _col(
        "amount_text",
        "Amount as written",
        "Summa, kā rakstīts",
        "string",
        "The amount exactly as the report writes it.",
    ),
    _col(
        "label",
        "Label as written",
        "Apraksts, kā rakstīts",
        "string",
        "The words around the amount: the purpose phrase or a note.",
    ),
    _LINE,
)

ACTIVITY_KEY = ("report", "year", "group", "position")


@dataclass(frozen=True, slots=True)
class TableSpec:
    """One CSV download: its file name, titles, columns and keys. The DCAT catalogue lists
    these as distributions (media type text/csv, described by csv-metadata.json)."""

    file: str
    title_en: str
    title_lv: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()


ACTIVITIES = TableSpec(
    "activities.csv",
    "Activities",
    "Aktivitātes",
    "Each activity of each implementation year, as the reports list them.",
    ACTIVITY_COLUMNS,
    ACTIVITY_KEY,
)
INDICATORS = TableSpec(
    "indicators.csv",
    "Indicators",
    "Rādītāji",
    "Each quantity stated in an activity (participants, events, ...).",
    INDICATOR_COLUMNS,
    (*ACTIVITY_KEY, "indicator"),
    (ForeignKey(ACTIVITY_KEY, ACTIVITIES.file, ACTIVITY_KEY),),
)
FUNDING = TableSpec(
    "funding.csv",
    "Funding",
    "Finansējums",
    "Each amount of money in the funding sections: planned, actual, carried over.",
    FUNDING_COLUMNS,
    ("report", "row", "amount_index"),
)
TABLE_SPECS = (ACTIVITIES, INDICATORS, FUNDING)


def table_part_name(file: str, number: int | None = None) -> str:
    """`activities.csv`, or the name of part `number` of a split table."""
    if number is None:
        return file
    stem, _, extension = file.rpartition(".")
    return f"{stem}.part-{number:03d}.{extension}"


def table_files(data: Path, file: str) -> list[Path]:
    """The published files of one table in a site's data/ folder: the whole table, or its
    numbered parts when it was split; [] if none."""
    whole = data / file
    if whole.is_file():
        return [whole]
    stem, _, extension = file.rpartition(".")
    return sorted(data.glob(f"{stem}.part-[0-9][0-9][0-9].{extension}"))
