"""A report published inside a web page: what of the page is its frame, not the report.

A ministry's site shows a report between its own menus: a cookie notice, the site's header
and menu, the breadcrumb trail ("Sākums › … › Kopsavilkums – Vidzemes reģions"), a sidebar
of related documents ("Kopsavilkums Kurzemes reģionā (2022–2025)"), share links and the site
footer with its address and phone number. Read as the report's text, the breadcrumb and the
sidebar became its title (another region's) and the footer text after its end. A browser's
reader view and a screen reader tell that frame from the content by the page's structure,
and so does this module: the landmark elements (`<nav>`, and `<header>`, `<footer>`,
`<aside>` of the page rather than of an article), their ARIA roles, a dialog, and the few
class names CMS themes give the same parts (`breadcrumb`, `cookie`, `share`, `meta`). Words do
not make a frame: a report's own text may name a ministry or a region as the frame does.

Words keep a report's text, though: a theme's names are guesses ("social-integration" is a
ministry's field, "doc-meta" its report's box) and a page may set the report's last rows
beside the rest (`<aside>` within `<main>`). An element whose text holds a section label of
the template, or whose `<h1>` opens with the title word, is the report's, whatever its name
or place; skipped, the report would be claimed to lack sections it has. The title word
elsewhere does not keep an element: breadcrumbs and sidebars name the ministry's other
reports ("Kopsavilkums Kurzemes reģionā"), and taking one for the title reads a wrong region.

A page that marks its main content (`<main>`, `role="main"`) says that the rest is frame;
it is read alone when it holds the report (a title or a section label), else the page is
read whole, as a page marking the wrong part would lose the report.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from pipeline.documents.layout import Block, render
from pipeline.parse.sections import LABELS, TITLE_WORD

# Elements that are the page's frame wherever they stand.
_ALWAYS = {"nav"}
# Elements that are the page's frame unless inside the content they belong to: an article's
# own header holds its title, its footer a signature. A sidebar (`<aside>`) is the page's
# beside its main content, a note of the article's only inside the article.
_PAGE_LEVEL = {"header": {"article", "main", "section"}, "footer": {"article", "main", "section"}}
_PAGE_LEVEL["aside"] = {"article"}
#: The elements whose header, footer or sidebar is theirs, not the page's.
CONTENT = frozenset({"article", "main", "section"})
_ROLES = {
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
}
# Class and id words CMS themes give the frame; matched as whole words of the name
# ("cookie-banner", "breadcrumb", "share-links"), never as parts of a word. "meta" (the
# page's note of when it was published) and "social" (its links to social networks) only as
# a whole name: as part of one they name content too ("doc-meta", "social-integration",
# the ministries' field of social integration).
_NAMES = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|breadcrumbs?|share|sharing|skip-link|sidebar"
    r"|navbar|site-header|site-footer)(?:$|[\s_-])|(?:^|\s)(?:social|meta)(?:$|\s)",
    re.I,
)
_LABEL = re.compile("|".join(f"(?:{p})" for p in LABELS.values()))
_TITLE = re.compile(r"\s*" + TITLE_WORD)
_MAIN = re.compile(r"<main[\s>]|\brole\s*=\s*[\"']?main\b", re.I)


def is_frame(tag: str, attrs: dict[str, str | None], within: set[str]) -> bool:
    """Whether an element, with everything in it, is the page's frame rather than its text.
    `within`: the content elements (`CONTENT`) it stands inside."""
    if tag in _ALWAYS:
        return True
    owners = _PAGE_LEVEL.get(tag)
    if owners is not None and not owners & within:
        return True
    role = (attrs.get("role") or "").strip().lower()
    if role in _ROLES:
        return True
    names = " ".join(filter(None, (attrs.get("class"), attrs.get("id"))))
    return bool(names and _NAMES.search(names))


def is_main(tag: str, attrs: dict[str, str | None]) -> bool:
    return tag == "main" or (attrs.get("role") or "").strip().lower() == "main"


def marks_main(text: str) -> bool:
    """Whether the page marks its main content at all."""
    return _MAIN.search(text) is not None


def holds_report(blocks: list[Block]) -> bool:
    """Whether the text read holds a report: its title word or a section label."""
    text = render(blocks) if blocks else ""
    return bool(re.search(TITLE_WORD, text) or _LABEL.search(text))


def report_holders(text: str) -> frozenset[tuple[int, int]]:
    """Where (the parser's line and column) the elements begin that hold the report's text:
    a section label, or an `<h1>` opening with the title word. None of them is frame."""
    finder = _Holders()
    finder.feed(text)
    finder.close()
    for _, start, at in finder.open:  # an element left open holds the rest of the page
        finder.check(start, at)
    return frozenset(finder.found)


class _Holders(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        # The open elements: name, where the text read in them begins, where the tag stands.
        self.open: list[tuple[str, int, tuple[int, int]]] = []
        self.found: set[tuple[int, int]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append((tag, len(self.text), self.getpos()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # `<br/>`: holds no text

    def handle_endtag(self, tag: str) -> None:
        names = [name for name, _, _ in self.open]
        if tag not in names:
            return
        # elements left unclosed inside it (`<p>`, `<img>`) end with it
        while self.open:
            name, start, at = self.open.pop()
            if name == "h1" and _TITLE.match("".join(self.text[start:])):
                self.found.update(pos for _, _, pos in self.open)
                self.found.add(at)
            self.check(start, at)
            if name == tag:
                return

    def check(self, start: int, at: tuple[int, int]) -> None:
        if at not in self.found and _LABEL.search("".join(self.text[start:])):
            self.found.add(at)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
