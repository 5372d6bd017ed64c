"""Dates, issue 16: years in event names and brackets, weekday adjectives, weekends with a
modifier, and «накануне» before an event's noun that may also be a plural subject."""

from datetime import date

import pytest

#: A Friday.
FRIDAY = date(2022, 8, 19)


def found(pipeline, text):
    return [(d.text, d.value) for d in pipeline.analyze(text, published=FRIDAY).dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year written into an event's name: the mention is the year alone
        ("Сборная дошла до финала на ЧМ-1994.", [("1994", "1994")]),
        ("Он стал призером Олимпиады-2008 в беге.", [("2008", "2008")]),
        ("Она победила в конкурсе «Мисс Волга-2011».", [("2011", "2011")]),
        # bare years: a list in brackets, a range in brackets, after «р.», after a name
        ("Он дважды лауреат (1931 — медаль, 1940 — орден).", [("1931", "1931"), ("1940", "1940")]),
        ("Портрет курфюрста (1620-1688) висит в зале.", [("1620", "1620"), ("1688", "1688")]),
        ("У него есть сын Петр (р. 1987).", [("1987", "1987")]),
        ("Мы выступили на конференции TechDays 2015 в Казани.", [("2015", "2015")]),
        ("Фильм получил приз фестиваля «Золотая ветка» 2019.", [("2019", "2019")]),
        ("Компания показала его на Mobile Expo 2016 в Берлине.", [("2016", "2016")]),
        # a weekday adjective names the nearest such day
        ("Полиция задержала участников субботнего шествия.", [("субботнего", "2022-08-13")]),
        ("Власти отменили воскресную ярмарку.", [("воскресную", "2022-08-14")]),
        (
            "В пятничный вечер 5 августа прошел концерт.",
            [("В пятничный вечер 5 августа", "2022-08-05")],
        ),
        # a weekend after a modifier
        ("Пожар случился в минувшие выходные.", [("в минувшие выходные", "2022-08")]),
        ("Митинги прошли в прошедшие выходные.", [("в прошедшие выходные", "2022-08")]),
        # New Year's Day: the coming one after «до», «к»; else by the verb's tense
        ("Ремонт закончат до Нового года.", [("до Нового года", "2023-01-01")]),
        ("В Новый год в парке был салют.", [("В Новый год", "2022-01-01")]),
        # «накануне» and a noun that is a plural subject, not the eve of an event
        ("Накануне проверки прошли в трех школах.", [("Накануне", "2022-08-18")]),
    ],
)
def test_dates_event_years_and_weekday_adjectives(pipeline, text, expected):
    assert found(pipeline, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Завод выпустил ГАЗ-3307 и Су-35.",  # model numbers
        "Он ходит в воскресную школу.",  # a kind of school
        "Магазин работает по субботним дням.",  # a habit
        "Министр выступил накануне поездки в Казань.",  # the eve of an event
        "Это заявили накануне встречи с избирателями.",
        "Документ вышел тиражом (том 2, 1500 экземпляров).",  # a count in brackets
        "В новом году налоги вырастут.",  # the next year, no holiday
        "Старый Новый год отмечают четырнадцатого.",
        "Его пьеса «Сны для марта» идет в театре.",  # a month word in a quoted title
    ],
)
def test_dates_not_model_numbers_habits_nor_events(pipeline, text):
    assert found(pipeline, text) == []


def test_dates_indeclinable_subject_after_eve_is_a_date(pipeline):
    assert found(pipeline, "Накануне МИД заявил протест.") == [("Накануне", "2022-08-18")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day or month without a year takes the year written earlier in its sentence
        (
            "В июле 2011 года его назначили послом, а 3 сентября он прибыл в Рим.",
            [("В июле 2011 года", "2011-07"), ("3 сентября", "2011-09-03")],
        ),
        (
            "В 2009 году, 14 марта, открылся музей.",
            [("В 2009 году", "2009"), ("14 марта", "2009-03-14")],
        ),
        (
            "В 2004 году он переехал, а в мае женился.",
            [("В 2004 году", "2004"), ("в мае", "2004-05")],
        ),
        # … of the next year at the end of a range, or ahead under a future-tense verb
        (
            "Скидки действуют с 20 ноября 2014 года по 15 января.",
            [("с 20 ноября 2014 года", "2014-11-20"), ("по 15 января", "2015-01-15")],
        ),
        (
            "Он сказал 30 октября 2013 года, что 2 марта проведет съезд.",
            [("30 октября 2013 года", "2013-10-30"), ("2 марта", "2014-03-02")],
        ),
        # not after an open start: the day is the story's own
        (
            "Партия правит с 1994 года, а на выборах 7 августа проиграла.",
            [("с 1994 года", "1994"), ("7 августа", "2022-08-07")],
        ),
    ],
)
def test_dates_day_month_takes_the_year_of_its_sentence(pipeline, text, expected):
    assert found(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # centuries in digits and ranges of centuries
        ("Усадьбу построили в 18 веке.", [("в 18 веке", "1700")]),
        ("Так писали в 19-м веке.", [("в 19-м веке", "1800")]),
        ("Храмы XVI—XVII веков сохранились.", [("XVI", "1500"), ("XVII веков", "1600")]),
        # the edges of a month and a week; «тому назад»
        (
            "В июле шли дожди, а в конце месяца стало сухо.",
            [("В июле", "2022-07"), ("в конце месяца", "2022-07")],
        ),
        ("В середине недели похолодает.", [("В середине недели", "2022-08")]),
        ("Это случилось десять лет тому назад.", [("десять лет тому назад", "2012")]),
        # a marked weekday is never the publication day itself
        ("Его видели в прошлую пятницу.", [("в прошлую пятницу", "2022-08-12")]),
        ("Его видели в позапрошлую пятницу.", [("в позапрошлую пятницу", "2022-08-05")]),
        ("Суд назначен на следующую пятницу.", [("на следующую пятницу", "2022-08-26")]),
    ],
)
def test_dates_centuries_edges_and_marked_weekdays(pipeline, text, expected):
    assert found(pipeline, text) == expected


@pytest.mark.parametrize(
    "text", ["Крепость простояла 3 века.", "Прошло 5 веков.", "Это продлится 2 века."]
)
def test_dates_counted_centuries_are_no_dates(pipeline, text):
    assert found(pipeline, text) == []
