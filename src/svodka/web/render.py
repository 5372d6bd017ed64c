"""An analyzed document as highlighted HTML, displaCy-style, built from the contract offsets.

Two layers of spans are drawn. Quotes are the outer layer: a ``<span class="quote">`` that
is closed and reopened around nothing — it only wraps text and inner marks, so a quote
containing «Токаев» is one quote with one mark inside. Entity mentions, amounts and dates
are the inner layer, ``<a>`` or ``<mark>`` with a small type label. Where inner spans
overlap, the one that starts earlier wins, and at the same start the longer one
(«10 тысяч жителей» as an amount over «тысяч» as anything else).

Each event gets an anchor (``id="ev-v1"``) where its clause starts, or where the mark
that holds that point starts, so a link can point at its sentence; one chosen event's
clause is wrapped in ``<span class="clause">`` around everything else.

The text is cut at every span boundary and each piece is escaped with ``markupsafe``: the
only markup in the result is the markup written here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import quote

from markupsafe import Markup, escape

from svodka.doc import Document, Tone
from svodka.web.labels import LABELS
from svodka.web.links import rooted
from svodka.web.tones import tone_name, tone_phrase, tone_sign, tone_words

#: Marks a ``Mark`` can be; the CSS colours them.
KINDS = ("PER", "ORG", "LOC", "amount", "date")


@dataclass(frozen=True, slots=True)
class Mark:
    """An inner span: an entity mention, an amount or a date."""

    start: int
    stop: int
    kind: str  # PER, ORG, LOC, amount, date
    label: str  # the small tag after the text: «PER», «число»
    title: str  # the tooltip: the entity's name, the amount's value
    href: str | None = None
    tone: Tone | None = None  # a mention's tone: a sign in the tag, words in the tooltip


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """An outer span: a quote, with who said it."""

    start: int
    stop: int
    speaker: str | None
    href: str | None = None
    tone: Tone | None = None


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an event's clause starts, as a link target: ``#ev-v1``."""

    at: int
    id: str
    title: str


def entity_url(key: str) -> str:
    """The entity page of ``key``: ``/entities/per:касым-жомарт%20токаев`` (under the
    root path)."""
    return rooted("/entities/" + quote(key, safe=":"))


def linker(known: Callable[[str], bool] | None = None) -> Callable[[str], str | None]:
    """Key → entity page URL, or None when the key is empty or ``known`` says no."""

    def link(key: str) -> str | None:
        if not key or (known is not None and not known(key)):
            return None
        return entity_url(key)

    return link


def document_marks(doc: Document, link: Callable[[str], str | None]) -> list[Mark]:
    """Every mention, amount and date of ``doc`` as a mark, unsorted and overlapping."""
    marks = [
        Mark(m.start, m.stop, e.type, e.type, e.name, link(e.key), m.tone)
        for e in doc.entities
        for m in e.mentions
    ]
    for a in doc.amounts:
        value = f"{a.value:g}" + (f" {a.unit}" if a.unit else "")
        marks.append(Mark(a.start, a.stop, "amount", LABELS["mark.amount"], value))
    for d in doc.dates:
        marks.append(Mark(d.start, d.stop, "date", LABELS["mark.date"], d.value or d.text))
    return marks


def document_quotes(doc: Document, link: Callable[[str], str | None]) -> list[QuoteSpan]:
    """The quotes of ``doc`` with their speakers' names and pages."""
    spans = []
    for q in doc.quotes:
        speaker = doc.entity(q.speaker) if q.speaker else None
        if speaker is not None:
            spans.append(QuoteSpan(q.start, q.stop, speaker.name, link(speaker.key), q.tone))
        else:
            spans.append(QuoteSpan(q.start, q.stop, q.speaker_name, tone=q.tone))
    return spans


