"""A query's answer as the queries page publishes it: the first rows it shows, the number
of rows, and the whole answer as CSV, made where the query ran.

An answer can have a row per report and value: at 1,000 reports one of the questions has
5,000 rows (3.2 MB of CSV). The process answering the queries sent every row of every
answer as result terms; unpickled in the build's main process while it rendered its last
pages, they took 17.5 MiB there, and the page's answers 6.7 MiB more, growing with every
report. Now that process keeps only what the page shows, the count and the CSV's bytes.

No rendering here: the process answering the queries imports it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.store import QueryResult, Ran, Solutions, Term

#: Rows of an answer shown on the page. An answer has a row per report or implementer
#: for some questions, megabytes of table for an archive; every row is in its CSV file.
SHOWN_ROWS = 100


@dataclass(frozen=True, slots=True)
class Answered:
    """One query (`path`, its SPARQL `text`) and its answer, as the queries page needs it."""

    path: Path
    text: str
    #: the answer; of a SELECT, its first rows only (`shown` in `answered`)
    result: QueryResult
    total: int  # rows in the whole answer of a SELECT (0 for ASK, CONSTRUCT, DESCRIBE)
    table: bytes  # the whole answer of a SELECT as SPARQL 1.1 query results CSV, else b""


def answered(ran: Ran, shown: int = SHOWN_ROWS) -> Answered:
    """What the queries page keeps of `ran`: its first `shown` rows, its count and CSV."""
    path, text, result = ran
    if not isinstance(result, Solutions):
        return Answered(path, text, result, 0, b"")
    first = replace(result, rows=result.rows[:shown])
    return Answered(path, text, first, len(result.rows), csv_bytes(result))


def csv_bytes(result: Solutions) -> bytes:
    """The answer as SPARQL 1.1 query results CSV: a header of the variables, then each
    row's values (IRIs and literals as their text, blank nodes as `_:label`), CRLF lines,
    UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(term) for term in row])
    return out.getvalue().encode("utf-8")


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    return f"_:{term.value}" if term.kind == "bnode" else term.value
