"""Document-level fixes on top of the NER model's spans.

The model sees one chunk at a time and knows no names; these rules see the whole
document and read word lists:

- drop pronouns, polite forms and common nouns («с Вами согласен», «по данным СМИ»);
- split spans the model ran across list separators («Монако • Намибия»);
- a gazetteer of well-known organisations and of countries adds missed mentions, fixes
  types («Евросоюз» is ORG) and widens partial ones («Голос Америки» over «Америки»);
- label consistency: every span's type is its most frequent one in the document, and a
  name tagged once is tagged wherever else it recurs, inflected or not.

Words are compared by lemma, so «Газпрома» matches the entry «Газпром».
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from svodka.doc import Document, Span
from svodka.lang import morph
from svodka.lang.caches import word_cache
from svodka.lang.text import QUOTES
from svodka.resources import country_names, read_lines, read_table
from svodka.stages.ner.capitals import (
    drop_capitalised_common,
    is_common_word,
    trim_lowercase_head,
)
from svodka.stages.ner.facilities import add_facilities
from svodka.stages.ner.joined import join_abbreviations, split_joined_names

Key = tuple[str, ...]
MAX_COMPLEMENT = 8  # words after «по»: «по развитию гражданского общества и правам человека»
SEPARATORS = frozenset("•|;·()[],\n")  # a name never runs over a line break
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rules:
    pronouns: frozenset[str]
    not_names: frozenset[str]
    legal_forms: frozenset[str]
    complements: frozenset[str]
    complement_heads: frozenset[str]
    gazetteer: Names
    streets: frozenset[str]  # «улица», «проспект», «отель»: a name follows
    seats: Names  # «Белый дом»: an administration named by its seat
    place_preps: frozenset[str]  # «в», «у»: the seat as a place
    facilities: dict[str, str]  # «аэропорт» → where its name stands: «both», «before»


@dataclass(frozen=True, slots=True)
class Names:
    """Names by their token keys («газпром»,) → type, with what a lookup needs: the
    longest key and the words a key opens with."""

    types: dict[Key, str]
    longest: int
    firsts: frozenset[str]


def index_names(types: dict[Key, str]) -> Names:
    """A table of names ready for ``find_matches``."""
    return Names(types, max(map(len, types), default=0), frozenset(k[0] for k in types if k))


def load_rules() -> Rules:
    """Read the word lists and build the gazetteer of organisations and countries."""
    entries = {name: "LOC" for name in country_names()}
    entries.update(dict(read_table("places/world_regions.tsv")))
    entries.update(dict(read_table("orgs/known.tsv")))
    gazetteer = {key_of(name.split()): type_ for name, type_ in entries.items()}
    return Rules(
        pronouns=frozenset(read_lines("names/pronouns.txt")),
        not_names=frozenset(read_lines("names/not_names.txt")),
        legal_forms=frozenset(read_lines("orgs/legal_forms.txt")),
        complements=frozenset(read_lines("orgs/complements.txt")),
        complement_heads=frozenset(read_lines("orgs/complement_heads.txt")),
        gazetteer=index_names(gazetteer),
        streets=frozenset(read_lines("places/street_words.txt")),
        seats=index_names({key_of(n.split()): "ORG" for n in read_lines("ner/seats.txt")}),
        place_preps=frozenset(read_lines("ner/place_prepositions.txt")),
        facilities=dict(read_table("places/facility_heads.tsv")),
    )


def key_of(words: list[str]) -> Key:
    """Lemmas of Russian words, lowercased; other words as they are, lowercased."""
    return tuple(word_key(w) for w in words)


@word_cache(0.5)
def word_key(word: str) -> str:
    """The lemma of a Russian word, lowercased; another word as it is, lowercased."""
    return morph.lemma(word) if CYRILLIC.search(word) else word.lower()


def correct_spans(doc: Document, spans: list[Span], rules: Rules) -> list[Span]:
    """Fix the model's spans for one document."""
    spans = [
        trim_stray_quote(t)
        for span in spans
        for s in split_at_separators(doc, span)
        for t in split_joined_names(s)
    ]
    spans = [
        strip_legal_form(s, rules)
        for s in spans
        if not is_pronoun(s, rules) and not is_domain_zone(doc, s)
    ]
    sentence_starts = {s.start for s in doc.sentences}
    spans = [
        trim_lowercase_head(t)
        for s in spans
        if (t := trim_common_head(s, sentence_starts)) is not None
    ]
    keys = [word_key(t.text) for t in doc.tokens]
    spans = apply_gazetteer(doc, keys, spans, rules.gazetteer)
    spans = [widen_over_adjectives(doc, s) for s in spans]
    spans = join_abbreviations(doc, spans)
    spans = add_facilities(doc, spans, keys, rules.streets, rules.facilities)
    spans = type_seats(doc, keys, spans, rules)
    spans = extend_complements(doc, spans, rules)
    spans = drop_capitalised_common(doc, unify_types(spans))
    learned = {span_key(doc, keys, s): s.type for s in spans}
    spans = add_recurrences(doc, keys, spans, learned)
    return sorted(spans, key=lambda s: s.start)


