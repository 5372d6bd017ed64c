"""Fast tests for the factRuEval NER scorer and the lemma scorer, on tiny synthetic docs."""

from __future__ import annotations

from pathlib import Path

import pytest

from svodka.eval.factru import (
    GoldDoc,
    Score,
    adapt_gold_spans,
    drop_overlapping,
    format_table,
    load_factru,
    score_ner,
)
from svodka.eval.lemmas import LemmaDoc, Mention, load_slavicner, parse_mentions, score_lemmas

TEXT = "Владимир Путин посетил Москву и встретился с главой ООН ."
PUTIN = (0, 14, "PER")
MOSCOW = (23, 29, "LOC")
UN = (52, 55, "ORG")
GOLD = GoldDoc("1", TEXT, (PUTIN, MOSCOW, UN))


def scores_for(predicted: list[tuple[int, int, str]]) -> dict[str, Score]:
    return score_ner([GOLD], [predicted])


# ---------------------------------------------------------------- NER scorer


def test_perfect_prediction_scores_one() -> None:
    scores = scores_for([PUTIN, MOSCOW, UN])
    assert {name: score.f1 for name, score in scores.items()} == {
        "PER": 1.0,
        "LOC": 1.0,
        "ORG": 1.0,
    }


@pytest.mark.parametrize(
    ("predicted", "type_", "precision", "recall", "counts"),
    [
        # missed LOC: nothing predicted, recall 0, precision 0 by convention
        ([PUTIN, UN], "LOC", 0.0, 0.0, (0, 0, 1)),
        # extra ORG span over "Москву" lowers ORG precision only
        ([PUTIN, MOSCOW, UN, (23, 29, "ORG")], "ORG", 0.5, 1.0, (1, 2, 1)),
        # only the surname: one of two PER tokens, scored per token
        ([(9, 14, "PER"), MOSCOW, UN], "PER", 1.0, 0.5, (1, 1, 2)),
        # span running one token too far: 2 of 3 predicted tokens are right
        ([(0, 22, "PER"), MOSCOW, UN], "PER", 2 / 3, 1.0, (2, 3, 2)),
        # wrong type: the LOC tokens count against PER precision and LOC recall
        ([PUTIN, (23, 29, "PER"), UN], "LOC", 0.0, 0.0, (0, 0, 1)),
        ([PUTIN, (23, 29, "PER"), UN], "PER", 2 / 3, 1.0, (2, 3, 2)),
    ],
)
def test_token_level_counts(
    predicted: list[tuple[int, int, str]],
    type_: str,
    precision: float,
    recall: float,
    counts: tuple[int, int, int],
) -> None:
    score = scores_for(predicted)[type_]
    assert score.precision == pytest.approx(precision)
    assert score.recall == pytest.approx(recall)
    assert (score.true_positives, score.predicted, score.gold) == counts


@pytest.mark.parametrize(
    "predicted",
    [
        [(0, 13, "PER")],  # stops inside a token
        [(1, 14, "PER")],  # starts inside a token
        [(0, 14, "MISC")],  # not a scored type
    ],
)
def test_misaligned_or_foreign_predictions_are_ignored(
    predicted: list[tuple[int, int, str]],
) -> None:
    assert scores_for(predicted)["PER"].predicted == 0


def test_counts_sum_over_documents() -> None:
    other = GoldDoc("2", "Путин", ((0, 5, "PER"),))
    scores = score_ner([GOLD, other], [[PUTIN], []])
    assert (scores["PER"].true_positives, scores["PER"].gold) == (2, 3)
    assert scores["PER"].recall == pytest.approx(2 / 3)


def test_mismatched_lengths_raise() -> None:
    with pytest.raises(ValueError):
        score_ner([GOLD], [])


def test_f1_is_harmonic_mean() -> None:
    score = Score.from_counts(true_positives=1, predicted=2, gold=4)
    assert score.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


@pytest.mark.parametrize(
    ("spans", "kept"),
    [
        ([(0, 10, "ORG"), (4, 10, "LOC")], [(0, 10, "ORG")]),  # nested: outer wins
        ([(4, 10, "LOC"), (0, 10, "ORG")], [(0, 10, "ORG")]),  # order does not matter
        ([(0, 4, "LOC"), (0, 10, "ORG")], [(0, 10, "ORG")]),  # same start: longer wins
        ([(0, 5, "LOC"), (3, 9, "ORG")], [(0, 5, "LOC")]),  # crossing: earlier wins
        ([(0, 5, "LOC"), (0, 5, "LOC")], [(0, 5, "LOC")]),  # duplicates collapse
        ([(0, 5, "LOC"), (5, 9, "ORG")], [(0, 5, "LOC"), (5, 9, "ORG")]),  # touching kept
    ],
)
def test_drop_overlapping(
    spans: list[tuple[int, int, str]], kept: list[tuple[int, int, str]]
) -> None:
    assert drop_overlapping(spans) == kept


