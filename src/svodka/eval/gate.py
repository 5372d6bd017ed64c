"""The quality gate: every scored figure against its pinned floor in ``tests/floors.json``.

Floors only go up in the normal course of work (``--raise-floors`` lifts each floor to
what was just measured, less a small margin for noise). Lowering one is a decision, so it
needs ``--allow-regression "why"``, and the reason is written into ``docs/quality.md``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from time import perf_counter

from svodka.doc import Document, Record
from svodka.eval.coref import load_rucoco, score_coref, svodka_clusters
from svodka.eval.gold import load_gold, score_gold
from svodka.eval.nerel import analyze_nerel, load_nerel, score_spans, svodka_spans
from svodka.eval.places import load_mentions, score_nerel_places, score_places
from svodka.eval.roles import score_roles
from svodka.eval.systems import evaluate_lemmas, evaluate_ner
from svodka.eval.tone import score_file

#: How far below a measured figure a raised floor is set: scores are deterministic, but a
#: floor exactly at the figure would fail on the next harmless tie-break change.
MARGIN = 0.005
#: Figures that must stay at or below a bound, fixed by the target rather than measured:
#: at most three predicted events per gold event (issue 19).
CEILINGS = {"shared_gold.events_per_gold": 3.0, "events.articles_per_gold": 3.0}

Analyze = Callable[[Iterable[Record]], Iterable[Document]]


def measure(
    data: Path,
    gold: Path,
    places: Path,
    events: Path = Path("tests/data/events"),
    *,
    times: dict[str, float] | None = None,
) -> dict[str, float]:
    """Every gated figure, by name: NER on factRuEval, lemmas on SlavicNER, our gold set
    and the shared one, geocoding on the place mentions, roles, spans and linked places'
    countries on NEREL dev, coreference on RuCoCo, and events on our annotated sentences
    and articles, tone on the RuSentNE dev split. ``times``, when given, gets each
    scorer's seconds."""
    from svodka.pipeline import default_pipeline

    analyze = default_pipeline().analyze_many
    scorers: dict[str, Callable[[], dict[str, float]]] = {
        "ner": lambda: measure_ner(data),
        "lemmas": lambda: measure_lemmas(data),
        "gold": lambda: measure_gold("gold", gold, data.parent, analyze),
        "shared_gold": lambda: measure_gold("shared_gold", shared_gold(data), data.parent, analyze),
        "places": lambda: measure_places(data, places, analyze),
        "nerel": lambda: measure_nerel(data, analyze),
        "nerel_places": lambda: measure_nerel_places(data, analyze),
        "rucoco": lambda: measure_rucoco(data, analyze),
        "events": lambda: measure_events(events, data.parent, analyze),
        "tone": lambda: measure_tone(data),
    }
    figures: dict[str, float] = {}
    for name, scorer in scorers.items():
        started = perf_counter()
        figures.update(scorer())
        if times is not None:
            times[name] = perf_counter() - started
    return figures


def measure_ner(data: Path) -> dict[str, float]:
    """Token F1 per type on factRuEval dev."""
    scores = evaluate_ner(data / "factru-2016-dev", ["svodka"])["svodka"]
    return {f"ner.{type_}.f1": score.f1 for type_, score in scores.items()}


def measure_lemmas(data: Path) -> dict[str, float]:
    """Canonical-name accuracy on SlavicNER, overall and per type."""
    lemmas = evaluate_lemmas(data / "slavicner-ru-train", ["svodka"])["svodka"]
    figures = {"lemmas.overall": lemmas.overall.accuracy}
    for type_, accuracy in lemmas.by_type.items():
        figures[f"lemmas.{type_}"] = accuracy.accuracy
    return figures


def shared_gold(data: Path) -> Path:
    """The articles others annotated to the guide, beside the data folder."""
    return data.parent / "gold" / "articles"


def measure_gold(prefix: str, folder: Path, root: Path, analyze: Analyze) -> dict[str, float]:
    """The guide's figure of every layer on a gold set whose texts are under ``root``."""
    score = score_gold(load_gold(folder, root), analyze)
    return {f"{prefix}.{layer}": figure for layer, figure in score.figures().items()}