def trim_stray_quote(span: Span) -> Span:
    """«Кориера делла Сера»» where the opening quote fell outside: drop the closing one."""
    text = span.text
    if len(text) > 1 and text.endswith("»") and text.count("«") < text.count("»"):
        text = text[:-1].rstrip()
        return Span(span.start, span.start + len(text), span.type, text)
    if len(text) > 1 and text.endswith(('"', "”")) and text.count('"') + text.count("“") == 1:
        text = text[:-1].rstrip()  # «Исламское государство"»
        return Span(span.start, span.start + len(text), span.type, text)
    return span


def trim_common_head(span: Span, sentence_starts: set[int]) -> Span | None:
    """«Итальянка Клементина Кантони» → «Клементина Кантони»; «Обвиняемый» alone is no
    person. Only a word opening a sentence, in its dictionary form, known only as a
    common word: «Шумов первым…» is a name (not the form of «шум» it could be)."""
    if span.type != "PER" or span.start not in sentence_starts:
        return span
    start = span.start
    for word in span.text.split(" "):
        if not (is_common_word(word) and morph.lemma(word) == word.lower()):
            break
        start += len(word) + 1
    if start >= span.stop:
        return None
    return Span(start, span.stop, span.type, span.text[start - span.start :])


def is_pronoun(span: Span, rules: Rules) -> bool:
    """True for «Вами», «Вы» (every word a pronoun) and common nouns such as «СМИ»."""
    words = span.text.lower().split()
    return all(word in rules.pronouns for word in words) or span.text.lower() in rules.not_names


def is_domain_zone(doc: Document, span: Span) -> bool:
    """«в зоне .РФ» names a domain, not Russia (but «г.Москве» is Moscow)."""
    before = doc.text[max(0, span.start - 2) : span.start]
    return before.endswith(".") and (len(before) < 2 or before[0].isspace())


def strip_legal_form(span: Span, rules: Rules) -> Span:
    """«ОАО «Газпром»» → «Газпром», «ИА Regnum» → «Regnum»: the name after the form."""
    first, _, rest = span.text.partition(" ")
    if span.type != "ORG" or first.lower() not in rules.legal_forms or not rest:
        return span
    if rest[0] not in QUOTES and not rest[0].isascii():
        return span
    inner = rest.strip("".join(QUOTES) + "'")  # «БК 'Динамо'»: old feeds quote with «'»
    start = span.start + span.text.index(inner)
    return Span(start, start + len(inner), span.type, inner)


def widen_over_adjectives(doc: Document, span: Span) -> Span:
    """«японского МИДа», «московского «Центра»»: the lowercase adjectives made from
    place names right before an organisation are part of its name (at most two)."""
    if span.type != "ORG":
        return span
    k = bisect_left(doc.tokens, span.start, key=lambda t: t.start)
    start = span.start
    for token in reversed(doc.tokens[max(0, k - 2) : k]):
        if not (token.text.isalpha() and token.text.islower() and is_relational(token.text)):
            break
        start = token.start
    return Span(start, span.stop, span.type, doc.text[start : span.stop])


