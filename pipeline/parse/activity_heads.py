"""Which noun a number counts: the head of the noun phrase after it
(`pipeline.parse.mentions` reads the number, its qualifier and what surrounds it).

Latvian puts modifiers before the head noun ("3 līderības un digitālo prasmju apmācības"),
so the kind counted is the last head-like noun of the known kinds after the number, before
punctuation. A genitive comes before the noun it belongs to, so a genitive followed by
another noun is that noun's attribute, not what is counted: "2 jauniešu nometnes" counts
camps, "3 semināru cikli" cycles and "3 biedrības darbinieki" staff (no kind of ours, so
no figure), while "ap 100 dalībnieku" alone, or before a dative or a locative ("ap 40
konsultāciju biedrībām", "80 dalībnieku apmācībās"), is itself what is counted. A dative or
a locative is never the head ("40 dalībnieki seminārā" counts participants), and a verb
ends the phrase ("100 jauniešu apmeklēja pasākumu").
"""

from __future__ import annotations

import itertools
import re

from pipeline.parse.indicators import (
    COMPOUNDS,
    genitive_form,
    genitive_plural,
    head_like,
    indeclinable,
    kind_of,
    owner_genitive,
)
from pipeline.parse.latvian import number_in_words

# A number followed by one of these measures something else: a duration ("2 dienu forums",
# "10 gadus", "6 mēnešus") or a frequency ("vienu (1) reizi", "3 reizes") is never a count.
_STOP_WORDS = re.compile(
    r"dien(?:a|as|u|ām|ās|ai|ā)|gadadien\w*|lpp\.?|gad(?:s|a|u|us|i|os|ā|iem|am)"
    r"|viet(?:a|as|u|ām|ās)|stund\w*|minūt\w*|mēne(?:sis|ša|sim|si|šus|šiem|šos|šu)"
    r"|nedēļ\w*|reiz(?:e|es|i|ēm|ēs)|euro|eur|eiro|x|%"
)
# Function words end the noun phrase that follows a number ("1 apmācības par NVO ...").
_FUNCTION_WORDS = re.compile(
    r"par|ar|no|uz|pie|pēc|līdz|kopā|kopumā|kuros|kurās|kurā|kurš|kura|kas|ko|kā|arī|tika"
    r"|tiek|ir|bija|lai|gan|jo|ka|ap|vairāk|vismaz|aptuveni|tai|starp|kurai|kuru|kurus"
    r"|notika"
)
# A verb in the past ("apmeklēja", "saņēma", "sniedza", "piedalījās") ends the noun phrase
# too: "100 jauniešu apmeklēja pasākumu" counts the young people, not the event. Only
# endings that no common noun of six letters or more has ("māja", "idēja" are nouns).
_VERB = re.compile(
    r"(?=[a-zāčēģīķļņšūž]{6})[a-zāčēģīķļņšūž]+"
    r"(?:ēja|āja|īja|oja|uva|ņēma|dza|eica|ējās|ājās|ījās|ojās|ojas)"
)
# A lower-case masculine nominative singular that is not a known kind ("dators", "printeris").
_OTHER_NOUN = re.compile(r"[a-zāčēģīķļņšūž]+(?:[^aeiouāēīūs]is|[^aeiouāēīūs]s)")
# An indefinite adjective has that form too ("informatīvs", "jauns"): right before a
# masculine nominative singular of a known kind it is that noun's ("Izdots 1 informatīvs
# materiāls"), no noun of its own.
_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)(?![^\W\d_])")


def _adjective_of_kind(text: str, end: int) -> bool:
    after = _WORD_AFTER.match(text, end)
    noun = after.group(1) if after else ""
    return bool(_OTHER_NOUN.fullmatch(noun.lower())) and kind_of(noun) is not None


