"""The document-level NER rules added for issue 16: spans at line breaks, shouted rubric
labels, an office joined to its ministry, and seats of power as organisations."""

import pytest


def segmented(text: str):
    from svodka.doc import Document
    from svodka.stages import segment

    return segment.apply(Document(id="t", text=text))


def span_of(doc, words: str, type_: str):
    from svodka.doc import Span

    start = doc.text.index(words)
    return Span(start, start + len(words), type_, words)


def test_a_name_never_runs_over_a_line_break():
    from svodka.stages.ner.rules import split_at_separators

    doc = segmented("Умерла Марина Хмельницкая\n\nСкончалась бывший ректор")
    span = span_of(doc, "Марина Хмельницкая\n\nСкончалась", "PER")
    assert [s.text for s in split_at_separators(doc, span)] == [
        "Марина Хмельницкая",
        "Скончалась",
    ]


@pytest.mark.parametrize(("text", "label"), [("ВИДЕО", True), ("ФОТО", True), ("Видео", False)])
def test_a_shouted_rubric_label_is_no_name(text, label):
    from svodka.stages.ner.capitals import is_shouted_label

    assert is_shouted_label(text) is label


def test_an_office_before_its_ministry_is_one_organisation():
    from svodka.stages.ner.joined import join_abbreviations

    doc = segmented("По данным ДЭБ МВД, ТАСС и РИА")
    spans = [span_of(doc, w, "ORG") for w in ("ДЭБ", "МВД", "ТАСС", "РИА")]
    assert [s.text for s in join_abbreviations(doc, spans)] == ["ДЭБ МВД", "ТАСС", "РИА"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Об этом заявил пресс-секретарь Белого дома.", "ORG"),
        ("В Белом доме накануне оценили. Пресс-секретарь Белого дома сказал.", "ORG"),
        ("Обама выступал в Белом доме в субботу.", "LOC"),
    ],
)
def test_a_seat_of_power_is_its_administration_where_it_acts(text, expected):
    from svodka.stages.ner.rules import key_of, load_rules, type_seats

    doc = segmented(text)
    keys = [key_of([t.text])[0] for t in doc.tokens]
    found = type_seats(doc, keys, [], load_rules())
    assert found and {s.type for s in found} == {expected}


def test_a_known_short_name_the_model_misses_is_found():
    """The model misses «Совбез России» after another sentence; the known names
    (``resources/orgs/known.tsv``) add it."""
    from svodka.pipeline import default_pipeline

    doc = default_pipeline().analyze("Ученые сообщили. Совбез России собрался в среду.")
    assert ("Совбез России", "ORG") in {(e.name, e.type) for e in doc.entities}
