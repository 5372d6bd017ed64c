"""The REST API: analyze, ingest and read back, search, entities, quotes, graph, health;
one page envelope for every listing, RFC 9457 problem details without tracebacks, the body
limit, the write token, offline Swagger UI."""

from __future__ import annotations

import re
from dataclasses import fields
from urllib.parse import quote, urlencode

import jsonschema
import pytest
from fastapi.testclient import TestClient
from swagger_ui_bundle import swagger_ui_path
from tests.conftest import EXAMPLE

from svodka.doc import (
    Amount,
    DateMention,
    Document,
    Entity,
    Event,
    Mention,
    Place,
    Quote,
    Record,
    Role,
)
from svodka.schema import json_schema, to_dict
from svodka.store.entities import EntityCount
from svodka.store.events import Dyad, DyadMonth, EventRow
from svodka.store.graph import Edge, Node
from svodka.store.profile import Profile, RoleSpan
from svodka.store.quotes import QuoteRow
from svodka.web import create_app
from svodka.web.api import models

TOKEN = "test-token-of-16+chars"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TOKAYEV = "per:касым-жомарт токаев"
#: Four short articles: Токаев in Moscow (January) and Astana (March, a quote), a
#: near-duplicate of the first, and a gas story without him.
ARTICLES = [
    {
        "id": "moscow",
        "title": "Токаев встретился с Путиным",
        "text": "Президент Казахстана Касым-Жомарт Токаев провел переговоры с Владимиром "
        "Путиным в Москве. «Мы довольны темпами сотрудничества с Россией», — заявил Токаев "
        "журналистам. Стороны обсудили поставки газа и строительство новых дорог.",
        "published": "2024-01-15",
        "source": "ТАСС",
        "url": "https://example.ru/moscow",
    },
    {
        "id": "moscow-copy",
        "title": "Токаев встретился с Путиным",
        "text": "Президент Казахстана Касым-Жомарт Токаев провел переговоры с Владимиром "
        "Путиным в Москве. «Мы довольны темпами сотрудничества с Россией», — заявил Токаев "
        "журналистам. Стороны обсудили поставки газа и строительство новых дорог. "
        "Подробности позже.",
        "published": "2024-01-16",
        "source": "Интерфакс",
    },
    {
        "id": "astana",
        "title": "Совещание в Астане",
        "text": "Касым-Жомарт Токаев провел в Астане совещание о развитии транспорта. "
        "По словам Токаева, новые дороги свяжут все регионы страны.",
        "published": "2024-03-02",
        "source": "Казинформ",
    },
    {
        "id": "gas",
        "title": "Газ для Китая",
        "text": "«Газпром» увеличил поставки газа в Китай. Экспорт газа вырос на 10%, а цены "
        "на газ снизились.",
        "published": "2024-02-10",
        "source": "Коммерсантъ",
    },
]


@pytest.fixture
def client(tmp_path) -> TestClient:
    """An app over an empty SQLite store, with a write token."""
    app = create_app(str(tmp_path / "api.db"), token=TOKEN)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def filled(store) -> TestClient:
    """An app over the ``store`` fixture (SQLite and PostgreSQL), the articles ingested."""
    app = create_app("unused.db", token=TOKEN)
    app.state.services.store = store
    client = TestClient(app, raise_server_exceptions=False)
    response = client.post("/api/v1/documents", json=ARTICLES, headers=AUTH)
    assert response.status_code == 201, response.text
    return client


def assert_json_error(response, status: int) -> dict:
    """The response is RFC 9457 problem details of ``status``, without a traceback."""
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["type"] == "about:blank" and body["status"] == status
    assert isinstance(body["title"], str) and isinstance(body["detail"], str)
    assert "Traceback" not in response.text
    return body


def page_of(response, total: int | None = None) -> list[dict]:
    """The items of a listing's page, checking its envelope (and ``total``)."""
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"items", "total", "limit", "offset"}
    assert total is None or body["total"] == total
    return body["items"]


# ------------------------------------------------------------------------- analysis


