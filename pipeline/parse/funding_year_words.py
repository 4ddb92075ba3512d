"""A calendar year written in words as a funding row's key: "Divi tūkstoši divpadsmitajā
gadā (01.07.2012.–31.12.2012.)". Read as "2012. gadā (…)" would be, so that the row is
that calendar year's, but only where the dates in its parenthesis lie in that year: the
words and the dates then say the same.
"""

from __future__ import annotations

import re

from pipeline.parse.latvian import find_period
from pipeline.parse.text import SourcedText

_L = r"\w"
# Ordinal stems, the longest first where one begins another ("divpadsmit" before "div…").
_TEENS = {
    "vienpadsmit": 11, "divpadsmit": 12, "trīspadsmit": 13, "četrpadsmit": 14,
    "piecpadsmit": 15, "sešpadsmit": 16, "septiņpadsmit": 17, "astoņpadsmit": 18,
    "deviņpadsmit": 19, "desmit": 10,
}  # fmt: skip
_UNITS = {
    "pirm": 1, "otr": 2, "treš": 3, "ceturt": 4, "piekt": 5, "sest": 6, "septīt": 7,
    "astot": 8, "devīt": 9,
}  # fmt: skip
_TENS = {
    "divdesmit": 20, "trīsdesmit": 30, "četrdesmit": 40, "piecdesmit": 50,
    "sešdesmit": 60, "septiņdesmit": 70, "astoņdesmit": 80, "deviņdesmit": 90,
}  # fmt: skip
_ORDINAL_END = rf"(?:ais|ajā|ā|ajam|o|aj[{_L}]*)(?![{_L}])"
_YEAR_WORDS = re.compile(
    rf"[ \t\u00a0]*(?P<words>div(?:i\s+|\s*)tūkstoš[{_L}]*\s+"
    rf"(?:(?P<tens>{'|'.join(_TENS)})(?:{_ORDINAL_END}|\s+))?"
    rf"(?:(?P<teen>{'|'.join(_TEENS)})|(?P<unit>{'|'.join(_UNITS)}))?{_ORDINAL_END}?"
    rf"\s+gad(?:ā|s|a))(?P<rest>\s*\([^()]*\d[^()]*\)[ \t\u00a0:.]*)$",
    re.I,
)


def year_in_words(line: SourcedText) -> SourcedText:
    """The line with its key's year in words written in digits ("2012. gadā (…)"), its
    characters mapped to the words' place in the source; the line as it is where it is no
    such key, or its dates are not all in that year."""
    found = _YEAR_WORDS.match(line.text)
    if found is None:
        return line
    tens, teen, unit = found.group("tens"), found.group("teen"), found.group("unit")
    if tens is None and teen is None and unit is None:
        return line  # "divi tūkstoši gadā": no year's number
    number = 2000 + (_TENS[tens.lower()] if tens else 0)
    number += _TEENS[teen.lower()] if teen else _UNITS[unit.lower()] if unit else 0
    dates = find_period(found.group("rest"))
    if dates is None or dates.start is None or dates.end is None:
        return line
    if not dates.start.year == dates.end.year == number:
        return line
    words = line[found.start("words") : found.end("words")]
    digits = f"{number}. gadā"
    offsets = tuple(words.offsets[min(i, len(words) - 1)] for i in range(len(digits)))
    return SourcedText.join(
        [line[: found.start("words")], SourcedText(digits, offsets), line[found.end("words") :]],
        "",
    )
