"""The quotes stage on real-style news sentences: every layout of direct and reported
speech, outlets' attributions, names in quote marks that are not quotes, and broken
quote marks that must not break anything."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svodka.doc import Document, Record
from svodka.stages import quotes
from svodka.stages.quotes.marks import pair_marks


def found(doc):
    """(text, speaker name, kind) of every quote of a document."""
    return [(q.text, q.speaker_name, q.kind) for q in doc.quotes]


def quote_with(doc, text):
    return next((q for q in doc.quotes if q.text == text), None)


# (text, quoted content as extracted, speaker name or description, kind)
DIRECT = [
    # «…», — заявил X.
    (
        "«Мы готовы к диалогу со всеми партнерами», — заявил президент Казахстана "
        "Касым-Жомарт Токаев.",
        "Мы готовы к диалогу со всеми партнерами",
        "Касым-Жомарт Токаев",
    ),
    (
        "«Переговоры прошли в конструктивной атмосфере», – сказал министр иностранных дел "
        "России Сергей Лавров.",
        "Переговоры прошли в конструктивной атмосфере",
        "Сергей Лавров",
    ),
    (
        '"Решение будет принято до конца года", - сообщил журналистам глава '
        "Минэкономразвития Максим Решетников.",
        "Решение будет принято до конца года",
        "Максим Решетников",
    ),
    (
        "«Ситуация остается напряженной», — подчеркнул губернатор Белгородской области "
        "Вячеслав Гладков.",
        "Ситуация остается напряженной",
        "Вячеслав Гладков",
    ),
    (
        "«Цены на бензин не вырастут», — заверил вице-премьер Александр Новак.",
        "Цены на бензин не вырастут",
        "Александр Новак",
    ),
    (
        "«Мы продолжим работу», — заявила председатель Центробанка Эльвира Набиуллина.",
        "Мы продолжим работу",
        "Эльвира Набиуллина",
    ),
    # «…» — сказал он: the pronoun goes back to the nearest person of its gender
    (
        "Глава Сбербанка Герман Греф выступил на форуме. «Экономика адаптировалась к "
        "новым условиям», — сказал он.",
        "Экономика адаптировалась к новым условиям",
        "Герман Греф",
    ),
    (
        "Министр финансов Антон Силуанов встретился с Эльвирой Набиуллиной. «Инфляция "
        "замедляется», — отметила она.",
        "Инфляция замедляется",
        "Эльвира Набиуллина",
    ),
    (
        "Мэр Москвы Сергей Собянин посетил новую станцию вместе с Анной Ракитиной. "
        "«Метро станет удобнее», — добавил он.",
        "Метро станет удобнее",
        "Сергей Собянин",
    ),
    # X: «…».
    (
        "Владимир Путин: «Россия открыта для сотрудничества».",
        "Россия открыта для сотрудничества",
        "Владимир Путин",
    ),
    (
        "Дмитрий Песков заявил: «Кремль не располагает такой информацией».",
        "Кремль не располагает такой информацией",
        "Дмитрий Песков",
    ),
    (
        "Представитель МИД Мария Захарова написала в своем канале: «Это провокация».",
        "Это провокация",
        "Мария Захарова",
    ),
    # Как отметил X, «…»
    (
        "Как отметил министр обороны Сергей Шойгу, «армия полностью обеспечена всем необходимым».",
        "армия полностью обеспечена всем необходимым",
        "Сергей Шойгу",
    ),
    (
        "По словам Алексея Кудрина, «бюджет сбалансирован на ближайшие три года».",
        "бюджет сбалансирован на ближайшие три года",
        "Алексей Кудрин",
    ),
    # a quote over several sentences
    (
        "«Мы видим рост спроса. Производство загружено полностью. Новые линии "
        "запустим весной», — рассказал директор завода Игорь Смирнов.",
        "Мы видим рост спроса. Производство загружено полностью. Новые линии запустим весной",
        "Игорь Смирнов",
    ),
    # quotes in „…“ and "…"
    (
        "„Мы не допустим дефолта“, — заявил министр финансов Антон Силуанов.",
        "Мы не допустим дефолта",
        "Антон Силуанов",
    ),
    (
        '"Все обязательства будут выполнены в срок", - пообещал глава "Газпрома" Алексей Миллер.',
        "Все обязательства будут выполнены в срок",
        "Алексей Миллер",
    ),
    (
        "“Команда готова к сезону”, — сказал главный тренер Валерий Карпин.",
        "Команда готова к сезону",
        "Валерий Карпин",
    ),
    # a name in quote marks inside the quote does not end it
    (
        "«Мы ведем переговоры с компанией «Росатом» и банком «ВТБ»», — сообщил "
        "губернатор Михаил Евраев.",
        "Мы ведем переговоры с компанией «Росатом» и банком «ВТБ»",
        "Михаил Евраев",
    ),
    # the speaker described, not named
    (
        "«Переговоры зашли в тупик», — заявил источник в правительстве.",
        "Переговоры зашли в тупик",
        "источник в правительстве",
    ),
    (
        "«Никаких решений пока не принято», — сказал представитель МИД.",
        "Никаких решений пока не принято",
        "представитель МИД",
    ),
    # a position alone points back to the person who holds it
    (
        "Президент Франции Эмманюэль Макрон прибыл в Берлин. «Европа должна быть "
        "единой», — заявил президент.",
        "Европа должна быть единой",
        "Эмманюэль Макрон",
    ),
    # a quote that goes on in the next sentence, with no attribution of its own
    (
        "«Мы ждем ответа», — сказал глава МИД Сергей Лавров. «Без него переговоры "
        "продолжать бессмысленно».",
        "Без него переговоры продолжать бессмысленно",
        "Сергей Лавров",
    ),
    # a word or two named with a naming verb is a quote
    (
        "Министр финансов Антон Силуанов назвал эти слухи «абсолютной ерундой».",
        "абсолютной ерундой",
        "Антон Силуанов",
    ),
]

INTERRUPTED = [
    (
        "«Мы сделали все возможное, — сказал тренер Леонид Слуцкий. — Но соперник "
        "оказался сильнее».",
        ["Мы сделали все возможное", "Но соперник оказался сильнее"],
        "Леонид Слуцкий",
    ),
    (
        '"Рынок стабилизировался, - отметил аналитик Сергей Иванов. - Резких '
        'колебаний мы не ждем".',
        ["Рынок стабилизировался", "Резких колебаний мы не ждем"],
        "Сергей Иванов",
    ),
    (
        "«Решение окончательное, — заявила судья Елена Ленская. — Обжаловать его можно "
        "в течение месяца».",
        ["Решение окончательное", "Обжаловать его можно в течение месяца"],
        "Елена Ленская",
    ),
]

INDIRECT = [
    # a call with its infinitive: what the speaker urges, adverbs and «не» included
    (
        "Глава Минздрава Михаил Мурашко призвал граждан серьезно относиться к прививкам.",
        "серьезно относиться к прививкам",
        "Михаил Мурашко",
    ),
    (
        "Правозащитники призывают не торопиться с принятием закона.",
        "не торопиться с принятием закона",
        "правозащитники",
    ),
    # an outlet's own call is its words, not a relayed report
    (
        "Газета «Коммерсант» призвала власти пересмотреть налоговую реформу.",
        "пересмотреть налоговую реформу",
        "Коммерсант",
    ),
    # X заявил, что …
    (
        "Министр здравоохранения Михаил Мурашко заявил, что эпидемия пошла на спад.",
        "эпидемия пошла на спад",
        "Михаил Мурашко",
    ),
    (
        "Глава Минфина Антон Силуанов подчеркнул, что бюджет будет исполнен в полном объеме.",
        "бюджет будет исполнен в полном объеме",
        "Антон Силуанов",
    ),
    (
        "Сергей Лавров отметил, что Москва готова к переговорам.",
        "Москва готова к переговорам",
        "Сергей Лавров",
    ),
    (
        "Эльвира Набиуллина добавила, что ключевая ставка останется прежней.",
        "ключевая ставка останется прежней",
        "Эльвира Набиуллина",
    ),
    (
        "Алексей Миллер пояснил, что поставки газа будут восстановлены к понедельнику.",
        "поставки газа будут восстановлены к понедельнику",
        "Алексей Миллер",
    ),
    (
        "Дмитрий Медведев сообщил в интервью телеканалу, что выборы пройдут в сентябре.",
        "выборы пройдут в сентябре",
        "Дмитрий Медведев",
    ),
    (
        "Губернатор Андрей Воробьев считает, что новая дорога снимет пробки.",
        "новая дорога снимет пробки",
        "Андрей Воробьев",
    ),
    (
        "Мэр города Игорь Петров заявил, что ремонт закончат в мае, и добавил, что "
        "движение откроют летом.",
        "движение откроют летом",
        "Игорь Петров",
    ),
    (
        "Сначала сепаратисты заявляли, что пленные у них в гостях, однако потом дали "
        "понять, что готовы их обменять.",
        "пленные у них в гостях",
        "сепаратисты",
    ),
    (
        "Владимир Путин заявил, что Россия выполнит все свои обязательства, сообщает ТАСС.",
        "Россия выполнит все свои обязательства",
        "Владимир Путин",
    ),
    # По словам X, …
    (
        "По словам Дмитрия Пескова, визит пока не планируется.",
        "визит пока не планируется",
        "Дмитрий Песков",
    ),
    (
        "По словам очевидцев, автобус перевернулся два раза.",
        "автобус перевернулся два раза",
        "очевидцы",
    ),
    (
        "При этом, по словам источника в МВД, подозреваемый уже дал показания.",
        "подозреваемый уже дал показания",
        "источник в МВД",
    ),
    (
        "Лицензии, по ее словам, будут стоить дешевле. Об этом рассказала Мария Иванова.",
        "Лицензии, по ее словам, будут стоить дешевле",
        "Мария Иванова",
    ),
    # Как сообщил X, …
    (
        "Как сообщил пресс-секретарь полиции Андрей Смирнов, задержаны трое подозреваемых.",
        "задержаны трое подозреваемых",
        "Андрей Смирнов",
    ),
    (
        "Как рассказал адвокат Сергея Иванова, его клиент не признает вину.",
        "его клиент не признает вину",
        "адвокат Сергея Иванова",
    ),
    # По мнению экспертов, …
    (
        "По мнению экспертов, двум государствам необходимо налаживать совместную "
        "научную деятельность.",
        "двум государствам необходимо налаживать совместную научную деятельность",
        "эксперты",
    ),
    (
        "По мнению аналитиков, рубль укрепится к концу года.",
        "рубль укрепится к концу года",
        "аналитики",
    ),
    # …, заявил X.
    (
        "Работы будут завершены в срок, заявил глава Минтранса Виталий Савельев.",
        "Работы будут завершены в срок",
        "Виталий Савельев",
    ),
    # Об этом сообщил X: the sentence before is what X said
    (
        "Новый мост откроют в декабре. Об этом сообщил губернатор Александр Беглов.",
        "Новый мост откроют в декабре",
        "Александр Беглов",
    ),
    # a position alone before «считает»
    (
        "Глава комитета Госдумы Александр Жуков выступил за компромисс. Депутат считает, "
        "что такой компромисс может быть достигнут.",
        "такой компромисс может быть достигнут",
        "Александр Жуков",
    ),
]

SOURCES = [
    # «передают» also reads as a perfective future: the outlet's present tense wins
    (
        "Робот общается с людьми через динамик, передают «Вести».",
        "Робот общается с людьми через динамик",
        "Вести",
    ),
    (
        "А сегодня в Сочи проходят переговоры лидеров двух стран, сообщает «МИР 24».",
        "А сегодня в Сочи проходят переговоры лидеров двух стран",
        "МИР 24",
    ),
    (
        "Пострадавшим была оказана медицинская помощь, передает ТАСС.",
        "Пострадавшим была оказана медицинская помощь",
        "ТАСС",
    ),
    (
        "Как сообщает агентство Reuters, инцидент произошел на юге страны.",
        "инцидент произошел на юге страны",
        "Reuters",
    ),
    (
        'Как пишет "Коммерсант", сделка может быть закрыта в марте.',
        "сделка может быть закрыта в марте",
        "Коммерсант",
    ),
    (
        "По данным РИА Новости, переговоры продлятся два дня.",
        "переговоры продлятся два дня",
        "РИА Новости",
    ),
]

NOT_QUOTES = [
    "А это «КамАЗ», но не автогигант из Татарстана, а совместный автоцентр в Алматы.",
    "Директор компании «Алматинский автоцентр «КамАЗ» Андрей Ковганов приехал в Москву.",
    "Подробности рассказал корреспондент «МИР 24» Александр Лансков.",
    "Фильм «Брат 2» снова покажут на «Первом канале».",
    "Госдума приняла закон «О защите прав потребителей» в первом чтении.",
    "Программа «Здоровое питание» стартует в сентябре.",
    "Новый смартфон Samsung «Galaxy» поступит в продажу весной.",
    "Так называемая «оптимизация» привела к закрытию больниц.",
    'Эксперты говорят о "перезагрузке" отношений между странами.',
    "Команда «Спартак» обыграла «Зенит» со счетом 2:1.",
    "В эстонском городе Нарва избиты российские дипломаты.",
    "Сообщалось, что встреча пройдет в Минске.",
    "Напомним, что выборы пройдут в сентябре.",
    "Следует отметить, что цены выросли на 5%.",
    "Соседа призвали на военную службу весной.",
    "Несогласованные действия защитников привели к тому, что команда пропустила гол.",
]


@pytest.mark.parametrize(("text", "content", "speaker"), DIRECT)
def test_quotes_direct_speech_layouts(pipeline, text, content, speaker):
    doc = pipeline.analyze(text)
    q = quote_with(doc, content)
    assert q is not None, found(doc)
    assert (q.speaker_name, q.kind) == (speaker, "direct")
    assert doc.text[q.start : q.stop] == q.text


@pytest.mark.parametrize(("text", "parts", "speaker"), INTERRUPTED)
def test_quotes_interrupted_by_attribution_are_one_quote(pipeline, text, parts, speaker):
    """The GUIDE counts the quoted content between one pair of marks as one quote, its
    attribution inside it included: it runs from the first part to the last."""
    doc = pipeline.analyze(text)
    (q,) = doc.quotes
    assert q.text.startswith(parts[0]) and q.text.endswith(parts[-1])
    assert (q.speaker_name, q.kind) == (speaker, "direct")
    assert doc.text[q.start : q.stop] == q.text


def test_quotes_in_separate_marks_stay_separate(pipeline):
    """Two pairs of marks are two quotes, even with one speaker: «…», — сказал X. «…»."""
    text = (
        "«Мы ждем ответа», — сказал глава МИД Сергей Лавров. «Без него переговоры "
        "продолжать бессмысленно»."
    )
    assert [q.text for q in pipeline.analyze(text).quotes] == [
        "Мы ждем ответа",
        "Без него переговоры продолжать бессмысленно",
    ]


@pytest.mark.parametrize(("text", "content", "speaker"), INDIRECT)
def test_quotes_reported_speech(pipeline, text, content, speaker):
    doc = pipeline.analyze(text)
    q = quote_with(doc, content)
    assert q is not None, found(doc)
    assert (q.speaker_name, q.kind, q.source) == (speaker, "indirect", False)


@pytest.mark.parametrize(("text", "content", "outlet"), SOURCES)
def test_quotes_outlet_attribution_is_a_source(pipeline, text, content, outlet):
    doc = pipeline.analyze(text)
    q = quote_with(doc, content)
    assert q is not None, found(doc)
    assert (q.speaker_name, q.kind, q.source) == (outlet, "indirect", True)
    assert q.speaker is not None


def test_quotes_medium_described_by_a_noun_is_a_source(pipeline):
    """«сообщает сайт правительства региона»: a medium reports, nobody is quoted."""
    doc = pipeline.analyze(
        "В Москве одобрили законопроект о переводе часов, сообщает сайт правительства региона."
    )
    assert [(q.speaker_name, q.source) for q in doc.quotes] == [
        ("сайт правительства региона", True)
    ]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_quotes_names_and_scare_quotes_are_not_quotes(pipeline, text):
    assert pipeline.analyze(text).quotes == ()


def test_quotes_speaker_is_the_entity_id(pipeline):
    doc = pipeline.analyze("«Мы готовы», — заявил президент Казахстана Касым-Жомарт Токаев.")
    (q,) = doc.quotes
    assert doc.entity(q.speaker).name == "Касым-Жомарт Токаев"
    assert q.cue == "заявил"


NESTED = [
    # «сообщил, что, по его мнению, …»: one reported clause, its inner cue dropped
    (
        "Актер Иван Петров сообщил, что, по его мнению, спектакль не понравился бы автору пьесы.",
        ("спектакль не понравился бы автору пьесы", "Иван Петров", "indirect"),
    ),
    # a clause only partly quoted is indirect, and one quote (GUIDE)
    (
        'Однако адвокаты компании считают, что эти доводы "не соответствуют '
        'действительности и решение суда законно".',
        (
            'эти доводы "не соответствуют действительности и решение суда законно"',
            "адвокаты компании",
            "indirect",
        ),
    ),
]


@pytest.mark.parametrize(("text", "quote"), NESTED)
def test_quotes_nested_in_a_clause_of_the_same_speaker_are_one(pipeline, text, quote):
    assert found(pipeline.analyze(text)) == [quote]


def test_quotes_pronoun_skips_people_named_inside_the_quote(pipeline):
    text = (
        "Министр Анна Попова выступила на брифинге. «Сергей Иванов сделал все правильно», "
        "— сказала она."
    )
    assert found(pipeline.analyze(text)) == [
        ("Сергей Иванов сделал все правильно", "Анна Попова", "direct")
    ]


def test_quotes_over_several_paragraphs(pipeline):
    text = (
        "Глава Минфина Антон Силуанов выступил в Думе.\n"
        "«Бюджет исполнен с профицитом.\n"
        "«Резервы сохранены», — сказал он."
    )
    q = quote_with(pipeline.analyze(text), "Бюджет исполнен с профицитом.\n«Резервы сохранены")
    assert q is not None and q.speaker_name == "Антон Силуанов"


def test_quotes_example_article(example_doc):
    """The article of the issue: two direct quotes, the experts' opinion, the outlet."""
    assert [(q.kind, q.speaker_name, q.source) for q in example_doc.quotes] == [
        ("indirect", "МИР 24", True),
        ("direct", "Касым-Жомарт Токаев", False),
        ("direct", "Андрей Ковганов", False),
        ("indirect", "эксперты", False),
    ]
    assert example_doc.quotes[3].text == (
        "двум государствам необходимо налаживать и совместную научную деятельность"
    )


