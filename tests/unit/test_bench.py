"""Fast tests for the benchmark's plumbing: article loading, arguments, reporting (no models)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from svodka.bench import pipeline as bench


def write_articles(folder: Path) -> None:
    """Three tiny RuCoCo-like files, written out of name order."""
    for name, text in (("b.json", "Второй."), ("a.json", "Первый."), ("c.json", "Третий.")):
        (folder / name).write_text(json.dumps({"text": text, "entities": []}), encoding="utf-8")
    (folder / "notes.txt").write_text("not an article", encoding="utf-8")


def test_load_articles_reads_json_files_in_name_order(tmp_path: Path) -> None:
    write_articles(tmp_path)
    assert bench.load_articles(tmp_path, limit=500) == ["Первый.", "Второй.", "Третий."]


def test_load_articles_takes_the_first_n(tmp_path: Path) -> None:
    write_articles(tmp_path)
    assert bench.load_articles(tmp_path, limit=2) == ["Первый.", "Второй."]


def test_missing_folder_exits_with_2_and_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-folder"
    assert bench.main(["--rucoco", str(missing), "--limit", "5"]) == 2
    err = capsys.readouterr().err
    assert "not found" in err
    assert str(missing) in err
    assert "Traceback" not in err


def test_folder_without_articles_exits_with_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--rucoco", str(tmp_path)]) == 2
    assert "no *.json articles" in capsys.readouterr().err


def test_limit_below_one_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        bench.main(["--rucoco", str(tmp_path), "--limit", "0"])
    assert exit_info.value.code == 2


def fake_measurement(system: str, articles_per_s: float) -> bench.Measurement:
    return bench.Measurement(
        system, 10, 1000, 1.0, 10 / articles_per_s, articles_per_s, 100 * articles_per_s, 200.0
    )


def test_report_has_the_ratio_and_prints_one_row_per_system() -> None:
    measurements = [fake_measurement("svodka", 20.0), fake_measurement("natasha", 5.0)]
    report = bench.build_report(measurements, cold_start_s=1.5)
    assert report["speed_ratio_svodka_natasha"] == pytest.approx(4.0)
    assert [m["system"] for m in report["systems"]] == ["svodka", "natasha"]
    assert json.loads(json.dumps(report)) == report
    out = io.StringIO()
    bench.print_report(report, Console(file=out, width=160))
    printed = out.getvalue()
    assert "svodka" in printed and "natasha" in printed
    assert "4.00x" in printed
    assert f"{report['cpu_count']} CPUs" in printed


@pytest.mark.slow
def test_store_bench_grows_a_store_with_distinct_ids(tmp_path):
    from svodka.bench.store import grow, measure_search
    from svodka.corpus.ingest import ingest
    from svodka.doc import Record
    from svodka.store import Store

    store = Store.open(tmp_path / "bench.db")
    texts = [
        "Владимир Путин провел переговоры с Касым-Жомартом Токаевым в Сочи.",
        "В Казани открыли новый мост через Казанку, сообщил мэр города.",
    ]
    ingest([Record(id=f"d{i}", text=t) for i, t in enumerate(texts)], store, jobs=1)
    mentions = store.count("mentions")
    assert grow(store, 7) == 8  # rounded up to whole copies of the corpus
    assert store.count("mentions") == 4 * mentions
    timing = measure_search(store, ["Токаева", "мост"])
    assert timing["with_hits"] == 2 and timing["p95_ms"] >= timing["p50_ms"] > 0
    store.close()
