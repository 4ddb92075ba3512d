"""The funding section as PDF text: each year's statements one after another, introduced by
"Plānots" / "Faktiski" and a date range or an ordinal ("II. īstenošanas gads"), or prose
whose paragraphs open with their year ("2023. gadā piešķirti …"). `funding.py` hands such
a section here; its tables it reads itself.
"""

from __future__ import annotations

from pipeline.model import AmountRole, Period
from pipeline.parse.funding_blocks import Block
from pipeline.parse.funding_clauses import is_header_row, ordinal_number
from pipeline.parse.funding_grid import GridReader
from pipeline.parse.funding_lines import calendar_sentences, ordinal_sentences
from pipeline.parse.funding_notes import cross_reference
from pipeline.parse.funding_words import MONEY_IN_TEXT, ORDINAL_ROW, TEXT_KEY, counts_as_money
from pipeline.parse.text import SourcedText


class TextReader(GridReader):
    """PDF text cut into years; the table layouts are `funding.py`'s."""

    def read_text(self, text: SourcedText, hint: AmountRole | None) -> None:
        """PDF text: every date range not repeating the current one starts a year, and so
        does an ordinal ("II. īstenošanas gads") naming another year."""
        pos = 0
        marks = list(TEXT_KEY.finditer(text.text))
        segments: list[tuple[SourcedText | None, SourcedText]] = []
        for i, m in enumerate(marks):
            if i == 0 and m.start() > 0 and text.text[: m.start()].strip():
                segments.append((None, text[: m.start()]))
            stop = marks[i + 1].start() if i + 1 < len(marks) else len(text)
            segments.append((text[m.start() : m.end()], text[m.end() : stop]))
            pos = stop
        if not marks:
            if self._calendar_paragraphs(text, hint):
                return
            segments.append((None, text[pos:]))
        lead_in: SourcedText | None = None
        for period_text, body in segments:
            if period_text is None and is_header_row(body.text):
                self._use(body)
                continue
            if period_text is None and not _has_money(body.text) and cross_reference(body.text):
                continue  # "Skatīt tabulu pielikumā": no year; its lines are kept as written
            if period_text is None and marks and not _has_money(body.text):
                # Words before the first year's dates ("PIRMAIS GADS (01.01.2023.–…)")
                # name that year: they are no year of their own with no amount.
                lead_in = body
                self._use(body)
                continue
            keyed = ORDINAL_ROW.match(period_text.text) if period_text is not None else None
            ordinal = ordinal_number(keyed.group("n")) if keyed else None
            period = self._period(period_text) if period_text is not None and not keyed else None
            current = self.blocks[-1] if self.blocks else None
            if (
                current is not None
                and period is not None
                and period_text is not None
                and _part_of(current.period, period)
                and _in_parenthesis(text, period_text)
            ):
                # "(t.sk. laikā no 01/07/2013 līdz 31/12/2013 Ls 4 950,00 …)": a part of
                # the year its dates lie in, its money that year's, no year of its own
                current.pieces.extend((period_text, body))
                self._use(period_text)
                self._statements(current, body, hint)
                continue
            # "I. gads (01.01.2023.–31.12.2023.)": dates right after a year's key, before any
            # of its money, are that year's.
            dated = current is not None and current.period is None and not current.amounts
            if (
                current is None
                or (period is not None and not dated and not _same(current.period, period))
                or (ordinal is not None and ordinal != current.ordinal)
            ):
                current = Block(period=period, ordinal=ordinal)
                self.blocks.append(current)
            elif dated and period is not None:
                current.period = period
            if lead_in is not None:
                current.pieces.append(lead_in)
                lead_in = None
            if period_text is not None:
                current.pieces.append(period_text)
                self._use(period_text)
            current.pieces.append(body)
            self._statements(current, body, hint)

    def _calendar_paragraphs(self, text: SourcedText, hint: AmountRole | None) -> bool:
        """Prose whose paragraphs open with their year: a calendar year ("2023. gadā
        piešķirti 45 000 EUR, … 2024. gadā piešķirti …", which implementation year it is,
        the description's headings tell) or an implementation year ("II. īstenošanas gadā
        plānoti …"). Each year's sentences are its row; money before the first such
        sentence is of no year. Returns whether the text was such."""
        found = [
            (m, Block(calendar_year=int(m.group("year")))) for m in calendar_sentences(text.text)
        ]
        found = found or [(m, Block(ordinal=n)) for m, n in ordinal_sentences(text.text)]
        if not found:
            return False
        head = text[: found[0][0].start()]
        if _has_money(head.text):
            block = Block()
            self.blocks.append(block)
            block.pieces.append(head)
            self._statements(block, head, hint)
        for i, (m, block) in enumerate(found):
            stop = found[i + 1][0].start() if i + 1 < len(found) else len(text)
            body = text[m.start() : stop]
            self.blocks.append(block)
            self._use(body, 0, m.end() - m.start())
            block.pieces.append(body)
            self._statements(block, body, hint)
        return True


def _has_money(text: str) -> bool:
    return any(counts_as_money(m) for m in MONEY_IN_TEXT.finditer(text))


def _part_of(year: Period | None, part: Period) -> bool:
    """Whether `part` lies inside the year's dates and is not all of them."""
    if year is None or year.start is None or year.end is None:
        return False
    if part.start is None or part.end is None:
        return False
    inside = year.start <= part.start <= part.end <= year.end
    return inside and (part.start, part.end) != (year.start, year.end)


def _in_parenthesis(text: SourcedText, piece: SourcedText) -> bool:
    """Whether `piece` (a part of `text`) stands inside a parenthesis opened before it."""
    at = text.offsets.index(piece.offsets[0]) if piece.offsets else 0
    before = text.text[:at]
    return before.count("(") > before.count(")")


def _same(a: Period | None, b: Period) -> bool:
    return a is not None and (a.start, a.end) == (b.start, b.end)