def measure_places(data: Path, places: Path, analyze: Analyze) -> dict[str, float]:
    """Geocoding on the hand-checked place mentions."""
    score = score_places(load_mentions(places), data, analyze)
    return {f"places.{name}": value for name, value in score.figures().items()}


def measure_nerel(data: Path, analyze: Analyze) -> dict[str, float]:
    """Role title and title+organisation F1, and MONEY/PERCENT/DATE span F1, on NEREL dev."""
    docs = load_nerel(data / "nerel-1.1" / "dev")
    analyzed = analyze_nerel(docs, analyze)
    figures = {f"nerel.roles.{name}.f1": c.f1 for name, c in score_roles(docs, analyzed).items()}
    spans = score_spans(docs, [svodka_spans(doc) for doc in analyzed])
    figures.update({f"nerel.{kind}.f1": counts.f1 for kind, counts in spans.items()})
    return figures


def measure_nerel_places(data: Path, analyze: Analyze) -> dict[str, float]:
    """Country of the Wikidata-linked place mentions of NEREL dev: ``found`` (a place
    given) and ``accuracy`` (the right country among them)."""
    from svodka.knowledge.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()

    def country_of(label: str) -> str | None:
        return next((p.country for p in gazetteer.find(label) if p.kind == "country"), None)

    score = score_nerel_places(data / "nerel-1.1" / "dev", analyze, country_of)
    figures = score.figures()
    return {f"nerel_places.{name}": figures[name] for name in ("found", "accuracy")}


def measure_events(folder: Path, root: Path, analyze: Analyze) -> dict[str, float]:
    """Type F1 and actor accuracy on the annotated sentences (every event kept), and the
    recall of the annotated articles' main events."""
    from svodka.config import Config
    from svodka.eval.events import load_sentences, score_sentences
    from svodka.pipeline import Pipeline

    every = Pipeline(Config(events=0)).analyze_many
    sentences = score_sentences(load_sentences(folder / "sentences.jsonl"), every)
    articles = score_gold(load_gold(folder / "articles", root), analyze).figures()
    return {
        "events.sentences.type_f1": sentences.types.f1,
        "events.sentences.actor_accuracy": sentences.actor_accuracy,
        "events.articles.recall": articles["events"],
        "events.articles_per_gold": articles.get("events_per_gold", 0.0),
    }


def measure_rucoco(data: Path, analyze: Analyze) -> dict[str, float]:
    """MUC link F1 and B³ F1 of svodka's entities over all of RuCoCo (~100 s on 2 cores)."""
    docs = load_rucoco(data / "rucoco-news")
    analyzed = analyze(Record(id=doc.id, text=doc.text) for doc in docs)
    figures = score_coref(docs, (svodka_clusters(doc) for doc in analyzed)).figures()
    return {f"rucoco.coref.{name}": figures[name] for name in ("link.f1", "b3.f1")}


def measure_tone(data: Path) -> dict[str, float]:
    """F1(P,N) and per-class F1 of the tone model on its held-out RuSentNE dev split."""
    scores = score_file(data / "rusentne-2023" / "train_data.csv", dev_only=True)
    keys = ("f1_pn", "negative.f1", "positive.f1")
    return {f"tone.dev.{key}": scores[key] for key in keys}


def read_floors(path: Path) -> dict[str, float]:
    """The pinned floors; an absent file pins nothing."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def failures(figures: dict[str, float], floors: dict[str, float]) -> Iterator[str]:
    """A message for every floor not met, including figures that were not measured, and
    for every ceiling passed."""
    for name, ceiling in sorted(CEILINGS.items()):
        value = figures.get(name)
        if value is not None and value > ceiling:
            yield f"{name}: {value:.2f} is above its ceiling {ceiling:.2f}"
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
        if name.endswith("_per_gold"):
            continue  # a ratio bounded from above (CEILINGS), not a floor
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