WORD = re.compile(
    r"(?i:\((?P<inner>\s*[a-zāčēģīķļņšūž]+(?:\s+[a-zāčēģīķļņšūž]+){0,2}\s*)\))"
    r"|[A-Za-zĀČĒĢĪĶĻŅŠŪŽāčēģīķļņšūž-]+|\S"
)
_ABBREVIATION_IN_PARENTHESES = re.compile(r"\s*(?:MT|NVO)\s*", re.I)
_WINDOW = 7
# A dative or locative plural of another kind before the head names what the number counts
# in another role ("pēc 3 semināriem dalībnieki"): which is counted cannot be told.
_DATIVE_ENDINGS = ("iem", "ām", "ēm", "os", "ās", "ēs")
# The locative ("seminārā", "nometnē", "semināros", "apmācībās") says where, never what is
# counted; "tikšanās" is the one kind whose nominative ends so.
_LOCATIVE_ENDINGS = ("ā", "ē", "ī", "ū", "os", "ās", "ēs", "īs")
_NOMINATIVE_LOCATIVE = re.compile(r"tikšanās", re.I)
# "gab." (pieces) or copies after a number count copies or articles, not activities: "500
# gab. bukletu", "500 eksemplāru bukletu" are a print run, "12 gab. krēslu" chairs. No kind
# is counted so.
PIECES = re.compile(r"[ \u00a0]*(?:gab|eks)(?:\.|(?![^\W\d_]|-))|[ \u00a0]*eksemplār", re.I)


def noun_after(text: str, start: int, value: int | None = None) -> tuple[str, int] | None:
    """The kind counted by a number ending at `start` (`value`, when known), and where
    its phrase ends."""
    text = _lowered_caps(text, start)
    words: list[tuple[str, int]] = []
    stopper = ""  # a noun of no known kind that ended the phrase ("1 biedrības pārstāvis")
    if PIECES.match(text, start):
        return None  # "500 gab. bukletu": a print run, no number of publications
    for m in WORD.finditer(text, start):
        token, inner = m.group(0), m.group("inner")
        if inner and (number_in_words(inner) or _ABBREVIATION_IN_PARENTHESES.fullmatch(inner)):
            continue  # "2 (divas) stratēģijas", "11 mazākumtautību (MT) ..."
        lowered = token.lower()
        if _STOP_WORDS.fullmatch(lowered) and words and _owns_genitive(words[-1][0], token):
            # "3 bērnu dienas centri", "5 bērnu vietas": the genitives before it belong to
            # this noun, or to the one it is the genitive of, and are not what is counted
            while words and (genitive_plural(words[-1][0]) or words[-1][0] == "un"):
                words.pop()
            if not words:
                return None
            break
        if (
            not token[0].isalpha()
            or _STOP_WORDS.fullmatch(lowered)
            or _FUNCTION_WORDS.fullmatch(lowered)
        ):
            break
        if number_in_words(token) is not None:
            break  # "pieci lektori un divdesmit pieci dalībnieki": the next number's noun
        if _VERB.fullmatch(lowered) and not _ADJECTIVE.fullmatch(lowered) and not kind_of(token):
            break
        if (
            _OTHER_NOUN.fullmatch(token)
            and not kind_of(token)
            and not _compound(text, m.end())
            and not _adjective_of_kind(text, m.end())
        ):
            # "1 printeris Daugavpils ... biedrībai": the printer is what is counted
            stopper = token
            break
        if lowered == "un" and (
            not words
            or _PRONOUN_AFTER.match(text, m.end())
            or any(kind_of(w) and head_like(w) and not _genitive_of_one(w, value) for w, _ in words)
        ):
            # "3 ... aptaujas un aktivitātes": the first noun is the one counted; "semināri
            # – 6 un dalībnieki – 140": a number never counts a noun after "un" alone; nor
            # one after "un to" ("14 NVO un to vajadzības": their needs, another phrase)
            break
        words.append((token, m.end()))
        if len(words) == _WINDOW:
            break
    if not words:
        return None
    phrase = text[start : words[-1][1]]
    following = [w for w, _ in words[1:]] + [stopper]
    matches = [
        (w, end)
        for i, (w, end) in enumerate(words)
        if kind_of(w) and not _adjective_use(w, following[i:])
    ]
    attributes = _attributes(words, stopper, value, _compound_words(phrase))
    if matches and matches[0] in attributes and not any(_head(w) for w, _ in matches[1:]):
        return None  # "3 semināru cikli", "2 mācību līdzekļi": a noun of no known kind
    matches = [m for m in matches if m not in attributes]
    heads = [(w, end) for w, end in matches if _head(w) and not _genitive_of_one(w, value)]
    # After a head, a word in a genitive's form that another word follows is that word's
    # genitive ("58 ziņas biedrības mājaslapā": news, on the association's website), not
    # the head. A nominative plural "-i" is never one ("5 biedrības pasākumi Daugavpilī"),
    # and an owner such as "biedrības" first is itself the genitive of the head after it
    # ("30 biedrības konsultācijas NVO …").
    followed = {end for (_, end), _next in itertools.pairwise(words)}
    if len(heads) > 1 and owner_genitive(heads[0][0]):
        heads = heads[1:]
    heads = heads[:1] + [h for h in heads[1:] if not (h[1] in followed and genitive_form(h[0]))]
    # With no nominative, a genitive plural is what is counted and a later dative or
    # locative names whom or where: "ap 40 konsultāciju biedrībām" counts consultations.
    genitives = [(w, end) for w, end in matches if genitive_plural(w)]
    chosen = next((c[-1] for c in (heads, genitives, matches) if c), None)
    if chosen is not None and chosen not in heads and _counts_another(words, chosen, value):
        return None  # "1 vasaras skola jauniešu NVO līderiem": one school, for young people
    if (
        chosen is not None
        and chosen in heads
        and any(
            end < chosen[1]
            and w.lower().endswith(_DATIVE_ENDINGS)
            and kind_of(w) != kind_of(chosen[0])
            for w, end in matches
        )
    ):
        return None  # "Pēc 3 semināriem dalībnieki": the number counts the seminars
    for pattern, kind in COMPOUNDS:
        cm = re.match(rf"\s*(?:\S+\s+){{0,3}}?(?P<compound>{pattern})\S*", phrase, re.I)
        if cm and not (chosen in heads and chosen[1] <= start + cm.start("compound")):
            # "4 fokusgrupu diskusijas": the compound names the kind, the phrase runs to
            # its noun; one after the head ("5 semināri atbalsta grupām") is no part of it
            return kind, max(start + cm.end(), chosen[1] if chosen else 0)
    if chosen is None:
        return None
    chosen_kind = kind_of(chosen[0])
    return (chosen_kind, chosen[1]) if chosen_kind else None


