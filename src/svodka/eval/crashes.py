"""Robustness: run the whole pipeline over every development document and count failures.

Every document of RuCoCo (3,075), factRuEval dev, NEREL train and dev and SlavicNER train
goes through :func:`svodka.pipeline.analyze_outcomes`, which turns an exception into a
rejection «analysis failed: …» instead of stopping. An event whose actor is not in the
text counts as a failure too. A fix in any stage must keep the count at zero; ``make
crashes`` runs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from svodka.doc import Document, Record, Rejection
from svodka.eval.coref import load_rucoco
from svodka.eval.factru import load_factru
from svodka.eval.lemmas import load_slavicner
from svodka.eval.nerel import load_nerel
from svodka.lang import morph

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
            elif stray := stray_actor(outcome):
                count.failures.append((outcome.id, f"event actor not in the text: {stray}"))
        yield name, count


def stray_actor(doc: Document) -> str | None:
    """An event actor that is not in the text: an id no entity has, or a name that is
    neither an entity's nor made of the text's words (a group «иранские военные» is
    written in the nominative, so each word is looked for by its first four letters, then
    by its lemma: «люди» for «людей»)."""
    ids = {e.id for e in doc.entities}
    names = {e.name for e in doc.entities}
    text = doc.text.lower()
    for event in doc.events:
        for entity_id in (event.source, event.target, event.place):
            if entity_id is not None and entity_id not in ids:
                return f"{event.id}: no entity {entity_id}"
        for name in event.actors:
            if name not in names and not all(in_text(w, text) for w in name.lower().split()):
                return f"{event.id}: {name}"
    return None


def in_text(word: str, text: str) -> bool:
    """The word, or its lemma among the lemmas of the text's words."""
    if word[:4] in text:
        return True
    return morph.lemma(word) in {morph.lemma(w) for w in re.findall(r"\w+", text)}
