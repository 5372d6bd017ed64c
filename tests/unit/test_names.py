import pytest

from svodka.lang.names import normalize
from svodka.lang.person import drop_patronymic


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        ("Касым-Жомарта Токаева", "PER", "Касым-Жомарт Токаев"),
        ("Касым-Жомартом Токаевым", "PER", "Касым-Жомарт Токаев"),
        ("Франка-Вальтера Штайнмайера", "PER", "Франк-Вальтер Штайнмайер"),
        ("Эвой-Марией Лийметс", "PER", "Эва-Мария Лийметс"),
        ("Жан-Клода Юнкера", "PER", "Жан-Клод Юнкер"),
        ("Марку Цукербергу", "PER", "Марк Цукерберг"),
        ("Джона МакКейна", "PER", "Джон МакКейн"),
        ("ЛеБрона Джеймса", "PER", "ЛеБрон Джеймс"),
        ("Владимиру Путину", "PER", "Владимир Путин"),
        ("Анны Ивановой", "PER", "Анна Иванова"),
        ("Марии Захаровой", "PER", "Мария Захарова"),
        ("Сергея Лаврова", "PER", "Сергей Лавров"),
        ("Лансковым", "PER", "Лансков"),
        ("Ивановых", "PER", "Ивановы"),
        ("Достоевского", "PER", "Достоевский"),
        ("Байденом", "PER", "Байден"),
        ("Нэнси Пелоси", "PER", "Нэнси Пелоси"),
        ("Санкт-Петербурге", "LOC", "Санкт-Петербург"),
        ("Республики Казахстан", "LOC", "Республика Казахстан"),
        ("Черноморском побережье", "LOC", "Черноморское побережье"),
        ("Московской области", "LOC", "Московская область"),
        ("Соединенных Штатов", "LOC", "Соединенные Штаты"),
        ("Сочи", "LOC", "Сочи"),
        ("Даунинг-стрит", "LOC", "Даунинг-стрит"),
        ("Министерства иностранных дел России", "ORG", "Министерство иностранных дел России"),
        ("Алматинского автоцентра «КамАЗ»", "ORG", "Алматинский автоцентр «КамАЗ»"),
        ("КамАЗа", "ORG", "КамАЗ"),
        ("Государственной думы", "ORG", "Государственная дума"),
        ("Окружного суда Амстердама", "ORG", "Окружной суд Амстердама"),
        ("Окружному военному суду", "ORG", "Окружной военный суд"),
        ("«Северного потока — 2»", "PRO", "«Северный поток — 2»"),
        ("МИД", "ORG", "МИД"),
        ("Высшей школы экономики", "ORG", "Высшая школа экономики"),
        ("Панкисском ущелье", "LOC", "Панкисское ущелье"),
        ("Киргизтелеком", "ORG", "Киргизтелеком"),
        ("Киргизтелекома", "ORG", "Киргизтелеком"),
    ],
)
def test_names_normalize_to_nominative(text, type_, expected):
    assert normalize(text, type_) == expected


@pytest.mark.parametrize(
    ("text", "after", "expected"),
    [
        ("Токаева", "заявила", "Токаева"),
        ("Токаева", "", "Токаев"),
    ],
)
def test_names_verb_gender_hints_a_feminine_subject(text, after, expected):
    assert normalize(text, "PER", after=after) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Владимир Владимирович Путин", "Владимир Путин"),
        ("Сергей Анатольевич", "Сергей"),
        ("Роман Абрамович", "Роман Абрамович"),
        ("Анна Иванова", "Анна Иванова"),
    ],
)
def test_names_drop_patronymic(name, expected):
    assert drop_patronymic(name) == expected


def test_foreign_female_first_name_is_not_martin():
    """«Мартины Хингис» → Мартина Хингис, not «Мартин» or the plural «Мартины»."""
    from svodka.lang.names import normalize

    assert normalize("Мартины Хингис", "PER", "у", "") == "Мартина Хингис"
    assert normalize("Камалы Харрис", "PER", "у", "") == "Камала Харрис"
    assert normalize("Мартина Лютера Кинга", "PER", "у", "") == "Мартин Лютер Кинг"


