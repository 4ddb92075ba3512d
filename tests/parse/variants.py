"""Named, deterministic transformations of a report's text: the ways a person writes the same
template differently ("II ĪSTENOŠANAS GADS" for "II. ĪSTENOŠANAS GADS", "30.000,00 EUR" for
"30 000,00 euro", a page break inside a cell ...).

A transformation rewrites whole tokens and remembers, for every character of its result, the
character of the original it stands for, so a span read from a variant can be compared with
the span read from the original: it must point at the same words.

Every transformation's edits go through `variants_grids.fit_layout`, which fits them to a
text laid out by character position (an ASCII grid, fixed-width columns, delimited rows): a
word typed longer or shorter takes its width from its cell's padding, a line break is never
put inside a row (so "rewrapped", "page-breaks" and "heading-period-next-line" leave such a
block alone, as a mail program leaves a preformatted one), and an edit the layout cannot
take (a cell without room for the longer word) is left out. On any other text the edits
are as the transformation makes them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.parse.layout_columns import unfold_columns
from pipeline.parse.layout_pages import drop_page_furniture
from pipeline.parse.sections import opens_with_label, split_sections
from pipeline.parse.text import clean
from tests.parse.variants_grids import Edit, fit_layout


@dataclass(frozen=True, slots=True)
class Variant:
    name: str
    text: str
    origin: tuple[int, ...]  # per character of `text` (and one past its end): original offset
    touched: frozenset[int]  # original offsets a transformation rewrote or removed

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """The original character range a variant's span stands for."""
        if end <= start:
            return (self.origin[start], self.origin[start])
        return (self.origin[start], self.origin[end - 1] + 1)


def original(text: str) -> Variant:
    return Variant("original", text, tuple(range(len(text) + 1)), frozenset())


