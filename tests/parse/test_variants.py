"""Reports the parser has never seen, made from the ones it has: each named transformation of
`variants.py` alone on every report it changes, and every pair of transformations combined.
A variant must give the same model as its original (same years, activities, indicators,
amounts, findings; spans on the same words), and a variant of a clean report no
contradiction at all.
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

import pytest

from pipeline.model import Parsed
from pipeline.parse import parse_text
from tests.conftest import FIXTURES, MINIMAL, REPORTS
from tests.parse.compare import differences
from tests.parse.variants import TRANSFORMATIONS, Variant, original, pairs, singles, transform

BUNDLED = sorted(REPORTS.glob("*.txt"))
UNSEEN = sorted((FIXTURES / "reports" / "unseen").glob("*.txt"))
#: Reports with no contradiction in them: none of their variants may report one (the
#: unseen reports named here have contradictions planted in them).
PLANTED = {
    "kurzeme_tabs_ordinal_word_gads_headings_planted",
    "kurzeme_email_quoted_sia_planted",
    "kurzeme_pdf_text_contract_total_planted",
    "riga_labels_on_lines_square_bullets_planted",
    "riga_pdf_wrap_sia_early_end_planted",
    "riga_one_paragraph_years_corrected_planted",
    "kurzeme_pdf_planted_remainder",
    "kurzeme_unfinished_year_purpose_lines_planted",
    "latgale_sentences_planted_year_start",
    "zemgale_older_calendar_years_planted_remainder",
    "latgale_tabs_month_subheadings_planted",
    "riga_underlined_labels_planted_breakdown",
}
CLEAN = [MINIMAL, *(p for p in UNSEEN if p.stem not in PLANTED)]
ALL = [*BUNDLED, MINIMAL, *UNSEEN]

#: Findings that say the report contradicts itself (as opposed to "could not be read").
CONTRADICTIONS = {
    "period.title-span-mismatch",
    "period.year-overlap",
    "period.year-outside-delegation",
    "activity.date-outside-year",
    "activity.breakdown-mismatch",
    "funding.sum-mismatch",
    "funding.actual-above-planned",
    "funding.remainder-mismatch",
    "funding.unmatched-year",
    "region.mismatch",
    "funding.contract-total-mismatch",
    "irregular.unrecovered-above-irregular",
}


@functools.cache
def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@functools.cache
def _parsed(path: Path) -> Parsed:
    return parse_text(_text(path), path.name)


def _changes(path: Path, names: tuple[str, ...]) -> bool:
    return all(transform(original(_text(path)), (n,)).text != _text(path) for n in names)


def _single_cases() -> list[tuple[Path, tuple[str, ...]]]:
    return [(p, names) for names in singles() for p in ALL if _changes(p, names)]


def _pair_cases() -> list[tuple[Path, tuple[str, ...]]]:
    """Every pair, on the reports both of its transformations change; two of them per pair
    (in turn) to keep the suite fast, the PDF-extracted one whenever the pair applies to it."""
    cases = []
    turn = itertools.count()
    for names in pairs():
        fitting = [p for p in ALL if _changes(p, names)]
        if not fitting:
            continue
        start = next(turn) % len(fitting)
        chosen = {fitting[start], fitting[(start + 1) % len(fitting)]}
        chosen |= {p for p in fitting if p.name.startswith("004")}
        cases.extend((p, names) for p in sorted(chosen))
    return cases


def _id(case: tuple[Path, tuple[str, ...]]) -> str:
    return f"{case[0].stem[:12]}:{'+'.join(case[1])}"


def _check(path: Path, names: tuple[str, ...]) -> None:
    variant = transform(original(_text(path)), names)
    found = parse_text(variant.text, path.name)
    assert differences(_parsed(path), found, variant) == []


def test_every_transformation_changes_a_report() -> None:
    for name in TRANSFORMATIONS:
        assert any(_changes(p, (name,)) for p in ALL), name


def test_every_pair_is_tried() -> None:
    tried = {names for _, names in _pair_cases()}
    applicable = {names for names in pairs() if any(_changes(p, names) for p in ALL)}
    assert tried == applicable and len(tried) > 300


@pytest.mark.parametrize("case", _single_cases(), ids=_id)
def test_single_transformation(case: tuple[Path, tuple[str, ...]]) -> None:
    _check(*case)


@pytest.mark.parametrize("case", _pair_cases(), ids=_id)
def test_pair_of_transformations(case: tuple[Path, tuple[str, ...]]) -> None:
    _check(*case)


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_no_variant_of_a_clean_report_contradicts_itself(path: Path) -> None:
    assert not [f for f in _parsed(path).findings if f.code in CONTRADICTIONS]
    for names in singles() + pairs():
        variant = transform(original(_text(path)), names)
        found = parse_text(variant.text, path.name).findings
        assert [f.code for f in found if f.code in CONTRADICTIONS] == [], names


def test_the_comparison_sees_what_a_person_would_not_read_past() -> None:
    """A changed amount, a lost activity, a lost indicator or a span on other words is a
    difference."""
    text = _text(MINIMAL)
    for changed in (
        text.replace("49 000,00 euro", "48 000,00 euro"),
        text.replace("- 2) sniegtas", "sniegtas"),
        text.replace("80 dalībnieki", "80 cilvēki"),
    ):
        assert changed != text
        # same-length or inserted text, compared as if it were a harmless variant
        variant = Variant("changed", changed, _aligned(text, changed), frozenset())
        assert differences(_parsed(MINIMAL), parse_text(changed, MINIMAL.name), variant)
    # the same text with its spans mapped five characters on: every span is on other words
    shifted = tuple(min(i + 5, len(text)) for i in range(len(text) + 1))
    moved = Variant("moved", text, shifted, frozenset())
    assert len(differences(_parsed(MINIMAL), _parsed(MINIMAL), moved)) > 10


def _aligned(text: str, changed: str) -> tuple[int, ...]:
    """Each character of `changed` mapped to the original character at the same distance
    from the start (before the first difference) or from the end (after it)."""
    first = next(i for i, (a, b) in enumerate(zip(text, changed, strict=False)) if a != b)
    shift = len(text) - len(changed)
    return tuple(i if i < first else max(i + shift, first) for i in range(len(changed) + 1))
