"""The forms of a count that are not a number before its noun (see `pipeline.parse.mentions`):
a number written in words ("trīs sanāksmes", "septiņām mazākumtautību NVO"), a count after
the phrase that names what it counts ("konsultācijas NVO un iedzīvotājiem – 74",
"fokusgrupu diskusijas: 3", "dalībnieku skaits: 88"), a number in words after its verb, the
noun fronted before them ("Seminārus novadījām piecus"), and a count that is a plan, not an
achievement ("plānots 4 mazākumtautību NVO", "plānots noorganizēt vēl 3 seminārus").
"""

from __future__ import annotations

import re

from pipeline.parse.indicators import COMPOUNDS, head_like, kind_of
from pipeline.parse.latvian import number_in_words

# -- numbers in words ------------------------------------------------------------------------
_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?![^\W\d_])")
_MAX_WORDS = 3  # "simt divdesmit pieci"
# "viens" is also "alone" or "the same" ("vienā laikā", "vienas dienas"): only the forms that
# agree with a noun in the nominative, accusative or dative singular are read, and only when
# that noun is the counted one (see `agrees`).
_ONE = re.compile(r"vien(?:s|a|u|am|ai)", re.I)
# The noun's endings each form of "viens" agrees with: "viena stratēģija", "vienu semināru".
_ONE_AGREES = {
    "viens": ("s", "is", "us"),
    "viena": ("a", "e"),
    "vienu": ("u", "i"),
    "vienam": ("am", "im", "um"),
    "vienai": ("ai", "ei"),
}
# A word that governs the number after it: a part, a time or a partner ("no trim", "ar
# divām biedrībām", "pēc divām nedēļām"), not what was achieved.
_GOVERNING = re.compile(
    r"(?<![^\W\d_])(?:no|pēc|par|ar|uz|pie|līdz|kopš|starp|pirms|katr\w*)\s+$", re.I
)


def word_numbers(s: str) -> list[tuple[int, int, int]]:
    """The numbers written in words in `s`, as (start, stop, value): the longest run of
    words that is one number ("divdesmit pieci"). One in parentheses restates the digits
    before it ("2 (divas)"), and one after a governing word is no count: neither is given."""
    words = list(_WORD.finditer(s))
    found: list[tuple[int, int, int]] = []
    i = 0
    while i < len(words):
        best = None
        for j in range(i, min(i + _MAX_WORDS, len(words))):
            if j > i and s[words[j - 1].end() : words[j].start()].strip():
                break
            value = number_in_words(s[words[i].start() : words[j].end()])
            if value is None:
                break
            best = (j, value)
        if best is None:
            i += 1
            continue
        j, value = best
        start, stop = words[i].start(), words[j].end()
        single = i == j
        if (
            not (single and words[i].group(0).lower().startswith("vien"))
            or _ONE.fullmatch(words[i].group(0))
        ) and not _GOVERNING.search(s, 0, start):
            found.append((start, stop, value))
        i = j + 1
    return found


# "viena" is also the masculine genitive ("viena pasākuma ietvaros"): a masculine noun of a
# known kind in "-a" is that genitive, not a feminine noun's nominative.
_MASCULINE_GENITIVE = re.compile(
    r"(?:pasākum|seminār|vebinār|kurs|forum|festivāl|ierakst|buklet|kalendār|izdevum|materiāl"
    r"|apkopojum|rakst|pētījum|projekt|dalībniek|jaunieš|apmeklētāj|lietotāj|sekotāj|pārstāvj)a",
    re.I,
)


def agrees(number: str, noun: str) -> bool:
    """Whether a number in words and the noun it counts agree: "viena" counts a noun in the
    nominative singular ("viena stratēģija"), not "viena biedrības pārstāve" (one member of
    an association); the other numbers take any noun."""
    endings = _ONE_AGREES.get(number.lower())
    if number.lower() == "viena" and _MASCULINE_GENITIVE.fullmatch(noun):
        return False  # "viena pasākuma ietvaros": within one event, which counts none
    return endings is None or noun.lower().endswith(endings)


