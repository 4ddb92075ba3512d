"""The money spent over the whole contract, stated after its years: "Izlietotais finansējums
kopā: 118 400,00 euro", "Kopā faktiski izlietots: € 71 000,00". It is no year's amount: the
funding reader leaves it out of the last year (where it would read as a second actual) and
hands it on with the unread amounts, as a `ContractAmount`; the checks compare it with the
years' actual totals (`checks_contract`). Totals of other roles are read in `funding_totals`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.model import Amount, AmountRole
from pipeline.parse.currencies import currency_at
from pipeline.parse.funding_words import MONEY_IN_TEXT, amount_value, counts_as_money
from pipeline.parse.text import SourcedText, SourceFile


@dataclass(frozen=True, slots=True)
class ContractAmount(SourcedText):
    """An amount of the contract's total, as written, with the role its words say and its
    value. It is handed on with the amounts left unread; the checks compare it with the
    years' sums (`checks_contract`), and one they compare is the model's
    (`Report.contract_totals`)."""

    role: AmountRole = AmountRole.ACTUAL
    value: Decimal = Decimal(0)

    @staticmethod
    def at(piece: SourcedText, role: AmountRole, value: Decimal) -> ContractAmount:
        return ContractAmount(piece.text, piece.offsets, role, value)

    def as_amount(self, source: SourceFile) -> Amount:
        """The model's amount: a total of its role over the whole contract, its number as
        written, in the currency written beside it."""
        found = MONEY_IN_TEXT.search(self.text)
        # from its number on, as a year's amount is: the space before it is no amount's
        piece = self[found.start("amount") : found.end()] if found is not None else self
        text = found.group("amount") if found is not None else self.text.strip()
        span = source.span_of(piece)
        currency = currency_at(source.text, span.start, span.end)
        return Amount(self.role, None, self.value, text, "", span, currency)


_L = r"\w"
_SPENT = rf"(?:faktiski\s+)?izlietot{_L}*(?:\s+(?:valsts\s+budžeta\s+)?(?:finansējums|līdzekļi))?"
# the words before the amount, markup and a colon aside
_LEAD = re.compile(
    rf"[\s*_\ue000]*(?:{_SPENT}\s+kopā|kopā\s+{_SPENT})(?!{_L})[\s*_:]*",
    re.I,
)
# after it: its currency word's stop, markup
_TAIL = re.compile(r"[\s*_.]*")


def states_contract_total(before: str, after: str) -> bool:
    """Whether an amount whose line reads `before` up to it and `after` from its end is the
    money spent over the contract, with nothing else in the line."""
    return bool(_LEAD.fullmatch(before)) and bool(_TAIL.fullmatch(after))


def without_contract_total(section: SourcedText) -> tuple[SourcedText, list[ContractAmount]]:
    """The section with each line stating the money spent over the contract blanked (its
    characters spaces, still mapped to the source), and the amounts those lines state.
    Only a line of one amount and no cells, after every year's rows: no money on any line
    after it, and a paragraph of its own (`opens_paragraph`), as a year's own "Faktiski
    izlietots kopā: …" under its heading and plan is not. Its words may begin on the line
    before ("Izlietotais finansējums / kopā: € 71 000,00", as a converter wraps it), which
    is then blanked too."""
    lines = section.text.split("\n")
    chars = list(section.text)
    found: list[ContractAmount] = []
    start = 0
    previous: tuple[int, str] | None = None  # the line before: where it starts, its text
    for n, line in enumerate(lines):
        money = [m for m in MONEY_IN_TEXT.finditer(line) if counts_as_money(m)]
        last = n > 0 and not any(_has_money(later) for later in lines[n + 1 :])
        if last and "\t" not in line and len(money) == 1:
            m = money[0]
            before, after = line[: m.start()], line[m.end() :]
            blank = (start, start)
            piece = section[start + m.start() : start + m.end()]
            spent = ContractAmount.at(piece, AmountRole.ACTUAL, amount_value(m.group("amount")))
            if states_contract_total(before, after) and opens_paragraph(lines[:n]):
                found.append(spent)
                blank = (start, start + len(line))
            elif (
                previous is not None
                and states_contract_total(f"{previous[1]}\n{before}", after)
                and opens_paragraph(lines[: n - 1])
            ):
                found.append(spent)
                blank = (previous[0], start + len(line))
            chars[blank[0] : blank[1]] = [
                c if c == "\n" else " " for c in chars[blank[0] : blank[1]]
            ]
        wordy = n > 0 and "\t" not in line and not MONEY_IN_TEXT.search(line)
        previous = (start, line) if wordy else None
        start += len(line) + 1
    if not found:
        return section, []
    return SourcedText("".join(chars), section.offsets), found


def opens_paragraph(above: list[str]) -> bool:
    """Whether a line whose lines above are `above` stands in a paragraph of its own: a
    blank line right above it (markup aside), after some text."""
    return (
        len(above) > 1
        and not above[-1].strip(" \t*_\ue000")
        and any(line.strip() for line in above)
    )


def _has_money(line: str) -> bool:
    return any(counts_as_money(m) for m in MONEY_IN_TEXT.finditer(line))
