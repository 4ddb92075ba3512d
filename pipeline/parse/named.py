"""The national minorities and the towns and municipalities an activity's text names, by the
inflected forms of their names; a language ("krievu valodā") and a planning region ("Rīgas
reģions") are not them.
"""

from __future__ import annotations

import re

from pipeline.model import Mention
from pipeline.parse.named_places import PLACES
from pipeline.parse.text import SourcedText, SourceFile

# National minorities by the inflected forms of their adjective ("poļu", "romiem").
# A form followed by "valoda"/"val." names a language ("krievu valodā"), not the people, and
# so does each of the languages listed before it ("krievu un latviešu valodā").
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
_LANGUAGE_AFTER = re.compile(r"(?:\s*(?:,|\sun\s)\s*[^\W\d_]+u){0,4}\s*(?:valod|val\.)", re.I)


def find_minorities(text: SourcedText, source: SourceFile) -> tuple[Mention, ...]:
    found: list[Mention] = []
    for key, forms in MINORITIES:
        for m in re.finditer(rf"(?<!\w)(?:{forms})(?!\w)", text.text, re.I):
            if _LANGUAGE_AFTER.match(text.text, m.end()):
                continue
            piece = text[m.start() : m.end()]
            found.append(Mention(key, "minority", piece.text, source.span_of(piece)))
    return tuple(sorted(found, key=lambda x: x.span.start))


# The gazetteer's names (see `pipeline.parse.named_places`), each as one pattern of its forms.
_PLACE_PATTERNS = tuple(
    (key, name, genitive, re.compile(rf"(?<!\w)(?:{forms})(?!\w)"))
    for key, name, genitive, forms in PLACES
)


def _heads(forms: str) -> frozenset[str]:
    """The first two letters of each alternative of a name's forms: a text holding none of
    them names no such place (a substring test is far quicker than the pattern)."""
    heads, depth, start = set(), 0, 0
    for i, c in enumerate(forms + "|"):
        depth += c == "("
        depth -= c == ")"
        if c == "|" and depth == 0:
            heads.add(forms[start : start + 2])
            start = i + 1
    return frozenset(heads)


_PLACE_HEADS = tuple(_heads(forms) for _, _, _, forms in PLACES)
_REGION_AFTER = re.compile(r"\s+(?:plānošanas\s+)?reģion", re.I)
_MUNICIPALITY_AFTER = re.compile(r"\s+novad", re.I)
# Genitives listed before one "novados" are each a municipality: "Smiltenes, Madonas, Valkas un
# Limbažu novados".
_LISTED_MUNICIPALITIES = re.compile(
    r"(?:(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+un[ \u00a0]+)[A-ZĀČĒĢĪĶĻŅŠŪŽ][^\W\d_]+){1,8}"
    r"[ \u00a0]+novad(?:os|u|ā|iem|i)(?![^\W\d_])"
)
# A town's name that names something else: a street, a quarter, a lake or a river ("Lielvārdes
# ielā", "Kalnciema kvartālā", "Lubāna ezera"), a product ("Saldus siers").
_THING_AFTER = re.compile(
    r"[ \u00a0]+(?:iel(?:a|ā|as|u)|gatv|prospekt|bulvār|šosej|kvartāl|ezer|upe(?:s)?(?![^\W\d_])"
    r"|upē|sier|maiz|alu(?![^\W\d_])|alus)",
    re.I,
)
# A capitalised first name right before a town's nominative makes it a surname ("Ilze Ogre",
# "Anna Madona"); a town's own nominative never follows a capitalised word in Latvian prose.
_NAME_BEFORE = re.compile(r"(?<![^\W\d_])[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]+[ \u00a0]+$")
# A title in quotes („Madona ar bērnu”) names a work, not where something took place.
_QUOTED = re.compile(r"[„“\"«][^„“”\"«»\n]{0,120}[”“\"»]")


def find_places(text: SourcedText, source: SourceFile) -> tuple[Mention, ...]:
    found: list[Mention] = []
    s = text.text
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(s)]
    for (key, name, genitive, pattern), heads in zip(_PLACE_PATTERNS, _PLACE_HEADS, strict=True):
        if not any(head in s for head in heads):
            continue
        for m in pattern.finditer(s):
            if _REGION_AFTER.match(s, m.end()):
                continue  # "Rīgas reģions" is the planning region
            if _THING_AFTER.match(s, m.end()) or any(a < m.start() < b for a, b in quoted):
                continue
            if m.group(0) == name and _NAME_BEFORE.search(s, 0, m.start()):
                continue  # "Ilze Ogre": a person
            listed = m.group(0) == genitive and _LISTED_MUNICIPALITIES.match(s, m.end())
            municipal = listed or _MUNICIPALITY_AFTER.match(s, m.end())
            kind = "municipality" if municipal else "city"
            piece = text[m.start() : m.end()]
            # The kind stays what the text says, as it makes the IRI, which must not change.
            named = name if kind == "city" and name else f"{genitive} novads"
            found.append(Mention(key, kind, piece.text, source.span_of(piece), named))
    return tuple(sorted(found, key=lambda x: x.span.start))