def _apply(variant: Variant, name: str, edits: list[Edit]) -> Variant:
    text, origin = variant.text, variant.origin
    parts: list[str] = []
    offs: list[int] = []
    touched = set(variant.touched)
    pos = 0
    for start, end, new in sorted(edits):
        if start < pos:
            continue  # overlapping edits: the first wins
        parts.append(text[pos:start])
        offs.extend(origin[pos:start])
        parts.append(new)
        # The new characters stand, in proportion, for the ones they replace: the first for
        # the first, the last for the last, so a token's two ends map to its two ends.
        if end > start:
            width, count = end - start, len(new)
            offs.extend(
                origin[start + (i * (width - 1) // (count - 1) if count > 1 else 0)]
                for i in range(count)
            )
            touched.update(origin[start:end])
        else:
            offs.extend([origin[start]] * len(new))
        pos = end
    parts.append(text[pos:])
    offs.extend(origin[pos:])
    return Variant(name, "".join(parts), tuple(offs), frozenset(touched))


Transformation = Callable[[str], list[Edit]]


def _sub(
    pattern: str, repl: str | Callable[[re.Match[str]], str], flags: int = 0
) -> Transformation:
    compiled = re.compile(pattern, flags)

    def edits(text: str) -> list[Edit]:
        out = []
        for m in compiled.finditer(text):
            new = repl(m) if callable(repl) else m.expand(repl)
            if new != m.group(0):
                out.append((m.start(), m.end(), new))
        return out

    return edits


_HEADING = r"(?<![\w.])(?P<n>[IVX]{1,4})(?P<dot>\.?)(?P<sp>\s+)ĪSTENOŠANAS GADS"
_AMOUNT = r"(?<![\d,.])(?P<k>\d{1,3})(?P<rest>(?:[ \u00a0]\d{3})+),(?P<c>\d{2})(?!\d)"
_NUMERIC_DATE = r"(?<![\d.])(?P<d>\d{2})\.(?P<m>\d{2})\.(?P<y>\d{4})\.(?!\d)"
_MONTHS = ("janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs", "jūlijs",
           "augusts", "septembris", "oktobris", "novembris", "decembris")  # fmt: skip


def _grouped(m: re.Match[str], sep: str, decimal: str = ",") -> str:
    digits = re.sub(r"\D", "", m.group("rest"))
    groups = [digits[i : i + 3] for i in range(0, len(digits), 3)]
    return sep.join([m.group("k"), *groups]) + decimal + m.group("c")


def _long_to_numeric(m: re.Match[str]) -> str:
    month = next(i for i, name in enumerate(_MONTHS, 1) if m.group("m").startswith(name[:4]))
    return f"{int(m.group('d')):02d}.{month:02d}.{m.group('y')}."


def _split_long_lines(text: str) -> list[Edit]:
    """Re-wrap: every long line of PDF text broken once more, at a space that does not put a
    bullet, a number or a dash at the start of the new line. A line quoted in an e-mail
    ("> …") goes on quoted, as a mail program wraps it."""
    edits, pos = [], 0
    for line in text.split("\n"):
        if len(line) > 30 and "\t" not in line:
            quote = re.match(r"(?:> ?)*", line)
            prefix = quote.group(0) if quote else ""
            for m in re.finditer(r" (?=[a-zāčēģīķļņšūž]{3,})", line[len(line) // 2 :]):
                at = pos + len(line) // 2 + m.start()
                edits.append((at, at + 1, "\n" + prefix))
                break
        pos += len(line) + 1
    return edits


def _page_breaks(text: str) -> list[Edit]:
    """A page break (blank lines, a lone space line) after every ninth line of PDF text."""
    edits, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        pos += len(line) + 1
        if i % 9 == 8 and pos < len(text) and "\t" not in line:
            edits.append((pos, pos, "\n \n\n"))
    return edits


def _label_colons(text: str) -> list[Edit]:
    """A colon after every section label ("…veicējs:"), where there is none yet."""
    labels = split_sections(clean(text)).labels.values()
    # a label read with the dash after it ("… izdevumi – nav") takes its colon before the
    # dash, as a typist writes both ("… izdevumi: – nav")
    ends = sorted(before_dash(text, label.offsets[-1] + 1) for label in labels)
    # the parser reads a colon as part of its label: a label may end with one already
    return [(end, end, ":") for end in ends if not text[:end].rstrip(" \u00a0").endswith(":")]


def before_dash(text: str, end: int) -> int:
    dash = re.search(r"[ \u00a0]+[–—-]$", text[:end])
    return dash.start() if dash else end


def _pdf_only(transformation: Transformation) -> Transformation:
    """PDF text has no table cells (tabs, pipes); a line break inside a table row would
    split the row.
    Nor does a converter that lays the page out in two columns (`pdftotext -layout`) break
    a line inside the value column, which would move the value under the labels."""
    return lambda text: (
        [] if "\t" in text or _PIPE_ROWS.search(text) or _in_columns(text) else transformation(text)
    )


# Two lines in a row of a pipe table ("| 2023 | 10 000,00 |", "2023 | 10 000,00 | 9 800,00"):
# typed text, or Markdown, never a PDF's.
_PIPE_ROWS = re.compile(r"(?m)^(?:[^\n|]*\|){2}[^\n]*\n(?:[^\n|]*\|){2}")


def _in_columns(text: str) -> bool:
    cleaned = drop_page_furniture(clean(text))
    return unfold_columns(cleaned, opens_with_label).text != cleaned.text


TRANSFORMATIONS: dict[str, Transformation] = {
    # year headings
    "title-upper-case": _sub(r"^(\s*\**)Kopsavilkums\b", r"\1KOPSAVILKUMS", re.M),
    "label-colon": _label_colons,
    "heading-lower-case": _sub(r"ĪSTENOŠANAS GADS", "īstenošanas gads"),
    "numeral-lower-case": _sub(_HEADING, lambda m: m.group(0).replace(m["n"], m["n"].lower(), 1)),
    "numeral-dot-toggled": _sub(
        _HEADING, lambda m: m["n"] + ("" if m["dot"] else ".") + m["sp"] + "ĪSTENOŠANAS GADS"
    ),
    "heading-period-after-dash": _sub(r"(ĪSTENOŠANAS GADS) \(([^()\n]*)\)", r"\1 – \2 "),
    "heading-period-next-line": _sub(r"(ĪSTENOŠANAS GADS) \(", "\\1\n("),
    "group-heading-upper-case": _sub(r"kapacitātes celšanai:", "KAPACITĀTES CELŠANAI:"),
    # dashes between dates
    "dash-em": _sub(r"(?<=\d\.) – (?=\d)", " — "),
    "dash-non-breaking-hyphen-tight": _sub(r"(?<=\d\.) – (?=\d)", "\u2011"),
    "dash-hyphen-tight": _sub(r"(?<=\d\.) – (?=\d)", "-"),
    # numbers
    "thousands-no-break-space": _sub(_AMOUNT, lambda m: _grouped(m, "\u00a0")),
    "thousands-narrow-no-break-space": _sub(_AMOUNT, lambda m: _grouped(m, "\u202f")),
    "thousands-dot": _sub(_AMOUNT, lambda m: _grouped(m, ".")),
    "thousands-unseparated": _sub(_AMOUNT, lambda m: _grouped(m, "")),
    "decimal-point": _sub(_AMOUNT, lambda m: _grouped(m, "", ".")),
    "whole-euros": _sub(_AMOUNT + r"(?<=,00)", lambda m: _grouped(m, " ")[:-3]),
    # currency words
    "currency-EUR": _sub(r"\beuro\b", "EUR"),
    "currency-eiro": _sub(r"\beuro\b", "eiro"),
    "currency-sign": _sub(r"\beuro\b", "€"),
    "currency-none": _sub(r"(?<=\d) euro\b", "     "),
    # label spellings
    "statements-lower-case": _sub(r"\b(Plānots|Faktiski)\b", lambda m: m.group(0).lower()),
    "actual-as-izlietots": _sub(r"\bFaktiski\b", "Izlietots"),
    "registration-short": _sub(r"reģistrācijas Nr\.", "reģ. Nr."),
    "registration-joined": _sub(r"reģistrācijas Nr\.", "Reģ.Nr."),
    "registration-unified": _sub(r"reģistrācijas Nr\.", "vienotais reģistrācijas Nr."),
    # date forms
    "long-date-spaced": _sub(
        r"(?P<y>\d{4})\.gada (?P<d>\d{1,2})\.(?P<m>[a-zāēīū]+)", r"\g<y>. gada \g<d>. \g<m>"
    ),
    "long-date-numeric": _sub(
        r"(?P<y>\d{4})\.gada (?P<d>\d{1,2})\.(?P<m>jūlijs)", _long_to_numeric
    ),
    "month-locative": _sub(r"(?<=\d\.)(?P<m>jūlij|jūnij)s\b", r"\g<m>ā"),
    "numeric-date-unpadded": _sub(_NUMERIC_DATE, lambda m: f"{int(m['d'])}.{int(m['m'])}.{m['y']}"),
    # spaces and quotes as a word processor or another keyboard writes them: the same
    # number of characters, so a grid or a column stays as it was
    "trailing-spaces": _sub(r"(?<=\S)$", "  ", re.M),
    "no-break-space-after-number": _sub(r"(?<=\d)(\.?) (?=[^\W\d_])", "\\1\u00a0"),
    "quotes-straight": _sub(r"[„“”]", '"'),
    # PDF layout
    "rewrapped": _pdf_only(_split_long_lines),
    "page-breaks": _pdf_only(_page_breaks),
}


def transform(base: Variant, names: tuple[str, ...]) -> Variant:
    """`base` with the transformations made one after the other, each fitted to the layout
    the text has by then."""
    variant = base
    for name in names:
        edits = fit_layout(variant.text, TRANSFORMATIONS[name](variant.text))
        variant = _apply(variant, name, edits)
    return Variant("+".join(names), variant.text, variant.origin, variant.touched)


def singles() -> list[tuple[str, ...]]:
    return [(name,) for name in TRANSFORMATIONS]


def pairs() -> list[tuple[str, ...]]:
    return list(itertools.combinations(TRANSFORMATIONS, 2))
