"""A report's published source text: one anchor per line, and beside each line the facts
read from it (the way back from text to data)."""

from __future__ import annotations

import re
from pathlib import Path


def _line(html: str, number: int) -> str:
    start = html.index(f'id="L{number}"')
    return html[start : html.index('<div class="line"', start)]


def test_each_line_links_to_the_facts_read_from_it(site: Path) -> None:
    html = (site / "source" / "000-f25f87058009babf.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<div class="line" id="L\d+"', html)) == 68
    # 000 line 30: item 3) of year II, "sniegtas 199 konsultācijas ... 41 ...; 80 ...; 78..."
    line = _line(html, 30)
    assert "199 konsultācijas" in line
    facts = re.findall(r'href="\.\./id/report/000-f25f87058009babf\.html#([a-z0-9-]+)"', line)
    assert facts[0] == "year-2-cs-3"
    assert set(facts) >= {f"year-2-cs-3-indicator-{n}" for n in (1, 2, 3, 4)}
    # 000 line 11: the implementer and its registration number
    assert "/id/organisation/lv-re-40008055327.html" in _line(html, 11)
    # a line nothing was read from has no facts beside it: line 1 is empty
    assert 'class="facts"' not in _line(html, 1)


def test_every_source_page_has_facts_beside_its_lines(site: Path) -> None:
    for page in sorted((site / "source").glob("*.html")):
        assert page.read_text(encoding="utf-8").count('class="facts"') >= 10, page.name