_LINE_REST = re.compile(r"[^\n\t\x0b\ue000]*")
_LONG_WORD = re.compile(r"[^\W\d_]{4}")


def _lowered_caps(text: str, start: int) -> str:
    """`text` with the rest of the line from `start` in lower case where it is written all
    in capitals ("ATBALSTITAS 8 JAUNIESU INICIATIVAS"): a capital there tells no proper noun
    from a common one, and the phrase is read as its words in lower case would be."""
    rest = _LINE_REST.match(text, start)
    line = rest.group(0) if rest else ""
    if any(c.islower() for c in line) or not _LONG_WORD.search(line):
        return text
    lowered = text[:start] + line.lower() + text[start + len(line) :]
    return lowered if len(lowered) == len(text) else text


def _owns_genitive(word: str, noun: str) -> bool:
    """Whether `noun`, a word that ends a counted phrase ("dienas", "vietas"), is in a
    nominative's or a genitive's form right after the genitive plural `word` of a known
    kind: then it, or the noun it is the genitive of ("bērnu dienas centri"), owns the
    genitive. A locative ("100 bērnu dienā") says when, and the genitive is counted."""
    return (
        kind_of(word) is not None
        and genitive_plural(word)
        and noun[:1].islower()
        and noun.isalpha()
        and noun.endswith(("a", "e", "i", "s"))
    )


