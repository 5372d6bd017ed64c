"""Claims found by the direct and indirect finders, made consistent with each other.

Every step sorts once and bisects, so a 10 MB article with thousands of quotes stays
linear in practice.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from svodka.doc import Document, Quote
from svodka.lang.text import QUOTES
from svodka.resources import read_lines
from svodka.stages.quotes.discourse import NOBODY, Speaker
from svodka.stages.quotes.phrases import Claim
from svodka.stages.quotes.view import View

#: What may stand between the quotes of a clause made only of quotes: «"…" и "…"».
JOINERS = frozenset(read_lines("quotes/joiners.txt")) | {","}
#: Words between a clause's opening comma and its cue: «…, хотя сам X считает …».
CLAUSE_OPENERS = frozenset(read_lines("quotes/clause_openers.txt"))


def merge_claims(view: View, direct: list[Claim], indirect: list[Claim]) -> list[Claim]:
    """Direct and indirect claims as one list: quoted clauses made direct, clauses cut
    where another claim's clause begins, duplicates and empty wrappers dropped."""
    claims = direct + split_quoted(view, indirect)
    cut_at_other_clauses(view, claims)
    return drop_weak_wrappers(view, dedupe(claims))


def split_quoted(view: View, claims: list[Claim]) -> list[Claim]:
    """A reported clause that is one quote («считают, что «…»») is that direct quote;
    one made only of quotes («"хочет обогатиться" и "не быть солидарным"») is several."""
    result = []
    for c in claims:
        pieces = quote_pieces(view, c) if c.kind == "indirect" else []
        result.extend(replace(c, start=a, stop=b, kind="direct") for a, b in pieces)
        if not pieces:
            result.append(c)
    return result


def quote_pieces(view: View, c: Claim) -> list[tuple[int, int]]:
    """The quoted spans a claim's content consists of, or [] when it has other words."""
    pieces, k, end = [], view.index(c.start), view.index(c.stop)
    while k < end:
        m = view.opened_at(k)
        if m is not None and m.closed and m.stop <= c.stop:
            pieces.append((m.start, m.stop))
            k = view.index(m.stop) + 1
        elif view.word(k) in JOINERS:
            k += 1
        else:
            return []
    return pieces


def cut_at_other_clauses(view: View, claims: list[Claim]) -> None:
    """«Как напоминает «Коммерсант», последним отказался «Базовый элемент», там сочли,
    что …»: a claim whose cue came first ends at the comma where another claim's own
    clause begins. A clause that begins the content is nested in it and stays."""
    clauses = sorted(
        (view.tokens[b.clause].start, b.clause, n)
        for n, b in enumerate(claims)
        if b.clause >= 0 and b.kind != "mention"
    )
    offsets = [offset for offset, _, _ in clauses]
    for n, a in enumerate(claims):
        if not a.cuttable:
            continue
        first = bisect_right(offsets, a.start)
        for _, clause, other in clauses[first : bisect_left(offsets, a.stop)]:
            comma = comma_before(view, clause)
            if other == n:
                continue
            if comma is None or a.at <= comma <= a.cue_last:
                continue  # the comma closes a's own attribution: «…, как сообщает CNN, многие …»
            a.stop = min(a.stop, view.tokens[comma - 1].stop)


def comma_before(view: View, k: int) -> int | None:
    """The comma that opens the clause at ``k``, past conjunctions: «…, хотя сам X …»."""
    j = k - 1
    while j > 0 and (view.word(j) in CLAUSE_OPENERS or view.word(j) in view.lex.connectors):
        j -= 1
    return j if j > 0 and view.word(j) == "," else None


def dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per content span and kind; the first found wins."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for c in claims:
        key = (c.start, c.stop, c.kind)
        if c.kind == "mention" or c.refers_back:
            kept.append(c)  # «Об этом …» gives its speaker to the claims it covers
        elif key not in seen and c.start < c.stop:
            seen.add(key)
            kept.append(c)
    return kept


def drop_weak_wrappers(view: View, claims: list[Claim]) -> list[Claim]:
    """«Путин подчеркнул, что …, сообщают в Кремле»: people in a place attributing a
    sentence that already reports someone's words add nothing; the claim is dropped."""
    cues = sorted(view.tokens[c.at].start for c in claims if c.kind != "mention")
    kept = []
    for c in claims:
        own = view.tokens[c.at].start
        inside = bisect_left(cues, c.stop) - bisect_left(cues, c.start)
        inside -= c.start <= own < c.stop
        if not (c.weak and inside > 0):
            kept.append(c)
    return kept


