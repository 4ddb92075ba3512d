"""The legal forms of the Latvian registers, as an implementer's cell writes them: in words,
in any letter case, with or without the Latvian diacritics ("biedriba", "SABIEDRĪBA AR
IEROBEŽOTU ATBILDĪBU"), or abbreviated ("SIA", "AS", "A/S")."""

from __future__ import annotations

from pipeline.model import LegalForm
from pipeline.parse.diacritics import fold

_WORDS: tuple[tuple[str, LegalForm], ...] = (
    ("biedrība", LegalForm.ASSOCIATION),
    ("nodibinājums", LegalForm.FOUNDATION),
    ("reliģiskā organizācija", LegalForm.RELIGIOUS_ORGANISATION),
    # A congregation is a religious organisation by the Religious Organisations Law.
    ("draudze", LegalForm.RELIGIOUS_ORGANISATION),
    ("reliģiskās organizācijas iestāde", LegalForm.RELIGIOUS_INSTITUTION),
    ("arodbiedrība", LegalForm.TRADE_UNION),
    ("politiskā partija", LegalForm.POLITICAL_PARTY),
    ("sabiedrība ar ierobežotu atbildību", LegalForm.LIMITED_LIABILITY_COMPANY),
    # A state's or a municipality's company has the form of any other.
    ("valsts sabiedrība ar ierobežotu atbildību", LegalForm.LIMITED_LIABILITY_COMPANY),
    ("pašvaldības sabiedrība ar ierobežotu atbildību", LegalForm.LIMITED_LIABILITY_COMPANY),
    ("akciju sabiedrība", LegalForm.JOINT_STOCK_COMPANY),
    ("valsts akciju sabiedrība", LegalForm.JOINT_STOCK_COMPANY),
    ("kooperatīvā sabiedrība", LegalForm.COOPERATIVE_SOCIETY),
    ("individuālais komersants", LegalForm.INDIVIDUAL_MERCHANT),
)
# In capitals only: "as" and "ik" are words of a sentence too. "KS" is left unread: it
# abbreviates both a cooperative and a limited partnership.
_ABBREVIATIONS: dict[str, LegalForm] = {
    "SIA": LegalForm.LIMITED_LIABILITY_COMPANY,
    "VSIA": LegalForm.LIMITED_LIABILITY_COMPANY,
    "PSIA": LegalForm.LIMITED_LIABILITY_COMPANY,
    "AS": LegalForm.JOINT_STOCK_COMPANY,
    "A/S": LegalForm.JOINT_STOCK_COMPANY,
    "VAS": LegalForm.JOINT_STOCK_COMPANY,
    "IK": LegalForm.INDIVIDUAL_MERCHANT,
}


def _plain(words: str) -> str:
    return fold(" ".join(words.split()).casefold())


_BY_WORDS = {_plain(words): form for words, form in _WORDS}


def _pattern(words: str) -> str:
    """The words with each letter that has a diacritic also matched without it, and any
    white space between them."""
    out = []
    for char in words:
        plain = fold(char)
        out.append(r"\s+" if char == " " else f"[{char}{plain}]" if plain != char else char)
    return "".join(out)


#: The abbreviations alone, in capitals: what may end a name written without quotes
#: ("Kopienu birojs SIA"), where words of a form would be words of the name ("… draudze").
ABBREVIATIONS = "(?-i:" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + ")"
#: Any legal form, whatever flags the pattern it is part of is compiled with. The longest
#: first: an alternative that begins another must not end the match early.
FORMS = (
    "(?:(?i:"
    + "|".join(_pattern(w) for w, _ in sorted(_WORDS, key=lambda f: -len(f[0])))
    + ")|"
    + ABBREVIATIONS
    + ")"
)


def legal_form(written: str) -> LegalForm | None:
    """The legal form `written` names, as `FORMS` matched it; None for anything else."""
    return _ABBREVIATIONS.get(written) or _BY_WORDS.get(_plain(written))
