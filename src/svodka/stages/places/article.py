"""What the article's own words say about where its places are.

- ``adjective_countries``: country adjectives count as the article naming the country
  («канадской полиции» → CA), beside its places, when a name fits several countries
  («Энфилд»: Canada or the USA). The adjectives are ``roles/country_adjectives.tsv``,
  the table the roles and coref stages read.
- ``shared_country``: a river, lake or range across borders takes the first of its
  countries (``places/feature_countries.tsv``) the article points to, else its main one.
- ``head_before``: the common noun right before a name the gazetteer lacks, and the
  adjective before that noun: «на парижском кладбище Пер-Лашез», «в озере Юлемисте».
  The name after such a noun is in apposition, so it keeps its nominative form.
- ``city_after``: the settlement a street's phrase names after it («улица Ленина в
  Самаре»); ``city_near``: the settlement named next to a feature in apposition («озеро
  Юлемисте на окраине Таллина»); ``restore_case``: a guessed nominative in its
  mention's letter case.
- ``article_home``: where the article is, for the names the gazetteer lacks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from svodka.doc import Document, Entity
from svodka.knowledge.gazetteer import Entry, Gazetteer
from svodka.knowledge.toponyms import settlement_names
from svodka.lang.morph import lemma

#: Endings of a country adjective in any case, gender and number.
ADJECTIVE_ENDINGS = "ий|ый|ой|ая|ое|ие|ые|ого|ому|ом|ую|ей|их|ых|ими|ыми|им|ым"
WORD = re.compile(r"[А-Яа-яЁё-]+")
CITY_AFTER = re.compile(r"[»\"“”]?,?\s+(?:в|во|на)\s+")  # «улица Ленина в Самаре»: before the city
NEAR = 60  # characters between a feature in apposition and the settlement it lies at
SENTENCE_END = re.compile(r"[.!?]\s")
PARTS = re.compile(r"([ -])")  # the words and hyphenated parts of a name


@dataclass(frozen=True, slots=True)
class Adjectives:
    """A pattern of every country adjective and its stem → ISO country code."""

    pattern: re.Pattern | None
    countries: dict[str, str]


def read_adjectives(
    rows: tuple[tuple[str, ...], ...], code_of: Callable[[str], str | None]
) -> Adjectives:
    """The pattern from (adjective, country name) rows; ``code_of`` gives a country
    name's code."""
    stems = {}
    for adjective, country in rows:
        code = code_of(country)
        if code and len(adjective) > 4:
            stems[adjective[:-2].lower()] = code
    if not stems:
        return Adjectives(None, {})
    alternatives = "|".join(sorted(map(re.escape, stems), key=len, reverse=True))
    # lowercase, matched against lowercased text: IGNORECASE over 93 alternatives took 4×
    pattern = re.compile(rf"\b({alternatives})(?:{ADJECTIVE_ENDINGS})\b")
    return Adjectives(pattern, stems)


def adjective_countries(text: str, adjectives: Adjectives) -> Counter:
    """How often the text uses each country's adjective."""
    if adjectives.pattern is None:
        return Counter()
    return Counter(adjectives.countries[stem] for stem in adjectives.pattern.findall(text.lower()))


def adjective_country(word: str, adjectives: Adjectives) -> str | None:
    """The country whose adjective the word is («Саудовские» → SA), else None."""
    match = adjectives.pattern.fullmatch(word.lower()) if adjectives.pattern else None
    return adjectives.countries[match.group(1)] if match else None


def shared_country(countries: tuple[str, ...], default: bool, context: Counter) -> str | None:
    """The feature's country the article points to most, else its main one when it has
    a default, else None."""
    named = [c for c in countries if context[c]]
    if named:
        return max(named, key=lambda c: context[c])
    return countries[0] if default and countries else None


@dataclass(frozen=True, slots=True)
class Head:
    """The noun before a name («кладбище»), the word before the noun («парижском») and
    the name as written after the noun, in apposition («Пер-Лашез»)."""

    noun: str
    before: str
    name: str


