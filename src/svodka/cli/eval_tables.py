"""The tables ``svodka eval`` prints: one builder per scorer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.table import Table

from svodka.cli.common import out

if TYPE_CHECKING:
    from svodka.eval.events import SentenceScore
    from svodka.eval.matching import GoldScore


def ner_table(results: dict) -> Table:
    table = Table(title="factRuEval dev, token F1 (naeval protocol)", title_justify="left")
    table.add_column("system")
    for t in ("PER", "LOC", "ORG"):
        table.add_column(f"{t} P / R / F1", justify="right", no_wrap=True)
    for name, scores in results.items():
        cells = [f"{s.precision:.3f} / {s.recall:.3f} / [bold]{s.f1:.3f}" for s in scores.values()]
        table.add_row(name, *cells)
    return table


def lemma_table(results: dict) -> Table:
    types = sorted({t for r in results.values() for t in r.by_type})
    table = Table(title="SlavicNER train, canonical-name accuracy", title_justify="left")
    for column in ["system", "overall", *types]:
        table.add_column(column, justify="left" if column == "system" else "right")
    for name, r in results.items():
        row = [f"{r.overall.accuracy:.3f}"] + [f"{r.by_type[t].accuracy:.3f}" for t in types]
        table.add_row(name, *row)
    return table


def gold_table(score: GoldScore, folder: Path) -> Table:
    """One row per layer: P, R, F1, the counts, and the guide's figure (recall or F1)."""
    from svodka.eval.matching import RECALL_LAYERS

    table = Table(title=f"{folder}, {score.articles} articles", title_justify="left")
    for column in ("layer", "P", "R", "F1", "matched / predicted / gold", "figure"):
        table.add_column(column, justify="left" if column == "layer" else "right")
    figures = score.figures()
    for layer, c in score.layers.items():
        if layer == "events_predicted":
            ratio = figures.get("events_per_gold", 0.0)
            table.add_row(
                "events predicted",
                "",
                "",
                "",
                f"{c.predicted} / {c.gold} gold",
                f"{ratio:.2f} per gold",
            )
            continue
        kind = "R" if layer in RECALL_LAYERS else "F1"
        table.add_row(
            layer,
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            f"{c.f1:.3f}",
            f"{c.tp:.0f} / {c.predicted} / {c.gold}",
            f"[bold]{figures[layer]:.3f}[/] {kind}",
        )
    return table


def counts_table(scores: dict, title: str) -> Table:
    """One row per figure: P, R, F1 and matched / predicted / gold."""
    table = Table(title=title, title_justify="left")
    for column in ("layer", "P", "R", "F1", "matched / predicted / gold"):
        table.add_column(column, justify="left" if column == "layer" else "right")
    for layer, s in scores.items():
        counts = f"{s['tp']:.0f} / {s['predicted']} / {s['gold']}"
        table.add_row(
            layer, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", counts
        )
    return table


def gate_table(figures: dict[str, float], floors: dict[str, float]) -> Table:
    table = Table(title="quality gate", title_justify="left")
    for column in ("figure", "measured", "floor", ""):
        table.add_column(column, justify="left" if column == "figure" else "right")
    for name in sorted(figures.keys() | floors.keys()):
        value, floor = figures.get(name), floors.get(name)
        ok = value is not None and (floor is None or value >= floor)
        table.add_row(
            name,
            "—" if value is None else f"{value:.3f}",
            "—" if floor is None else f"{floor:.3f}",
            "ok" if ok else "[red]FAIL",
        )
    return table


def counts_dict(scores: dict) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and counts of each figure, for ``--format json``."""
    return {name: c.as_dict() for name, c in scores.items()}


def show_counts(scores: dict, title: str, as_json: bool) -> None:
    """Print P / R / F1 with their counts, as a table or as JSON."""
    if as_json:
        out.print_json(data=counts_dict(scores))
    else:
        out.print(counts_table(counts_dict(scores), title))


def sentence_table(score: SentenceScore, path: Path) -> Table:
    """Type precision, recall and F1 per PLOVER type, and the actor accuracy."""
    table = Table(
        title=f"{path}, {score.sentences} sentences: type F1 {score.types.f1:.3f}, "
        f"actor accuracy {score.actor_accuracy:.3f}",
        title_justify="left",
    )
    for column in ("type", "P", "R", "F1", "matched / predicted / gold"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for name, c in sorted(score.by_type.items()):
        table.add_row(
            name,
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            f"{c.f1:.3f}",
            f"{c.tp:.0f} / {c.predicted} / {c.gold}",
        )
    return table


def tone_table(scores: dict, path: Path) -> Table:
    """F1(P,N) and each class's precision, recall and F1."""
    title = f"{path}, {scores['rows']} rows: f1_pn {scores['f1_pn']:.3f}"
    table = Table(title=title, title_justify="left")
    for column in ("class", "P", "R", "F1"):
        table.add_column(column, justify="left" if column == "class" else "right")
    for name in ("negative", "neutral", "positive"):
        cells = [f"{scores[f'{name}.{k}']:.3f}" for k in ("precision", "recall", "f1")]
        table.add_row(name, *cells)
    return table
