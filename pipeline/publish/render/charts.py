"""Inline SVG bar charts that need no JavaScript. Each chart has an accessible name (its
title) and a description, an axis with ticks, and every bar's value printed at its end;
the page shows the same numbers in a table next to it (the text alternative). Labels are
escaped here because the SVG reaches templates as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from markupsafe import Markup, escape

from pipeline.publish.render.html import group_digits

#: Fills with at least 3:1 contrast against white (WCAG 1.4.11), told apart also by the
#: legend's order and the table, never by colour alone.
FILLS = ("#1f5f8b", "#b35900", "#2e7d32", "#6a3d9a", "#595959", "#8b1f4a")

_BAR, _GAP, _WIDTH, _VALUE_W, _AXIS_H = 14, 10, 640, 84, 26
#: Room for a group's label: about 7 units a character of the 12-unit label font.
_CHAR_W, _MIN_LABEL_W, _MAX_LABEL_W = 7, 48, 220


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


def whole(value: Decimal) -> str:
    """`Decimal("51553.40")` -> "51 553" (bars are labelled in whole euros; the table
    beside the chart has the cents)."""
    rounded = int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return ("−" if rounded < 0 else "") + group_digits(str(abs(rounded)))


def nice_step(top: Decimal) -> Decimal:
    """A round tick step giving 2 to 5 ticks up to `top`: 1, 2 or 5 times a power of ten."""
    if top <= 0:
        return Decimal(1)
    power = Decimal(10) ** (len(str(int(top))) - 1)
    for factor in (Decimal(1), Decimal(2), Decimal(5), Decimal(10)):
        if top / (power * factor) <= 5:
            return power * factor
    return power * 10


def bar_chart(
    chart_id: str,
    title: str,
    series: tuple[Series, ...],
    groups: tuple[Group, ...],
    description: str = "",
) -> Chart:
    """Horizontal grouped bars, scaled to the axis' last tick; series with no value in any
    group take no room."""
    used = tuple(i for i in range(len(series)) if any(g.values[i] is not None for g in groups))
    top = max((v for g in groups for v in g.values if v is not None), default=Decimal(0))
    step = nice_step(top)
    ticks = int((top / step).to_integral_value(rounding=ROUND_CEILING)) if top > 0 else 1
    axis_max = step * ticks
    longest = max((len(g.label) for g in groups), default=0)
    label_w = min(_MAX_LABEL_W, max(_MIN_LABEL_W, longest * _CHAR_W + 8))
    plot = _WIDTH - label_w - _VALUE_W
    scale = Decimal(plot) / axis_max
    per_group = max(1, len(used)) * _BAR + _GAP
    height = max(1, len(groups)) * per_group + _GAP + _AXIS_H
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title{f" {chart_id}-desc" if description else ""}"'
        ' class="chart">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    if description:
        parts.append(f'<desc id="{chart_id}-desc">{escape(description)}</desc>')
    base = height - _AXIS_H
    for n in range(ticks + 1):
        x = label_w + Decimal(plot) * n / ticks
        parts.append(
            f'<line x1="{x:.1f}" y1="{_GAP - 4}" x2="{x:.1f}" y2="{base}" class="chart-grid"/>'
            f'<text x="{x:.1f}" y="{base + 16}" class="chart-tick">{whole(step * n)}</text>'
        )
    for g_index, group in enumerate(groups):
        y0 = _GAP + g_index * per_group
        middle = y0 + len(used) * _BAR / 2 + 4
        parts.append(
            f'<text x="0" y="{middle:.0f}" class="chart-label">{escape(group.label)}</text>'
        )
        for slot, s_index in enumerate(used):
            value = group.values[s_index]
            if value is None:
                continue
            width = max(Decimal(1), value * scale) if value > 0 else Decimal(0)
            y = y0 + slot * _BAR
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{width:.1f}" height="{_BAR - 2}" '
                f'fill="{FILLS[s_index % len(FILLS)]}"/>'
                f'<text x="{label_w + width + 4:.1f}" y="{y + _BAR - 3}" '
                f'class="chart-value">{whole(value)}</text>'
            )
    parts.append(
        f'<line x1="{label_w}" y1="{base}" x2="{label_w + plot}" y2="{base}" class="chart-axis"/>'
    )
    parts.append("</svg>")
    kept = tuple(series[i] for i in used)
    fills = tuple(FILLS[i % len(FILLS)] for i in used)
    return Chart(chart_id, Markup("".join(parts)), kept, fills)