# -- plans -------------------------------------------------------------------------------------
# A count governed by a word of plan or future is not achieved: "plānots 4 mazākumtautību NVO",
# "Līdz gada beigām plānots noorganizēt vēl 3 seminārus", "paredzēts", "tiks noorganizēti".
# The word governs to the end of its clause: "Plānots: 10, faktiski: 12" reads the 12.
_PLANNED = re.compile(
    r"(?<![^\W\d_])(?:plān(?:ot\w*|o|oja\w*|ojam\w*)|paredz\w*|iecer\w*|tiks|tiek\s+plānot\w*"
    r"|notiks|būs)(?![^\W\d_])",
    re.I,
)
_CLAUSE_START = re.compile(r".*[.;,()\n\t\x0b\ue000]", re.S)
# A word of what was achieved ends the plan's clause: "plānots 2 / faktiski 3" achieved 3.
_ACHIEVED = re.compile(
    r"(?<![^\W\d_])(?:faktiski|sasniegt(?:s|i|ais|ie|as|ā)?|izpildīt(?:s|i|as)?)(?![^\W\d_])",
    re.I,
)


# A verb of what was done, in a past form (never the infinitive "plānots noorganizēt"), that
# no future or negation goes with ("tiks noorganizēti", "netika noorganizēti").
_DONE = re.compile(
    r"(?<![^\W\d_])(?<!tiks )(?<!tiek )(?<!būs )(?<!netika )(?<!nav )(?<!nebija )"
    r"(?:(?:no)?organizēt|īstenot|sniegt|izdot|sagatavot|izstrādāt|izveidot|novadīt|rīkot"
    r"|publicēt|vadīt)(?:s|i|a|as|ais|ie|ās)(?![^\W\d_])"
    r"|(?<![^\W\d_])(?:notika|norisinājās|piedalījās|(?:no)?organizēja|īstenoja|sniedza"
    r"|izdeva|sagatavoja|rīkoja|novadīja)(?![^\W\d_])",
    re.I,
)
# The plan's participle as an adjective of the noun ("Plānotie 8 semināri noorganizēti",
# "Paredzētie 3 forumi notika"): what was planned, and then, by the verb after, done.
_PLAN_ADJECTIVE = re.compile(r"(?:plānot|paredzēt|iecerēt)(?:ais|ie|ā|ās|o)", re.I)
# In the dative plural the plan's adjective is never the subject of the verb after: "no
# plānotajiem 8 pasākumiem notika 3" (of the planned 8 events, 3 took place) or "no 8
# plānotajām apmācībām" counts what was planned, and what was done is another number.
_PLAN_DATIVE = re.compile(r"(?:plānot|paredzēt|iecerēt)(?:ajiem|ajām)", re.I)
_PLAN_DATIVE_AFTER = re.compile(
    r"[ \u00a0]+(?:plānot|paredzēt|iecerēt)(?:ajiem|ajām)(?![^\W\d_])", re.I
)
_CLAUSE_END = re.compile(r"[.;,()\n\t\x0b\ue000]|$")


def planned(s: str, start: int, stop: int | None = None) -> bool:
    """Whether the number at `start` (ending at `stop`, when known) is a plan: a word of
    plan or future before it, in its clause, and no word of what was achieved between the
    two, or the plan's adjective in the dative right after it ("no 8 plānotajiem
    semināriem"). A verb of what was done between them ("Saskaņā ar plānoto noorganizēti 4
    semināri", "Plānots un noorganizēts 5 semināri"), or after the number where the plan is
    the noun's adjective in the nominative ("Plānotie 8 semināri noorganizēti"), says the
    count was delivered."""
    if stop is not None and _PLAN_DATIVE_AFTER.match(s, stop):
        return True
    clause = _CLAUSE_START.match(s, 0, start)
    begin = clause.end() if clause else 0
    plans = list(_PLANNED.finditer(s, begin, start))
    if not plans or _ACHIEVED.search(s, plans[-1].end(), start):
        return False
    if _DONE.search(s, plans[-1].end(), start):
        return False
    if _PLAN_DATIVE.fullmatch(plans[-1].group(0)):
        return True
    if _PLAN_ADJECTIVE.fullmatch(plans[-1].group(0)):
        end = _CLAUSE_END.search(s, start)
        return not (end and _DONE.search(s, start, end.start()))
    return True


