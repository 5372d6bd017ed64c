"""Speed and memory of svodka against natasha's full pipeline, on the same RuCoCo articles.

    python -m svodka.bench.pipeline --rucoco ../shared/data/rucoco-news --limit 500 [--json PATH]

Each system runs in its own fresh child process (multiprocessing, "spawn"), so the peak
RSS it reports (VmHWM) is its own. Inside the child, "load" is importing the library and building
its models; a warm-up on the first few articles follows and is not timed; then every
article is analyzed once under ``time.perf_counter``, the two systems taking turns batch by
batch (never both at once), so that the machine's slow spells fall on both alike. Then
svodka runs over a pool of 1 and of 2 worker processes (scaling), and a cold start — the
wall time of one ``svodka analyze`` subprocess on the bundled example — is measured last.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from datetime import datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from svodka.corpus.workers import single_threaded

REPO_ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = Path("examples/mir24-putin-tokayev.txt")
WARMUP_DOCS = 3
SYSTEMS = ("svodka", "natasha")

Analyzer = Callable[[list[str]], Any]


@dataclass(frozen=True, slots=True)
class Measurement:
    """What one system did on the benchmark texts, measured inside its own process."""

    system: str
    articles: int
    characters: int
    load_s: float
    analysis_s: float
    articles_per_s: float
    chars_per_s: float
    peak_rss_mb: float
    stage_shares: dict[str, float] | None = None


def load_articles(folder: Path, limit: int) -> list[str]:
    """Read the ``text`` of the first ``limit`` JSON files of ``folder``, by sorted file name."""
    if not folder.is_dir():
        raise FileNotFoundError(f"RuCoCo folder not found: {folder}")
    paths = sorted(folder.glob("*.json"))[:limit]
    if not paths:
        raise FileNotFoundError(f"no *.json articles in {folder}")
    return [json.loads(path.read_text(encoding="utf-8"))["text"] for path in paths]


def load_svodka() -> Analyzer:
    """Import svodka, build a Pipeline and return a function analyzing a list of texts.

    The function has a ``pipeline`` attribute, whose per-stage timings the report reads.
    """
    from svodka.doc import Record
    from svodka.pipeline import Pipeline

    pipeline = Pipeline()

    def analyze(texts: list[str]) -> list[Any]:
        records = [Record(id=str(index), text=text) for index, text in enumerate(texts)]
        return list(pipeline.analyze_many(records))

    analyze.pipeline = pipeline  # type: ignore[attr-defined]
    return analyze


def load_natasha() -> Analyzer:
    """Import natasha, build its news models and return its full per-document pipeline:
    segment, morphology, syntax, NER and normalize, as natasha documents it."""
    from natasha import Doc

    from svodka.eval.natasha_anchor import natasha_models

    m = natasha_models()

    def analyze(texts: list[str]) -> list[Any]:
        docs = []
        for text in texts:
            doc = Doc(text)
            doc.segment(m.segmenter)
            doc.tag_morph(m.morph)
            doc.parse_syntax(m.syntax)
            doc.tag_ner(m.ner)
            for span in doc.spans:
                span.normalize(m.vocab)
            docs.append(doc)
        return docs

    return analyze


LOADERS: dict[str, Callable[[], Analyzer]] = {"svodka": load_svodka, "natasha": load_natasha}


#: Articles per timed turn: the two systems take turns, so a slow spell of the machine
#: falls on both alike and the ratio stays steady between runs. A turn is a few of svodka's
#: batches (``Config.docs_per_batch``), so its pipeline overlaps them as in a long run.
BATCH = 250

_child: dict[str, Any] = {}


def load_in_child(system: str, warmup: list[str]) -> float:
    """Load ``system`` in this (child) process and warm it up; its load seconds."""
    started = time.perf_counter()
    analyze = LOADERS[system]()
    loaded = time.perf_counter()
    analyze(warmup)
    pipeline = getattr(analyze, "pipeline", None)
    if pipeline is not None:
        pipeline.stage_seconds = dict.fromkeys(pipeline.stage_seconds, 0.0)
    _child.update(analyze=analyze, pipeline=pipeline)
    return loaded - started


def time_in_child(texts: list[str]) -> float:
    """Seconds the loaded system takes over ``texts``."""
    begin = time.perf_counter()
    _child["analyze"](texts)
    return time.perf_counter() - begin


def report_child() -> tuple[float, dict[str, float] | None]:
    """This child's peak RSS in MB, and its seconds by stage (svodka only)."""
    pipeline = _child["pipeline"]
    return read_peak_rss_mb(), None if pipeline is None else dict(pipeline.stage_seconds)


