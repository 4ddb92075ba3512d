"""What an activity's text mentions: quantities (indicators), dates, minorities and places.

Latvian puts modifiers before the head noun ("3 līderības un digitālo prasmju apmācības"),
so the kind of thing counted is the last head-like noun of the known kinds after the number,
before punctuation; genitive and dative forms ("dalībnieku", "organizācijām") are taken only
when no nominative one is there ("ap 100 dalībnieku").
"""

from __future__ import annotations

import re

from pipeline.model import DateMention, Indicator, Mention, Qualifier
from pipeline.parse.latvian import find_dates
from pipeline.parse.text import Mapped, Source

#: Indicator kinds: the controlled list. Order matters only inside COMPOUNDS.
COMPOUNDS: tuple[tuple[str, str], ...] = (
    (r"fokus\w*\s*grup", "focus-groups"),
    (r"fokusgrup", "focus-groups"),
    (r"ziņu\s+lap", "newsletters"),
    (r"jaunumu\s+lap", "newsletters"),
    (r"info\s+lap", "publications"),
)
STEMS: tuple[tuple[str, str], ...] = (
    ("dalībniek", "participants"),
    ("jaunieš", "participants"),
    ("konsultācij", "consultations"),
    ("pasākum", "events"),
    ("festivāl", "events"),
    ("aktivitāt", "activities"),
    ("seminār", "seminars"),
    ("vebinār", "seminars"),
    ("apmācīb", "trainings"),
    ("mācīb", "trainings"),
    ("kurs", "trainings"),
    ("meistarklas", "master-classes"),
    ("nodarbīb", "sessions"),
    ("darbnīc", "workshops"),
    ("forum", "forums"),
    ("diskusij", "discussions"),
    ("tikšan", "meetings"),
    ("ziņ", "news-items"),
    ("ierakst", "posts"),
    ("publikācij", "publications"),
    ("grāmat", "publications"),
    ("buklet", "publications"),
    ("kalendār", "publications"),
    ("izdevum", "publications"),
    ("materiāl", "publications"),
    ("apkopojum", "publications"),
    ("stratēģij", "strategies"),
    ("organizācij", "organisations"),
    ("biedrīb", "organisations"),
    ("nvo", "organisations"),
    ("aptauj", "surveys"),
    ("izpēt", "studies"),
    ("pētījum", "studies"),
    ("interv", "interviews"),
    ("projekt", "projects"),
    ("pašvaldīb", "municipalities"),
    ("lietotāj", "followers"),
    ("sekotāj", "followers"),
    ("person", "persons"),
    ("pārstāvj", "persons"),
    ("vajadzīb", "needs"),
)
INDICATOR_KINDS: tuple[str, ...] = tuple(
    sorted({kind for _, kind in COMPOUNDS} | {kind for _, kind in STEMS})
)

# A number followed by one of these measures something else ("2 dienu forums": a duration).
_STOP_STEMS = ("dien", "lpp", "gad", "viet", "stund", "minūt", "euro", "eur", "x")
_NOT_HEAD_ENDINGS = ("u", "iem", "ām", "ēm", "im")
_ABBREVIATIONS = {"nvo", "mt"}
_QUALIFIERS = (
    (re.compile(r"vairāk\s+(?:nekā|kā)\s*$", re.I), Qualifier.MORE_THAN),
    (re.compile(r"vismaz\s*$", re.I), Qualifier.AT_LEAST),
    (re.compile(r"(?:aptuveni|ap)\s*$", re.I), Qualifier.ABOUT),
)
_NUMBER = re.compile(r"(?<![\w.,:/=&#%+-])(\d{1,6})(?![\d.,:%])")
_WORD = re.compile(r"\(\s*[a-zāčēģīķļņšūž]+\s*\)|[A-Za-zĀČĒĢĪĶĻŅŠŪŽāčēģīķļņšūž-]+|\S")
_NUMBER_WORD = re.compile(
    r"\(\s*(?:viens|viena|divi|divas|trīs|četri|četras|pieci|piecas|MT|NVO)\s*\)", re.I
)
_WINDOW = 7
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:lv|com|eu|org)\S*", re.I)


