"""``GET /api/v1/entities/{key}/tone`` over hand-made documents on both backends: totals,
months and years, outlets, date filters, the response's shape (the store's answer,
mirrored), unknown keys and bad parameters."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from tests.unit.test_tone_corpus_store import IVANOV, PLANT, corpus

from svodka.store import prepare
from svodka.store.tone_series import EntityTone, TonePeriod
from svodka.web import create_app


@pytest.fixture
def client(store) -> TestClient:
    """An app over the ``store`` fixture holding the tone corpus."""
    store.add([prepare(doc) for doc in corpus()])
    app = create_app("unused.db")
    app.state.services.store = store
    return TestClient(app, raise_server_exceptions=False)


def tone_of(client: TestClient, key: str, **params) -> dict:
    response = client.get(f"/api/v1/entities/{quote(key, safe=':')}/tone", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_api_tone_by_month_with_every_field(client):
    body = tone_of(client, IVANOV)
    assert list(body) == list(EntityTone.__slots__)  # the store's answer, field for field
    assert (body["key"], body["name"], body["type"], body["period"]) == (
        IVANOV,
        "Иванов",
        "PER",
        "month",
    )
    assert body["total"] == {
        "documents": 4,
        "negative": 1,
        "neutral": 2,
        "positive": 3,
        "mean": pytest.approx(0.1, abs=1e-4),
    }
    assert list(body["periods"][0]) == list(TonePeriod.__slots__)
    assert [(p["period"], p["documents"]) for p in body["periods"]] == [
        ("2024-05", 1),
        ("2024-06", 0),
        ("2024-07", 2),
    ]
    assert body["periods"][1]["mean"] is None
    assert [(s["source"], s["documents"]) for s in body["sources"]] == [
        ("ТАСС", 2),
        (None, 1),
        ("РИА", 1),
    ]


def test_api_tone_dates_and_years(client):
    body = tone_of(client, IVANOV, **{"from": "2024-07-01", "to": "2024-07-15"})
    assert (body["date_from"], body["date_to"]) == ("2024-07-01", "2024-07-15")
    assert [(p["period"], p["negative"], p["neutral"]) for p in body["periods"]] == [
        ("2024-07", 1, 1)
    ]
    assert body["total"]["mean"] == -0.5
    yearly = tone_of(client, PLANT, period="year")
    assert [(p["period"], p["neutral"]) for p in yearly["periods"]] == [("2024", 2)]
    assert yearly["total"]["neutral"] == 3  # the undated document counts in the total


def test_api_tone_of_a_name_redirects_to_the_key_with_the_query(client):
    response = client.get(
        "/api/v1/entities/Иванов/tone", params={"period": "year"}, follow_redirects=False
    )
    assert response.status_code == 307
    assert response.headers["location"] == (
        "/api/v1/entities/" + quote(IVANOV, safe=":") + "/tone?period=year"
    )
    followed = client.get("/api/v1/entities/Иванов/tone", params={"period": "year"})
    assert followed.status_code == 200 and followed.json()["period"] == "year"


def test_api_tone_of_the_profile_route_is_untouched(client):
    response = client.get(f"/api/v1/entities/{quote(IVANOV, safe=':')}")
    assert response.status_code == 200
    assert response.json()["key"] == IVANOV


@pytest.mark.parametrize(
    "path, params, status",
    [
        ("per:никто", {}, 404),
        (IVANOV, {"period": "week"}, 422),
        (IVANOV, {"from": "05.07.2024"}, 422),
        (IVANOV, {"to": "0"}, 422),
    ],
)
def test_api_tone_refuses_unknown_keys_and_bad_parameters(client, path, params, status):
    response = client.get(f"/api/v1/entities/{quote(path, safe=':')}/tone", params=params)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == status


def test_api_tone_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/entities/{key}/tone"]["get"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/EntityToneOut"
    }
    assert {"ToneCountOut", "TonePeriodOut", "ToneSourceOut"} <= set(
        schema["components"]["schemas"]
    )