def drop_overlaps(spans: Iterable) -> list:
    """The spans that do not overlap an earlier (or, at the same start, a longer) one."""
    kept: list = []
    for span in sorted(spans, key=lambda s: (s.start, s.start - s.stop)):
        if span.stop > span.start and (not kept or span.start >= kept[-1].stop):
            kept.append(span)
    return kept


def highlight(
    doc: Document, link: Callable[[str], str | None] | None = None, chosen: str | None = None
) -> Markup:
    """The text of ``doc`` as safe HTML with its quotes, mentions, amounts and dates marked
    and its events anchored; ``link`` maps entity keys to pages (default: every key
    links); ``chosen`` names an event («v1») whose clause is wrapped."""
    link = link or linker()
    marks = drop_overlaps(document_marks(doc, link))
    quotes = drop_overlaps(document_quotes(doc, link))
    clause = next(((e.start, e.stop) for e in doc.events if e.id == chosen), None)
    return weave(doc.text, marks, quotes, event_anchors(doc, marks), clause)


def event_anchors(doc: Document, marks: list[Mark]) -> list[Anchor]:
    """An anchor for each event at its clause's start, moved back to the start of a mark
    that holds that point (a mark is never cut by an anchor)."""
    anchors = []
    for event in doc.events:
        mark = covering(marks, event.start)
        at = mark.start if mark is not None else event.start
        anchors.append(Anchor(at, f"ev-{event.id}", f"{event.type}: {event.trigger}"))
    return anchors


def weave(
    text: str,
    marks: list[Mark],
    quotes: list[QuoteSpan],
    anchors: Sequence[Anchor] = (),
    clause: tuple[int, int] | None = None,
) -> Markup:
    """``text`` cut at every boundary, each piece escaped and wrapped in its quote and mark
    (and in the chosen clause), anchors before the piece they start.

    Both lists are sorted and free of overlaps. A mark that crosses a quote's edge is drawn
    in two pieces; its label goes after the last piece."""
    bounds = [x for s in (*marks, *quotes) for x in (s.start, s.stop)]
    cuts = sorted({0, len(text), *bounds, *(a.at for a in anchors), *(clause or ())})
    out: list[str] = []
    for start, stop in pairwise(cuts):
        if stop > len(text):
            break
        out += [wrap_anchor(a) for a in anchors if a.at == start]
        mark = covering(marks, start)
        quote_ = covering(quotes, start)
        piece = escape(text[start:stop])
        if mark is not None:
            piece = wrap_mark(mark, piece, last=mark.stop == stop)
        if quote_ is not None:
            piece = wrap_quote(quote_, piece, first=quote_.start == start, last=quote_.stop == stop)
        if clause is not None and clause[0] <= start < clause[1]:
            piece = f'<span class="clause">{piece}</span>'
        out.append(piece)
    return Markup("".join(out))


def wrap_anchor(anchor: Anchor) -> str:
    """An event's anchor: a small flag that links to the event in the side panel."""
    return (
        f'<a class="event-anchor" id="{escape(anchor.id)}" href="#{escape(anchor.id)}-panel" '
        f'title="{escape(anchor.title)}">⚑</a>'
    )


def covering(spans: list, at: int):
    """The span that contains offset ``at``, or None (spans are few: a linear scan)."""
    return next((s for s in spans if s.start <= at < s.stop), None)


def wrap_mark(mark: Mark, piece: str, *, last: bool) -> str:
    """A piece of a mark; the last one carries its tag, and a mention's tone sign («−»,
    «+») inside it. A toned mention has ``data-tone`` (neg, neu, pos) for the CSS and its
    tone in words in the tooltip."""
    sign = tone_sign(mark.tone)
    tag = escape(mark.label) + (Markup(f'<span class="tone-sign">{sign}</span>') if sign else "")
    label = f'<span class="tag">{tag}</span>' if last else ""
    kind = escape(mark.kind)
    title = escape(mark.title + (f" · {tone_phrase(mark.tone)}" if mark.tone else ""))
    toned = f' data-tone="{tone_name(mark.tone)}"' if mark.tone else ""
    attributes = f'class="mark mark-{kind}" data-type="{kind}"{toned} title="{title}"'
    if mark.href:
        return f'<a {attributes} href="{escape(mark.href)}">{piece}{label}</a>'
    return f"<mark {attributes}>{piece}{label}</mark>"


