"""factRuEval-2016 NER scorer in the naeval protocol.

Numbers from :func:`score_ner` are comparable with the published natasha / slovnet /
DeepPavlov figures because gold and predictions go through the same adaptation as in
``natasha/naeval``:

- gold: Person → PER (the whole object, first to last part), Org → ORG (its
  ``org_name`` parts), Location and LocOrg → LOC (their ``loc_name`` parts); other
  objects are dropped; overlapping spans are resolved keeping the earlier-starting,
  longer one; spans whose bounds are not razdel token bounds are dropped;
- predictions: only PER/LOC/ORG are kept and misaligned spans are dropped, as naeval
  does for every system it scores;
- score: each razdel token gets, per type, the tag "inside a span of that type" or
  not; precision, recall and F1 are counted over those token tags, summed over docs.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from razdel import tokenize

PER, LOC, ORG = "PER", "LOC", "ORG"
TYPES = (PER, LOC, ORG)

Span = tuple[int, int, str]
Bounds = tuple[int, int]

_OBJECT_PARTS = {
    "Org": ("org_name", ORG),
    "Location": ("loc_name", LOC),
    "LocOrg": ("loc_name", LOC),
}


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One factRuEval document with its adapted gold spans (half-open, PER/LOC/ORG)."""

    id: str
    text: str
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Score:
    """Token-level precision, recall and F1 for one type, with the counts behind them."""

    precision: float
    recall: float
    f1: float
    true_positives: int
    predicted: int
    gold: int

    @classmethod
    def from_counts(cls, true_positives: int, predicted: int, gold: int) -> Score:
        """Build a score from token counts; an empty denominator gives 0.0, as in naeval."""
        precision = true_positives / predicted if predicted else 0.0
        recall = true_positives / gold if gold else 0.0
        total = precision + recall
        f1 = 2 * precision * recall / total if total else 0.0
        return cls(precision, recall, f1, true_positives, predicted, gold)


# ---------------------------------------------------------------- loading


def load_factru(path: Path) -> list[GoldDoc]:
    """Read every ``book_*.txt`` in ``path`` with its ``.spans``/``.objects`` standoff."""
    docs = []
    for text_path in sorted(Path(path).glob("book_*.txt"), key=_book_number):
        text = text_path.read_text(encoding="utf-8")
        parts = _read_spans(text_path.with_suffix(".spans"))
        objects = _read_objects(text_path.with_suffix(".objects"), parts)
        spans = adapt_gold_spans(text, objects)
        docs.append(GoldDoc(text_path.stem.removeprefix("book_"), text, tuple(spans)))
    return docs


def _book_number(path: Path) -> tuple[int, str]:
    suffix = path.stem.removeprefix("book_")
    return (int(suffix), "") if suffix.isdecimal() else (0, suffix)


def _read_spans(path: Path) -> dict[str, tuple[str, int, int]]:
    """Map span id to (span type, start, stop); lines are ``id type start size ... # text``."""
    spans = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.partition("#")[0].split()
        if len(fields) < 4:
            continue
        span_id, span_type, start, size = fields[:4]
        spans[span_id] = (span_type, int(start), int(start) + int(size))
    return spans


def _read_objects(
    path: Path, parts: dict[str, tuple[str, int, int]]
) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """Read ``id type span_id... # text`` lines into (object type, its parts)."""
    objects = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.partition("#")[0].split()
        if len(fields) < 2:
            continue
        spans = [parts[span_id] for span_id in fields[2:] if span_id in parts]
        objects.append((fields[1], spans))
    return objects


def adapt_gold_spans(
    text: str, objects: Iterable[tuple[str, Sequence[tuple[str, int, int]]]]
) -> list[Span]:
    """Turn factRuEval objects into PER/LOC/ORG spans the way naeval's ``adapt_factru`` does."""
    spans = list(select_object_spans(objects))
    spans = drop_overlapping(spans)
    return sorted(drop_misaligned(spans, token_bounds(text)), key=lambda span: span[0])


