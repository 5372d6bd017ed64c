"""Shared fixtures: the pipeline loads once per test session (models take ~1 s)."""

import os
from pathlib import Path

import pytest

from svodka import Pipeline
from svodka.store import Store
from svodka.store.store import database_url

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "mir24-putin-tokayev.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def example_doc(pipeline):
    text = EXAMPLE.read_text(encoding="utf-8")
    return pipeline.analyze(text, title=text.split("\n", 1)[0], id="mir24-putin-tokayev")


#: PostgreSQL for the store tests: a server URL in SVODKA_TEST_PG (`.ci/run` starts one).
#: Without it the PostgreSQL cases skip locally, and fail in CI, where a skip would hide them.
PG_URL = os.environ.get("SVODKA_TEST_PG")


def fresh_postgres(url: str) -> None:
    """Drop everything in the test database, so each test starts from an empty schema."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url(url))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """An empty store on each backend."""
    if request.param == "sqlite":
        opened = Store.open(tmp_path / "svodka.db")
    else:
        if not PG_URL:
            if os.environ.get("CI"):
                pytest.fail("CI must set SVODKA_TEST_PG to a PostgreSQL server")
            pytest.skip("no PostgreSQL server configured (set SVODKA_TEST_PG)")
        fresh_postgres(PG_URL)
        opened = Store.open(PG_URL)
    yield opened
    opened.close()
