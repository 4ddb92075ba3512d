"""Money as the findings write it: the reports' own notation."""

from __future__ import annotations

from decimal import Decimal


def money(value: Decimal) -> str:
    """54000.00 -> '54 000,00' (the reports' own notation)."""
    sign = "-" if value < 0 else ""
    whole, _, cents = f"{abs(value):.2f}".partition(".")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{' '.join(groups)},{cents}"