# robustness: broken marks never crash and never swallow the rest of the article

ROBUST = [
    # no closing mark: the quote stops at the end of its paragraph
    (
        "«Мы победим, — сказал тренер Иван Петров.\nМатч начнется в семь вечера.",
        "Матч начнется в семь вечера",
    ),
    ("Он сказал: «Мы победим.\nМатч начнется в семь вечера.", "Матч начнется в семь вечера"),
    # a stray closing mark and one mark too many
    ("Рынок вырос» на 5%. «Это «рекорд»», — сказал аналитик.", None),
    ('"Мы готовы"", - сказал министр. Продажи выросли.', None),
    # nested guillemets left open
    ("Компания «Рога и «Копыта» объявила о банкротстве. Акции упали.", None),
    ('„Да“ — «нет» — "может быть" — “наверное”.', None),
]


@pytest.mark.parametrize(("text", "outside"), ROBUST)
def test_quotes_odd_marks_stay_in_their_paragraph(pipeline, text, outside):
    doc = pipeline.analyze(text)
    for q in doc.quotes:
        assert doc.text[q.start : q.stop] == q.text
        assert "\n" not in q.text
        assert outside is None or outside not in q.text


def test_quotes_very_long_quote_stops_at_its_paragraph(pipeline):
    quote = "«" + "Мы работаем и будем работать дальше. " * 300
    text = f"Министр Иван Петров заявил: {quote}\nЗавтра в Москве дождь."
    doc = pipeline.analyze(text)
    assert all("дождь" not in q.text for q in doc.quotes)