@pytest.mark.slow
def test_api_analyze_returns_a_contract_document(client):
    article = {**ARTICLES[0], "id": "a1"}
    response = client.post("/api/v1/analyze", json=article)
    assert response.status_code == 200, response.text
    doc = response.json()
    jsonschema.validate(doc, json_schema())
    assert (doc["id"], doc["published"], doc["source"]) == ("a1", "2024-01-15", "ТАСС")
    assert doc["url"] == "https://example.ru/moscow"
    assert "Касым-Жомарт Токаев" in [e["name"] for e in doc["entities"]]


@pytest.mark.slow
def test_api_analyze_example_article_finds_tokayev(client):
    text = EXAMPLE.read_text(encoding="utf-8")
    response = client.post("/api/v1/analyze", json={"text": text, "id": "mir24"})
    people = {e["name"] for e in response.json()["entities"] if e["type"] == "PER"}
    assert "Касым-Жомарт Токаев" in people
    assert "Владимир Путин" in people


@pytest.mark.parametrize(
    "article",
    [
        {},
        {"text": ""},
        {"text": "Текст", "published": "15.01.2024"},
        {"text": "Текст", "published": "2024-02-30"},
        {"text": "Текст\x00"},
        {"text": "Текст", "colour": "red"},
    ],
)
def test_api_analyze_rejects_invalid_articles_with_422(client, article):
    body = assert_json_error(client.post("/api/v1/analyze", json=article), 422)
    assert body["errors"] and body["instance"] == "/api/v1/analyze"


# ------------------------------------------------------------------------ the limits


@pytest.fixture
def small(tmp_path) -> TestClient:
    app = create_app(str(tmp_path / "api.db"), token=TOKEN, max_body=1000)
    return TestClient(app, raise_server_exceptions=False)


def test_api_refuses_a_body_over_the_limit_by_its_length(small):
    response = small.post("/api/v1/analyze", json={"text": "я" * 1000})
    assert "larger than 1000 bytes" in assert_json_error(response, 413)["detail"]


