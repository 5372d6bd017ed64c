"""Coref: one entity per real-world referent in a document.

- Same type and same normal form → same entity.
- A person's surname-only, first-name-only or initial+surname mention joins the
  full-name entity it fits («Токаев», «К.-Ж. Токаев» → «Касым-Жомарт Токаев»); when
  several fit, the nearest one before it wins.
- Places and organisations join through an alias table and generic prefixes
  («Республики Казахстан» → «Казахстан», «РФ» → «Россия»); organisations also through
  their abbreviations («МГУ» → «Московский государственный университет»).

The entity's name is the fullest person name, or the most frequent ORG/LOC form.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from svodka.config import Config
from svodka.doc import Document, Entity, Mention, Span
from svodka.knowledge.gazetteer import Gazetteer, load_gazetteer
from svodka.knowledge.keys import expand, load_tables
from svodka.lang.names import normalize
from svodka.lang.person import drop_patronymic
from svodka.lang.qualified import join_countries, merge_acronyms, merge_types
from svodka.lang.text import QUOTES
from svodka.resources import country_names, read_lines, read_table

REQUIRES = ("spans", "spans.normal")
PROVIDES = ("entities",)


@dataclass(frozen=True, slots=True)
class Resources:
    aliases: dict[str, str]
    prefixes: frozenset[str]
    canonical: dict[str, str]  # lowercase → the alias table's spelling: «россия» → «Россия»
    abbreviations: dict[str, str]  # folded short name → folded full name
    endings: frozenset[str]  # case endings two forms of one name may differ by
    first_names: dict[str, str]  # short form of a first name → full: «тони» → «энтони»
    short_forms: frozenset[str]  # the keys of ``first_names``
    places: Gazetteer  # two names it knows apart are never case variants of each other
    countries: frozenset[str]  # lowercase canonical country names: «россия», «сша»


def load(config: Config) -> Resources:
    """Read the alias table, the generic prefixes and the organisation abbreviations."""
    listed = {alias.lower(): name for alias, name in read_table("names/canonical.tsv")}
    table = {name: listed.get(usual.lower(), usual) for name, usual in country_names().items()}
    table.update(read_table("names/canonical.tsv"))
    aliases = {alias.lower(): name for alias, name in table.items()}
    return Resources(
        aliases=aliases,
        prefixes=frozenset(read_lines("places/generic_prefixes.txt")),
        canonical={name.lower(): name for name in table.values()},
        abbreviations=load_tables().abbreviations,
        endings=frozenset(["", *read_lines("names/case_endings.txt")]),
        first_names=dict(read_table("names/first_name_variants.tsv")),
        short_forms=frozenset(first for first, _ in read_table("names/first_name_variants.tsv")),
        places=load_gazetteer(),  # cached: the places stage shares it
        countries=frozenset(
            listed.get(usual.lower(), usual).lower() for usual in country_names().values()
        ),
    )


def apply(doc: Document, res: Resources) -> Document:
    """Group the document's spans into entities."""
    groups: dict[tuple[str, str], list[Span]] = {}
    keys: dict[tuple[str, str], str] = {}  # (type, normal) → group key: a mention repeats
    spans = [close_inner_quote(doc, s) for s in doc.spans]
    for span in join_countries(doc, spans):  # «МВД» «Индии» → «МВД Индии»
        key = keys.get((span.type, span.normal))
        if key is None:
            key = keys[(span.type, span.normal)] = group_key(span, res)
        groups.setdefault((span.type, key), []).append(span)
    groups = merge_case_variants(groups, res.endings, res.places)
    groups = merge_qualified(groups, res)
    groups = merge_acronyms(groups)
    groups = merge_types(groups)
    groups = merge_short_names(groups, res.endings)
    ordered = sorted(groups.items(), key=lambda item: item[1][0].start)
    entities = tuple(
        make_entity(
            f"e{i}",
            spans,
            used_canonical(key, spans, res),
            res.short_forms,
        )
        for i, (key, spans) in enumerate(ordered, 1)
    )
    return replace(doc, entities=entities)


def used_canonical(key: tuple[str, str], spans: list[Span], res: Resources) -> str | None:
    """The alias table's name for a group where the GUIDE takes it: when the text uses
    it, or for a place the text names only by an abbreviation or an official form
    («РФ», «Российской Федерации» → Россия). «Белоруссии» stays Белоруссия and a lone
    «ЕС» stays ЕС."""
    name = res.canonical.get(key[1]) if key[0] != "PER" else None
    if name is None or any(s.normal.lower() == name.lower() for s in spans):
        return name
    if key[0] != "LOC":
        return None
    plain = any(" " not in s.normal and not s.normal.isupper() for s in spans)
    return None if plain else name


