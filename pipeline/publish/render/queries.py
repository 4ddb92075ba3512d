"""The queries page: each researcher's question in queries/*.rq, its SPARQL and its answer
over the site's own published files (the same answer `lodpipe query --site` gives)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.publish.answers import SHOWN_ROWS, Answered, answered
from pipeline.publish.render.views import Terms
from pipeline.settings import QUERIES, resource_dir
from pipeline.store import Solutions, load_dataset, query_files, run_query_file, site_files

#: The questions, kept in the repository beside the code that answers them.
QUERIES_DIR = resource_dir(QUERIES)
_LATVIAN = re.compile(r"[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")


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
    rows: tuple[tuple[AnswerCell, ...], ...]  # the first `shown` (`answer_queries`)
    total: int = 0  # rows in the whole answer
    csv: str = ""  # where the whole answer is published: "queries/<name>.csv"
    table: bytes = b""  # the whole answer as SPARQL 1.1 query results CSV


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
    results: Sequence[Answered] | None = None,
) -> tuple[Answer, ...]:
    """The answers of the queries of `directory`: their `results` (each `answered` where
    it ran, which keeps its first `SHOWN_ROWS` rows), or else run over the files
    published in `site_dir`. Each answer keeps its first `shown` rows for the page (at most
    those `results` kept) and all of them as CSV."""
    if results is None:
        files = query_files(directory)
        if not files:
            return ()
        dataset = load_dataset(site_files(site_dir))
        results = [answered(run_query_file(dataset, path), shown) for path in files]
    answers = []
    for given in results:
        path, text, result = given.path, given.text, given.result
        english, latvian, notes = read_header(text)
        columns: tuple[str, ...] = ()
        rows: tuple[tuple[AnswerCell, ...], ...] = ()
        total, table, published = 0, b"", ""
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
            total, table = given.total, given.table
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


def _cell(value: str, is_iri: bool, terms: Terms) -> AnswerCell:
    if not is_iri:
        return AnswerCell(value, None)
    href = terms.href(value)
    return AnswerCell(value, href)
