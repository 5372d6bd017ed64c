"""Who the events stage names as an event's actors: referents of bare titles and nouns,
compound prepositions, nested names, groups in the plural (issue 19, actor accuracy)."""

from datetime import date

import pytest

from svodka.config import Config
from svodka.pipeline import Pipeline


@pytest.fixture(scope="module")
def every_event():
    """A pipeline that keeps every event, not only an article's main ones."""
    return Pipeline(Config(events=0))


def coded(pipeline, text):
    doc = pipeline.analyze(text, published=date(2021, 4, 14))
    return [(e.type, e.source_name, e.target_name) for e in doc.events]


#: text → an event it must give: (type, source, target)
CASES = {
    "an_organisation_named_by_its_head_noun": (
        "Агентство по защите потребителей Норвегии провело проверку. "
        "Агентство призвало владельцев магазинов вернуть деньги.",
        ("REQUEST", "Агентство по защите потребителей", "владельцы магазинов"),
    ),
    "a_title_held_in_a_body_is_its_holder": (
        "Глава компании «Северсталь» Игорь Петров прилетел в Лиссабон. "
        "Там глава «Северстали» встретится с инвесторами.",
        ("CONSULT", "Игорь Петров", "инвесторы"),
    ),
    "a_doer_after_со_стороны": (
        "Проект вызвал резкую критику со стороны Марины Ковалёвой.",
        ("ACCUSE", "Марина Ковалёва", None),
    ),
    "a_target_after_в_отношении": (
        "Канада может ввести санкции в отношении Венесуэлы.",
        ("SANCTION", "Канада", "Венесуэла"),
    ),
    "a_weekday_does_not_govern_the_subject": (
        "В пятницу Кировский районный суд Омска отклонил жалобу Андрея Зуева.",
        ("REJECT", "Кировский районный суд Омска", "Андрей Зуев"),
    ),
    "со_стороны_before_a_subject": (
        "Отставка Лопатина последовала за критикой со стороны Ирины Носовой.",
        ("ACCUSE", "Ирина Носова", "Лопатина"),
    ),
    "an_inflected_surname_is_no_subject": (
        "Юрий Корнеев написал письмо. Письмо Корнеева поддержал Игорь Белов.",
        ("SUPPORT", "Игорь Белов", "Юрий Корнеев"),
    ),
    "authorities_stay_plural": (
        "Тверские власти запретили митинг у вокзала.",
        ("COERCE", "тверские власти", None),
    ),
    "coordinated_names_past_quote_marks_and_titles": (
        'Казначейство ввело санкции против компаний "Гранит", "Маяк" и писателя Олега Сомова.',
        ("SANCTION", "Казначейство", "Гранит"),
    ),
    "a_group_keeps_its_genitive_complement": (
        "Сотрудники дорожной полиции задержали водителей грузовиков.",
        ("COERCE", "сотрудники дорожной полиции", "водители грузовиков"),
    ),
    "a_lawsuit_names_its_plaintiff_in_the_genitive": (
        'Арбитражный суд удовлетворил иск "Уралтранса" к "Сибнефтехиму".',
        ("ACCUSE", "Уралтранс", "Сибнефтехим"),
    ),
    "a_demand_names_who_demands_in_the_genitive": (
        "Вчера в суд поступило требование Игоря Лапина о компенсации.",
        ("REQUEST", "Игорь Лапин", None),
    ),
    "of_two_courts_the_one_named_last": (
        "Дело рассматривал Ленинский районный суд Читы, затем Забайкальский краевой суд. "
        "Суд постановил взыскать с ООО «Вектор» штраф.",
        ("SANCTION", "Забайкальский краевой суд", "Вектор"),
    ),
    "a_clause_after_а_shares_the_subject": (
        "Игорь Лапин сначала промолчал, а позднее обвинил Олега Сомова во лжи.",
        ("ACCUSE", "Игорь Лапин", "Олег Сомов"),
    ),
    "a_passive_subject_after_its_apposition": (
        "Вчера в Омске был задержан еще один подозреваемый Павел Ежов.",
        ("COERCE", None, "Павел Ежов"),
    ),
    "an_object_pronoun_is_the_person_named_last": (
        "Анна Крылова рассказала о своей поездке. Многие читатели поддержали ее.",
        ("SUPPORT", "читатели", "Анна Крылова"),
    ),
    "a_participle_lends_its_head_to_a_noun_trigger": (
        "Премьер-министр Норвегии Эрна Сульберг, прибывшая с визитом в Финляндию, осмотрела порт.",
        ("CONSULT", "Эрна Сульберг", "Финляндия"),
    ),
    "militia_and_troops_are_groups": (
        "Милиция и внутренние войска провели совместную операцию.",
        ("COOPERATE", "милиция", "внутренние войска"),
    ),
    "cooperation_between_two": (
        "Сотрудничество между Норвегией и Финляндией заметно расширилось.",
        ("COOPERATE", "Норвегия", "Финляндия"),
    ),
    "a_body_where_they_decided": (
        "В Минтрансе инициативу депутатов не поддержали.",
        ("SUPPORT", "Минтранс", None),
    ),
    "a_genitive_after_a_noun_is_no_subject": (
        "Здание администрации Тверской области пикетировали активисты движения Зелёный фронт.",
        ("PROTEST", "Зелёный фронт", "администрация Тверской области"),
    ),
    "a_participle_after_a_comma_is_done_by_the_actor_before_it": (
        "Губернатор встретился с министром Олегом Дымовым, потребовавшим отставки мэра.",
        ("REQUEST", "Олег Дымов", None),
    ),
    "a_target_inside_the_participle_before_a_noun": (
        "Введенные против Венесуэлы санкции ударили по экономике.",
        ("SANCTION", None, "Венесуэла"),
    ),
    "a_gerund_phrase_is_done_by_the_subject_after_it": (
        "Вернувшись из Москвы после переговоров с Олегом Дымовым, Иван Лаптев заявил о росте.",
        ("CONSULT", "Иван Лаптев", "Олег Дымов"),
    ),
    "a_group_with_its_organisation_acts_for_it": (
        'В Омске задержаны авторы портала "Пересмешник".',
        ("COERCE", None, "Пересмешник"),
    ),
}


