"""Places known only by their Latin names, matched by how a Russian text spells them.

GeoNames gives a Russian name to a quarter of its settlements of 500+ people, and
iso-codes translates the provinces of few countries: «Ростамкола» (Rostam Kolā),
«Мазендеран» (Māzandarān) and «Хильдешейм» (GeoNames: «Хильдесхайм») are found by no
Russian name. ``sound_key`` reduces a name in either script to its consonant classes,
each vowel group one slot, a final one dropped («Staffordshire», «Стаффордшир»):
«мазендеран» and «Māzandarān» both give ``masandaran``.
Sibilants are one class (з, с, ш, ж, дж, ц, ч: s, z, sh, j, ts, ch), so are the labials
в/ф (v, w, f, ph) and г/х/h (Russian renders a Germanic h as г, a Persian kh as х).

``places/sounds.tsv.gz`` (``scripts/build_places_sounds.py``, from GeoNames' cities500
and pycountry's subdivisions) holds the key of every settlement of 1,000+ people and of
every first-level region; it is read on the first name nothing else finds, never at
start-up.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from functools import cache
from importlib.resources import files

from svodka.knowledge.gazetteer import Entry, Gazetteer

#: Russian letters in the Latin alphabet of the key (vowels as «a»; й, ь, ъ dropped).
CYRILLIC = str.maketrans(
    {
        **dict.fromkeys("аеёиоуыэюя", "a"),
        **dict.fromkeys("йьъ", ""),
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "ж": "s",
        "з": "s",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "ф": "v",
        "х": "g",
        "ц": "s",
        "ч": "s",
        "ш": "s",
        "щ": "s",
    }
)
#: Latin letter groups first (longest first), then single letters, in the same classes.
DIGRAPHS = (
    ("shch", "s"),
    ("sch", "s"),
    ("tch", "s"),
    ("dzh", "s"),
    ("ch", "s"),
    ("sh", "s"),
    ("zh", "s"),
    ("kh", "g"),
    ("gh", "g"),
    ("ph", "v"),
    ("th", "t"),
    ("ts", "s"),
    ("tz", "s"),
    ("ck", "k"),
    ("qu", "kv"),
    ("ce", "sa"),
    ("ci", "sa"),
    ("cy", "sa"),
    ("j", "s"),
    ("x", "ks"),
)
LATIN = str.maketrans(
    {
        **dict.fromkeys("aeiouy", "a"),
        "c": "k",
        "q": "k",
        "w": "v",
        "f": "v",
        "h": "g",
        "z": "s",
    }
)
SILENT_H = re.compile(r"(?<=[aeiouy])h$")  # «An Nāşirīyah»: a final h after a vowel
REPEATS = re.compile(r"(.)\1+")
NOT_LETTERS = re.compile(r"[^a-z]+")
MIN_CONSONANTS = 3


def sound_key(name: str) -> str:
    """The name's sound key («Rostam Kolā», «ростамкола» → ``rastamkal``); «» when it has
    fewer than ``MIN_CONSONANTS`` consonants, too few to tell places apart."""
    text = name.lower().replace("ё", "е")
    if any("а" <= ch <= "я" for ch in text):
        text = text.replace("дж", "ж").translate(CYRILLIC)
    else:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        text = NOT_LETTERS.sub("", text)
        text = SILENT_H.sub("", text)
        for group, sound in DIGRAPHS:
            text = text.replace(group, sound)
        text = text.translate(LATIN)
    text = REPEATS.sub(r"\1", NOT_LETTERS.sub("", text)).rstrip("a")
    return text if len(text.replace("a", "")) >= MIN_CONSONANTS else ""


@cache
def read_sounds() -> tuple[bytes, array]:
    """The table's rows, sorted by key, as one UTF-8 block, and where each row starts (the
    last entry: its end); read once, on first use. ~7 MB, where a list of rows as strings
    and one of their keys took 31."""
    data = files("svodka.resources").joinpath("places/sounds.tsv.gz").read_bytes()
    lines = gzip.decompress(data).split(b"\n")
    body = b"".join(line + b"\n" for line in lines if line and not line.startswith(b"#"))
    starts = array("I", [0])
    starts.extend(found.end() for found in re.finditer(b"\n", body))
    return body, starts


def sound_rows(key: str) -> list[str]:
    """The table's rows with this key."""
    body, starts = read_sounds()

    def key_at(row: int) -> bytes:
        return body[starts[row] : body.index(b"\t", starts[row])]

    rows, wanted = range(len(starts) - 1), key.encode()
    first = bisect_left(rows, wanted, key=key_at)
    last = bisect_right(rows, wanted, lo=first, key=key_at)
    return [body[starts[row] : starts[row + 1] - 1].decode() for row in range(first, last)]


def find_sounding(names: list[str], gazetteer: Gazetteer) -> tuple[Entry, ...]:
    """The places whose Latin name sounds like one of ``names`` (or, for a name ending in
    «оу», like it with English «-ow»: «Грейт-Данмоу» → Great Dunmow)."""
    spelled = [*names, *(name + "в" for name in names if FINAL_OW.search(name))]
    keys = dict.fromkeys(key for key in map(sound_key, spelled) if key)
    return tuple(to_entry(row, gazetteer) for key in keys for row in sound_rows(key))


#: English «-ow» at a word's end, which Russian writes «-оу» and the key reads as «-ov».
FINAL_OW = re.compile(r"оу$")


ROWS: dict[int, dict[str, int]] = {}  # id of a gazetteer → its city rows by geonameid


def city_rows(gazetteer: Gazetteer) -> dict[str, int]:
    """The gazetteer's city rows by geonameid, built on first use."""
    if id(gazetteer) not in ROWS:
        lines = gazetteer.cities
        ROWS[id(gazetteer)] = {line.split("\t", 1)[0]: row for row, line in enumerate(lines)}
    return ROWS[id(gazetteer)]


def to_entry(row: str, gazetteer: Gazetteer) -> Entry:
    """A row: key, geonameid or ISO 3166-2 code, name_en, country, admin1, lat, lon,
    population; a settlement with a Russian name is the gazetteer's own entry."""
    cells = row.split("\t")
    if len(cells) == 2:
        return gazetteer.city(city_rows(gazetteer)[cells[1]])
    _, ident, name_en, country, admin1, lat, lon, population = cells
    region = not ident.isdecimal()
    return Entry(
        name=name_en,
        kind="region" if region else "city",
        country=country,
        admin1=ident if region else gazetteer.admin1_iso.get(admin1, admin1 or None),
        lat=float(lat) if lat else None,
        lon=float(lon) if lon else None,
        population=int(population) if population else None,
        geonameid=None if region else int(ident),
        name_en=name_en,
        code=ident if region else None,
    )
