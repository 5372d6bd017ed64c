"""The events stage: PLOVER type, actors, negation, modality, place and date."""

from datetime import date
from pathlib import Path

import pytest

from svodka.config import Config
from svodka.pipeline import Pipeline
from svodka.schema import from_dict, to_dict


@pytest.fixture(scope="module")
def every_event():
    """A pipeline that keeps every event, not only an article's main ones."""
    return Pipeline(Config(events=0))


def events(pipeline, text, published=date(2020, 3, 10)):
    doc = pipeline.analyze(text, published=published)
    return doc, [(e.type, e.source_name, e.target_name, e.negated, e.modality) for e in doc.events]


#: sentence → the events it must give: (type, source, target, negated, modality)
SENTENCES = {
    "consult_with": (
        "Президент России Владимир Путин провел переговоры с президентом Казахстана "
        "Касым-Жомартом Токаевым.",
        [("CONSULT", "Владимир Путин", "Касым-Жомарт Токаев", False, "asserted")],
    ),
    "coordinated_subjects": (
        "Владимир Путин и Касым-Жомарт Токаев обсуждают двустороннее сотрудничество.",
        [("CONSULT", "Владимир Путин", "Касым-Жомарт Токаев", False, "asserted")],
    ),
    "sanction_against": (
        "Евросоюз ввел санкции против России.",
        [("SANCTION", "Евросоюз", "Россия", False, "asserted")],
    ),
    "negated_agreement": (
        "Лидеры России и Украины не договорились о прекращении огня.",
        [("AGREE", "Россия", "Украина", True, "asserted")],
    ),
    "future_plan": (
        "Путин и Макрон планируют встретиться в Париже.",
        [("CONSULT", "Путин", "Макрон", False, "future")],
    ),
    "possibility": (
        "США могут ввести санкции против Ирана.",
        [("SANCTION", "США", "Иран", False, "hypothetical")],
    ),
    "group_actor": (
        "Боевики обстреляли позиции армии в Донецке.",
        [("ASSAULT", "боевики", "армия", False, "asserted")],
    ),
    "passive_with_agent": (
        "Хамзат Идрисов был задержан сотрудниками ФСБ в Нальчике.",
        [("COERCE", "ФСБ", "Хамзат Идрисов", False, "asserted")],
    ),
    "apposition_names_the_target": (
        "Полиция задержала активиста Алексея Навального.",
        [("COERCE", "полиция", "Алексей Навальный", False, "asserted")],
    ),
    "accusation": (
        "Сергей Лавров обвинил Вашингтон во вмешательстве.",
        [("ACCUSE", "Сергей Лавров", "Вашингтон", False, "asserted")],
    ),
    "relative_pronoun_stands_for_its_antecedent": (
        "Владимир Путин, который выступил в Сочи, призвал Киев к переговорам.",
        [("REQUEST", "Владимир Путин", "Киев", False, "asserted")],
    ),
    "object_before_an_impersonal_plural": (
        "Алексея Навального вчера задержали в Москве.",
        [("COERCE", None, "Алексей Навальный", False, "asserted")],
    ),
    "a_place_near_which_is_no_actor": (
        "Полиция задержала под Глазго двоих подозреваемых.",
        [("COERCE", "полиция", None, False, "asserted")],
    ),
    "reporting_alone_is_no_event": ("Министр заявил журналистам, что погода хорошая.", []),
    "help_as_a_means_is_no_aid": ("Дверь открыли с помощью ключа.", []),
    "withdrawal_needs_troops": ("Компания вывела на рынок новый продукт.", []),
    "sport_is_no_event": ("«Зенит» и «Спартак» встретятся в финале кубка.", []),
    "a_demand_is_one_event": (
        "Оппозиция потребовала от правительства отменить санкции.",
        [("REQUEST", "оппозиция", "правительство", False, "asserted")],
    ),
    "a_noun_takes_the_tense_of_its_verb": (
        "Совместные учения Армении и Ирана пройдут в мае.",
        [("COOPERATE", "Армения", "Иран", False, "future")],
    ),
    "a_plan_with_намерен": (
        "Министр Олег Дымов намерен встретиться с послом Ирана.",
        [("CONSULT", "Олег Дымов", "Иран", False, "future")],
    ),
    "winning_a_lawsuit_is_a_lawsuit": (
        "Компания «Север» отсудила у «Юга» два миллиона рублей.",
        [("ACCUSE", "Север", "Юг", False, "asserted")],
    ),
    "joining_forces_is_cooperation": (
        "Компания «Север» объединила усилия с компанией «Юг».",
        [("COOPERATE", "Север", "Юг", False, "asserted")],
    ),
    "an_anti_adjective_names_the_target": (
        "Россия ответила. Евросоюз ввел новые антироссийские санкции.",
        [("SANCTION", "Евросоюз", "Россия", False, "asserted")],
    ),
    "a_sentence_to_a_term_is_coercion": (
        "Суд осудил Олега Дымова на пять лет колонии.",
        [("COERCE", "суд", "Олег Дымов", False, "asserted")],
    ),
    "condemning_an_act_is_an_accusation": (
        "Эстония осудила нападение на посольство.",
        [("ACCUSE", "Эстония", None, False, "asserted")],
    ),
    "a_blacklist_is_a_sanction": (
        "Минфин США включил эту компанию в санкционный список.",
        [("SANCTION", "Минфин США", None, False, "asserted")],
    ),
    "a_kind_of_thing_is_no_event": ("Проект стал флагманом сотрудничества.", []),
    "a_protest_action_is_one": (
        "У мэрии прошла акция протеста.",
        [("PROTEST", None, None, False, "asserted")],
    ),
    "a_standing_readiness_is_no_event": ("Бригады постоянной боевой готовности получат танки.", []),
    "troops_put_on_alert": (
        "Войска приведены в боевую готовность.",
        [("MOBILIZE", "войска", None, False, "asserted")],
    ),
    "a_civil_mobilisation_is_no_event": ("На уборку улиц мобилизованы тысячи людей.", []),
    "a_speaker_at_a_summit_attends_it": (
        "Россия увеличит добычу газа, заявил президент Владимир Путин, выступая на саммите "
        "ШОС в Бишкеке.",
        [("CONSULT", "Владимир Путин", "ШОС", False, "asserted")],
    ),
    "a_summit_opening_the_sentence_is_attended_by_its_subject": (
        "Выступая на саммите НАТО в Брюсселе, Байден заявил, что альянс един.",
        [("CONSULT", "Байден", "НАТО", False, "asserted")],
    ),
    "a_department_named_for_its_field_is_no_event": (
        "В здании управления международного военного сотрудничества прошел ремонт.",
        [],
    ),
    "every_act_of_a_list_of_demands_is_their_content": (
        "Участники требуют созвать комиссию, освободить всех задержанных активистов, а также "
        "провести реформу.",
        [("REQUEST", "участники", None, False, "asserted")],
    ),
    "an_outlet_that_reports_is_no_side": (
        "Как сообщает ТАСС, Путин провел переговоры с Токаевым.",
        [("CONSULT", "Путин", "Токаев", False, "asserted")],
    ),
    "an_outlet_that_reminds_is_no_side": (
        "Как напоминает ИТАР-ТАСС, совещание на эту тему прошло в Белом доме в четверг.",
        [("CONSULT", None, None, False, "asserted")],
    ),
    "a_general_mobilisation_is_one": (
        "Ясир Арафат объявил о всеобщей мобилизации.",
        [("MOBILIZE", "Ясир Арафат", None, False, "asserted")],
    ),
    "forces_kept_on_alert": (
        "Ракеты США по-прежнему находятся в боевой готовности.",
        [("MOBILIZE", "США", None, False, "asserted")],
    ),
    "a_truck_bomb_is_an_assault": (
        "У здания полиции взорвался начиненный взрывчаткой грузовик.",
        [("ASSAULT", None, None, False, "asserted")],
    ),
    "a_gas_explosion_is_no_event": ("В доме взорвался газовый баллон.", []),
    "a_critical_comment_is_an_accusation": (
        "Борис Немцов критично отозвался о сокращении свободы печати.",
        [("ACCUSE", "Борис Немцов", None, False, "asserted")],
    ),
    "guilt_held_proven_is_an_accusation_of_its_genitive": (
        "Прокуратура считает доказанной вину Михаила Ходорковского.",
        [("ACCUSE", "прокуратура", "Михаил Ходорковский", False, "asserted")],
    ),
    "a_genitive_the_frame_takes_as_target_is_no_doer": (
        "Критика Путина усилилась.",
        [("ACCUSE", None, "Путин", False, "asserted")],
    ),
    "speaking_out_for_something_is_support": (
        "Валентина Матвиенко высказалась за то, чтобы закон был принят.",
        [("SUPPORT", "Валентина Матвиенко", None, False, "asserted")],
    ),
    "a_present_participle_describes_no_event": ("Журналист получил угрожающие сообщения.", []),
    "a_present_participle_of_a_common_noun_is_no_event": (
        "Полиция закрыла сайты, призывающие к насилию.",
        [],
    ),
    "a_labels_content_is_no_event": ("Полиция закрыла сайты, призывающие к беспорядкам.", []),
    "accusations_denied_are_no_accusation": ("Министр отвергает обвинения в плагиате.", []),
    "medical_care_is_no_aid": ("Пострадавшим оказана медицинская помощь.", []),
    "a_demand_of_money_owed_is_a_claim": (
        "Мария Бабалова требовала от Большого театра компенсации в размере 2 млн рублей.",
        [("ACCUSE", "Мария Бабалова", "Большой театр", False, "asserted")],
    ),
    "no_one_meets_alone": ("Игру посетило 40842 зрителя.", []),
    "a_word_that_occurs_meets_no_one": ("В 2009 году это слово часто встречалось в вакансиях.", []),
    "a_present_participle_after_its_actor_is_its_act": (
        "МИД России, призывающий граждан воздержаться от поездок, выпустил заявление.",
        [("REQUEST", "МИД России", "граждане", False, "asserted")],
    ),
    "exercises_are_found_by_their_lemma": (
        "Иран провел военные учения у границы.",
        [("MOBILIZE", "Иран", None, False, "asserted")],
    ),
}


