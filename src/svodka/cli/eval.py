"""``svodka eval``: one scorer per capability, a table or ``--format json``, and the gate."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from svodka.cli.common import FormatOption, JsonOption, Shown, err, out
from svodka.cli.eval_tables import (
    counts_dict,
    gate_table,
    gold_table,
    lemma_table,
    ner_table,
    sentence_table,
    show_counts,
    tone_table,
)

eval_app = typer.Typer(help="Score svodka against annotated data.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add ``svodka eval …`` to the ``svodka`` app."""
    app.add_typer(eval_app, name="eval")


ROOT = Path.cwd()

SystemOption = Annotated[
    list[str] | None,
    typer.Option("--system", help="svodka and/or natasha; repeat for several. Default: svodka."),
]


@eval_app.command("ner")
def eval_ner(
    factru: Annotated[Path, typer.Option(help="The factRuEval-2016 folder.")],
    system: SystemOption = None,
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """Token-level F1 per PER/LOC/ORG on factRuEval, in the naeval protocol."""
    from svodka.eval.systems import evaluate_ner

    require_dir(factru, "--factru")
    results = evaluate_ner(factru, check_systems(system))
    if as_json or format is Shown.json:
        out.print_json(data={n: {t: asdict(s) for t, s in r.items()} for n, r in results.items()})
    else:
        out.print(ner_table(results))


@eval_app.command("lemmas")
def eval_lemmas(
    slavicner: Annotated[Path, typer.Option(help="The SlavicNER folder (topics of .txt + .tsv).")],
    system: SystemOption = None,
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """Accuracy of canonical names against SlavicNER's gold lemmas, per mention and type."""
    from svodka.eval.systems import evaluate_lemmas

    require_dir(slavicner, "--slavicner")
    results = evaluate_lemmas(slavicner, check_systems(system))
    if as_json or format is Shown.json:
        payload = {
            n: {"overall": r.overall.accuracy, **{t: a.accuracy for t, a in r.by_type.items()}}
            for n, r in results.items()
        }
        out.print_json(data=payload)
    else:
        out.print(lemma_table(results))


@eval_app.command("gold")
def eval_gold(
    folder: Annotated[
        Path, typer.Argument(help="Gold files in the guide's format, one JSON per article.")
    ] = Path("tests/data/gold"),
    root: Annotated[
        Path, typer.Option(help="The folder the gold files' doc paths start from.")
    ] = Path("../shared"),
    show: Annotated[bool, typer.Option("--show", help="List every miss.")] = False,
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """Score every layer as the annotation guide does: svodka's own gold set by default,
    or ../shared/gold/articles."""
    from svodka.errors import InputError
    from svodka.eval.gold import load_gold, score_gold
    from svodka.pipeline import default_pipeline

    require_dir(folder, "FOLDER")
    try:
        articles = load_gold(folder, root)
    except (InputError, KeyError) as error:
        raise typer.BadParameter(str(error), param_hint="--root") from None
    score = score_gold(articles, default_pipeline().analyze_many, show=show)
    for miss in score.misses or []:
        out.print(miss, markup=False, highlight=False)
    if as_json or format is Shown.json:
        out.print_json(data={"figures": score.figures(), "layers": score.as_dict()})
    else:
        out.print(gold_table(score, folder))


@eval_app.command("events")
def eval_events(
    sentences: Annotated[
        Path, typer.Argument(help="Annotated sentences, one JSON per line.")
    ] = Path("tests/data/events/sentences.jsonl"),
    gold: Annotated[
        Path | None, typer.Option(help="Gold articles with an events layer (the guide's format).")
    ] = None,
    root: Annotated[
        Path, typer.Option(help="The folder the gold files' doc paths start from.")
    ] = Path("../shared"),
    show: Annotated[bool, typer.Option("--show", help="List every miss.")] = False,
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """Event type F1 and actor accuracy on annotated sentences; with --gold, the recall of
    the gold articles' events and the predicted events per gold event."""
    from svodka.config import Config
    from svodka.eval.events import load_sentences, score_sentences
    from svodka.eval.gold import load_gold, score_gold
    from svodka.pipeline import Pipeline, default_pipeline

    if not sentences.is_file():
        raise typer.BadParameter(f"{sentences} is not a file", param_hint="SENTENCES")
    score = score_sentences(load_sentences(sentences), Pipeline(Config(events=0)).analyze_many)
    figures = {"sentences": score.as_dict()}
    if gold is not None:
        require_dir(gold, "--gold")
        articles = score_gold(load_gold(gold, root), default_pipeline().analyze_many, show=show)
        per_article = articles.figures()
        figures["articles"] = {k: per_article[k] for k in ("events", "events_per_gold")}
        for miss in articles.misses or []:
            if "event" in miss:
                out.print(miss, markup=False, highlight=False)
    for miss in score.misses if show else []:
        out.print(miss, markup=False, highlight=False)
    if as_json or format is Shown.json:
        out.print_json(data=figures)
        return
    out.print(sentence_table(score, sentences))
    if "articles" in figures:
        a = figures["articles"]
        out.print(f"{gold}: event recall {a['events']:.3f}, {a['events_per_gold']:.2f} per gold")


@eval_app.command("places")
def eval_places(
    dev: Annotated[Path, typer.Argument(help="Place mentions, one JSON per line.")] = Path(
        "tests/data/places/dev.jsonl"
    ),
    data: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared/data"),
    errors: Annotated[int, typer.Option(help="Show this many wrong mentions.")] = 0,
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """Geocoding accuracy on the hand-checked place mentions (tests/data/places)."""
    from svodka.errors import InputError
    from svodka.eval.places import load_mentions, score_places
    from svodka.pipeline import default_pipeline

    try:
        score = score_places(load_mentions(dev), data, default_pipeline().analyze_many)
    except (InputError, OSError) as error:
        raise typer.BadParameter(str(error), param_hint="--data") from None
    figures = score.figures()
    if as_json or format is Shown.json:
        out.print_json(data={**figures, "mentions": score.mentions, "errors": score.errors})
        return
    table = Table(title=f"places, {score.mentions} mentions", title_justify="left")
    for column in ("figure", "value", "count"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    table.add_row(
        "accuracy (of geocoded)", f"{figures['accuracy']:.3f}", f"{score.right}/{score.found}"
    )
    table.add_row(
        "found and geocoded", f"{figures['found']:.3f}", f"{score.found}/{score.mentions}"
    )
    table.add_row("end to end", f"{figures['end_to_end']:.3f}", f"{score.right}/{score.mentions}")
    out.print(table)
    for error in score.errors[:errors]:
        out.print(error)


@eval_app.command("roles")
def eval_roles(
    nerel: Annotated[Path, typer.Option(help="A NEREL 1.1 split folder (.txt + .ann).")],
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """Role title and title+organisation F1 against NEREL's WORKS_AS and WORKPLACE."""
    from svodka.eval.nerel import analyze_nerel, load_nerel
    from svodka.eval.roles import score_roles
    from svodka.pipeline import default_pipeline

    require_dir(nerel, "--nerel")
    docs = load_nerel(nerel)
    scores = score_roles(docs, analyze_nerel(docs, default_pipeline().analyze_many))
    title = f"NEREL roles, {len(docs)} documents, svodka"
    show_counts(scores, title, as_json or format is Shown.json)


@eval_app.command("spans")
def eval_spans(
    nerel: Annotated[Path, typer.Option(help="A NEREL 1.1 split folder (.txt + .ann).")],
    system: SystemOption = None,
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """MONEY, PERCENT and DATE span F1 against NEREL, by overlap, one-to-one."""
    from svodka.eval.nerel import load_nerel, score_spans, system_spans
    from svodka.pipeline import default_pipeline

    require_dir(nerel, "--nerel")
    docs = load_nerel(nerel)
    results = {
        name: score_spans(docs, system_spans(name, docs, default_pipeline().analyze_many))
        for name in check_systems(system)
    }
    if as_json or format is Shown.json:
        out.print_json(data={name: counts_dict(scores) for name, scores in results.items()})
        return
    for name, scores in results.items():
        show_counts(scores, f"NEREL spans, {len(docs)} documents, {name}", False)


@eval_app.command("tone")
def eval_tone(
    rusentne: Annotated[
        Path, typer.Option(help="A RuSentNE-2023 file (sentence, entity, …, label).")
    ],
    dev: Annotated[bool, typer.Option(help="Score only the held-out dev split.")] = False,
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """Tone toward an entity: F1(P,N), the macro F1 over positive and negative, as
    RuSentNE-2023 scores it, and each class's precision and recall."""
    from svodka.eval.tone import score_file

    if not rusentne.is_file():
        raise typer.BadParameter(f"{rusentne} is not a file", param_hint="--rusentne")
    scores = score_file(rusentne, dev_only=dev)
    if as_json or format is Shown.json:
        out.print_json(data=scores)
    else:
        out.print(tone_table(scores, rusentne))


@eval_app.command("coref")
def eval_coref(
    rucoco: Annotated[Path, typer.Option(help="The RuCoCo news folder (.json files).")],
    limit: Annotated[
        int | None, typer.Option(help="Score an evenly spaced subset of this many files.")
    ] = None,
    system: SystemOption = None,
    format: FormatOption = Shown.table,
    as_json: JsonOption = False,
) -> None:
    """MUC link and B³ F1 of entity mentions against RuCoCo's chains, on shared mentions."""
    from svodka.eval.coref import load_rucoco, predict_clusters, score_coref
    from svodka.pipeline import default_pipeline

    require_dir(rucoco, "--rucoco")
    docs = load_rucoco(rucoco, limit)
    results = {
        name: score_coref(docs, predict_clusters(name, docs, default_pipeline().analyze_many))
        for name in check_systems(system)
    }
    if as_json or format is Shown.json:
        out.print_json(data={n: {**s.figures(), "mentions": s.items} for n, s in results.items()})
        return
    table = Table(title=f"RuCoCo, {len(docs)} articles", title_justify="left")
    for column in ("system", "link P / R / F1", "B³ P / R / F1", "shared mentions"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for name, score in results.items():
        f = score.figures()
        link = f"{f['link.precision']:.3f} / {f['link.recall']:.3f} / [bold]{f['link.f1']:.3f}"
        b3 = f"{f['b3.precision']:.3f} / {f['b3.recall']:.3f} / [bold]{f['b3.f1']:.3f}"
        table.add_row(name, link, b3, str(score.items))
    out.print(table)


@eval_app.command("crashes")
def eval_crashes(
    data: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared/data"),
    dataset: Annotated[
        list[str] | None,
        typer.Option(help="rucoco, factru, nerel-train, nerel-dev or slavicner; repeat."),
    ] = None,
) -> None:
    """Run the pipeline over every development document and count the failed analyses
    (exit 1 when there is one)."""
    from svodka.eval.crashes import DATASETS, count_crashes

    require_dir(data, "--data")
    unknown = sorted(set(dataset or []) - DATASETS.keys())
    if unknown:
        raise typer.BadParameter(
            f"unknown {unknown}; expected {list(DATASETS)}", param_hint="--dataset"
        )
    table = Table(title="failed analyses", title_justify="left")
    for column in ("dataset", "documents", "failed"):
        table.add_column(column, justify="left" if column == "dataset" else "right")
    failed = 0
    for name, count in count_crashes(data, dataset):
        for source, reason in count.failures:
            err.print(f"{name} {source}: {reason}", markup=False, highlight=False)
        failed += len(count.failures)
        table.add_row(name, f"{count.documents:,}", str(len(count.failures)))
    out.print(table)
    if failed:
        raise typer.Exit(1)


@eval_app.command("gate")
def eval_gate(
    data: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared/data"),
    gold: Annotated[Path, typer.Option(help="The gold set.")] = Path("tests/data/gold"),
    places: Annotated[Path, typer.Option(help="The place mentions.")] = Path(
        "tests/data/places/dev.jsonl"
    ),
    events: Annotated[Path, typer.Option(help="Annotated event sentences and articles.")] = Path(
        "tests/data/events"
    ),
    floors: Annotated[Path, typer.Option(help="Pinned floors.")] = Path("tests/floors.json"),
    raise_floors: Annotated[
        bool, typer.Option("--raise-floors", help="Lift each floor to the measured figure.")
    ] = False,
    allow_regression: Annotated[
        str | None,
        typer.Option(help="Let --raise-floors lower floors; the reason goes to docs/quality.md."),
    ] = None,
) -> None:
    """Measure every gated figure and fail (exit 1) when one is below its floor."""
    from svodka.eval import gate

    if not data.is_dir():
        err.print(f"quality gate: {data} not found; it needs the shared data folder", style="red")
        raise typer.Exit(2)
    times: dict[str, float] = {}
    figures = gate.measure(data, gold, places, events, times=times)
    pinned = gate.read_floors(floors)
    if raise_floors:
        pinned, lowered = gate.raised_floors(figures, pinned, allow_regression=allow_regression)
        gate.write_floors(floors, pinned)
        if lowered and allow_regression:
            gate.record_regression(ROOT / "docs" / "quality.md", lowered, allow_regression)
    out.print(gate_table(figures, pinned))
    out.print("seconds: " + ", ".join(f"{name} {sec:.0f}" for name, sec in times.items()))
    problems = list(gate.failures(figures, pinned))
    for problem in problems:
        err.print(f"quality gate: {problem}", style="red")
    if problems:
        raise typer.Exit(1)


def check_systems(names: list[str] | None) -> list[str]:
    from svodka.eval.systems import SYSTEMS

    names = names or ["svodka"]
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        expected = " or ".join(SYSTEMS)
        raise typer.BadParameter(f"expected {expected}, got {unknown}", param_hint="--system")
    return names


def require_dir(path: Path, option: str) -> None:
    if not path.is_dir():
        raise typer.BadParameter(f"{path} is not a folder", param_hint=option)
