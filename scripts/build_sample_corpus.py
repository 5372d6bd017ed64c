"""Build examples/corpus/wikinews.jsonl: dated Russian Wikinews articles from NEREL 1.1.

The texts come from ``../shared/data/nerel-1.1/train/*.txt`` (NEREL v1.1, brat ``.txt``),
next to this repository::

    python scripts/build_sample_corpus.py            # rewrite examples/corpus/wikinews.jsonl
    python scripts/build_sample_corpus.py --check    # exit 1 when the shipped file is stale
    python scripts/build_sample_corpus.py --stats    # print what the NEREL texts look like

Which files are Wikinews. NEREL's train split holds 746 texts. The 661 named
``<digits>_text.txt`` are Russian Wikinews articles (wiki markup remnants such as
``[https://… text]`` and ``''italics''``; the digits rise with the publication date). The
other 85 (``003.txt``, ``1113.txt``, ``04_12_12g.txt``, ``598_.txt`` …) are agency news
that name their own sources (Коммерсантъ, РИА Новости, Reuters photo credits); they are not
Wikinews, not under CC BY, and never shipped.

Where the date comes from. A NEREL text is the headline line, then the body; there is no
date line (the one text with a ``DD/MM/YYYY HH:MM`` line, ``003.txt``, is not a Wikinews
article). Wikinews names the day of the news in the lead, so ``published`` is taken from
the lead: the first body line of at least 80 characters (shorter lines before it are
photo captions). Its first full date written «D <month> YYYY года» (or «г.») with
2005 <= YYYY <= 2021 (Russian Wikinews began in November 2005) dates the article, plus
one day when «вчера» or «накануне» stands right before it. An article whose lead names a
weekday right before the date that the calendar contradicts («в пятницу, 7 июня 2017
года» — a Wednesday) is left out, as is one whose lead has no such date, and the five in
``MISDATED``, whose lead date was checked by hand and is not the day of the news. So the
dates are the news day as the lead states it, not Wikinews' own publication metadata.

Selection rule. The Wikinews files, in sorted name order, whose lead date is found as
above; when more than 300 qualify, the ones at positions ``i * n // 300`` for i = 0..299
(every k-th, k = n / 300, spread over the whole set); with 300 or fewer, all of them.
The NEREL 1.1 train split gives 236, so all 236 are shipped.

Records, one JSON object a line (UTF-8, ``ensure_ascii=False``, ``\\n`` line endings,
sorted by id), keys in this order: ``id`` (``wikinews-nerel-<file stem>``), ``title`` (the
headline line, stripped), ``published`` (``YYYY-MM-DD``), ``source`` («Русские
Викиновости»), ``url`` (null: NEREL keeps no link) and ``text``: the title, a newline and
the body exactly as in NEREL (its paragraph breaks, captions and wiki markup kept), with
blank lines before it and whitespace after it removed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/data/nerel-1.1/train"
OUT = ROOT / "examples/corpus/wikinews.jsonl"

TARGET = 300
SOURCE = "Русские Викиновости"
ID_PREFIX = "wikinews-nerel-"
FIRST_YEAR, LAST_YEAR = 2005, 2021
MIN_LEAD_CHARS = 80

WIKINEWS_FILE = re.compile(r"\d+_text\.txt")
MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
FULL_DATE = re.compile(rf"\b(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(\d{{4}})\s+(?:года|г\.)")
WEEKDAYS = ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень")
WEEKDAY_BEFORE = re.compile(rf"\b(?:в|во|на)\s+({'|'.join(WEEKDAYS)})\w*[\s,—–-]*$", re.IGNORECASE)
DAY_BEFORE = re.compile(r"\b(?:вчера|накануне)[\s,—–-]*$", re.IGNORECASE)
DATE_LINE = re.compile(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}")
# Checked by hand: the lead's first date is not the day of the news (the Wikinews page ids
# around each one are months away from it), so these are left out.
MISDATED = {
    "14432_text": "1 January 2012, when a term of office will begin",
    "38626_text": "29 March 2011, the date of a photo caption",
    "81872_text": "1 January 2017, when a penalty will come into force",
    "111202_text": "13 January 2016, an arrest eleven months before the news",
    "151219_text": "1 January 2010, the date of a photo caption",
}


@dataclass(frozen=True, slots=True)
class Article:
    stem: str
    title: str
    body: str
    published: date | None
    why_undated: str = ""


def read_article(path: Path) -> Article:
    lines = path.read_text(encoding="utf-8").split("\n")
    title = lines[0].strip()
    rest = lines[1:]
    while rest and not rest[0].strip():
        rest.pop(0)
    body = "\n".join(rest).rstrip()
    published, why = lead_date(rest)
    if path.stem in MISDATED:
        published, why = None, "misdated lead (checked by hand)"
    return Article(path.stem, title, body, published, why)


def lead_date(body_lines: list[str]) -> tuple[date | None, str]:
    """The article's date from its lead, or None and the reason."""
    lead = next((line for line in body_lines if len(line.strip()) >= MIN_LEAD_CHARS), "")
    for match in FULL_DATE.finditer(lead):
        day, month, year = int(match[1]), MONTHS.index(match[2]) + 1, int(match[3])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            continue
        try:
            found = date(year, month, day)
        except ValueError:
            return None, "impossible date"
        before = lead[max(0, match.start() - 30) : match.start()]
        weekday = WEEKDAY_BEFORE.search(before)
        if weekday and WEEKDAYS.index(weekday[1].lower()) != found.weekday():
            return None, "weekday contradicts date"
        return found + timedelta(days=1 if DAY_BEFORE.search(before) else 0), ""
    return None, "no date in lead"


