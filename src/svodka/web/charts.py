"""Server-drawn SVG: the world map with places as circles, the monthly timeline, and the
starting layout of the co-occurrence graph (``static/graph.js`` moves it).

Maps use the equirectangular projection in degrees: the world is the box 360 × 180 with
x = lon + 180 and y = 90 − lat, so a place is where its coordinates say and a small map is
the same drawing with a narrower ``viewBox``. Country outlines are Natural Earth 1:110m
(``static/world-110m.json``, built by ``scripts/build_world_map.py``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

STATIC = Path(__file__).parent / "static"


@dataclass(frozen=True, slots=True)
class Dot:
    """A place on a map: ``count`` sizes the circle."""

    lat: float
    lon: float
    label: str
    count: int = 1
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Node:
    key: str
    name: str
    type: str
    weight: int  # shared documents; the centre's own documents
    href: str
    x: float = 0.0
    y: float = 0.0


# -------------------------------------------------------------------------------- maps


@cache
def country_paths() -> Markup:
    """One ``<path>`` per country, in map degrees, with the country's name as its title."""
    data = json.loads((STATIC / "world-110m.json").read_text(encoding="utf-8"))
    unit = data["unit"]
    paths = []
    for country in data["countries"]:
        d = "".join(ring_path(ring, unit) for ring in country["rings"])
        paths.append(f'<path d="{d}"><title>{escape(country["name"])}</title></path>')
    return Markup("".join(paths))


def ring_path(ring: list[int], unit: float) -> str:
    """A closed ring as path data: absolute start, then relative steps (shorter)."""
    xs = [round(ring[i] * unit + 180, 1) for i in range(0, len(ring), 2)]
    ys = [round(90 - ring[i] * unit, 1) for i in range(1, len(ring), 2)]
    steps = [f"{xs[0]:g} {ys[0]:g}l"]
    steps += [f"{xs[i] - xs[i - 1]:.1f} {ys[i] - ys[i - 1]:.1f}" for i in range(1, len(xs))]
    return "M" + " ".join(steps).replace(".0 ", " ").replace("-0 ", "0 ") + "z"


def project(lat: float, lon: float) -> tuple[float, float]:
    """Map coordinates of a point: x = lon + 180, y = 90 − lat."""
    return lon + 180, 90 - lat


def view_box(dots: list[Dot], *, zoom: bool) -> tuple[float, float, float, float]:
    """The whole world, or, when ``zoom``, the dots with room around them at 2:1."""
    if not zoom or not dots:
        return (0, 0, 360, 180)
    xs, ys = zip(*(project(d.lat, d.lon) for d in dots), strict=True)
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    width = min(360.0, max(40.0, (max(xs) - min(xs)) * 1.4, (max(ys) - min(ys)) * 2.8))
    height = width / 2
    x = min(max(cx - width / 2, 0), 360 - width)
    y = min(max(cy - height / 2, 0), 180 - height)
    return (round(x, 1), round(y, 1), round(width, 1), round(height, 1))


def world_map(dots: list[Dot], *, zoom: bool = False, css_class: str = "map") -> Markup:
    """An SVG map with a circle per dot, area proportional to its count; circles link to
    ``href`` and name the place and count in a tooltip. Largest circles are drawn first, so
    small ones stay clickable on top."""
    box = view_box(dots, zoom=zoom)
    scale = box[2] / 360  # circles keep their size on the screen when the map zooms in
    most = max((d.count for d in dots), default=1)
    circles = []
    for dot in sorted(dots, key=lambda d: -d.count):
        x, y = project(dot.lat, dot.lon)
        r = (1.2 + 6 * math.sqrt(dot.count / most)) * scale
        tip = escape(f"{dot.label}: {dot.count}")
        circle = f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}"><title>{tip}</title></circle>'
        if dot.href:
            circle = f'<a href="{escape(dot.href)}">{circle}</a>'
        circles.append(circle)
    return Markup(
        f'<svg class="{escape(css_class)}" viewBox="{" ".join(f"{v:g}" for v in box)}" '
        f'preserveAspectRatio="xMidYMid meet" role="img">'
        f'<rect class="sea" x="0" y="0" width="360" height="180"/>'
        f'<g class="land" stroke-width="{0.3 * scale:.3f}">{country_paths()}</g>'
        f'<g class="dots" stroke-width="{0.3 * scale:.3f}">{"".join(circles)}</g></svg>'
    )


# ---------------------------------------------------------------------------- timeline


#: A timeline longer than this many months is drawn by year: 14 years of months were a
#: 2,000 px strip.
MAX_MONTHS = 36


def timeline_steps(months: tuple[tuple[str, int], ...]) -> tuple[list[tuple[str, int]], str]:
    """The bars to draw and their unit: the months («YYYY-MM», count), or, past
    ``MAX_MONTHS``, the years («YYYY», the sum of their months)."""
    if len(months) <= MAX_MONTHS:
        return list(months), "month"
    years: dict[str, int] = {}
    for month, n in months:
        years[month[:4]] = years.get(month[:4], 0) + n
    return list(years.items()), "year"


def timeline_svg(months: tuple[tuple[str, int], ...], *, height: int = 120) -> Markup:
    """Bars of documents per month («YYYY-MM», count), or per year when the months span
    more than ``MAX_MONTHS``. Every year is labelled; months every third, each label
    starting at its bar, with room kept at the right end so no label is cut."""
    steps, unit = timeline_steps(months)
    if not steps:
        return Markup("")
    bar, gap, every = (36, 8, 1) if unit == "year" else (14, 3, 3)
    top, bottom, room = 14, 18, 40
    width = len(steps) * (bar + gap) + gap + (0 if unit == "year" else room)
    most = max(n for _, n in steps) or 1
    parts = []
    for i, (period, n) in enumerate(steps):
        x = gap + i * (bar + gap)
        h = (height - top - bottom) * n / most
        y = height - bottom - h
        tip = escape(f"{period}: {n}")
        parts.append(
            f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}"><title>{tip}</title></rect>'
        )
        if n:
            parts.append(f'<text class="count" x="{x + bar / 2}" y="{y - 3:.1f}">{n}</text>')
        if i % every == 0:
            anchor = "middle" if unit == "year" else "start"
            at = x + bar / 2 if unit == "year" else x
            parts.append(
                f'<text class="period" x="{at}" y="{height - 4}" text-anchor="{anchor}">'
                f"{escape(period)}</text>"
            )
    return Markup(
        f'<svg class="timeline timeline-{unit}" viewBox="0 0 {width} {height}" '
        f'width="{max(width, 120)}" height="{height}" role="img">{"".join(parts)}</svg>'
    )


# ------------------------------------------------------------------------------- graph


def circle_layout(centre: Node, others: list[Node], size: int = 480) -> list[Node]:
    """The centre in the middle and the others on a ring round it, most shared first: the
    graph as it looks before (or without) JavaScript."""
    middle, radius = size / 2, size * 0.36
    placed = [replace_xy(centre, middle, middle)]
    for i, node in enumerate(others):
        angle = 2 * math.pi * i / max(len(others), 1) - math.pi / 2
        x, y = middle + radius * math.cos(angle), middle + radius * math.sin(angle)
        placed.append(replace_xy(node, x, y))
    return placed


def replace_xy(node: Node, x: float, y: float) -> Node:
    return Node(node.key, node.name, node.type, node.weight, node.href, round(x, 1), round(y, 1))


def node_radius(weight: int, most: int) -> float:
    return round(6 + 14 * math.sqrt(weight / max(most, 1)), 1)


# ------------------------------------------------------------------------ dyad timeline


