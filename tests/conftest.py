"""Shared fixtures: the pipeline loads once per test session (models take ~1 s)."""

from pathlib import Path

import pytest

from svodka import Pipeline

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "mir24-putin-tokayev.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def example_doc(pipeline):
    text = EXAMPLE.read_text(encoding="utf-8")
    return pipeline.analyze(text, title=text.split("\n", 1)[0], id="mir24-putin-tokayev")
