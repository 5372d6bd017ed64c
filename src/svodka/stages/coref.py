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
from svodka.knowledge.keys import expand, load_tables
from svodka.resources import country_names, read_lines, read_table

REQUIRES = ("spans", "spans.normal")
PROVIDES = ("entities",)


@dataclass(frozen=True, slots=True)
class Resources:
    aliases: dict[str, str]
    prefixes: frozenset[str]
    canonical: dict[str, str]  # lowercase → the alias table's spelling: «россия» → «Россия»
    abbreviations: dict[str, str]  # folded short name → folded full name


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
    )


def apply(doc: Document, res: Resources) -> Document:
    """Group the document's spans into entities."""
    groups: dict[tuple[str, str], list[Span]] = {}
    for span in doc.spans:
        groups.setdefault((span.type, group_key(span, res)), []).append(span)
    groups = merge_short_names(groups)
    ordered = sorted(groups.items(), key=lambda item: item[1][0].start)
    entities = tuple(
        make_entity(f"e{i}", spans, res.canonical.get(key[1]) if key[0] != "PER" else None)
        for i, (key, spans) in enumerate(ordered, 1)
    )
    return replace(doc, entities=entities)


def group_key(span: Span, res: Resources) -> str:
    """The lowercase key spans of one referent share before person names are joined."""
    key = span.normal.lower()
    if span.type == "PER":
        return key
    key = res.aliases.get(key, key)
    if span.type == "ORG":
        return expand(key, res.abbreviations)
    first, _, rest = key.partition(" ")
    if span.type == "LOC" and first in res.prefixes and rest:
        key = res.aliases.get(rest, rest)
    return key.lower()


def merge_short_names(
    groups: dict[tuple[str, str], list[Span]],
) -> dict[tuple[str, str], list[Span]]:
    """Join a person mentioned by part of their name to the full name that fits it."""
    full = {
        key: [s.start for s in spans]
        for key, spans in groups.items()
        if key[0] == "PER" and len(key[1].split()) > 1
    }
    merged: dict[tuple[str, str], list[Span]] = {}
    for key, spans in groups.items():
        fits = (
            [] if key[0] != "PER" or key in full else [k for k in full if fits_name(key[1], k[1])]
        )
        for span in spans:
            target = nearest(fits, span.start, full) if fits else key
            merged.setdefault(target, []).append(span)
    for spans in merged.values():
        spans.sort(key=lambda s: s.start)
    return merged


def nearest(keys: list[tuple[str, str]], position: int, starts: dict[tuple[str, str], list[int]]):
    """The key whose last mention before ``position`` is closest; else the earliest after."""

    def distance(key: tuple[str, str]) -> int:
        k = bisect_right(starts[key], position)
        return position - starts[key][k - 1] if k else 10**12 + starts[key][0]

    return min(keys, key=distance)


def fits_name(short: str, full: str) -> bool:
    """«токаев» fits «касым-жомарт токаев»; «в. путин» fits «владимир путин».

    A word fits a name word when equal, or when they differ by a feminine or case
    ending only («токаева» ~ «токаев»), since a lone surname is often mis-normalized.
    """
    words, names = short.split(), full.split()
    if len(words) == 1:
        return any(same_word(words[0], n) for n in names[:1] + names[-1:])
    *initials, last = words
    return same_word(last, names[-1]) and all(
        i.rstrip(".")[:1] == n[:1] for i, n in zip(initials, names, strict=False)
    )


def same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2


def make_entity(entity_id: str, spans: list[Span], canonical: str | None = None) -> Entity:
    """An entity from its spans, named by the alias table or else by its best mention."""
    mentions = tuple(Mention(s.start, s.stop, s.text) for s in spans)
    types = Counter(s.type for s in spans)
    return Entity(
        id=entity_id,
        type=types.most_common(1)[0][0],
        name=canonical or choose_name(spans),
        mentions=mentions,
    )


def choose_name(spans: list[Span]) -> str:
    """The fullest person name; for places and organisations, the most frequent form."""
    counts = Counter(s.normal for s in spans)
    if spans[0].type == "PER":
        return max(counts, key=lambda n: (len(n.split()), counts[n], -len(n)))
    return max(counts, key=lambda n: (counts[n], -len(n)))