def test_quotes_marks_pair_nested_and_unclosed():
    text = "«директор компании «Алматинский автоцентр «КамАЗ» Андрей Ковганов"
    spans = [(text[m.start : m.stop], m.closed) for m in pair_marks(text)]
    assert ("КамАЗ", True) in spans
    assert all(not closed for span, closed in spans if span != "КамАЗ")


def test_quotes_marks_continue_over_reopened_paragraphs():
    text = "«Первый абзац.\n«Второй абзац».\nТретий."
    (m,) = pair_marks(text)
    assert (text[m.start : m.stop], m.closed) == ("Первый абзац.\n«Второй абзац", True)


def through_quotes(pipeline, text):
    """A text through the pipeline's stages up to this one (later stages are not tested
    here)."""
    doc = Document.from_record(Record(id="t", text=text))
    for stage, resources in zip(pipeline.stages, pipeline.resources, strict=True):
        doc = stage.apply(doc, resources)
        if stage is quotes:
            break
    return doc


WORDS = ["заявил", "сказала", "что", "по словам", "как сообщил", "он", "Иван Петров", "ТАСС"]
MARKS = list("«»\"„“”' ,.-—:;\n") + WORDS


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(st.sampled_from(MARKS), st.text(max_size=8)), max_size=40))
def test_quotes_any_text_never_crashes(pipeline, pieces):
    doc = through_quotes(pipeline, " ".join(pieces))
    for q in doc.quotes:
        assert 0 <= q.start < q.stop <= len(doc.text)
        assert doc.text[q.start : q.stop] == q.text
        assert q.kind in ("direct", "indirect")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_quotes_marks_never_crash(text):
    for m in pair_marks(text):
        assert 0 <= m.start <= m.stop <= len(text)


