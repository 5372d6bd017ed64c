"""The NEREL scorers (roles and MONEY/PERCENT/DATE spans) on tiny hand-made brat files."""

from __future__ import annotations

from pathlib import Path

import pytest

from svodka.doc import Amount, DateMention, Document, Entity, Mention, Role
from svodka.eval.gate import measure_nerel
from svodka.eval.nerel import (
    count_spans,
    gold_spans,
    load_nerel,
    parse_ann,
    score_spans,
    span_errors,
    svodka_spans,
)
from svodka.eval.roles import (
    count_roles,
    gold_roles,
    predicted_roles,
    score_roles,
    stem,
    title_head,
)

TEXT = (
    "Президент США Барак Обама встретился с Иваном Петровым, директором «Газпрома». "
    "Обама заплатил 8,1 млн долларов 3 марта 2017 года, или 5% бюджета."
)
# Spans, checked against TEXT in test_the_fixture_offsets_are_right.
OBAMA, PETROV, OBAMA2 = (14, 25), (39, 54), (79, 84)
ANN = [
    "T1\tPROFESSION 0 13\tПрезидент США",
    "T2\tCOUNTRY 10 13\tСША",
    "T3\tPERSON 14 25\tБарак Обама",
    "T4\tPERSON 39 54\tИваном Петровым",
    "T5\tPROFESSION 56 66\tдиректором",
    "T6\tORGANIZATION 68 76\tГазпрома",
    "T7\tPERSON 79 84\tОбама",
    "T8\tMONEY 94 110\t8,1 млн долларов",
    "T9\tDATE 111 128\t3 марта 2017 года",
    "T10\tDATE 111 118\t3 марта",
    "T11\tPERCENT 134 136\t5%",
    "R1\tWORKS_AS Arg1:T3 Arg2:T1",
    "R2\tWORKPLACE Arg1:T1 Arg2:T2",
    "R3\tWORKS_AS Arg1:T4 Arg2:T5",
    "R4\tWORKPLACE Arg1:T4 Arg2:T6",
    "N1\tReference T3 Wikidata:Q76\tБарак Обама",
    "N2\tReference T7 Wikidata:Q76\tБарак Обама",
]
GOLD = parse_ann("doc", TEXT, ANN)


def person(id_: str, bounds: tuple[int, int], *roles: Role) -> Entity:
    return Entity(id_, "PER", TEXT[bounds[0] : bounds[1]], (Mention(*bounds, ""),), roles)


def document(*entities: Entity, amounts=(), dates=()) -> Document:
    return Document("doc", TEXT, entities=entities, amounts=amounts, dates=dates)


def role_counts(doc: Document) -> dict[str, tuple[float, int, int]]:
    return {k: (c.tp, c.predicted, c.gold) for k, c in score_roles([GOLD], [doc]).items()}


def test_the_fixture_offsets_are_right():
    for span in GOLD.spans.values():
        assert TEXT[span.start : span.stop] == span.text


# ---------------------------------------------------------------- reading


def test_parse_ann_reads_discontinuous_spans_relations_and_links():
    doc = parse_ann(
        "d",
        "x" * 40,
        [
            "T1\tORGANIZATION 5 10;20 30\tЛебединский комбинаты",
            "R1\tWORKS_AS Arg1:T2 Arg2:T1",
            *("N1\tReference T1 Wikidata:Q5", "T2\tbroken", "garbage"),
        ],
    )
    assert (doc.spans["T1"].start, doc.spans["T1"].stop) == (5, 30)
    assert doc.relations == (("WORKS_AS", "T2", "T1"),)
    assert doc.links == {"T1": "Q5"}
    assert "T2" not in doc.spans


