"""Tone as the UI shows it: in words («тон: негативный, −0,41»), as a sign beside a mark
(«−», «+»), as a CSS name (``neg``, ``neu``, ``pos``), and as the entity page's strip of
tone over time, drawn on the server in SVG.

Colour is never the only carrier: every coloured mark has a sign and a tooltip in words,
every column of the strip a tooltip with its counts, the strip a text summary beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from svodka.doc import Tone, ToneSummary
from svodka.web.labels import LABELS, label

#: A tone's label → its CSS name.
NAMES = {-1: "neg", 0: "neu", 1: "pos"}
#: The sign shown beside a mark of that tone (none for neutral).
SIGNS = {-1: "−", 0: "", 1: "+"}


def tone_name(tone: Tone | None) -> str:
    """«neg», «neu», «pos», or "" without a tone."""
    return NAMES.get(tone.label, "") if tone is not None else ""


def tone_sign(tone: Tone | None) -> str:
    return SIGNS.get(tone.label, "") if tone is not None else ""


def signed(value: float) -> str:
    """«+0,41», «−0,41», «0,00»: a score the Russian way, with its sign."""
    text = f"{abs(value):.2f}".replace(".", ",")
    return ("+" if value > 0.005 else "−" if value < -0.005 else "") + text


def tone_words(tone: Tone | None) -> str:
    """«негативный, −0,41»; "" without a tone."""
    if tone is None:
        return ""
    word = LABELS["tone." + NAMES.get(tone.label, "neu")]
    return f"{word}, {signed(tone.score)}"


def tone_phrase(tone: Tone | None) -> str:
    """«тон: негативный, −0,41»; "" without a tone."""
    return label("tone.phrase", words=tone_words(tone)) if tone is not None else ""


def summary_name(summary: ToneSummary | None) -> str:
    """The CSS name of a summary: «neg» with more negative mentions than positive, «pos»
    with more positive, else «neu»; "" without one."""
    if summary is None:
        return ""
    if summary.negative != summary.positive:
        return "neg" if summary.negative > summary.positive else "pos"
    return "neu"


def summary_phrase(summary: ToneSummary | None) -> str:
    """«средний тон +0,12: негативных 1, нейтральных 5, позитивных 2»; "" without one."""
    if summary is None:
        return ""
    counts = label("tone.counts", neg=summary.negative, neu=summary.neutral, pos=summary.positive)
    return f"{label('tone.mean', mean=signed(summary.mean))}: {counts}"


def count_phrase(row) -> str:
    """The tooltip of a period or an outlet: its counts and mean (a ``TonePeriod``,
    ``ToneSource`` or ``ToneCount``)."""
    counts = label("tone.counts", neg=row.negative, neu=row.neutral, pos=row.positive)
    if row.mean is None:
        return f"{label('tone.documents', n=row.documents)}; {LABELS['tone.unknown']}"
    mean = label("tone.mean", mean=signed(row.mean))
    return f"{label('tone.documents', n=row.documents)}; {mean}: {counts}"


def tone_strip_svg(periods: Sequence, *, height: int = 96) -> Markup:
    """One column per period («YYYY-MM» or «YYYY», a ``TonePeriod``): the shares of its
    negative (bottom), neutral and positive (top) mentions stacked to the full height, a
    period without any as an outline, and a dash at the mean score (+1 at the top, −1 at
    the bottom); each column's tooltip gives its counts and mean tone in words. Years
    are labelled every one, months every third."""
    if not periods:
        return Markup("")
    yearly = len(periods[0].period) == 4
    bar, gap, every = (36, 8, 1) if yearly else (14, 3, 3)
    top, bottom = 4, 18
    inner = height - top - bottom
    width = len(periods) * (bar + gap) + gap + (0 if yearly else 40)
    parts = []
    for i, p in enumerate(periods):
        x = gap + i * (bar + gap)
        tip = f"<title>{escape(p.period)}: {escape(count_phrase(p))}</title>"
        parts.append(f"<g>{tip}{column(x, top, bar, inner, p)}</g>")
        if i % every == 0:
            at, anchor = (x + bar / 2, "middle") if yearly else (x, "start")
            parts.append(
                f'<text class="period" x="{at}" y="{height - 4}" text-anchor="{anchor}">'
                f"{escape(p.period)}</text>"
            )
    unit = "year" if yearly else "month"
    return Markup(
        f'<svg class="tone-strip tone-strip-{unit}" viewBox="0 0 {width} {height}" '
        f'width="{max(width, 120)}" height="{height}" role="img" '
        f'aria-label="{escape(LABELS["entity.tone_hint"])}">{"".join(parts)}</svg>'
    )


def column(x: float, top: float, bar: float, inner: float, period) -> str:
    """The stacked rectangles of one period, bottom up: negative, neutral, positive."""
    n = period.negative + period.neutral + period.positive
    if not n:
        return f'<rect class="empty" x="{x}" y="{top}" width="{bar}" height="{inner}"/>'
    rects, y = [], top + inner
    stack = (("neg", period.negative), ("neu", period.neutral), ("pos", period.positive))
    for name, count in stack:
        h = inner * count / n
        y -= h
        if count:
            rects.append(
                f'<rect class="tone-{name}" x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}"/>'
            )
    if period.mean is not None:  # the mean on the same axis: +1 at the top, −1 at the bottom
        at = top + inner * (1 - period.mean) / 2
        rects.append(
            f'<line class="mean" x1="{x - 1}" x2="{x + bar + 1}" y1="{at:.1f}" y2="{at:.1f}"/>'
        )
    return "".join(rects)
