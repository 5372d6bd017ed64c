"""Error classes of person roles seen on NEREL v1.1 train (issue 16), on invented
sentences."""

import pytest


def roles(pipeline, text):
    doc = pipeline.analyze(text)
    return {
        e.name: [(r.title, r.of_name) for r in e.roles] for e in doc.entities if e.type == "PER"
    }


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        # a country adjective before a profession says where a person is from
        ("На фестиваль приехал японский писатель Кэндзи Мори.", "Кэндзи Мори", ("писатель", None)),
        # before an office, where the office is held
        (
            "С заявлением выступил американский посол Джон Смит.",
            "Джон Смит",
            ("посол", "США"),
        ),
    ],
)
def test_roles_country_adjective_only_for_offices(pipeline, text, person, expected):
    assert expected in roles(pipeline, text)[person]


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        # a rank serves where the post beside it is held
        (
            "Вчера командующий войсками Уральского военного округа генерал-полковник "
            "Иван Петров провёл учения.",
            "Иван Петров",
            ("генерал-полковник", "Уральский военный округ"),
        ),
        # a title of no organisation takes the one organisation the person's roles name
        (
            "Андрей Смирнов, министр финансов Чили, был экономистом. Экономист Андрей Смирнов "
            "написал книгу.",
            "Андрей Смирнов",
            ("экономист", "Чили"),
        ),
    ],
)
def test_roles_lend_the_persons_organisation(pipeline, text, person, expected):
    assert expected in roles(pipeline, text)[person]


def test_roles_adjective_of_a_title_in_the_genitive(pipeline):
    # «главного» is first parsed as the noun «главное»; in a title it is «главный»
    text = "Слова главного тренера «Зенита» Ивана Петрова приводит газета."
    assert ("главный тренер", "Зенит") in roles(pipeline, text)["Иван Петров"]


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        # a long organisation between the title and the verb counts as one step
        (
            "Начальником Главного оперативного управления Генерального штаба Вооруженных сил "
            "РФ назначен генерал-лейтенант Андрей Смирнов.",
            "Андрей Смирнов",
            "начальник",
        ),
        # a genitive title after «на посту», the verb, then the holder
        (
            "Преемником Петрова на посту министра энергетики станет Ола Свенсон.",
            None,
            "министр энергетики",
        ),
        # a modal before the verb, a title describing the holder after it
        (
            "Новым главой компании «Лукойл» может стать член правления Олег Иванов.",
            "Олег Иванов",
            "глава",
        ),
    ],
)
def test_roles_title_before_the_verb(pipeline, text, person, expected):
    found = roles(pipeline, text)
    holders = [n for n, rs in found.items() if any(t == expected for t, _ in rs)]
    assert holders and (person is None or person in holders)
    if person is None:
        assert "Петров" not in holders