@pytest.mark.parametrize("name", SENTENCES)
def test_sentence_events(every_event, name):
    text, expected = SENTENCES[name]
    assert events(every_event, text)[1] == expected


def test_quoted_event_is_reported_and_its_speaker_the_source(every_event):
    doc, found = events(
        every_event, "«Мы не будем вводить санкции против Китая», — заявил Дональд Трамп."
    )
    assert found == [("SANCTION", "Дональд Трамп", "Китай", True, "reported")]
    assert doc.events[0].quote == "q1"


def test_an_object_does_what_the_infinitive_says(every_event):
    _, found = events(every_event, "США вынудили Москву вывести войска из Грузии.")
    assert [f[:3] for f in found] == [("RETREAT", "Москва", "Грузия")]


def test_coordinated_actors_make_one_event(every_event):
    text = (
        "Президенты Латвии, Эстонии и Литвы Андрис Берзиньш, Тоомас Ильвес и Даля Грибаускайте "
        "встретились в Риге."
    )
    doc, _ = events(every_event, text)
    [event] = doc.events
    assert event.actors == ("Андрис Берзиньш", "Тоомас Ильвес", "Даля Грибаускайте")
    assert doc.entity(event.place).name == "Рига"


def test_seed_article_gives_its_two_meetings(pipeline):
    text = (Path(__file__).parents[2] / "examples" / "mir24-putin-tokayev.txt").read_text()
    doc = pipeline.analyze(text, published=date(2022, 8, 19))
    consults = [e for e in doc.events if e.type == "CONSULT"]
    found = {(e.source_name, e.target_name, doc.entity(e.place).name, e.date) for e in consults}
    assert found == {
        ("Владимир Путин", "Касым-Жомарт Токаев", "Сочи", "2022-08-19"),
        ("Владимир Путин", "Касым-Жомарт Токаев", "Санкт-Петербург", "2022-06"),
    }


