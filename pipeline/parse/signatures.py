"""The signature block that closes a report: who signed it, where and when, and the note
that it is signed electronically ("Dokuments ir parakstīts ar drošu elektronisko parakstu").

It follows the last section. Left in that section's value it would be read as its answer
(a "Nav." with the names glued on is no longer "none"); after the table's end it is no
stray text but the report's own. It is known only by lines that each are a signature's
line, one of them at least naming a signer's position, "(paraksts)" or the e-signature:
a date line or a name alone may end any section's text, and stays there.
"""

from __future__ import annotations

import re

from pipeline.parse.latvian import DATE_TEXT
from pipeline.parse.text import SourcedText

_UP = "A-ZĀČĒĢĪĶĻŅŠŪŽ"
_LOW = "a-zāčēģīķļņšūž"
_NOT_LETTER_BEFORE = r"(?<![\wāčēģīķļņšūž])"
_NOT_LETTER_AFTER = r"(?![\wāčēģīķļņšūž])"
_SP = r"[ \u00a0\t]"
# A signer's name: "Ilze Kalniņa", "J. Bērziņš", "Anna Liepa-Ozola", "Ilze KALNIŅA".
_WORD = rf"(?:[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?|[{_UP}]{{2,}})"
_NAME = rf"(?:[{_UP}]\.{_SP}*|{_WORD}{_SP}+){{1,2}}{_WORD}"
# The positions a report is signed in, in the nominative (a sentence names them in other
# cases: "ar valdes priekšsēdētāju"), masculine or feminine.
_POSITION = (
    _NOT_LETTER_BEFORE
    + r"(?i:(?:izpild)?direktor(?:s|e)|priekšsēdētāj(?:s|a)(?:\s+vietnie(?:ks|ce))?"
    r"|locekl(?:is|e)|vadītāj(?:s|a)|grāmatved(?:is|e)|koordinator(?:s|e)|sekretār(?:s|e)"
    r"|(?:pilnvarotā|paraksttiesīgā|atbildīgā)\s+persona)" + _NOT_LETTER_AFTER
)
_SIGNED = r"(?:\(paraksts\)|/paraksts/|\(personiskais\s+paraksts\)|_{2,})"
# What stands between a position and its signer: spaces, tabs, a colon or dash, the
# signature's place, the name itself.
_AFTER_POSITION = rf"(?:{_SP}|[:,/–—-]|{_SIGNED}|{_NAME})*"
# Before the position: the organisation ("Nodibinājuma «Vidzemes kopienu fonds» valdes") or
# the signer's name and a comma; a few words, no figures and no sentence's stops. The line
# opens with a capital: a sentence wrapped onto the line goes on in lower case.
_BEFORE_POSITION = r"[^\d;!?\n]{0,120}?"
_ROLE_LINE = re.compile(rf"(?=[{_UP}„“\"«])(?:{_BEFORE_POSITION}){_POSITION}{_AFTER_POSITION}")
_E_SIGNATURE = re.compile(
    r"(?:šis\s+)?dokuments\s+(?:ir\s+)?(?:elektroniski\s+parakstīts|parakstīts\s+elektroniski"
    r"|parakstīts(?=\s+ar))(?:\s+ar\s+drošu\s+elektronisko\s+parakstu)?"
    r"(?:\s+un\s+satur\s+laika\s+zīmogu)?\.?",
    re.I,
)
_SIGNED_LINE = re.compile(rf"(?i:paraksts:?)?{_SP}*{_SIGNED}(?:{_SP}|[/]|{_NAME})*")
# Weak lines: each may close a section's text, and is the signature's only in a block with
# a strong line. "Valmierā, 2025. gada 14. februārī", "Datums: 14.02.2025.", a name alone,
# "Sagatavoja: J. Bērziņš, tālr. …".
_PLACE_DATE = re.compile(
    rf"(?:(?:[{_UP}][{_LOW}]+ā|(?i:datums):?|(?i:parakstīšanas\s+datums):?)[,\s]+)?"
    + DATE_TEXT
    + r"\.?"
)
_NAME_LINE = re.compile(rf"[/(]?{_NAME}[/)]?")
_PREPARED = re.compile(
    r"(?:Sagatavoja|Sagatavotājs|Kontaktpersona|Tālr\.|Tālrunis|E-pasts)\s*:?\s+[^\n]{1,120}"
)
_RULE = re.compile(r"[-–—_=*]{3,}")
_LINE = re.compile(r"[^\n\x0b]+")
_STRIP = " \u00a0\t\ue000*_"


def _kind(line: str) -> str | None:
    """'strong' or 'weak' for a signature's line, 'rule' for a rule or blank line, None
    for any other line."""
    bare = line.strip(" \u00a0\t\ue000")
    text = line.strip(_STRIP)
    if not text or _RULE.fullmatch(bare.replace(" ", "")):
        return "rule"
    if len(text) > 200:
        return None
    if _E_SIGNATURE.fullmatch(text) or _ROLE_LINE.fullmatch(text) or _SIGNED_LINE.fullmatch(bare):
        return "strong"
    if _PLACE_DATE.fullmatch(text) or _NAME_LINE.fullmatch(text) or _PREPARED.fullmatch(text):
        return "weak"
    return None


def signature_start(text: SourcedText, whole: bool) -> int | None:
    """Where the signature block that closes `text` begins: its first line, after the rule
    that may set it off. With `whole` the block must be all of `text` (what follows the
    table); else other text must stand before it (a section's value is not its signature
    alone). None when the last lines are no signature."""
    first: int | None = None  # the block's first line
    strong = False
    other_before = False
    for m in reversed(list(_LINE.finditer(text.text))):
        kind = _kind(m.group())
        if kind is None:
            other_before = True
            break
        if kind != "rule":
            first = m.start()
            strong = strong or kind == "strong"
    if first is None or not strong or other_before is whole:
        return None
    return first


def value_end(text: SourcedText, start: int) -> int:
    """The end of the value before a signature block at `start`: the rules and blank lines
    that set the block off belong to neither."""
    end = start
    for m in reversed(list(_LINE.finditer(text.text, 0, start))):
        if _kind(m.group()) != "rule":
            return m.end()
        end = m.start()
    return end
