"""Coref: one entity per real-world referent in a document.

- Same type and same normal form → same entity.
- A person's surname-only, first-name-only or initial+surname mention joins the
  full-name entity it fits («Токаев», «К.-Ж. Токаев» → «Касым-Жомарт Токаев»); when
  several fit, the nearest one before it wins.
- Places and organisations join through an alias table and generic prefixes
  («Республики Казахстан» → «Казахстан», «РФ» → «Россия»); organisations also through
  their abbreviations («МГУ» → «Московский государственный университет»).

The entity's name is the fullest person name, or the most frequent ORG/LOC form.

Parts: ``spans`` fixes mentions before grouping, ``keys`` gives the key a referent's
mentions share, ``merge`` joins groups, ``naming`` makes the entities; ``tables`` holds
what :func:`load` reads.
"""

from __future__ import annotations

from dataclasses import replace

from svodka.config import Config
from svodka.doc import Document, Span
from svodka.knowledge.gazetteer import load_gazetteer
from svodka.knowledge.keys import load_tables
from svodka.lang.qualified import (
    find_bodies,
    join_countries,
    merge_acronyms,
    merge_types,
)
from svodka.resources import country_names, read_lines, read_table
from svodka.stages.coref.keys import group_key, regions_by_point
from svodka.stages.coref.merge import (
    merge_case_variants,
    merge_links,
    merge_qualified,
    merge_short_names,
)
from svodka.stages.coref.naming import make_entity, used_canonical
from svodka.stages.coref.spans import (
    close_inner_quote,
    drop_legal_suffix,
    is_event,
    is_generic_body,
    join_trailing_initials,
    name_own_country,
    qualify_by_adjective,
    split_apposed_acronyms,
    split_paragraphs,
    split_two_surnames,
)
from svodka.stages.coref.tables import Resources

REQUIRES = ("spans", "spans.normal")


PROVIDES = ("entities",)


def load(config: Config) -> Resources:
    """Read the alias table, the generic prefixes and the organisation abbreviations."""
    listed = {alias.lower(): name for alias, name in read_table("names/canonical.tsv")}
    places = load_gazetteer()  # cached: the places stage shares it
    table = {name: listed.get(usual.lower(), usual) for name, usual in country_names().items()}
    table.update(read_table("names/canonical.tsv"))
    return Resources(
        aliases=with_plain_e({alias.lower(): name for alias, name in table.items()}),
        prefixes=frozenset(read_lines("places/generic_prefixes.txt")),
        canonical=with_plain_e({name.lower(): name for name in table.values()}),
        abbreviations=load_tables().abbreviations,
        endings=frozenset(["", *read_lines("names/case_endings.txt")]),
        first_names=dict(read_table("names/first_name_variants.tsv")),
        short_forms=frozenset(first for first, _ in read_table("names/first_name_variants.tsv")),
        places=places,
        countries=frozenset(
            with_plain_e({listed.get(u.lower(), u).lower(): u for u in country_names().values()})
        ),  # the table's keys: «россия», and «объединенные …» beside «объединённые …»
        generic_bodies=frozenset(read_lines("orgs/generic_bodies.txt")),
        country_words=frozenset(read_lines("orgs/country_words.txt")),
        event_heads=frozenset(read_lines("orgs/event_heads.txt")),
        regions=regions_by_point(places),
        adjectives=dict(read_table("roles/country_adjectives.tsv")),
    )


def with_plain_e(table: dict[str, str]) -> dict[str, str]:
    """A table keyed by lowercase names, also under each key spelt with «е» for «ё»:
    news writes «Объединенные Арабские Эмираты» as often as «Объединённые»."""
    return {key.replace("ё", "е"): value for key, value in table.items()} | table


def apply(doc: Document, res: Resources) -> Document:
    """Group the document's spans into entities."""
    groups: dict[tuple[str, str], list[Span]] = {}
    keys: dict[tuple[str, str], str] = {}  # (type, normal) → group key: a mention repeats
    spans = [
        drop_legal_suffix(close_inner_quote(doc, s))
        for s in split_paragraphs(doc.spans)
        if not is_generic_body(s, res) and not is_event(s, res)
    ]
    spans = join_trailing_initials(doc, spans)  # «Путин» «В.В.» → «Путин В.В.»
    spans = split_two_surnames(spans, res)  # «Чавес Обаме» → «Чавес», «Обаме»
    spans, links = split_apposed_acronyms(doc, spans)  # «… искусства - ГИТИС»
    spans = name_own_country(doc, spans, res)  # «МВД страны» → «МВД Индии»
    spans = [qualify_by_adjective(s, res) for s in spans]  # «бразильский МИД» → «МИД Бразилии»
    spans = find_bodies(doc, spans)  # «прокуратура» «Москвы»: a body the model missed
    for span in join_countries(doc, spans):  # «МВД» «Индии» → «МВД Индии»
        key = keys.get((span.type, span.normal))
        if key is None:
            key = keys[(span.type, span.normal)] = group_key(span, res)
        groups.setdefault((span.type, key), []).append(span)
    groups = merge_case_variants(groups, res.endings, res.places)
    groups = merge_qualified(groups, res)
    groups = merge_acronyms(groups)
    groups = merge_types(groups)
    groups = merge_links(groups, links)
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
