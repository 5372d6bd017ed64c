"""Kill -9 an ingest at several points, restart it, and get exactly the store an
uninterrupted run gives: nothing lost, nothing doubled. Real processes, real signals."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.stores import snapshot

pytestmark = pytest.mark.slow

PEOPLE = ["Андрей Волков", "Мария Смирнова", "Олег Петров", "Ирина Кузнецова", "Павел Орлов"]
CITIES = ["Казани", "Самаре", "Омске", "Томске", "Иркутске", "Перми", "Твери", "Сочи"]
TOPICS = ["новый мост", "детскую больницу", "спортивный комплекс", "школу", "библиотеку"]


def article(i: int) -> str:
    person, city = PEOPLE[i % len(PEOPLE)], CITIES[i % len(CITIES)]
    topic = TOPICS[i % len(TOPICS)]
    return (
        f"В {city} открыли {topic}\n"
        f"Мэр города {person} {i + 3} марта открыл в {city} {topic}. "
        f"Строительство обошлось в {100 + i * 7} млн рублей. "
        f"«Мы ждали этого {i + 2} года», — сказал {person.split()[1]}. "
        f"По данным администрации, объект посетят {1000 + i * 13} человек в месяц."
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    with (folder / "news.jsonl").open("w", encoding="utf-8") as file:
        for i in range(36):
            record = {"id": f"n{i:02}", "text": article(i), "published": "2024-03-20"}
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
            if i % 9 == 4:  # a syndicated copy: stored, marked as a near-duplicate
                copy = {"id": f"n{i:02}-copy", "text": article(i) + " Источник: ТАСС."}
                file.write(json.dumps(copy, ensure_ascii=False) + "\n")
            if i % 12 == 7:  # an exact copy: skipped
                file.write(json.dumps({**record, "id": f"n{i:02}-same"}, ensure_ascii=False) + "\n")
            if i % 10 == 5:  # broken input: a reject
                file.write('{"id": "broken", "text": \n')
    return folder / "news.jsonl"


def ingest_command(db, corpus, jobs):
    return [
        sys.executable,
        "-m",
        "svodka",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--jobs",
        str(jobs),
        "--batch-size",
        "4",
    ]


def run_to_end(db, corpus, jobs=1):
    done = subprocess.run(ingest_command(db, corpus, jobs), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def count_documents(db) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def kill_after(db, corpus, documents: int, jobs: int) -> None:
    """Start an ingest and SIGKILL its whole process group once ``documents`` are stored."""
    process = subprocess.Popen(
        ingest_command(db, corpus, jobs),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline:
        if count_documents(db) >= documents:
            break
        time.sleep(0.02)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("reference") / "svodka.db"
    run_to_end(db, corpus)
    return snapshot(db)


def test_reference_run_stores_documents_duplicates_and_rejects(reference):
    ids = {row[0] for row in reference["documents"]}
    assert len(ids) == 36 + 4  # 36 articles and 4 near-duplicate copies; exact copies skipped
    marked = {row[0]: row[5] for row in reference["documents"] if row[5]}
    assert marked == {"n04-copy": "n04", "n13-copy": "n13", "n22-copy": "n22", "n31-copy": "n31"}
    assert len(reference["rejects"]) >= 1
    assert len(reference["mentions"]) > 100


@pytest.mark.parametrize(("stored", "jobs"), [(1, 1), (9, 2), (21, 1), (37, 2)])
def test_kill_9_then_restart_gives_the_same_store(corpus, reference, tmp_path, stored, jobs):
    db = tmp_path / "svodka.db"
    kill_after(db, corpus, stored, jobs)
    interrupted = count_documents(db)
    assert interrupted < 40, "the ingest finished before it could be killed"
    run_to_end(db, corpus, jobs)
    assert snapshot(db) == reference