# Issue 16: the outlet that relays a statement is not its speaker; data is not a quote.
# (text, quoted content, speaker, source)
RELAYED = [
    # «…», — цитирует слова X «Интерфакс»: the person whose words are cited
    (
        "Президент Абхазии Сергей Багапш посетил Сочи. «Это не продажа, это аренда», — "
        "цитирует слова Багапша «Интерфакс».",
        "Это не продажа, это аренда",
        "Сергей Багапш",
        False,
    ),
    # «…», — передает РИА Новости: the person named right before
    (
        "Министр финансов Антон Силуанов выступил на форуме. «Бюджет будет "
        "сбалансирован», — передает РИА Новости.",
        "Бюджет будет сбалансирован",
        "Антон Силуанов",
        False,
    ),
    # «…», — цитирует губернатора ТАСС: the holder of the position
    (
        "Губернатор Алексей Дюмин прокомментировал ситуацию. «Все службы работают в "
        "штатном режиме», — цитирует губернатора ТАСС.",
        "Все службы работают в штатном режиме",
        "Алексей Дюмин",
        False,
    ),
    # «со ссылкой на X»: X is the speaker; a press service speaks for the body it names
    (
        "Работы завершатся к осени, сообщает ИТАР-ТАСС со ссылкой на пресс-службу мэрии Москвы.",
        "Работы завершатся к осени",
        "мэрия Москвы",
        False,
    ),
    (
        "Работы завершатся к осени, сообщает ИТАР-ТАСС со ссылкой на пресс-службу губернатора.",
        "Работы завершатся к осени",
        "пресс-служба губернатора",
        False,
    ),
    (
        "Как сообщает РИА Новости со ссылкой на источник в Минфине, бюджет будет пересмотрен.",
        "бюджет будет пересмотрен",
        "источник в Минфине",
        False,
    ),
    # «он назвал …, сообщает "Интерфакс"»: the relayed report names with its own verb
    (
        "Полковник Олег Хотин выступил на совещании. В числе сложных районов он назвал "
        "Шатойский и Веденский, сообщает «Интерфакс».",
        "В числе сложных районов он назвал Шатойский и Веденский",
        "Олег Хотин",
        False,
    ),
    # «сообщил ТАСС источник»: the outlet is the addressee
    (
        "«Проверка продолжается», — сообщил ТАСС источник в силовых структурах.",
        "Проверка продолжается",
        "источник в силовых структурах",
        False,
    ),
    (
        "Как сообщили РИА Новости в пресс-службе ведомства, проверка продолжается.",
        "проверка продолжается",
        "пресс-служба ведомства",
        False,
    ),
    (
        "Минфин готовит новые условия господдержки, пишут «Ведомости» со ссылкой на "
        "источники в правительстве.",
        "Минфин готовит новые условия господдержки",
        "источники в правительстве",
        False,
    ),
    # the outlet alone: narration, kept as a source
    ("Как сообщает ТАСС, в Сочи прошли переговоры.", "в Сочи прошли переговоры", "ТАСС", True),
    # «по данным X» cites data: a source, not a quote
    (
        "По данным Forbes, состояние бизнесмена выросло вдвое.",
        "состояние бизнесмена выросло вдвое",
        "Forbes",
        True,
    ),
]