def _compound(text: str, end: int) -> bool:
    """Whether a compound that names a kind ends in the word ending at `end` ("1
    metodiskais līdzeklis")."""
    return any(
        re.search(rf"(?<![^\W\d_]){pattern}[^\W\d_]*$", text[max(0, end - 60) : end], re.I)
        for pattern, _ in COMPOUNDS
    )


def _head(word: str) -> bool:
    """Whether `word`, of a known kind, may be the nominative head of the phrase."""
    lowered = word.lower()
    locative = lowered.endswith(_LOCATIVE_ENDINGS) and not _NOMINATIVE_LOCATIVE.fullmatch(lowered)
    return head_like(word) and not locative


def _attributes(
    words: list[tuple[str, int]], stopper: str, value: int | None, compound: set[str]
) -> set[tuple[str, int]]:
    """The words of a known kind in a genitive ("jauniešu", "biedrības") right before a
    noun of no known kind in the nominative or accusative that the number may count: that
    noun's attributes. A word of a compound that names a kind ("ziņu lapas") is none."""
    nexts = [w for w, _ in words[1:]] + [stopper]
    # Whether the word at each place is another noun the number may count, or a genitive
    # of no known kind right before one ("NVO resursu krātuve": the repository, of resources).
    owned = [False] * (len(nexts) + 1)
    for i in range(len(nexts) - 1, -1, -1):
        owned[i] = _other_noun(nexts[i], value) or (_plain_genitive(nexts[i]) and owned[i + 1])
    found: set[tuple[str, int]] = set()
    for i in range(len(words) - 1, -1, -1):
        word, end = words[i]
        if not (
            kind_of(word)
            and word.lower() not in compound
            and (
                genitive_plural(word)
                or owner_genitive(word)
                or indeclinable(word)
                or _genitive_of_one(word, value)
            )
        ):
            continue
        # one of two genitives joined by "un" is an attribute where the second is one
        # ("1 pašvaldību un NVO sadarbības konference")
        joined = nexts[i] == "un" and i + 2 < len(words) and words[i + 2] in found
        if owned[i] or joined:
            found.add((word, end))
    return found


def _plain_genitive(word: str) -> bool:
    """A lower-case genitive plural of no known kind ("resursu", "kontaktu")."""
    return (
        len(word) > 3
        and word.isalpha()
        and word[0].islower()
        and word.endswith("u")
        and kind_of(word) is None
    )


def _genitive_of_one(word: str, value: int | None) -> bool:
    """ "pašvaldības", "biedrības" after a number that takes the singular ("1 pašvaldības un
    NVO sektora tikšanās"): the genitive singular, since one is "1 pašvaldība"."""
    singular = value is not None and value % 10 == 1 and value % 100 != 11
    return singular and owner_genitive(word)


# A possessive after "un" opens a phrase of its own: "14 NVO un to vajadzības".
_PRONOUN_AFTER = re.compile(
    r"[ \u00a0]+(?:to|tās|tā|viņu|viņas|viņa|savu|savas|savus|šo|šīs|šā|šī)(?![^\W\d_])", re.I
)
# A kind that is an adjective made a noun ("brīvprātīgie"): before a noun it is the adjective
# ("3 brīvprātīgie darbi": three voluntary works), and counts nothing. Before people it
# still counts volunteers ("14 brīvprātīgie mentori" are volunteers, as mentors), and before
# a genitive and then a locative it is the noun, saying where ("22 brīvprātīgie jaunatnes
# darbā": volunteers in youth work).
_ADJECTIVE_KINDS = {"volunteers"}
_PERSON_NOUN = re.compile(
    r"(?:mentor|konsultant|koordinator|lektor|palīg|vadītāj|darbiniek|treneri|aprūpētāj)\w*",
    re.I,
)
_GENITIVE_LOOK = ("es", "as", "u")


