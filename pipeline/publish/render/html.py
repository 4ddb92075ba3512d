"""The Jinja environment: autoescape on, undefined names are errors, and every filter the
templates use, registered in one place. Formatting here is pure (no I/O, no clock).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context

from pipeline import settings
from pipeline.publish.render.paths import relative
from pipeline.settings import resource_dir

#: The templates and static files, next to the package in the source tree.
TEMPLATES = resource_dir(settings.TEMPLATES)
STATIC = resource_dir(settings.STATIC)

#: No-break spaces keep "54 000,00 EUR" on one line (Latvian groups digits with spaces).
NBSP = "\u00a0"

MONTHS_LV = (
    "janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs",
    "jūlijs", "augusts", "septembris", "oktobris", "novembris", "decembris",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _decimal(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def group_digits(digits: str) -> str:
    """`"54000"` -> `"54 000"` (no-break space every three digits from the right)."""
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return NBSP.join(groups)


def money(value: object, currency: str = "EUR") -> str:
    """`Decimal("54000")` -> "54 000,00 EUR"; negative amounts keep their sign; text that
    is not a number is returned as it is (a report's own words are never hidden)."""
    amount = _decimal(value)
    if amount is None:
        return "" if value is None else str(value)
    cents = amount.quantize(Decimal("0.01"))
    sign = "−" if cents < 0 else ""
    whole, _, fraction = f"{abs(cents):f}".partition(".")
    return f"{sign}{group_digits(whole)},{fraction or '00'}{NBSP}{currency}"


def number(value: object) -> str:
    """Integers grouped like money ("1 234"); decimals with a decimal comma."""
    amount = _decimal(value)
    if amount is None:
        return "" if value is None else str(value)
    sign = "−" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    return f"{sign}{group_digits(whole)}" + (f",{fraction}" if fraction else "")


def filesize(value: object) -> str:
    """Bytes for readers: `2442144` -> "2,3 MB", `5120` -> "5 kB" (decimal units)."""
    amount = _decimal(value)
    if amount is None:
        return "" if value is None else str(value)
    for unit, size in (("MB", Decimal(10**6)), ("kB", Decimal(1000))):
        if amount >= size:
            shown = (amount / size).quantize(Decimal("0.1") if amount < size * 10 else Decimal(1))
            return f"{shown}".replace(".", ",") + f"{NBSP}{unit}"
    return f"{amount}{NBSP}B"


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def date_lv(value: object) -> str:
    """`2022-07-15` -> "2022. gada 15. jūlijs" (the form the reports themselves use)."""
    day = _date(value)
    if day is None:
        return "" if value is None else str(value)
    return f"{day.year}. gada {day.day}. {MONTHS_LV[day.month - 1]}"


def date_en(value: object) -> str:
    """`2022-07-15` -> "15 July 2022"."""
    day = _date(value)
    if day is None:
        return "" if value is None else str(value)
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def is_external(href: str) -> bool:
    return href.startswith(("http://", "https://", "mailto:"))


@pass_context
def rel(context: Context, href: str) -> str:
    """A site-root path made relative to the page being rendered; external IRIs as they are."""
    if is_external(href):
        return href
    page = context["page"]
    return relative(page.path, href)


def environment(templates: Path = TEMPLATES) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    register_filters(env)
    return env


def register_filters(env: Environment) -> None:
    filters: dict[str, Any] = {
        "money": money,
        "number": number,
        "filesize": filesize,
        "date_lv": date_lv,
        "date_en": date_en,
        "rel": rel,
        "external": is_external,
    }
    env.filters.update(filters)
    env.tests["external"] = is_external