def test_a_body_of_a_state_names_the_state(every_event):
    text = "Правительство Норвегии ввело санкции против компании Гранит."
    doc = every_event.analyze(text, published=date(2021, 4, 14))
    [event] = [e for e in doc.events if e.type == "SANCTION"]
    assert event.source_name == "правительство Норвегии"
    assert "Норвегия" in event.actors


def test_a_side_named_by_its_country_is_that_country(every_event):
    text = "Власти Норвегии ответили. Норвежская сторона дала гарантии Эстонии."
    doc = every_event.analyze(text, published=date(2021, 4, 14))
    [event] = [e for e in doc.events if e.type == "AGREE"]
    assert event.source_name == "норвежская сторона"
    assert {"Норвегия", "Эстония"} <= set(event.actors)


def test_a_people_names_its_country(every_event):
    text = "Власти Норвегии ответили Эстонии. Таллин потребовал от норвежцев извинений."
    doc = every_event.analyze(text, published=date(2021, 4, 14))
    [event] = [e for e in doc.events if e.type == "REQUEST"]
    assert {"Эстония", "Норвегия"} <= set(event.actors)


def test_a_meeting_reported_by_someone_is_between_those_who_met(every_event):
    text = "Пресс-секретарь Ирина Белова рассказала о встрече Сергея Орлова и Павла Ежова."
    doc = every_event.analyze(text, published=date(2021, 4, 14))
    [event] = [e for e in doc.events if e.type == "CONSULT"]
    assert set(event.actors) == {"Сергей Орлов", "Павел Ежов"}


def test_coordinated_targets_are_all_named(every_event):
    text = 'Казначейство ввело санкции против компаний "Гранит", "Маяк" и писателя Олега Сомова.'
    doc = every_event.analyze(text, published=date(2021, 4, 14))
    assert {"Гранит", "Маяк", "Олег Сомов"} <= set(doc.events[0].actors)


def test_a_group_of_a_named_country_names_the_country(every_event):
    text = "Власти Норвегии ответили на запрос. Норвежские дипломаты отвергли обвинения Эстонии."
    doc = every_event.analyze(text, published=date(2021, 4, 14))
    assert any("Норвегия" in e.actors for e in doc.events if e.type == "ACCUSE")


@pytest.mark.parametrize("name", CASES)
def test_events_actors(every_event, name):
    text, expected = CASES[name]
    assert expected in coded(every_event, text)


def test_main_events_do_not_repeat_one_kept():
    text = (
        "Полиция Омска задержала Олега Сомова. Сомов был задержан у вокзала. "
        "Позже задержанного Сомова отвезли в отдел. Сомов подал иск против полиции Омска."
    )
    doc = Pipeline(Config(events=2)).analyze(text, published=date(2021, 4, 14))
    assert sorted(e.type for e in doc.events) == ["ACCUSE", "COERCE"]


@pytest.mark.parametrize(
    "text",
    [
        "Адвокат обвиняемого Петра Зимина подал апелляцию.",
        "Прохожие вызвали скорую помощь.",
        "Стадион не соответствует требованиям лиги.",
    ],
)
def test_labels_and_set_phrases_are_no_events(every_event, text):
    kinds = {e.type for e in every_event.analyze(text, published=date(2021, 4, 14)).events}
    assert not kinds & {"ACCUSE", "AID", "REQUEST"}


def test_a_possessive_is_no_actor(every_event):
    doc = every_event.analyze("Полиция задержала его брата.", published=date(2021, 4, 14))
    assert all("его" not in e.actors for e in doc.events)


def test_he_is_a_person_not_the_country_of_the_event_before(every_event):
    text = (
        "Президент Финляндии Саули Ниинистё посетил Ригу. "
        "Латвия поддержала инициативу Финляндии. "
        "Он также поблагодарил латвийских врачей."
    )
    doc = every_event.analyze(text, published=date(2021, 4, 14))
    thanks = doc.events[-1]
    assert (thanks.type, thanks.source_name) == ("SUPPORT", "Саули Ниинистё")
    assert "Латвия" in thanks.actors  # «латвийских врачей»: the country the article names
