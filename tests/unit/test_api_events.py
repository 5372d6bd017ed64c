"""``GET /api/v1/events`` and ``/events/dyad`` over hand-made documents on both backends:
the filters, paging, the response's shape (the store's rows, mirrored), bad parameters."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from tests.unit.test_store_events import PUTIN, SOCHI, TOKAYEV, corpus

from svodka.store import prepare
from svodka.store.events import EventRow
from svodka.web import create_app

pytestmark = pytest.mark.slow


@pytest.fixture
def client(store) -> TestClient:
    """An app over the ``store`` fixture holding ``corpus()``."""
    store.add([prepare(doc) for doc in corpus()])
    app = create_app("unused.db")
    app.state.services.store = store
    return TestClient(app, raise_server_exceptions=False)


def events(client: TestClient, **params) -> dict:
    response = client.get("/api/v1/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def ids(body: dict) -> list[str]:
    return [f"{e['doc_id']}:{e['event_id']}" for e in body["items"]]


def test_api_events_by_actor_latest_first_with_every_field(client):
    body = events(client, actor=PUTIN)
    assert (body["total"], body["limit"], body["offset"]) == (4, 50, 0)
    assert ids(body) == ["future:v1", "accuse:v1", "sochi:v1", "sochi:v2"]
    talks = body["items"][2]
    assert list(talks) == list(EventRow.__slots__)  # the store's row, field for field
    assert talks["source_key"] == PUTIN and talks["target_key"] == TOKAYEV
    assert (talks["place_key"], talks["date_start"], talks["published"]) == (
        SOCHI,
        "2024-10-04",
        "2024-10-04",
    )
    assert talks["clause"] == "Владимир Путин и Касым-Жомарт Токаев провели переговоры в Сочи"
    assert talks["actors"] == ["Владимир Путин", "Касым-Жомарт Токаев"]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"target": PUTIN}, ["accuse:v1"]),
        ({"target": "Токаев", "type": "CONSULT"}, ["sochi:v1", "sochi:v2"]),
        ({"type": "ASSAULT"}, ["accuse:v2"]),
        ({"from": "2024-06-10", "to": "2024-06-10"}, ["sochi:v2"]),
        ({"actor": TOKAYEV, "from": "2024-11-01"}, ["future:v1", "accuse:v1"]),
        (
            {"actor": "Путин", "partner": "Токаев", "to": "2024-12-31"},
            ["accuse:v1", "sochi:v1", "sochi:v2"],
        ),
        ({"actor": "Иван Никтошин"}, []),
    ],
)
def test_api_events_filters(client, params, expected):
    assert ids(events(client, **params)) == expected


def test_api_events_pages_with_a_total(client):
    second = events(client, actor=PUTIN, limit=3, offset=3)
    assert (second["total"], ids(second)) == (4, ["sochi:v2"])


@pytest.mark.parametrize(
    "params",
    [{"type": "HUG"}, {"from": "04.10.2024"}, {"limit": 0}, {"offset": -1}, {"actor": "a\x00"}],
)
def test_api_events_refuses_bad_parameters(client, params):
    response = client.get("/api/v1/events", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert isinstance(response.json()["detail"], str)


def test_api_events_dyad_counts_by_type_quad_and_month(client):
    response = client.get(f"/api/v1/events/dyad?a={quote(PUTIN)}&b={quote(TOKAYEV)}")
    assert response.status_code == 200, response.text
    pair = response.json()
    assert (pair["a_name"], pair["b_name"]) == ("Владимир Путин", "Касым-Жомарт Токаев")
    assert (pair["total"], pair["a_to_b"], pair["b_to_a"]) == (4, 3, 1)
    assert {t: n for t, n in pair["types"].items() if n} == {"CONSULT": 2, "AGREE": 1, "ACCUSE": 1}
    assert pair["quads"] == {
        "verbal cooperation": 3,
        "material cooperation": 0,
        "verbal conflict": 1,
        "material conflict": 0,
    }
    june = pair["months"][0]
    assert june == {"month": "2024-06", "quads": [1, 0, 0, 0], "types": {"CONSULT": 1}}
    assert pair["months"][-1]["month"] == "2025-01"


def test_api_events_dyad_of_strangers_is_empty(client):
    pair = client.get("/api/v1/events/dyad", params={"a": PUTIN, "b": SOCHI}).json()
    assert (pair["total"], pair["months"], pair["b_name"]) == (0, [], "Сочи")
    assert client.get("/api/v1/events/dyad", params={"a": PUTIN}).status_code == 422


def test_api_events_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    listed = schema["paths"]["/api/v1/events"]["get"]
    assert {p["name"] for p in listed["parameters"]} >= {
        "actor",
        "target",
        "type",
        "from",
        "to",
        "limit",
        "offset",
    }
    assert "/api/v1/events/dyad" in schema["paths"]
