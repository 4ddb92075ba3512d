"""The indicator kinds: which Latvian nouns name a thing an activity counts, and which forms
of them can be the head of the counted phrase.

Each kind must be a concept of the indicator-kind scheme (ontology/schemes.ttl).
"""

from __future__ import annotations

import re

from pipeline.parse.diacritics import fold

#: Phrases of more than one word that name a kind; order matters (the first match wins).
COMPOUNDS: tuple[tuple[str, str], ...] = (
    (r"fokus\w*\s*grup", "focus-groups"),
    (r"fokusgrup", "focus-groups"),
    (r"ziņu\s+lap", "newsletters"),
    (r"jaunumu\s+lap", "newsletters"),
    # "2 info lapas", "3 informatīvās lapas", "infolapas": leaflets; a "lapa" alone is a web page
    (r"info\s*lap", "publications"),
    (r"informatīv\w*\s+lap", "publications"),
    # a discussion platform is a discussion held in public ("4 iedzīvotāju diskusiju
    # platformas"), not a website
    (r"diskusiju\s+platform", "discussions"),
    # a methodological or teaching aid is published ("2 metodiskie līdzekļi"); "līdzekļi"
    # alone are funds
    (r"metodisk\w*\s+līdzek", "publications"),
    # a support group meets for long ("3 atbalsta grupas"); "12 atbalsta grupu nodarbības"
    # counts the sessions
    (r"(?:atbalsta|pašpalīdzības)\s+grup(?!u\s)", "support-groups"),
    # a club set up to talk things over meets for long ("4 kopienu diskusiju klubi"): not
    # so many discussions, nor an organisation as a sports club ("5 sporta klubi") may be
    (r"(?:diskusiju|sarunu|debašu)\s+klub", "discussion-clubs"),
)
# Each pattern must match a whole (lower-cased) word: "materiāli" counts, "materiāltehniskās" not.
STEMS: tuple[tuple[str, str], ...] = (
    (r"dalībniek\w*", "participants"),
    (r"jaunieš\w*", "participants"),
    # who came to an event ("ap 420 apmeklētāju"); viewers of a broadcast are not counted
    (r"apmeklētāj\w*", "participants"),
    (r"konsultācij\w*", "consultations"),
    (r"pasākum\w*", "events"),
    (r"festivāl\w*", "events"),
    (r"konferenc(?:e|es|ei|i|ē|ēm|ēs)|konferenču", "conferences"),
    # a community work day, most often a clean-up ("6 talkas"); "nākt talkā" is "to help"
    (r"talk(?:a|as|u|ām|ās|ai)", "clean-ups"),
    (r"aktivitāt\w*", "activities"),
    (r"seminār\w*", "seminars"),
    (r"vebinār\w*", "seminars"),
    (r"apmācīb\w*", "trainings"),
    (r"mācīb\w*", "trainings"),
    (r"kurs(?:s|i|u|us|os|a|am)?", "trainings"),
    (r"meistarklas\w*", "master-classes"),
    (r"nodarbīb\w*", "sessions"),
    (r"darbnīc\w*", "workshops"),
    (r"forum\w*", "forums"),
    (r"diskusij\w*", "discussions"),
    (r"tikšan\w*", "meetings"),
    (r"sanāksm\w*", "meetings"),
    (r"ziņ(?:a|as|u|ām|ās)", "news-items"),
    (r"ierakst\w*", "posts"),
    (r"publikācij\w*", "publications"),
    (r"grāmat(?:a|as|u|ām|ās)", "publications"),
    (r"buklet\w*", "publications"),
    (r"brošūr\w*", "publications"),
    (r"skrejlap\w*", "publications"),
    # guides: "2 metodiskās rokasgrāmatas", "1 ceļvedis"
    (r"rokasgrāmat\w*", "publications"),
    (r"ceļved(?:is|i|im|ī)|ceļvež(?:a|i|u|us|iem|os)", "publications"),
    (r"kalendār(?:s|i|u|us|a|iem)", "publications"),
    (r"izdevum(?:s|i|u|us|a|iem)", "publications"),
    (r"materiāl(?:s|i|u|us|a|iem)", "publications"),
    (r"apkopojum(?:s|i|u|us|a|iem)", "publications"),
    # a catalogue or a collection put out ("Izdots 1 … katalogs", "1 krājums"); not their
    # genitive singular in "-a" ("kataloga aktualizācija" updates one, counting nothing)
    (r"katalog(?:s|i|u|us|iem|os)", "publications"),
    (r"krājum(?:s|i|u|us|iem|os)", "publications"),
    # an article in the press or on a website ("ieraksti" are posts, matched above)
    (r"rakst(?:s|i|u|us|a|iem|os)", "publications"),
    # "video" does not decline; a video conference ("videokonference") is a meeting, not one
    (r"video", "videos"),
    (r"video(?:klip|ierakst|rullīt|rullīš|sižet|stāst|lekcij)\w*", "videos"),
    (r"stratēģij\w*", "strategies"),
    (r"organizācij\w*", "organisations"),
    (r"biedrīb\w*", "organisations"),
    (r"nvo", "organisations"),
    # a survey counts as one; those who answered it ("1 aptauja (112 respondenti)") are its
    # sample, no result of the activity, and no kind
    (r"aptauj\w*", "surveys"),
    # an awareness or information campaign ("1 kampaņa"); "kampaņas ietvaros" is within one
    (r"kampaņ(?:a|as|u|ām|ās|ai)", "campaigns"),
    (r"izpēt\w*", "studies"),
    (r"pētījum\w*", "studies"),
    (r"interv\w*", "interviews"),
    (r"projekt(?:s|i|u|us|a|iem|os)", "projects"),
    (r"pašvaldīb\w*", "municipalities"),
    (r"lietotāj\w*", "followers"),
    (r"sekotāj\w*", "followers"),
    (r"person(?:a|as|u|ām|ās)", "persons"),
    # the adjective made a noun, in its masculine forms ("27 brīvprātīgie"); "brīvprātīgā
    # darba", "brīvprātīgās talkas" are "voluntary" (see `pipeline.parse.activity_heads`)
    (r"brīvprātīg(?:ie|ais|ajiem|ajam|os)", "volunteers"),
    # a report or an overview written ("sagatavots 1 pārskats"); "pārskata periodā" is the
    # reporting period
    (r"pārskat(?:s|i|u|us|iem|os)", "reports"),
    (r"pārstāvj\w*|pārstāv(?:is|im|i|ī)", "persons"),
    # the people a service reached, named by who they are, as "personas" are ("pakalpojumus
    # saņēmuši 64 klienti (t.sk. 18 bērni)"); "bērnudārzs", "bērnība" are other words
    (r"klient(?:s|i|u|us|a|am|iem|os|e|es|ei|ēm|ēs)", "persons"),
    (r"bērn(?:s|i|u|us|a|am|iem|os)", "persons"),
    # adults, the adjective made a noun as "brīvprātīgie" is ("piedalījās 20 pieaugušie un 25
    # bērni"); not its genitive "pieaugušo", which looks like no genitive to the reader of
    # heads ("pieaugušo izglītības kursi" are courses)
    (r"pieauguš(?:ie|ais|ajiem|ajam|os|ās|ajām)", "persons"),
    (r"vajadzīb\w*", "needs"),
    # calls to a hotline ("uzticības tālrunī pieņemti 1 236 zvani"); "zvanīja" is a verb
    (r"zvan(?:s|i|u|us|a|am|iem|os)", "calls"),
    (r"nometn(?:e|es|ei|i|ē|ēm|ēs)|nometņu", "camps"),
    # families served ("pakalpojumu saņēmušas 46 ģimenes"), foster families among them
    (r"(?:audžu)?ģimen(?:e|es|ei|i|ē|ēm|ēs)|(?:audžu)?ģimeņu", "families"),
)
INDICATOR_KINDS: tuple[str, ...] = tuple(
    sorted({kind for _, kind in COMPOUNDS} | {kind for _, kind in STEMS})
)