def _kind_of(word: str) -> str | None:
    lowered = word.lower()
    for stem, kind in STEMS:
        if lowered.startswith(stem):
            return kind
    return None


def _head_like(word: str) -> bool:
    lowered = word.lower()
    return lowered not in _ABBREVIATIONS and not lowered.endswith(_NOT_HEAD_ENDINGS)


def _noun_after(text: str, start: int) -> tuple[str, int] | None:
    """The kind counted by a number ending at `start`, and where its phrase ends."""
    words: list[tuple[str, int]] = []
    for m in _WORD.finditer(text, start):
        token = m.group(0)
        if _NUMBER_WORD.fullmatch(token):
            continue  # "2 (divas) stratēģijas", "11 mazākumtautību (MT) ..."
        if not token[0].isalpha() or token.lower().startswith(_STOP_STEMS):
            break
        words.append((token, m.end()))
        if len(words) == _WINDOW:
            break
    if not words:
        return None
    phrase = text[start : words[-1][1]]
    for pattern, kind in COMPOUNDS:
        cm = re.match(rf"\s*(?:\S+\s+){{0,3}}?{pattern}\S*", phrase, re.I)
        if cm:
            return kind, start + cm.end()
    matches = [(w, end) for w, end in words if _kind_of(w)]
    if not matches:
        return None
    heads = [(w, end) for w, end in matches if _head_like(w)]
    word, end = heads[-1] if heads else matches[-1]
    kind = _kind_of(word)
    return (kind, end) if kind else None


def find_indicators(text: Mapped, source: Source) -> tuple[Indicator, ...]:
    """Every number in `text` followed by a known kind of thing counted."""
    s = text.text
    masked = _masked_ranges(s)
    found: list[Indicator] = []
    for m in _NUMBER.finditer(s):
        if any(a <= m.start() < b for a, b in masked):
            continue
        noun = _noun_after(s, m.end())
        if noun is None:
            continue
        kind, end = noun
        begin, qualifier = m.start(), Qualifier.EXACT
        before = s[: m.start()]
        for pattern, q in _QUALIFIERS:
            qm = pattern.search(before)
            if qm and (qm.start() == 0 or not s[qm.start() - 1].isalpha()):
                begin, qualifier = qm.start(), q
                break
        piece = text[begin:end]
        found.append(Indicator(int(m.group(1)), qualifier, kind, piece.text, source.span_of(piece)))
    return tuple(found)


def _masked_ranges(s: str) -> list[tuple[int, int]]:
    """Dates, times, URLs and multipliers ("6 vietas x 4") are not counts."""
    ranges = [(d.begin, d.stop) for d in find_dates(s)]
    ranges += [(m.start(), m.end()) for m in _URL.finditer(s)]
    ranges += [(m.start(), m.end()) for m in re.finditer(r"\d+\s*x\s*\d+", s)]
    ranges += [(m.start(), m.end()) for m in re.finditer(r"\d+:\d+", s)]
    return ranges


def find_activity_dates(text: Mapped, source: Source) -> tuple[DateMention, ...]:
    mentions = []
    for d in find_dates(text.text):
        piece = text[d.begin : d.stop]
        mentions.append(DateMention(d.start, d.end, d.precision, piece.text, source.span_of(piece)))
    return tuple(mentions)


# National minorities by the inflected forms of their adjective ("poļu", "romiem").
# A form followed by "valoda"/"val." names a language ("krievu valodā"), not the people.
MINORITIES: tuple[tuple[str, str], ...] = (
    ("polish", r"poļ(?:u|i|iem)"),
    ("russian", r"krievu|krievi|krieviem"),
    ("belarusian", r"baltkrievu|baltkrievi|baltkrieviem"),
    ("ukrainian", r"ukraiņu|ukrainu|ukraiņi|ukraiņiem"),
    ("jewish", r"ebreju|ebreji|ebrejiem"),
    ("roma", r"romu|romi|romiem|čigānu"),
    ("lithuanian", r"lietuviešu|lietuvieši"),
    ("estonian", r"igauņu|igauņi"),
    ("german", r"vācu|vācieši|vāciešu"),
    ("tatar", r"tatāru|tatāri"),
    ("armenian", r"armēņu|armēņi"),
    ("azerbaijani", r"azerbaidžāņu|azerbaidžāņi"),
    ("georgian", r"gruzīnu|gruzīni"),
    ("moldovan", r"moldāvu|moldāvi"),
)
_LANGUAGE_AFTER = re.compile(r"\s*(?:valod|val\.)", re.I)


