"""Robustness: run the whole pipeline over every development document and count failures.

Every document of RuCoCo (3,075), factRuEval dev, NEREL train and dev and SlavicNER train
goes through :func:`svodka.pipeline.analyze_outcomes`, which turns an exception into a
rejection «analysis failed: …» instead of stopping. A fix in any stage must keep the count
at zero; ``make crashes`` runs it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from svodka.doc import Record, Rejection
from svodka.eval.coref import load_rucoco
from svodka.eval.factru import load_factru
from svodka.eval.lemmas import load_slavicner
from svodka.eval.nerel import load_nerel

if TYPE_CHECKING:
    from svodka.pipeline import Pipeline

#: Each dataset by name: how to read (id, text) pairs from the shared data folder.
DATASETS: dict[str, Callable[[Path], list[tuple[str, str]]]] = {
    "rucoco": lambda data: [(d.id, d.text) for d in load_rucoco(data / "rucoco-news")],
    "factru": lambda data: [(d.id, d.text) for d in load_factru(data / "factru-2016-dev")],
    "nerel-train": lambda data: [(d.id, d.text) for d in load_nerel(data / "nerel-1.1/train")],
    "nerel-dev": lambda data: [(d.id, d.text) for d in load_nerel(data / "nerel-1.1/dev")],
    "slavicner": lambda data: [(d.id, d.text) for d in load_slavicner(data / "slavicner-ru-train")],
}


@dataclass(slots=True)
class CrashCount:
    """Documents analyzed and the ones whose analysis failed, with the reason."""

    documents: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def count_crashes(
    data: Path, names: list[str] | None = None, pipeline: Pipeline | None = None
) -> Iterator[tuple[str, CrashCount]]:
    """Analyze every document of each dataset; yields (dataset, counts) as each ends."""
    from svodka.pipeline import analyze_outcomes, default_pipeline

    pipeline = pipeline or default_pipeline()
    for name in names or list(DATASETS):
        items = DATASETS[name](data)
        records = [Record(id=doc_id, text=text) for doc_id, text in items]
        count = CrashCount(documents=len(records))
        for outcome in analyze_outcomes(pipeline, records):
            if isinstance(outcome, Rejection):
                count.failures.append((outcome.source, outcome.reason))
        yield name, count
