"""A report published inside a web page: what of the page is its frame, not the report.

A ministry's site shows a report between its own menus: a cookie notice, the site's header
and menu, the breadcrumb trail ("Sākums › … › Kopsavilkums – Vidzemes reģions"), a sidebar
of related documents ("Kopsavilkums Kurzemes reģionā (2022–2025)"), share links and the site
footer with its address and phone number. Read as the report's text, the breadcrumb and the
sidebar became its title (another region's) and the footer text after its end. A browser's
reader view and a screen reader tell that frame from the content by the page's structure,
and so does this module: the landmark elements (`<nav>`, and `<header>`, `<footer>`,
`<aside>` of the page rather than of an article), their ARIA roles, a dialog, and the few
class names CMS themes give the same parts (`breadcrumb`, `cookie`, `share`, `meta`). Words are not
used: a report's own text may name a ministry or a region as the frame does.

A page that marks its main content (`<main>`, `role="main"`) says that the rest is frame;
it is read alone when it holds the report (a title or a section label), else the page is
read whole, as a page marking the wrong part would lose the report.
"""

from __future__ import annotations

import re

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
# ("cookie-banner", "breadcrumb", "share-links"), never as parts of a word. "meta" is the
# page's note of when it was published ("entry-meta", "node__meta"), not the report's.
_NAMES = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|breadcrumbs?|share|sharing|social|skip-link|sidebar"
    r"|navbar|site-header|site-footer|meta)(?:$|[\s_-])",
    re.I,
)
_LABEL = re.compile("|".join(f"(?:{p})" for p in LABELS.values()))
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