DOCUMENTS_CITED = [
    "Как следует из материалов дела, обвиняемый скрывался за границей.",
    "Из документов следует, что сделка была фиктивной.",
    "Расследование показало, что деньги были выведены в офшоры.",
]


@pytest.mark.parametrize(("text", "content", "speaker", "source"), RELAYED)
def test_quotes_outlet_relays_are_not_speakers(pipeline, text, content, speaker, source):
    doc = pipeline.analyze(text)
    q = quote_with(doc, content)
    assert q is not None, found(doc)
    assert (q.speaker_name, q.source) == (speaker, source)


def test_quotes_relay_around_a_direct_quote_is_dropped(pipeline):
    doc = pipeline.analyze(
        "«Мы не планируем повышать налоги», — сказал Силуанов, передает Интерфакс."
    )
    assert found(doc) == [("Мы не планируем повышать налоги", "Силуанов", "direct")]


@pytest.mark.parametrize("text", DOCUMENTS_CITED)
def test_quotes_documents_cited_are_not_quotes(pipeline, text):
    assert pipeline.analyze(text).quotes == ()


# issue 16, second pass: described speakers, outlets around reported speech, speakers
# pointed back to by a pronoun or a title, opinion verbs
# (text, quoted content, speaker name or description)
SECOND_PASS = [
    # «одного из …»: only the head before the preposition goes into the nominative
    (
        "По словам одного из участников встречи, переговоры прошли успешно.",
        "переговоры прошли успешно",
        "один из участников встречи",
    ),
    (
        "По словам одной из сотрудниц магазина, кассу никто не трогал.",
        "кассу никто не трогал",
        "одна из сотрудниц магазина",
    ),
    (
        "Как рассказал один из жителей поселка, воду отключили утром.",
        "воду отключили утром",
        "один из жителей поселка",
    ),
    (
        "Один из жителей поселка рассказал, что воду отключили утром.",
        "воду отключили утром",
        "один из жителей поселка",
    ),
    # an adjective read as a noun («главное») is not the head
    (
        "По словам главного врача больницы, карантин продлится неделю.",
        "карантин продлится неделю",
        "главный врач больницы",
    ),
    # a pronoun: the last person of the verb's gender
    (
        "Министр финансов Антон Силуанов выступил на форуме. Глава ЦБ Эльвира Набиуллина "
        "промолчала. Он заявил, что дефицит сократится.",
        "дефицит сократится",
        "Антон Силуанов",
    ),
    (
        "Глава ЦБ Эльвира Набиуллина выступила на форуме. Министр финансов Антон Силуанов "
        "промолчал. Она заявила, что инфляция замедлилась.",
        "инфляция замедлилась",
        "Эльвира Набиуллина",
    ),
    # a title: the person last named with that title, before one with a synonym
    (
        "Министр финансов Антон Силуанов и глава ЦБ Эльвира Набиуллина встретились в "
        "Москве. Министр отметил, что дефицит сократится.",
        "дефицит сократится",
        "Антон Силуанов",
    ),
    (
        "Губернатор Алексей Дюмин посетил завод. Губернатор подчеркнул, что зарплаты вырастут.",
        "зарплаты вырастут",
        "Алексей Дюмин",
    ),
    # opinion verbs and phrases
    (
        "Политолог Иван Петров полагает, что выборы пройдут спокойно.",
        "выборы пройдут спокойно",
        "Иван Петров",
    ),
    (
        "Глава ЦБ Эльвира Набиуллина уверена, что инфляция замедлится.",
        "инфляция замедлится",
        "Эльвира Набиуллина",
    ),
    (
        "Министр Антон Силуанов пояснил, что решение временное.",
        "решение временное",
        "Антон Силуанов",
    ),
    (
        "Министр Антон Силуанов напомнил, что закон вступит в силу.",
        "закон вступит в силу",
        "Антон Силуанов",
    ),
    (
        "Как считает политолог Иван Петров, выборы пройдут спокойно.",
        "выборы пройдут спокойно",
        "Иван Петров",
    ),
    (
        "Как отметил министр Антон Силуанов, дефицит сократится.",
        "дефицит сократится",
        "Антон Силуанов",
    ),
    ("По мнению экспертов, рынок восстановится.", "рынок восстановится", "эксперты"),
    ("Министр Антон Силуанов опасается, что налоги вырастут.", "налоги вырастут", "Антон Силуанов"),
    ("По предположению аналитиков, рынок восстановится.", "рынок восстановится", "аналитики"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), SECOND_PASS)