def test_pronoun_takes_the_actors_before(every_event):
    text = "Путин и Токаев встретились в Сочи. Ранее они виделись в Москве."
    _, found = events(every_event, text)
    assert [f[:3] for f in found] == [("CONSULT", "Путин", "Токаев")] * 2


def test_actors_are_always_in_the_text(every_event):
    text = "Боевики напали на колонну. Власти ввели санкции. Они договорились."
    doc, _ = events(every_event, text)
    for event in doc.events:
        for name in event.actors:
            assert name.lower()[:5] in doc.text.lower()


def test_main_events_are_limited(pipeline):
    countries = [
        "Ирана",
        "Сирии",
        "Кубы",
        "Ливии",
        "Ирака",
        "Чили",
        "Перу",
        "Мали",
        "Чада",
        "Непала",
    ]
    doc = pipeline.analyze(" ".join(f"США ввели санкции против {c}." for c in countries))
    assert 0 < len(doc.events) <= Config().events


def test_events_round_trip_the_contract(example_doc):
    assert from_dict(to_dict(example_doc)).events == example_doc.events


def test_a_version_1_document_still_reads(example_doc):
    data = to_dict(example_doc)
    data["schema"] = "svodka.document/1"
    del data["events"]
    assert from_dict(data).events == ()


def test_a_break_between_two_words_is_found_by_bisection():
    from svodka.stages.events.select import any_between

    breaks = [3, 7]
    assert [any_between(breaks, lo, hi) for lo, hi in [(0, 3), (0, 4), (4, 7), (4, 8), (8, 9)]] == [
        False,
        True,
        False,
        True,
        False,
    ]
    assert not any_between([], 0, 10) and not any_between(breaks, 5, 5)


def test_a_line_longer_than_any_clause_is_read_in_pieces_cut_at_spaces():
    from svodka.doc import Sentence
    from svodka.stages.events import LONGEST, lines

    text = "Путин прилетел в Сочи и встретился с Токаевым " * 200
    read = list(lines(text, Sentence(0, len(text))))
    assert len(read) > 1 and all(s.stop - s.start <= LONGEST for s in read)
    assert all(text[s.stop] == " " for s in read[:-1])
    assert "".join(text[s.start : s.stop] + " " for s in read).rstrip() == text.rstrip()
    short = "Путин прилетел в Сочи."
    assert list(lines(short, Sentence(0, len(short)))) == [Sentence(0, len(short))]


@pytest.mark.parametrize(
    ("group", "verb", "agree"),
    [("боевики", "атаковал", False), ("боевики", "атаковали", True), ("власти", "задержали", True)],
)
def test_a_subject_agrees_in_number_with_its_verb(group, verb, agree):
    """A plural group is no subject of a singular verb (a person no subject of a plural
    one); «власти» may be plural, so it is a subject of «задержали»."""
    from svodka.stages.events.find import agrees
    from svodka.stages.events.words import Actor, read_word

    words = [read_word(0, 1, group), read_word(2, 3, verb)]
    actor = Actor(0, 0, None, group, words[0].cases)
    assert agrees(words[1], [actor], words) is agree