def type_seats(doc: Document, keys: list[str], spans: list[Span], rules: Rules) -> list[Span]:
    """«пресс-секретарь Белого дома», «Белый дом заявил»: a seat of power (``ner/seats.txt``)
    names its administration, an ORG, in a document where it acts anywhere; where it
    only ever follows a place preposition («выступал в Белом доме») it is a LOC."""
    found = list(find_matches(doc, keys, rules.seats))
    if not found:
        return spans
    starts = [t.start for t in doc.tokens]
    table = {}
    for match in found:
        key = span_key(doc, keys, match)
        k = bisect_left(starts, match.start)
        at_place = k > 0 and doc.tokens[k - 1].text.lower() in rules.place_preps
        if not at_place or key not in table:
            table[key] = "LOC" if at_place else "ORG"
    return apply_gazetteer(doc, keys, spans, index_names(table))


def extend_complements(doc: Document, spans: list[Span], rules: Rules) -> list[Span]:
    """«Совета при Президенте РФ по развитию информационного общества»: an organisation
    name goes on over «при/по/против» and the oblique-case words after it, taking in
    the places inside it («МЧС России по Санкт-Петербургу»)."""
    index = SpanIndex(spans)
    starts = [t.start for t in doc.tokens]
    swallowed: set[Span] = set()
    result = []
    for span in spans:
        if span.type == "ORG" and span not in swallowed and takes_complement(span, rules):
            stop = complement_end(doc, starts, index, span.stop, rules.complements)
            if stop > span.stop:
                swallowed.update(index.overlapping(span.stop, stop))
                span = Span(span.start, stop, "ORG", doc.text[span.start : stop])
        result.append(span)
    return [s for s in result if s not in swallowed]


def takes_complement(span: Span, rules: Rules) -> bool:
    """«Совета …» may go on with «по …»; «Минздрав …» and «Конгресс США …» do not."""
    for word in span.text.split():
        if word.isalpha():
            parse = morph.parse(word.lower())[0]
            if parse.tag.POS == "NOUN":
                return parse.normal_form in rules.complement_heads
    return False


def complement_end(
    doc: Document, starts: list[int], index: SpanIndex, stop: int, preps: frozenset[str]
) -> int:
    """Where the complement after an organisation name ends, or ``stop`` if it has none."""
    tokens = doc.tokens
    k = skip_place(doc, starts, index, bisect_left(starts, stop))
    if k >= len(tokens) or tokens[k].text.lower() not in preps:
        return stop
    end, k = stop, k + 1
    for _ in range(MAX_COMPLEMENT):
        after = skip_place(doc, starts, index, k)
        if after > k:  # a place or organisation inside the name
            end, k = tokens[after - 1].stop, after
        elif k < len(tokens) and tokens[k].text == "и":
            k += 1
        elif k < len(tokens) and tokens[k].text.islower() and is_oblique(tokens[k].text):
            end, k = tokens[k].stop, k + 1
        else:
            break
    return end


def skip_place(doc: Document, starts: list[int], index: SpanIndex, k: int) -> int:
    """The token index after a place or organisation span starting at token ``k``."""
    if k < len(doc.tokens):
        found = index.overlapping(doc.tokens[k].start, doc.tokens[k].stop)
        if found and found[0].type in ("LOC", "ORG"):
            return bisect_left(starts, found[0].stop)
    return k


def is_oblique(word: str) -> bool:
    """A noun or adjective in a case other than the nominative: «развитию», «общества»."""
    parse = morph.parse(word)[0]
    return parse.tag.POS in ("NOUN", "ADJF", "PRTF") and morph.case_of(parse.tag) != "nomn"


def is_relational(word: str) -> bool:
    """An adjective made from a place: «японского», «московского» — not «торговая»."""
    parse = morph.parse(word)[0]
    return parse.tag.POS == "ADJF" and parse.normal_form.endswith(("ский", "цкий"))