def test_api_refuses_a_streamed_body_over_the_limit(small):
    def chunks():  # chunked: no Content-Length to judge by
        for _ in range(10):
            yield b"x" * 200

    response = small.post(
        "/api/v1/analyze", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    assert_json_error(response, 413)


def test_api_refuses_a_false_content_length(small):
    response = small.post("/api/v1/analyze", content=b"{}", headers={"content-length": "abc"})
    assert_json_error(response, 400)


def test_api_accepts_a_body_under_the_limit(small):
    response = small.post("/api/v1/analyze", json={"text": ""})
    assert_json_error(response, 422)  # read and validated, not refused for its size


# ------------------------------------------------------------------------ the token


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}]
)
def test_api_writes_need_the_token(client, headers):
    response = client.post("/api/v1/documents", json=ARTICLES[0], headers=headers)
    assert_json_error(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


def test_api_writes_are_disabled_without_a_server_token(tmp_path, monkeypatch):
    monkeypatch.delenv("SVODKA_TOKEN", raising=False)
    client = TestClient(create_app(str(tmp_path / "api.db")), raise_server_exceptions=False)
    response = client.post("/api/v1/documents", json=ARTICLES[0], headers=AUTH)
    assert "disabled" in assert_json_error(response, 403)["detail"]


@pytest.mark.parametrize(
    "records",
    [
        {"id": "no-text"},
        {"text": "Текст", "published": "вчера"},
        "not an object",
        [],
        [{"text": "Текст"}] * 101,
    ],
)
def test_api_bodies_off_the_schema_refuse_the_request_with_422(client, records):
    response = client.post("/api/v1/documents", json=records, headers=AUTH)
    assert assert_json_error(response, 422)["errors"]


def test_api_a_refused_write_names_the_fields_of_its_shape(client):
    one = client.post("/api/v1/documents", json={"id": True, "text": "Текст"}, headers=AUTH)
    assert {tuple(e["loc"][:3]) for e in assert_json_error(one, 422)["errors"]} == {
        ("body", "article", "id")
    }
    many = client.post("/api/v1/documents", json=[{"id": "a", "text": "Текст"}] * 101, headers=AUTH)
    assert [e["loc"] for e in assert_json_error(many, 422)["errors"]] == [["body", "articles"]]


def test_api_an_article_of_a_list_that_does_not_fit_is_rejected_naming_the_field(client):
    records = [
        {"id": "b"},
        {"id": "c", "text": "Текст", "pages": 3},
        "Текст",
        {"text": "Текст", "published": "вчера"},
    ]
    response = client.post("/api/v1/documents", json=records, headers=AUTH)
    assert response.status_code == 201
    rejects = response.json()["rejects"]
    assert [r["source"] for r in rejects] == [
        "records[0] (b)",
        "records[1] (c)",
        "records[2]",
        "records[3]",
    ]
    assert [r["reason"].split(":")[0] for r in rejects] == ["text", "pages", "article", "published"]


def test_api_a_numeric_id_is_kept_as_its_digits():
    assert models.RecordIn.model_validate({"id": 42, "text": "Текст"}).record("x").id == "42"
    assert models.RecordIn.model_validate({"text": "Текст"}).record("x").id == "x"


def test_api_records_the_store_or_the_language_rule_refuses_are_rejected_with_reasons(client):
    records = [
        {"id": "en", "text": "The mayor opened a new bridge over the river on Monday."},
        {"id": "blank", "text": " \n\t"},
    ]
    response = client.post("/api/v1/documents", json=records, headers=AUTH)
    assert response.status_code == 201
    body = response.json()
    assert (body["added"], body["rejected"], body["ids"]) == (0, 2, [])
    assert [r["source"] for r in body["rejects"]] == ["records[0] (en)", "records[1] (blank)"]
    assert all(r["reason"] for r in body["rejects"])


def test_api_openapi_types_the_articles_a_write_takes(client):
    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/documents"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert {"$ref": "#/components/schemas/RecordIn"} in body["oneOf"]
    assert "201" in operation["responses"] and "200" not in operation["responses"]
    error = operation["responses"]["401"]["content"]
    assert error == {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemOut"}}
    }


# -------------------------------------------------------------------- reading back


@pytest.mark.slow
def test_api_ingest_counts_and_ids(filled):
    again = filled.post("/api/v1/documents", json=ARTICLES[0], headers=AUTH)
    assert again.status_code == 201
    assert (again.json()["added"], again.json()["duplicates"], again.json()["ids"]) == (0, 1, [])
    health = filled.get("/api/v1/health").json()
    assert health["status"] == "ok"
    assert health["documents"] == 4
    assert health["backend"] in ("sqlite", "postgresql")


@pytest.mark.slow
def test_api_lists_documents_newest_first(filled):
    page = filled.get("/api/v1/documents").json()
    assert [d["id"] for d in page["items"]] == ["astana", "gas", "moscow"]  # copy left out
    assert page["total"] == 3
    everything = filled.get("/api/v1/documents", params={"include_duplicates": "true"}).json()
    assert everything["total"] == 4
    paged = filled.get("/api/v1/documents", params={"limit": 1, "offset": 1}).json()
    assert [d["id"] for d in paged["items"]] == ["gas"]
    dated = filled.get("/api/v1/documents", params={"from": "2024-02-01", "to": "2024-02-28"})
    assert [d["id"] for d in dated.json()["items"]] == ["gas"]
    by_source = filled.get("/api/v1/documents", params={"source": "ТАСС"}).json()
    assert [d["id"] for d in by_source["items"]] == ["moscow"]


@pytest.mark.slow
def test_api_gets_a_stored_document(filled):
    doc = filled.get("/api/v1/documents/moscow-copy").json()
    assert doc["duplicate_of"] == "moscow"
    jsonschema.validate(doc, json_schema())
    assert "no document" in assert_json_error(filled.get("/api/v1/documents/nope"), 404)["detail"]


@pytest.mark.slow
def test_api_search_with_snippets_and_filters(filled):
    hits = page_of(filled.get("/api/v1/search", params={"q": "дорога"}), total=2)
    assert sorted(h["id"] for h in hits) == ["astana", "moscow"]
    for hit in hits:
        marked = [hit["snippet"][h["start"] : h["stop"]] for h in hit["highlights"]]
        assert all(word.lower().startswith("дорог") for word in marked)
    filtered = filled.get("/api/v1/search", params={"q": "дорога", "from": "2024-02-01"})
    assert [h["id"] for h in page_of(filtered, total=1)] == ["astana"]
    by_entity = page_of(filled.get("/api/v1/search", params={"entity": "Газпром"}), total=1)
    assert [h["id"] for h in by_entity] == ["gas"]


@pytest.mark.slow
@pytest.mark.parametrize("q", ["дорога", ""])
def test_api_search_pages_with_offset_and_total(filled, q):
    whole = [h["id"] for h in page_of(filled.get("/api/v1/search", params={"q": q}))]
    pages = [
        page_of(filled.get("/api/v1/search", params={"q": q, "limit": 1, "offset": n}))
        for n in range(len(whole) + 1)
    ]
    assert [h["id"] for page in pages for h in page] == whole
    assert pages[-1] == []
    total = filled.get("/api/v1/search", params={"q": q, "limit": 1, "offset": 9}).json()
    assert total == {"items": [], "total": len(whole), "limit": 1, "offset": 9}


@pytest.mark.slow
def test_api_entities_and_a_profile_by_encoded_key(filled):
    top = page_of(filled.get("/api/v1/entities", params={"type": "PER"}))
    assert top[0] == {
        "key": TOKAYEV,
        "name": "Касым-Жомарт Токаев",
        "type": "PER",
        "documents": 2,
    }
    named = page_of(filled.get("/api/v1/entities", params={"q": "Касым"}), total=1)
    assert [e["key"] for e in named] == [TOKAYEV]
    profile = filled.get("/api/v1/entities/" + quote(TOKAYEV)).json()
    assert profile["documents"] == 2
    assert profile["timeline"] == [
        {"month": "2024-01", "documents": 1},
        {"month": "2024-02", "documents": 0},
        {"month": "2024-03", "documents": 1},
    ]
    assert [d["id"] for d in profile["recent"]] == ["astana", "moscow"]
    assert "iso:KZ" in {e["key"] for e in profile["cooccurring"]}
    assert filled.get("/api/v1/entities/iso:KZ").json()["name"] == "Казахстан"
    missing = filled.get("/api/v1/entities/" + quote("per:нет такого"))
    problem = assert_json_error(missing, 404)
    assert "per:нет такого" in problem["detail"]
    assert problem["search"] == "/api/v1/search?" + urlencode({"q": "per:нет такого"})


@pytest.mark.slow
def test_api_entities_page_with_offset_and_total(filled):
    every = page_of(filled.get("/api/v1/entities", params={"limit": 200}))
    assert len(every) > 3
    second = filled.get("/api/v1/entities", params={"limit": 2, "offset": 2}).json()
    assert second["total"] == len(every) and second["items"] == every[2:4]
    named = filled.get("/api/v1/entities", params={"q": "Ка", "limit": 1, "offset": 1}).json()
    assert named["total"] >= 2 and len(named["items"]) == 1


@pytest.mark.slow
def test_api_quotes(filled):
    said = page_of(filled.get("/api/v1/quotes", params={"speaker": "Токаев"}), total=2)
    # latest first: «По словам Токаева, …» in Astana, «…», — заявил Токаев in Moscow
    assert [(q["doc_id"], q["speaker_key"]) for q in said] == [
        ("astana", TOKAYEV),
        ("moscow", TOKAYEV),
    ]
    about = page_of(filled.get("/api/v1/quotes", params={"about": "Россия"}), total=1)
    assert [(q["doc_id"], q["text"]) for q in about] == [
        ("moscow", "Мы довольны темпами сотрудничества с Россией")
    ]
    assert page_of(filled.get("/api/v1/quotes", params={"speaker": "Газпром"}), total=0) == []
    second = filled.get("/api/v1/quotes", params={"speaker": "Токаев", "limit": 1, "offset": 1})
    assert [q["doc_id"] for q in page_of(second, total=2)] == ["moscow"]


@pytest.mark.slow
def test_api_graph_around_an_entity_and_a_query(filled):
    graph = filled.get("/api/v1/graph", params={"entity": TOKAYEV}).json()
    assert graph["documents"] == 2
    assert graph["nodes"][0]["key"] == TOKAYEV
    keys = {n["key"] for n in graph["nodes"]}
    for edge in graph["edges"]:
        assert {edge["source"], edge["target"]} <= keys
        assert edge["weight"] >= 1
    assert {"source": "iso:KZ", "target": TOKAYEV, "weight": 1} in graph["edges"]
    small = filled.get("/api/v1/graph", params={"entity": TOKAYEV, "limit": 2}).json()
    assert len(small["nodes"]) == 2
    by_query = filled.get("/api/v1/graph", params={"q": "газ"}).json()
    assert by_query["documents"] == 2  # the Moscow talks and the gas story
    nobody = filled.get("/api/v1/graph", params={"entity": "per:никто"}).json()
    assert nobody == {"documents": 0, "nodes": [], "edges": []}


# ---------------------------------------------------------------- the hard edges

#: An id that is a URL: a natural id, «/» and «?» included.
URL_ID = "https://example.ru/news/2024/01/15/moscow?from=feed"


@pytest.mark.slow
def test_api_ids_with_slashes_are_reachable(filled):
    text = "Министр транспорта России Роман Старовойт открыл новый мост через Волгу в Твери."
    article = {"id": URL_ID, "text": text, "published": "2024-04-01"}
    added = filled.post("/api/v1/documents", json=article, headers=AUTH).json()
    assert added["ids"] == [URL_ID]
    for path in (quote(URL_ID, safe=""), quote(URL_ID, safe="/:")):
        doc = filled.get(f"/api/v1/documents/{path}")
        assert doc.status_code == 200, (path, doc.text)
        assert doc.json()["id"] == URL_ID
    listed = filled.get("/api/v1/documents", params={"limit": 10}).json()["items"]
    assert URL_ID in [item["id"] for item in listed]


@pytest.mark.slow
def test_api_a_lone_surrogate_or_a_nul_rejects_its_article_and_the_rest_is_stored(filled):
    # the body as a client writes it: JSON escapes for a half of a surrogate pair and for
    # a NUL, which no store holds: those articles are rejected naming the field
    body = (
        '[{"id": "\\udfff", "text": "Президент Казахстана Касым-Жомарт Токаев прилетел."},'
        ' {"id": "half", "text": "Текст \\ud800 без пары."},'
        ' {"id": "nul", "text": "Текст \\u0000 с нулём."},'
        ' {"id": "whole", "text": "Губернатор Евгений Куйвашев открыл новый завод."}]'
    )
    response = filled.post(
        "/api/v1/documents",
        content=body.encode(),
        headers={**AUTH, "content-type": "application/json"},
    )
    assert response.status_code == 201
    answer = response.json()
    assert (answer["added"], answer["ids"]) == (1, ["whole"])
    assert [(r["source"], r["reason"].split(" contains ")[0]) for r in answer["rejects"]] == [
        ("records[0] (\\udfff)", "id"),
        ("records[1] (half)", "text"),
        ("records[2] (nul)", "text"),
    ]
    assert filled.get("/api/v1/documents/whole").status_code == 200


@pytest.mark.slow
@pytest.mark.parametrize(
    "path",
    [
        "/search?q=%00",
        "/search?entity=%00",
        "/search?source=%00",
        "/map?q=%00",
        "/entities/per%3A%00",
        "/documents/doc%00",
        "/api/v1/documents/doc%00",
        "/api/v1/search?q=%00",
        "/api/v1/graph?entity=%00",
    ],
)
def test_a_nul_byte_in_any_route_is_a_422_not_a_500(filled, path):
    """PostgreSQL refuses NUL in text: the store refuses it first, for the UI's routes as
    for the API's."""
    assert_json_error(filled.get(path), 422)


def test_api_analyze_refuses_a_text_over_the_ui_limit_with_413(client):
    sentence = "Губернатор области открыл в городе новый завод. "
    text = sentence * (200_000 // len(sentence) + 1)
    response = client.post("/api/v1/analyze", json={"text": text})
    error = assert_json_error(response, 413)["detail"]
    assert f"{len(text)} characters" in error and "at most 200000" in error


class Failing:
    """A pipeline that fails every analysis: a 422 shows the text got past the limit."""

    def analyze_many(self, records, *, on_error=None):
        for record in records:
            on_error(record, RuntimeError("the model broke"))
        return iter(())


def test_api_analyze_limit_is_inclusive(tmp_path):
    app = create_app(str(tmp_path / "api.db"), token=TOKEN, max_text=60)
    app.state.services.__dict__["pipeline"] = Failing()
    client = TestClient(app, raise_server_exceptions=False)
    text = "Губернатор области открыл в городе новый большой завод сегодня"[:60]
    assert len(text) == 60
    at_limit = client.post("/api/v1/analyze", json={"text": text})
    assert "analysis failed" in assert_json_error(at_limit, 422)["detail"]
    over = client.post("/api/v1/analyze", json={"text": text + "!"})
    assert "at most 60" in assert_json_error(over, 413)["detail"]


# --------------------------------------------------------------------------- errors


def test_api_empty_store_answers(client):
    assert client.get("/api/v1/health").json()["documents"] == 0
    assert client.get("/api/v1/documents").json()["items"] == []
    empty = {"items": [], "total": 0, "limit": 20, "offset": 0}
    assert client.get("/api/v1/search", params={"q": "газ"}).json() == empty
    assert client.get("/api/v1/entities").json() == empty
    assert client.get("/api/v1/graph").json() == {"documents": 0, "nodes": [], "edges": []}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "/api/v1/nothing-here", 404),
        ("get", "/no/such/page", 404),
        ("get", "/api/v1/documents/unknown", 404),
        ("get", "/api/v1/entities/per:никто", 404),
        ("delete", "/api/v1/health", 405),
        ("get", "/api/v1/search?limit=0", 422),
        ("get", "/api/v1/documents?from=yesterday", 422),
        ("get", "/api/v1/entities?type=XYZ", 422),
    ],
)
def test_api_errors_are_json(client, method, path, status):
    assert_json_error(getattr(client, method)(path), status)


