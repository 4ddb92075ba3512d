"""Pickles of frozen dataclasses without `dataclasses`' per-object field lookup: read back
with plain `pickle.loads` into equal objects, of every shape a build pickles."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from pipeline.model import Check, Problem, Severity, Span
from pipeline.publish import pickling


@dataclass(frozen=True, slots=True)
class Pair:
    left: object
    right: object = None


@dataclass(frozen=True, slots=True)
class One:
    value: object


@dataclass(frozen=True, slots=True)
class Counted:
    n: int
    total: int = field(init=False, default=0)


@dataclass
class Loose:
    n: int


def _refuse(self: object) -> object:
    raise AssertionError("pickled through __getstate__")


def test_frozen_dataclasses_are_pickled_without_getstate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(Pair, "__getstate__", _refuse)
    monkeypatch.setattr(One, "__getstate__", _refuse)
    value = {"a": (Pair(One(Decimal("1.50")), [Pair("x")]), One(None))}
    with pytest.raises(AssertionError):
        pickle.dumps(value)  # the slow path, which this module avoids
    back = pickle.loads(pickling.dumps(value))
    assert back == value
    assert type(back["a"][0].left) is One and back["a"][0].left.value == Decimal("1.50")


def test_other_objects_are_pickled_the_usual_way() -> None:
    """A dataclass that is not frozen with slots may hold more than its fields; one with a
    field its constructor does not take cannot be made again by calling it."""
    loose = Loose(3)
    loose.extra = "kept"  # type: ignore[attr-defined]
    counted = Counted(2)
    object.__setattr__(counted, "total", 7)
    back = pickle.loads(pickling.dumps((loose, counted)))
    assert back[0].extra == "kept"
    assert back[1].total == 7


def test_a_problem_with_its_span_reads_back_equal() -> None:
    span = Span("reports/a.txt", 4, 6, 12, 30)
    problem = Problem(
        code="funding.sum-mismatch",
        severity=Severity.WARNING,
        message="m",
        message_lv="z",
        file="reports/a.txt",
        span=span,
        check=Check.SHACL,
    )
    data = pickling.dumps((problem, problem))
    back = pickle.loads(data)
    assert back == (problem, problem)
    assert back[0] is back[1]  # one object pickled once, as pickle does


@dataclass(frozen=True, slots=True, init=False)
class Made:
    n: int

    def __init__(self, text: str) -> None:
        object.__setattr__(self, "n", int(text))


@dataclass(frozen=True, slots=True)
class Named:
    n: int
    label: str = field(kw_only=True, default="")


def test_classes_not_made_again_by_their_field_values_are_pickled_the_usual_way() -> None:
    """A class with a constructor of its own, or a field given by name only, cannot be
    called with its field values in order."""
    values = (Made("4"), Named(2, label="two"))
    assert pickle.loads(pickling.dumps(values)) == values


def test_rdflib_terms_come_back_as_they_were_made() -> None:
    """A literal comes back with its own text, value and datatype, not parsed again (which
    would write "01" as "1"); an IRI as its text. Equal and hashed alike."""
    from rdflib import XSD, Literal, URIRef

    terms = [
        URIRef("https://example.org/id/report/a#year-1"),
        Literal("01", datatype=XSD.integer, normalize=False),
        Literal("54 000,00 EUR", lang="lv"),
        Literal(Decimal("54000.00")),
        Literal("2023-02-29", datatype=XSD.date),  # ill-typed: no such day
        Literal("teksts"),
    ]
    back = pickle.loads(pickling.dumps(terms))
    assert back == terms
    assert [hash(t) for t in back] == [hash(t) for t in terms]
    assert [type(t) for t in back] == [type(t) for t in terms]
    for made, read in zip(terms[1:], back[1:], strict=True):
        assert isinstance(made, Literal) and isinstance(read, Literal)
        assert (str(read), read.language, read.datatype, read.value, read.ill_typed) == (
            str(made),
            made.language,
            made.datatype,
            made.value,
            made.ill_typed,
        )
    assert str(back[1]) == "01"  # as written