def test_quotes_second_pass_speakers(pipeline, text, content, speaker):
    doc = pipeline.analyze(text)
    q = quote_with(doc, content)
    assert q is not None, found(doc)
    assert (q.speaker_name, q.kind, q.source) == (speaker, "indirect", False)


@pytest.mark.parametrize(
    "text",
    [
        "Как сообщает Интерфакс, глава Минфина Антон Силуанов заявил, что бюджет будет исполнен.",
        "Как передает ТАСС, глава Минфина Антон Силуанов сказал, что бюджет будет исполнен.",
        "По словам главы Минфина Антона Силуанова, бюджет будет исполнен, сообщает Интерфакс.",
    ],
)
def test_quotes_outlet_around_reported_speech_is_dropped(pipeline, text):
    assert found(pipeline.analyze(text)) == [
        ("бюджет будет исполнен", "Антон Силуанов", "indirect")
    ]


def test_quotes_gerund_of_a_state_of_mind_is_a_motive(pipeline):
    text = "Сингапур начал уничтожать ворон, опасаясь, что они переносят птичий грипп."
    assert pipeline.analyze(text).quotes == ()


# issue: attribution classes — a possessive before the speaker, a surname alone, a
# substantivised participle, an unnamed source, a source «из …», «приводит слова X»
# (text, quoted content, speaker name or description)
THIRD_PASS = [
    # «его адвокат» is the lawyer, not the one «его» points to
    (
        "Певец Би Би Кинг скончался в Лас-Вегасе. Его адвокат сообщил, что Кинг умер во сне.",
        "Кинг умер во сне",
        "адвокат",
    ),
    (
        "Биржа работает под другим именем. Как утверждают её владельцы, биржа соблюдает закон.",
        "биржа соблюдает закон",
        "владельцы",
    ),
    # a surname as the entity is named is nominative, whatever pymorphy guesses
    (
        "Актер Кевин Спейси снялся в фильме. Спейси 30 октября объявил, что уходит из кино.",
        "уходит из кино",
        "Кевин Спейси",
    ),
    # a participle standing for a person heads the phrase; «самого» is left out
    (
        "По словам самого обвиняемого, его арест является провокацией.",
        "его арест является провокацией",
        "обвиняемый",
    ),
    ("По словам пострадавших, пожар начался ночью.", "пожар начался ночью", "пострадавшие"),
    # an unnamed source is described without «неназванный»
    (
        "Неназванный источник в правительстве сообщил, что отставки не будет.",
        "отставки не будет",
        "источник в правительстве",
    ),
    # «сообщили из прокуратуры»: the place the report comes from
    (
        "Как сообщили из федеральной прокуратуры, подозреваемых задержали в Нью-Йорке.",
        "подозреваемых задержали в Нью-Йорке",
        "федеральная прокуратура",
    ),
    # a phrase in the genitive ends before a person named in the nominative
    (
        "По словам врачей Ричард Бах находился в тяжёлом состоянии.",
        "Ричард Бах находился в тяжёлом состоянии",
        "врачи",
    ),
    # an adjective that can only be nominative starts the subject: «СМИ» is no genitive
    (
        "В связи с расследованием местные СМИ в среду сообщили, что матчи проверят.",
        "матчи проверят",
        "местные СМИ",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), THIRD_PASS)
def test_quotes_third_pass_speakers(pipeline, text, content, speaker):
    doc = pipeline.analyze(text)
    q = quote_with(doc, content)
    assert q is not None, found(doc)
    assert (q.speaker_name, q.kind, q.source) == (speaker, "indirect", False)


def test_quotes_pronoun_prefers_the_subject_to_people_in_an_oblique_case(pipeline):
    text = (
        "Правозащитник Михаил Федотов выступил в Москве. На вопрос, коснется ли амнистия "
        'Ходорковского и Лебедева, он ответил: "Думаю, что да".'
    )
    assert found(pipeline.analyze(text)) == [("Думаю, что да", "Михаил Федотов", "direct")]


