"""Reports the parser has never seen, made from the ones it has: each named transformation of
`variants.py` alone on every report it changes, and every pair of transformations combined.
A variant must give the same model as its original (same years, activities, indicators,
amounts, findings; spans on the same words), a variant of a clean report no contradiction at
all, and a report with contradictions planted in it those (`PLANTED`) and no other.

Reports pasted as plain text laid out by character position (a table drawn as an ASCII grid,
columns padded to fixed positions, rows of separated fields) are varied as a person keeping
their layout would (`variants_grids.fit_layout`): a word typed longer or shorter in a cell
takes its width from the cell's padding, and no line is broken inside a row.
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from pathlib import Path

import pytest

from pipeline.model import Parsed
from pipeline.parse import parse_text
from tests.conftest import FIXTURES, MINIMAL, REPORTS
from tests.parse.compare import differences
from tests.parse.variants import TRANSFORMATIONS, Variant, original, pairs, singles, transform
from tests.parse.variants_grids import fit_layout, layout

BUNDLED = sorted(REPORTS.glob("*.txt"))
UNSEEN = sorted((FIXTURES / "reports" / "unseen").glob("*.txt"))
#: Reports pasted as plain text laid out by character position (a table drawn as an ASCII
#: grid, columns padded to fixed positions, rows of semicolon- or comma-separated fields)
#: and their label<TAB>value twins: their variants keep the layout (`variants_grids`).
GRIDS = sorted((FIXTURES / "reports" / "grids").glob("*.txt"))
#: The contradictions planted in a report, as the test module reading it states them (the
#: comments of `test_unseen_reports.py`, `test_unseen_text_grids.py`, ...): the report and
#: each of its variants raise these and no other.
PLANTED: dict[str, list[str]] = {
    "kurzeme_tabs_ordinal_word_gads_headings_planted": [
        "funding.sum-mismatch",
        "funding.unmatched-year",
        "period.year-outside-delegation",
    ],
    "kurzeme_email_quoted_sia_planted": [
        "activity.date-outside-year",
        "funding.actual-above-planned",
        "funding.actual-above-planned",
        "funding.remainder-mismatch",
    ],
    "kurzeme_pdf_text_contract_total_planted": ["funding.contract-total-mismatch"],
    "riga_labels_on_lines_square_bullets_planted": [
        "funding.sum-mismatch",
        "period.year-outside-delegation",
    ],
    "riga_pdf_wrap_sia_early_end_planted": [
        "funding.actual-above-planned",
        "irregular.unrecovered-above-irregular",
    ],
    "riga_one_paragraph_years_corrected_planted": [
        "activity.date-outside-year",
        "funding.remainder-mismatch",
    ],
    "kurzeme_pdf_planted_remainder": ["funding.remainder-mismatch"],
    "kurzeme_unfinished_year_purpose_lines_planted": [
        "activity.date-outside-year",
        "funding.sum-mismatch",
    ],
    "latgale_sentences_planted_year_start": ["period.year-outside-delegation"],
    "zemgale_older_calendar_years_planted_remainder": ["funding.remainder-mismatch"],
    "latgale_tabs_month_subheadings_planted": [
        "activity.date-outside-year",
        "funding.remainder-mismatch",
    ],
    "riga_underlined_labels_planted_breakdown": [
        "activity.breakdown-mismatch",
        "funding.sum-mismatch",
    ],
    # test_unseen_funding_round7.py: the contract's actual and returned totals against the
    # years' (160 500,00 for 160 050,00; 1 500,00 for 1 950,00), year II starting before
    # year I ended and year III after the contract
    "latgale_contract_total_line_unworded_split_planted": [
        "funding.contract-total-mismatch",
        "funding.contract-total-mismatch",
        "period.year-outside-delegation",
        "period.year-overlap",
    ],
    # test_unseen_activities_round7.py: 1 637,65 returned of a year whose plan, carried-in
    # money and spending leave 1 537,65; year II's dates reversed ("14.07.2024. –
    # 15.07.2023.") and the contract's actual and returned totals against the years'
    "latgale_social_services_clients_dot_thousands_planted": ["funding.remainder-mismatch"],
    "zemgale_year_ends_before_start_planted": [
        "funding.contract-total-mismatch",
        "funding.contract-total-mismatch",
        "period.ends-before-start",
    ],
    # test_unseen_structure_round7.py: year III's 15 240,00 spent of 15 000,00
    "zemgale_numbered_labels_ending_in_full_stops_planted": [
        "funding.actual-above-planned",
        "funding.remainder-mismatch",
    ],
    # test_unseen_funding_round7.py: an event dated after its year
    "zemgale_year_words_lati_contract_total_planted": ["activity.date-outside-year"],
    # test_unseen_hyphens_and_csv_rows.py, test_currencies.py
    "zemgale_pdf_copy_hyphenated_line_ends_planted": ["funding.remainder-mismatch"],
    "latgale_web_copy_comma_csv_funding_rows_planted": ["funding.remainder-mismatch"],
    "zemgale_2012_2016_lati_then_euro_planted": [
        "funding.actual-above-planned",
        "funding.remainder-mismatch",
    ],
    # grids/: a date after year I and year II's actual lines 29 950,00 + 23 450,00 under
    # 53 500,00 (test_unseen_text_grids.py); year 2's 45 250,00 spent of 45 000,00 with
    # its remainder 0,00, year 3's 378,70 for 387,70 (test_unseen_delimited_tables.py)
    "latgale_ascii_grid_table_planted": ["activity.date-outside-year", "funding.sum-mismatch"],
    "riga_web_copy_semicolon_funding_rows_planted": [
        "funding.actual-above-planned",
        "funding.remainder-mismatch",
        "funding.remainder-mismatch",
    ],
    # tests/rdf/test_moved_and_extension_facts.py: year III going on past the period, an
    # event after its year
    "facts_year_past_period_date_outside_planted": [
        "activity.date-outside-year",
        "period.year-outside-delegation",
    ],
    # test_activities_round8.py: a breakdown of participants that does not add up; year
    # II's overspend
    "activities_footnoted_counts_calendar_years_planted": ["activity.breakdown-mismatch"],
    "activities_year_goals_before_results_planted": [
        "funding.actual-above-planned",
        "funding.remainder-mismatch",
    ],
    # test_funding_round8.py
    "funding_caps_pipe_table_without_diacritics_planted": [
        "funding.actual-above-planned",
        "funding.remainder-mismatch",
    ],
    "funding_comma_rows_whole_euros_header_planted": ["funding.remainder-mismatch"],
    "funding_tab_remainder_cell_and_returned_sentence_planted": ["funding.remainder-mismatch"],
    # test_period_extension_round9.py
    "facts2_contract_amended_year_one_lines_planted": [
        "funding.remainder-mismatch",
        "funding.sum-mismatch",
    ],
    "facts2_term_extended_too_short_planted": ["period.year-outside-delegation"],
    # test_activities_round9.py
    "activities2_count_parts_by_place_planted": ["activity.breakdown-mismatch"],
    # test_funding_round9.py
    "funding2_calendar_years_carried_in_overspent_planted": ["funding.remainder-mismatch"],
    "funding2_carried_in_counted_in_actual_planted": [
        "funding.remainder-mismatch",
        "funding.sum-mismatch",
    ],
    "funding2_consortium_actual_split_by_partner_planted": ["funding.sum-mismatch"],
    # test_review_round9_fields.py: a submission deadline extended, not the delegation
    "review9_submission_deadline_extended_planted": ["period.year-outside-delegation"],
    # by the parser's fixers of this stop (test_k10_*.py): prose year openings, compared counts,
    # lati purpose lines, bare year keys, pipe tables without a delimiter row, dashed labels
    "k10_riga_prose_year_openings_forum_date_outside_planted": ["activity.date-outside-year"],
    "k10_latgale_compact_pipe_rows_remainder_planted": ["funding.remainder-mismatch"],
    # by an independent tester and the fixers of its findings (test_r10_tester_reports.py,
    # test_k10_funding_rows_signs_percent.py, test_k10_funding_lost_money.py): an overspend in
    # accounting brackets, a percentage column, sentences under a table naming a year
    "r10_latgale_overspent_bracketed_remainder_planted": ["funding.remainder-mismatch"],
    "r10_riga_actual_before_planned_percent_column_planted": ["funding.remainder-mismatch"],
    # the tester's and the reviewer's cases, fixed (test_k10_activity_numbering_and_counts.py,
    # test_k10_dash_labels_and_pipes_review.py, test_k10_funding_quarters_and_notes.py)
    "r10_kurzeme_three_level_numbering_breakdown_year_outside_planted": [
        "activity.breakdown-mismatch",
        "period.year-outside-delegation",
    ],
    # by an independent tester (test_unseen_reports.py says what is planted where)
    "vidzeme_planted_sums_and_short_period": [
        "activity.breakdown-mismatch",
        *["funding.actual-above-planned"] * 4,
        *["funding.remainder-mismatch"] * 2,
        *["funding.sum-mismatch"] * 2,
        "funding.unmatched-year",
    ],
}
#: Variants that change the model as a real re-typing would not: parser defects, for the
#: parser's owners. The single case fails until it is fixed; the pairs leave it out.
DEFECTS: dict[tuple[str, str], str] = {}
CLEAN = [MINIMAL, *(p for p in [*UNSEEN, *GRIDS] if p.stem not in PLANTED)]
ALL = [*BUNDLED, MINIMAL, *UNSEEN, *GRIDS]

#: Findings that say the report contradicts itself (as opposed to "could not be read").
CONTRADICTIONS = {
    "period.ends-before-start",
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
    (in turn) to keep the suite fast, the PDF-extracted one whenever the pair applies to it.
    A known defect's report is not paired with its transformation: the single case shows
    the defect, and whether a pair hides it depends on the other transformation."""
    cases: list[tuple[Path, tuple[str, ...]]] = []
    turn = itertools.count()
    for names in pairs():
        fitting = [p for p in ALL if _changes(p, names) and not _defect(p, names)]
        if not fitting:
            continue
        start = next(turn) % len(fitting)
        chosen = {fitting[start], fitting[(start + 1) % len(fitting)]}
        chosen |= {p for p in fitting if p.name.startswith("004")}
        cases.extend((p, names) for p in sorted(chosen))
    return cases


