"""The systems the scorers compare: svodka, and natasha as the anchor."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from svodka.doc import Record
from svodka.eval.factru import Score, load_factru, score_ner
from svodka.eval.lemmas import LemmaScore, load_slavicner, score_lemmas
from svodka.lang.names import normalize_mentions

SYSTEMS = ("svodka", "natasha")


def svodka_ner(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """svodka's PER/LOC/ORG mentions for each text."""
    from svodka.pipeline import default_pipeline

    records = [Record(id=str(i), text=t) for i, t in enumerate(texts)]
    docs = default_pipeline().analyze_many(records)
    return [[(s.start, s.stop, s.type) for s in doc.spans] for doc in docs]


def svodka_normalize(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """svodka's mention-level normal forms for given spans."""
    return normalize_mentions(text, spans)


def ner_system(name: str) -> Callable[[list[str]], list[list[tuple[int, int, str]]]]:
    if name == "natasha":
        from svodka.eval.natasha_anchor import natasha_ner

        return natasha_ner
    return svodka_ner


def lemma_system(name: str) -> Callable[[str, list[tuple[int, int, str]]], list[str]]:
    if name == "natasha":
        from svodka.eval.natasha_anchor import natasha_normalize

        return natasha_normalize
    return svodka_normalize


def evaluate_ner(factru: Path, systems: list[str]) -> dict[str, dict[str, Score]]:
    """Token-level F1 per type on factRuEval for each system, in the naeval protocol."""
    gold = load_factru(factru)
    texts = [g.text for g in gold]
    return {name: score_ner(gold, ner_system(name)(texts)) for name in systems}


def evaluate_lemmas(slavicner: Path, systems: list[str]) -> dict[str, LemmaScore]:
    """Canonical-name accuracy per mention against SlavicNER's gold lemmas."""
    docs = load_slavicner(slavicner)
    return {name: score_lemmas(docs, lemma_system(name)) for name in systems}
