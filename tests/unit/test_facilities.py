"""Streets, venues and facilities as places (stages/ner/facilities.py)."""

import pytest

pytestmark = pytest.mark.slow


def locations(pipeline, text):
    doc = pipeline.analyze(text)
    return {e.name: e.place for e in doc.entities if e.type == "LOC"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("В Магнитогорске на проспекте Карла Маркса прошел митинг.", "проспект Карла Маркса"),
        ("На улице Ленина в Самаре прошел парад.", "улица Ленина"),
        ("Российские военные покинули Гудаутскую военную базу.", "Гудаутская военная база"),
        ("Сухумский аэропорт закрыт, сообщили власти Абхазии.", "Сухумский аэропорт"),
        ("С космодрома Восточный стартовала ракета.", "космодром Восточный"),
        ("Концерт прошел в спорткомплексе «Олимпийский» в Москве.", "Олимпийский"),
        ("Гости жили в отеле «Шератон» в Москве.", "Шератон"),
    ],
)
def test_streets_venues_and_facilities_are_places(pipeline, text, name):
    found = locations(pipeline, text)
    assert name in found and found[name].country in ("RU", "GE")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Улицы Лондона опустели.", "Лондон"),  # the streets of a city
        ("Морской порт Новороссийска закрыт.", "Новороссийск"),  # the city's port
        ("Делегация остановилась в гостинице «Россия».", "Россия"),  # the model's place
    ],
)
def test_a_street_or_facility_word_before_another_place_names_no_new_one(pipeline, text, name):
    assert list(locations(pipeline, text)) == [name]


def test_based_on_is_not_a_base(pipeline):
    doc = pipeline.analyze("Проект создан на базе Сколково.")
    assert not any(e.name.startswith("база") for e in doc.entities)


def test_a_facility_named_after_a_settlement_is_placed_at_it(pipeline):
    port = locations(pipeline, "Порт Находка работает в обычном режиме.")["Порт Находка"]
    assert (port.country, port.method, port.kind) == ("RU", "derived", "other")
    assert abs(port.lat - 42.8) < 0.5 and abs(port.lon - 132.9) < 0.5


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a headline ending on a facility word, then the text: no «порт Убит»
        ("В Находке убит директор порта\n\nУбит директор порта Леонид Бочков.", None),
        ("Работу возобновил аэропорт\nВнуково принимает рейсы.", None),
        # the name stops where its line ends
        ("Суда ждут у причала порта Восточный\nМоряки Находки бастуют.", "порт Восточный"),
    ],
)
def test_a_facility_name_never_runs_over_a_line_break(pipeline, text, name):
    found = {e.name for e in pipeline.analyze(text).entities if e.type == "LOC"}
    facilities = {n for n in found if n.split()[0].lower() in ("порт", "аэропорт")}
    assert facilities == ({name} if name else set())
