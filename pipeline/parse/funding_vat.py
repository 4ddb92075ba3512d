"""The value added tax inside an amount: "Faktiski 44 520,40 euro (t.sk. PVN 7 726,68 euro),
t.sk. …". It is a detail of the total before it, neither a line of it (the lines still add
up to the total) nor a statement of its own. The statement reader leaves it unread, and the
year's sums are still compared: the tax changes none of them.
"""

from __future__ import annotations

import re

_L = r"[\wāčēģīķļņšūž]"
# "PVN", "t.sk. PVN", "tai skaitā PVN", "ieskaitot PVN", "PVN summa", "PVN 21 %" ends the
# words before the amount
_VAT_BEFORE = re.compile(
    rf"(?<!{_L})PVN(?:\s+(?:summa|apmērā|\d{{1,2}}\s*%))?[\s:–-]*$",
    re.I,
)


def names_vat(lead: str) -> bool:
    """Whether the words before an amount (since the amount before it) end by naming it
    the value added tax."""
    return bool(_VAT_BEFORE.search(lead))
