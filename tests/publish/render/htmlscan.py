"""A small stdlib HTML reader for the site tests: ids, links, scripts, headings, langs."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[tuple[str, str, str]] = []  # (tag, rel, href)
        self.sources: list[str] = []  # src attributes
        self.jsonld: list[str] = []
        self.headings: list[int] = []
        self.html_lang: str | None = None
        self.text: list[str] = []
        self.tables = 0
        self.table_headers = 0
        self._in_jsonld = False
        self._in_script = False
        self.elements: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.elements.append(tag)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag in ("a", "link") and "href" in a:
            self.links.append((tag, a.get("rel", ""), a["href"]))
        if tag == "form" and "action" in a:
            self.links.append(("form", "", a["action"]))
        if "src" in a:
            self.sources.append(a["src"])
        if tag == "script":
            self._in_script = True
            self._in_jsonld = a.get("type") == "application/ld+json"
            if self._in_jsonld:
                self.jsonld.append("")
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if tag == "table":
            self.tables += 1
        if tag == "th":
            self.table_headers += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld[-1] += data
        elif not self._in_script:
            self.text.append(data)


def scan(path: Path) -> Scan:
    parser = Scan()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser
