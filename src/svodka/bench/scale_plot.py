"""The growth curve of ``make bench-scale`` as a small SVG: p95 against documents."""

from __future__ import annotations

import math

KINDS = ("text", "entity", "date")

#: Colours of the plot's lines, by kind of query; PostgreSQL's are dashed.
COLOURS = {"text": "#1f77b4", "entity": "#d62728", "date": "#2ca02c"}


def plot_svg(sizes: dict, width: int = 480, height: int = 260) -> str:
    """p95 against documents (log scale), a line per backend and kind: a small SVG."""
    left, bottom, top, right = 46, 30, 12, 110
    points = [
        (n, r["search"][k]["p95_ms"]) for b in sizes.values() for n, r in b.items() for k in KINDS
    ]
    low, high = math.log10(min(n for n, _ in points)), math.log10(max(n for n, _ in points))
    peak = max(50.0, max(ms for _, ms in points)) * 1.1

    def xy(n: int, ms: float) -> str:
        span = (math.log10(n) - low) / max(high - low, 1e-9)
        x = left + span * (width - left - right)
        return f"{x:.0f},{height - bottom - ms / peak * (height - bottom - top):.0f}"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="10">',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" '
        'stroke="#999"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="#999"/>',
        f'<polyline points="{xy(10**low, 50)} {xy(10**high, 50)}" stroke="#999" '
        'stroke-dasharray="2,3" fill="none"/>',
        f'<text x="4" y="{top + 8}">p95 ms</text>',
    ]
    for n in sorted({n for n, _ in points}):
        x = xy(n, 0).split(",")[0]
        parts.append(f'<text x="{x}" y="{height - 12}" text-anchor="middle">{n:,}</text>')
    for ms in range(0, int(peak), 50):
        y = xy(10**low, ms).split(",")[1]
        parts.append(f'<text x="{left - 4}" y="{y}" text-anchor="end">{ms}</text>')
    row = 0
    for backend, measured in sizes.items():
        dash = ' stroke-dasharray="5,3"' if backend != "sqlite" else ""
        for kind in KINDS:
            line = " ".join(xy(n, r["search"][kind]["p95_ms"]) for n, r in sorted(measured.items()))
            parts.append(f'<polyline points="{line}" stroke="{COLOURS[kind]}" fill="none"{dash}/>')
            y = top + 12 * row
            parts.append(
                f'<line x1="{width - right + 8}" y1="{y}" x2="{width - right + 24}" y2="{y}" '
                f'stroke="{COLOURS[kind]}"{dash}/>'
                f'<text x="{width - right + 28}" y="{y + 3}">{backend} {kind}</text>'
            )
            row += 1
    return "\n".join([*parts, "</svg>"]) + "\n"