def _adjective_use(word: str, following: list[str]) -> bool:
    if kind_of(word) not in _ADJECTIVE_KINDS:
        return False
    after = following[0] if following else ""
    if not (after.isalpha() and after[:1].islower()):
        return False
    for w in following[:3]:
        if not (w.isalpha() and w[:1].islower()):
            return False  # the phrase ended after genitives alone: the noun it is
        if _PERSON_NOUN.fullmatch(w):
            return False
        if w.endswith(_LOCATIVE_ENDINGS) and not w.endswith(_GENITIVE_LOOK):
            return False
        if not w.endswith(_GENITIVE_LOOK):
            return True  # "brīvprātīgie darbi": the noun it is the adjective of
    return True


def _counts_another(
    words: list[tuple[str, int]], chosen: tuple[str, int], value: int | None
) -> bool:
    """Whether a number that takes the singular counts a nominative of no known kind before
    the genitive plural `chosen`: after "1" a genitive plural is counted only as the
    accusative singular it looks like ("1 konsultāciju"), which no nominative in "-a" or "-e"
    ("skola", "sanāksme") comes before."""
    if value is None or value % 10 != 1 or value % 100 == 11:
        return False
    before = [w for w, end in words if end < chosen[1]]
    return any(
        w.isalpha() and w[:1].islower() and w.endswith(("a", "e")) and kind_of(w) is None
        for w in before
    )


def _compound_words(phrase: str) -> set[str]:
    found: set[str] = set()
    for pattern, _ in COMPOUNDS:
        for m in re.finditer(rf"(?<![^\W\d_]){pattern}[^\W\d_]*", phrase, re.I):
            found |= set(m.group(0).lower().split())
    return found


# The nominative or accusative endings a noun after a genitive may have, in the number a
# count takes: singular after 1, 21, 31 ("1 jauniešu nometne"), plural after any other
# ("2 jauniešu nometnes", "3 semināru ciklus"). A noun in the other number is not what is
# counted: "2 mazākumtautību kultūras pasākumu organizēšana" organises two events. A
# locative or a dative ("vecumā", "biedrībām") says where or whom, and the genitive is
# what is counted.
_SINGULAR_ENDINGS = ("s", "š", "a", "e")
_PLURAL_ENDINGS = ("i", "as", "es", "us")
_NOT_NOMINATIVE_ENDINGS = ("os", "ās", "ēs", "īs", "ūs", "ies")
# Doing something to the counted ("nodrošināta 1 izdevumu druka" prints one publication),
# or their number ("dalībnieku skaits").
_ACTION = re.compile(
    r"[^\W\d_]+šan(?:a|as)|druk(?:a|as)|iegād(?:e|es)|izstrād(?:e|es)|(?:kop)?skait(?:s|a|u)",
    re.I,
)
# The genitive of an adjective in "-ējs" ("vietēja līmeņa") is no verb.
_ADJECTIVE = re.compile(r"(?:viet|iekš|ār|pēd|vid|kop)ēja")
# A participle or an adverb after a genitive says what happened to the counted, or how:
# "5 biedrības iesaistītas", "piedalījušies", "ap 40 konsultāciju individuāli".
_PREDICATE = re.compile(
    r"[^\W\d_]*(?:[aeiouāēīū]t(?:s|a|i|as)|uš(?:i|as)|usi|ski|ināti)"
    r"|individuāli|aktīvi|regulāri|bezmaksas|papildus",
    re.I,
)


def _other_noun(word: str, value: int | None) -> bool:
    lowered = word.lower()
    singular = value is not None and value % 10 == 1 and value % 100 != 11
    endings = (
        _SINGULAR_ENDINGS
        if singular
        else _PLURAL_ENDINGS
        if value is not None
        else _SINGULAR_ENDINGS + _PLURAL_ENDINGS
    )
    return (
        len(word) > 2
        and word[0].islower()
        and word.replace("-", "").isalpha()
        and kind_of(word) is None
        and lowered.endswith(endings)
        and not lowered.endswith(_NOT_NOMINATIVE_ENDINGS)
        and not _PREDICATE.fullmatch(lowered)
        and not _ACTION.fullmatch(lowered)
    )