def test_load_nerel_pairs_text_and_ann(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.ann").write_text("\n".join(ANN) + "\n", encoding="utf-8")
    (docs,) = load_nerel(tmp_path)
    assert docs.id == "a" and docs.text == TEXT and len(docs.spans) == 11


# ---------------------------------------------------------------- stems and heads


@pytest.mark.parametrize(
    ("a", "b"),
    [
        *(("президента", "президент"), ("мэра", "мэр"), ("главой", "глава")),
        *(("певца", "певец"), ("Ёлкина", "елкин"), ("послом", "посол")),
    ],
)
def test_stem_joins_forms_of_one_word(a: str, b: str):
    assert stem(a) == stem(b)


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("генерального директора компании", "дирек"),
        ("бывший президент", "прези"),
        ("экс-президента США", "прези"),
        ("врио губернатора", "губер"),
        ("Премьер-министр Канады", "премь"),
        ("командующего Северо-Кавказским военным округом", "коман"),
        ("главным управляющим General Motors", "управ"),
        ("ведущий телеканала", "ведущ"),
        ("уполномоченного по правам ребенка", "уполн"),
        ("исполняющего обязанности губернатора", "губер"),
        ("первого вице-премьера", "вице-"),
    ],
)
def test_title_head_skips_modifiers(title: str, head: str):
    assert title_head(title) == head


def test_vice_president_is_not_president():
    assert title_head("вице-президент") != title_head("президент")


# ---------------------------------------------------------------- roles


def test_gold_roles_pair_titles_with_their_organisations():
    roles = {(r.person.key, r.head): r for r in gold_roles(GOLD)}
    assert set(roles) == {("Q76", "прези"), ("name:петро", "дирек")}
    obama = roles["Q76", "прези"]
    assert obama.person.spans == (OBAMA, OBAMA2)  # both Q76 mentions
    assert [sorted(o.stems) for o in obama.orgs] == [["сша"]]  # the profession's WORKPLACE
    # Петров has no profession-level WORKPLACE: his own nearest one is used
    assert [sorted(o.stems) for o in roles["name:петро", "дирек"].orgs] == [["газпр"]]


def test_nearest_workplace_is_chosen_among_several():
    ann = [*ANN, "T12\tORGANIZATION 134 136\t5%", "R5\tWORKPLACE Arg1:T4 Arg2:T12"]
    roles = {r.head: r for r in gold_roles(parse_ann("doc", TEXT, ann))}
    assert [o.spans for o in roles["дирек"].orgs] == [((68, 76),)]


def test_roles_all_right_score_one():
    doc = document(
        person("e1", OBAMA, Role("президент", of_name="США")),
        person("e2", PETROV, Role("директор", of_name="Газпром")),
    )
    assert role_counts(doc) == {"title": (2, 2, 2), "title_org": (2, 2, 2)}


def test_roles_a_person_found_by_a_later_mention_still_matches():
    doc = document(person("e1", OBAMA2, Role("президент", of_name="Соединённые Штаты")))
    # the title matches through Q76's second mention; «Соединённые Штаты» shares no stem
    assert role_counts(doc) == {"title": (1, 1, 2), "title_org": (0, 1, 2)}


def test_roles_wrong_title_wrong_person_and_duplicates_are_counted():
    doc = document(
        person("e1", OBAMA, Role("президент", of_name="США"), Role("президент", past=True)),
        person("e2", PETROV, Role("министр", of_name="Газпром")),
        person("e3", (39, 45), Role("директор")),  # «Иваном» overlaps Петров's span: a match
    )
    counts = role_counts(doc)
    # pairs: Обама/президент (one, the duplicate collapses), Петров/министр, Петров/директор
    assert counts["title"] == (2, 3, 2)
    # triples: Обама/президент/США right; Петров/министр/Газпром has the wrong title
    assert counts["title_org"] == (1, 2, 2)
    assert score_roles([GOLD], [doc])["title"].f1 < 1.0


def test_roles_of_a_person_not_in_gold_are_false_positives():
    stranger = Entity("e9", "PER", "Газпром", (Mention(68, 76, "Газпрома"),), (Role("глава"),))
    assert role_counts(document(stranger))["title"] == (0, 1, 2)


