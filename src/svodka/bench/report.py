"""``make report``: measure quality and speed, and add a dated section to docs/quality.md.

    python -m svodka.bench.report --data ../shared/data --gold tests/data/gold --out docs/quality.md

The new section goes on top; earlier sections stay below it as the history.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from svodka.bench import pipeline as bench
from svodka.eval.gate import shared_gold
from svodka.eval.gold import load_gold, score_gold
from svodka.eval.places import load_mentions, score_places
from svodka.eval.systems import evaluate_lemmas, evaluate_ner

PLACES = "tests/data/places/dev.jsonl"
TITLE = "# Quality and speed"
INTRO = (
    "Measured by `make report` on the development data in `../shared/data` (train/dev\n"
    "splits only) and the gold set in `tests/data/gold`. Newest first; each section is one run."
)


def ner_section(data: Path) -> list[str]:
    results = evaluate_ner(data / "factru-2016-dev", ["svodka", "natasha"])
    rows = ["| system | PER P / R / F1 | LOC P / R / F1 | ORG P / R / F1 |", "|---|---|---|---|"]
    for name, scores in results.items():
        cells = [f"{s.precision:.3f} / {s.recall:.3f} / **{s.f1:.3f}**" for s in scores.values()]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return ["**NER**, factRuEval-2016 dev, token F1 in the naeval protocol:", "", *rows]


def lemma_section(data: Path) -> list[str]:
    results = evaluate_lemmas(data / "slavicner-ru-train", ["svodka", "natasha"])
    types = sorted(results["svodka"].by_type)
    rows = [
        "| system | overall | " + " | ".join(types) + " |",
        "|---" * (len(types) + 2) + "|",
    ]
    for name, r in results.items():
        cells = [f"{r.by_type[t].accuracy:.3f}" for t in types]
        rows.append(f"| {name} | **{r.overall.accuracy:.3f}** | " + " | ".join(cells) + " |")
    total = results["svodka"].overall.total
    return [f"**Canonical names**, SlavicNER train, {total:,} mentions, exact match:", "", *rows]


GOLD_HEADER = [
    "| layer | P | R | F1 | matched / predicted / gold | figure |",
    "|---|---|---|---|---|---|",
]


def gold_section(data: Path, gold: Path) -> list[str]:
    from svodka.pipeline import default_pipeline

    sets = {"Gold set (ours, tuned on)": gold, "Shared gold (not tuned on)": shared_gold(data)}
    lines = []
    for title, folder in sets.items():
        score = score_gold(load_gold(folder, data.parent), default_pipeline().analyze_many)
        rows = [*GOLD_HEADER]
        for layer, figure in score.figures().items():
            c = score.layers[layer]
            counts = f"{c.tp:.0f} / {c.predicted} / {c.gold}"
            prf = f"{c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f}"
            rows.append(f"| {layer} | {prf} | {counts} | **{figure:.3f}** |")
        lines += [f"**{title}**, {score.articles} articles, scored as the guide does:", ""]
        lines += [*rows, ""]
    return lines


def places_section(data: Path, root: Path) -> list[str]:
    from svodka.pipeline import default_pipeline

    mentions = load_mentions(root / PLACES)
    score = score_places(mentions, data, default_pipeline().analyze_many)
    f = score.figures()
    return [
        f"**Places**, {score.mentions} hand-checked mentions (`{PLACES}`): right country, and "
        f"within 50 km for settlements — **{f['accuracy']:.3f}** of the {score.found} the "
        f"pipeline geocoded; found and geocoded {f['found']:.3f}; "
        f"end to end {f['end_to_end']:.3f}.",
    ]


def speed_section(data: Path, limit: int) -> list[str]:
    texts = bench.load_articles(data / "rucoco-news", limit)
    measurements = bench.measure_all(texts)
    report = bench.build_report(measurements, bench.time_cold_start())
    rows = [
        "| system | articles/s | characters/s | load s | peak RSS MB |",
        "|---|---|---|---|---|",
    ]
    for m in measurements:
        rows.append(
            f"| {m.system} | {m.articles_per_s:.1f} | {m.chars_per_s:,.0f} | {m.load_s:.2f} "
            f"| {m.peak_rss_mb:.0f} |"
        )
    cold = report["cold_start_s"]
    shares = next((m.stage_shares for m in measurements if m.stage_shares), None) or {}
    by_stage = ", ".join(f"{name} {share:.0%}" for name, share in shares.items())
    return [
        f"**Speed**, `make bench`: the same {len(texts)} RuCoCo articles, "
        f"{report['cpu_count']} CPUs, models loaded before timing:",
        "",
        *rows,
        "",
        f"svodka / natasha: **{report['speed_ratio_svodka_natasha']:.2f}×** · "
        f"2 processes / 1: **{report['scaling_2_over_1']:.2f}×** · "
        f"cold start of `svodka analyze` on the example: {cold:.2f} s",
        "",
        f"svodka's time by stage: {by_stage}.",
    ]


def build_section(data: Path, gold: Path, root: Path, limit: int) -> str:
    """One dated section with every table."""
    parts = [
        f"## {date.today()} · commit {bench.read_commit(root)}",
        "",
        *ner_section(data),
        "",
        *lemma_section(data),
        "",
        *gold_section(data, gold),
        "",
        *places_section(data, root),
        "",
        *speed_section(data, limit),
    ]
    return "\n".join(parts) + "\n"


def insert_section(existing: str, section: str) -> str:
    """The report with ``section`` first and every earlier section kept below it."""
    at = existing.find("\n## ")
    history = existing[at + 1 :] if at >= 0 else ""
    return f"{TITLE}\n\n{INTRO}\n\n{section}\n{history}".rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--gold", type=Path, default=Path("tests/data/gold"))
    parser.add_argument("--out", type=Path, default=Path("docs/quality.md"))
    parser.add_argument("--limit", type=int, default=500)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"{args.data} not found: the report needs the shared data folder")
    section = build_section(args.data, args.gold, Path.cwd(), args.limit)
    existing = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    args.out.write_text(insert_section(existing, section), encoding="utf-8")
    print(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
