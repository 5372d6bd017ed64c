"""What the guide's scorer matches with: counts per layer, the layers and their figures,
and the text folding names and quotes are compared by (``../shared/gold/score.py``)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

#: Quote marks of every style read as one, as the guide scorer does.
MARKS = str.maketrans({c: '"' for c in "«»“”„‟\"'"})
SPACES = re.compile(r"[\s\u00a0]+")
NOT_WORD = re.compile(r"[^\w]+")
WORD = re.compile(r"\w+")
LAYERS = (
    "entities",
    "coref",
    "roles",
    "quotes",
    "quotes_attributed",
    "amounts",
    "dates",
    "places",
    "events",
)
#: Layers whose figure is the recall over gold items: the guide annotates what must be
#: found there, not everything a system may add.
RECALL_LAYERS = frozenset({"coref", "roles", "places", "events"})


@dataclass(slots=True)
class Counts:
    """True positives, predicted and gold counts of one layer, summed over articles."""

    tp: float = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: float, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def count(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        """Add true positives, false positives and false negatives."""
        self.add(tp, tp + fp, tp + fn)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        """Precision, recall, F1 and the counts, for ``--format json``."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(slots=True)
class GoldScore:
    """Scores of every layer over a gold set, and the misses when asked for."""

    articles: int = 0
    layers: dict[str, Counts] = field(default_factory=lambda: {n: Counts() for n in LAYERS})
    misses: list[str] | None = None

    def layer(self, name: str) -> Counts:
        return self.layers.setdefault(name, Counts())

    def miss(self, article: str, what: str) -> None:
        if self.misses is not None:
            self.misses.append(f"{article}: {what}")

    def figures(self) -> dict[str, float]:
        """The guide's figure per layer: recall for RECALL_LAYERS, F1 for the rest, and
        ``events_per_gold``, predicted events per gold event (lower is better)."""
        figures = {
            name: c.recall if name in RECALL_LAYERS else c.f1
            for name, c in self.layers.items()
            if name != "events_predicted"
        }
        counts = self.layers.get("events_predicted")
        if counts is not None and counts.gold:
            figures["events_per_gold"] = counts.predicted / counts.gold
        return figures

    def as_dict(self) -> dict[str, dict[str, float]]:
        """Per layer: precision, recall, f1 and the counts."""
        return {name: c.as_dict() for name, c in self.layers.items()}


def norm(text: Any) -> str:
    """Lowercase, ё as е, one kind of quote mark, single spaces, no edge punctuation."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text)).lower().replace("ё", "е").translate(MARKS)
    return SPACES.sub(" ", text).strip(" .,;:!?—–-")


def squash(text: Any) -> str:
    """Letters and digits only: quoted content is compared by containment."""
    return NOT_WORD.sub("", norm(text))


def stems(text: Any) -> list[str]:
    """Crude Russian stems: the first five letters of every word of three letters or more."""
    return [w[:5] for w in WORD.findall(norm(text)) if len(w) >= 3]
