"""Candidates of one LOC entity: the places its name may denote, and how they were found.

In order, the first that finds anything wins:

1. ``exact`` — the canonical name, the mentions and their lemmas, without a generic
   prefix («город Троицк»);
2. ``alias`` — other spellings (hyphen/space/none, «эш»/«эль», ``respellings``: «о»
   for «ё» after a hissing consonant, «э» for «е» inside a word, an apostrophe for a
   hyphen), Latin letters,
   nominatives guessed from case endings («Вадуце» → «Вадуц»), and a region named by
   its adjective alone («Воронежская» → «Воронежская область»);
3. ``containment`` — a place named inside a larger one: «Мокшанский район Пензенской
   области» keeps only the candidates that lie in the region the tail names (and, after
   ``derived``, a part named by its direction: «Южный Ливан», «Север Израиля»);
4. ``derived`` — a district or facility named after a settlement, placed at it:
   «Мокшанский район» → Мокшан, «Сухумский аэропорт» → Сухуми.

Streets, venues and the rest are left to the stage, which knows the article's city;
so are names found by no Russian spelling (``sounds.py``), which need the article's
countries to be trusted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import product

from svodka.doc import Entity
from svodka.knowledge.gazetteer import Entry, Gazetteer
from svodka.knowledge.toponyms import (
    article_words,
    is_latin,
    settlement_names,
    spelling_variants,
)
from svodka.lang.morph import inflect, lemma, parse
from svodka.lang.text import fold_name
from svodka.stages.places.sounds import find_sounding


@dataclass(frozen=True, slots=True)
class Found:
    """The candidates of an entity and the method that found them."""

    places: tuple[Entry, ...]
    method: str
    guessed: str = ""  # the nominative guessed from a case ending that found them


NOTHING = Found((), "unresolved")


def find_candidates(
    entity: Entity,
    gazetteer: Gazetteer,
    prefixes: frozenset[str],
    heads: dict[str, str],
    regions: tuple[tuple[str, str], ...] = (),
    directions: frozenset[str] = frozenset(),
) -> Found:
    """The entity's candidates (see the module docstring)."""
    names = list(lookup_names(entity, prefixes))
    lemmas = lemma_forms(entity)
    for name in names:
        found = gazetteer.find(name)
        if found:
            return Found(found, "exact", name if name in lemmas else "")
    for name in names:
        for variant in (*spelling_variants(name), *respellings(name), *without_article(name)):
            found = find_spelling(variant, gazetteer)
            if found:
                return Found(found, "alias", name if name in lemmas else "")
    for name in guesses(names):
        for variant in (name, *spelling_variants(name), *without_article(name)):
            found = find_spelling(variant, gazetteer)
            if found:
                return Found(found, "alias", name)
    for name in names:
        agreed = agreed_nominative(name)
        found = gazetteer.find(agreed) if agreed else ()
        if found:
            return Found(found, "alias", agreed)
    for name in elliptic_regions(names, regions):
        found = gazetteer.find(name)
        if found:
            return Found(found, "alias")
    words = fold_name(entity.name).split()
    inside = contained(words, gazetteer, heads)
    if inside:
        return Found(inside, "containment")
    derived = derive(words, gazetteer, heads)
    if derived:
        return Found(derived, "derived")
    part = part_of(words, gazetteer, directions)
    return Found(part, "containment") if part else NOTHING


def lookup_names(entity: Entity, prefixes: frozenset[str]) -> Iterator[str]:
    """The canonical name, without a generic prefix («город Троицк»), then the mentions'
    texts and, for one-word mentions, their lemmas."""
    names = [entity.name, *(m.text for m in entity.mentions)]
    for name in dict.fromkeys(fold_name(n) for n in names):
        yield name
        first, _, rest = name.partition(" ")
        if first in prefixes and rest:  # a generic word or a preposition («в абиджане»)
            yield rest
        if " " not in name:
            yield lemma(name)


def lemma_forms(entity: Entity) -> frozenset[str]:
    """The lookup names that are lemmas, not written forms: a place found by one of them
    is named by it («шарм-эш-шейх» from «Шарм-эш-Шейхе»)."""
    written = {fold_name(n) for n in (entity.name, *(m.text for m in entity.mentions))}
    return frozenset(lemma(n) for n in written if " " not in n) - written


#: «ё» written «о» after a hissing consonant («Линчопинг»: GeoNames «Линчёпинг», folded
#: «линчепинг»); «э» inside a word for «е» («Куинслэнд»).
HISSING_O = re.compile(r"(?<=[жчшщ])о")
INNER_E = re.compile(r"(?<=[бвгдзклмнпрстфхцчшщ])э")
MIN_RESPELLED = 6  # letters of a name worth respelling: a short one finds another place
QU = re.compile(r"(?<=к)уи")  # «Qu» as «куи» («Куинсленд»), GeoNames «кви»