def close_inner_quote(doc: Document, span: Span) -> Span:
    """«РИА "Новости» → «РИА "Новости"»: a quote opened inside a name closes in it."""
    text, after = span.text, doc.text[span.stop : span.stop + 1]
    opened = text.count("«") > text.count("»") or (text.count('"') % 2 and '"' in text[1:])
    if opened and after in ('"', "»", "“", "”") and text[:1] not in QUOTES:
        return replace(span, stop=span.stop + 1, text=text + after)
    return span


def group_key(span: Span, res: Resources) -> str:
    """The lowercase key spans of one referent share before person names are joined."""
    key = span.normal.lower()
    if span.type == "PER":
        first, _, rest = drop_patronymic(key.title()).lower().partition(" ")
        return " ".join(filter(None, (res.first_names.get(first, first), rest)))
    key = res.aliases.get(key, key)
    if span.type == "ORG":
        return country_tail(expand(key, res.abbreviations), res)
    first, _, rest = key.partition(" ")
    if span.type == "LOC" and first in res.prefixes and rest:
        key = res.aliases.get(rest, rest)
    return key.lower()


def country_tail(key: str, res: Resources) -> str:
    """«министерство обороны рф» and «… россии» share the key «министерство обороны
    россия»: a country closing an organisation's name is keyed by its canonical name."""
    head, _, last = key.rpartition(" ")
    if not head or not last.isalpha():
        return key
    for name in (last, normalize(last.title(), "LOC").lower()):
        country = res.aliases.get(name, name).lower()
        if country in res.countries:
            return f"{head} {country}"
    return key


def merge_case_variants(
    groups: dict[tuple[str, str], list[Span]], endings: frozenset[str], places: Gazetteer
) -> dict[tuple[str, str], list[Span]]:
    """Join groups whose keys differ only by case endings, word by word: «панкисском
    ущелье» ~ «панкисское ущелье», «ливана» ~ «ливан», «лоре буш» ~ «лора буш».

    A lone person's name is left to :func:`merge_short_names` (namesakes differ there);
    two places the gazetteer knows each by its own name stay apart («бразилиа» is the
    city, «бразилия» the country). The larger group's key is kept.
    """
    order = sorted(groups, key=lambda k: -len(groups[k]))
    target: dict[tuple[str, str], tuple[str, str]] = {}
    # Case variants share the first three letters of every word (:func:`word_variant`),
    # so only keys in one bucket are compared.
    buckets: dict[tuple, list[tuple[str, str]]] = {}
    for key in order:
        bucket = buckets.setdefault((key[0], *(w[:3] for w in key[1].split())), [])
        bucket.append(key)
        if key[0] == "PER" and len(key[1].split()) < 2:
            continue
        for other in bucket[:-1]:
            if (
                other not in target
                and case_variant(key[1], other[1], endings)
                and not both_places(key, other, places)
            ):
                target[key] = other
                break
    merged: dict[tuple[str, str], list[Span]] = {}
    for key in order:
        merged.setdefault(target.get(key, key), []).extend(groups[key])
    return merged


def both_places(key: tuple[str, str], other: tuple[str, str], places: Gazetteer) -> bool:
    """Two LOC names that each name a place of the gazetteer: different places."""
    return key[0] == "LOC" and bool(places.find(key[1])) and bool(places.find(other[1]))


def case_variant(a: str, b: str, endings: frozenset[str]) -> bool:
    """Every word of ``a`` equals the word of ``b`` or differs from it by a case ending."""
    words, others = a.split(), b.split()
    return len(words) == len(others) and all(
        x == y or word_variant(x, y, endings) for x, y in zip(words, others, strict=True)
    )