# "Reģionālie NVO forumi — plānots 2 / faktiski 3 (…)", "Forumi: plānots: 4, faktiski: 5": the
# achieved count after the planned one counts what the phrase before the plan names.
_PLAN_THEN_ACHIEVED = re.compile(
    r"(?<![^\W\d_])plānot(?:s|i|as|ais|ie)?\s*:?\s*\d{1,6}\s*(?:[/,;]|un)?\s*"
    r"(?:faktiski|sasniegt(?:s|i|ais|ie|as)?|izpildīt(?:s|i|as)?)\s*:?\s*$",
    re.I,
)


def plan_then_achieved(s: str, at: int) -> int | None:
    """Where the plan starts when the count at `at` is the achieved one after a planned one
    ("plānots 2 / faktiski 3"): the phrase before that is what both count."""
    m = _PLAN_THEN_ACHIEVED.search(s, max(0, at - 60), at)
    return m.start() if m is not None else None


# -- a count after the phrase that names it ---------------------------------------------------
# "semināri (vebināri) – 6", "konsultācijas NVO un iedzīvotājiem – 74", "dalībnieku skaits:
# 88", "kopējais apmeklētāju skaits ap 450": the phrase, then a dash (or a colon, right after
# the counted noun or "skaits") and the count, which must end its phrase (punctuation, a
# parenthesis, "un" or the end follows): "– 6–8" is a range, "– 3 dienas" a duration.
_SEPARATOR = re.compile(r"(?:\s*[–—]\s*|\s+-\s+|(?P<colon>\s*:\s*)|(?P<none>\s+))$")
_ENDS_ENTRY = re.compile(r"\s*(?:[.,;()]|$)|\s+un\s")
_PHRASE_START = re.compile(r".*(?:[.;:,](?=\s)|[()\n\t\x0b\ue000]|\s[–—-]\s)", re.S)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:lv|com|eu|org)\S*", re.I)
_PARENTHESES_AT_END = re.compile(r"\s*\([^()\d]{1,40}\)\s*$")
_COUNT_WORD = re.compile(r"(?P<noun>[^\W\d_]+)\s+skait(?:s|a|u)\s*$", re.I)
_COUNT_INSIDE = re.compile(r"(?<![^\W\d_])(?P<noun>[^\W\d_]+)\s+skait(?:s|a|u)(?![^\W\d_])", re.I)
# Words after the counted noun that start a clause of their own ("semināri, kuros …",
# "semināri notika …"): the count after them is not the noun's.
_CLAUSE_WORDS = re.compile(
    r"(?<![^\W\d_])(?:kuros|kurās|kurā|kurš|kura|kuru|kurus|kurai|kas|ko|kur|tika|tiek|ir|bija"
    r"|notika|piedalījās|kopā|kopumā|no|tai|tajā)(?![^\W\d_])",
    re.I,
)
_TAIL_WORDS = 6
_TITLE = re.compile(r"[\"„«“][^\"„«“”»]{0,80}[\"”»“]")
_WORDS_BEFORE = re.compile(r"(?:(?<![^\W\d_])[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*)?$")


