"""Tone toward an entity, scored as RuSentNE-2023 scores it: F1(P,N).

A RuSentNE file is tab-separated with the columns ``sentence, entity, entity_tag,
entity_pos_start_rel, entity_pos_end_rel, label`` (label -1, 0 or 1). Every row is
classified by the tone model (``svodka.stages.tone``) from its sentence and span,
whatever the entity type; ``f1_pn`` is the macro F1 over the positive and negative
classes, the competition's metric, beside each class's precision and recall.

The dev split the model was not trained on is every row of a sentence whose CRC-32
modulo 100 is below ``DEV_PERCENT`` (:func:`is_dev`), so the gate recomputes it from the
train file itself.
"""

from __future__ import annotations

import csv
import zlib
from pathlib import Path
from typing import NamedTuple

from svodka.errors import InputError

COLUMNS = (
    "sentence",
    "entity",
    "entity_tag",
    "entity_pos_start_rel",
    "entity_pos_end_rel",
    "label",
)
DEV_PERCENT = 15
TRAIN = Path("data/rusentne-2023/train_data.csv")
LABELS = {-1: "negative", 0: "neutral", 1: "positive"}


class Row(NamedTuple):
    sentence: str
    entity: str
    tag: str
    start: int
    stop: int
    label: int


def read_rows(path: Path) -> list[Row]:
    """The rows of a RuSentNE file (tab- or comma-separated, detected from the header)."""
    with open(path, encoding="utf-8", newline="") as handle:
        header = handle.readline()
        handle.seek(0)
        delimiter = "\t" if "\t" in header else ","
        reader = csv.DictReader(handle, delimiter=delimiter)
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise InputError(str(path), f"missing columns {sorted(missing)}")
        return [
            Row(
                r["sentence"],
                r["entity"],
                r["entity_tag"],
                int(r["entity_pos_start_rel"]),
                int(r["entity_pos_end_rel"]),
                int(r["label"]),
            )
            for r in reader
        ]


def is_dev(sentence: str) -> bool:
    """True for a sentence of the held-out dev split (a fixed rule, no seed to keep)."""
    return zlib.crc32(sentence.encode("utf-8")) % 100 < DEV_PERCENT


def f1_pn(gold: list[int], predicted: list[int]) -> dict[str, float]:
    """F1(P,N) and each class's precision and recall."""
    scores: dict[str, float] = {}
    for label, name in LABELS.items():
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        n_pred, n_gold = predicted.count(label), gold.count(label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores |= {f"{name}.precision": precision, f"{name}.recall": recall, f"{name}.f1": f1}
    scores["f1_pn"] = (scores["positive.f1"] + scores["negative.f1"]) / 2
    scores["rows"] = len(gold)
    return scores


def predict_rows(rows: list[Row]) -> list[int]:
    """The tone model's label for each row."""
    from svodka.lang.embeddings import load_navec
    from svodka.stages.tone.model import CLASSES, Featurizer, load_heads

    heads, featurizer = load_heads(), Featurizer(load_navec())
    features = [
        featurizer.features_of(r.sentence, r.start, r.stop, r.tag, dims=heads.dims) for r in rows
    ]
    probabilities = heads.probabilities("mention", features)
    return [CLASSES[i] for i in probabilities.argmax(axis=1)]


def score_file(path: Path, *, dev_only: bool = False) -> dict[str, float]:
    """Score the tone model on a RuSentNE file (only its dev split with ``dev_only``)."""
    rows = read_rows(path)
    if dev_only:
        rows = [r for r in rows if is_dev(r.sentence)]
    return f1_pn([r.label for r in rows], predict_rows(rows))