def test_quotes_an_adverb_of_place_before_a_pronoun_is_not_the_subject(pipeline):
    """Class: «там» stands for an organisation only as the subject itself («Там считают,
    что …»); before «он» or a name it is an adverb, and «он» is the subject."""
    text = "Путин прибыл в Сочи. Там он заявил, что переговоры прошли успешно."
    assert found(pipeline.analyze(text)) == [("переговоры прошли успешно", "Путин", "indirect")]


#: A quote and who said it, one row per error class of speakers.
SPEAKERS = [
    pytest.param(
        'Президент Дмитрий Медведев выступил. "Возможно больше", - не исключил помощник Медведева.',
        "Возможно больше",
        "помощник Медведева",
        id="person_in_the_genitive_after_a_title_is_not_the_speaker",
    ),
    pytest.param(
        "Иран владеет полным циклом. «Обогащение урана должно происходить в Иране», — "
        "приводит слова официальных лиц Ирана агентство Рейтер.",
        "Обогащение урана должно происходить в Иране",
        "официальные лица Ирана",
        id="words_cited_are_of_whom_slova_names",
    ),
    pytest.param(
        "На этой неделе ряд СМИ опубликовали информацию, что кабинет отправят в отставку.",
        "кабинет отправят в отставку",
        "ряд СМИ",
        id="utterance_noun_as_an_object_is_said_by_the_verbs_subject",
    ),
    pytest.param(
        "Заморозки ожидаются в пятницу, сообщил начальник отдела анализа Росгидромета "
        "Петр Сидоров. Представитель Росгидромета сказал, что снег растает к понедельнику.",
        "снег растает к понедельнику",
        "Петр Сидоров",
        id="member_of_an_organisation_is_its_person_named_before",
    ),
    pytest.param(
        "Аналитики считают, что рынок падает. Как заявил старший аналитик банка Иван "
        "Кузнецов, спрос восстановится. Аналитик добавил, что цены вырастут к лету.",
        "цены вырастут к лету",
        "Иван Кузнецов",
        id="a_singular_description_is_not_an_earlier_plural_one",
    ),
    pytest.param(
        "Лидер партии Иван Петров выступил с речью. Министр иностранных дел Анна Соколова "
        "поддержала его. «Мы ищем выход из тупика», — сказала глава местной дипломатии "
        "в Париже.",
        "Мы ищем выход из тупика",
        "Анна Соколова",
        id="title_holder_agrees_with_the_verb_gender",
    ),
    pytest.param(
        "Как сообщил журналистам министр финансов края Олег Власов, Петр Кузнецов "
        "подозревается в растрате. По его словам, обвинение бывшему директору еще не "
        "предъявлено.",
        "обвинение бывшему директору еще не предъявлено",
        "Олег Власов",
        id="pronoun_prefers_the_speaker_to_a_person_he_spoke_of",
    ),
    pytest.param(
        "Посольство передало запрос в суд. Об этом РИА «Новости» сообщил "
        "пресс-секретарь посольства Иван Лебедев.",
        "Посольство передало запрос в суд",
        "Иван Лебедев",
        id="about_this_past_an_addressee_name",
    ),
    pytest.param(
        "Иван Петров считает, что май будет трудным, и ситуация улучшится только осенью.",
        "май будет трудным, и ситуация улучшится только осенью",
        "Иван Петров",
        id="reported_clause_goes_on_past_and_with_a_new_subject",
    ),
    pytest.param(
        "Доклад опубликовал Росстат. Независимые экономисты призвали власти снизить "
        "налоги. Они считают, что спрос растет слишком медленно.",
        "спрос растет слишком медленно",
        "независимые экономисты",
        id="they_opening_a_sentence_is_the_group_named_before",
    ),
    pytest.param(
        "Министр Иван Петров поспешил заявить, что налоги не вырастут.",
        "налоги не вырастут",
        "Иван Петров",
        id="reporting_infinitive_after_a_finite_verb",
    ),
    pytest.param(
        "«Этой рукой я приветствовал многих лидеров», — в своей обычной манере заявил "
        "Иван Петров журналистам.",
        "Этой рукой я приветствовал многих лидеров",
        "Иван Петров",
        id="verb_after_a_longer_adverbial_phrase",
    ),
    pytest.param(
        "Мальчик Петр Иванов нашелся в понедельник. "
        "Представитель полиции отметил, что это не первый его побег.",
        "это не первый его побег",
        "представитель полиции",
        id="member_of_an_unnamed_body_is_not_the_person_named_before",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), SPEAKERS)
def test_quotes_speaker_classes(pipeline, text, content, speaker):
    q = quote_with(pipeline.analyze(text), content)
    assert q is not None and q.speaker_name == speaker


def test_quotes_outlet_after_reported_speech_with_its_own_cue_is_dropped(pipeline):
    text = (
        "Мотивы выясняет полиция. По словам родственников погибшего, он был трудоустроен, "
        'передает "НТА-Приволжье".'
    )
    assert found(pipeline.analyze(text)) == [
        ("он был трудоустроен", "родственники погибшего", "indirect")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # an object, not a report: «себя», an infinitive, «о …»
        "Двое других подозреваемых, находящихся в США, признали себя виновными.",
        "Однако Нода, проявив настойчивость, пообещал не сдаваться.",
        "Грузинские СМИ, в свою очередь, сообщали о зверствах военных на территории Грузии.",
        # «в частности», «на днях» are no places that speak
        "В частности, говорилось, что министр шьет костюмы у того же портного.",
        "На днях также сообщалось, что повстанцы сбили самолет.",
        # documents cited
        "Из расшифровок следует, что спасательные работы остановлены.",
        "Минфин обещал рассекретить материалы, говорится в материалах суда округа Колумбия.",
    ],
)
def test_quotes_third_pass_not_quotes(pipeline, text):
    assert pipeline.analyze(text).quotes == ()


