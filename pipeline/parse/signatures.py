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
from collections.abc import Iterator

from pipeline.parse.latvian import DATE_TEXT, LOWER, UPPER
from pipeline.parse.text import SourcedText

_NOT_LETTER_BEFORE = r"(?<!\w)"
_NOT_LETTER_AFTER = r"(?!\w)"
_SP = r"[ \u00a0\t]"
# A signer's name: "Ilze Kalniņa", "J. Bērziņš", "Anna Liepa-Ozola", "Ilze KALNIŅA".
_WORD = rf"(?:[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?|[{UPPER}]{{2,}})"
_NAME = rf"(?:[{UPPER}]\.{_SP}*|{_WORD}{_SP}+){{1,2}}{_WORD}"
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
    rf"(?:(?:[{UPPER}][{LOWER}]+ā|(?i:datums):?|(?i:parakstīšanas\s+datums):?)[,\s]+)?"
    + DATE_TEXT
    + r"\.?"
)
# The place and date may stand on the signer's line, after the name (tab stops set them to
# the right, and a PDF's text puts the two on one line: "Valdes priekšsēdētāja ____ I.
# Bērziņa Alūksnē, 2022. gada 28. janvārī").
_ROLE_LINE = re.compile(
    rf"(?=[{UPPER}„“\"«])(?:{_BEFORE_POSITION}){_POSITION}{_AFTER_POSITION}"
    rf"(?:(?<=[ \u00a0\t]){_PLACE_DATE.pattern})?"
)
_NAME_LINE = re.compile(rf"[/(]?{_NAME}[/)]?")
_PREPARED = re.compile(
    r"(?:Sagatavoja|Sagatavotājs|Kontaktpersona|Tālr\.|Tālrunis|E-pasts)\s*:?\s+[^\n]{1,120}"
)
_RULE = re.compile(r"[-–—_=*]{3,}")
_LINE = re.compile(r"[^\n\x0b]+")
_ANY_LINE = re.compile(r"(?:^|(?<=[\n\x0b]))[^\n\x0b]*")
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


def signature_lines(lines: list[str]) -> bool:
    """Whether `lines` are a signature block and nothing else: each a signature's line (or a
    rule or blank), one at least a strong one (a signer's position, "(paraksts)", the
    e-signature note). Weak lines alone (a date, a name) may be any caption's."""
    kinds = [_kind(line) for line in lines]
    return "strong" in kinds and None not in kinds


def prepared_start(text: SourcedText) -> int | None:
    """Where the lines closing `text` begin when they name who prepared the report
    ("Sagatavoja: J. Bērziņa, 05.08.2025.", with its date or contact lines): each line one a
    signature block has, one of them the preparer's, and other text before them. Such lines
    are no section's answer, though with no signer's line they are no signature either: the
    last section's value ends before them (a "Nav" with them glued on is no longer "none",
    and a funding table's section had them and read nothing of them)."""
    first: int | None = None
    prepared = False
    for m in reversed(list(_LINE.finditer(text.text))):
        kind = _kind(m.group())
        if kind is None:
            break
        if kind != "rule":
            first = m.start()
            prepared = prepared or _PREPARED.fullmatch(m.group().strip(_STRIP)) is not None
    else:
        return None  # nothing before them: they are the value itself
    return first if prepared else None


def only_signature_lines(text: str) -> bool:
    """Whether every line of `text` is one a signature block has, weak ones too ("Sagatavoja:
    J. Bērziņa, 05.08.2025.", "Valmierā, 2025. gada 14. februārī", a name): after the
    table such lines close the report, though with no strong line they are not certainly
    its signature."""
    lines = [m.group() for m in _LINE.finditer(text)]
    kinds = [_kind(line) for line in lines]
    return any(k == "weak" for k in kinds) and all(k is not None for k in kinds)


def value_end(text: SourcedText, start: int) -> int:
    """The end of the value before a signature block at `start`: the rules and blank lines
    that set the block off belong to neither."""
    end = start
    for m in reversed(list(_LINE.finditer(text.text, 0, start))):
        if _kind(m.group()) != "rule":
            return m.end()
        end = m.start()
    return end