def _id(case: tuple[Path, tuple[str, ...]]) -> str:
    return f"{case[0].stem[:12]}:{'+'.join(case[1])}"


def _defect(path: Path, names: tuple[str, ...]) -> str | None:
    return next((DEFECTS[path.stem, n] for n in names if (path.stem, n) in DEFECTS), None)


def _marked(cases: list[tuple[Path, tuple[str, ...]]]) -> list[object]:
    """The cases, each a known defect's expected to fail (strictly: a fix shows)."""
    marked: list[object] = []
    for path, names in cases:
        reason = _defect(path, names)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        marked.append(pytest.param((path, names), marks=marks))
    return marked


def _check(path: Path, names: tuple[str, ...]) -> None:
    variant = transform(original(_text(path)), names)
    found = parse_text(variant.text, path.name)
    assert differences(_parsed(path), found, variant) == []


def test_every_transformation_changes_a_report() -> None:
    for name in TRANSFORMATIONS:
        assert any(_changes(p, (name,)) for p in ALL), name


def test_every_pair_is_tried() -> None:
    tried = {names for _, names in _pair_cases()}
    applicable = {
        names for names in pairs() if any(_changes(p, names) and not _defect(p, names) for p in ALL)
    }
    assert tried == applicable and len(tried) > 300


