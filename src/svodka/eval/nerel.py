"""NEREL v1.1: reading brat files, and the MONEY, PERCENT and DATE span scorer.

NEREL dev was not looked at while the rules were written, so these figures are honest.
Roles (WORKS_AS, WORKPLACE) are scored in :mod:`svodka.eval.roles`.

Reading. A brat ``.ann`` line ``T7\tPROFESSION 615 649\tпресс-секретарю …`` is a mention;
a discontinuous one (``TYPE a b;c d``) becomes its envelope ``[a, d)``. ``R`` lines are
relations (type, arg1, arg2), ``N`` lines link a mention to Wikidata.

Spans (``svodka eval spans``): gold MONEY, PERCENT and DATE mentions, outermost only (a
span inside another of the same type is dropped); predicted money is an amount with a
currency unit, percent one with unit «%», dates every ``doc.dates`` and ``doc.durations``
item: NEREL's DATE includes durations («два года», «ежегодно»), which svodka keeps apart
from the dates it places on a calendar. A prediction matches a gold span of its kind when
they overlap, one-to-one, largest overlap first. The
natasha anchor is its ``MoneyExtractor`` and ``DatesExtractor`` (it has no percents).

Errors (``span_errors``): the missed and extra spans of one kind with their context, to find
error classes. Only for the train split: dev is for measuring, and ``span_errors`` refuses
documents loaded from a folder named ``dev``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from svodka.doc import Document, Record
from svodka.eval.matching import Counts

KINDS = ("MONEY", "PERCENT", "DATE")
Bounds = tuple[int, int]


@dataclass(frozen=True, slots=True)
class BratSpan:
    """One brat mention: its type and half-open envelope."""

    type: str
    start: int
    stop: int
    text: str


@dataclass(frozen=True, slots=True)
class NerelDoc:
    """One NEREL document: mentions by id, relations (type, arg1, arg2), Wikidata links."""

    id: str
    text: str
    spans: dict[str, BratSpan]
    relations: tuple[tuple[str, str, str], ...] = ()
    links: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- reading


def load_nerel(folder: Path) -> list[NerelDoc]:
    """Every ``*.txt`` in ``folder`` with its ``.ann``, sorted by name."""
    docs = []
    for text_path in sorted(Path(folder).glob("*.txt")):
        with text_path.open(encoding="utf-8", newline="") as file:
            text = file.read()
        ann = text_path.with_suffix(".ann")
        lines = ann.read_text(encoding="utf-8").splitlines() if ann.exists() else []
        docs.append(parse_ann(text_path.stem, text, lines))
    return docs


def parse_ann(doc_id: str, text: str, lines: Iterable[str]) -> NerelDoc:
    """A document from brat lines; malformed lines are skipped."""
    spans, relations, links = {}, [], {}
    for line in lines:
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) < 2:
            continue
        if line.startswith("T") and (span := parse_span(fields)) is not None:
            spans[fields[0]] = span
        elif line.startswith("R") and len(parts := fields[1].split()) == 3:
            relations.append((parts[0], parts[1].partition(":")[2], parts[2].partition(":")[2]))
        elif line.startswith("N") and len(parts := fields[1].split()) == 3:
            links[parts[1]] = parts[2].partition(":")[2]
    return NerelDoc(doc_id, text, spans, tuple(relations), links)


def parse_span(fields: list[str]) -> BratSpan | None:
    """``TYPE a b`` or ``TYPE a b;c d`` (discontinuous: the envelope), or None."""
    type_, _, ranges = fields[1].partition(" ")
    try:
        bounds = [int(n) for part in ranges.split(";") for n in part.split()]
    except ValueError:
        return None
    if len(bounds) < 2:
        return None
    return BratSpan(type_, min(bounds), max(bounds), fields[2] if len(fields) > 2 else "")


def analyze_nerel(
    docs: list[NerelDoc], analyze: Callable[[Iterable[Record]], Iterable[Document]]
) -> list[Document]:
    """One analysis per NEREL document, in order (no publication date: NEREL has none)."""
    return list(analyze(Record(id=doc.id, text=doc.text) for doc in docs))


# ---------------------------------------------------------------- spans


def gold_spans(doc: NerelDoc, kind: str) -> list[Bounds]:
    """The outermost spans of one type, in text order."""
    spans = sorted({(s.start, s.stop) for s in doc.spans.values() if s.type == kind})
    return [a for a in spans if not any(b != a and b[0] <= a[0] and a[1] <= b[1] for b in spans)]


def svodka_spans(doc: Document) -> dict[str, list[Bounds]]:
    """svodka's money, percent and date spans."""
    return {
        "MONEY": [(a.start, a.stop) for a in doc.amounts if a.unit and a.unit != "%"],
        "PERCENT": [(a.start, a.stop) for a in doc.amounts if a.unit == "%"],
        "DATE": [(d.start, d.stop) for d in (*doc.dates, *doc.durations)],
    }


