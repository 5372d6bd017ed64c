"""Lemma (canonical name) accuracy against the BSNLP / SlavicNER Russian documents.

Each gold mention carries the normal form annotators wrote for it ("Асии Биби" →
"Асия Биби"). A normalizer gets a document's text and its gold mention spans and
returns one normal form per mention; a mention counts as correct when the prediction
equals the gold lemma after stripping surrounding whitespace. A case-insensitive
accuracy (``casefold``) is reported next to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

Span = tuple[int, int, str]
Normalizer = Callable[[str, list[Span]], list[str]]


class Mention(NamedTuple):
    """One gold mention: half-open offsets into the doc text, surface, lemma and type."""

    start: int
    stop: int
    surface: str
    lemma: str
    type: str


@dataclass(frozen=True, slots=True)
class LemmaDoc:
    """One document with its gold mentions; ``skipped`` counts malformed or misplaced lines."""

    id: str
    text: str
    mentions: tuple[Mention, ...]
    skipped: int = 0


@dataclass(frozen=True, slots=True)
class Accuracy:
    """Share of mentions whose predicted normal form equals the gold lemma."""

    total: int
    exact: int
    casefold: int

    @property
    def accuracy(self) -> float:
        """Exact (whitespace-stripped) accuracy; 0.0 on no mentions."""
        return self.exact / self.total if self.total else 0.0

    @property
    def accuracy_ci(self) -> float:
        """Case-insensitive accuracy; 0.0 on no mentions."""
        return self.casefold / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class Miss:
    """A mention whose prediction is not exactly the gold lemma."""

    gold: str
    predicted: str
    surface: str
    type: str
    doc_id: str = ""


@dataclass(frozen=True, slots=True)
class LemmaScore:
    """Overall and per-type accuracy, the misses, and how many gold mentions were skipped."""

    overall: Accuracy
    by_type: dict[str, Accuracy]
    misses: list[Miss] = field(default_factory=list)
    skipped: int = 0


# ---------------------------------------------------------------- loading


def load_slavicner(path: Path) -> list[LemmaDoc]:
    """Read every ``<topic>/*.txt`` under ``path`` with its sibling ``.tsv`` of mentions.

    TSV lines are ``start end surface lemma TYPE ID`` (tab-separated, Python string
    offsets). Lines that are malformed or whose offsets do not give the surface are
    skipped and counted in ``LemmaDoc.skipped``.
    """
    docs = []
    for text_path in sorted(Path(path).glob("*/*.txt")):
        with text_path.open(encoding="utf-8", newline="") as file:
            text = file.read()
        mention_path = text_path.with_suffix(".tsv")
        lines = (
            mention_path.read_text(encoding="utf-8").splitlines() if mention_path.exists() else []
        )
        mentions, skipped = parse_mentions(text, lines)
        doc_id = f"{text_path.parent.name}/{text_path.stem}"
        docs.append(LemmaDoc(doc_id, text, tuple(mentions), skipped))
    return docs


def parse_mentions(text: str, lines: Iterable[str]) -> tuple[list[Mention], int]:
    """Parse TSV mention lines against ``text``; return the good mentions and a skip count."""
    mentions, skipped = [], 0
    for line in lines:
        if not line.strip():
            continue
        mention = parse_mention(line)
        if mention is None or text[mention.start : mention.stop] != mention.surface:
            skipped += 1
            continue
        mentions.append(mention)
    return mentions, skipped


def parse_mention(line: str) -> Mention | None:
    """One ``start end surface lemma TYPE [ID]`` line, or None when it is malformed."""
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) < 5 or not (fields[0].isdecimal() and fields[1].isdecimal()):
        return None
    start, stop, surface, lemma, mention_type = fields[:5]
    return Mention(int(start), int(stop), surface, lemma, mention_type.strip())


# ---------------------------------------------------------------- scoring


def score_lemmas(docs: Iterable[LemmaDoc], normalize: Normalizer) -> LemmaScore:
    """Run ``normalize`` on each doc's gold spans and score its normal forms per mention."""
    counts: dict[str, list[int]] = {}
    misses: list[Miss] = []
    skipped = 0
    for doc in docs:
        skipped += doc.skipped
        predictions = predict_lemmas(doc, normalize)
        for mention, predicted in zip(doc.mentions, predictions, strict=True):
            exact, casefold = compare_lemma(mention.lemma, predicted)
            tally = counts.setdefault(mention.type, [0, 0, 0])
            tally[0] += 1
            tally[1] += exact
            tally[2] += casefold
            if not exact:
                misses.append(Miss(mention.lemma, predicted, mention.surface, mention.type, doc.id))
    by_type = {name: Accuracy(*tally) for name, tally in sorted(counts.items())}
    overall = Accuracy(*(sum(tally[i] for tally in counts.values()) for i in range(3)))
    return LemmaScore(overall, by_type, misses, skipped)


def predict_lemmas(doc: LemmaDoc, normalize: Normalizer) -> list[str]:
    """Call ``normalize`` on the doc's mention spans and check it answered for each one."""
    if not doc.mentions:
        return []
    spans = [(m.start, m.stop, m.type) for m in doc.mentions]
    predictions = list(normalize(doc.text, spans))
    if len(predictions) != len(spans):
        raise ValueError(f"{doc.id}: {len(spans)} mentions but {len(predictions)} normal forms")
    return predictions


def compare_lemma(gold: str, predicted: str) -> tuple[bool, bool]:
    """(exact match, case-insensitive match) after stripping surrounding whitespace."""
    gold, predicted = gold.strip(), (predicted or "").strip()
    return gold == predicted, gold.casefold() == predicted.casefold()


# ---------------------------------------------------------------- error listing


def list_misses(score: LemmaScore, limit: int = 200) -> list[str]:
    """The most frequent misses, one line each: count, type, surface, gold, predicted."""
    counts: dict[tuple[str, str, str, str], int] = {}
    for m in score.misses:
        key = (m.type, m.surface, m.gold, m.predicted)
        counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])[:limit]
    return [f"{n}\t{t}\t{s}\t| {g}\t| {p}" for (t, s, g, p), n in ranked]


def main(argv: list[str] | None = None) -> None:
    """``python -m svodka.eval.lemmas SLAVICNER_TRAIN [--show N]``: svodka's accuracy and,
    with ``--show``, its most frequent misses. For the TRAIN split only: dev and test
    misses are never listed."""
    import argparse

    from svodka.lang.names import normalize_mentions

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("slavicner", type=Path)
    parser.add_argument("--show", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)

    score = score_lemmas(load_slavicner(args.slavicner), normalize_mentions)
    print(f"accuracy {score.overall.accuracy:.4f} of {score.overall.total} mentions")
    for line in list_misses(score, args.show) if args.show else ():
        print(line)


if __name__ == "__main__":
    main()