def measure_interleaved(texts: list[str]) -> list[Measurement]:
    """Each system in its own spawned process (its peak RSS its own), loaded and warmed up
    once; then both analyze the texts in turns of ``BATCH`` articles, the one going first
    alternating, never at the same time."""
    spawn = get_context("spawn")
    with ExitStack() as stack:
        pools = {s: stack.enter_context(ProcessPoolExecutor(1, mp_context=spawn)) for s in SYSTEMS}
        loads = {s: pools[s].submit(load_in_child, s, texts[:WARMUP_DOCS]) for s in SYSTEMS}
        for load in loads.values():
            load.result()  # a system that cannot load fails here, with its own error
        elapsed = dict.fromkeys(SYSTEMS, 0.0)
        for turn, start in enumerate(range(0, len(texts), BATCH)):
            for system in SYSTEMS[:: 1 if turn % 2 == 0 else -1]:
                batch = texts[start : start + BATCH]
                elapsed[system] += pools[system].submit(time_in_child, batch).result()
        reports = {s: pools[s].submit(report_child).result() for s in SYSTEMS}
    measurements = []
    for s in SYSTEMS:
        peak, stages = reports[s]
        shares = (
            None if stages is None else {k: v / sum(stages.values()) for k, v in stages.items()}
        )
        measurements.append(make_measurement(s, texts, loads[s].result(), elapsed[s], peak, shares))
    return measurements


_worker_analyze: Analyzer | None = None


def start_worker() -> None:
    """Pool initializer: each worker process loads its own svodka pipeline once."""
    global _worker_analyze
    _worker_analyze = load_svodka()


def analyze_in_worker(texts: list[str]) -> float:
    """Analyze a slice of the texts in a worker; returns the worker's peak RSS in MB."""
    assert _worker_analyze is not None  # set by start_worker
    _worker_analyze(texts)
    return read_peak_rss_mb()


def measure_processes(texts: list[str], workers: int) -> Measurement:
    """svodka over ``workers`` processes, each with its own pipeline; load not timed.

    The texts go out in slices of 25 so both workers stay busy to the end; documents are
    not sent back, so this measures analysis, not pickling.
    """
    context = get_context("spawn")
    with (
        single_threaded(),
        ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker) as pool,
    ):
        started = time.perf_counter()
        list(pool.map(analyze_in_worker, [texts[:WARMUP_DOCS]] * workers))
        loaded = time.perf_counter()
        slices = [texts[i : i + 25] for i in range(0, len(texts), 25)]
        peaks = list(pool.map(analyze_in_worker, slices))
        elapsed = time.perf_counter() - loaded
    system = f"svodka ×{workers} process{'es' if workers > 1 else ''}"
    return make_measurement(system, texts, loaded - started, elapsed, max(peaks))


def make_measurement(
    system: str,
    texts: list[str],
    load_s: float,
    elapsed: float,
    peak_rss_mb: float,
    stage_shares: dict[str, float] | None = None,
) -> Measurement:
    """A Measurement from the raw timings of one run over ``texts``."""
    characters = sum(len(text) for text in texts)
    return Measurement(
        system=system,
        articles=len(texts),
        characters=characters,
        load_s=load_s,
        analysis_s=elapsed,
        articles_per_s=len(texts) / elapsed,
        chars_per_s=characters / elapsed,
        peak_rss_mb=peak_rss_mb,
        stage_shares=stage_shares,
    )


def measure_all(texts: list[str], *, scaling: bool = True) -> list[Measurement]:
    """Every system in its own process, then svodka over 1 and 2 worker processes."""
    measurements = measure_interleaved(texts)
    if scaling:
        measurements += [measure_processes(texts, workers) for workers in (1, 2)]
    return measurements


def time_cold_start(repo_root: Path = REPO_ROOT) -> float | None:
    """Wall time of ``svodka analyze EXAMPLE --format json`` as a subprocess; None if it fails."""
    script = Path(sys.executable).parent / "svodka"
    if not script.exists() or not (repo_root / EXAMPLE).exists():
        return None
    command = [str(script), "analyze", str(EXAMPLE), "--format", "json"]
    begin = time.perf_counter()
    done = subprocess.run(command, cwd=repo_root, capture_output=True, check=False)
    elapsed = time.perf_counter() - begin
    return elapsed if done.returncode == 0 else None


