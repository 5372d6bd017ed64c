"""Direct speech after a colon with no quote marks, as Wikinews sets a block quote:

    Медведев сказал:
    Система большая, сложная, за последние годы она развивалась …

- the clause before the colon has a reporting verb («сказал:», «говорится:»), and its
  speaker is that verb's subject or the place that speaks («В заявлении клуба говорится:»);
- the quote is the paragraph that follows: the rest of the line after the colon, or the
  next line when the colon ends its line; a blank line after the colon means the quote
  was left out of the text, and nothing is taken;
- a quote mark or a dash after the colon is marked speech, read by ``direct``;
- a clause in lowercase after the colon («МВД заявило: часть бумаг уничтожена») is
  reported speech to the end of its sentence.
"""

from __future__ import annotations

from svodka.lang.text import DASHES, QUOTES
from svodka.stages.quotes.phrases import Claim, Phrase
from svodka.stages.quotes.subjects import clause_start, locative, subject_left
from svodka.stages.quotes.view import View

MAX_VERB_REACH = 4  # tokens from the colon back to its reporting verb: «сказал журналистам:»
MIN_WORDS = 3  # a quote of fewer words is a list or a heading


def find_unmarked(view: View, inside: list[bool]) -> list[Claim]:
    """Every unmarked quote after «X сказал:», outside the direct quotes ``inside``."""
    claims: list[Claim] = []
    for k, token in enumerate(view.tokens):
        if token.text != ":" or inside[k] or view.quoted[k]:
            continue
        found = after_colon(view, k)
        if found is not None:
            claims.append(found)
    return claims


def after_colon(view: View, colon: int) -> Claim | None:
    """The quote after the colon at token ``colon``, when a reporting verb introduces it."""
    verb = reporting_verb(view, colon)
    if verb is None:
        return None
    span = paragraph_after(view.text, view.tokens[colon].stop)
    kind = "direct"
    if span is None and verb == colon - 1:  # not «напоминает человека: у него …»
        span, kind = clause_after(view, colon), "indirect"
    if span is None:
        return None
    start, stop = span
    if len(view.text[start:stop].split()) < MIN_WORDS:
        return None
    return Claim(start, stop, kind, view.tokens[verb].text, verb, speaker(view, verb, colon))


def clause_after(view: View, colon: int) -> tuple[int, int] | None:
    """«МВД заявило: часть бумаг уничтожена …»: a clause in lowercase after the colon,
    reported to the end of its sentence (indirect); None when a mark, a dash or another
    colon follows."""
    first = colon + 1
    _, hi = view.unit(colon)
    if first >= hi or not view.tokens[first].text[:1].islower():
        return None
    if any(view.word(j) == ":" for j in range(first, hi)):
        return None
    last = hi
    while last > first and view.is_punct(last - 1) and not view.is_mark(last - 1):
        last -= 1
    return (view.tokens[first].start, view.tokens[last - 1].stop) if last > first else None


def reporting_verb(view: View, colon: int) -> int | None:
    """The reporting verb right before the colon: «сказал:», «говорится в заявлении:»."""
    lo, _ = view.unit(colon)
    for j in range(colon - 1, max(lo, colon - MAX_VERB_REACH) - 1, -1):
        if view.is_mark(j) or view.word(j) in (".", ";", "?", "!"):
            return None
        if view.verb(j):
            return j
    return None


def paragraph_after(text: str, offset: int) -> tuple[int, int] | None:
    """The paragraph a colon at ``offset`` introduces, or None: not a blank line, not
    marked speech."""
    start = offset
    while start < len(text) and text[start] in " \t\u00a0":
        start += 1
    if start < len(text) and text[start] == "\n":
        start += 1
    if start >= len(text) or text[start].isspace() or text[start] in QUOTES | DASHES:
        return None
    if not (text[start].isupper() or text[start].isdecimal()):
        return None  # «заявил: обстановка …» is a list or a clause, not a block quote
    stop = text.find("\n", start)
    stop = len(text) if stop < 0 else stop
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return start, stop


def speaker(view: View, verb: int, colon: int) -> Phrase | str:
    """The subject of the reporting verb, the place that speaks, or the last speaker."""
    lo, _ = view.unit(verb)
    start = clause_start(view, verb, lo)
    form = view.finite_verb(verb)
    found = subject_left(view, verb, start, form) if form is not None else None
    if found is None:
        found = locative(view, start, verb) or locative(view, verb + 1, colon)
    return found if found is not None else "last"
