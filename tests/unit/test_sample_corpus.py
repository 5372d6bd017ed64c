"""The shipped sample corpus examples/corpus/wikinews.jsonl and its builder."""

import importlib.util
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from svodka.doc import Rejection
from svodka.io.readers import read_records

ROOT = Path(__file__).parents[2]
CORPUS = ROOT / "examples/corpus/wikinews.jsonl"
SCRIPT = ROOT / "scripts/build_sample_corpus.py"
NEREL = ROOT.parent / "shared/data/nerel-1.1"
KEYS = ["id", "title", "published", "source", "url", "text"]
LETTER = re.compile(r"[^\W\d_]")
CYRILLIC = re.compile("[\u0400-\u04ff]")

needs_nerel = pytest.mark.skipif(not NEREL.is_dir(), reason="needs ../shared/data/nerel-1.1")


def load_builder():
    spec = importlib.util.spec_from_file_location("build_sample_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def raw() -> str:
    return CORPUS.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def records(raw) -> list[dict]:
    assert raw.endswith("\n") and "\r" not in raw
    return [json.loads(line) for line in raw.split("\n")[:-1]]


def test_every_line_is_a_record_with_the_keys_in_order(records):
    assert all(list(r) == KEYS for r in records)
    for r in records:
        assert r["id"].startswith("wikinews-nerel-") and r["id"].endswith("_text")
        assert r["title"] and "\n" not in r["title"] and r["title"] == r["title"].strip()
        assert r["source"] == "Русские Викиновости"
        assert r["url"] is None


def test_written_without_ascii_escapes(raw):
    assert "\\u04" not in raw
    assert "Викиновости" in raw


def test_about_300_records_with_unique_ids_in_id_order(records):
    ids = [r["id"] for r in records]
    assert 230 <= len(records) <= 300
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)


def test_dates_are_iso_days_spanning_several_years(records):
    days = [date.fromisoformat(r["published"]) for r in records]
    assert all(r["published"] == d.isoformat() for r, d in zip(records, days, strict=True))
    assert all(2005 <= d.year <= 2021 for d in days)
    assert len({d.year for d in days}) >= 8
    assert (max(days) - min(days)).days > 5 * 365


def test_texts_are_russian_and_start_with_their_title(records):
    for r in records:
        text = r["text"]
        assert text.startswith(r["title"] + "\n"), r["id"]
        body = text[len(r["title"]) + 1 :]
        assert body.strip() and body == body.rstrip() and not body.startswith("\n"), r["id"]
        letters = LETTER.findall(text)
        share = sum(1 for ch in letters if CYRILLIC.match(ch)) / len(letters)
        assert share > 0.6, (r["id"], share)


def test_svodka_reads_every_record_with_its_date(records):
    read = list(read_records([CORPUS]))
    assert not [item for item in read if isinstance(item, Rejection)]
    assert [rec.id for rec in read] == [r["id"] for r in records]
    first, shipped = read[0], records[0]
    assert first.published == date.fromisoformat(shipped["published"])
    assert first.title == shipped["title"] and first.source == shipped["source"]


def test_lead_date_rule():
    builder = load_builder()
    caption = "Фото 1 мая 2013 года"  # under 80 characters: a caption, not the lead
    lead = "В среду, 30 марта 2016 года, в Госдуме России прошёл круглый стол о беспилотниках."
    assert builder.lead_date([caption, lead]) == (date(2016, 3, 30), "")
    yesterday = (
        "В автомобиле, который взорвался вчера, 8 сентября 2017 года, в районе Бессарабской"
        " площади в Киеве, находилась модель."
    )
    assert builder.lead_date([yesterday])[0] == date(2017, 9, 9)
    wrong_weekday = (
        "В пятницу, 7 июня 2017 года, президент Украины подписал закон о безвизовом режиме."
    )
    assert builder.lead_date([wrong_weekday]) == (None, "weekday contradicts date")
    old = (
        "Писатель родился 6 марта 1929 года в Сухуми, а в 1954 году окончил Литературный институт."
    )
    assert builder.lead_date([old]) == (None, "no date in lead")


def test_selection_spreads_over_the_whole_set():
    builder = load_builder()
    articles = [builder.Article(f"{i}_text", "t", "b", date(2016, 1, 1)) for i in range(900)]
    chosen = builder.select(articles)
    assert len(chosen) == builder.TARGET
    assert chosen[0] is articles[0] and chosen[-1] is articles[897]
    assert {int(a.stem.split("_")[0]) % 3 for a in chosen} == {0}


def run_builder(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(SCRIPT), "--data", str(NEREL / "train"), *args]
    return subprocess.run(command, capture_output=True, text=True)


@needs_nerel
def test_shipped_file_is_what_the_builder_makes():
    done = run_builder("--check")
    assert done.returncode == 0, done.stdout + done.stderr


@needs_nerel
def test_check_fails_on_a_stale_file(tmp_path, raw):
    stale = tmp_path / "wikinews.jsonl"
    stale.write_text(raw.split("\n", 1)[1], encoding="utf-8")  # the first record dropped
    done = run_builder("--check", "--out", str(stale))
    assert done.returncode == 1
    assert "stale" in done.stderr
