"""The quality gate: every scored figure against its pinned floor in ``tests/floors.json``.

Floors only go up in the normal course of work (``--raise-floors`` lifts each floor to
what was just measured, less a small margin for noise). Lowering one is a decision, so it
needs ``--allow-regression "why"``, and the reason is written into ``docs/quality.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from svodka.eval.gold import load_gold, score_gold
from svodka.eval.places import load_mentions, score_places
from svodka.eval.systems import evaluate_lemmas, evaluate_ner

#: How far below a measured figure a raised floor is set: scores are deterministic, but a
#: floor exactly at the figure would fail on the next harmless tie-break change.
MARGIN = 0.005


def measure(data: Path, gold: Path, places: Path, root: Path) -> dict[str, float]:
    """Every gated figure, by name: NER on factRuEval, lemmas on SlavicNER, the gold set,
    and geocoding on the place mentions."""
    from svodka.pipeline import default_pipeline

    figures: dict[str, float] = {}
    for type_, score in evaluate_ner(data / "factru-2016-dev", ["svodka"])["svodka"].items():
        figures[f"ner.{type_}.f1"] = score.f1
    lemmas = evaluate_lemmas(data / "slavicner-ru-train", ["svodka"])["svodka"]
    figures["lemmas.overall"] = lemmas.overall.accuracy
    for type_, accuracy in lemmas.by_type.items():
        figures[f"lemmas.{type_}"] = accuracy.accuracy
    articles = load_gold(gold, data / "rucoco-news", root)
    for layer, counts in score_gold(articles, default_pipeline().analyze_many).layers.items():
        figures[f"gold.{layer}.f1"] = counts.f1
    mentions = load_mentions(places)
    for name, value in (
        score_places(mentions, data, default_pipeline().analyze_many).figures().items()
    ):
        figures[f"places.{name}"] = value
    return figures


def read_floors(path: Path) -> dict[str, float]:
    """The pinned floors; an absent file pins nothing."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def failures(figures: dict[str, float], floors: dict[str, float]) -> Iterator[str]:
    """A message for every floor not met, including figures that were not measured."""
    for name, floor in sorted(floors.items()):
        value = figures.get(name)
        if value is None:
            yield f"{name}: not measured (floor {floor:.3f})"
        elif value < floor:
            yield f"{name}: {value:.3f} is below its floor {floor:.3f}"


def raised_floors(
    figures: dict[str, float], floors: dict[str, float], *, allow_regression: str | None
) -> tuple[dict[str, float], list[str]]:
    """New floors at the measured figures less MARGIN, and the names that would go down.

    A floor goes down only with ``allow_regression`` (the reason); otherwise it stays.
    """
    new, lowered = dict(floors), []
    for name, value in figures.items():
        floor = round(value - MARGIN, 3)
        if floor <= 0:
            continue  # a floor of zero could never fail; the layer is not built yet
        old = floors.get(name)
        if old is not None and floor < old:
            if allow_regression is None:
                continue
            lowered.append(name)
        new[name] = floor
    return dict(sorted(new.items())), lowered


def write_floors(path: Path, floors: dict[str, float]) -> None:
    path.write_text(json.dumps(floors, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def record_regression(quality_md: Path, names: list[str], reason: str) -> None:
    """Add a dated line to docs/quality.md saying which floors went down and why."""
    line = f"- {date.today()}: lowered {', '.join(names)} — {reason}\n"
    text = quality_md.read_text(encoding="utf-8") if quality_md.exists() else ""
    heading = "## Floors lowered\n\n"
    if heading not in text:
        text = text.rstrip() + "\n\n" + heading
    quality_md.write_text(text + line, encoding="utf-8")