def refer_back(resolved: list[tuple[Claim, Speaker]]) -> list[tuple[Claim, Speaker]]:
    """«В администрации убеждены, что … . Об этом заявил министр X»: X is the speaker of
    the weak claims in the sentence before; with none there, the sentence is X's claim."""
    by_start = sorted(range(len(resolved)), key=lambda i: resolved[i][0].start)
    starts = [resolved[i][0].start for i in by_start]
    speakers = [speaker for _, speaker in resolved]
    dropped: set[int] = set()
    for n, (c, speaker) in enumerate(resolved):
        if not c.refers_back:
            continue
        covered = [
            i
            for i in by_start[bisect_left(starts, c.start) : bisect_right(starts, c.stop)]
            if i != n and resolved[i][0].stop <= c.stop and resolved[i][0].kind != "mention"
        ]
        if covered:
            dropped.add(n)
        for i in covered:
            if resolved[i][0].weak or speakers[i] is NOBODY:
                speakers[i] = speaker
    return [(c, speakers[n]) for n, (c, _) in enumerate(resolved) if n not in dropped]


def join_interrupted(view: View, quotes: list[Quote]) -> list[Quote]:
    """«Насосы работали всю ночь, — рассказал директор Рихо Соби. — Угрозы нет»: the
    parts of one quote around its own attribution are one quote (GUIDE), its content
    running from the first part to the last; ``quotes`` are in text order."""
    spans = sorted((m.start, m.stop) for m in view.marked if m.depth == 0)
    starts = [start for start, _ in spans]
    joined: list[Quote] = []
    for q in quotes:
        last = joined[-1] if joined else None
        if last is not None and same_marks(view.doc, spans, starts, last, q):
            joined[-1] = replace(last, stop=q.stop, text=view.text[last.start : q.stop])
        else:
            joined.append(q)
    return joined


def same_marks(
    doc: Document, spans: list[tuple[int, int]], starts: list[int], a: Quote, b: Quote
) -> bool:
    """Whether direct quotes ``a`` and ``b`` (in that order) are said by one speaker
    inside one pair of quote marks, with only the attribution between them."""
    if a.kind != "direct" or b.kind != "direct" or a.stop > b.start:
        return False
    if (a.speaker, a.speaker_name) != (b.speaker, b.speaker_name):
        return False
    n = bisect_right(starts, a.start) - 1
    if n < 0 or spans[n][1] < b.stop:
        return False
    return not any(c in QUOTES for c in doc.text[a.stop : b.start])


def drop_nested_repeats(quotes: list[Quote]) -> list[Quote]:
    """«X сообщил, что, по его мнению, …», «считает, что эти утверждения «…»»: a quote
    inside a reported clause of the same speaker says nothing more. A partly quoted
    clause is kept whole (it is indirect, GUIDE); of two reported clauses ending
    together, the inner one is the content («Уайльд не обрадовался бы …»)."""
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].start, -quotes[i].stop))
    open_: list[int] = []  # the quotes that still cover the current one
    dropped: set[int] = set()
    for i in order:
        q = quotes[i]
        while open_ and quotes[open_[-1]].stop <= q.start:
            open_.pop()
        outer = next((j for j in open_ if j not in dropped and repeats(quotes[j], q)), None)
        if outer is None:
            open_.append(i)
        elif q.kind == "indirect" and q.stop == quotes[outer].stop:
            dropped.add(outer)
            open_.append(i)
        else:
            dropped.add(i)
    return [q for i, q in enumerate(quotes) if i not in dropped]


def repeats(outer: Quote, inner: Quote) -> bool:
    """Whether ``inner`` lies in the reported clause ``outer`` and has its speaker."""
    return (
        outer.kind == "indirect"
        and not outer.source
        and outer.start <= inner.start
        and inner.stop <= outer.stop
        and (outer.start, outer.stop) != (inner.start, inner.stop)
        and (outer.speaker, outer.speaker_name) == (inner.speaker, inner.speaker_name)
    )