def wikinews_files(data: Path) -> list[Path]:
    return sorted(
        (path for path in data.glob("*.txt") if WIKINEWS_FILE.fullmatch(path.name)),
        key=lambda path: path.name,
    )


def select(articles: list[Article]) -> list[Article]:
    """Every k-th dated article (k = n / TARGET) in file-name order; all when n <= TARGET."""
    dated = [article for article in articles if article.published is not None]
    n = len(dated)
    if n <= TARGET:
        return dated
    return [dated[i * n // TARGET] for i in range(TARGET)]


def record(article: Article) -> dict[str, str | None]:
    assert article.published is not None
    return {
        "id": ID_PREFIX + article.stem,
        "title": article.title,
        "published": article.published.isoformat(),
        "source": SOURCE,
        "url": None,
        "text": article.title + "\n" + article.body,
    }


def build(data: Path) -> bytes:
    articles = [read_article(path) for path in wikinews_files(data)]
    records = sorted((record(a) for a in select(articles)), key=lambda r: str(r["id"]))
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
    return "".join(lines).encode("utf-8")


def stats(data: Path) -> None:
    """Print the shapes of the NEREL texts and how many of them get a date."""
    paths = sorted(data.glob("*.txt"))
    wikinews = wikinews_files(data)
    others = [p.name for p in paths if p not in set(wikinews)]
    print(f"{len(paths)} texts: {len(wikinews)} Wikinews (<digits>_text.txt), {len(others)} other")
    print("  other:", " ".join(others))
    shapes: Counter[str] = Counter()
    date_lines = []
    for path in paths:
        lines = path.read_text(encoding="utf-8").split("\n")
        shape = "".join(
            "D" if DATE_LINE.fullmatch(x.strip()) else ("_" if not x.strip() else "T")
            for x in lines[:4]
        )
        shapes[shape] += 1
        if "D" in shape:
            date_lines.append(path.name)
    print("first four lines (T text, _ blank, D date line):", dict(shapes.most_common()))
    print("files with a DD/MM/YYYY HH:MM date line:", date_lines)
    articles = [read_article(path) for path in wikinews]
    print("Wikinews undated:", dict(Counter(a.why_undated for a in articles if not a.published)))
    for article in articles:
        if article.why_undated == "weekday contradicts date":
            print("  weekday contradicts date:", article.stem)
    dated = [a.published for a in articles if a.published]
    print(f"Wikinews dated: {len(dated)}, {min(dated)} .. {max(dated)}")
    print("  by year:", dict(sorted(Counter(d.year for d in dated).items())))
    chosen = select(articles)
    print(f"selected: {len(chosen)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the NEREL train folder")
    parser.add_argument("--out", type=Path, default=OUT, help="the JSONL file to write")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="fail when the shipped file is stale")
    mode.add_argument("--stats", action="store_true", help="print statistics of the texts")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"no NEREL texts at {args.data}", file=sys.stderr)
        return 2
    if args.stats:
        stats(args.data)
        return 0
    data = build(args.data)
    if args.check:
        if args.out.exists() and args.out.read_bytes() == data:
            return 0
        print(f"{args.out} is stale: run python scripts/build_sample_corpus.py", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {len(data.splitlines())} records to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
