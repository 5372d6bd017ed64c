"""Part of the coref stage: the key the mentions of one referent share — through the
alias tables, abbreviations and generic prefixes, a country or region closing a name."""

from __future__ import annotations

from svodka.doc import Span
from svodka.knowledge.gazetteer import Entry, Gazetteer
from svodka.knowledge.keys import expand
from svodka.lang.names import normalize
from svodka.lang.person import drop_patronymic
from svodka.stages.coref.merge import is_initial
from svodka.stages.coref.tables import Resources


def initials_first(name: str) -> str:
    """«медведев д.а.» → «д.а. медведев»: initials after a surname, as in documents, are
    read in the usual order."""
    words = name.split()
    tail = len(words)
    while tail > 1 and is_initial(words[tail - 1]):
        tail -= 1
    return " ".join(words[tail:] + words[:tail]) if 0 < tail < len(words) else name


def group_key(span: Span, res: Resources) -> str:
    """The lowercase key spans of one referent share before person names are joined."""
    key = span.normal.lower()
    if span.type == "PER":  # «Артём» and «Артем» are one name
        first, _, rest = drop_patronymic(initials_first(key).title()).lower().partition(" ")
        return " ".join(filter(None, (res.first_names.get(first, first), rest))).replace("ё", "е")
    key = res.aliases.get(key, key)
    if span.type == "ORG":
        return country_tail(expand(key, res.abbreviations), res)
    first, _, rest = key.partition(" ")
    if span.type == "LOC" and first in res.prefixes and rest:
        key = res.aliases.get(rest, rest)
    if span.type == "LOC":
        key = region_name(key, res) or key
    return key.lower()


def country_tail(key: str, res: Resources) -> str:
    """«министерство обороны рф» and «… россии» share the key «министерство обороны
    россия»: a country closing an organisation's name is keyed by its canonical name;
    so is a region by any of its names («правительство чечни» and «… чеченской
    республики» → «правительство чеченская республика»)."""
    words = key.split()
    for size in (1, 2):
        head, tail = " ".join(words[:-size]), " ".join(words[-size:])
        if not head or not tail.replace(" ", "").isalpha():
            continue
        for name in (tail, normalize(tail.title(), "LOC").lower()):
            country = res.aliases.get(name, name).lower()
            if country in res.countries:
                return f"{head} {country}"
            region = region_name(name, res)
            if region:
                return f"{head} {region}"
    return key


def region_name(name: str, res: Resources) -> str | None:
    """The gazetteer's name of the one region ``name`` names, lowercase: «чечня» →
    «чеченская республика», «забайкалье» → «забайкальский край»; None for a name that
    is no region or names several places."""
    found = res.places.find(name)
    if len(found) == 1 and found[0].kind == "region":
        entry = found[0]
        if entry.code is None:  # «Забайкалье»: the region it covers, if one
            entry = res.regions.get((entry.lat, entry.lon), entry)
        return entry.name.lower()
    return None


def regions_by_point(places: Gazetteer) -> dict[tuple, Entry]:
    """Coded regions by their centre point: a colloquial region the gazetteer lists as a
    feature at the same point («Подмосковье», «Ставрополье») is that region."""
    return {(e.lat, e.lon): e for e in places.by_code.values() if e.kind == "region"}