def head_before(doc: Document, entity: Entity, heads: dict[str, str]) -> Head | None:
    """The first mention right after one of ``heads`` («кладбище», «озеро»), else None."""
    for mention in entity.mentions:
        before = doc.text[max(0, mention.start - 60) : mention.start].rstrip('«"„“')
        words = WORD.findall(before)
        if not words or not before[-1:].isspace():
            continue
        noun = lemma(words[-1].lower())
        if noun in heads:
            return Head(noun, words[-2] if len(words) > 1 else "", mention.text)
    return None


def adjective_city(head: Head, heads: dict[str, str], gazetteer: Gazetteer) -> Entry | None:
    """The largest settlement a venue noun's adjective comes from («парижском» → Paris)."""
    if heads[head.noun] != "local":
        return None
    names = settlement_names(head.before)
    cities = [p for name in names for p in gazetteer.find(name) if p.kind == "city"]
    return max(cities, key=lambda p: p.population or 0, default=None)


def city_after(doc: Document, entity: Entity, starts: dict[int, Entry]) -> Entry | None:
    """The settlement a street's phrase names right after it: «улица Ленина в Самаре»."""
    for mention in entity.mentions:
        match = CITY_AFTER.match(doc.text, mention.stop)
        place = starts.get(match.end()) if match else None
        if place is not None and place.kind == "city":
            return place
    return None


def city_near(doc: Document, entity: Entity, starts: dict[int, Entry]) -> Entry | None:
    """The settlement named closest to a mention within ``NEAR`` characters of the same
    sentence: «в озере Юлемисте, расположенном на окраине Таллина»."""
    best, distance = None, NEAR + 1
    for mention in entity.mentions:
        for start, place in starts.items():
            if place.kind != "city":
                continue
            gap = start - mention.stop if start >= mention.stop else mention.start - start
            between = doc.text[min(start, mention.stop) : max(start, mention.start)]
            if 0 <= gap < distance and not SENTENCE_END.search(between):
                best, distance = place, gap
    return best


def restore_case(name: str, entity: Entity) -> str:
    """A folded name in the letter case of the mention it comes from, part by part
    («шарм-эль-шейх» from «Шарм-эль-Шейхе» → «Шарм-эль-Шейх»)."""
    parts = PARTS.split(name)
    for mention in entity.mentions:
        written = PARTS.split(mention.text)
        if len(written) == len(parts) and written[0][:3].lower() == parts[0][:3]:
            return "".join(
                part[:1].upper() + part[1:] if old[:1].isupper() else part
                for part, old in zip(parts, written, strict=True)
            )
    return name


#: An unknown name is placed from the article only when this share of the article's
#: place mentions lie in one country.
HOME_SHARE = 0.75


def article_home(
    locs: list[Entity], places: dict[str, tuple[Entry, float, str]]
) -> tuple[Entry | str | None, Entry | None]:
    """Where the article is: its home (its most mentioned settlement, else its country,
    when most of its place mentions, ``HOME_SHARE``, lie in that country; else None), and
    its most mentioned settlement, for streets and districts, whatever the countries."""
    cities, countries = Counter(), Counter()
    for entity in locs:
        if entity.id in places:
            place = places[entity.id][0]
            if place.kind == "city" and place.geonameid is not None:
                cities[place] += len(entity.mentions)
            if place.country:
                countries[place.country] += len(entity.mentions)
    top_city = top(cities)
    if not countries:
        return None, top_city
    country, mentions = countries.most_common(1)[0]  # a country code of the gazetteer
    if mentions < HOME_SHARE * countries.total():
        return None, top_city  # no guess in an article about several countries
    home = top(Counter({c: n for c, n in cities.items() if c.country == country}))
    return home or country, top_city


def top(counts: Counter) -> Entry | None:
    """The most counted entry, the first seen on a tie."""
    return max(counts, key=lambda c: counts[c], default=None)
