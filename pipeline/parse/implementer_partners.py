"""The partners an implementer's cell names besides the implementer: "Konsorcijs: vadošais
partneris biedrība „X”, reģistrācijas Nr. …, un sadarbības partneris nodibinājums „Y”,
reģistrācijas Nr. …". The model keeps one implementer, the first organisation the cell
names (the lead); a partner is kept in the cell's text only, and said, never dropped
without a word."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Problem, Severity, Text
from pipeline.parse.fields import ORGANISATION, QUOTE, REG_NO, read_implementer
from pipeline.parse.text import SourcedText, SourceFile

#: The finding's stable code.
CODE = "implementer.partner-not-modelled"

# Words that set another organisation beside the implementer as its partner: a consortium,
# a lead or co-operation partner, one it works with ("sadarbībā ar", "kopā ar").
_PARTNER_WORDS = re.compile(
    r"(?<![^\W\d_])(?:konsorcij|(?:sadarbības\s+|vadoš[^\W\d_]*\s+)?partner|sadarbībā\s+ar"
    r"|sadarbojoties\s+ar|kopā\s+ar)",
    re.I,
)
# Words that give an organisation's earlier name, never a partner: "(līdz 2021. gadam –
# biedrība „…”)", "agrāk", "iepriekš", "bijušais nosaukums", "pārdēvēta".
_PREDECESSOR = re.compile(
    r"(?<![^\W\d_])(?:līdz\s+\d{4}\.?\s*(?:gad|g\.)|agrāk|iepriekš|bijuš|pārdēvē)",
    re.I,
)
# What may stand between an organisation's form and its quoted name: spaces only.
_BEFORE_QUOTE = re.compile(r"[ \u00a0]*$")
# A number of the register's 11 digits, written bare.
_ELEVEN = re.compile(r"(?<!\d)(?:LV[ \u00a0-]?)?(?P<number>\d{11})(?!\d)")


@dataclass(frozen=True, slots=True)
class Partner:
    """An organisation the implementer's cell names beside it: its name (None where the
    cell gives only its number), its registration number, and its words as written."""

    name: Text | None
    registration_number: Text | None
    text: Text


@dataclass(frozen=True, slots=True)
class _Named:
    begin: int  # its form's words, or its opening quote
    name: tuple[int, int]
    stop: int  # after its number, or after its closing quote
    number: tuple[int, int] | None


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _organisations(s: str) -> list[_Named]:
    """Each name in quotes the cell gives as an organisation's: after its form's words
    ("biedrība „X”", "nodibinājumu „Y”") or before its registration number. A name in
    quotes that is neither (a house in an address, "„Liepas”") is no organisation's."""
    quotes = list(QUOTE.finditer(s))
    out: list[_Named] = []
    for i, q in enumerate(quotes):
        until = quotes[i + 1].start() if i + 1 < len(quotes) else len(s)
        form = next(
            (
                f
                for f in ORGANISATION.finditer(s, 0, q.start())
                if _BEFORE_QUOTE.fullmatch(s, f.end(), q.start())
            ),
            None,
        )
        reg = REG_NO.search(s, q.end(), until) or _ELEVEN.search(s, q.end(), until)
        if form is None and reg is None:
            continue
        out.append(
            _Named(
                form.start() if form else q.start(),
                q.span("name"),
                reg.end("number") if reg else q.end(),
                reg.span("number") if reg else None,
            )
        )
    return out


def _outside_quotes(s: str) -> str:
    """`s` with every name in quotes blanked out, each of its places kept."""
    return QUOTE.sub(lambda q: " " * len(q.group()), s)


def _piece(cell: SourcedText, source: SourceFile, span: tuple[int, int]) -> Text:
    piece = cell[span[0] : span[1]]
    return Text(piece.text, source.span_of(piece))


