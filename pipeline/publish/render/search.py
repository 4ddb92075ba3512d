"""The static search index: labels in both languages and the page they lead to. The
search page lists every entry as a plain link (it works without JavaScript); the small
script in site/static/search.js only filters that list, or, on the 404 page, this file."""

from __future__ import annotations

import json


def search_json(entries: tuple[tuple[str, str, str], ...]) -> str:
    """`[{"lv": ..., "en": ..., "href": "id/report/x.html"}, ...]`, hrefs relative to the site
    root, one entry per line so that diffs stay readable."""
    rows = [
        json.dumps({"lv": lv, "en": en, "href": href}, ensure_ascii=False, sort_keys=True)
        for lv, en, href in entries
    ]
    return "[\n" + ",\n".join(rows) + "\n]\n"
