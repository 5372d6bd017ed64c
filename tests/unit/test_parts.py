"""Huge texts analyzed in parts and joined (svodka.parts, Pipeline.analyze_many)."""

from copy import copy
from dataclasses import replace
from itertools import pairwise

import pytest

from svodka.doc import Record, ToneSummary
from svodka.parts import join_tones, split_text

PARAGRAPHS = [
    "Президент России Владимир Путин провел переговоры с Касымом-Жомартом Токаевым в Сочи.",
    "«Мы договорились о поставках газа», — заявил Путин журналистам 5 мая 2023 года.",
    "Глава МИД России Сергей Лавров прилетел в Анкару, где встретился с Мевлютом Чавушоглу.",
    "Сбербанк выделил 10 млн рублей на ремонт школы в Пензе, сообщил Герман Греф.",
]
TEXT = "\n\n".join(PARAGRAPHS * 3)


def in_parts(pipeline, limit):
    other = copy(pipeline)
    other.config = replace(pipeline.config, part_chars=limit)
    return other


def test_parts_cover_the_text_and_end_at_paragraphs():
    bounds = split_text(TEXT, 300)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(TEXT)
    assert all(a[1] == b[0] for a, b in pairwise(bounds))
    assert all(stop - start <= 300 for start, stop in bounds)
    assert all(TEXT[stop - 1] == "\n" for _, stop in bounds[:-1])


def test_a_text_without_breaks_is_cut_at_the_limit():
    assert split_text("а" * 250, 100) == [(0, 100), (100, 200), (200, 250)]


def test_a_text_in_parts_is_one_document_with_offsets_into_the_whole(pipeline):
    whole = pipeline.analyze(TEXT, id="big")
    doc = in_parts(pipeline, 300).analyze(TEXT, id="big")
    assert doc.id == "big" and doc.text == TEXT and doc.tokens == ()
    ids = [e.id for e in doc.entities]
    assert len(ids) == len(set(ids))
    for entity in doc.entities:
        for mention in entity.mentions:
            assert TEXT[mention.start : mention.stop] == mention.text
        assert all(role.of is None or role.of in ids for role in entity.roles)
    # a part that says only «Путин» is joined to the one full name with that surname
    assert [e.name for e in doc.entities if "Путин" in e.name] == ["Владимир Путин"]
    putin = doc.entity(whole_id(doc, "Владимир Путин"))
    assert [m.start for m in putin.mentions] == [
        m.start for m in whole.entity(whole_id(whole, "Владимир Путин")).mentions
    ]
    assert {e.name for e in doc.entities} >= {"Сергей Лавров", "Сочи", "Пенза"}
    for layer in (doc.quotes, doc.amounts, doc.dates):
        assert all(TEXT[item.start : item.stop] == item.text for item in layer)
    names = {e.id: e.name for e in doc.entities}
    assert [(q.text, names[q.speaker]) for q in doc.quotes] == [
        (q.text, whole.entity(q.speaker).name) for q in whole.quotes
    ]
    assert len(doc.amounts) == len(whole.amounts) == 3
    assert [e.id for e in doc.events] == [f"v{n}" for n in range(1, len(doc.events) + 1)]
    assert all(e.source in ids for e in doc.events if e.source)
    assert sum(vars_of(doc.tone)) == sum(vars_of(whole.tone))


def whole_id(doc, name):
    return next(e.id for e in doc.entities if e.name == name)


def vars_of(tone):
    return [tone.negative, tone.neutral, tone.positive]


def test_progress_names_each_part_and_a_failing_part_fails_its_record(pipeline, monkeypatch):
    from svodka.stages import roles

    seen = []
    parted = in_parts(pipeline, 300)
    records = [Record(id="small", text=PARAGRAPHS[0]), Record(id="big", text=TEXT)]
    docs = list(
        parted.analyze_many(records, on_part=lambda r, n, total: seen.append((r.id, n, total)))
    )
    assert [d.id for d in docs] == ["small", "big"]
    total = len(split_text(TEXT, 300))
    assert seen == [("big", n, total) for n in range(1, total + 1)]

    real = roles.apply
    monkeypatch.setattr(
        roles, "apply", lambda doc, res: 1 / 0 if "Лавров" in doc.text else real(doc, res)
    )
    failed = []
    docs = list(parted.analyze_many(records, on_error=lambda r, e: failed.append(r.id)))
    assert [d.id for d in docs] == ["small"] and failed == ["big"]
    with pytest.raises(ZeroDivisionError):
        list(parted.analyze_many(records))


def test_joined_tones_add_counts_and_weigh_means():
    a = ToneSummary(negative=1, neutral=2, positive=1, mean=0.0)
    b = ToneSummary(negative=0, neutral=0, positive=4, mean=0.5)
    assert join_tones([a, None, b]) == ToneSummary(negative=1, neutral=2, positive=5, mean=0.25)
    assert join_tones([None]) is None


def test_a_surname_two_full_names_share_stays_apart():
    from svodka.doc import Entity, Mention
    from svodka.parts import join_surnames, surname_owners

    def person(id_, name, at):
        return Entity(id=id_, type="PER", name=name, mentions=(Mention(at, at + 5, name),))

    people = [person("e1", "Фидель Кастро", 0), person("e2", "Рауль Кастро", 10)]
    people += [person("e3", "Кастро", 20), person("e4", "Путин", 30)]
    people += [person("e5", "Владимир Путин", 40)]
    owners = surname_owners(people)
    assert owners == {"e4": "e5"}
    joined = join_surnames(people, owners)
    assert [e.name for e in joined] == ["Фидель Кастро", "Рауль Кастро", "Кастро", "Владимир Путин"]
    assert [m.start for m in joined[-1].mentions] == [30, 40]