def read_commit(repo_root: Path = REPO_ROOT) -> str:
    """Short HEAD commit, with ``+dirty`` when the work tree has changes; "unknown" outside git."""
    try:
        commit = git(repo_root, "rev-parse", "--short", "HEAD")
        dirty = git(repo_root, "status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit}+dirty" if dirty else commit or "unknown"


def git(repo_root: Path, *args: str) -> str:
    """The stripped output of a git command run in ``repo_root``."""
    done = subprocess.run(["git", *args], cwd=repo_root, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def compute_scaling(measurements: Sequence[Measurement]) -> float | None:
    """Speed-up of svodka on 2 processes over 1, when both were measured."""
    speeds = {m.system: m.articles_per_s for m in measurements}
    one, two = speeds.get("svodka ×1 process"), speeds.get("svodka ×2 processes")
    return two / one if one and two else None


def compute_ratio(measurements: Sequence[Measurement]) -> float:
    """Speed of svodka over natasha in articles per second."""
    by_system = {m.system: m for m in measurements}
    return by_system["svodka"].articles_per_s / by_system["natasha"].articles_per_s


def read_peak_rss_mb() -> float:
    """Peak RSS of the current process in MB.

    Linux's VmHWM belongs to the process's own memory map, which ``exec`` replaces, so a
    spawned child reports only itself; ``ru_maxrss`` would carry the parent's peak over.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_report(measurements: Sequence[Measurement], cold_start_s: float | None) -> dict:
    """Everything the run measured, plus when, where and on which commit, as plain data."""
    return {
        "date": datetime.now().isoformat(timespec="seconds"),
        "commit": read_commit(),
        "cpu_count": os.cpu_count(),
        "warmup_docs": WARMUP_DOCS,
        "systems": [asdict(m) for m in measurements],
        "speed_ratio_svodka_natasha": compute_ratio(measurements),
        "scaling_2_over_1": compute_scaling(measurements),
        "cold_start_s": cold_start_s,
    }


def print_report(report: dict, console: Console) -> None:
    """Print one table row per system, then the ratio, cold start and run details."""
    table = Table(title="svodka vs natasha on the same RuCoCo news articles")
    for header in (
        "system",
        "articles",
        "chars",
        "load s",
        "analysis s",
        "articles/s",
        "chars/s",
        "peak RSS MB",
    ):
        table.add_column(header, justify="left" if header == "system" else "right")
    for m in report["systems"]:
        table.add_row(
            m["system"],
            str(m["articles"]),
            f"{m['characters']:,}",
            f"{m['load_s']:.2f}",
            f"{m['analysis_s']:.2f}",
            f"{m['articles_per_s']:.2f}",
            f"{m['chars_per_s']:,.0f}",
            f"{m['peak_rss_mb']:.0f}",
        )
    console.print(table)
    cold = report["cold_start_s"]
    console.print(
        f"cold start (svodka analyze {EXAMPLE} --format json): "
        + (f"{cold:.2f} s" if cold is not None else "failed")
    )
    for m in report["systems"]:
        if m.get("stage_shares"):
            shares = ", ".join(f"{k} {v:.0%}" for k, v in m["stage_shares"].items())
            console.print(f"{m['system']} CPU time by stage: {shares}")
    if report.get("scaling_2_over_1"):
        console.print(f"scaling, 2 processes over 1: {report['scaling_2_over_1']:.2f}x")
    console.print(
        f"speed svodka/natasha (articles/s): {report['speed_ratio_svodka_natasha']:.2f}x"
        f" · {report['date']} · commit {report['commit']} · {report['cpu_count']} CPUs"
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m svodka.bench.pipeline",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--rucoco", type=Path, required=True, help="folder of RuCoCo JSON files")
    parser.add_argument("--limit", type=int, default=500, help="first N articles by file name")
    parser.add_argument("--json", type=Path, help="also write the numbers to this JSON file")
    parser.add_argument(
        "--no-scaling", action="store_true", help="skip the 1 vs 2 process measurement"
    )
    args = parser.parse_args(argv)
    if args.limit < 1:
        parser.error("--limit must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 2 when the RuCoCo folder is missing or empty."""
    args = parse_args(argv)
    try:
        texts = load_articles(args.rucoco, args.limit)
    except FileNotFoundError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    measurements = measure_all(texts, scaling=not args.no_scaling)
    report = build_report(measurements, time_cold_start())
    console = Console()
    if not console.is_terminal:
        console.width = 120  # a pipe or a log file: don't squeeze the table into 80 columns
    print_report(report, console)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
