"""A report's published source text: one anchor per line, and beside each line the facts
read from it (the way back from text to data)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import REPORTS


def _line(html: str, number: int) -> str:
    start = html.index(f'id="L{number}"')
    return html[start : html.index("</div>", start)]


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


def test_each_span_is_an_element_named_by_its_place_in_the_text(site: Path) -> None:
    """A span's IRI is `source/<key>#char=start,end`: the page has an element with that id,
    on the line the span begins on, listing the facts read from it; and RFC 5147's reading
    of the fragment on the report as written gives the words the facts were read from."""
    html = (site / "source" / "000-f25f87058009babf.html").read_text(encoding="utf-8")
    text = (REPORTS / "000_f25f87058009babf.txt").read_text(encoding="utf-8")
    spans = re.findall(r'<span class="span" id="char=(\d+),(\d+)">(.*?)</span>', html)
    assert len(spans) > 100
    for start, end, _ in spans:
        line = text.count("\n", 0, int(start)) + 1
        assert f'id="char={start},{end}"' in _line(html, line)
    # 000 line 30: item 3) of year II, "sniegtas 199 konsultācijas ..."; the activity is
    # read from its words after the number, and its figures are spans of their own
    line_30 = _line(html, 30)
    on_30 = [(int(s), int(e), facts) for s, e, facts in spans if f"char={s},{e}" in line_30]
    first = min(on_30)
    assert text[first[0] : first[1]].startswith("sniegtas 199 konsultācijas")
    assert '#year-2-cs-3"' in first[2]
    figures = [text[s:e] for s, e, _ in on_30]
    assert any(f.startswith("199") for f in figures)
    assert [p[:2] for p in on_30] == sorted(p[:2] for p in on_30)  # in the order of the text


def test_a_report_page_links_each_fact_to_its_line(site: Path) -> None:
    html = (site / "id" / "report" / "000-f25f87058009babf.html").read_text(encoding="utf-8")
    # 000 line 30: year II, civil society, "3) sniegtas 199 konsultācijas …"
    item = html[html.index('<li id="year-2-cs-3">') :]
    item = item[: item.index("</li>")]
    assert '<a class="src" href="../../source/000-f25f87058009babf.html#L30">' in item
