"""Identity keys: one string per real-world referent, the same in every document.

- places: ``geonames:<id>``, ``iso:<code>`` (countries, regions) or ``place:<name>``;
- persons: ``per:`` + the folded canonical name without a patronymic
  («Владимир Владимирович Путин» and «Владимир Путин» → ``per:владимир путин``);
- organisations: ``org:`` + the lemmas of the name, with abbreviations expanded
  (``resources/orgs/abbreviations.tsv``) and place aliases resolved, so «МИД РФ» and
  «Министерство иностранных дел России» share a key;
- a LOC the gazetteer does not know: ``loc:`` + the lemmas of its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from svodka.lang.morph import lemma
from svodka.lang.text import fold_name
from svodka.resources import country_names, read_table

PATRONYMIC = re.compile(r"\w+(?:вич|вна|ична|инична|ьич)$")


@dataclass(frozen=True, slots=True)
class Tables:
    abbreviations: dict[str, str]  # folded short name → folded full name
    aliases: dict[tuple[str, ...], tuple[str, ...]]  # lemmas of an alias → lemmas of its name


@cache
def load_tables() -> Tables:
    """The abbreviation table, and the place aliases as lemma sequences."""
    abbreviations = {
        fold_name(short): fold_name(full) for short, full in read_table("orgs/abbreviations.tsv")
    }
    pairs = [*country_names().items(), *read_table("names/canonical.tsv")]
    aliases = {
        lemmas(alias): lemmas(name) for alias, name in pairs if fold_name(alias) != fold_name(name)
    }
    return Tables(abbreviations, aliases)


def expand(name: str, abbreviations: dict[str, str]) -> str:
    """The folded name with a leading short name written out:
    «МИД Казахстана» → «министерство иностранных дел казахстана»."""
    folded = fold_name(name)
    for size in (2, 1):
        words = folded.split()
        head = " ".join(words[:size])
        if len(words) >= size and head in abbreviations:
            return " ".join([abbreviations[head], *words[size:]])
    return folded


def lemmas(name: str) -> tuple[str, ...]:
    return tuple(fold_name(lemma(word)) for word in fold_name(name).split())


def replace_aliases(words: tuple[str, ...], aliases: dict) -> tuple[str, ...]:
    """Swap every alias lemma sequence for its canonical one, longest first."""
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(4, len(words) - i), 0, -1):
            found = aliases.get(words[i : i + size])
            if found:
                out.extend(found)
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return tuple(out)


def person_key(name: str) -> str:
    words = [w for w in fold_name(name).split() if not PATRONYMIC.fullmatch(w)]
    return "per:" + " ".join(words or fold_name(name).split())


def name_key(prefix: str, name: str) -> str:
    """An organisation's or unknown place's key from the lemmas of its expanded name."""
    tables = load_tables()
    words = replace_aliases(lemmas(expand(name, tables.abbreviations)), tables.aliases)
    return f"{prefix}:" + " ".join(words)


def entity_key(type_: str, name: str) -> str:
    """The key of a PER, ORG or (not geocoded) LOC entity with this canonical name."""
    if type_ == "PER":
        return person_key(name)
    return name_key("org" if type_ == "ORG" else "loc", name)