@pytest.mark.parametrize("case", _marked(_single_cases()), ids=_id)
def test_single_transformation(case: tuple[Path, tuple[str, ...]]) -> None:
    _check(*case)


@pytest.mark.parametrize("case", _pair_cases(), ids=_id)
def test_pair_of_transformations(case: tuple[Path, tuple[str, ...]]) -> None:
    _check(*case)


@pytest.mark.parametrize("path", [p for p in ALL if p.stem in PLANTED], ids=lambda p: p.name)
def test_a_planted_report_raises_its_planted_contradictions(path: Path) -> None:
    """Only those: its variants raise the same findings (`test_single_transformation`)."""
    found = sorted(f.code for f in _parsed(path).findings if f.code in CONTRADICTIONS)
    assert found == PLANTED[path.stem]


def test_every_planted_report_is_read() -> None:
    assert {p.stem for p in ALL} >= set(PLANTED)


#: A clean report is varied by every single transformation and by one pair in `PAIR_SHARE`,
#: each report in turn a different share: every pair is still tried on about a quarter of the
#: clean reports (and on two reports of any kind by `test_pair_of_transformations`), and the
#: suite stays within CI's time as the unseen reports grow.
PAIR_SHARE = 4


def _clean_pairs(path: Path) -> list[tuple[str, ...]]:
    return pairs()[CLEAN.index(path) % PAIR_SHARE :: PAIR_SHARE]


