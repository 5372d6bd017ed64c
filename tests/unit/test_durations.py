"""Durations and repetitions: stretches of time a text names without a calendar date."""

from datetime import date

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLE

from svodka.doc import Document
from svodka.schema import from_dict, json_schema, to_dict
from svodka.stages.dates import find_dates
from svodka.stages.dates.duration_words import load_duration_words
from svodka.stages.dates.durations import find_durations, iso_value
from svodka.stages.dates.words import load_words

WORDS, DURATIONS = load_words(), load_duration_words()
PUBLISHED = date(2022, 8, 19)


def durations(text: str) -> list[tuple]:
    """(text, value, approx, bound, kind) of each duration, after the dates are read."""
    doc = Document(id="t", text=text, published=PUBLISHED)
    found = find_durations(text, find_dates(doc, WORDS), DURATIONS)
    return [(d.text, d.value, d.approx, d.bound, d.kind) for d in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Он работал там в течение двух лет.", ("в течение двух лет", "P2Y", False, None)),
        ("Ему грозит до 15 лет тюрьмы.", ("до 15 лет", "P15Y", False, "max")),
        ("Он провёл в заключении более 30 лет.", ("более 30 лет", "P30Y", False, "min")),
        ("Переговоры шли около 14 лет.", ("около 14 лет", "P14Y", True, None)),
        ("Рассмотрение займёт 45-60 дней.", ("45-60 дней", "P52.5D", True, None)),
        ("Срок составит от 5 до 10 лет.", ("от 5 до 10 лет", "P7.5Y", True, None)),
        ("Стройка шла полтора года.", ("полтора года", "P1.5Y", False, None)),
        ("Контракт рассчитан на 2,5 года.", ("на 2,5 года", "P2.5Y", False, None)),
        ("Ремонт займёт полгода.", ("полгода", "P6M", False, None)),
        ("Матч длился почти пять часов.", ("почти пять часов", "PT5H", True, None)),
        ("Он бежал 30 минут.", ("30 минут", "PT30M", False, None)),
        ("Это длится двадцать пять лет.", ("двадцать пять лет", "P25Y", False, None)),
        ("Решение примут за неделю.", ("за неделю", "P1W", False, None)),
        ("Он жил там долгие годы.", ("долгие годы", None, True, None)),
        ("Это заняло несколько недель.", ("несколько недель", None, True, None)),
        ("За последние 70 лет такого не было.", ("За последние 70 лет", "P70Y", False, None)),
        ("Визит был трёхдневным визитом.", ("трёхдневным", "P3D", False, None)),
        ("У него 15-летний опыт работы.", ("15-летний", "P15Y", False, None)),
        ("У него 15-летний военный опыт.", ("15-летний", "P15Y", False, None)),
        ("Движение с 85-летней историей.", ("85-летней", "P85Y", False, None)),
        ("Работы шли 2 и 3 года.", ("3 года", "P3Y", False, None)),
        ("Это был век перемен, а длилось всё два века.", ("два века", "P200Y", False, None)),
        ("Суд приговорил его к году тюрьмы.", ("году", "P1Y", False, None)),
        ("На поиски потребовался год.", ("год", "P1Y", False, None)),
        ("Она год работала вице-премьером.", ("год", "P1Y", False, None)),
        ("Они не появлялись неделю.", ("неделю", "P1W", False, None)),
    ],
)
def test_a_count_and_a_unit_is_a_duration_with_an_iso_value(text, expected):
    assert durations(text) == [(*expected, "duration")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Фестиваль проходит ежегодно.", ("ежегодно", "P1Y")),
        ("Выборы проходят каждые четыре года.", ("каждые четыре года", "P4Y")),
        ("Отчёт сдают раз в месяц.", ("раз в месяц", "P1M")),
        ("Отчёт сдают ежеквартально.", ("ежеквартально", "P3M")),
    ],
)
def test_a_repetition_is_a_frequency(text, expected):
    assert durations(text) == [(*expected, False, None, "frequency")]


