"""Scoring against svodka's own gold set: every layer, matched by strings and values.

The format is described in ``docs/gold.md``. A gold file points at its text (a RuCoCo
file checked by SHA-256, or a file in this repository); the scorer analyzes that text as
of the gold ``published`` date and compares the document with the annotation.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from svodka.doc import Document, Place, Quote, Record
from svodka.errors import InputError
from svodka.lang.text import QUOTES, fold

#: The apostrophe too: annotators, like copy set in English style, quote names in single
#: marks, 'ТАСС'.
MARKS = QUOTES | {"'"}
TOKEN = re.compile(r"\w+")
#: A predicted quote matches a gold one when their token sets overlap this much (Jaccard).
QUOTE_OVERLAP = 0.5
#: A place is right when it lies this close to the gold coordinates; countries and
#: regions (gold ``kind``) are scored by country only, as their centre points vary.
PLACE_KM = 50.0
AREA_KINDS = ("country", "region")
LAYERS = (
    "entities",
    "coreference",
    "roles",
    "quotes",
    "quote_attribution",
    "amounts",
    "dates",
    "place_country",
    "place_within_50km",
)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    published: date | None
    annotation: dict[str, Any]


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
        """Precision, recall, F1 and the counts, for ``--json``."""
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
    """Scores of every layer over the gold set."""

    articles: int = 0
    layers: dict[str, Counts] = field(default_factory=dict)

    def layer(self, name: str) -> Counts:
        return self.layers.setdefault(name, Counts())

    def as_dict(self) -> dict[str, dict[str, float]]:
        """Per layer: precision, recall, f1 and the counts (accuracies are recall)."""
        return {name: c.as_dict() for name, c in self.layers.items()}


def load_gold(folder: Path, rucoco: Path | None, root: Path) -> list[GoldArticle]:
    """Every gold article in ``folder``, with its text read and checked."""
    return [load_article(path, rucoco, root) for path in sorted(folder.glob("*.json"))]


def load_article(path: Path, rucoco: Path | None, root: Path) -> GoldArticle:
    """One gold file and its text; raises InputError when the text is missing or changed."""
    annotation = json.loads(path.read_text(encoding="utf-8"))
    source = annotation["source"]
    if "path" in source:
        text = (root / source["path"]).read_text(encoding="utf-8")
    else:
        if rucoco is None or not (rucoco / source["rucoco"]).is_file():
            raise InputError(str(path), f"RuCoCo file {source['rucoco']} not found in {rucoco}")
        raw = (rucoco / source["rucoco"]).read_text(encoding="utf-8")
        text = json.loads(raw)["text"]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != source["sha256"]:
            raise InputError(str(path), f"the text of {source['rucoco']} has changed")
    published = annotation.get("published")
    return GoldArticle(
        id=path.stem,
        text=text,
        published=date.fromisoformat(published) if published else None,
        annotation=annotation,
    )


def score_gold(
    articles: list[GoldArticle], analyze: Callable[[Iterable[Record]], Iterable[Document]]
) -> GoldScore:
    """Analyze every article and score each layer against its annotation."""
    records = [Record(id=a.id, text=a.text, published=a.published) for a in articles]
    score = GoldScore(articles=len(articles), layers={name: Counts() for name in LAYERS})
    for article, doc in zip(articles, analyze(records), strict=True):
        score_article(article.annotation, doc, score)
    return score


def score_article(gold: dict[str, Any], doc: Document, score: GoldScore) -> None:
    """Add one article's counts to every layer."""
    by_id = {e.id: e for e in doc.entities}
    predicted = {(e.type, norm(e.name)): e for e in doc.entities}
    expected = {(e["type"], norm(e["name"])): e for e in gold["entities"]}
    matched = predicted.keys() & expected.keys()
    score.layer("entities").add(len(matched), len(predicted), len(expected))
    for key in matched:
        got = Counter(norm(m.text) for m in predicted[key].mentions)
        want = Counter(norm(m) for m in expected[key]["mentions"])
        score.layer("coreference").add(sum((got & want).values()), got.total(), want.total())
    add_multiset(score.layer("roles"), predicted_roles(doc, by_id), gold_roles(gold))
    score_quotes(gold.get("quotes", []), doc, by_id, score)
    add_multiset(
        score.layer("amounts"),
        [(round_value(a.value), a.unit) for a in doc.amounts],
        [(round_value(a.get("value")), a.get("unit")) for a in gold.get("amounts", [])],
    )
    add_multiset(
        score.layer("dates"),
        [d.value for d in doc.dates if d.value],
        [d.get("value") for d in gold.get("dates", []) if d.get("value")],
    )
    score_places(expected, predicted, matched, score)


