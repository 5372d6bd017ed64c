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
            [("глава", "МИД России", False)],
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


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        # predicate titles: a linking verb, then the title in the instrumental
        ("Иван Петров назначен начальником управления.", "Иван Петров", ("начальник", False)),
        ("Геннадий Зюганов является лидером КПРФ.", "Геннадий Зюганов", ("лидер", False)),
        ("Анна Смирнова работает врачом.", "Анна Смирнова", ("врач", False)),
        # a past-tense verb is no past role
        ("В 2008 году Дмитрий Медведев был избран президентом.", "Дмитрий Медведев",
         ("президент", False)),
        # «пост/должность» and a genitive title
        ("Ранее Олег Иванов занимал пост губернатора Тверской области.", "Олег Иванов",
         ("губернатор", False)),
        # a relative clause
        ("Сильвио Берлускони, который является лидером партии, уехал.", "Сильвио Берлускони",
         ("лидер", False)),
        # inverted: the title before the verb and the name
        ("Министром обороны назначен Сергей Шойгу.", "Сергей Шойгу", ("министр обороны", False)),
        # a dash apposition with adjectives
        ("Уоррен Баффет — американский предприниматель и инвестор.", "Уоррен Баффет",
         ("предприниматель", False)),
    ],
)  # fmt: skip
def test_roles_in_predicates(pipeline, text, person, expected):
    assert expected in [(t, p) for t, _, p in roles(pipeline, text)[person]]


def test_roles_predicate_takes_its_organisation(pipeline):
    found = roles(pipeline, "Алексей Кудрин стал министром финансов России.")
    assert found["Алексей Кудрин"] == [("министр финансов", "Россия", False)]


def test_roles_active_appointment_is_not_the_subjects(pipeline):
    found = roles(pipeline, "Николас Мадуро назначил министром обороны адмирала Кармен Мелендес.")
    assert found["Николас Мадуро"] == []


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        ("Об этом сообщил глава администрации президента Сергей Нарышкин.", "Сергей Нарышкин",
         [("глава", "администрация президента", False)]),
        ("Он встретился с руководителем администрации президента Сергеем Нарышкиным.",
         "Сергей Нарышкин", [("руководитель", "администрация президента", False)]),
        # the national title held by the name, the outer one nobody's
        ("Об этом сообщил пресс-секретарь президента Путина.", "Путин",
         [("президент", None, False)]),
        ("Об этом сообщил пресс-секретарь президента Дмитрий Песков.", "Дмитрий Песков",
         [("пресс-секретарь", None, False)]),
        # a national title after a genitive that leads to no position stays the name's
        ("Во время визита президента Путина в Казань.", "Путин", [("президент", None, False)]),
    ],
)  # fmt: skip
def test_roles_genitive_chains(pipeline, text, person, expected):
    assert roles(pipeline, text)[person] == expected


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        # coordinated titles before a name: each is the name's (the pair classifier)
        ("Известная телеведущая, актриса и журналист Ксения Собчак родила сына.",
         "Ксения Собчак", {"телеведущий", "актриса", "журналист"}),
        ("Российский композитор и пианист Александр Скрябин родился в Москве.",
         "Александр Скрябин", {"композитор", "пианист"}),
        # a career predicate with the title after a place
        ("Анна Смирнова до 2012 года работала в Google инженером.", "Анна Смирнова",
         {"инженер"}),
    ],
)  # fmt: skip
def test_roles_pair_classifier_finds_what_rules_miss(pipeline, text, person, expected):
    assert expected <= {t for t, _, _ in roles(pipeline, text)[person]}


def test_roles_pair_classifier_leaves_plain_mentions_alone(pipeline):
    found = roles(pipeline, "Вчера Иван Петров встретился с журналистами в Казани.")
    assert found["Иван Петров"] == []


def test_roles_a_singular_title_has_one_holder(pipeline):
    text = (
        "Принц Мухаммед с президентом России Владимиром Путиным в 2015 году\n"
        "Генеральный прокурор Саудовской Аравии Сауд аль-Моджеб в четверг сделал заявление."
    )
    found = roles(pipeline, text)
    assert ("генеральный прокурор", "Саудовская Аравия", False) in found["Сауд аль-Моджеб"]
    assert "генеральный прокурор" not in {t for t, _, _ in found["Владимир Путин"]}


def test_roles_pair_model_is_shipped_small_and_scores():
    from importlib.resources import files

    from svodka.stages.roles import load_model
    from svodka.stages.roles.pairs import Model

    path = files("svodka.resources").joinpath("roles/pairs.json")
    assert len(path.read_bytes()) < 5_000_000
    model = load_model()
    assert model is not None and 0 < model.threshold < 1
    toy = Model({"rule": 2.0, "far": -3.0}, bias=0.0, threshold=0.5)
    assert toy.probability(["rule"]) > 0.8 > 0.2 > toy.probability(["far"])
