import pytest


def roles(pipeline, text):
    doc = pipeline.analyze(text)
    return {
        e.name: [(r.title, r.of_name, r.past) for r in e.roles]
        for e in doc.entities
        if e.type == "PER"
    }


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        (
            "Об этом сообщил глава МИД России Сергей Лавров.",
            "Сергей Лавров",
            [("глава", "МИД", False)],
        ),
        (
            "На встрече был Андрей Ковганов, директор компании «Алматинский автоцентр «КамАЗ».",
            "Андрей Ковганов",
            [("директор", "Алматинский автоцентр КамАЗ", False)],
        ),
        (
            "Интервью дал бывший министр финансов Алексей Кудрин.",
            "Алексей Кудрин",
            [("министр финансов", None, True)],
        ),
        (
            "Генерального директора «Газпрома» Алексея Миллера переизбрали.",
            "Алексей Миллер",
            [("генеральный директор", "Газпром", False)],
        ),
        ("Вчера Иван Петров уехал в Казань.", "Иван Петров", []),
    ],
)
def test_roles_from_titles_and_appositions(pipeline, text, person, expected):
    assert roles(pipeline, text)[person] == expected


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        # oblique case, capital «Экс-»
        ("Экс-президенту Бразилии Луле да Силве вручили премию.", None, ("президент", True)),
        # country adjective
        ("Об этом заявил американский президент Барак Обама.", "Барак Обама", ("президент", False)),
        # a list aligned in order
        (
            "Встретились президенты Латвии, Эстонии и Литвы Валдис Затлерс, Тоомас Ильвес и "
            "Валдас Адамкус.",
            "Тоомас Ильвес",
            ("президент", False),
        ),
        # a coordinated list: each title to its own person
        (
            "Выступили художник Иван Петров, певица Анна Смирнова.",
            "Иван Петров",
            ("художник", False),
        ),
    ],
)
def test_roles_error_classes(pipeline, text, person, expected):
    found = roles(pipeline, text)
    titles = (
        [(t, p) for rs in found.values() for t, _, p in rs]
        if person is None
        else [(t, p) for t, _, p in found[person]]
    )
    assert expected in titles
    if person == "Иван Петров":
        assert len(found[person]) == 1


def test_roles_list_takes_the_aligned_country(pipeline):
    text = (
        "Встретились президенты Латвии, Эстонии и Литвы Валдис Затлерс, Тоомас Ильвес и "
        "Валдас Адамкус."
    )
    assert roles(pipeline, text)["Валдас Адамкус"] == [("президент", "Литва", False)]


def test_roles_nested_title_goes_to_its_holder(pipeline):
    found = roles(
        pipeline, "Это подтвердил пресс-секретарю экс-президента США Билла Клинтона Джо Локхарту."
    )
    assert found["Билл Клинтон"] == [("президент", "США", True)]