def wrap_quote(span: QuoteSpan, piece: str, *, first: bool, last: bool) -> str:
    """A piece of a quote; the first piece opens it, the last one names the speaker and,
    for a quote with a tone, gives it as a sign with a tooltip in words (``tone-note``)."""
    speaker = escape(span.speaker or LABELS["quote.unknown"])
    classes = "quote" + (" quote-start" if first else "") + (" quote-end" if last else "")
    classes += f" tone-{tone_name(span.tone)}" if span.tone else ""
    title = f"{LABELS['mark.quote']}: {speaker}"
    html = f'<span class="{classes}" title="{title}">{piece}</span>'
    if not last:
        return html
    if span.href:
        who = f'<a class="speaker" href="{escape(span.href)}">— {speaker}</a>'
    else:
        who = f'<span class="speaker">— {speaker}</span>'
    return html + who + tone_note(span.tone)


def tone_note(tone: Tone | None) -> str:
    """After a quote: its tone as a sign («−», «·», «+») whose tooltip says it in words."""
    if tone is None:
        return ""
    words = escape(f"{LABELS['tone.quote']}: {tone_words(tone)}")
    sign = tone_sign(tone) or "·"
    return f'<span class="tone-note tone-{tone_name(tone)}" title="{words}">{sign}</span>'


def weave_plain(text: str, spans: list) -> Markup:
    """``text`` escaped, with each of the sorted, non-overlapping ``spans`` in ``<mark>``:
    a search snippet's matched words."""
    out, at = [], 0
    for span in spans:
        out += [
            escape(text[at : span.start]),
            Markup("<mark>"),
            escape(text[span.start : span.stop]),
        ]
        out.append(Markup("</mark>"))
        at = span.stop
    out.append(escape(text[at:]))
    return Markup("").join(out)


# ------------------------------------------------------------------------ search snippets

#: Wiki markup left in imported texts, as a search snippet would show it: a piped link or
#: image option keeps only what follows its last «|» («thumb|left|Покушение» →
#: «Покушение», «Венесуэла|Венесуэле» → «Венесуэле»); an external link «[https://… text]»
#: keeps its text.
WIKI_MARKUP = re.compile(r"(?:[^\s|\[\]]+\|)+(?=[^\s|])|\[https?://[^\s\]]*\s?|(?<=\S)\]")


def clean_snippet(
    snippet: str, highlights: Iterable[tuple[int, int]], title: str | None = None
) -> tuple[str, list[tuple[int, int]]]:
    """A search snippet as a reader wants it: without wiki markup, and without the
    headline when the snippet starts with it (the hit's title is shown above it); the
    highlighted ranges move with the text, and a range inside a dropped part is dropped."""
    dropped = [(m.start(), m.end()) for m in WIKI_MARKUP.finditer(snippet)]
    head = (title or "").strip()
    if head and snippet.startswith(head) and snippet[len(head) : len(head) + 1].isspace():
        rest = len(head) + len(snippet[len(head) :]) - len(snippet[len(head) :].lstrip())
        if rest < len(snippet):  # a snippet that is only the headline stays
            dropped = [(0, rest), *((a, b) for a, b in dropped if a >= rest)]
    kept, at = [], 0
    for start, stop in dropped:
        kept.append(snippet[at:start])
        at = stop
    kept.append(snippet[at:])

    def moved(offset: int) -> int:
        return offset - sum(min(stop, offset) - start for start, stop in dropped if start < offset)

    ranges = [(moved(a), moved(b)) for a, b in highlights]
    return "".join(kept), [(a, b) for a, b in ranges if b > a]
