"""svodka ingest, rejects, reanalyze and events end to end, in-process, on a temporary SQLite
store."""

import json
import sqlite3

import pytest
from tests.unit.test_store_events import PUTIN, corpus
from typer.testing import CliRunner

from svodka import __version__
from svodka.cli.main import app
from svodka.store import Store, prepare

pytestmark = pytest.mark.slow
runner = CliRunner()

NEWS = (
    "В Казани открыли новый мост\n"
    "Мэр Казани Ильсур Метшин открыл мост через Казанку. «Мост сократит путь в центр "
    "на 20 минут», — сказал Метшин. Строительство обошлось в 3 млрд рублей."
)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "most.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "news" / "bad.json").write_text('{"text": ', encoding="utf-8")
    (tmp_path / "news" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    return tmp_path / "news"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_ingest_stores_articles_counts_rejects_and_is_idempotent(folder, tmp_path):
    db = tmp_path / "svodka.db"
    first = run("ingest", folder, "--db", db, "--jobs", "1")
    assert first.exit_code == 0, first.output
    assert "added" in first.output and "rejected" in first.output
    again = run("ingest", folder, "--db", db, "--jobs", "1")
    assert again.exit_code == 0
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        reasons = [r[0] for r in connection.execute("SELECT reason FROM rejects")]
    assert len(reasons) == 2 and all(reasons)
    listed = run("rejects", "--db", db)
    assert listed.exit_code == 0 and "rejects: 2" in listed.output


def test_ingest_exit_codes_match_analyze(folder, tmp_path):
    db = tmp_path / "strict.db"
    strict = run("ingest", folder, "--db", db, "--jobs", "1", "--strict")
    assert strict.exit_code == 1 and "--strict" in strict.output
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.txt").write_text(" \n", encoding="utf-8")
    (tmp_path / "bad" / "uk.json").write_text(
        '{"text": "Президент України провів переговори з прем\'єр-міністром у Києві щодо '
        'відбудови енергетичної системи країни після зимових атак."}',
        encoding="utf-8",
    )
    none_left = run("ingest", tmp_path / "bad", "--db", tmp_path / "bad.db", "--jobs", "1")
    assert none_left.exit_code == 1
    with sqlite3.connect(tmp_path / "bad.db") as connection:
        assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
        reasons = sorted(r[0] for r in connection.execute("SELECT reason FROM rejects"))
    assert reasons[0].startswith("not Russian text (it reads as Ukrainian")
    assert reasons[1].startswith("the text is empty or only whitespace")


def test_reanalyze_updates_documents_of_another_version(folder, tmp_path):
    db = tmp_path / "svodka.db"
    assert run("ingest", folder, "--db", db, "--jobs", "1").exit_code == 0
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE documents SET version = '0.0.1'")
    done = run("reanalyze", "--db", db, "--jobs", "1")
    assert done.exit_code == 0, done.output
    with sqlite3.connect(db) as connection:
        versions = {row[0] for row in connection.execute("SELECT version FROM documents")}
        mentions = connection.execute("SELECT count(*) FROM mentions").fetchone()[0]
    assert versions == {__version__} and mentions > 0


def test_read_commands_refuse_a_missing_store(tmp_path):
    for command in ("rejects", "reanalyze", "stats"):
        result = run(command, "--db", tmp_path / "none.db")
        assert result.exit_code == 1, command
    assert not (tmp_path / "none.db").exists()


TALKS = (
    "Путин и Токаев провели переговоры\n"
    "Президент России Владимир Путин провел переговоры с президентом Казахстана "
    "Касым-Жомартом Токаевым в Сочи."
)


def test_ingest_and_reanalyze_keep_one_events_row_per_event(tmp_path):
    """The events table holds exactly the events of the stored analyses, after an ingest
    and after a reanalysis (rows replaced, not added); ``stats`` counts them."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "talks.txt").write_text(TALKS, encoding="utf-8")
    db = tmp_path / "svodka.db"

    def stored() -> tuple[int, int]:
        with sqlite3.connect(db) as connection:
            rows = connection.execute("SELECT count(*) FROM events").fetchone()[0]
            [analysis] = [r[0] for r in connection.execute("SELECT analysis FROM documents")]
        return rows, len(json.loads(analysis)["events"])

    assert run("ingest", tmp_path / "news", "--db", db, "--jobs", "1").exit_code == 0
    rows, events = stored()
    assert rows == events >= 1  # the talks are at least one CONSULT
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE documents SET version = '0.0.1'")
    assert run("reanalyze", "--db", db, "--jobs", "1").exit_code == 0
    assert stored() == (rows, events)
    stats = run("stats", "--db", db, "--format", "json")
    assert stats.exit_code == 0 and json.loads(stats.stdout)["events"] == rows


def test_events_command_filters_and_prints_json(tmp_path):
    """``svodka events`` over the hand-made documents of ``test_store_events``."""
    db = tmp_path / "events.db"
    with Store.open(db) as store:
        store.add([prepare(doc) for doc in corpus()])
    listed = run("events", "--actor", "Путин", "--partner", "Токаев", "--db", db)
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout.splitlines()
    assert len(lines) == 4 and "4 events, 4 shown" in listed.stderr
    assert lines[0].startswith("2025 ") and "AGREE" in lines[0] and "future" in lines[0]
    assert "Касым-Жомарт Токаев → Владимир Путин  «раскритиковал»" in lines[1]
    typed = run("events", "--type", "ASSAULT", "--format", "json", "--db", db)
    body = json.loads(typed.stdout)
    assert body["total"] == 1 and body["events"][0]["source_name"] == "боевики"
    dated = run(
        "events",
        "--actor",
        PUTIN,
        "--from",
        "2024-06-10",
        "--to",
        "2024-06-10",
        "--format",
        "json",
        "--db",
        db,
    )
    assert [e["event_id"] for e in json.loads(dated.stdout)["events"]] == ["v2"]
    assert run("events", "--from", "10.06.2024", "--db", db).exit_code == 2
