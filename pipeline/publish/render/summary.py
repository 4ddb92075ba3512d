"""The JSON-LD a resource page embeds: a schema.org summary of what the page is about.

A page once embedded its whole slice of the data (for a report, two thirds of the page's
bytes). Search engines read only schema.org, and the full description is beside the page
as Turtle and JSON-LD (`.ttl`, `.jsonld`, complete and linked from the page); so the
page names the resource, its kind and its alternates, and links the dataset it is part of.
"""

from __future__ import annotations

import json

from pipeline.publish.render.views import Alternate, Label
from pipeline.rdf.serialise import script_json

#: schema.org type of each page kind.
SCHEMA_TYPES = {
    "report": "Report",
    "organisation": "Organization",
    "source": "DigitalDocument",
    "vocabulary": "DefinedTermSet",
    "shapes": "DefinedTermSet",
    "scheme": "DefinedTermSet",
    "resource": "Thing",
    "place": "Place",
}


def page_summary(
    iri: str, kind: str, title: Label, alternates: tuple[Alternate, ...], base: str, dataset: str
) -> str:
    """The summary as the text of a `<script type="application/ld+json">` element.
    `alternates` are relative to the site root; `base` is where the site root is served."""
    names = [{"@language": "lv", "@value": title.lv}]
    if title.en != title.lv:
        names.append({"@language": "en", "@value": title.en})
    document = {
        "@context": "https://schema.org/",
        "@id": iri,
        "@type": SCHEMA_TYPES.get(kind, "Thing"),
        "name": names,
        "isPartOf": {"@id": dataset, "@type": "Dataset"},
        "subjectOf": [
            {
                "@type": "MediaObject",
                "contentUrl": base + a.href,
                "encodingFormat": a.media_type,
            }
            for a in alternates
        ],
    }
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)
    return script_json(text.encode("utf-8"))
