"""Save, then check, svodka's JSON output on a fixed set of articles (a refactoring guard).

A refactoring must not change what svodka says. Run ``save`` before the first move and
``check`` after the last one; ``check`` exits 1 and names every article whose output changed.

    python scripts/check_behaviour.py save /tmp/before.tsv
    python scripts/check_behaviour.py check /tmp/before.tsv
    python scripts/check_behaviour.py check /tmp/before.tsv --ignore durations  # a new layer

The articles: the example article, the sample corpus, the texts behind ``tests/data/gold``
and ``../shared/gold/articles``, and the first 500 RuCoCo articles. Only SHA-256 digests
of the outputs are written, never the texts (RuCoCo is CC BY-NC and stays out of the repo).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RUCOCO = SHARED / "data" / "rucoco-news"
RUCOCO_LIMIT = 500


def gather_records() -> list[dict]:
    """Every input record, each with a unique id and a fixed publication date."""
    records = [_example_record()]
    corpus = ROOT / "examples" / "corpus" / "wikinews.jsonl"
    records += [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    records += _gold_records(ROOT / "tests" / "data" / "gold", "gold")
    records += _gold_records(SHARED / "gold" / "articles", "shared-gold")
    rucoco = sorted(RUCOCO.glob("*.json"))[:RUCOCO_LIMIT] if RUCOCO.is_dir() else []
    records += [_rucoco_record(path, f"rucoco:{path.name}", None) for path in rucoco]
    return records


def _example_record() -> dict:
    lines = (ROOT / "examples" / "mir24-putin-tokayev.txt").read_text(encoding="utf-8")
    title, _, text = lines.partition("\n")
    return {"id": "example", "title": title, "text": text, "published": "2022-08-19"}


def _gold_records(folder: Path, prefix: str) -> list[dict]:
    records = []
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        source = gold.get("source", {})
        if "rucoco" in source and (RUCOCO / source["rucoco"]).is_file():
            records.append(_rucoco_record(RUCOCO / source["rucoco"], f"{prefix}:{path.name}", gold))
        elif "path" in source and (ROOT / source["path"]).is_file():
            text = (ROOT / source["path"]).read_text(encoding="utf-8")
            records.append(
                {"id": f"{prefix}:{path.name}", "text": text, "published": gold.get("published")}
            )
    return records


def _rucoco_record(path: Path, record_id: str, gold: dict | None) -> dict:
    text = json.loads(path.read_text(encoding="utf-8"))["text"]
    published = (gold or {}).get("published") or f"{path.name[:4]}-06-15"
    return {"id": record_id, "text": text, "published": published}


def analyze(records: list[dict], ignore: list[str]) -> dict[str, str]:
    """SHA-256 of each record's JSON output from ``svodka analyze --format jsonl``, the
    keys in ``ignore`` left out (a layer added since ``save``)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        source.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
        )
        svodka = Path(sys.executable).parent / "svodka"
        out = subprocess.run(
            [str(svodka), "analyze", str(source), "--format", "jsonl"],
            capture_output=True,
            check=False,
            text=True,
        ).stdout
    digests = {}
    for line in out.splitlines():
        doc = json.loads(line)
        if ignore:
            line = json.dumps({k: v for k, v in doc.items() if k not in ignore}, ensure_ascii=False)
        digests[doc["id"]] = hashlib.sha256(line.encode("utf-8")).hexdigest()
    return digests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("path", type=Path)
    parser.add_argument(
        "--ignore", action="append", default=[], help="a top-level key to leave out"
    )
    args = parser.parse_args()
    digests = analyze(gather_records(), args.ignore)
    if args.action == "save":
        args.path.write_text("".join(f"{k}\t{v}\n" for k, v in digests.items()), "utf-8")
        print(f"saved {len(digests)} outputs to {args.path}")
        return 0
    saved = dict(line.split("\t") for line in args.path.read_text("utf-8").splitlines())
    changed = sorted(k for k in saved.keys() | digests.keys() if saved.get(k) != digests.get(k))
    for key in changed:
        print(f"changed: {key}")
    print(f"{len(saved) - len(changed)} of {len(saved)} outputs identical")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
