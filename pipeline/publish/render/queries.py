"""The queries page: each researcher's question in queries/*.rq, its SPARQL and its answer
over the site's own published files (the same answer `lodpipe query --site` gives)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.publish.render.views import Terms
from pipeline.settings import QUERIES, resource_dir
from pipeline.store import Dataset, Solutions, execute, load_dataset, site_files

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
    rows: tuple[tuple[AnswerCell, ...], ...]


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
    site_dir: Path, terms: Terms, directory: Path = QUERIES_DIR, dataset: Dataset | None = None
) -> tuple[Answer, ...]:
    """Run every query of `directory` over `dataset`, or the files published in `site_dir`."""
    files = sorted(directory.glob("*.rq"))
    if not files:
        return ()
    if dataset is None:
        dataset = load_dataset(site_files(site_dir))
    answers = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        english, latvian, notes = read_header(text)
        result = execute(dataset, text)
        columns: tuple[str, ...] = ()
        rows: tuple[tuple[AnswerCell, ...], ...] = ()
        if isinstance(result, Solutions):
            columns = tuple(result.variables)
            rows = tuple(
                tuple(
                    _cell(
                        term.value if term else "", term is not None and term.kind == "uri", terms
                    )
                    for term in row
                )
                for row in result.rows
            )
        answers.append(
            Answer(path.stem, f"queries/{path.name}", english, latvian, notes, text, columns, rows)
        )
    return tuple(answers)


def _cell(value: str, is_iri: bool, terms: Terms) -> AnswerCell:
    if not is_iri:
        return AnswerCell(value, None)
    href = terms.href(value)
    return AnswerCell(value, href)