@pytest.mark.parametrize(
    "text",
    [
        "В возрасте 85 лет он ушёл на покой.",  # ages
        "Ему было 44 года.",
        "Малышков, которому сейчас 69 лет, руководил департаментом.",
        "Теду Крузу 44 года.",
        "Он умер в 90 лет.",
        "Мишель Бачелет — 54 года, врач.",
        "Андрей Ершов (28 лет) и его партнёр.",
        "Детям до 12 лет вход закрыт.",
        "42-летний Иванов и 59-летний журналист пришли.",
        "Завод отметил 25-летнюю годовщину.",
        "В клуб перешёл 33-летний нападающий.",  # a person without a noun, or with a
        "Издание называет 54-летнего командующего 58-й армии.",  # hyphenated one
        "Бой выиграл 28-летний британский боксёр-тяжеловес.",
        "Избран 53-летний экс-министр образования.",
        "Скончался 16-летний «Даниэль».",
        "Первая картина 71-летнего ныне автора.",
        "Очки набрала 19-летняя шведская флорболистка.",  # a person noun the dictionary
        "Сбит 23-летний казанец.",  # does not know
        "Ему исполнилось бы 80 лет.",  # words stepped over before an age
        "Им было 30, 20 и 19 лет.",  # a list of counts takes the age before it
        "У Кадырова трое детей (10, 9 и 8 лет).",
        "Он поднимался на Эверест в 70 и 75 лет.",
        "Он начал петь с пяти лет.",
        "Он скончался на 75 году жизни.",
        "В 2010 году ему исполнился 81 год.",
        "В мае ему исполнятся 18 лет.",
        "Она умерла в возрасте 122 лет и 164 дней.",  # days that continue an age
        "Рекорд принадлежал Адвокату (60 лет 164 дней).",
        "Орден вручён за многолетнюю добросовестную работу.",  # no count, no stretch
        "Встреча началась в 11 часов 45 минут.",  # clock times
        "Выстрел прозвучал около 8 часов утра.",
        "Три дня назад он уехал.",  # dates, not durations
        "Через год откроют мост.",
        "В 2021 году открыли мост.",
        "Выручка составит 10 млн рублей в год.",  # a rate
        "Они встретятся на день рождения.",
        "Это был летний день.",
        "Ежегодный конкурс прошёл в Москве.",
        "Этот день настал.",  # a bare unit: only a year, a month or a week is spent
        "Прошла минута молчания.",
        "Весь год был трудным.",  # not bare: a word before it
    ],
)
def test_ages_clock_times_dates_and_rates_are_no_durations(text):
    assert durations(text) == []


def test_a_lead_of_a_duration_wins_over_an_age_word():
    assert durations("Ему в течение трёх лет запрещено занимать посты.") == [
        ("в течение трёх лет", "P3Y", False, None, "duration")
    ]


def test_iso_values_put_hours_minutes_and_seconds_after_t():
    from decimal import Decimal

    assert iso_value(Decimal(3), "hour") == "PT3H"
    assert iso_value(Decimal("1.5"), "second") == "PT1.5S"
    assert iso_value(Decimal(100), "year") == "P100Y"
    assert iso_value(None, "year") is None


def test_the_pipeline_fills_durations_and_the_contract_keeps_them(pipeline):
    doc = pipeline.analyze("Переговоры длились три дня, а соглашение подписано на пять лет.")
    assert [(d.text, d.value) for d in doc.durations] == [
        ("три дня", "P3D"),
        ("на пять лет", "P5Y"),
    ]
    data = to_dict(doc)
    jsonschema.validate(data, json_schema())
    assert from_dict(data).durations == doc.durations
    del data["durations"]  # a document written before the layer was added still reads
    assert from_dict(data).durations == ()


def test_the_example_article_meets_yearly_for_decades():
    text = EXAMPLE.read_text(encoding="utf-8")
    assert [(d[0], d[1], d[4]) for d in durations(text)] == [
        ("ежегодно", "P1Y", "frequency"),  # «этим ежегодно пользуются около 10 тысяч»
        ("на долгие десятилетия", None, "duration"),
    ]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="абвгдеёжзлнопрстя годлетчасмину0123456789-,.()—", max_size=80))
def test_any_text_gives_spans_that_cut_its_own_text(text):
    doc = Document(id="t", text=text, published=PUBLISHED)
    for d in find_durations(text, find_dates(doc, WORDS), DURATIONS):
        assert text[d.start : d.stop] == d.text
        assert d.value is None or d.value.startswith("P")
