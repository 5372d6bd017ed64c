"""Coreference against RuCoCo: MUC link F1 and B³ on the mentions both sides found.

RuCoCo was not looked at while the rules were written, so these figures are honest.

A RuCoCo file is ``{"text", "entities": [[[start, stop], …] per chain], "includes"}``;
``includes`` (split antecedents: «они» = A + B) is ignored. RuCoCo chains hold every
kind of mention (names, descriptions, pronouns) and no singletons; svodka's entities hold
named PER/ORG/LOC mentions. So the clusterings are compared only on the mentions both
sides found:

- alignment: a predicted mention matches the gold mention with the same offsets; failing
  that, the smallest gold mention that contains it and shares its first or last
  character, the gold edges trimmed of quote marks and punctuation — a name at the edge
  of a description («ГУВД Москвы» → «ГУВД», «глава комитета Госдумы Александр Жуков» →
  «Александр Жуков»). One-to-one: when several predicted mentions qualify for one gold
  mention, the exact one wins, then one at its start (the head of «ГУВД Москвы»), then
  the longest. A name at the edge of a description of
  something else («жена Ивана Петрова» when Петров is not annotated) is a known source of
  noise; it happens only when the name's own referent has no chain;
- link figures are MUC (Vilain et al. 1995): recall is the share of gold links kept,
  Σ(|K| − partitions of K by the prediction) / Σ(|K| − 1), precision the same with the
  roles swapped; sums are over all chains of all documents;
- B³ (Bagga & Baldwin 1998) is averaged over every aligned mention of every document.

``limit`` takes an evenly spaced, deterministic subset of the files in name order (the
names start with the year, so the subset spans 2000–2021).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from svodka.doc import Document, Record
from svodka.lang.text import DASHES, QUOTES

Bounds = tuple[int, int]
Clusters = list[list[Bounds]]
#: Characters trimmed from a gold mention's edges before the edge test: quote marks,
#: dashes, the apostrophe, punctuation and spaces.
EDGE_TRIM = QUOTES | DASHES | frozenset(" \t\n'.,;:!?()")


@dataclass(frozen=True, slots=True)
class CorefDoc:
    """One RuCoCo article and its gold chains of half-open mention bounds."""

    id: str
    text: str
    chains: tuple[tuple[Bounds, ...], ...]


@dataclass(slots=True)
class CorefScore:
    """MUC numerators/denominators and B³ sums, accumulated over documents."""

    docs: int = 0
    items: int = 0
    link_p: tuple[int, int] = (0, 0)
    link_r: tuple[int, int] = (0, 0)
    b3_p: float = 0.0
    b3_r: float = 0.0

    def figures(self) -> dict[str, float]:
        """``link.*`` and ``b3.*`` precision, recall and f1; 0.0 on empty sums."""
        link_p = ratio(*self.link_p)
        link_r = ratio(*self.link_r)
        b3_p, b3_r = ratio(self.b3_p, self.items), ratio(self.b3_r, self.items)
        return {
            "link.precision": link_p,
            "link.recall": link_r,
            "link.f1": harmonic(link_p, link_r),
            "b3.precision": b3_p,
            "b3.recall": b3_r,
            "b3.f1": harmonic(b3_p, b3_r),
        }


def ratio(part: float, whole: float) -> float:
    """``part / whole``, 0.0 when ``whole`` is 0."""
    return part / whole if whole else 0.0


def harmonic(precision: float, recall: float) -> float:
    """F1 of a precision and a recall; 0.0 when both are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


# ---------------------------------------------------------------- reading


def load_rucoco(folder: Path, limit: int | None = None) -> list[CorefDoc]:
    """The RuCoCo files in ``folder`` (all, or an evenly spaced ``limit`` of them)."""
    return [read_rucoco(path) for path in select_files(sorted(Path(folder).glob("*.json")), limit)]