def test_indeclinable_foreign_surname_stays():
    """«Маматы Банерджи» → Мамата Банерджи: the -жи genitive rule does not fire."""
    from svodka.lang.names import normalize

    assert normalize("Маматы Банерджи", "PER", "у", "") == "Мамата Банерджи"
    assert normalize("Банерджи", "PER", "у", "") == "Банерджи"


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        ("Дом профсоюзов", "ORG", "Дом профсоюзов"),  # one capital is no abbreviation
        ("Марин Ле Пен", "PER", "Марин Ле Пен"),
        ("Элаф", "ORG", "Элаф"),  # not the genitive plural of «Элафа»
        ("Милонов", "PER", "Милонов"),  # not the family «Милоны»
        ("Митт Ромни", "PER", "Митт Ромни"),
        ("Владимир Путины", "PER", "Владимир Путин"),
        ("Анджею Халицкому", "PER", "Анджей Халицкий"),
        ("Лионелем Жоспеном", "PER", "Лионель Жоспен"),
        ("Андрея Диканя", "PER", "Андрей Дикань"),
        ("Сергея Скрипаля", "PER", "Сергей Скрипаль"),
        ("Вацлава Прохазку", "PER", "Вацлав Прохазка"),
        ("Биньямина Нетаниягу", "PER", "Биньямин Нетаниягу"),
        ("Оделлом Бекхэмом-младшим", "PER", "Оделл Бекхэм-младший"),
        ("американской", "LOC", "американский"),
        ("АНСА", "ORG", "АНСА"),
    ],
)
def test_names_classes_of_past_errors(text, type_, expected):
    assert normalize(text, type_, "у", "") == expected


def test_name_in_the_dative_after_an_indeclinable_first_name():
    """«Джо» is the same in every case, so «Байдену» decides: Джо Байден."""
    assert normalize("Джо Байдену", "PER", ".", "") == "Джо Байден"
    assert normalize("Петра Латышева", "PER", "у", "") == "Петр Латышев"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Media Most Capital Ltd", "Media Most Capital"),
        ("Leadville Investment Ltd.", "Leadville Investment"),
        ("Ltd", "Ltd"),
        ("Газпром", "Газпром"),
    ],
)
def test_names_strip_a_legal_form_after_the_name(text, expected):
    from svodka.lang.names import strip_legal_suffix

    assert strip_legal_suffix(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "before"),
    [
        # the second of two joined names takes the first's context, not «и»'s
        ("Переговоры Путина и Токаева прошли", "Токаева", "переговоры"),
        ("Он встретился с Путиным и Токаевым", "Токаевым", "с"),
        # a lowercase word before «и» opens a clause: «и» itself leans nominative
        ("Об этом сказал и Токаев", "Токаев", "и"),
    ],
)
def test_a_joined_name_reads_the_context_of_the_first(text, name, before):
    from svodka.lang.names import neighbours

    at = text.index(name)
    assert neighbours(text, at, at + len(name))[0] == before


def test_a_genitive_name_after_и_is_no_feminine_nominative():
    from svodka.pipeline import default_pipeline

    doc = default_pipeline().analyze("Переговоры Путина и Токаева прошли в Сочи.")
    assert "Токаев" in {e.name for e in doc.entities}


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # «Хатоямой» is only a form of «Хатояма»: the lone «Хатояма» is its nominative
        ("Одзава и бывший премьер Юкио Хатояма выступали против. Позже с Хатоямой "
         "встретился Лавров.", "Юкио Хатояма", "Юкио Хатояма"),
        ("Одзава и бывший премьер Юкио Хатояма выступали против. Позже с Хатоямой "
         "встретился Лавров.", "Хатоямой", "Хатояма"),
        ("Документ подписала глава комитета Журавлева. С Журавлевой согласились коллеги.",
         "Журавлева", "Журавлева"),
        # the man's «Петров» is written too: «Петрова» may be his genitive
        ("Петров приехал. Мы видели Петрова и говорили с Петровой.", "Петрова", "Петров"),
    ],
)  # fmt: skip
def test_names_a_surname_in_a_takes_the_documents_word(pipeline, text, mention, expected):
    """Class: a surname in «-а» alone reads as a man's genitive («Хатоям», «Журавлев»)
    unless the document writes a form only the «-а» surname has («Хатоямой»)."""
    doc = pipeline.analyze(text)
    assert [s.normal for s in doc.spans if s.text == mention] == [expected]


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        # «За» opens a quoted name: one capital, no abbreviation to strip an ending from
        ('Общероссийского движения "За права человека"', "представители",
         'Общероссийское движение "За права человека"'),
        # an abbreviation inside quote marks sheds its ending as a bare one does
        ("автоцентра «КамАЗа»", "в", "автоцентр «КамАЗ»"),
    ],
)  # fmt: skip
def test_names_an_abbreviation_ending_inside_quote_marks(text, before, expected):
    """Class: the abbreviation check reads a word without its quote marks."""
    assert normalize(text, "ORG", before, "") == expected
