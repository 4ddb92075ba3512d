"""Where each IRI's page lives in the site folder, and relative links between pages.

File paths are built only from IRIs that match the minted shape (keys of `[a-z0-9-]`), so
no text from a report can reach the file system: anything else is refused, not cleaned.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from pipeline.rdf.namespaces import VOCAB_ROOT
from pipeline.settings import ORIGINAL_EXTENSIONS

#: One path segment of a minted IRI: what `iris.slug` can produce.
_SEGMENT = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
#: Fragments are element ids: the same alphabet, as iris.py mints them ("L12" for lines),
#: or a span of a source text, as RFC 5147 names it ("char=10830,10896").
_FRAGMENT = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?|char=[0-9]+,[0-9]+")
#: The top-level folders of data IRIs (see iris.py); vocabulary IRIs go under def/.
_DATA_ROOTS = ("id", "source")
#: A file published under its own IRI, no page of its own: a report's original document.
_FILE = re.compile(
    r"source/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:"
    + "|".join(re.escape(e) for e in ORIGINAL_EXTENSIONS)
    + ")"
)


class UnsafeIRI(ValueError):
    """An IRI in our namespace that does not have the minted shape: it gets no file."""


@dataclass(frozen=True, slots=True)
class SitePaths:
    """Maps IRIs in our namespaces to site paths (POSIX, relative to the site root)."""

    base: str

    def __post_init__(self) -> None:
        if not self.base.endswith("/"):
            raise ValueError(f"the site needs a base IRI ending with '/': {self.base}")

    def owns(self, iri: str) -> bool:
        """True for IRIs that must have a page here (data or vocabulary namespace)."""
        return iri.startswith((self.base, VOCAB_ROOT)) and self.file(iri) is None

    def file(self, iri: str) -> str | None:
        """The site path of an IRI that names a published file (a report's original
        document, `source/<key>.pdf`), else None."""
        if not iri.startswith(self.base):
            return None
        rest = iri[len(self.base) :]
        return rest if _FILE.fullmatch(rest) else None

    def document(self, iri: str) -> str:
        """The IRI without its fragment: the page's own IRI."""
        return iri.partition("#")[0]

    def page(self, iri: str) -> str:
        """`<base>id/report/000-x#year-1` -> `id/report/000-x.html`; raises UnsafeIRI."""
        doc = self.document(iri)
        if doc.startswith(VOCAB_ROOT):
            rest, segments = doc[len(VOCAB_ROOT) :], ["def"]
        elif doc.startswith(self.base):
            rest, segments = doc[len(self.base) :], []
            if rest.partition("/")[0] not in _DATA_ROOTS:
                raise UnsafeIRI(f"not a data IRI this site publishes: {iri!r}")
        else:
            raise UnsafeIRI(f"not in our namespace: {iri!r}")
        parts = rest.split("/")
        if not rest or not all(_SEGMENT.fullmatch(part) for part in parts):
            raise UnsafeIRI(f"an IRI whose path is not a minted key: {iri!r}")
        return "/".join([*segments, *parts]) + ".html"

    def fragment(self, iri: str) -> str:
        """The element id of a `#fragment` IRI ("" for the page itself); raises UnsafeIRI."""
        fragment = iri.partition("#")[2]
        if fragment and not _FRAGMENT.fullmatch(fragment):
            raise UnsafeIRI(f"a fragment that is not a minted id: {iri!r}")
        return fragment


def relative(from_page: str, to_path: str) -> str:
    """The link from one site file to another, both relative to the site root.

    `relative("id/report/a.html", "source/a.html#L3")` -> `../../source/a.html#L3`.
    Links are always relative so that the site works under any base path.
    """
    path, hash_, fragment = to_path.partition("#")
    if path == from_page:
        target = ""
    else:
        start = posixpath.dirname(from_page) or "."
        target = posixpath.relpath(path or ".", start)
        if path.endswith("/") and not target.endswith("/"):
            target += "/"
    link = target + hash_ + fragment
    return link or posixpath.basename(from_page)


def alternate(page: str, extension: str) -> str:
    """`id/report/a.html` -> `id/report/a.ttl`."""
    return page.removesuffix(".html") + "." + extension