# Endings of the cases that are not the head of a counted phrase when a nominative is there:
# the genitive plural "-u" ("ap 100 dalībnieku") and the datives and locatives.
_NOT_HEAD_ENDINGS = ("u", "iem", "ām", "ēm", "im", "ai", "ei", "am")
_ABBREVIATIONS = {"nvo", "mt"}


# Typists drop long marks and carons ("konsultacijas", "dalibnieki", "piedalijās"): a word
# is read as the stem it spells without them where that spelling is no other word's. "zinas"
# may be "ziņas" or "zinās" (will know), so news are read only as written.
_AMBIGUOUS_PLAIN = {"news-items"}
_PLAIN_STEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(fold(pattern)), kind)
    for pattern, kind in STEMS
    if kind not in _AMBIGUOUS_PLAIN and fold(pattern) != pattern
)


# Every stem in one pattern, each its own group, in the table's order: the first stem that
# spells the whole word wins, as a loop over them would find it, in one match instead of
# dozens (the kind of a word is asked thousands of times a report).
_ANY_STEM = re.compile("|".join(f"(?P<k{i}>{pattern})" for i, (pattern, _) in enumerate(STEMS)))
_KIND_OF_GROUP = {f"k{i}": kind for i, (_, kind) in enumerate(STEMS)}


