"""What the queries page keeps of an answer: its first rows, its count and its whole CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipeline.publish.answers import SHOWN_ROWS, answered, csv_bytes
from pipeline.store import Boolean, GraphResult, Solutions, Term

RQ = Path("queries/q.rq")


def _iri(value: str) -> Term:
    return Term("uri", value)


def _literal(value: str) -> Term:
    return Term("literal", value, None, None)


def _solutions(n: int) -> Solutions:
    return Solutions(("who", "n"), tuple((_iri(f"x:{i}"), _literal(str(i))) for i in range(n)))


def test_a_long_answer_keeps_its_first_rows_its_count_and_every_row_as_csv() -> None:
    kept = answered((RQ, "SELECT …", _solutions(250)), shown=3)
    assert isinstance(kept.result, Solutions)
    assert kept.result.variables == ("who", "n")
    assert [row[0].value for row in kept.result.rows if row[0]] == ["x:0", "x:1", "x:2"]
    assert kept.total == 250
    rows = list(csv.reader(io.StringIO(kept.table.decode("utf-8"))))
    assert rows[0] == ["who", "n"]
    assert len(rows) == 251 and rows[-1] == ["x:249", "249"]
    assert (kept.path, kept.text) == (RQ, "SELECT …")


def test_the_page_shows_a_hundred_rows_by_default() -> None:
    assert SHOWN_ROWS == 100
    kept = answered((RQ, "", _solutions(SHOWN_ROWS + 1)))
    assert isinstance(kept.result, Solutions)
    assert len(kept.result.rows) == SHOWN_ROWS and kept.total == SHOWN_ROWS + 1


def test_csv_is_sparql_results_csv() -> None:
    """CRLF lines, UTF-8, unbound as empty, blank nodes as `_:label`, quotes doubled."""
    result = Solutions(
        ("a", "b"),
        ((Term("bnode", "b0"), None), (_literal('Rīga, "centrs"'), _iri("https://ex/ā"))),
    )
    assert csv_bytes(result) == ('a,b\r\n_:b0,\r\n"Rīga, ""centrs""",https://ex/ā\r\n'.encode())


def test_ask_and_construct_answers_are_kept_whole_without_a_table() -> None:
    for result in (Boolean(True), GraphResult("<x:a> <x:p> <x:b> .\n")):
        kept = answered((RQ, "ASK {}", result), shown=0)
        assert kept.result == result and kept.total == 0 and kept.table == b""
