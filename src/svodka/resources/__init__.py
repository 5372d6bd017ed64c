"""Data files that rules read: word lists, gazetteers, patterns. One loader for all.

Each folder holds the words of one subject, named ``read_lines("dates/months.tsv")``:

- ``names/``: surname paradigms, canonical names of referents, words that are no names;
- ``orgs/``: well-known organisations, abbreviations, legal forms, kinds of organisation;
- ``places/``: the gazetteer (countries, regions, cities, features, aliases), parts of
  the world, generic prefixes («Республика …»);
- ``roles/``: positions people hold; ``numbers/``: number words;
- ``quotes/``, ``dates/``, ``amounts/``: the word lists of those stages;
- ``kb/``: the Wikidata classes that type a knowledge base's items.

Every file is UTF-8, one entry a line, ``#`` starting a comment; ``.tsv`` columns are
tab-separated, and the header comment of each file names them.
"""

from __future__ import annotations

import gettext
from functools import cache
from importlib.resources import files

import pycountry


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a resource file, with ``#`` comments and outer spaces removed."""
    text = files(__name__).joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def read_table(name: str, columns: int = 0) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated resource file (comments and blank lines skipped).

    With ``columns``, short rows are padded with empty cells, since trailing empty cells
    vanish when a line is stripped.
    """
    rows = (tuple(cell.strip() for cell in line.split("\t")) for line in read_lines(name))
    return tuple(row + ("",) * (columns - len(row)) for row in rows)


@cache
def country_names() -> dict[str, str]:
    """Every Russian name of a country, short and official, mapped to its usual short name:
    «Федеративная Республика Германия» → «Германия». From pycountry's ISO 3166-1
    translations, which ship inside the package."""
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    names: dict[str, str] = {}
    for country in pycountry.countries:
        usual = ru.gettext(getattr(country, "common_name", country.name))
        for attr in ("name", "official_name", "common_name"):
            if hasattr(country, attr):
                names[ru.gettext(getattr(country, attr))] = usual
    return {name: usual for name, usual in names.items() if is_russian(name) and "," not in name}


def is_russian(text: str) -> bool:
    return any("а" <= c <= "я" or c == "ё" for c in text.lower())