def respellings(name: str) -> list[str]:
    """Transliteration variants of a folded name GeoNames spells otherwise: the hyphen
    dropped («аму-дарья» → «амударья»), «о» after a hissing consonant as «ё» (folded «е»),
    «э» inside a word as «е» (and «куи» as «кви»: «куинслэнд» → «квинсленд»), and one
    apostrophe of several as a hyphen («кот'д'ивуар» → «кот-д'ивуар»)."""
    if len(name) < MIN_RESPELLED:
        return []
    variants = [
        name.replace("-", ""),
        HISSING_O.sub("е", name),
        INNER_E.sub("е", name),
        name.replace("'", "-", 1),
        name.replace("’", "-", 1).replace("’", "'"),
        QU.sub("ви", INNER_E.sub("е", name)),
    ]
    return [v for v in dict.fromkeys(variants) if v != name]


def without_article(name: str) -> list[str]:
    """The name without a leading Arabic article («эн-насирия» → «насирия»)."""
    first, hyphen, rest = name.partition("-")
    words = article_words()
    return [rest] if hyphen and rest and (first in words or first in words.values()) else []


def find_spelling(name: str, gazetteer: Gazetteer) -> tuple[Entry, ...]:
    """A respelled name: Latin letters by the English names, else by the Russian ones."""
    return gazetteer.find_latin(name) if is_latin(name) else gazetteer.find(name)


def guesses(names: list[str]) -> Iterator[str]:
    for name in names:
        yield from guess_nominatives(name)


#: Oblique-case endings of place names and the nominative endings they may come from,
#: for names the morphological dictionary does not know (longest ending first):
#: «Усть-Илимске» → «Усть-Илимск», «Бурятии» → «Бурятия».
AT = ("city", "other")  # kinds of place a district or facility may be named after
MAX_GUESSED = 3  # words of a name whose nominatives are guessed
ENDINGS = (
    ("ой", ("ая", "ый", "ой", "а")),
    ("ей", ("яя", "я", "ь")),
    ("ом", ("", "о")),
    ("ем", ("ь", "е", "")),
    ("ии", ("ия",)),
    ("е", ("", "а", "я", "о")),
    ("и", ("ь", "я", "а", "")),
    ("у", ("", "а")),
    ("ю", ("ь", "я")),
    ("а", ("", "о")),
    ("ы", ("а",)),
    ("я", ("ь", "й")),
)


def guess_nominatives(name: str) -> Iterator[str]:
    """Possible nominatives of a name in an oblique case, word by word (three words at
    most: «Боснии и Герцеговины» → «Босния и Герцеговина»)."""
    words = name.split()
    if len(words) > MAX_GUESSED:
        return
    for option in product(*(word_nominatives(word) for word in words)):
        yield " ".join(option)


def word_nominatives(word: str) -> list[str]:
    """The word's possible nominatives, the word itself last (it may be one already:
    «Антигуа» in «Антигуа и Барбуды»); a hyphenated name may inflect its first part only
    («Славянске-на-Кубани» → «Славянск-на-Кубани»)."""
    first, hyphen, rest = word.partition("-")
    heads = [f"{f}-{rest}" for f in ending_nominatives(first)[:-1]] if hyphen else []
    return list(dict.fromkeys([*ending_nominatives(word)[:-1], *heads, word]))


def ending_nominatives(word: str) -> list[str]:
    """Nominatives by the word's case ending, the word itself last."""
    for ending, replacements in ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return [*dict.fromkeys(word[: -len(ending)] + r for r in replacements), word]
    return [word]


def agreed_nominative(name: str) -> str | None:
    """A phrase in the nominative singular, its adjectives agreeing with its last noun:
    «луганской народные республики» → «луганская народная республика», «черного морей»
    → «черное море» (the names a list of places or a plural leaves oblique); None when the
    phrase does not end in a noun or nothing changes."""
    words = name.split()
    if len(words) < 2 or len(words) > MAX_GUESSED:
        return None
    parses = [parse(word)[0] for word in words]
    if any({"nomn", "plur"} <= p.tag.grammemes for p in parses):
        return None  # a plural name as written («Красные холмы», «Северные территории»)
    noun = parses[-1].inflect({"nomn", "sing"}) if parses[-1].tag.POS == "NOUN" else None
    if noun is None or noun.tag.gender is None:
        return None
    agreed = [inflect_adjective(p, noun.tag.gender) for p in parses[:-1]]
    phrase = " ".join([*agreed, keep_stem(words[-1], noun.word)])
    return phrase if phrase != name else None


