"""PullEnti on the same RuCoCo articles as `make bench` — a comparison point only.

PullEnti is free for non-commercial use only, so svodka never depends on it: this script
runs in its own virtualenv (`make bench-pullenti`) and imports nothing from svodka.

    python scripts/bench_pullenti.py --rucoco ../shared/data/rucoco-news --limit 500
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def load_texts(folder: Path, limit: int) -> list[str]:
    """The ``text`` of the first ``limit`` JSON files by name, as `make bench` reads them."""
    paths = sorted(folder.glob("*.json"))[:limit]
    if not paths:
        raise FileNotFoundError(f"no RuCoCo *.json articles in {folder}")
    return [json.loads(p.read_text(encoding="utf-8"))["text"] for p in paths]


def load_processor():
    """Initialize the PullEnti SDK for Russian and build a processor with all analyzers."""
    from pullenti.morph.MorphLang import MorphLang
    from pullenti.ner.ProcessorService import ProcessorService
    from pullenti.Sdk import Sdk

    Sdk.initialize(MorphLang.RU)
    return ProcessorService.create_processor()


def run(processor, texts: list[str]) -> tuple[float, int, int, list[str]]:
    """Analyze every text; elapsed seconds, entities found, crashes and crash messages."""
    from pullenti.ner.SourceOfAnalysis import SourceOfAnalysis

    entities, crashes = 0, []
    started = time.perf_counter()
    for text in texts:
        try:
            entities += len(processor.process(SourceOfAnalysis(text), None, None).entities)
        except Exception as error:  # PullEnti raises on some real articles; count them
            crashes.append(f"{type(error).__name__}: {error}"[:120])
    return time.perf_counter() - started, entities, len(crashes), crashes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rucoco", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=500)
    args = parser.parse_args()
    try:
        texts = load_texts(args.rucoco, args.limit)
    except FileNotFoundError as error:
        print(f"bench-pullenti: {error}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    processor = load_processor()
    load_s = time.perf_counter() - started
    elapsed, entities, crashed, messages = run(processor, texts)
    chars = sum(len(t) for t in texts)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"PullEnti on {len(texts)} RuCoCo articles ({chars:,} characters)")
    print(
        f"  load {load_s:.2f} s · analysis {elapsed:.2f} s · {len(texts) / elapsed:.2f} articles/s"
    )
    print(f"  {chars / elapsed:,.0f} chars/s · peak RSS {rss:.0f} MB · {entities} entities")
    print(f"  crashed on {crashed} of {len(texts)} articles ({100 * crashed / len(texts):.1f} %)")
    for message in sorted(set(messages))[:5]:
        print(f"    {message}")
    print("Compare with the svodka row of `make bench` on the same machine.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