def select_files(paths: Sequence[Path], limit: int | None) -> list[Path]:
    """``limit`` paths spread evenly over ``paths``; all of them when ``limit`` is None."""
    if limit is None or limit >= len(paths):
        return list(paths)
    return [paths[i * len(paths) // limit] for i in range(max(limit, 0))]


def read_rucoco(path: Path) -> CorefDoc:
    """One RuCoCo file; empty chains are dropped."""
    data = json.loads(path.read_text(encoding="utf-8"))
    chains = tuple(
        tuple((int(start), int(stop)) for start, stop in chain)
        for chain in data.get("entities", [])
        if chain
    )
    return CorefDoc(path.stem, data["text"], chains)


# ---------------------------------------------------------------- alignment


def trimmed(text: str, bounds: Bounds) -> Bounds:
    """A mention's bounds without the quote marks and punctuation at its edges."""
    start, stop = bounds
    while start < stop and text[start] in EDGE_TRIM:
        start += 1
    while stop > start and text[stop - 1] in EDGE_TRIM:
        stop -= 1
    return start, stop


def gold_for(text: str, gold: Sequence[Bounds], mention: Bounds) -> int | None:
    """The index of the gold mention a predicted one aligns with (see the module doc)."""
    best, best_size = None, None
    for index, bounds in enumerate(gold):
        if bounds == mention:
            return index
        start, stop = trimmed(text, bounds)
        inside = start <= mention[0] and mention[1] <= stop
        if inside and (mention[0] == start or mention[1] == stop):
            size = stop - start
            if best_size is None or size < best_size:
                best, best_size = index, size
    return best


def starts_with(text: str, gold: Bounds, mention: Bounds) -> bool:
    """Whether a mention starts where the trimmed gold mention starts."""
    return trimmed(text, gold)[0] == mention[0]


def align(text: str, gold: Sequence[Bounds], predicted: Sequence[Bounds]) -> dict[int, int]:
    """Predicted mention index → gold mention index, one-to-one: exact, then a mention at
    the gold mention's start («ГУВД» of «ГУВД Москвы»), then the longest, win."""
    candidates = []
    for index, mention in enumerate(predicted):
        target = gold_for(text, gold, mention)
        if target is not None:
            rank = (
                0
                if gold[target] == mention
                else 1
                if starts_with(text, gold[target], mention)
                else 2
            )
            candidates.append((rank, -(mention[1] - mention[0]), index, target))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, index, target in sorted(candidates):
        if target not in taken:
            taken.add(target)
            pairs[index] = target
    return pairs


# ---------------------------------------------------------------- metrics


def muc(key: Iterable[set[int]], response_of: dict[int, int]) -> tuple[int, int]:
    """(links kept, links) of the ``key`` clusters under the ``response_of`` partition."""
    kept = links = 0
    for cluster in key:
        kept += len(cluster) - len({response_of[item] for item in cluster})
        links += len(cluster) - 1
    return kept, links


def b3(key_of: dict[int, int], response_of: dict[int, int]) -> tuple[float, float]:
    """Summed B³ (precision, recall) over the items of both partitions."""
    key_sizes = sizes(key_of)
    response_sizes = sizes(response_of)
    shared = sizes({item: (key_of[item], response_of[item]) for item in key_of})
    precision = recall = 0.0
    for item in key_of:
        common = shared[key_of[item], response_of[item]]
        precision += common / response_sizes[response_of[item]]
        recall += common / key_sizes[key_of[item]]
    return precision, recall


def sizes(cluster_of: dict) -> dict:
    """How many items each cluster label has."""
    counts: dict = {}
    for label in cluster_of.values():
        counts[label] = counts.get(label, 0) + 1
    return counts


def clusters_of(cluster_of: dict[int, int]) -> list[set[int]]:
    """The clusters of a labelling, as sets of items."""
    found: dict[int, set[int]] = {}
    for item, label in cluster_of.items():
        found.setdefault(label, set()).add(item)
    return list(found.values())


# ---------------------------------------------------------------- scoring


def score_document(doc: CorefDoc, predicted: Clusters, score: CorefScore) -> None:
    """Align one document's mentions and add its MUC and B³ terms to ``score``."""
    gold_chain = {}
    for chain_index, chain in enumerate(doc.chains):
        for bounds in chain:
            gold_chain.setdefault(bounds, chain_index)
    gold = list(gold_chain)
    mentions = [(bounds, entity) for entity, cluster in enumerate(predicted) for bounds in cluster]
    pairs = align(doc.text, gold, [bounds for bounds, _ in mentions])
    key_of = {item: gold_chain[gold[target]] for item, target in pairs.items()}
    response_of = {item: mentions[item][1] for item in pairs}
    score.docs += 1
    score.items += len(pairs)
    score.link_r = add(score.link_r, muc(clusters_of(key_of), response_of))
    score.link_p = add(score.link_p, muc(clusters_of(response_of), key_of))
    precision, recall = b3(key_of, response_of)
    score.b3_p += precision
    score.b3_r += recall


def add(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    """Pairwise sum of two (numerator, denominator) pairs."""
    return a[0] + b[0], a[1] + b[1]


def score_coref(docs: Iterable[CorefDoc], predicted: Iterable[Clusters]) -> CorefScore:
    """Score each document's predicted clusters, in the same order as ``docs``."""
    score = CorefScore()
    for doc, clusters in zip(docs, predicted, strict=True):
        score_document(doc, clusters, score)
    return score


def svodka_clusters(doc: Document) -> Clusters:
    """svodka's entities as clusters of mention bounds."""
    return [[(m.start, m.stop) for m in entity.mentions] for entity in doc.entities]


def natasha_clusters(text: str) -> Clusters:
    """natasha's NER spans grouped by (type, normal form): it has no coreference of its own."""
    from svodka.eval.natasha_anchor import natasha_ner, natasha_normalize

    spans = natasha_ner([text])[0]
    groups: dict[tuple[str, str], list[Bounds]] = {}
    for (start, stop, type_), normal in zip(spans, natasha_normalize(text, spans), strict=True):
        groups.setdefault((type_, normal.casefold()), []).append((start, stop))
    return list(groups.values())


def predict_clusters(
    name: str, docs: list[CorefDoc], analyze: Callable[[Iterable[Record]], Iterable[Document]]
) -> Iterator[Clusters]:
    """The clusters of system ``name`` (svodka or natasha) for each document, lazily."""
    if name == "natasha":
        return (natasha_clusters(doc.text) for doc in docs)
    analyzed = analyze(Record(id=doc.id, text=doc.text) for doc in docs)
    return (svodka_clusters(doc) for doc in analyzed)
