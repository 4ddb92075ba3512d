"""The queries page: each researcher's question in queries/*.rq, its SPARQL and its answer
over the site's own published files (the same answer `lodpipe query --site` gives)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.publish.render.views import Terms
from pipeline.settings import QUERIES, resource_dir
from pipeline.store import (
    Ran,
    Solutions,
    Term,
    load_dataset,
    run_queries,
    site_files,
)

#: The questions, kept in the repository beside the code that answers them.
QUERIES_DIR = resource_dir(QUERIES)
_LATVIAN = re.compile(r"[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")
#: Rows of an answer shown on the page. An answer has a row per report or implementer
#: for some questions, megabytes of table for an archive; every row is in its CSV file.
SHOWN_ROWS = 100


@dataclass(frozen=True, slots=True)
class AnswerCell:
    text: str
    href: str | None  # a page of the site (site-root path) or an outside IRI


@dataclass(frozen=True, slots=True)
class Answer:
    name: str  # the file's stem: the section id
    file: str  # where the .rq is published: "queries/<name>.rq"
    question_en: str
    question_lv: str
    notes: tuple[str, ...]
    sparql: str
    columns: tuple[str, ...]
    rows: tuple[tuple[AnswerCell, ...], ...]  # the first `SHOWN_ROWS`
    total: int = 0  # rows in the whole answer
    csv: str = ""  # where the whole answer is published: "queries/<name>.csv"
    csv_text: str = ""  # SPARQL 1.1 query results CSV


def read_header(text: str) -> tuple[str, str, tuple[str, ...]]:
    """The question in English, in Latvian, and the notes, from the leading `#` comment:
    the first paragraph holds the question, English lines first, then Latvian ones."""
    lines: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].strip())
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    question = paragraphs[0]
    split = next((i for i, line in enumerate(question) if _LATVIAN.search(line)), len(question))
    notes = tuple(" ".join(p) for p in paragraphs[1:] if p)
    return " ".join(question[:split]), " ".join(question[split:]), notes


def answer_queries(
    site_dir: Path,
    terms: Terms,
    directory: Path = QUERIES_DIR,
    shown: int = SHOWN_ROWS,
    results: Sequence[Ran] | None = None,
) -> tuple[Answer, ...]:
    """The answers of the queries of `directory`: their `results` from `run_queries`, or
    else run over the files published in `site_dir`. Each answer keeps its first `shown`
    rows for the page and all of them as CSV."""
    if results is None:
        if not any(directory.glob("*.rq")):
            return ()
        results = run_queries(load_dataset(site_files(site_dir)), directory)
    answers = []
    for path, text, result in results:
        english, latvian, notes = read_header(text)
        columns: tuple[str, ...] = ()
        rows: tuple[tuple[AnswerCell, ...], ...] = ()
        total, table, published = 0, "", ""
        if isinstance(result, Solutions):
            columns = tuple(result.variables)
            rows = tuple(
                tuple(
                    _cell(
                        term.value if term else "", term is not None and term.kind == "uri", terms
                    )
                    for term in row
                )
                for row in result.rows[:shown]
            )
            total, table = len(result.rows), _csv(result)
            published = f"queries/{path.stem}.csv"
        answers.append(
            Answer(
                path.stem,
                f"queries/{path.name}",
                english,
                latvian,
                notes,
                text,
                columns,
                rows,
                total,
                published,
                table,
            )
        )
    return tuple(answers)


def _csv(result: Solutions) -> str:
    """The answer as SPARQL 1.1 query results CSV: a header of the variables, then each
    row's values (IRIs and literals as their text, blank nodes as `_:label`), CRLF lines."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(term) for term in row])
    return out.getvalue()


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    return f"_:{term.value}" if term.kind == "bnode" else term.value


def _cell(value: str, is_iri: bool, terms: Terms) -> AnswerCell:
    if not is_iri:
        return AnswerCell(value, None)
    href = terms.href(value)
    return AnswerCell(value, href)
