"""Train the roles pair classifier on NEREL v1.1 *train* and write
``src/svodka/resources/roles/pairs.json``.

Every (position phrase, person mention) pair of a sentence (:mod:`svodka.stages.roles.pairs`)
is labelled by NEREL's ``WORKS_AS`` relations: positive when the phrase overlaps a
PROFESSION with the same head and the mention overlaps a mention of the person the
relation names (grouped by Wikidata link, as in :mod:`svodka.eval.roles`). A logistic
regression with L2 is fitted by full-batch gradient descent in numpy; features seen fewer
than ``MIN_COUNT`` times are dropped. Deterministic: the same data give the same weights.

    .venv/bin/python scripts/train_roles.py ../shared/data/nerel-1.1/train
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from svodka.config import Config
from svodka.eval.nerel import NerelDoc, analyze_nerel, load_nerel
from svodka.eval.roles import overlaps, referent, title_head
from svodka.pipeline import Pipeline
from svodka.stages import STAGES, roles
from svodka.stages.roles.pairs import Pair, rule_spans, span

MIN_COUNT = 3
#: Train only on the pairs the stage scores (not those the rules settle).
ONLY_SCORED = True
L2 = 1e-3  # per pair
STEPS = 25
THRESHOLD = 0.4
OUT = Path(__file__).parents[1] / "src/svodka/resources/roles/pairs.json"


def gold_pairs(doc: NerelDoc) -> list[tuple[tuple[int, int], str, tuple[tuple[int, int], ...]]]:
    """(profession bounds, its head stem, the person's spans) of every WORKS_AS."""
    found = []
    for kind, person, title in doc.relations:
        if kind != "WORKS_AS" or person not in doc.spans or title not in doc.spans:
            continue
        p, t = doc.spans[person], doc.spans[title]
        if p.type == "PERSON" and t.type == "PROFESSION":
            found.append(((t.start, t.stop), title_head(t.text), referent(doc, person).spans))
    return found


def label(view, pair: Pair, gold) -> int:
    """1 when a WORKS_AS ties the pair's title to the pair's person."""
    tokens = view.doc.tokens
    title = [(tokens[pair.found.first].start, tokens[pair.found.last - 1].stop)]
    person = [(tokens[pair.first].start, tokens[pair.last - 1].stop)]
    head = title_head(pair.found.title)
    return int(
        any(h == head and overlaps(title, [t]) and overlaps(person, spans) for t, h, spans in gold)
    )


def collect(folder: Path) -> tuple[list[list[str]], list[int]]:
    """Features and labels of every pair in the NEREL documents of ``folder``."""
    stages = [s for s in STAGES if s is not roles]
    stages = stages[: stages.index(next(s for s in stages if s.__name__.endswith("quotes")))]
    pipeline = Pipeline(Config(), stages)
    docs = load_nerel(folder)
    return label_pairs(docs, analyze_nerel(docs, pipeline.analyze_many))


def label_pairs(docs: list[NerelDoc], analyzed: list) -> tuple[list[list[str]], list[int]]:
    """Features and labels of every pair in NEREL documents analyzed up to the roles."""
    res = roles.load(Config(), with_model=False)
    rows, labels = [], []
    for nerel, doc in zip(docs, analyzed, strict=True):
        gold = gold_pairs(nerel)
        found = list(roles.pair_features(doc, res))
        taken = rule_spans((pair, feats) for _, pair, feats in found)
        for view, pair, feats in found:
            if ONLY_SCORED and not scored(pair, feats, taken):
                continue
            rows.append(feats)
            labels.append(label(view, pair, gold))
    return rows, labels


def scored(pair: Pair, feats: list[str], taken: set[tuple[int, int]]) -> bool:
    """Whether the stage ever scores a pair: not one the rules found, nor a singular
    title the rules gave someone (:func:`svodka.stages.roles.pairs.learned_roles`)."""
    if "rule" in feats or "nested" in feats:
        return False
    return span(pair) not in taken or "plural" in feats


def fit(rows: list[list[str]], labels: list[int]) -> tuple[dict[str, float], float]:
    """Logistic regression weights by full-batch gradient descent."""
    counts: dict[str, int] = {}
    for row in rows:
        for f in set(row):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)), dtype=np.float32)
    for i, row in enumerate(rows):
        for f in row:
            if f in index:
                x[i, index[f]] = 1.0
    y = np.asarray(labels, dtype=np.float64)
    x = np.hstack([x.astype(np.float64), np.ones((len(rows), 1))])  # the last column: bias
    w = np.zeros(x.shape[1])
    penalty = L2 * len(y) * np.eye(x.shape[1])
    penalty[-1, -1] = 0.0
    for _ in range(STEPS):  # Newton's method: a few steps converge
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        w -= np.linalg.solve(hessian, grad)
    w, b = w[:-1], float(w[-1])
    return {f: round(float(v), 4) for f, v in zip(vocab, w, strict=True) if abs(v) >= 1e-3}, b


def main(folder: str) -> None:
    """Collect the pairs, fit, and write the weights."""
    rows, labels = collect(Path(folder))
    weights, bias = fit(rows, labels)
    model = {
        "source": "NEREL v1.1 train, scripts/train_roles.py",
        "threshold": THRESHOLD,
        "bias": round(bias, 4),
        "weights": weights,
    }
    OUT.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    print(f"{len(rows)} pairs, {sum(labels)} positive, {len(weights)} weights → {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
