"""Part of the coref stage: an entity made from its group, under the GUIDE's canonical
name (the fullest form the text uses; the alias table's for an abbreviation)."""

from __future__ import annotations

from collections import Counter

from svodka.doc import Entity, Mention, Span
from svodka.lang.person import drop_patronymic
from svodka.lang.text import QUOTES
from svodka.stages.coref.keys import region_name
from svodka.stages.coref.merge import is_initial
from svodka.stages.coref.tables import Resources


def used_canonical(key: tuple[str, str], spans: list[Span], res: Resources) -> str | None:
    """The alias table's name for a group where the GUIDE takes it: when the text uses
    it, or for a place the text names only by an abbreviation or an official form
    («РФ», «Российской Федерации» → Россия). «Белоруссии» stays Белоруссия and a lone
    «ЕС» stays ЕС."""
    name = res.canonical.get(key[1]) if key[0] != "PER" else None
    if key[0] == "LOC" and name is None:
        return region_spelling(key[1], spans, res)
    if name is None or any(s.normal.lower() == name.lower() for s in spans):
        return name
    if key[0] != "LOC":
        return None
    plain = any(" " not in s.normal and not s.normal.isupper() for s in spans)
    return None if plain else name


def region_spelling(key: str, spans: list[Span], res: Resources) -> str | None:
    """A region the text names once by its full name is named so, in the gazetteer's
    spelling: «Чечни», «Чеченской республики» → «Чеченская Республика»."""
    if region_name(key, res) != key or not any(s.normal.lower() == key for s in spans):
        return None
    return res.places.find(key)[0].name


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


def first_and_last(fullest: str, names) -> str | None:
    """The GUIDE's «Имя Фамилия» where the text also writes it: «Антониу Гутерреш» for
    «Антониу Мануэл ди Оливейра Гутерреш», «Нельсон Мандела» for «Нельсон Ролилахла
    Мандела»."""
    words = fullest.lower().split()
    if len(words) < 3:
        return None
    return next((n for n in names if n.lower().split() == [words[0], words[-1]]), None)


def choose_name(spans: list[Span], short_forms: frozenset[str] = frozenset()) -> str:
    """The fullest person or organisation name; for places, the most frequent form.

    «МВД» and «МВД Индии» → «МВД Индии»; «Белоруссии» ×2 and «Беларусь» → «Белоруссия».
    """
    if spans[0].type == "PER":
        counts = Counter(drop_patronymic(s.normal) for s in spans)
        fullest = max(
            counts,
            key=lambda n: (
                len([w for w in n.split() if not is_initial(w)]),
                n.split()[0].lower() not in short_forms,
                counts[n],
                -len(n),
            ),
        )
        return first_and_last(fullest, counts) or fullest
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