# -- the report's closing notes ----------------------------------------------------------------
# After the last section's answer a report may close with its footnotes ("¹ Deleģēšanas
# līgums … noslēgts …", "* Klātienē; …") or a summary in another language ("Summary in
# English. Over the two years …"). Left in the last section's value they would be read as
# its answer (a "Nav" with notes after it is no longer "none", an amount in the summary
# becomes the section's amount). They are the report's own text, kept unlabelled, and known
# only with certainty: after the answer and a blank line or rule, to the end, each paragraph
# either a footnote whose mark the text before uses ("… 31.maijs¹", "dalībnieki*") or a
# paragraph in English.
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_NOTE_MARK = re.compile(
    rf"[ \u00a0\t\ue000]*(?P<mark>[{_SUPERSCRIPTS}]+|\*{{1,3}}|\d{{1,2}}\)|\[\d{{1,2}}\])"
    r"[ \u00a0]*(?=\S)"
)
_WORD_RE = re.compile(r"[^\W\d_]+")
# Words that open or join nearly every English sentence, and none of them a Latvian word
# (not "to", which is both).
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "in",
        "was",
        "were",
        "is",
        "are",
        "for",
        "with",
        "by",
        "from",
        "this",
        "that",
        "over",
        "on",
        "at",
        "an",
        "which",
        "has",
        "have",
        "been",
        "it",
        "its",
    ]
)
_LATVIAN = frozenset(
    [
        "un",
        "ar",
        "par",
        "no",
        "uz",
        "ir",
        "bija",
        "tika",
        "kā",
        "vai",
        "lai",
        "gan",
        "arī",
        "kas",
        "pēc",
        "līdz",
        "kopā",
        "tiek",
        "nav",
        "pie",
    ]
)


def _mark_used(mark: str, before: str) -> bool:
    """Whether the text before the notes puts `mark` after a word or figure, as a footnote's
    mark stands ("maijs¹", "dalībnieki*", "summa1)"), not as a list's number does."""
    if mark[0] in _SUPERSCRIPTS:
        pattern = rf"[^\s{_SUPERSCRIPTS}]{re.escape(mark)}(?![{_SUPERSCRIPTS}])"
    elif mark[0] == "*":
        pattern = rf"[^\s*]{re.escape(mark)}(?!\*)"
    else:
        pattern = rf"[^\s\d(\[]{re.escape(mark)}"
    return re.search(pattern, before) is not None


def is_english(paragraph: str) -> bool:
    """Whether a paragraph is written in English: its joining words are English ones, and
    hardly any Latvian."""
    words = [w.lower() for w in _WORD_RE.findall(paragraph)]
    english = [w for w in words if w in _ENGLISH]
    latvian = sum(w in _LATVIAN for w in words)
    return len(english) >= 4 and len(set(english)) >= 2 and latvian * 4 <= len(english)


def _is_rule(line: str) -> bool:
    """A blank line or a rule (see `_kind`)."""
    bare = line.strip(" \u00a0\t\ue000")
    return not line.strip(_STRIP) or _RULE.fullmatch(bare.replace(" ", "")) is not None


def _last_paragraphs(text: str) -> Iterator[tuple[int, list[str]]]:
    """The paragraphs of `text` from its last, each as its lines and where it starts (blank
    and rule lines part them)."""
    lines = [(m.start(), m.group()) for m in _ANY_LINE.finditer(text)]
    current: list[str] = []
    start = len(text)
    for begin, line in reversed(lines):
        if _is_rule(line):
            if current:
                yield start, current
            current = []
        else:
            current.insert(0, line)
            start = begin
    if current:
        yield start, current


def _note_marks(lines: list[str], before: str) -> list[str] | None:
    """The marks of a paragraph of notes (none for a paragraph in English), or None when it
    is no notes: each footnote marked as the text before marks it, a line without a mark
    going on with the footnote above it."""
    marks = [_NOTE_MARK.match(line) for line in lines]
    if marks[0] is None:
        return [] if is_english(" ".join(lines)) else None
    used = [k.group("mark") for k in marks if k is not None]
    return used if all(_mark_used(mark, before) for mark in used) else None


def notes_start(text: SourcedText, before: str, whole: bool) -> int | None:
    """Where the closing notes of `text` begin (see above): the first of its last
    paragraphs that all are notes. `before` is the report's text before `text`, where the
    footnotes' marks are used. With `whole` the notes must be all of `text` (what follows
    the table); else an answer must stand before them, finished (not leading in to more
    with a colon or comma)."""
    s = text.text
    start: int | None = None
    seen: list[str] = []
    for begin, lines in _last_paragraphs(s):
        marks = _note_marks(lines, before + s[:begin])
        # Each footnote has its own mark: lines opening with the same one ("* …", "* …")
        # are a list's bullets.
        if marks is None or len(set(seen + marks)) < len(seen + marks):
            break
        seen += marks
        start = begin
    if start is None:
        return None
    given = s[:start].strip(_STRIP + "\n\x0b")
    if whole:
        return start if not given else None
    return start if given and not given.endswith((":", ",")) else None
