"""The web services: every analysis path (REST analyze, POST /documents, the UI's analyze)
runs the one pipeline under one lock, and POST /documents stores through corpus.ingest."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

import svodka.web.services
from svodka.web import create_app

TOKEN = "test-token-of-16+chars"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
#: A governor per request: each answer must name its own.
GOVERNORS = [
    ("Евгений Куйвашев", "Свердловской области"),
    ("Сергей Собянин", "Москвы"),
    ("Андрей Воробьёв", "Московской области"),
    ("Александр Беглов", "Санкт-Петербурга"),
]


class Counting:
    """A pipeline wrapper that records how many analyses run at once."""

    def __init__(self, pipeline):
        self.pipeline = pipeline
        self.running = self.most = self.calls = 0
        self.guard = threading.Lock()

    def analyze_many(self, records, **options):
        with self.guard:
            self.running += 1
            self.calls += 1
            self.most = max(self.most, self.running)
        try:
            time.sleep(0.02)  # a wider window for another call to overlap this one
            return iter(list(self.pipeline.analyze_many(records, **options)))
        finally:
            with self.guard:
                self.running -= 1


class Failing:
    """A pipeline whose every analysis fails."""

    def analyze_many(self, records, *, on_error=None):
        for record in records:
            on_error(record, RuntimeError("the model broke"))
        return iter(())


def app_with(tmp_path, pipeline, **options):
    app = create_app(str(tmp_path / "web.db"), token=TOKEN, **options)
    app.state.services.__dict__["pipeline"] = pipeline
    return app


def text_of(name: str, region: str) -> str:
    return f"Губернатор {region} {name} открыл новый завод. {name} осмотрел цеха."


def ask_ui(client, number: int) -> tuple[str, str]:
    name, region = GOVERNORS[number % len(GOVERNORS)]
    html = client.post("/analyze", data={"text": text_of(name, region)}).text
    marked = re.findall(r'data-type="PER"[^>]*>([^<]+)<', html)
    return name, " ".join(marked)


def ask_rest(client, number: int) -> tuple[str, str]:
    name, region = GOVERNORS[number % len(GOVERNORS)]
    doc = client.post("/api/v1/analyze", json={"text": text_of(name, region)}).json()
    return name, " ".join(e["name"] for e in doc["entities"] if e["type"] == "PER")


def ask_store(client, number: int) -> tuple[str, str]:
    name, region = GOVERNORS[number % len(GOVERNORS)]
    article = {"id": f"doc{number}", "text": text_of(name, region) + f" Номер {number}."}
    ids = client.post("/api/v1/documents", json=article, headers=AUTH).json()["ids"]
    stored = client.get(f"/api/v1/documents/{ids[0]}").json()
    return name, " ".join(e["name"] for e in stored["entities"] if e["type"] == "PER")


@pytest.mark.slow
def test_services_run_one_analysis_at_a_time_on_every_path(tmp_path, pipeline):
    counting = Counting(pipeline)
    jobs = [(ask, number) for number in range(6) for ask in (ask_ui, ask_rest, ask_store)]
    client = TestClient(app_with(tmp_path, counting, queue=len(jobs)))
    with ThreadPoolExecutor(len(jobs)) as pool:
        answers = list(pool.map(lambda job: job[0](client, job[1]), jobs))
    for name, found in answers:
        assert name in found or name.replace("ё", "е") in found, (name, found)
    assert counting.calls == len(jobs)
    assert counting.most == 1


def test_services_documents_are_stored_through_corpus_ingest(tmp_path, monkeypatch):
    seen = []
    real = svodka.web.services.ingest

    def spy(items, store, **options):
        seen.append(options)
        return real(items, store, **options)

    monkeypatch.setattr(svodka.web.services, "ingest", spy)
    failing = Failing()
    client = TestClient(app_with(tmp_path, failing))
    body = [{"id": "a", "text": "Текст"}, {"id": "b", "text": "The mayor opened a bridge."}]
    answer = client.post("/api/v1/documents", json=body, headers=AUTH).json()
    assert [options["pipeline"] for options in seen] == [failing]
    assert (answer["added"], answer["rejected"]) == (0, 2)
    assert [r["source"] for r in answer["rejects"]] == ["a", "records[1] (b)"]
    assert answer["rejects"][0]["reason"] == "analysis failed: RuntimeError: the model broke"
    assert client.app.state.services.store.count("rejects") == 2


def test_services_failed_analysis_is_an_error_on_rest_and_ui(tmp_path):
    client = TestClient(app_with(tmp_path, Failing()), raise_server_exceptions=False)
    rest = client.post("/api/v1/analyze", json={"text": "Текст"})
    assert rest.status_code == 422
    assert rest.headers["content-type"] == "application/problem+json"
    assert rest.json()["detail"] == "analysis failed: RuntimeError: the model broke"
    page = client.post("/analyze", data={"text": "Текст"})
    assert page.status_code == 500 and "Не удалось разобрать текст" in page.text


class Blocking:
    """A pipeline whose analyses wait until the test releases them."""

    def __init__(self, pipeline):
        self.pipeline = pipeline
        self.started = threading.Event()
        self.release = threading.Event()

    def analyze_many(self, records, **options):
        self.started.set()
        self.release.wait(120)
        return iter(list(self.pipeline.analyze_many(records, **options)))


def wait_for(condition) -> bool:
    """Whether ``condition()`` holds within a generous number of polls."""
    for _ in range(12_000):
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_services_a_full_queue_answers_503_with_retry_after(tmp_path, pipeline):
    blocking = Blocking(pipeline)
    app = app_with(tmp_path, blocking, queue=1)  # one running, one waiting, no more
    client = TestClient(app, raise_server_exceptions=False)
    services = app.state.services
    article = {"text": text_of(*GOVERNORS[0])}
    with ThreadPoolExecutor(2) as pool:
        running = pool.submit(client.post, "/api/v1/analyze", json=article)
        assert blocking.started.wait(120)
        waiting = pool.submit(client.post, "/api/v1/analyze", json=article)
        assert wait_for(lambda: services.queued == 2)
        refused = [
            client.post("/api/v1/analyze", json=article),
            client.post("/api/v1/documents", json={"id": "x", **article}, headers=AUTH),
            client.post("/analyze", data=article),
        ]
        blocking.release.set()
        assert [running.result().status_code, waiting.result().status_code] == [200, 200]
    for response in refused:
        assert response.status_code == 503
        assert "busy" in response.json()["detail"]
        assert response.json()["retry_after"] == int(response.headers["retry-after"])
        assert int(response.headers["retry-after"]) >= 1
    assert services.queued == 0
    assert client.post("/api/v1/analyze", json=article).status_code == 200  # room again
    assert services.store.count("documents") == 0  # the refused POST stored nothing
