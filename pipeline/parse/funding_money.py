"""Money written in words or abbreviated: amounts in number words ("piecdesmit tūkstoši
euro"), which are reported, not read, and amounts in thousands ("54 tūkst. EUR", "24,3
tūkst. eiro"), read as the value they round to.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.parse.latvian import CURRENCY, LETTER

# The number words, each with its value: a unit ("divi", "piecas", "trīs"), a teen
# ("piecpadsmit"), a ten ("piecdesmit"), and the multipliers. Only whole words count: "vien"
# starts "vienošanās", "div" starts "divpusējs".
_UNIT_STEMS = (
    ("vien", 1), ("div", 2), ("trīs", 3), ("četr", 4), ("piec", 5), ("seš", 6),
    ("septiņ", 7), ("astoņ", 8), ("deviņ", 9),
)  # fmt: skip
_UNIT_ENDINGS = r"(?:s|a|u|i|as|am|ai|iem|ām|ās|os)"
_UNIT = (
    "|".join(rf"{stem}{_UNIT_ENDINGS}" for stem, _ in _UNIT_STEMS if stem != "trīs")
    + r"|trīs|triju|trijiem|trim"
)
_STEMS = "|".join(stem for stem, _ in _UNIT_STEMS)
_NUMBER_WORD = (
    rf"(?:nulle|(?:{_STEMS})padsmit|(?:{_STEMS})desmit|desmit|{_UNIT}"
    rf"|simt(?:s|a|u|i|iem|os)?|tūksto(?:tis|ša|šu|ši|šiem|šos|š)|miljon(?:s|a|u|i|iem|os))"
    rf"(?![{LETTER}])"
)
# An amount in words before a currency word ("simts eiro", "piecdesmit tūkstoši euro"): not
# in the number grammar, so it is reported rather than read (a statement read as no amount
# would compare as 0), unless it only restates an amount written in digits.
AMOUNT_IN_WORDS = re.compile(
    rf"(?<![{LETTER}])(?:{_NUMBER_WORD}\s+)*{_NUMBER_WORD}\s+(?:{CURRENCY})", re.I
)


def words_value(words: str) -> int | None:
    """The value of an amount in words ("piecdesmit tūkstoši" 50 000, "divi simti" 200);
    None when a word is not a number word."""
    total = current = 0
    for word in re.findall(rf"[{LETTER}]+", words.lower()):
        if re.fullmatch(r"euro|eur|eiro", word):
            continue
        if not re.fullmatch(_NUMBER_WORD, word):
            return None
        if word.startswith("simt"):
            current = (current or 1) * 100
        elif word.startswith("tūksto"):
            total, current = total + (current or 1) * 1000, 0
        elif word.startswith("miljon"):
            total, current = total + (current or 1) * 1_000_000, 0
        elif word == "nulle":
            continue
        elif word == "desmit":
            current += 10
        else:
            n = (
                3
                if word.startswith("tri")
                else next(n for st, n in _UNIT_STEMS if word.startswith(st))
            )
            if word.endswith("padsmit"):
                current += 10 + n
            elif word.endswith("desmit"):
                current += 10 * n
            else:
                current += n
    return total + current


# Thousands of euro ("54 tūkst. EUR", "24,3 tūkst. eiro"): money, found so that it is
# reported as an unread amount (it is rounded; see `is_rounded`). The currency word must follow, or "5 tūkst. apmeklētāju" would be
# money. The amount group holds the whole written form, so that it is kept as written.
THOUSANDS = re.compile(
    rf"(?<![\d,.])(?P<amount>\d{{1,3}}(?:[.,]\d{{1,3}})?[ \u00a0]*t[ūu]kst\.?)"
    rf"(?P<prefix>(?!))?[ \u00a0]*(?P<currency>{CURRENCY})",
    re.I,
)
_THOUSANDS_TEXT = re.compile(r"(\d{1,3}(?:[.,]\d{1,3})?)[ \u00a0]*t[ūu]kst\.?", re.I)


def thousands_value(text: str) -> Decimal | None:
    """The value of "24,3 tūkst." (24 300); None when the text is not in thousands."""
    found = _THOUSANDS_TEXT.fullmatch(text.strip())
    if found is None:
        return None
    return (Decimal(found.group(1).replace(",", ".")) * 1000).quantize(Decimal(1))


def is_rounded(amount_text: str) -> bool:
    """Whether an amount as written is rounded to thousands ("54 tūkst."): never equal for
    sure to an amount in euro and cents, so no sum with it is compared."""
    return _THOUSANDS_TEXT.fullmatch(amount_text.strip()) is not None