def named_before(s: str, at: int) -> tuple[str, int, bool] | None:
    """The kind a count at `at` counts when the phrase before it names it, as (kind, where
    the phrase starts, whether it names a count "… skaits"); None when no such phrase is
    there or which noun it counts cannot be told."""
    sep = _SEPARATOR.search(s, 0, at)
    if sep is None:
        return None
    end = sep.start()
    tail = _PARENTHESES_AT_END.search(s, 0, end)
    if tail is not None:
        end = tail.start()  # "semināri (vebināri) – 6"
    count = _COUNT_WORD.search(s, 0, end)
    if count is not None:
        kind = kind_of(count.group("noun"))
        return (kind, count.start(), True) if kind is not None else None
    if sep.group("none") is not None:
        return None  # only "skaits" takes its count with no dash or colon
    clause = _PHRASE_START.match(s, 0, end)
    begin = clause.end() if clause else 0
    # "Dalībnieku skaits semināros: 45": the count is of what "skaits" names, wherever the
    # words after it say where
    inside = _COUNT_INSIDE.search(s, begin, end)
    if inside is not None:
        kind = kind_of(inside.group("noun"))
        return (kind, inside.start(), True) if kind is not None else None
    found = _compound(s, begin, end)
    if found is None:
        found = _head(s, begin, end)
    if found is None:
        return None
    kind, phrase_start, head_end = found
    # a link or a title in quotes is no word of the phrase: "ziņas vietnē www.fonds.lv – 58",
    # "Pētījums "Zemgales NVO sektors 2020" – 1"
    rest = _TITLE.sub(" ", _URL.sub(" ", s[head_end:end]))
    words = _WORD.findall(rest)
    if sep.group("colon") is not None and words:
        return None  # "Semināri Rīgā: 3" may be a part; only "semināri: 3" is read
    if (
        any(c.isdigit() for c in rest)
        or len(words) > _TAIL_WORDS
        or _CLAUSE_WORDS.search(rest)
        or any(kind_of(w) and head_like(w) for w in words)
    ):
        return None
    return kind, phrase_start, False


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _compound(s: str, begin: int, end: int) -> tuple[str, int, int] | None:
    """A compound that names a kind in the phrase ("fokusgrupu diskusijas", "jaunumu lapas")."""
    for pattern, kind in COMPOUNDS:
        m = re.compile(rf"(?<![^\W\d_]){pattern}[^\W\d_]*", re.I).search(s, begin, end)
        if m:
            noun = _NEXT_WORD.match(s, m.end(), end)  # "fokusgrupu diskusijas": to its noun
            stop = noun.end() if noun and kind_of(noun.group(1)) else m.end()
            return kind, m.start(), stop
    return None


def _head(s: str, begin: int, end: int) -> tuple[str, int, int] | None:
    """The first noun of a known kind in the nominative: the head the rest modifies."""
    for m in _WORD.finditer(s, begin, end):
        kind = kind_of(m.group(0))
        if kind is not None and head_like(m.group(0)):
            return kind, _phrase_begin(s, begin, m.start()), m.end()
    return None


def _phrase_begin(s: str, begin: int, head: int) -> int:
    """Where a counted phrase starts: at its head, or at a compound just before it."""
    words = _WORDS_BEFORE.search(s, max(begin, 0), head)
    if words is None:
        return head
    for pattern, _ in COMPOUNDS:
        m = re.compile(rf"(?<![^\W\d_]){pattern}", re.I).search(s, words.start(), head)
        if m:
            return m.start()
    return head


def ends_entry(s: str, stop: int) -> bool:
    return bool(_ENDS_ENTRY.match(s, stop))


# -- a noun fronted before its verb and count --------------------------------------------------
# First-person prose may put the counted noun first and the count last: "Seminārus novadījām
# piecus", "forumus rīkojām divus". Read only so: the noun of a known kind in the accusative
# plural (a masculine's "-us", a feminine's "-as" or "-es"), then a past form of a verb of
# doing, then the number in words, agreeing with the noun ("piecus" a masculine's, "piecas" a
# feminine's; "trīs" and the tens either), ending its phrase. Nothing else stands between.
_FRONTED = re.compile(
    r"(?<![^\W\d_])(?P<noun>[^\W\d_]+(?:us|as|es))[ \u00a0]+"
    r"(?:no|sa|iz|ie)?(?:vadīj|rīkoj|organizēj|sniedz|strādāj|īstenoj|gatavoj|publicēj|veidoj)"
    r"(?:ām|a)[ \u00a0]+$",
    re.I,
)
_FRONTED_END = re.compile(r"[ \u00a0]*(?:[,.;:()–—]|$)|[ \u00a0]+(?:un|par)(?![^\W\d_])")


def fronted(s: str, start: int, stop: int) -> tuple[str, int] | None:
    """The kind a number in words at `start`…`stop` counts when its noun is fronted before
    its verb (see `_FRONTED`), and where that noun starts."""
    m = _FRONTED.search(s, 0, start)
    if m is None or not _FRONTED_END.match(s, stop):
        return None
    noun = m.group("noun").lower()
    kind = kind_of(noun)
    last = s[start:stop].lower().split()[-1]
    if kind is None or (last.endswith(("us", "as")) and last.endswith("us") != noun.endswith("us")):
        return None  # no known kind, or a number that does not agree with the noun
    return kind, m.start("noun")
