"""Part of the coref stage: the tables it reads, loaded once by :func:`load`."""

from __future__ import annotations

from dataclasses import dataclass

from svodka.knowledge.gazetteer import Entry, Gazetteer


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
    generic_bodies: frozenset[str]  # lemmas of lowercase company organs: «собрание»
    country_words: frozenset[str]  # «страны»: the article's country after a state body
    event_heads: frozenset[str]  # «кубок», «cup»: an ORG-tagged event, not an organisation
    regions: dict[tuple, Entry]  # coded regions by their centre point
    adjectives: dict[str, str]  # country adjectives: «бразильский» → «Бразилия»