def find_minorities(text: Mapped, source: Source) -> tuple[Mention, ...]:
    found: list[Mention] = []
    for key, forms in MINORITIES:
        for m in re.finditer(
            rf"(?<![\wāčēģīķļņšūž])(?:{forms})(?![\wāčēģīķļņšūž])", text.text, re.I
        ):
            if _LANGUAGE_AFTER.match(text.text, m.end()):
                continue
            piece = text[m.start() : m.end()]
            found.append(Mention(key, "minority", piece.text, source.span_of(piece)))
    return tuple(sorted(found, key=lambda x: x.span.start))


# Towns and municipalities: key, then the stem and its case endings.
PLACES: tuple[tuple[str, str], ...] = (
    ("daugavpils", r"Daugavpil(?:s|ī)"),
    ("rezekne", r"Rēzekn(?:e|es|ē)"),
    ("livani", r"Līvān(?:i|u|os)"),
    ("ludza", r"Ludz(?:a|as|ā)"),
    ("balvi", r"Balv(?:i|u|os)"),
    ("augsdaugava", r"Augšdaugavas"),
    ("preili", r"Preiļ(?:i|u|os)"),
    ("kraslava", r"Krāslav(?:a|as|ā)"),
    ("riga", r"Rīg(?:a|as|ā)"),
    ("bauska", r"Bausk(?:a|as|ā)"),
    ("auce", r"Auc(?:e|es|ē)|AUCĒ"),
    ("dobele", r"Dobel(?:e|es|ē)"),
    ("jelgava", r"Jelgav(?:a|as|ā)"),
    ("ventspils", r"Ventspil(?:s|ī)"),
    ("liepaja", r"Liepāj(?:a|as|ā)"),
    ("talsi", r"Tals(?:i|u|os)"),
    ("sabile", r"Sabil(?:e|es|ē)"),
    ("tukums", r"Tukum(?:s|a|ā)"),
    ("dagda", r"Dagd(?:a|as|ā)"),
    ("vilaka", r"Viļak(?:a|as|ā)"),
    ("luznava", r"Lūznav(?:a|as|ā)"),
    ("vecumnieki", r"Vecumniek(?:i|u|os)"),
    ("ziguri", r"Žigur(?:i|u|os)"),
    ("kuldiga", r"Kuldīg(?:a|as|ā)"),
    ("saldus", r"Saldu(?:s|ā)"),
    ("jekabpils", r"Jēkabpil(?:s|ī)"),
    ("aizkraukle", r"Aizkraukl(?:e|es|ē)"),
    ("valmiera", r"Valmier(?:a|as|ā)"),
    ("cesis", r"Cēs(?:is|u|īs)"),
    ("jurmala", r"Jūrmal(?:a|as|ā)"),
    ("ogre", r"Ogr(?:e|es|ē)"),
)
_REGION_AFTER = re.compile(r"\s+(?:plānošanas\s+)?reģion", re.I)
_MUNICIPALITY_AFTER = re.compile(r"\s+novad", re.I)


def find_places(text: Mapped, source: Source) -> tuple[Mention, ...]:
    found: list[Mention] = []
    for key, forms in PLACES:
        for m in re.finditer(rf"(?<![\wāčēģīķļņšūž])(?:{forms})(?![\wāčēģīķļņšūž])", text.text):
            if _REGION_AFTER.match(text.text, m.end()):
                continue  # "Rīgas reģions" is the planning region
            kind = "municipality" if _MUNICIPALITY_AFTER.match(text.text, m.end()) else "city"
            piece = text[m.start() : m.end()]
            found.append(Mention(key, kind, piece.text, source.span_of(piece)))
    return tuple(sorted(found, key=lambda x: x.span.start))
