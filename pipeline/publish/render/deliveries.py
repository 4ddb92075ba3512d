"""What was delivered, counted honestly: sums of the reports' quantities by kind, keeping
their qualifiers ("vairāk nekā 670" is a lower bound, so a sum with it is one too), and
never counting a part of a stated total ("199 konsultācijas (41 …; 80 …; 78 …)") twice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.model import Activity, Indicator, Qualifier
from pipeline.publish.records import Delivered, delivered
from pipeline.publish.render.html import number
from pipeline.publish.render.views import Label, Terms
from pipeline.rdf.namespaces import INDICATOR, QUALIFIER

#: The deliveries the home page and the summaries lead with, in this order.
HEADLINE = ("participants", "consultations", "events")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its qualifier and kind, in words of both languages."""

    value: int
    qualifier: str  # a Qualifier value
    kind: str  # indicator-kind key
    words: Label  # "vairāk nekā 670 dalībnieki" / "more than 670 participants"


def combined(qualifiers: Iterable[str]) -> str:
    """The qualifier of a sum: exact only when every part is; a lower bound when the parts
    are exact or lower bounds ("at least" when any is only "at least"); otherwise "about"."""
    found = set(qualifiers) - {Qualifier.EXACT.value}
    if not found:
        return Qualifier.EXACT.value
    if found == {Qualifier.MORE_THAN.value}:
        return Qualifier.MORE_THAN.value
    if found <= {Qualifier.MORE_THAN.value, Qualifier.AT_LEAST.value}:
        return Qualifier.AT_LEAST.value
    return Qualifier.ABOUT.value


def words(terms: Terms, value: int, qualifier: str, kind: str) -> Label:
    kind_label = terms.label(str(INDICATOR[kind]))
    if qualifier == Qualifier.EXACT.value:
        return Label(f"{number(value)} {kind_label.lv}", f"{number(value)} {kind_label.en}")
    q = terms.label(str(QUALIFIER[qualifier]))
    return Label(
        f"{q.lv} {number(value)} {kind_label.lv}", f"{q.en} {number(value)} {kind_label.en}"
    )


def quantity(terms: Terms, indicator: Indicator) -> Quantity:
    q = indicator.qualifier.value
    return Quantity(
        indicator.value, q, indicator.kind, words(terms, indicator.value, q, indicator.kind)
    )


def totals(
    terms: Terms, activities: Iterable[Activity], kinds: tuple[str, ...] = HEADLINE
) -> tuple[Quantity | None, ...]:
    """One sum per kind of `kinds` (None where nothing of that kind was counted)."""
    return summed(terms, delivered(activities), kinds)


def summed(
    terms: Terms, parts: Iterable[Delivered], kinds: tuple[str, ...] = HEADLINE
) -> tuple[Quantity | None, ...]:
    """One sum per kind of `kinds` of reports' sums (`ReportRecord.delivered`)."""
    sums: dict[str, int] = {}
    qualifiers: dict[str, set[str]] = {}
    for part in parts:
        if part.kind in kinds:
            sums[part.kind] = sums.get(part.kind, 0) + part.value
            qualifiers.setdefault(part.kind, set()).update(part.qualifiers)
    out: list[Quantity | None] = []
    for kind in kinds:
        if kind not in sums:
            out.append(None)
            continue
        q = combined(qualifiers[kind])
        out.append(Quantity(sums[kind], q, kind, words(terms, sums[kind], q, kind)))
    return tuple(out)


def kind_labels(terms: Terms, kinds: tuple[str, ...] = HEADLINE) -> tuple[Label, ...]:
    return tuple(terms.label(str(INDICATOR[k])) for k in kinds)
