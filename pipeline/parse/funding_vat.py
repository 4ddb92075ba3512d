"""The value added tax inside an amount: "Faktiski 44 520,40 euro (t.sk. PVN 7 726,68 euro),
t.sk. …". It is a detail of the total before it, neither a line of it (the lines still add
up to the total) nor a statement of its own. The statement reader leaves it unread, and the
year's sums are still compared: the tax changes none of them.

Only a note right after an amount is that detail: all the words between the two amounts
open it. A label that names the tax before its own amount ("Faktiski izlietots, ieskaitot
PVN: 48 612,30 EUR", "kopā ar PVN 48 612,30 EUR") states a total that includes the tax.
"""

from __future__ import annotations

import re

from pipeline.parse.diacritics import either_form

_L = r"\w"
# "(t.sk. PVN", ", tai skaitā PVN", ", ieskaitot PVN", " (PVN 21 %", "; PVN summa:" is all
# there is between the amount before and this one
_VAT_NOTE = re.compile(
    r"[\s,;:(–-]*"
    + either_form(
        rf"(?:(?:t\.\s*sk\.?|tai\s+skaitā|tajā\s+skaitā|ieskaitot|no\s+t(?:iem|ā|ās))[\s:–-]*)?"
        rf"(?:\d{{1,2}}\s*%\s*)?(?<!{_L})PVN(?:\s+(?:summa|apmērā|\d{{1,2}}\s*%))?[\s:–-]*"
    ),
    re.I,
)


def names_vat(lead: str, after_amount: bool) -> bool:
    """Whether the words before an amount, since the amount before it (`after_amount`: there
    is one), are only a note naming it the value added tax of that amount."""
    return after_amount and bool(_VAT_NOTE.fullmatch(lead))
