"""A page whose text runs sideways, read in the text's own orientation.

A landscape page can reach the PDF as a portrait page turned a quarter (`/Rotate 90`, or a
printer drawing the text rotated): every glyph then stands one under the other, and read
by its position on the page the text came out a character per line ("P 1 1 1 P l ā …").
Each glyph's matrix says which way its text runs. Where most of a page's glyphs run one way
other than left to right, the page's glyphs and rules are turned so that their text runs
left to right, and the page is read like any other; a page of upright text is read as it
stands (a sideways label in a table's header stays where it is).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pdfplumber.page import Page
from pdfplumber.table import Table as PlumberTable
from pdfplumber.table import TableFinder, TableSettings

Direction = tuple[int, int]  # the way the text runs on the page, y downwards
_RIGHT: Direction = (1, 0)


@dataclass(frozen=True, slots=True)
class Sheet:
    """A page's glyphs, rules and pictures in the orientation its text is read in."""

    chars: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    images: list[dict[str, Any]]
    bbox: tuple[float, float, float, float]
    page: Page | None = None  # the page itself when it is read as it stands
    turned: bool = False

    def find_tables(self, settings: dict[str, Any]) -> list[PlumberTable]:
        if self.page is not None:
            return list(self.page.find_tables(settings))
        return list(TableFinder(self, TableSettings.resolve(settings)).tables)  # type: ignore[arg-type]


def sheet(page: Page) -> Sheet:
    """The page as read: turned when most of its text runs other than left to right."""
    chars = list(page.chars)
    ways = Counter(_direction(c) for c in chars)
    way = ways.most_common(1)[0][0] if ways else _RIGHT
    if way == _RIGHT or ways[way] * 2 <= len(chars):
        return Sheet(chars, list(page.edges), list(page.images), _bbox(page), page)
    width, height = float(page.width), float(page.height)
    turn = _Turn(way, width, height)
    return Sheet(
        [turn.glyph(c) for c in chars],
        [turn.edge(e) for e in page.edges],
        [turn.box(i) for i in page.images],
        (0.0, 0.0, turn.width, turn.height),
        turned=True,
    )


def _bbox(page: Page) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = page.bbox
    return float(x0), float(top), float(x1), float(bottom)


def _direction(char: dict[str, Any]) -> Direction:
    """Which way a glyph's text runs, to the nearest quarter turn (the matrix's y goes up)."""
    a, b = (float(v) for v in char.get("matrix", (1.0, 0.0))[:2])
    if abs(a) >= abs(b):
        return (1, 0) if a >= 0 else (-1, 0)
    return (0, -1) if b > 0 else (0, 1)


class _Turn:
    """Coordinates along the text (u, left to right) and across it (v, top to bottom)."""

    def __init__(self, way: Direction, width: float, height: float) -> None:
        self.along = way
        self.across = (-way[1], way[0])  # the next line's side: a quarter turn on
        corners = [(0.0, 0.0), (width, 0.0), (0.0, height), (width, height)]
        us = [self._dot(self.along, p) for p in corners]
        vs = [self._dot(self.across, p) for p in corners]
        self.u0, self.v0 = -min(us), -min(vs)
        self.width, self.height = max(us) - min(us), max(vs) - min(vs)

    @staticmethod
    def _dot(axis: Direction, point: tuple[float, float]) -> float:
        return axis[0] * point[0] + axis[1] * point[1]

    def _frame(self, obj: dict[str, Any]) -> tuple[float, float, float, float]:
        x0, x1 = float(obj["x0"]), float(obj["x1"])
        top, bottom = float(obj["top"]), float(obj["bottom"])
        corners: Sequence[tuple[float, float]] = [(x0, top), (x1, top), (x0, bottom), (x1, bottom)]
        us = [self._dot(self.along, p) + self.u0 for p in corners]
        vs = [self._dot(self.across, p) + self.v0 for p in corners]
        return min(us), min(vs), max(us), max(vs)

    def box(self, obj: dict[str, Any]) -> dict[str, Any]:
        x0, top, x1, bottom = self._frame(obj)
        return {
            **obj,
            "x0": x0,
            "x1": x1,
            "top": top,
            "bottom": bottom,
            "doctop": top,
            "y0": self.height - bottom,
            "y1": self.height - top,
            "width": x1 - x0,
            "height": bottom - top,
        }

    def glyph(self, char: dict[str, Any]) -> dict[str, Any]:
        out = self.box(char)
        # The glyph's height across its own line is its size, as for an upright glyph.
        out["size"] = out["height"]
        out["upright"] = True
        return out

    def edge(self, edge: dict[str, Any]) -> dict[str, Any]:
        out = self.box(edge)
        if edge.get("orientation") in ("h", "v") and self.along[0] == 0:
            out["orientation"] = "v" if edge["orientation"] == "h" else "h"
        return out
