"""Amounts: money, percentages, counts and ranges in Russian news phrases, normalized."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svodka.doc import Document
from svodka.lang.lexer import digits_value
from svodka.stages.amounts import find_amounts
from svodka.stages.amounts.words import load_lexicon

LEXICON = load_lexicon()


def amounts(pipeline, text, published=date(2022, 8, 19)):
    return [(a.value, a.unit) for a in pipeline.analyze(text, published=published).amounts]


def first(pipeline, text):
    found = pipeline.analyze(text, published=date(2022, 8, 19)).amounts
    assert found, f"no amount in {text!r}"
    return found[0]


def bare(text: str) -> list:
    """Amounts of a text with no other layers: no pipeline, for property tests."""
    return find_amounts(Document(id="t", text=text), LEXICON)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # money in words, signs, codes and abbreviations
        ("Товарооборот вырос до рекордных $24 миллиардов.", [(24_000_000_000, "USD")]),
        ("Стартовый платеж - 4,5 млрд руб.", [(4_500_000_000, "RUB")]),
        ("Инвестиции составят 9 млрд долларов.", [(9_000_000_000, "USD")]),
        ("Дрейк заработал $92 млн.", [(92_000_000, "USD")]),
        ("Штраф составит 25 миллионов рублей.", [(25_000_000, "RUB")]),
        ("Компания выплатит 219 млн евро.", [(219_000_000, "EUR")]),
        ("Сделка оценена в 2,5 млрд юаней.", [(2_500_000_000, "CNY")]),
        ("Зарплата - 300 тысяч тенге.", [(300_000, "KZT")]),
        ("Он выплатит 7,2 млн гривен.", [(7_200_000, "UAH")]),
        ("Картина ушла за 3 млн фунтов стерлингов.", [(3_000_000, "GBP")]),
        ("Цена - 150 000 иен.", [(150_000, "JPY")]),
        ("Кредит в 5 млн долл. погашен.", [(5_000_000, "USD")]),
        ("Бюджет проекта - 10 млн USD.", [(10_000_000, "USD")]),
        ("Банк выдал 120 млрд RUB кредитов.", [(120_000_000_000, "RUB")]),
        ("Билет стоит 500 ₽.", [(500, "RUB")]),
        ("Платеж составил €15 млн.", [(15_000_000, "EUR")]),
        ("Штраф - 750 евро.", [(750, "EUR")]),
        ("Фонд потратил 100000 долларов.", [(100_000, "USD")]),
        ("Долг составил 1.844.036.360,12 руб.", [(1_844_036_360.12, "RUB")]),
        ("Выручка - 5,3млн рублей.", [(5_300_000, "RUB")]),
        ("Сумма - 5.3 млн долларов.", [(5_300_000, "USD")]),
        ("Выплачено 10\u00a0000 рублей.", [(10_000, "RUB")]),
        ("Собрано 1\u2009500\u2009000 рублей.", [(1_500_000, "RUB")]),
        ("Штраф в полторы тысячи рублей.", [(1_500, "RUB")]),
        ("Потери составят полтора миллиарда долларов.", [(1_500_000_000, "USD")]),
        ("Ущерб оценен в двести тысяч рублей.", [(200_000, "RUB")]),
        ("Ему дали по три доллара.", [(3, "USD")]),
        ("Премия - двадцать пять тысяч рублей.", [(25_000, "RUB")]),
        ("Они потратили 1 млн 300 тысяч долларов.", [(1_300_000, "USD")]),
        ("Он вложил 24 австралийских доллара.", [(24, "AUD")]),
        ("Бумажник примерно с тысячей крон.", [(1_000, "SEK")]),
        ("Потеряли 1,2 или 1,3 миллиарда долларов.", [(1.2e9, "USD"), (1.3e9, "USD")]),
        ("Штрафы в 31,7 и 22,9 млн евро.", [(31_700_000, "EUR"), (22_900_000, "EUR")]),
        (
            "Штраф в полторы тысячи рублей. В Москве - уже на три тысячи.",
            [(1_500, "RUB"), (3_000, "RUB")],
        ),
        (
            "ВВП вырастет на 200-300 млрд. рублей, а доходы - примерно на 150 млрд.",
            [(250_000_000_000, "RUB"), (150_000_000_000, "RUB")],
        ),
        # percentages
        ("Цена подешевела на 20%.", [(20, "%")]),
        ("Инфляция составила 12,5%.", [(12.5, "%")]),
        ("Ставка выросла на 3 процента.", [(3, "%")]),
        ("Доля - 15 процентов.", [(15, "%")]),
        ("Прирост - свыше 120%.", [(120, "%")]),
        ("Рост составил 10-процентный.", [(10, "%")]),
        ("Доход вырос на 5-5,5%.", [(5.25, "%")]),
        ("Дефицит составит от 11% до 11,5% ВВП.", [(11.25, "%")]),
        # counts
        ("Погибли 168 человек.", [(168, None)]),
        ("Эвакуированы около 500 человек.", [(500, None)]),
        ("Задержаны 122 участника.", [(122, None)]),
        ("Изъято 160 тысяч боеприпасов.", [(160_000, None)]),
        ("Погибли 1,7 тысячи человек.", [(1_700, None)]),
        ("Задержаны пять человек.", [(5, None)]),
        ("На дипломатов напали трое неизвестных.", [(3, None)]),
        ("В автобусе были четверо родителей.", [(4, None)]),
        ("Объявили персонами нон грата двоих человек.", [(2, None)]),
        ("Он подписал два указа.", [(2, None)]),
        ("Конкурс - до восьми человек на место.", [(8, None)]),
        ("Команда осталась вдевятером.", [(9, None)]),
        ("Одна треть территории вошла в СССР.", [(1 / 3, None)]),
        ("Две трети опрошенных против.", [(2 / 3, None)]),
        ("Выбраны два претендента из пяти.", [(2, None), (5, None)]),
        # counts in words, and counts named before the number
        ("Полиция задержала шестерых.", [(6, None)]),
        ("Нашли тело одного погибшего.", [(1, None)]),
        ("Спасатели вывели двоих детей.", [(2, None)]),
        ("Огонь повредил стены четырех зданий.", [(4, None)]),
        ("Пострадали 11 жертв.", [(11, None)]),
        ("Число кандидатов в мэры выросло до 13.", [(13, None)]),
        ("Сокращение количества министерств до 11.", [(11, None)]),
        ("Пострадали два-три человека.", [(2.5, None)]),
        ("За Абэ проголосовали 339 из 476 депутатов.", [(339, None), (476, None)]),
        ("При штурме погибли около 80 его последователей.", [(80, None)]),
        ("При взрыве погибли 11, ранены 20.", [(11, None), (20, None)]),
        ("Погибших - 11.", [(11, None)]),
        ("Пришли около тысячи человек.", [(1_000, None)]),
        ("В акции участвовали более миллиона жителей.", [(1_000_000, None)]),
        ("Судьи совпали в четырех раундах из двенадцати.", [(4, None), (12, None)]),
        (
            "Входили девять железнодорожных и две индустриальные компании.",
            [(9, None), (2, None)],
        ),
        ("Ущерб составил около 30% за зиму, или примерно 4 млн.", [(30, "%"), (4_000_000, None)]),
        ("Ставки - 9,25 и 9% годовых.", [(9.25, "%"), (9, "%")]),
        # a currency the article implies
        (
            "Семьи получат по 50 тыс. рублей. Одиноким пенсионерам выплатят от 20 до 30 тыс.",
            [(50_000, "RUB"), (25_000, "RUB")],
        ),
        (
            "Выплаты составят 10 тыс. рублей. Так решили власти. Остальным - 5 тыс.",
            [(10_000, "RUB"), (5_000, "RUB")],
        ),
        # ranges
        ("Группировки численностью 1500-1700 человек.", [(1_600, None)]),
        ("Инвестиции - 1,5-2 млрд долларов.", [(1_750_000_000, "USD")]),
        ("Бюджет - от 5 до 7 млн рублей.", [(6_000_000, "RUB")]),
        ("Штраф - 5–7 тыс. рублей.", [(6_000, "RUB")]),
        ("Цены варьировались от 300 до 7,5 тысяч евро.", [(3_900, "EUR")]),
    ],
)
def test_amounts_values_and_units(pipeline, text, expected):
    got = amounts(pipeline, text)
    assert [(pytest.approx(v), u) for v, u in expected] == got


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "около 10 тысяч жителей республики",
            {"value": 10_000, "approx": True, "object": "житель"},
        ),
        ("Около 1000 штук в год приезжают", {"approx": True, "object": "штука", "per": "год"}),
        ("Конкурс - до восьми человек на место.", {"bound": "max", "per": "место"}),
        ("Арестовано свыше 70 человек.", {"bound": "min", "object": "человек"}),
        ("Убиты более 20 бандитов.", {"bound": "min", "object": "бандит"}),
        ("Осталось менее 30 тысяч ворон.", {"bound": "max", "value": 30_000}),
        ("Сумма не менее 15 млн рублей.", {"bound": "min", "unit": "RUB"}),
        ("Убито порядка 90 тыс. птиц.", {"approx": True, "object": "птица"}),
        ("почти 1,2 тысячи ДТП", {"approx": True, "value": 1_200, "object": "ДТП"}),
        ("от 5 до 7 млн рублей", {"range": (5_000_000, 7_000_000), "value": 6_000_000}),
        ("5–7 тыс. человек", {"range": (5_000, 7_000), "object": "человек"}),
        ("Цена выросла до 5%.", {"bound": None, "value": 5}),
        ("около 100 мелких и средних бандгрупп", {"object": "бандгруппа", "approx": True}),
        ("на семи имеющихся в стране птицефермах", {"object": "птицеферма"}),
        ("Трое раненых доставлены в больницу.", {"value": 3, "object": "раненый"}),
        ("$24 миллиардов", {"start": 0, "stop": 14, "text": "$24 миллиардов"}),
    ],
)
def test_amounts_hedges_objects_and_rates(pipeline, text, fields):
    amount = first(pipeline, text)
    for name, want in fields.items():
        assert getattr(amount, name) == want, (name, amount)


@pytest.mark.parametrize(
    "text",
    [
        "В 2021 году Россия и Казахстан увеличили товарооборот.",
        "Это произошло 21 марта 1889 года.",
        "Документ датирован 15.03.2023.",
        "Митрохин умер в январе 2004 года.",
        "Это вторая встреча за лето.",
        "В центральном матче 22-го тура сошлись «Спартак» и ЦСКА.",
        "На 24-й минуте удар пришелся в штангу.",
        "Сообщает «МИР 24».",
        "Истребитель Су-35 поднялся в воздух.",
        "Пандемия COVID-19 продолжается.",
        "Смотрите телеканал «112».",
        "Звоните по телефону +7 (495) 123-45-67.",
        "Звоните: 8 (800) 555-35-35.",
        "Согласно части 2 статьи 6 Конституции РФ.",
        "Возбуждено дело по статьям 105 (убийство) и 222 УК РФ.",
        "По ст. 356 УК Белоруссии.",
        "Определение N309-о от 15.08.2003 г.",
        "Итог матча - 2:1 в пользу хозяев.",
        "Со счетом 116-112, 115-114 и 114-114.",
        "Коларж отличился на 76-й минуте (76').",
        "Виктория выступит в 1/16 финала.",
        "Извержение началось около полуночи (3:00 мск).",
        "Он финишировал только 11-м.",
        "Еще один совместный проект - работа с атомом.",
        "Один из вариантов развития события.",
        "Трое из них были похищены в Ираке.",
        "Сейчас эти двое дают показания.",
        "ФБР не передало несколько тысяч документов.",
        "Инвесторы потратили миллионы долларов.",
        "Ширак умер в 1995 году.",
        "Источник: https://www.newsru.com/sport/03Aug2001/76763332.html",
        "Примерно в 5 утра прогремел взрыв.",
        "Новинка для PlayStation 4 вышла.",
        "Сети 5G заработают в декабре.",
        "Празднуют 750-летие Калининграда.",
        "9-классники 63-й школы.",
        "Пожар произошел по адресу улица Авиационная, 79.",
        "Эмбарго установлено около 47 лет назад.",
        # measurements, durations, ages, multiples and vague quantities (GUIDE)
        "Пожар уничтожил 33 гектара леса.",
        "Площадь составит 1,14 миллиона квадратных метров.",
        "Запасы оцениваются в 19,7 млн т.",
        "Температура ниже -78 °С.",
        "Жара достигла 40 градусов.",
        "Всего 2000 кв. метров.",
        "Мощность - до 850 л.с.",
        "Село находится примерно в 120 километрах от столицы.",
        "Он провел в тюрьме 10 лет.",
        "Снег шел 12 часов.",
        "Ему грозит до четырех лет лишения свободы.",
        "Срок снижен с 9 до 7 лет.",
        "Он проплыл 23 часа 20 минут.",
        "Через два-три дня все решится.",
        "Погибла 24-летняя девушка.",
        "Спасли трехлетнего мальчика.",
        "Ему 36 лет, ей 30.",
        "Это двухдневная поездка.",
        "Цены выросли в полтора раза.",
        "Цены выросли в 20 раз.",
        "Цены выросли вдвое.",
        "Четырехкратный чемпион мира.",
        "Он дважды приезжал в Москву.",
        "Продажи сократились на треть.",
        "Аварий стало больше наполовину.",
        "Отметили 111 годовщину со дня рождения.",
        "Пострадали сотни тысяч человек.",
        "Ущерб исчисляется десятками миллионов.",
        "На площадь вышли тысячи протестующих.",
        "Он правил страной (2003—2011).",
        "Он был 5 в списке.",
        "Здесь у нас тоже завелся один такой.",
    ],
)
def test_amounts_not_dates_names_labels_or_ordinals(pipeline, text):
    assert amounts(pipeline, text) == []


def test_amounts_example_article(example_doc):
    found = [(a.value, a.unit, a.approx, a.bound, a.per) for a in example_doc.amounts]
    assert found == [
        (2, None, False, None, None),  # «лидеров двух стран»
        (8, None, False, "max", "место"),
        (10_000, None, True, None, None),
        (1_000, None, True, None, "год"),
        (500, None, False, None, None),
        (2, None, False, None, None),  # «двум государствам»
        (24_000_000_000, "USD", False, None, None),
    ]


def test_amounts_count_continued_after_another():
    (_, more) = bare("Около 1000 штук в год приезжают, еще 500 собирают на заводе.")
    assert (more.value, more.text, more.object) == (500, "еще 500", "штука")


def test_amounts_range_is_one_approximate_record(pipeline):
    (amount,) = pipeline.analyze("Штраф - 5–7 тыс. рублей.").amounts
    assert (amount.value, amount.approx, amount.range) == (6_000, True, (5_000, 7_000))


def test_amounts_offsets_index_the_text(pipeline):
    text = "Около 1000 штук в год приезжают, еще 500 собирают за $24 млн."
    for a in pipeline.analyze(text).amounts:
        assert text[a.start : a.stop] == a.text


def test_amounts_crown_follows_the_country(pipeline):
    text = "В Эстонии у дипломата украли бумажник примерно с тысячей крон."
    assert (1_000, "EEK") in amounts(pipeline, text)


def group(n: int, sep: str) -> str:
    """«1844036» with ``sep`` between groups of three digits: «1 844 036»."""
    digits = str(n)
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[k : k + 3] for k in range(head, len(digits), 3)])


@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=99))
def test_amounts_grouped_numbers_parse_back(whole, cents):
    for sep in (" ", "\u00a0", "\u2009", "\u202f"):
        assert digits_value(group(whole, sep)) == whole
        assert digits_value(f"{group(whole, sep)},{cents:02d}") * 100 == whole * 100 + cents
    if whole >= 1_000_000:
        assert digits_value(f"{group(whole, '.')},{cents:02d}") * 100 == whole * 100 + cents


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9))
def test_amounts_decimal_comma_and_point_with_multipliers(units, tenth):
    for sep in (",", "."):
        for word, factor in (("тыс.", 1_000), ("млн", 10**6), ("млрд", 10**9)):
            (amount,) = bare(f"Сумма - {units}{sep}{tenth} {word} рублей.")
            assert amount.value == pytest.approx((units + tenth / 10) * factor)
            assert amount.unit == "RUB"


UNITS = ["один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
TEENS = [
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
]
TENS = [
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
]
HUNDREDS = [
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
]


def spell(n: int) -> str:
    """A number from 1 to 999 in Russian words, nominative."""
    words = []
    if n >= 100:
        words.append(HUNDREDS[n // 100 - 1])
        n %= 100
    if 10 <= n < 20:
        words.append(TEENS[n - 10])
    else:
        if n >= 20:
            words.append(TENS[n // 10 - 2])
        if n % 10:
            words.append(UNITS[n % 10 - 1])
    return " ".join(words)


@given(st.integers(min_value=2, max_value=999))
def test_amounts_number_words_parse_back(n):
    (amount,) = bare(f"В зале было {spell(n)} тысяч рублей.")
    assert amount.value == n * 1000
    assert amount.unit == "RUB"


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from("0123456789 ,.-–%$€«»()/:№абвгдмлнрубтысяч\n"), max_size=60)
)
def test_amounts_never_crash_on_number_soup(text):
    for a in bare(text):
        assert text[a.start : a.stop] == a.text


@settings(max_examples=200)
@given(st.text(max_size=80))
def test_amounts_never_crash_on_any_text(text):
    bare(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quotes that close one name and open another do not make a name
        ("Сейчас «Порше» принадлежит около 31 процента акций «Фольксвагена».", [(31, "%")]),
        ("Число пропавших достигло 4 тыс. 763 человек.", [(4763, None)]),
        # hundredths of a currency
        ("Он изменил сумму на один цент.", [(0.01, "USD")]),
        ("Проезд стоит 3 рубля 50 копеек.", [(3.5, "RUB")]),
        # the dot of «тыс.» may end the sentence: the next one's noun is not counted
        ("Пособие составит 10 тыс. Семьи получат его в мае.", [(10_000, None)]),
        # a multiplier after a range in words applies to both ends
        ("Ущерб составил два-три миллиона рублей.", [(2_500_000, "RUB")]),
        # a bare number far from the money before it is no money
        (
            "Отель обязали выплатить 55 миллионов долларов журналистке, которую фанат снял на "
            "видео в номере отеля Nashville Marriott (архивировано: 1, 2), выложив ролик.",
            [(55_000_000, "USD")],
        ),
    ],
)
def test_amounts_error_classes_from_nerel_train(pipeline, text, expected):
    assert amounts(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # counts of people and things are amounts, small ones too (GUIDE)
        ("Обсуждали переговоры лидеров двух стран.", [(2, None)]),
        ("Двум государствам необходимо сотрудничать.", [(2, None)]),
        ("Тела двух солдат были обнаружены.", [(2, None)]),
        ("Ювентус пять раз выигрывал кубок.", [(5, None)]),  # occasions, not «в пять раз»
        ("Добыча составила 10 млн баррелей нефти.", [(10_000_000, None)]),  # counted barrels
    ],
)
def test_amounts_small_counts_occasions_and_barrels(pipeline, text, expected):
    assert amounts(pipeline, text) == expected


def test_amounts_count_skips_a_duration_back_to_its_count(pipeline):
    text = "Подписались 10 тысяч человек, а через три часа эта цифра достигла 140 тысяч."
    found = pipeline.analyze(text, published=date(2022, 8, 19)).amounts
    assert [(a.value, a.unit, a.object) for a in found] == [
        (10_000, None, "человек"),
        (140_000, None, "человек"),
    ]


def test_amounts_object_stops_at_a_relative_pronoun(pipeline):
    text = "Пресса писала о 15 тысячах иранских военных, которые якобы высадились."
    assert first(pipeline, text).object == "военный"