def kind_of(word: str) -> str | None:
    lowered = word.lower()
    found = _ANY_STEM.fullmatch(lowered)
    if found is not None and found.lastgroup is not None:
        return _KIND_OF_GROUP[found.lastgroup]
    plain_word = fold(lowered)
    for plain, kind in _PLAIN_STEMS:
        if plain.fullmatch(plain_word):
            return kind
    return None


def head_like(word: str) -> bool:
    """Whether `word` may be the nominative head of a phrase ("semināri", "video")."""
    lowered = word.lower()
    return lowered not in _ABBREVIATIONS and not lowered.endswith(_NOT_HEAD_ENDINGS)


def indeclinable(word: str) -> bool:
    """ "NVO": the same in every case, so a genitive before another noun too ("12 NVO
    līderi")."""
    return word.lower() in _ABBREVIATIONS


def genitive_plural(word: str) -> bool:
    """ "konsultāciju", "dalībnieku": after a number, the thing counted ("ap 40 konsultāciju
    biedrībām": forty consultations, given to associations)."""
    lowered = word.lower()
    return lowered not in _ABBREVIATIONS and lowered.endswith("u")


# The kinds that own what another noun names ("biedrības mājaslapa", "pašvaldības telpas",
# "ģimenes asistenti").
_OWNER_KINDS = {"organisations", "municipalities", "families"}


def genitive_form(word: str) -> bool:
    """Whether `word` has a genitive singular's form ("biedrības", "foruma"), which a
    nominative plural shares only in "-as" / "-es", never in "-i"."""
    return word.lower().endswith(("as", "es", "a"))


def owner_genitive(word: str) -> bool:
    """ "biedrības", "pašvaldības" before another counted noun: the owner, in the genitive."""
    return kind_of(word) in _OWNER_KINDS and word.lower().endswith(("as", "es"))


# Visitors ("apmeklētāji") take part in an event; those of a website, a page or a social
# network ("mājaslapu apmeklēja 12 000 apmeklētāju"), or so many a day, do not.
_VISITORS = re.compile(r"apmeklētāj\w*|apmeklet[aā]j\w*", re.I)
_SITE = re.compile(
    r"(?<![^\W\d_])(?:mājas\s*lap\w*|majaslap\w*|tīmekļ\w*|vietn(?:e|es|ē|i|ei)|portāl\w*"
    r"|lap(?:a|as|ā|ai|u|ām|ās)|facebook\w*|instagram\w*|twitter\w*|youtube\w*|tiktok\w*"
    r"|sociāl\w*\s+(?:tīkl|medij)\w*|internet\w*|www)(?![^\W\d_])|https?://",
    re.I,
)
_PER_TIME = re.compile(r"\s+(?:dienā|diennaktī|nedēļā|mēnesī)(?![^\W\d_])", re.I)
_CLAUSE_END = re.compile(r"[;\n\x0b\ue000]|[.!?](?=\s+[A-ZĀČĒĢĪĶĻŅŠŪŽ]|\s*$)")


def site_visitors(s: str, begin: int, end: int, kind: str) -> bool:
    """Whether the counted phrase at `begin`–`end` counts a website's visitors, or visitors
    a day: no one who took part in anything."""
    if kind != "participants" or not _VISITORS.search(s, begin, end):
        return False
    return bool(_PER_TIME.match(s, end)) or in_site_clause(s, begin, end)


def in_site_clause(s: str, begin: int, end: int) -> bool:
    """Whether the clause of the phrase at `begin`–`end` names a website or a social network
    ("mājaslapu apmeklēja 12 000 cilvēku")."""
    before = [m.end() for m in _CLAUSE_END.finditer(s, 0, begin)]
    after = _CLAUSE_END.search(s, end)
    return bool(_SITE.search(s, before[-1] if before else 0, after.start() if after else len(s)))