def select_object_spans(
    objects: Iterable[tuple[str, Sequence[tuple[str, int, int]]]],
) -> Iterable[Span]:
    """Yield the name spans of Person, Org, Location and LocOrg objects."""
    for object_type, parts in objects:
        if object_type == "Person" and parts:
            yield min(p[1] for p in parts), max(p[2] for p in parts), PER
        elif object_type in _OBJECT_PARTS:
            part_type, span_type = _OBJECT_PARTS[object_type]
            names = [(start, stop, span_type) for kind, start, stop in parts if kind == part_type]
            yield from drop_overlapping(names)


def drop_overlapping(spans: Sequence[Span]) -> list[Span]:
    """Drop every span that starts inside an earlier-starting (or same-start, longer) kept span.

    Identical duplicates collapse to one. The survivors keep their input order.
    """
    dropped: set[int] = set()
    kept_stop = None
    for index in sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1])):
        start, stop, _ = spans[index]
        if kept_stop is not None and start < kept_stop:
            dropped.add(index)
        else:
            kept_stop = stop
    return [span for index, span in enumerate(spans) if index not in dropped]


def drop_misaligned(spans: Iterable[Span], tokens: Sequence[Bounds]) -> list[Span]:
    """Keep only spans that start at a token start and stop at a token stop."""
    starts = {start for start, _ in tokens}
    stops = {stop for _, stop in tokens}
    return [span for span in spans if span[0] in starts and span[1] in stops]


def token_bounds(text: str) -> list[Bounds]:
    """Razdel token bounds of ``text``."""
    return [(token.start, token.stop) for token in tokenize(text)]


# ---------------------------------------------------------------- scoring


def score_ner(gold: list[GoldDoc], predicted: list[list[Span]]) -> dict[str, Score]:
    """Score predicted spans against gold docs over token-level tags, per type (PER/LOC/ORG).

    Predicted spans of other types, or not on razdel token bounds, are ignored (naeval).
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold docs but {len(predicted)} predictions")
    counts = {span_type: [0, 0, 0] for span_type in TYPES}
    for doc, spans in zip(gold, predicted, strict=True):
        tokens = token_bounds(doc.text)
        kept = drop_misaligned((s for s in spans if s[2] in counts), tokens)
        for span_type, (hits, n_predicted, n_gold) in count_tags(tokens, kept, doc.spans).items():
            total = counts[span_type]
            total[0] += hits
            total[1] += n_predicted
            total[2] += n_gold
    return {span_type: Score.from_counts(*total) for span_type, total in counts.items()}


def count_tags(
    tokens: Sequence[Bounds], predicted: Iterable[Span], gold: Iterable[Span]
) -> dict[str, tuple[int, int, int]]:
    """Per type: (tokens tagged in both, tokens tagged in prediction, tokens tagged in gold)."""
    predicted_tags = tag_tokens(tokens, predicted)
    gold_tags = tag_tokens(tokens, gold)
    counts = {}
    for span_type in TYPES:
        pred = predicted_tags.get(span_type, set())
        true = gold_tags.get(span_type, set())
        counts[span_type] = (len(pred & true), len(pred), len(true))
    return counts


def tag_tokens(tokens: Sequence[Bounds], spans: Iterable[Span]) -> dict[str, set[int]]:
    """Per type, the indices of tokens lying inside some span of that type."""
    starts = [start for start, _ in tokens]
    tags: dict[str, set[int]] = {}
    for start, stop, span_type in spans:
        first = bisect_left(starts, start)
        covered = tags.setdefault(span_type, set())
        for index in range(first, len(tokens)):
            if tokens[index][1] > stop:
                break
            covered.add(index)
    return tags


def format_table(scores_by_system: dict[str, dict[str, Score]]) -> str:
    """Plain-text table: one row per system, F1 (precision/recall) per type."""
    header = f"{'system':<20}" + "".join(f"{t:>22}" for t in TYPES)
    rows = [header]
    for system, scores in scores_by_system.items():
        cells = "".join(
            f"{s.f1:>8.3f} ({s.precision:.3f}/{s.recall:.3f})" if (s := scores.get(t)) else " " * 22
            for t in TYPES
        )
        rows.append(f"{system:<20}{cells}")
    return "\n".join(rows)
