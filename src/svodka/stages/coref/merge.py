"""Part of the coref stage: groups of mentions merged into one referent — case variants,
qualified and short names, acronyms, surnames and first names joined to the full name."""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from svodka.doc import Span
from svodka.knowledge.gazetteer import Gazetteer
from svodka.lang.names import normalize
from svodka.resources import read_lines
from svodka.stages.coref.tables import Resources


def merge_links(
    groups: dict[tuple[str, str], list[Span]], links: list[tuple[int, int]]
) -> dict[tuple[str, str], list[Span]]:
    """Join the groups of each linked pair of mentions: the first one's group absorbs
    the second's."""
    merged = dict(groups)
    for first, second in links:
        owner = {s.start: key for key, spans in merged.items() for s in spans}
        a, b = owner.get(first), owner.get(second)
        if a is None or b is None or a == b or "PER" in (a[0], b[0]):
            continue
        merged[a] = sorted(merged.pop(b) + merged[a], key=lambda s: s.start)
    return merged


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
    owners = {k[1] for k in groups if k[0] != "PER"}
    merged = dict(groups)
    for key in keys:
        longer = [
            k
            for k in keys
            if k[1].startswith(key[1] + " ")
            and (is_country(k[1], key[1], res) or names_owner(k[1], key[1], owners, res))
        ]
        if len(longer) == 1 and key in merged and longer[0] in merged:
            merged[longer[0]] = sorted(merged.pop(key) + merged[longer[0]], key=lambda s: s.start)
    return merge_leading_acronyms(merged)


def merge_leading_acronyms(groups: dict[tuple[str, str], list[Span]]):
    """«РАО» is «РАО "ЕЭС России"»: an acronym written alone joins the one longer
    organisation name of the document it opens."""
    merged = dict(groups)
    for key, spans in groups.items():
        text = spans[0].text
        if key[0] != "ORG" or not (text.isupper() and text.isalpha() and len(text) > 1):
            continue
        longer = [k for k in merged if k[0] == "ORG" and k[1].startswith(key[1] + " ")]
        if len(longer) == 1 and key in merged:
            merged[longer[0]] = sorted(merged.pop(key) + merged[longer[0]], key=lambda s: s.start)
    return merged


def names_owner(full: str, short: str, owners: set[str], res: Resources) -> bool:
    """The words ``full`` adds to ``short`` name a place or organisation the document
    mentions on its own: «гидрометцентр петербурга» adds «Петербург», «совет
    безопасности оон» adds «ООН»; so «Гидрометцентр» is «Гидрометцентр Петербурга»."""
    tail = full[len(short) :].strip()
    if not tail.replace(" ", "").replace("-", "").isalpha():
        return False
    if tail in owners:
        return True
    normal = normalize(tail.title(), "LOC").lower()
    return normal in owners or any(case_variant(tail, o, res.endings) for o in owners)


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
    wider = {key: name for key in full if (name := wider_name(key, full, endings))}
    merged: dict[tuple[str, str], list[Span]] = {}
    for key, spans in groups.items():
        fits = (
            []
            if key[0] != "PER" or key in full
            else [k for k in full if fits_name(key[1], k[1], endings)]
        )
        for span in spans:
            target = nearest(fits, span.start, full) if fits else key
            merged.setdefault(wider.get(target, target), []).append(span)
    for spans in merged.values():
        spans.sort(key=lambda s: s.start)
    return merged


def wider_name(key: tuple[str, str], full, endings: frozenset[str]) -> tuple[str, str] | None:
    """The one fuller name a first name and surname leave a middle name out of: «Реджеп
    Эрдоган» is «Реджеп Тайип Эрдоган», «Джордж Буш» «Джордж Уокер Буш»."""
    words = key[1].split()
    if len(words) != 2:
        return None
    found = [
        other
        for other in full
        if len(names := other[1].split()) > 2
        and same_word(words[0], names[0], endings)
        and same_word(words[1], names[-1], endings)
    ]
    return found[0] if len(found) == 1 else None


def is_full_name(key: str) -> bool:
    """«сергей иванов», not «иванов», «фон дер ляйен» or «в. в. путин» (initials join a
    full name)."""
    words = key.split()
    return len(words) > 1 and words[0] not in particles() and not any(map(is_initial, words))


@cache
def particles() -> frozenset[str]:
    """«фон», «де», «бен»: the lowercase words a foreign surname may start with."""
    return frozenset(read_lines("names/particles.txt"))


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
    if words[0] in particles():  # «фон дер ляйен», «бен салман»: a surname with particles
        return (
            len(names) > len(words)
            and names[-len(words) : -1] == words[:-1]
            and same_word(words[-1], names[-1], endings)
        )
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
