"""The words in which an activity's text says it was moved to a date ("tika pārcelts uz
2026. gada 24. janvāri"): such a date outside its year is explained by the report itself
(see `pipeline.parse.checks_periods`); the model keeps it as `DateMention.moved`.

Only words that say so as surely as "pārcelts uz" are read: moved or postponed ("pārcelts",
"pārceļam", "atlikts"), right before the date, or in a bracket right after it that says where
from ("notika 2013. gada 24. augustā (pārcelts no 2013. gada 10. jūnija)"). Not a verb that
is negated ("netika pārcelts, tas notika …"), nor one whose subject is money ("finansējuma
atlikums pārcelts uz …": money carried over, no activity moved).
"""

from __future__ import annotations

import re

from pipeline.parse.indicators import kind_of

# Moved ("pārcelts", "pārcēla", "pārceļam", "pārlikts") or postponed ("atlikts", "atlika",
# "atliekam"); never "atlikums" (the remainder) nor "atliekas" (what is left).
_VERB = (
    r"(?<![^\W\d_])(?:p[aā]rc[eē][lļ][^\W\d_]*|p[aā]rlik[^\W\d_]*"
    r"|atlikt(?:s|a|i|as|ais|ā)?|atlika|atliek(?:am|at|u)?)(?![^\W\d_])"
)
# "… tika pārcelts uz 2026. gada 24. janvāri", "tas tika pārcelts un notika 2024. gada 14.
# martā": the verb of moving, then at most a few words that say it took place, then the
# date. Anything else between them ("pārcelts uz nākamo gadu un notika …") is not read as
# the explanation: which date was moved is then not certain.
_MOVED_TO = re.compile(
    _VERB + r"(?:[ \u00a0]*,?[ \u00a0]+(?:uz|un|tas|tā|tie|tās|tika|notika|norisinājās"
    r"|noritēja|(?:no)?organizēt[sai]|rīkot[sai]))*[ \u00a0]+$",
    re.I,
)
# Right after the date, where it was moved from: "(pārcelts no 2013. gada 10. jūnija)".
_MOVED_FROM = re.compile(
    r"[ \u00a0]*[(,–—-][ \u00a0]*(?:(?:tas|tā)[ \u00a0]+)?(?:tika[ \u00a0]+)?"
    + _VERB
    + r"[ \u00a0]+no(?![^\W\d_])",
    re.I,
)
# A negation right before the verb, or one word before it ("nav ticis pārcelts").
_NEGATED = re.compile(
    r"(?<![^\W\d_])(?:ne|nav|nebija|netika|netiek|netiks|nebūs|nebūtu|nevarēja|nevar)"
    r"(?:[ \u00a0]+[^\W\d_]+)?[ \u00a0]+$",
    re.I,
)
# Money, whose being carried over or put off moves no activity.
_MONEY = re.compile(
    r"finans[eē]j\w*|finanšu|finansu|atlikum\w*|l[iī]dzek[lļ]\w*|summ\w*|bud[zž]et\w*"
    r"|naud\w*|maks[aā]jum\w*|avans\w*|izmaks\w*|eur|euro|eiro",
    re.I,
)
# Where a clause ends: a sentence's or a clause's mark, not a date's dot ("2013. gada").
_BOUNDARY = re.compile(r"(?<!\d)\.|[;!?\n\t\x0b\ue000(]")
_WORDS = re.compile(r"[^\W\d_]+")


def moved_to(text: str, date: str) -> bool:
    """Whether an activity's `text` says it was moved to the date written `date`: every
    place the date is written in it comes right after such words, or right before them."""
    places = [m.start() for m in re.finditer(re.escape(date), text)]
    return bool(places) and all(_explained(text, at, at + len(date)) for at in places)


def _explained(text: str, start: int, end: int) -> bool:
    before = _MOVED_TO.search(text, 0, start)
    if before is not None:
        return not _NEGATED.search(text, 0, before.start()) and _of_activity(text, before.start())
    return bool(_MOVED_FROM.match(text, end)) and _of_activity(text, start)


def _of_activity(text: str, at: int) -> bool:
    """Whether what was moved, told in the clause before `at`, is no money: the last word
    there that names money or a kind of activity ("seminārs") names it; with none, it is
    the activity the item is about."""
    begin = max((m.end() for m in _BOUNDARY.finditer(text, 0, at)), default=0)
    for word in reversed(_WORDS.findall(text, begin, at)):
        if _MONEY.fullmatch(word):
            return False
        if kind_of(word) is not None:
            return True
    return True