def test_org_matches_by_the_entity_mentioned_over_the_gold_span():
    org = Entity("e5", "ORG", "ОАО", (Mention(68, 76, "Газпрома"),))
    doc = document(person("e2", PETROV, Role("директор", of="e5")), org)
    predicted = predicted_roles(doc)
    assert count_roles(gold_roles(GOLD), predicted, with_org=True) == (1, 1, 2)


# ---------------------------------------------------------------- spans


def test_gold_spans_keep_the_outermost_of_nested_dates():
    assert gold_spans(GOLD, "DATE") == [(111, 128)]


@pytest.mark.parametrize(
    ("gold", "predicted", "counts"),
    [
        ([(0, 10)], [(0, 10)], (1, 1, 1)),
        ([(0, 10)], [(5, 15)], (1, 1, 1)),  # overlap is enough
        ([(0, 10)], [(10, 15)], (0, 1, 1)),  # touching is not overlapping
        ([(0, 10)], [(0, 4), (6, 10)], (1, 2, 1)),  # one-to-one: the second is extra
        ([(0, 4), (6, 10)], [(0, 10)], (1, 1, 2)),
        ([(0, 10), (20, 30)], [(8, 22)], (1, 1, 2)),
        ([], [(0, 3)], (0, 1, 0)),
    ],
)
def test_count_spans(gold, predicted, counts):
    assert count_spans(gold, predicted) == counts


def test_svodka_spans_sort_amounts_by_unit():
    doc = document(
        amounts=(
            Amount(94, 110, "8,1 млн долларов", 8.1e6, unit="USD"),
            Amount(134, 136, "5%", 5, unit="%"),
            Amount(140, 145, "", 3, unit=None),
        ),
        dates=(DateMention(111, 118, "3 марта", None, True, "day"),),
    )
    spans = svodka_spans(doc)
    assert spans == {"MONEY": [(94, 110)], "PERCENT": [(134, 136)], "DATE": [(111, 118)]}
    scores = score_spans([GOLD], [spans])
    assert {k: c.f1 for k, c in scores.items()} == {"MONEY": 1.0, "PERCENT": 1.0, "DATE": 1.0}


def test_spans_missed_and_wrong_kind_score_below_one():
    doc = document(amounts=(Amount(134, 136, "5%", 5, unit="USD"),))
    scores = score_spans([GOLD], [svodka_spans(doc)])
    assert (scores["MONEY"].tp, scores["MONEY"].predicted, scores["MONEY"].gold) == (0, 1, 1)
    assert scores["PERCENT"].recall == 0.0 and scores["DATE"].recall == 0.0


# ---------------------------------------------------------------- the gate


def test_gate_measures_nerel_figures(tmp_path: Path):
    folder = tmp_path / "nerel-1.1" / "dev"
    folder.mkdir(parents=True)
    (folder / "doc.txt").write_text(TEXT, encoding="utf-8")
    (folder / "doc.ann").write_text("\n".join(ANN), encoding="utf-8")
    predicted = document(
        person("e1", OBAMA, Role("президент", of_name="США")),
        amounts=(Amount(94, 110, "", 8.1e6, unit="USD"),),
    )
    figures = measure_nerel(tmp_path, lambda records: [predicted for _ in records])
    assert figures["nerel.roles.title.f1"] == pytest.approx(2 / 3)
    assert figures["nerel.roles.title_org.f1"] == pytest.approx(2 / 3)
    assert figures["nerel.MONEY.f1"] == 1.0
    assert figures["nerel.PERCENT.f1"] == 0.0 and figures["nerel.DATE.f1"] == 0.0


def test_span_errors_list_missed_and_extra_spans_on_train_only():
    doc = parse_ann("d1", "Это было 3 марта и два года назад.", ["T1\tDATE 9 16\t3 марта"])
    predicted = [{"DATE": [(19, 33)]}]
    lines = span_errors(Path("nerel/train"), [doc], predicted, "DATE")
    assert lines == [
        "missed d1: Это было [[3 марта]] и два года назад.",
        "extra d1: Это было 3 марта и [[два года назад]].",
    ]
    with pytest.raises(ValueError, match="dev"):
        span_errors(Path("nerel/dev"), [doc], predicted, "DATE")