def partners(value: SourcedText, source: SourceFile) -> tuple[Partner, ...]:
    """The organisations the implementer's cell names as its partners: each after words of
    partnership ("konsorcijs", "sadarbības partneris", "kopā ar"), by a name other than the
    implementer's as `read_implementer` reads it, or by a registration number other than
    its. A cell of one organisation, with its address or representative, names none."""
    implementer = read_implementer(value, source)
    if implementer is None:
        return ()
    cell = value.collapse().strip(" ,;")
    s = cell.text
    lead_name = _key(implementer.name.value)
    lead_number = implementer.registration_number
    out: list[Partner] = []
    taken: list[tuple[int, int]] = []
    # words of partnership count only outside the names in quotes: "„Vidzemes lauku
    # partnerība”" is a name, and says nothing of the organisations beside it
    words = _outside_quotes(s)
    for other in _organisations(s):
        before = max((stop for _, stop in taken), default=0)
        taken.append((other.begin, other.stop))
        if _key(s[other.name[0] : other.name[1]]) == lead_name:
            continue  # the implementer itself
        if not _PARTNER_WORDS.search(words, 0, other.begin):
            continue  # another kind of organisation: a founder
        if _PREDECESSOR.search(words, before, other.begin):
            continue  # an earlier name
        number = _piece(cell, source, other.number) if other.number else None
        out.append(
            Partner(
                _piece(cell, source, other.name),
                number,
                _piece(cell, source, (other.begin, other.stop)),
            )
        )
    # A number no organisation in quotes holds, after words of partnership: a partner whose
    # name is not in quotes ("…, sadarbības partneris SIA Kopienu birojs, reģ. Nr. …").
    for reg in [*REG_NO.finditer(s), *_ELEVEN.finditer(s)]:
        at = reg.span("number")
        digits = s[at[0] : at[1]].replace(" ", "")
        if any(begin <= at[0] < stop for begin, stop in taken):
            continue
        if lead_number is not None and digits == lead_number.value:
            continue
        if not _PARTNER_WORDS.search(words, 0, at[0]):
            continue
        # its words begin after the organisation before it, at the first word of partnership
        # there ("kopā ar sadarbības partneri …"), else right after that organisation
        before = max((stop for _, stop in taken if stop <= at[0]), default=0)
        lead_at = s.find(lead_number.value) if lead_number is not None else -1
        if lead_number is not None and 0 <= lead_at < at[0]:
            before = max(before, lead_at + len(lead_number.value))
        if _PREDECESSOR.search(words, before, at[0]):
            continue  # an earlier number
        first = _PARTNER_WORDS.search(words, before, at[0])
        begin = first.start() if first else before
        begin += len(s[begin : at[0]]) - len(s[begin : at[0]].lstrip(" ,;"))
        out.append(Partner(None, _piece(cell, source, at), _piece(cell, source, (begin, at[1]))))
        taken.append((begin, at[1]))
    return tuple(sorted(out, key=lambda p: p.text.span.start))


def partner_problems(value: SourcedText, source: SourceFile, file: str) -> list[Problem]:
    """An information finding for each partner (`partners`): the model keeps the first
    organisation as the implementer, and the partner only in the cell's text."""
    out = []
    for partner in partners(value, source):
        number = partner.registration_number
        en_no = f" (registration number {number.value})" if number else ""
        lv_no = f" (reģistrācijas Nr. {number.value})" if number else ""
        who_en = repr(partner.name.value if partner.name else partner.text.value)
        who_lv = f"„{partner.name.value}”" if partner.name else repr(partner.text.value)
        out.append(
            Problem(
                CODE,
                Severity.INFO,
                f"the implementer's cell also names a partner, {who_en}{en_no}; one "
                "implementer is read, the first named, so the partner is kept only in the "
                "cell's text",
                file,
                partner.text.span,
                f"īstenotāja šūnā minēts arī partneris {who_lv}{lv_no}; nolasīts viens "
                "īstenotājs – pirmais minētais, tāpēc partneris saglabāts tikai šūnas tekstā",
            )
        )
    return out
