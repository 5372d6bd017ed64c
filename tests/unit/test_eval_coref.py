"""The RuCoCo coreference scorer: alignment, MUC links and B³, on hand-made chains."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from svodka.doc import Document, Entity, Mention
from svodka.eval.coref import (
    CorefDoc,
    align,
    b3,
    clusters_of,
    load_rucoco,
    muc,
    score_coref,
    select_files,
    svodka_clusters,
)
from svodka.eval.gate import measure_rucoco

TEXT = (
    "Глава комитета Госдумы Александр Жуков выступил в ГУВД Москвы. "
    "Жуков сказал, что «Газпром» прав. Депутат ушёл."
)


def at(word: str, nth: int = 0) -> tuple[int, int]:
    """The bounds of the ``nth`` occurrence of ``word`` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


DESCRIPTION = (0, at("Жуков")[1])  # «Глава комитета Госдумы Александр Жуков»
ZHUKOV_CHAIN = (DESCRIPTION, at("Жуков", 1), at("Депутат"))
GUVD = (at("ГУВД")[0], at("Москвы")[1])
DOC = CorefDoc("d", TEXT, (ZHUKOV_CHAIN, (GUVD, at("прав")), (at("«Газпром»"),)))


# ---------------------------------------------------------------- metrics


def test_muc_and_b3_on_the_textbook_example():
    # key {1..5} {6,7} {8..12}; response merges the last two (Vilain et al.; Bagga & Baldwin)
    key = {i: 0 for i in range(1, 6)} | {6: 1, 7: 1} | {i: 2 for i in range(8, 13)}
    response = {i: 0 for i in range(1, 6)} | {i: 1 for i in range(6, 13)}
    assert muc(clusters_of(key), response) == (9, 9)  # recall: every gold link kept
    assert muc(clusters_of(response), key) == (9, 10)  # precision: one wrong link
    precision, recall = b3(key, response)
    assert precision / 12 == pytest.approx((5 + 2 * 2 / 7 + 5 * 5 / 7) / 12)
    assert recall / 12 == pytest.approx(1.0)


def test_singletons_have_no_links_but_count_in_b3():
    key, response = {1: 0, 2: 1}, {1: 0, 2: 0}
    assert muc(clusters_of(key), response) == (0, 0)
    assert muc(clusters_of(response), key) == (0, 1)
    assert b3(key, response) == (1.0, 2.0)


# ---------------------------------------------------------------- alignment


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        ([at("Жуков", 1)], {0: 1}),  # exact
        ([at("Александр Жуков")], {0: 0}),  # the name at the end of its description
        ([at("Госдумы")], {}),  # inside the description but at neither edge
        ([at("ГУВД"), at("Москвы")], {0: 3}),  # both at an edge: the start («ГУВД») wins
        ([at("Газпром")], {0: 5}),  # quote marks trimmed from the gold mention
        ([at("выступил")], {}),  # outside every gold mention
    ],
)
def test_align(predicted, expected):
    gold = [DESCRIPTION, at("Жуков", 1), at("Депутат"), GUVD, at("прав"), at("«Газпром»")]
    assert align(TEXT, gold, predicted) == expected


def test_align_prefers_the_exact_then_the_longest_mention():
    gold = [DESCRIPTION]
    assert align(TEXT, gold, [at("Жуков"), DESCRIPTION]) == {1: 0}
    assert align(TEXT, gold, [at("Жуков"), at("Александр Жуков")]) == {1: 0}


# ---------------------------------------------------------------- scoring


def score(*clusters: list[tuple[int, int]]) -> dict[str, float]:
    return score_coref([DOC], [list(clusters)]).figures()


def test_right_clusters_score_one():
    figures = score([at("Александр Жуков"), at("Жуков", 1)], [at("Газпром")])
    assert figures["link.f1"] == 1.0 and figures["b3.f1"] == 1.0


def test_a_split_chain_loses_recall_only():
    figures = score([at("Александр Жуков")], [at("Жуков", 1)])
    assert figures["link.precision"] == 0.0  # no predicted links at all
    assert figures["link.recall"] == 0.0  # the one gold link among shared mentions is lost
    assert figures["b3.precision"] == 1.0 and figures["b3.recall"] == 0.5


def test_a_merge_loses_precision_only():
    figures = score([at("Александр Жуков"), at("Жуков", 1), at("ГУВД")])
    assert figures["link.recall"] == 1.0 and figures["link.precision"] == 0.5
    assert figures["b3.recall"] == 1.0 and figures["b3.precision"] < 1.0


def test_unshared_mentions_are_not_scored():
    figures = score([at("Жуков", 1), at("выступил")], [at("Газпром"), at("Госдумы")])
    assert figures["b3.f1"] == 1.0
    assert score_coref([DOC], [[[at("выступил")]]]).items == 0


def test_svodka_clusters_are_entity_mentions():
    doc = Document(
        "d",
        TEXT,
        entities=(
            Entity("e1", "PER", "Александр Жуков", (Mention(*at("Жуков", 1), "Жуков"),)),
            Entity("e2", "ORG", "Газпром", (Mention(*at("Газпром"), "Газпром"),)),
        ),
    )
    assert svodka_clusters(doc) == [[at("Жуков", 1)], [at("Газпром")]]


# ---------------------------------------------------------------- reading


def write_rucoco(folder: Path, name: str, chains: list) -> None:
    data = {"text": TEXT, "entities": chains, "includes": [[] for _ in chains]}
    (folder / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_load_rucoco_reads_chains_and_drops_empty_ones(tmp_path: Path):
    write_rucoco(tmp_path, "2001_a", [[list(at("Жуков", 1)), list(DESCRIPTION)], []])
    (doc,) = load_rucoco(tmp_path)
    assert doc.id == "2001_a" and doc.chains == ((at("Жуков", 1), DESCRIPTION),)


def test_select_files_spreads_the_limit_evenly():
    paths = [Path(f"{i:02}.json") for i in range(10)]
    assert [p.stem for p in select_files(paths, 3)] == ["00", "03", "06"]
    assert select_files(paths, None) == paths and select_files(paths, 50) == paths


def test_gate_measures_rucoco_figures(tmp_path: Path):
    folder = tmp_path / "rucoco-news"
    folder.mkdir()
    write_rucoco(folder, "a", [[list(DESCRIPTION), list(at("Жуков", 1))]])
    split = Document(
        "a",
        TEXT,
        entities=(
            Entity("e1", "PER", "Жуков", (Mention(*at("Александр Жуков"), ""),)),
            Entity("e2", "PER", "Жуков", (Mention(*at("Жуков", 1), ""),)),
        ),
    )
    figures = measure_rucoco(tmp_path, lambda records: [split for _ in records])
    assert figures == {"rucoco.coref.link.f1": 0.0, "rucoco.coref.b3.f1": pytest.approx(2 / 3)}