def split_at_separators(doc: Document, span: Span) -> Iterator[Span]:
    """«Монако • Намибия» → «Монако», «Намибия»."""
    start = span.start
    for i in range(span.start, span.stop + 1):
        if i == span.stop or doc.text[i] in SEPARATORS:
            piece = doc.text[start:i]
            left = start + len(piece) - len(piece.lstrip())
            right = start + len(piece.rstrip())
            if right > left and any(c.isalnum() for c in doc.text[left:right]):
                yield Span(left, right, span.type, doc.text[left:right])
            start = i + 1


def span_key(doc: Document, keys: list[str], span: Span) -> Key:
    """The token keys a span covers, taken from the document's keys computed once."""
    first = bisect_left(doc.tokens, span.start, key=lambda t: t.start)
    last = bisect_left(doc.tokens, span.stop, lo=first, key=lambda t: t.start)
    return tuple(keys[first:last])


def find_matches(doc: Document, keys: list[str], names: Names) -> Iterator[Span]:
    """Longest matches of ``names`` over the token ``keys``, left to right, each starting
    at a word that is not lowercase («Газпром», «ЕС», «Amnesty») and opens a name."""
    table, longest = names.types, names.longest
    tokens, free = doc.tokens, 0  # tokens before ``free`` are in a match already
    for i in [i for i, key in enumerate(keys) if key in names.firsts]:
        text = tokens[i].text
        if i < free or text[:1].islower() or not text[:1].isalnum():
            continue
        for size in range(min(longest, len(tokens) - i), 0, -1):
            key = tuple(keys[i : i + size])
            if key in table:
                start, stop = tokens[i].start, tokens[i + size - 1].stop
                yield Span(start, stop, table[key], doc.text[start:stop])
                free = i + size
                break


def apply_gazetteer(doc: Document, keys: list[str], spans: list[Span], names: Names) -> list[Span]:
    """Add, retype or widen spans where a gazetteer name occurs.

    A match wins when every span it overlaps lies inside it; matches never overlap
    each other, so each is decided on the original spans.
    """
    index = SpanIndex(spans)
    dropped: set[Span] = set()
    added = []
    for match in find_matches(doc, keys, names):
        inside = index.overlapping(match.start, match.stop)
        if all(match.start <= s.start and s.stop <= match.stop for s in inside):
            dropped.update(inside)
            added.append(match)
    return [s for s in spans if s not in dropped] + added


def add_recurrences(
    doc: Document, keys: list[str], spans: list[Span], learned: dict[Key, str]
) -> list[Span]:
    """Tag the untagged recurrences of names tagged elsewhere in the document."""
    if not learned:
        return spans
    index = SpanIndex(spans)
    sentence_starts = {s.start for s in doc.sentences}
    found = find_matches(doc, keys, index_names(learned))
    return spans + [
        m
        for m in found
        if not index.overlapping(m.start, m.stop)
        and not (m.start in sentence_starts and is_common_word(m.text))
    ]


class SpanIndex:
    """Spans sorted by start, for finding the ones that overlap a range in log time.

    The spans given must not overlap each other (the model's never do).
    """

    def __init__(self, spans: list[Span]):
        self.spans = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]

    def overlapping(self, start: int, stop: int) -> list[Span]:
        """The spans that share a character with ``[start, stop)``."""
        k = bisect_left(self.starts, stop) - 1
        found = []
        while k >= 0 and self.spans[k].stop > start:
            found.append(self.spans[k])
            k -= 1
        return found


def unify_types(spans: list[Span]) -> list[Span]:
    """Give every occurrence of one surface form its most frequent type in the document."""
    votes: dict[str, Counter[str]] = {}
    for span in spans:
        votes.setdefault(span.text, Counter())[span.type] += 1
    best = {text: counter.most_common(1)[0][0] for text, counter in votes.items()}
    return [
        s if s.type == best[s.text] else Span(s.start, s.stop, best[s.text], s.text) for s in spans
    ]