def test_quotes_block_quote_after_a_colon_without_marks(pipeline):
    text = (
        "Медведев встретился с Булавиным.\n\nПремьер Дмитрий Медведев сказал:\n"
        "Система большая, сложная, там есть и достижения. Рассчитываю на вашу работу.\n\n"
        "Булавин промолчал."
    )
    assert found(pipeline.analyze(text)) == [
        (
            "Система большая, сложная, там есть и достижения. Рассчитываю на вашу работу.",
            "Дмитрий Медведев",
            "direct",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a blank line after the colon: the quote was left out of the text
        "Цукерберг заявил:\n\n\nКомпания вложит деньги в медицину.",
        # a verb far from its colon is no introduction of speech
        "Спартак ответил на 75-й минуте эффектным выстрелом: Эменике забил гол.",
    ],
)
def test_quotes_colon_without_a_quote_after_it(pipeline, text):
    assert all(q.kind != "direct" for q in pipeline.analyze(text).quotes)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            'Мэр Самары Иван Петров назвал закрытие рынка "грубой ошибкой чиновников".',
            "грубой ошибкой чиновников",
            "Иван Петров",
        ),
        (
            'Губернатор Олег Смирнов сравнил нового министра с "бульдозером".',
            "бульдозером",
            "Олег Смирнов",
        ),
    ],
)
def test_quotes_naming_verb_with_an_object_before_the_quote(pipeline, text, content, speaker):
    q = quote_with(pipeline.analyze(text), content)
    assert q is not None and q.speaker_name == speaker and q.kind == "direct"


def test_quotes_naming_verb_needs_an_instrumental_quote(pipeline):
    text = 'Директор назвал победителем конкурса компанию "Вектор".'
    assert quote_with(pipeline.analyze(text), "Вектор") is None


@pytest.mark.parametrize(
    "advisor",
    ["Советник президента Ивана Сидорова", "Советник аятоллы Хомейни", "Советник губернатора"],
)
def test_quotes_titles_joined_by_i_before_a_singular_verb_are_one_person(pipeline, advisor):
    text = (
        "Публицист Иван Орлов осудил власти. "
        f"{advisor} и глава городского совета по культуре Петр Смирнов заявил, "
        "что театр откроется осенью."
    )
    q = quote_with(pipeline.analyze(text), "театр откроется осенью")
    assert q is not None and q.speaker_name == "Петр Смирнов"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "В жару врачи советуют не выходить на улицу днем, пить больше воды.",
            "не выходить на улицу днем, пить больше воды",
            "врачи",
        ),
        (
            "Пожилым людям эксперты рекомендуют сократить прогулки до часа.",
            "сократить прогулки до часа",
            "эксперты",
        ),
    ],
)
def test_quotes_advice_with_an_infinitive_is_reported_speech(pipeline, text, content, speaker):
    q = quote_with(pipeline.analyze(text), content)
    assert q is not None and q.speaker_name == speaker and q.kind == "indirect"


def test_quotes_qualified_org_kind_is_not_another_org_that_spoke(pipeline):
    text = (
        "В Министерстве финансов США заявили, что проверка завершена. "
        "Вместе с тем в городской полиции подчеркнули, что дело не закрыто."
    )
    q = quote_with(pipeline.analyze(text), "дело не закрыто")
    assert q is not None and q.speaker_name != "Министерство финансов США"


def test_quotes_interlocutor_of_the_agency_is_the_source_cited_before(pipeline):
    text = (
        "Как сообщили ТАСС в министерстве финансов Чили, переговоры продлятся неделю. "
        "Собеседник агентства особо отметил, что условия сделки уже согласованы."
    )
    doc = pipeline.analyze(text)
    first = quote_with(doc, "переговоры продлятся неделю")
    q = quote_with(doc, "условия сделки уже согласованы")
    assert first is not None and q is not None
    assert q.speaker_name == first.speaker_name


def test_quotes_content_opening_with_a_person_after_a_preposition_is_no_aside(pipeline):
    text = (
        "По словам следователей, в 2015 году Ольга Смирнова, которая руководила фондом, "
        "скрыла доходы."
    )
    q = next((q for q in pipeline.analyze(text).quotes if "скрыла доходы" in q.text), None)
    assert q is not None and q.text.startswith("в 2015 году")
    assert q.speaker_name == "следователи"


@pytest.mark.parametrize(
    "text",
    [
        "Стоит отметить, что цены выросли на 5%.",
        "Хочу сказать, что погода была хорошей.",
        "Следует подчеркнуть, что выборы пройдут в срок.",
        # after a thing, or a modal verb
        "Короткий ролик позволяет предположить, что фильм будет мрачным.",
        "Рабочие никак не могли предположить, что дворец станет детским лагерем.",
    ],
)
def test_quotes_reporting_infinitive_without_a_speaker_is_no_quote(pipeline, text):
    assert pipeline.analyze(text).quotes == ()


def test_quotes_outlet_relaying_a_quote_that_names_its_speaker(pipeline):
    text = (
        "Число аварий выросло на треть, сообщает «Интерфакс». «ЮНИСЕФ считает, что "
        "главной причиной аварий остается усталость водителей», — отмечается в сообщении."
    )
    q = next((q for q in pipeline.analyze(text).quotes if "усталость водителей" in q.text), None)
    assert q is not None and q.speaker_name == "ЮНИСЕФ"
