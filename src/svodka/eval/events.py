"""Scoring events: on gold articles as the guide's scorer does, and on the annotated
sentence set (``tests/data/events/sentences.jsonl``) by type and actors.

- Articles: a gold event is found when a predicted event has its PLOVER type and names
  all its actors (as ``source``/``target`` ids, ``*_name`` or ``actors``); optional gold
  events are not scored. Predicted events per gold event say how much else was emitted.
- Sentences: each sentence is analyzed with its context before it, keeping every event
  (``Config(events=0)``); the events whose trigger lies in the sentence are matched to
  gold by type (type F1); actor accuracy is the share of the matched gold events' actors
  (sources and targets, by canonical name or group description) that the predicted event
  names.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from svodka.doc import Document, Event, Record
from svodka.eval.matching import Counts, GoldScore, norm


def score_events(
    gold: dict[str, Any], predicted: list[dict], names: dict, score: GoldScore, name: str
) -> None:
    """Add one article's events: recall of the gold events, and the predicted count."""
    wanted = [g for g in gold.get("events", []) if not g.get("optional")]
    for g in wanted:
        want = {norm(a) for a in g.get("actors", [])}
        found = any(
            str(p.get("type", "")).upper() == g["type"] and want <= event_names(p, names)
            for p in predicted
        )
        score.layer("events").count(tp=int(found), fn=int(not found))
        if not found:
            score.miss(name, f"missed event {g['type']} {sorted(want)}")
    score.layer("events_predicted").add(0, len(predicted), len(wanted))


def event_names(event: dict, names: dict) -> set[str]:
    """Every actor an event names: its entity ids' names, its names and its actors."""
    ids = [event.get("source"), event.get("target"), *(event.get("actors") or [])]
    found = {names.get(i) or norm(i) for i in ids if isinstance(i, str) and i}
    found.update(norm(event[k]) for k in ("source_name", "target_name") if event.get(k))
    return found


@dataclass(slots=True)
class SentenceScore:
    """Type precision/recall over the sentence set, and actor accuracy of matched events."""

    types: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    actors_right: int = 0
    actors_scored: int = 0
    negation_right: int = 0
    modality_right: int = 0
    matched: int = 0
    sentences: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def actor_accuracy(self) -> float:
        return self.actors_right / self.actors_scored if self.actors_scored else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The figures for ``--format json``."""
        return {
            "sentences": self.sentences,
            "type_precision": self.types.precision,
            "type_recall": self.types.recall,
            "type_f1": self.types.f1,
            "actor_accuracy": self.actor_accuracy,
            "negation_accuracy": self.negation_right / self.matched if self.matched else 0.0,
            "modality_accuracy": self.modality_right / self.matched if self.matched else 0.0,
            "by_type": {t: c.as_dict() for t, c in sorted(self.by_type.items())},
        }


def load_sentences(path: Path) -> list[dict[str, Any]]:
    """The annotated sentences, one JSON object a line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def sentence_records(rows: list[dict[str, Any]]) -> Iterator[tuple[Record, int]]:
    """Each sentence after its context, as a record, with the offset the sentence starts."""
    for n, row in enumerate(rows):
        context = (row.get("context") or "").strip()
        prefix = context + " " if context else ""
        published = row.get("published")
        record = Record(
            id=f"s{n}",
            text=prefix + row["sentence"],
            published=date.fromisoformat(published) if published else None,
        )
        yield record, len(prefix)


def score_sentences(
    rows: list[dict[str, Any]], analyze: Callable[[Iterable[Record]], Iterable[Document]]
) -> SentenceScore:
    """Analyze every sentence (``analyze`` must keep every event) and score it."""
    pairs = list(sentence_records(rows))
    score = SentenceScore(sentences=len(rows))
    docs = analyze(record for record, _ in pairs)
    for row, (_, offset), doc in zip(rows, pairs, docs, strict=True):
        names = {e.id: norm(e.name) for e in doc.entities}
        predicted = [e for e in doc.events if e.start >= offset or trigger_at(doc, e) >= offset]
        score_sentence(row, predicted, names, score)
    return score


def trigger_at(doc: Document, event: Event) -> int:
    """Where an event's trigger word stands in the text."""
    return doc.text.find(event.trigger, event.start)


def score_sentence(
    row: dict[str, Any], predicted: list[Event], names: dict, score: SentenceScore
) -> None:
    """Match gold events to predicted ones of the same type, best actors first."""
    left = list(predicted)
    for g in row.get("events", []):
        counts = score.by_type.setdefault(g["type"], Counts())
        same = [p for p in left if p.type == g["type"]]
        if not same:
            score.types.count(fn=1)
            counts.count(fn=1)
            score.misses.append(f"missed {g['type']}: {row['sentence'][:90]}")
            continue
        want = gold_actors(g)
        best = max(same, key=lambda p: len(want & predicted_names(p, names)))
        left.remove(best)
        score.types.count(tp=1)
        counts.count(tp=1)
        score.matched += 1
        score.negation_right += int(best.negated == bool(g.get("negated")))
        score.modality_right += int(best.modality == (g.get("modality") or "asserted"))
        if want:
            got = predicted_names(best, names)
            right = [g for g in want if any(same_actor(g, p) for p in got)]
            score.actors_scored += len(want)
            score.actors_right += len(right)
            if len(right) < len(want):
                score.misses.append(f"actors {g['type']} want {sorted(want)} got {sorted(got)}")
    for p in left:
        score.types.count(fp=1)
        score.by_type.setdefault(p.type, Counts()).count(fp=1)
        score.misses.append(f"extra {p.type} «{p.trigger}»: {row['sentence'][:90]}")


def same_actor(gold: str, predicted: str) -> bool:
    """The same name, or the same last word: a sentence's context rarely gives the full
    name the gold takes from the whole article («саакашвили» for «михаил саакашвили»)."""
    return gold == predicted or gold.rsplit(" ", 1)[-1] == predicted.rsplit(" ", 1)[-1]


def gold_actors(event: dict[str, Any]) -> set[str]:
    """The names of a gold event's source and target (a name or a list of names)."""
    found: set[str] = set()
    for key in ("source", "target"):
        value = event.get(key)
        for name in value if isinstance(value, list) else [value]:
            if name:
                found.add(norm(name))
    return found


def predicted_names(event: Event, names: dict) -> set[str]:
    """Every actor a predicted event names."""
    return event_names(
        {
            "source": event.source,
            "target": event.target,
            "source_name": event.source_name,
            "target_name": event.target_name,
            "actors": list(event.actors),
        },
        names,
    )


def per_gold(score: GoldScore) -> float:
    """Predicted events per gold event."""
    counts = score.layers.get("events_predicted")
    return counts.predicted / counts.gold if counts and counts.gold else 0.0


def type_counts(rows: list[dict[str, Any]]) -> Counter[str]:
    """Gold events per type in the sentence set."""
    return Counter(g["type"] for row in rows for g in row.get("events", []))