def inflect_adjective(adjective, gender: str) -> str:
    """An adjective in the nominative singular of ``gender``; any other word as it is."""
    if adjective.tag.POS not in ("ADJF", "PRTF"):
        return adjective.word
    return keep_stem(adjective.word, inflect(adjective, {"nomn", "sing", gender}))


def keep_stem(word: str, form: str | None) -> str:
    """The new form when it keeps the word's stem (all but its last three letters), else
    the word: pymorphy's guess may change a name's stem («алма-атинской»)."""
    stem = word[: max(1, len(word) - 3)]
    return form if form is not None and form.startswith(stem) else word


def elliptic_regions(names: list[str], regions: tuple[tuple[str, str], ...]) -> Iterator[str]:
    """A region named by its adjective alone: «воронежская» → «воронежская область»."""
    for name in names:
        if " " in name:
            continue
        base = lemma(name)
        for ending, replacement in regions:
            if base.endswith(ending):
                yield base[: -len(ending)] + replacement


def phrase_forms(words: list[str]) -> Iterator[str]:
    """A phrase as written, its words' lemmas («пензенской области» → «пензенский
    область»), and guessed nominatives («пензенская область»)."""
    phrase = " ".join(words)
    yield phrase
    yield " ".join(lemma(w) for w in words)
    yield from guess_nominatives(phrase)


def find_phrase(words: list[str], gazetteer: Gazetteer) -> tuple[Entry, ...]:
    for form in phrase_forms(words):
        found = gazetteer.find(form)
        if found:
            return found
    return ()


def contained(words: list[str], gazetteer: Gazetteer, heads: dict[str, str]) -> tuple[Entry, ...]:
    """Candidates of the head part that lie in the place the tail names, else ()."""
    for cut in range(1, len(words)):
        containers = find_phrase(words[cut:], gazetteer)
        if not containers:
            continue
        head = words[:cut]
        inner = find_phrase(head, gazetteer) or derive(head, gazetteer, heads)
        inside = tuple(p for p in inner if any(lies_in(p, c) for c in containers))
        if inside:
            return inside
    return ()


def lies_in(place: Entry, container: Entry) -> bool:
    """The place is in the container: its first-level region, or its country."""
    if container.kind == "country":
        return place.country == container.country
    return container.admin1 is not None and place.admin1 == container.admin1


def derive(words: list[str], gazetteer: Gazetteer, heads: dict[str, str]) -> tuple[Entry, ...]:
    """A district or facility named after a settlement: the adjective's settlements, or
    the settlement or landmark named after the head word, as places of the phrase's kind
    («Сухумский аэропорт» → an ``other`` at Сухуми, «порт Находка» → at Находка,
    «вокзал Даньдуна» → at Даньдун, «аэропорт Стэнстед» → at Stansted)."""
    lemmas = [lemma(w) for w in words]
    kinds = [heads[w] for w in lemmas if w in heads]
    if not kinds:
        return ()
    name = " ".join(words)
    rest = " ".join(w for w, w_lemma in zip(words, lemmas, strict=True) if w_lemma not in heads)
    after = [rest, *guess_nominatives(rest)] if lemmas[0] in heads and rest else []
    for names in (*(settlement_names(w) for w in words), after):
        cities = [p for place in names for p in gazetteer.find(place) if p.kind in AT]
        if cities:
            cities.sort(key=lambda p: -(p.population or 0))  # equal scores: the larger first
            return tuple(as_derived(city, name, kinds[0]) for city in cities)
    return ()


def part_of(
    words: list[str], gazetteer: Gazetteer, directions: frozenset[str]
) -> tuple[Entry, ...]:
    """A part of a place named by its direction, in that place: «Южный Ливан» → a region
    of Lebanon, «Западный Бейрут» → a part of Beirut at its point."""
    if len(words) < 2 or lemma(words[0]) not in directions:
        return ()
    name = " ".join(words)
    return tuple(as_part(p, name) for p in find_phrase(words[1:], gazetteer))


def as_part(place: Entry, name: str) -> Entry:
    """The part: a region of a country or region, else a place at the whole's point."""
    kind = "region" if place.kind in ("country", "region") else "other"
    return replace(place, name=name, kind=kind, geonameid=None, population=None, code=None)


def as_derived(city: Entry, name: str, kind: str) -> Entry:
    """The derived place: the settlement's point and region under the phrase's own name."""
    return replace(city, name=name, kind=kind, geonameid=None, population=None, code=None)


def sounding(entity: Entity, gazetteer: Gazetteer, prefixes: frozenset[str]) -> tuple[Entry, ...]:
    """Places whose Latin name sounds like the entity's name or one of its guessed
    nominatives, with or without an Arabic article («Ростамкола» → Rostam Kolā)."""
    names = list(lookup_names(entity, prefixes))
    names = [*names, *guesses(names)]
    return find_sounding([*names, *(bare for n in names for bare in without_article(n))], gazetteer)