def test_every_pair_varies_several_clean_reports() -> None:
    tried = Counter(names for path in CLEAN for names in _clean_pairs(path))
    assert set(tried) == set(pairs())
    assert min(tried.values()) >= len(CLEAN) // PAIR_SHARE


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_no_variant_of_a_clean_report_contradicts_itself(path: Path) -> None:
    assert not [f for f in _parsed(path).findings if f.code in CONTRADICTIONS]
    for names in singles() + _clean_pairs(path):
        variant = transform(original(_text(path)), names)
        found = parse_text(variant.text, path.name).findings
        assert [f.code for f in found if f.code in CONTRADICTIONS] == [], names


def _frame(text: str) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
    """Where each line of a drawn grid has its "|" and "+", and where each line of aligned
    columns has them begin, in the order of the lines."""
    found, lines = layout(text), text.split("\n")
    grid = [tuple(i for i, c in enumerate(lines[k]) if c in "|+") for k in sorted(found.grid)]
    columns = [
        tuple(
            i
            for i, c in enumerate(lines[k])
            if i in found.columns and lines[k][i - 2 : i] == "  " and c != " "
        )
        for k in sorted(found.aligned)
    ]
    return grid, columns


@pytest.mark.parametrize(
    "path", [p for p in ALL if _frame(_text(p)) != ([], [])], ids=lambda p: p.name
)
def test_a_variant_keeps_the_grid_and_the_columns(path: Path) -> None:
    """Every transformation, alone and paired with every other, leaves each "|" of a drawn
    grid and each column of aligned text where it was, as a person keeping the layout."""
    frame = _frame(_text(path))
    assert any(frame)
    for names in singles() + pairs():
        variant = transform(original(_text(path)), names)
        assert _frame(variant.text) == frame, names


_GRID = (
    "Ievads: teksts, kas nav tabula\n"
    "+---------------+---------+\n"
    "| Faktiski      | 100,00  |\n"
    "|               | euro    |\n"
    "+---------------+---------+\n"
)


def test_an_edit_is_fitted_to_its_cell() -> None:
    cell = _GRID.index("Faktiski")
    longer = (cell, cell + 8, "Faktiski izlietots")  # 10 more letters: 6 spaces of room
    shorter = (cell, cell + 8, "Fakt.")
    euro = _GRID.index("euro")
    gone = (euro - 1, euro + 4, "     ")  # "100,00 euro" typed "100,00", spaces left behind
    bar = _GRID.index("|", cell)
    assert fit_layout(_GRID, [longer]) == []
    assert sorted(fit_layout(_GRID, [shorter])) == [(cell, cell + 8, "Fakt."), (bar, bar, "   ")]
    wider = (cell, cell + 8, "Faktiski:")
    assert sorted(fit_layout(_GRID, [wider])) == [wider, (bar - 1, bar, "")]
    end = _GRID.index("|", euro)
    assert sorted(fit_layout(_GRID, [gone])) == [(euro - 1, euro + 4, ""), (end, end, " " * 5)]


def test_no_line_break_inside_a_grid() -> None:
    inside = _GRID.index(" ", _GRID.index("Faktiski"))
    between = _GRID.index("|", _GRID.index("euro")) - len("|               | euro    ")
    prose = _GRID.index(" teksts")
    before = _GRID.index("+")
    edits = [(inside, inside + 1, "\n"), (between, between, "\n \n\n"), (before, before, "\n")]
    assert fit_layout(_GRID, [*edits, (prose, prose + 1, "\n")]) == [
        (prose, prose + 1, "\n"),
        (before, before, "\n"),
    ]
    # a text with no grid keeps every edit
    assert fit_layout("Faktiski 100,00 euro", [(8, 9, "\n")]) == [(8, 9, "\n")]


def test_the_comparison_sees_what_a_person_would_not_read_past() -> None:
    """A changed amount, a lost activity, a lost indicator or a span on other words is a
    difference."""
    text = _text(MINIMAL)
    for changed in (
        text.replace("49 000,00 euro", "48 000,00 euro"),
        text.replace("- 2) sniegtas", "sniegtas"),
        text.replace("80 dalībnieki", "80 skatītāji"),
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
