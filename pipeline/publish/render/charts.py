"""Inline SVG bar charts that need no JavaScript. Each chart has a title and a text
description, and the page shows the same numbers in a table next to it (the text
alternative). Labels are escaped here because the SVG reaches templates as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

#: Fills with at least 3:1 contrast against white (WCAG 1.4.11), told apart also by the
#: legend's order and the table, never by colour alone.
FILLS = ("#1f5f8b", "#b35900", "#2e7d32", "#6a3d9a", "#595959", "#8b1f4a")

_BAR, _GAP, _LABEL_W, _WIDTH = 14, 10, 64, 640


@dataclass(frozen=True, slots=True)
class Series:
    name_lv: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Group:
    """One group of bars (a year) with one value per series (None: not reported)."""

    label: str
    values: tuple[Decimal | None, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    id: str
    svg: Markup
    series: tuple[Series, ...]
    fills: tuple[str, ...]


def bar_chart(
    chart_id: str, title: str, series: tuple[Series, ...], groups: tuple[Group, ...]
) -> Chart:
    """Horizontal grouped bars, scaled to the largest value; values are printed in words in
    the table the page puts next to the chart."""
    top = max((v for g in groups for v in g.values if v is not None), default=Decimal(0))
    scale = Decimal(_WIDTH - _LABEL_W - 8) / top if top > 0 else Decimal(0)
    per_group = len(series) * _BAR + _GAP
    height = max(1, len(groups)) * per_group + _GAP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title" class="chart">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    for g_index, group in enumerate(groups):
        y0 = _GAP + g_index * per_group
        middle = y0 + len(series) * _BAR / 2 + 4
        parts.append(
            f'<text x="0" y="{middle:.0f}" class="chart-label">{escape(group.label)}</text>'
        )
        for s_index, value in enumerate(group.values):
            if value is None:
                continue
            width = max(Decimal(1), value * scale) if value > 0 else Decimal(0)
            y = y0 + s_index * _BAR
            parts.append(
                f'<rect x="{_LABEL_W}" y="{y}" width="{width:.1f}" height="{_BAR - 2}" '
                f'fill="{FILLS[s_index % len(FILLS)]}"/>'
            )
    parts.append("</svg>")
    return Chart(chart_id, Markup("".join(parts)), series, FILLS[: len(series)])
