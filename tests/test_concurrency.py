"""A served store under concurrent load, on SQLite and PostgreSQL.

A real server (uvicorn on 127.0.0.1, in a thread) takes, for ``SVODKA_LOAD_SECONDS``
(20 by default): 8 clients analyzing short texts, 8 clients reading (graph, search,
entities, quotes, pages), one client storing articles with ``POST /api/v1/documents``, and
beside it a ``svodka ingest`` process writing the same store in small transactions, part
of its texts the same as the client's. Not one response may be a server error, the SQLite
file must pass ``integrity_check``, and every text must be stored exactly once.
No timing is asserted: the duration only bounds how long the clients keep asking.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx
import pytest
import uvicorn
from sqlalchemy import select

from svodka.store import Store
from svodka.store.schema import documents
from svodka.web import create_app
from tests.conftest import PG_URL, fresh_postgres

pytestmark = pytest.mark.slow

#: ``svodka ingest`` in a process of its own: the second writer.
INGEST = [sys.executable, "-m", "svodka", "ingest"]
SECONDS = float(os.environ.get("SVODKA_LOAD_SECONDS", "20"))
TOKEN = "concurrency-test-token"
PEOPLE = [
    ("Евгений Куйвашев", "Свердловской области"),
    ("Сергей Собянин", "Москвы"),
    ("Андрей Воробьёв", "Московской области"),
    ("Александр Беглов", "Санкт-Петербурга"),
]
CITIES = ["Екатеринбурге", "Казани", "Новосибирске", "Самаре", "Перми", "Твери"]
#: What the readers ask, in turn: the API's reads and the UI's pages.
READS = [
    "/api/v1/graph",
    "/api/v1/graph?entity=Куйвашев",
    "/api/v1/graph?q=завод",
    "/api/v1/search?q=завод",
    "/api/v1/search?q=губернатор&entity=Собянин",
    "/api/v1/documents?limit=5",
    "/api/v1/entities?q=Беглов",
    "/api/v1/entities?type=PER",
    "/api/v1/quotes",
    "/api/v1/health",
    "/",
    "/search?q=завод",
]


def article(number: int) -> str:
    """A short article of its own: no two numbers give the same text."""
    name, region = PEOPLE[number % len(PEOPLE)]
    city = CITIES[number % len(CITIES)]
    return (
        f"Губернатор {region} {name} открыл в {city} новый завод номер {number}. "
        f"По его словам, предприятие даст работу {100 + number} жителям региона."
    )


def meeting(number: int) -> str:
    """A short text to analyze."""
    name, _ = PEOPLE[number % len(PEOPLE)]
    city = CITIES[number % len(CITIES)]
    return f"Президент Казахстана Касым-Жомарт Токаев встретился с {name} в {city}."


@dataclass
class Tally:
    """Every answer the clients got, by status; the first server errors, for the report."""

    statuses: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    guard: threading.Lock = field(default_factory=threading.Lock)

    def record(self, label: str, status: int, body: str = "") -> None:
        with self.guard:
            self.statuses[label, status] += 1
            if status >= 500 and len(self.errors) < 10:
                self.errors.append(f"{label} → {status}: {body[:300]}")

    def count(self, label: str, status: int) -> int:
        return self.statuses[label, status]

    def server_errors(self) -> int:
        return sum(n for (_, status), n in self.statuses.items() if status >= 500)


class Served:
    """The app served by uvicorn on 127.0.0.1 (a free port) in a thread."""

    def __init__(self, app):
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", workers=1)
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(60)


def keep_asking(base: str, until: threading.Event, tally: Tally, ask) -> None:
    """Call ``ask(client, turn)`` until ``until`` is set; every answer (or failure to get
    one, as 599) goes into the tally."""
    with httpx.Client(base_url=base, timeout=300) as client:
        turn = 0
        while not until.is_set():
            label, status, body = ask(client, turn)
            tally.record(label, status, body)
            turn += 1


def safely(label: str, call) -> tuple[str, int, str]:
    try:
        response = call()
    except httpx.HTTPError as error:
        return label, 599, repr(error)
    return label, response.status_code, response.text


def analyzer(number: int):
    def ask(client: httpx.Client, turn: int):
        text = meeting(number * 1000 + turn)
        return safely("analyze", lambda: client.post("/api/v1/analyze", json={"text": text}))

    return ask


def reader(number: int):
    def ask(client: httpx.Client, turn: int):
        path = READS[(number + turn) % len(READS)]
        return safely(path.split("?")[0], lambda: client.get(path))

    return ask


def post_all(base: str, texts: list[tuple[str, str]], tally: Tally, posted: list[str]) -> None:
    """POST /documents two articles at a time, each batch once, whatever the load."""
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=base, timeout=600) as client:
        for start in range(0, len(texts), 2):
            body = [{"id": doc_id, "text": text} for doc_id, text in texts[start : start + 2]]
            label, status, answer = safely(
                "documents",
                lambda body=body: client.post("/api/v1/documents", json=body, headers=headers),
            )
            tally.record(label, status, answer)
            if status == 201:
                posted.extend(item["text"] for item in body)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "load.db")
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must set SVODKA_TEST_PG to a PostgreSQL server")
        pytest.skip("no PostgreSQL server configured (set SVODKA_TEST_PG)")
    fresh_postgres(PG_URL)
    return PG_URL


def test_concurrent_clients_and_writers_get_no_server_error(db, tmp_path, pipeline):
    folder = tmp_path / "articles"
    folder.mkdir()
    ingested = {f"file-{n:03d}": article(n) for n in range(40)}
    for name, text in ingested.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    # half of what the client posts the ingest also reads: each text must be stored once
    posted_texts = [(f"api-{n:03d}", article(n)) for n in range(20, 60)]
    assert len({*ingested.values(), *(t for _, t in posted_texts)}) == 60  # all distinct
    Store.open(db).close()  # the schema exists before the two writers start

    app = create_app(db, token=TOKEN)
    app.state.services.__dict__["pipeline"] = pipeline  # loaded once per test session
    tally, posted, stop = Tally(), [], threading.Event()
    asks = [analyzer(n) for n in range(8)] + [reader(n) for n in range(8)]
    log = tmp_path / "ingest.log"
    with Served(app) as base, log.open("w") as output:
        writer = subprocess.Popen(
            [*INGEST, str(folder), "--db", db, "--jobs", "1", "--batch-size", "2"],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        clients = [
            threading.Thread(target=keep_asking, args=(base, stop, tally, ask)) for ask in asks
        ]
        clients.append(threading.Thread(target=post_all, args=(base, posted_texts, tally, posted)))
        for client in clients:
            client.start()
        time.sleep(SECONDS)
        writer.wait(timeout=600)  # the load goes on until both writers are done
        clients[-1].join(600)
        stop.set()
        for client in clients:
            client.join(600)
        app.state.services.store.close()

    written = log.read_text(encoding="utf-8")
    assert writer.returncode == 0, written[-2000:]
    assert "Traceback" not in written
    assert tally.server_errors() == 0, tally.errors
    assert tally.count("analyze", 200) > 0
    for path in {p.split("?")[0] for p in READS}:
        assert tally.count(path, 200) > 0, (path, tally.statuses)
    assert sorted(posted) == sorted(text for _, text in posted_texts)  # every POST got 201
    assert_stored_once(db, {*ingested.values(), *posted})


def assert_stored_once(db: str, texts: set[str]) -> None:
    """Every text in the store exactly once, nothing else, the file sound (SQLite)."""
    if not db.startswith("postgresql"):
        with sqlite3.connect(db) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with Store.open(db) as store, store.engine.connect() as connection:
        rows = connection.execute(select(documents.c.hash, documents.c.seq)).all()
    hashes = Counter(row.hash for row in rows)
    expected = {hashlib.sha256(t.encode()).hexdigest() for t in texts}
    assert set(hashes) == expected
    assert max(hashes.values()) == 1
    assert len({row.seq for row in rows}) == len(rows)