def test_api_internal_error_hides_the_traceback(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("secret detail of the failure")

    monkeypatch.setattr("svodka.web.api.entities.top_entities", broken)
    response = client.get("/api/v1/entities")
    assert assert_json_error(response, 500) == {
        "type": "about:blank",
        "title": "Internal Server Error",
        "status": 500,
        "detail": "internal error",
        "instance": "/api/v1/entities",
    }
    assert "secret" not in response.text
    assert "secret detail of the failure" in caplog.text  # logged on the server


# ------------------------------------------------------------------------ the docs


def test_api_docs_are_served_offline(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert not re.search(r"https?://", page.text)
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page.text)
    assets += re.findall(r"""url: ['"]([^'"]+)['"]""", page.text)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    assert any(a.endswith("swagger-ui.css") for a in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert client.get("/docs", follow_redirects=False).headers["location"] == "/api/docs"


def test_api_openapi_lists_every_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/v1/analyze",
        "/api/v1/documents",
        "/api/v1/documents/{doc_id}",
        "/api/v1/search",
        "/api/v1/entities",
        "/api/v1/entities/{key}",
        "/api/v1/entities/{key}/tone",
        "/api/v1/quotes",
        "/api/v1/events",
        "/api/v1/events/dyad",
        "/api/v1/graph",
        "/api/v1/health",
    }
    assert schema["openapi"].startswith("3.1")


def test_api_swagger_ui_5_renders_fastapis_own_document(client):
    page = client.get("/api/docs").text
    assert "url: '/api/v1/openapi.json'" in page
    assert client.get("/api/v1/openapi.json").json()["openapi"].startswith("3.1")
    assert re.search(r"swagger-ui-5\.\d+", str(swagger_ui_path))  # 3.1 needs Swagger UI 5


def test_api_openapi_document_validates(client):
    validate = pytest.importorskip("openapi_spec_validator").validate
    validate(client.get("/api/v1/openapi.json").json())


def test_api_links_and_docs_live_under_the_root_path(tmp_path):
    app = create_app(str(tmp_path / "api.db"), token=TOKEN)
    client = TestClient(app, root_path="/x", raise_server_exceptions=False)
    page = client.get("/x/api/docs").text
    assert "'/x/api/v1/openapi.json'" in page and '"/x/api/static/swagger-ui/' in page
    assert client.get("/x/docs", follow_redirects=False).headers["location"] == "/x/api/docs"
    assert client.get("/x/api/v1/openapi.json").json()["servers"] == [{"url": "/x"}]
    missing = client.get("/x/api/v1/entities/nobody").json()
    assert missing["search"] == "/x/api/v1/search?q=nobody"


# ------------------------------------------------- the models, declared by the dataclasses

CONTRACT_PARTS = [
    (models.MentionOut, Mention, "mention"),
    (models.RoleOut, Role, "role"),
    (models.PlaceOut, Place, "place"),
    (models.EntityOut, Entity, "entity"),
    (models.QuoteOut, Quote, "quote"),
    (models.AmountOut, Amount, "amount"),
    (models.DateOut, DateMention, "date"),
]
STORE_ANSWERS = [
    (models.EntityCountOut, EntityCount),
    (models.RoleSpanOut, RoleSpan),
    (models.QuoteRowOut, QuoteRow),
    (models.NodeOut, Node),
    (models.EdgeOut, Edge),
    (models.ProfileOut, Profile),
    (models.EventRowOut, EventRow),
    (models.DyadOut, Dyad),
    (models.DyadMonthOut, DyadMonth),
]


def names(model) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


@pytest.mark.parametrize(("model", "source", "part"), CONTRACT_PARTS)
def test_api_models_of_the_contract_have_the_dataclass_and_schema_fields(model, source, part):
    assert names(model) == [f.name for f in fields(source)]
    assert names(model) == list(json_schema()["$defs"][part]["properties"])


def test_api_event_model_has_the_dataclass_fields_and_the_schema_properties():
    """In the dataclass's order; the JSON Schema lists the same properties in another."""
    assert names(models.EventOut) == [f.name for f in fields(Event)]
    assert set(names(models.EventOut)) == set(json_schema()["$defs"]["event"]["properties"])


def test_api_document_model_is_the_contract_without_internal_layers():
    shown = [f.name for f in fields(Document) if f.name not in models.INTERNAL]
    assert names(models.DocumentOut) == ["schema", *shown]  # the dataclass's order
    assert set(names(models.DocumentOut)) == set(json_schema()["properties"])
    assert names(models.StoredDocumentOut) == [*names(models.DocumentOut), "duplicate_of"]


@pytest.mark.parametrize(("model", "source"), STORE_ANSWERS)
def test_api_models_of_store_answers_have_the_dataclass_fields(model, source):
    assert names(model) == [f.name for f in fields(source)]


def test_api_article_model_has_the_record_fields():
    assert set(names(models.ArticleIn)) == {f.name for f in fields(Record)}


def test_api_mirror_refuses_a_field_the_dataclass_lacks():
    with pytest.raises(TypeError, match="no fields"):
        models.mirror(Mention, "Broken", leave_out=("colour",))


@pytest.mark.slow
def test_api_document_model_takes_the_contract_json(example_doc):
    parsed = models.DocumentOut.model_validate(to_dict(example_doc))
    assert parsed.model_dump(mode="json", by_alias=True) == to_dict(example_doc)


@pytest.mark.parametrize(
    ("published", "day"),
    [("2024-08-19", "2024-08-19"), ("2024-08-19T23:30:00+03:00", "2024-08-19"), (None, None)],
)
def test_api_record_takes_a_day_or_an_iso_date_time(published, day):
    article = models.RecordIn.model_validate({"text": "Текст", "published": published})
    assert (article.published.isoformat() if article.published else None) == day


def test_api_record_refuses_a_timestamp_for_a_day():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        models.RecordIn.model_validate({"text": "Текст", "published": "0"})


def test_api_search_says_how_far_its_total_counts(client):
    from svodka.store.fts import CANDIDATES

    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/search"]["get"]
    assert f"latest {CANDIDATES:,} matches" in operation["description"]