def word_variant(a: str, b: str, endings: frozenset[str]) -> bool:
    """«ливана» ~ «ливан», «моуринью» ~ «моуринья»; «иран» ≁ «ирак»."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    if min(len(a), len(b)) < 4:
        return False
    # «панкисском» ~ «панкисское»: the shared «о» belongs to the endings, so back off.
    return any(a[k:] in endings and b[k:] in endings for k in range(n, 2, -1))


def merge_qualified(
    groups: dict[tuple[str, str], list[Span]], res: Resources
) -> dict[tuple[str, str], list[Span]]:
    """Join a short organisation name to the one longer name that adds a country:
    «МВД» → «МВД Индии», «Минобороны» → «Минобороны России»."""
    keys = [k for k in groups if k[0] == "ORG"]
    merged = dict(groups)
    for key in keys:
        longer = [
            k for k in keys if k[1].startswith(key[1] + " ") and is_country(k[1], key[1], res)
        ]
        if len(longer) == 1 and key in merged and longer[0] in merged:
            merged[longer[0]] = sorted(merged.pop(key) + merged[longer[0]], key=lambda s: s.start)
    return merged


def is_country(full: str, short: str, res: Resources) -> bool:
    """The words ``full`` adds to ``short`` name a country: «индии», «рф», «россии»."""
    tail = full[len(short) :].strip()
    names = (tail, normalize(tail, "LOC").lower())
    return any(n in res.aliases or n in res.canonical for n in names)


def merge_short_names(
    groups: dict[tuple[str, str], list[Span]], endings: frozenset[str] = frozenset()
) -> dict[tuple[str, str], list[Span]]:
    """Join a person mentioned by part of their name to the full name that fits it."""
    full = {
        key: [s.start for s in spans]
        for key, spans in groups.items()
        if key[0] == "PER" and is_full_name(key[1])
    }
    merged: dict[tuple[str, str], list[Span]] = {}
    for key, spans in groups.items():
        fits = (
            []
            if key[0] != "PER" or key in full
            else [k for k in full if fits_name(key[1], k[1], endings)]
        )
        for span in spans:
            target = nearest(fits, span.start, full) if fits else key
            merged.setdefault(target, []).append(span)
    for spans in merged.values():
        spans.sort(key=lambda s: s.start)
    return merged


def is_full_name(key: str) -> bool:
    """«сергей иванов», not «иванов» and not «в. в. путин» (initials join a full name)."""
    words = key.split()
    return len(words) > 1 and not any(is_initial(w) for w in words)


def is_initial(word: str) -> bool:
    """«В.», «К.-Ж.»: an initial, not a name."""
    return word.endswith(".") and len(word.replace("-", "")) <= 4


def nearest(keys: list[tuple[str, str]], position: int, starts: dict[tuple[str, str], list[int]]):
    """The key whose last mention before ``position`` is closest; else the earliest after."""

    def distance(key: tuple[str, str]) -> int:
        k = bisect_right(starts[key], position)
        return position - starts[key][k - 1] if k else 10**12 + starts[key][0]

    return min(keys, key=distance)


def fits_name(short: str, full: str, endings: frozenset[str] = frozenset()) -> bool:
    """«токаев» fits «касым-жомарт токаев»; «в. путин» fits «владимир путин».

    A word fits a name word when equal, or when they differ by a feminine or case
    ending only («токаева» ~ «токаев»), since a lone surname is often mis-normalized.
    """
    words, names = short.split(), full.split()
    if len(words) == 1:
        return any(same_word(words[0], n, endings) for n in names[:1] + names[-1:])
    # «в. в. путин»: the first initial is the first name's; a second one, the patronymic's.
    first, *_, last = words
    return same_word(last, names[-1], endings) and first.rstrip(".")[:1] == names[0][:1]


def same_word(a: str, b: str, endings: frozenset[str] = frozenset()) -> bool:
    """Equal, or differing by up to two letters at the end («токаева» ~ «токаев») or by
    a case ending («моуринья» ~ «моуринью»)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2:
        return True
    return bool(endings) and word_variant(a, b, endings)


def make_entity(
    entity_id: str,
    spans: list[Span],
    canonical: str | None = None,
    short_forms: frozenset[str] = frozenset(),
) -> Entity:
    """An entity from its spans, named by the alias table or else by its best mention."""
    mentions = tuple(Mention(s.start, s.stop, s.text) for s in spans)
    types = Counter(s.type for s in spans)
    return Entity(
        id=entity_id,
        type=types.most_common(1)[0][0],
        name=canonical or drop_quotes(choose_name(spans, short_forms)),
        mentions=mentions,
    )


def choose_name(spans: list[Span], short_forms: frozenset[str] = frozenset()) -> str:
    """The fullest person or organisation name; for places, the most frequent form.

    «МВД» and «МВД Индии» → «МВД Индии»; «Белоруссии» ×2 and «Беларусь» → «Белоруссия».
    """
    if spans[0].type == "PER":
        counts = Counter(drop_patronymic(s.normal) for s in spans)
        return max(
            counts,
            key=lambda n: (
                len([w for w in n.split() if not is_initial(w)]),
                n.split()[0].lower() not in short_forms,
                counts[n],
                -len(n),
            ),
        )
    counts = Counter(s.normal for s in spans)
    if spans[0].type == "ORG":
        # «Госдума» over «Дума»: the fuller form, a name that ends with another; then
        # the most frequent, the one with fewer abbreviations, the shorter.
        return max(
            counts,
            key=lambda n: (
                len(n.split()),
                contains_other(n, counts),
                counts[n],
                -sum(w.isupper() for w in n.split()),  # «МИД России» over «МИД РФ»
                -len(n),  # «Ликуд» over its genitive «Ликуда» read as a nominative
            ),
        )
    return max(counts, key=lambda n: (counts[n], -len(n)))


def contains_other(name: str, names) -> bool:
    """«Госдума» contains «Дума»: it ends with another, shorter name of the group."""
    low = name.lower()
    return any(len(o) < len(low) and low.endswith(o.lower()) for o in names)


def drop_quotes(name: str) -> str:
    """Quote marks inside a name are dropped: «РИА «Новости»» → «РИА Новости»."""
    return " ".join("".join(c for c in name if c not in QUOTES).split())