def quad_timeline_svg(
    months: list[tuple[str, tuple[int, ...]]], quads: tuple[str, ...], *, height: int = 140
) -> Markup:
    """Stacked bars of events per month («YYYY-MM», a count for each of ``quads``), one
    colour a quad class (CSS ``quad-0`` … ``quad-3``), or per year past ``MAX_MONTHS``;
    each segment names its month, class and count in a tooltip."""
    if len(months) > MAX_MONTHS:
        years: dict[str, list[int]] = {}
        for month, counts in months:
            total = years.setdefault(month[:4], [0] * len(quads))
            years[month[:4]] = [a + b for a, b in zip(total, counts, strict=True)]
        steps, unit = [(y, tuple(c)) for y, c in years.items()], "year"
    else:
        steps, unit = months, "month"
    if not steps:
        return Markup("")
    bar, gap, every = (36, 8, 1) if unit == "year" else (14, 3, 3)
    top, bottom, room = 14, 18, 40
    width = len(steps) * (bar + gap) + gap + (0 if unit == "year" else room)
    most = max(sum(counts) for _, counts in steps) or 1
    scale = (height - top - bottom) / most
    parts = []
    for i, (period, counts) in enumerate(steps):
        x, y = gap + i * (bar + gap), float(height - bottom)
        for q, n in enumerate(counts):
            if n:
                y -= n * scale
                tip = escape(f"{period} · {quads[q]}: {n}")
                parts.append(
                    f'<rect class="quad-{q}" x="{x}" y="{y:.1f}" width="{bar}" '
                    f'height="{n * scale:.1f}"><title>{tip}</title></rect>'
                )
        if sum(counts):
            parts.append(
                f'<text class="count" x="{x + bar / 2}" y="{y - 3:.1f}">{sum(counts)}</text>'
            )
        if i % every == 0:
            anchor, at = ("middle", x + bar / 2) if unit == "year" else ("start", x)
            parts.append(
                f'<text class="period" x="{at}" y="{height - 4}" text-anchor="{anchor}">'
                f"{escape(period)}</text>"
            )
    return Markup(
        f'<svg class="timeline quads timeline-{unit}" viewBox="0 0 {width} {height}" '
        f'width="{max(width, 120)}" height="{height}" role="img">{"".join(parts)}</svg>'
    )


def bars_svg(rows: list[tuple[str, int, str]], *, width: int = 420, row: int = 20) -> Markup:
    """Horizontal bars, one a row (label, count, CSS class), the longest full width, the
    label on the left and the count after the bar."""
    if not rows:
        return Markup("")
    label_width, room = 190, 34
    most = max(n for _, n, _ in rows) or 1
    parts = []
    for i, (name, n, css) in enumerate(rows):
        y, base = i * row, f"{i * row + row * 0.7:.1f}"
        length = (width - label_width - room) * n / most
        parts += [
            f'<text class="label" x="{label_width - 6}" y="{base}">{escape(name)}</text>',
            f'<rect class="{escape(css)}" x="{label_width}" y="{y + 3}" width="{length:.1f}" '
            f'height="{row - 6}"><title>{escape(name)}: {n}</title></rect>',
            f'<text class="count" x="{label_width + length + 4:.1f}" y="{base}">{n}</text>',
        ]
    height = len(rows) * row
    return Markup(
        f'<svg class="bars" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img">{"".join(parts)}</svg>'
    )


def type_grid_svg(
    months: list[str], rows: list[tuple[str, str, list[int]]], *, cell: int = 14
) -> Markup:
    """A row per event type (label, CSS class, a count per month): a cell per month, darker
    the more events, the count in its tooltip; by year past ``MAX_MONTHS``, as the timeline."""
    periods = months
    if len(months) > MAX_MONTHS:
        periods = list(dict.fromkeys(m[:4] for m in months))
        rows = [(name, css, by_period(months, periods, counts)) for name, css, counts in rows]
    if not rows or not periods:
        return Markup("")
    label_width, gap = 190, 3
    most = max(max(counts) for _, _, counts in rows) or 1
    parts = []
    for i, (name, css, counts) in enumerate(rows):
        y = i * (cell + gap)
        parts.append(
            f'<text class="label" x="{label_width - 6}" y="{y + cell - 3}">{escape(name)}</text>'
        )
        for j, n in enumerate(counts):
            shade = 0.08 + 0.92 * n / most if n else 0.04
            tip = escape(f"{periods[j]} · {name}: {n}")
            x = label_width + j * (cell + gap)
            parts.append(
                f'<rect class="{escape(css)}" x="{x}" y="{y}" width="{cell}" height="{cell}" '
                f'fill-opacity="{shade:.2f}"><title>{tip}</title></rect>'
            )
    width = label_width + len(periods) * (cell + gap)
    height = len(rows) * (cell + gap)
    return Markup(
        f'<svg class="grid" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img">{"".join(parts)}</svg>'
    )


def by_period(months: list[str], periods: list[str], counts: list[int]) -> list[int]:
    """Monthly counts summed into the years of ``periods``."""
    sums = dict.fromkeys(periods, 0)
    for month, n in zip(months, counts, strict=True):
        sums[month[:4]] += n
    return list(sums.values())