def count_spans(gold: list[Bounds], predicted: list[Bounds]) -> tuple[int, int, int]:
    """(matched, predicted, gold): one-to-one by overlap, largest overlaps first."""
    pairs = sorted(
        (
            (min(g[1], p[1]) - max(g[0], p[0]), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(predicted)
        ),
        reverse=True,
    )
    used_gold, used_predicted = set(), set()
    for shared, i, j in pairs:
        if shared > 0 and i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
    return len(used_gold), len(predicted), len(gold)


def score_spans(
    docs: list[NerelDoc], predicted: Iterable[dict[str, list[Bounds]]]
) -> dict[str, Counts]:
    """Counts per kind (MONEY, PERCENT, DATE) over the documents, in the same order."""
    scores = {kind: Counts() for kind in KINDS}
    for doc, spans in zip(docs, predicted, strict=True):
        for kind in KINDS:
            scores[kind].add(*count_spans(gold_spans(doc, kind), spans.get(kind, [])))
    return scores


def natasha_spans(texts: list[str]) -> list[dict[str, list[Bounds]]]:
    """natasha's MoneyExtractor and DatesExtractor spans; natasha finds no percents."""
    from natasha import DatesExtractor, MoneyExtractor, MorphVocab

    vocab = MorphVocab()
    money, dates = MoneyExtractor(vocab), DatesExtractor(vocab)
    return [
        {
            "MONEY": [(m.start, m.stop) for m in money(text)],
            "PERCENT": [],
            "DATE": [(m.start, m.stop) for m in dates(text)],
        }
        for text in texts
    ]


def system_spans(
    name: str, docs: list[NerelDoc], analyze: Callable[[Iterable[Record]], Iterable[Document]]
) -> list[dict[str, list[Bounds]]]:
    """The spans of system ``name`` (svodka or natasha) for every document."""
    if name == "natasha":
        return natasha_spans([doc.text for doc in docs])
    return [svodka_spans(doc) for doc in analyze_nerel(docs, analyze)]


# ---------------------------------------------------------------- errors (train only)


def span_errors(
    folder: Path, docs: list[NerelDoc], predicted: Iterable[dict[str, list[Bounds]]], kind: str
) -> list[str]:
    """One line per missed gold span («missed») and per prediction that touches no gold
    span («extra») of ``kind``, with 40 characters of context each side. Refuses the dev
    split (a folder named «dev»), which is for measuring only."""
    if Path(folder).name == "dev":
        raise ValueError("NEREL dev is for measuring only: list errors on train")
    lines = []
    for doc, spans in zip(docs, predicted, strict=True):
        gold, found = gold_spans(doc, kind), spans.get(kind, [])
        lines += [error_line(doc, "missed", g) for g in gold if not touches(g, found)]
        lines += [error_line(doc, "extra", p) for p in found if not touches(p, gold)]
    return lines


def touches(span: Bounds, others: list[Bounds]) -> bool:
    return any(min(span[1], o[1]) > max(span[0], o[0]) for o in others)


def error_line(doc: NerelDoc, what: str, span: Bounds) -> str:
    """«missed 123_text: …прошло [[30 дней]]. На 29 июня…»."""
    text = doc.text
    before = text[max(0, span[0] - 40) : span[0]]
    after = text[span[1] : span[1] + 40]
    context = f"{before}[[{text[span[0] : span[1]]}]]{after}".replace("\n", " ")
    return f"{what} {doc.id}: {context}"