def test_adapt_gold_spans_follows_naeval_mapping() -> None:
    text = "мэрия Москвы и Юрий Лужков на Тверской площади"
    objects = [
        ("Org", [("org_descr", 0, 5), ("loc_name", 6, 12)]),  # no org_name: dropped
        ("LocOrg", [("loc_name", 6, 12)]),
        ("Person", [("name", 15, 19), ("surname", 20, 26)]),
        ("Location", [("loc_name", 30, 38), ("loc_descr", 39, 46)]),
        ("Project", [("prj_name", 0, 5)]),
    ]
    assert adapt_gold_spans(text, objects) == [(6, 12, "LOC"), (15, 26, "PER"), (30, 38, "LOC")]


def test_load_factru_reads_standoff(tmp_path: Path) -> None:
    (tmp_path / "book_7.txt").write_text("Глава МИД Грузии прибыл.", encoding="utf-8")
    (tmp_path / "book_7.spans").write_text(
        "1 org_descr 0 5 11 1  # 11 Глава\n"
        "2 org_name 6 3 12 1  # 12 МИД\n"
        "3 loc_name 10 6 13 1  # 13 Грузии\n",
        encoding="utf-8",
    )
    (tmp_path / "book_7.objects").write_text(
        "10 Org 2 3 # МИД Грузии\n11 LocOrg 3 # Грузии\n", encoding="utf-8"
    )
    [doc] = load_factru(tmp_path)
    assert (doc.id, doc.spans) == ("7", ((6, 9, "ORG"), (10, 16, "LOC")))


def test_format_table_lists_systems() -> None:
    table = format_table({"natasha": scores_for([PUTIN, MOSCOW, UN])})
    assert "natasha" in table and "1.000" in table


# ---------------------------------------------------------------- lemma scorer

LEMMA_TEXT = "Асии Биби помог Верховный суд Пакистана"
LEMMA_DOC = LemmaDoc(
    "t/1",
    LEMMA_TEXT,
    (
        Mention(0, 9, "Асии Биби", "Асия Биби", "PER"),
        Mention(16, 29, "Верховный суд", "Верховный суд", "ORG"),
        Mention(30, 39, "Пакистана", "Пакистан", "LOC"),
    ),
)


def fixed(answers: list[str]):
    def normalize(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
        return answers

    return normalize


@pytest.mark.parametrize(
    ("answers", "exact", "casefold", "by_type"),
    [
        (["Асия Биби", "Верховный суд", "Пакистан"], 3, 3, {"PER": 1, "ORG": 1, "LOC": 1}),
        ([" Асия Биби ", "верховный суд", "Пакистан"], 2, 3, {"PER": 1, "ORG": 0, "LOC": 1}),
        (["Асии Биби", "Верховный суд", "Пакистана"], 1, 1, {"PER": 0, "ORG": 1, "LOC": 0}),
    ],
)
def test_score_lemmas_counts_per_type(
    answers: list[str], exact: int, casefold: int, by_type: dict[str, int]
) -> None:
    score = score_lemmas([LEMMA_DOC], fixed(answers))
    assert (score.overall.total, score.overall.exact, score.overall.casefold) == (
        3,
        exact,
        casefold,
    )
    assert {name: acc.exact for name, acc in score.by_type.items()} == by_type
    assert len(score.misses) == 3 - exact
    assert score.overall.accuracy == pytest.approx(exact / 3)


def test_misses_carry_gold_prediction_surface_and_type() -> None:
    score = score_lemmas([LEMMA_DOC], fixed(["Асии Биби", "Верховный суд", "Пакистан"]))
    [miss] = score.misses
    assert (miss.gold, miss.predicted, miss.surface, miss.type) == (
        "Асия Биби",
        "Асии Биби",
        "Асии Биби",
        "PER",
    )


def test_normalizer_must_answer_every_mention() -> None:
    with pytest.raises(ValueError):
        score_lemmas([LEMMA_DOC], fixed(["Асия Биби"]))


def test_empty_docs_score_zero() -> None:
    score = score_lemmas([], fixed([]))
    assert (score.overall.total, score.overall.accuracy) == (0, 0.0)


def test_parse_mentions_skips_lines_off_the_surface() -> None:
    lines = [
        "0\t9\tАсии Биби\tАсия Биби\tPER\tPER-Asia-Bibi",
        "1\t9\tАсии Биби\tАсия Биби\tPER\tPER-Asia-Bibi",  # offsets off by one
        "garbage",
        "",
    ]
    mentions, skipped = parse_mentions(LEMMA_TEXT, lines)
    assert mentions == [Mention(0, 9, "Асии Биби", "Асия Биби", "PER")]
    assert skipped == 2


def test_load_slavicner_reads_topics(tmp_path: Path) -> None:
    topic = tmp_path / "asia_bibi"
    topic.mkdir()
    (topic / "doc_1.txt").write_text(LEMMA_TEXT, encoding="utf-8")
    (topic / "doc_1.tsv").write_text(
        "30\t39\tПакистана\tПакистан\tLOC\tGPE-Pakistan\n0\t3\tXYZ\tXYZ\tPER\tPER-X\n",
        encoding="utf-8",
    )
    [doc] = load_slavicner(tmp_path)
    assert doc.id == "asia_bibi/doc_1"
    assert doc.mentions == (Mention(30, 39, "Пакистана", "Пакистан", "LOC"),)
    assert doc.skipped == 1
    assert score_lemmas([doc], fixed(["Пакистан"])).skipped == 1