def norm(text: str | None) -> str:
    """Compare names without case, ё, quote marks or extra spaces."""
    if text is None:
        return ""
    return fold(text.casefold(), MARKS)


def round_value(value: Any) -> Any:
    return round(float(value), 6) if isinstance(value, int | float) else value


def add_multiset(counts: Counts, predicted: list, gold: list) -> None:
    got, want = Counter(predicted), Counter(gold)
    counts.add(sum((got & want).values()), got.total(), want.total())


def predicted_roles(doc: Document, by_id: dict) -> list[tuple[str, str, str]]:
    return [
        (norm(e.name), norm(r.title), norm(r.of_name or (by_id[r.of].name if r.of else None)))
        for e in doc.entities
        for r in e.roles
    ]


def gold_roles(gold: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (norm(e["name"]), norm(r["title"]), norm(r.get("of")))
        for e in gold["entities"]
        for r in e.get("roles", [])
    ]


def score_quotes(gold: list[dict], doc: Document, by_id: dict, score: GoldScore) -> None:
    """Quote detection by token overlap; attribution over the matched quotes.

    As the GUIDE (and ``../shared/gold/score.py``) has it, a report attributed to an outlet
    alone (``source``) is narration: such a gold record is not scored, and a predicted one
    that claims no real quote is not a false quote."""
    predicted = list(doc.quotes)
    used: set[int] = set()
    real = [g for g in gold if not g.get("source")]
    for g in real:
        best = best_quote(g, predicted, used)
        if best is None:
            continue
        used.add(best)
        speaker = quote_speaker(predicted[best], by_id)
        right = speaker == norm(g.get("speaker") or g.get("speaker_name"))
        score.layer("quote_attribution").add(int(right), 1, 1)
    extra = sum(1 for i, q in enumerate(predicted) if i not in used and not q.source)
    score.layer("quotes").add(len(used), len(used) + extra, len(real))


def best_quote(gold: dict, predicted: list[Quote], used: set[int]) -> int | None:
    want = set(TOKEN.findall(gold["text"].lower()))
    best, best_overlap = None, QUOTE_OVERLAP
    for i, q in enumerate(predicted):
        got = set(TOKEN.findall(q.text.lower()))
        overlap = len(got & want) / len(got | want) if got | want else 0.0
        if i not in used and overlap >= best_overlap:
            best, best_overlap = i, overlap
    return best


def quote_speaker(quote: Quote, by_id: dict) -> str:
    entity = by_id.get(quote.speaker)
    return norm(entity.name if entity else quote.speaker_name)


def score_places(expected: dict, predicted: dict, matched: set, score: GoldScore) -> None:
    """Country accuracy, and the share within PLACE_KM of gold places that are points."""
    for key, gold in expected.items():
        place = gold.get("place")
        if not place or not place.get("country"):
            continue
        got = predicted[key].place if key in matched else None
        country = got.country if got else None
        score.layer("place_country").add(int(country == place["country"]), 1, 1)
        if place.get("lat") is not None and place.get("kind") not in AREA_KINDS:
            near = got is not None and got.lat is not None and km(got, place) <= PLACE_KM
            score.layer("place_within_50km").add(int(near), 1, 1)


def km(place: Place, point: dict) -> float:
    """Great-circle distance from a place to a gold {lat, lon} point."""
    lat1, lon1, lat2, lon2 = map(math.radians, (place.lat, place.lon, point["lat"], point["lon"]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))
