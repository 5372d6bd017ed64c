"""Streets, venues and facilities the model misses or cuts short. The guide counts them
as places (LOC):

- a street word before a name: «на проспекте Карла Маркса» (the model reads a person),
  «на улице Ленина», «на площади Независимости» → LOC with the street word;
- a venue word before a quoted name: «в спорткомплексе «Олимпийский»», «в отеле
  «Шератон»» → LOC, the quoted name alone;
- a facility word before or after its name: «с космодрома Восточный», «Сухумский
  аэропорт», «Гудаутскую военную базу» → LOC with the facility word.

The words are data: ``places/street_words.txt`` and ``places/facility_heads.tsv``. A
street word before another place («улицы Лондона») or an organisation the model found,
and a plural one («улиц»), start no name; neither does «на базе …» («based on»). A name
never runs over a line break: «…директор порта⏎⏎Убит …» is a headline's end, then the text.
"""

from __future__ import annotations

from svodka.doc import Document, Span, Token
from svodka.lang import morph
from svodka.lang.text import CLOSING_QUOTES, OPENING_QUOTES

MAX_NAME = 4  # words of an unquoted name after a street or facility word
MAX_QUOTED = 5  # words inside the quotes of a venue's name


def add_facilities(
    doc: Document,
    spans: list[Span],
    lemmas: list[str],
    streets: frozenset[str],
    heads: dict[str, str],
) -> list[Span]:
    """``spans`` with the streets, venues and facilities of ``doc`` added as LOC spans;
    the spans they cover are dropped. ``lemmas`` are the tokens' lemmas (the rules'
    keys), read once for the whole document."""
    found = []
    for k, token in enumerate(doc.tokens):
        word = lemmas[k] if token.text.isalpha() else ""
        kind = heads.get(word) or ("street" if word in streets else None)
        if kind in ("street", "both", "venue") and is_singular(token.text):
            found.append(named_after(doc, spans, k, kind))
        if kind in ("both", "before"):
            found.append(named_before(doc, k))
    found = [f for f in found if f is not None and not is_place_span(f, spans)]
    return merge(spans, found)


def named_after(doc: Document, spans: list[Span], k: int, kind: str) -> Span | None:
    """«проспекте Карла Маркса», «космодрома Восточный» (the head kept); «отеле
    «Шератон»» (the quoted name alone; after a ``venue`` word even when the model read an
    organisation). A facility's name is in apposition, so it can be nominative: «порт
    Новороссийска» names the city's port. A street's name may be genitive («улица
    Ленина»), but not a place's: «улицы Лондона» are the streets of London. A person the
    model found after a facility word is in apposition to it, not its name: «директор
    порта Леонид Бочков»."""
    tokens, head = doc.tokens, doc.tokens[k]
    if k + 1 >= len(tokens):
        return None
    quoted = quoted_name(doc, k + 1)
    if quoted is not None:
        inside = [s for s in spans if overlap(s, quoted)]
        taken = kind != "venue" or any(s.type != "ORG" for s in inside)
        return None if inside and taken else quoted
    first = tokens[k + 1]
    if not is_name_word(first) or first.text.isupper():
        return None
    if kind == "street" and is_place_name(first.text):
        return None
    if kind != "street" and not can_be_nominative(first.text):
        return None
    stop = first.stop
    for span in spans:
        if span.start == first.start:
            if kind != "street" and span.type == "PER":
                return None  # «директор порта Леонид Бочков»: a person, in apposition
            stop = span.stop
            break
    else:
        last = k + 1
        while last - k < MAX_NAME and last + 1 < len(tokens) and continues(doc, last):
            last += 1
        stop = tokens[last].stop
    return on_one_line(doc, head.start, stop)


def quoted_name(doc: Document, k: int) -> Span | None:
    """The name inside quotes opening at token ``k``, when it is short and capitalised."""
    tokens = doc.tokens
    if tokens[k].text not in OPENING_QUOTES:
        return None
    for end in range(k + 2, min(k + 2 + MAX_QUOTED, len(tokens))):
        if tokens[end].text in CLOSING_QUOTES:
            inner = tokens[k + 1 : end]
            if not inner[0].text[:1].isupper():
                return None
            start, stop = inner[0].start, inner[-1].stop
            return Span(start, stop, "LOC", doc.text[start:stop])
    return None


def named_before(doc: Document, k: int) -> Span | None:
    """«Сухумский аэропорт», «Гудаутскую военную базу»: a capitalised adjective, at most one
    lowercase adjective, then the facility word."""
    tokens = doc.tokens
    first = k - 1
    if first >= 0 and tokens[first].text.islower() and is_adjective(tokens[first].text):
        first -= 1
    if first < 0 or not is_place_adjective(tokens[first].text):
        return None
    return on_one_line(doc, tokens[first].start, tokens[k].stop)


def continues(doc: Document, k: int) -> bool:
    """Whether the name goes on at token ``k + 1``: a capitalised word on the same line."""
    after = doc.tokens[k + 1]
    return is_name_word(after) and "\n" not in doc.text[doc.tokens[k].stop : after.start]


def on_one_line(doc: Document, start: int, stop: int) -> Span | None:
    """The LOC span ``[start, stop)``, unless a line break runs through it."""
    text = doc.text[start:stop]
    return None if "\n" in text else Span(start, stop, "LOC", text)


def is_place_name(word: str) -> bool:
    """«Лондона», «Германии»: the dictionary knows the word as a place's name."""
    return any("Geox" in p.tag for p in morph.parse(word.lower()))


def is_singular(word: str) -> bool:
    """«проспекте», «аэропорту»: a singular reading comes first; not «улиц», «стадионах»."""
    return "plur" not in morph.parse(word.lower())[0].tag


def overlap(a: Span, b: Span) -> bool:
    """Whether two spans share a character."""
    return a.start < b.stop and b.start < a.stop


def can_be_nominative(word: str) -> bool:
    """«Восточный», «Шереметьево» (indeclinable): yes; «Новороссийска»: no."""
    return any(morph.case_of(p.tag) in ("nomn", None) for p in morph.parse(word.lower()))


def is_place_adjective(word: str) -> bool:
    """A capitalised adjective made from a place: the dictionary marks it so («Сухумский»,
    «Пулковский») or does not know it («Гудаутскую»); not «Морской» or «Международный»."""
    if not word[:1].isupper() or not is_adjective(word):
        return False
    return not morph.known(word) or any("Geox" in p.tag for p in morph.parse(word.lower()))


def is_adjective(word: str) -> bool:
    """A full adjective in any case: «Сухумский», «военную»."""
    return morph.parse(word.lower())[0].tag.POS == "ADJF"


def is_name_word(token: Token) -> bool:
    """A capitalised word: «Карла», «Маркса»."""
    return token.text[:1].isupper() and token.text.isalpha()


def is_place_span(span: Span, spans: list[Span]) -> bool:
    """A quoted name the model already reads as a place («гостиница «Россия»»): left
    alone, or the hotel would become the country."""
    return any(s.start == span.start and s.stop == span.stop and s.type == "LOC" for s in spans)


def merge(spans: list[Span], found: list[Span]) -> list[Span]:
    """The found spans in place of those they overlap; of overlapping found ones, the
    longest."""
    chosen: list[Span] = []
    for span in sorted(found, key=lambda s: s.start - s.stop):
        if not any(overlap(s, span) for s in chosen):
            chosen.append(span)
    kept = [s for s in spans if not any(overlap(c, s) for c in chosen)]
    return sorted(kept + chosen, key=lambda s: s.start)
