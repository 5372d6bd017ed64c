"""Other spellings of a place name, and the settlement a place adjective comes from.

- ``spelling_variants``: hyphen and space («Нью Йорк» / «Нью-Йорк»), the Arabic article
  («Шарм-эш-Шейх» → «Шарм-эль-Шейх», ``resources/places/article_words.tsv``),
  apostrophes for hyphens («Кот'д'Ивуар»);
- ``settlement_names``: the settlement names an adjective may be derived from
  («мокшанский» → «мокшан», «сухумский» → «сухуми», «пензенской» → «пенза»);
- ``latin_index``: GeoNames' English names, for a name written in Latin letters, built
  on first use only.

ё/е and the kinds of dashes are already one in the folded names the gazetteer keys on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from svodka.lang.text import fold_name
from svodka.resources import read_table

LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’-]*$")

#: Adjective endings of place adjectives, longest first, in every case and gender.
ADJECTIVE = re.compile(r"(ск|цк)(ий|ой|ая|ое|ие|ого|ому|ом|ую|их|ими|им|ей|ых|ыми|ым|ые|ый)$")
#: Endings a settlement's name may have lost in its adjective («Сухуми» → «сухумский»).
FINALS = ("", "а", "и", "ы", "о", "е", "ь", "я")
#: Suffixes adjectives insert between the stem and -ский, and what of them the name
#: keeps («Пенза» → «пензенский», «Москва» → «московский», «Кольчугино» → «кольчугинский»).
INSERTS = (("ен", ""), ("ов", ""), ("ов", "в"), ("ев", ""), ("ин", ""), ("ан", ""), ("н", ""))


@cache
def article_words() -> dict[str, str]:
    """Spelling of the Arabic article → the one GeoNames uses."""
    return dict(read_table("places/article_words.tsv"))


def spelling_variants(name: str) -> Iterator[str]:
    """Other spellings of a folded name, the name itself excluded."""
    seen = {name}
    respelled = (
        name.replace(" ", "-"),
        name.replace("-", " "),
        article_variant(name),
        name.replace("'", "-").replace("’", "-"),  # «кот'д'ивуар» → «кот-д-ивуар»
        name.replace("'", "").replace("’", ""),
    )
    for variant in respelled:
        if variant not in seen:
            seen.add(variant)
            yield variant


def article_variant(name: str) -> str:
    """«шарм-эш-шейх» → «шарм-эль-шейх»: an inner hyphenated article in GeoNames' form."""
    parts = name.split("-")
    words = article_words()
    if len(parts) < 3:
        return name
    inner = [words.get(p, p) for p in parts[1:-1]]
    return "-".join([parts[0], *inner, parts[-1]])


def adjective_stem(word: str) -> str | None:
    """The stem of a place adjective («мокшанского» → «мокшан»), else None."""
    match = ADJECTIVE.search(word)
    if match is None or match.start() < 3:
        return None
    stem = word[: match.start()]
    if match.group(1) == "цк":  # «братский» vs «брацкий»: «Братск» keeps its -ск
        return stem + "ц"
    return stem


def settlement_names(word: str) -> list[str]:
    """Folded names of the settlements a place adjective may come from, likeliest first."""
    stem = adjective_stem(fold_name(word))
    if stem is None:
        return []
    stems = [stem, stem + "ск"]
    stems += [
        stem[: -len(insert)] + kept
        for insert, kept in INSERTS
        if stem.endswith(insert) and len(stem) - len(insert) >= 3
    ]
    if stem.endswith("ь"):
        stems.append(stem[:-1])
    names = (s + final for s in stems for final in FINALS)
    return list(dict.fromkeys(names))


def is_latin(name: str) -> bool:
    """The name is written in Latin letters."""
    return bool(LATIN.match(name))


def latin_key(name: str) -> str:
    """The key of the English-name index: lowercase, one kind of space and dash."""
    return " ".join(name.lower().replace("’", "'").replace("-", " ").split())
