"""Speaker and content classes of the quotes stage found on news articles: long titles
with a bracketed acronym, «Об этом, как передает X, заявил Y», an utterance's author,
substantivised adjectives, times that are no place, quoted names after a preposition."""

import pytest


def quote_with(doc, content):
    return next((q for q in doc.quotes if q.text == content), None)


def found(doc):
    return [(q.text, q.speaker_name, q.kind) for q in doc.quotes]


SPEAKERS = [
    pytest.param(
        "«Испытания идут полным ходом», — заявил заместитель командующего войсками "
        "Воздушно-космической обороны (ВКО) генерал-майор Кирилл Макаров.",
        "Испытания идут полным ходом",
        "Кирилл Макаров",
        id="person_after_a_title_with_a_bracketed_acronym",
    ),
    pytest.param(
        "Китай строит платформу в море. Об этом, как передает «Интерфакс», заявил на "
        "пресс-конференции министр иностранных дел Японии Сергей Иванов.",
        "Китай строит платформу в море",
        "Сергей Иванов",
        id="about_this_past_an_outlet_aside",
    ),
    pytest.param(
        "Актер умер на 87 году жизни, сообщила газета Le Figaro со ссылкой на заявление "
        "его зятя Фредерика Сала-Бару.",
        "Актер умер на 87 году жизни",
        "Фредерик Сала-Бару",
        id="statement_cited_is_its_authors",
    ),
    pytest.param(
        "Как сообщил «Интерфаксу» утром в воскресенье оперативный дежурный районного "
        "отдела полиции, злоумышленники подожгли катер.",
        "злоумышленники подожгли катер",
        "оперативный дежурный районного отдела полиции",
        id="substantivised_adjective_after_a_time",
    ),
    pytest.param(
        "По словам помощника Медведева Сергея Приходько, визит состоится в мае.",
        "визит состоится в мае",
        "Сергей Приходько",
        id="person_in_apposition_after_a_genitive_one",
    ),
    pytest.param(
        "Как сообщил «Интерфаксу» префект Северо-Западного административного округа Виктор "
        "Козлов, рабочие использовали пилу. Десять рабочих задержаны. Префект отметил, что "
        "причины пожара установит комиссия.",
        "причины пожара установит комиссия",
        "Виктор Козлов",
        id="profession_title_alone_is_its_holder_named_before",
    ),
    pytest.param(
        "Суд снизил срок наказания Игорю Арсентьеву. Адвокат Арсентьева заявила, что "
        "приговор меняют редко. «Но снижение срока нас радует», — заключила она.",
        "Но снижение срока нас радует",
        "адвокат Арсентьева",
        id="she_points_back_to_a_description_her_verb_made_feminine",
    ),
    pytest.param(
        "Пресс-секретарь посольства РФ Юрий Мельник сообщил о запросе. Задержку дипломаты "
        "не комментируют. «Настроены на совместную работу», — заявили ТАСС в посольстве.",
        "Настроены на совместную работу",
        "посольство РФ",
        id="bare_noun_is_the_one_named_before_with_its_country",
    ),
    pytest.param(
        "Как сообщил заместитель начальника ГУВД области Геннадий Дейнеко, звонки "
        "продолжаются. Накануне заместитель министра внутренних дел статс-секретарь "
        "Владимир Васильев сообщил, что расследование идет. Заместитель министра заверил, "
        "что ответ будет дан.",
        "ответ будет дан",
        "Владимир Васильев",
        id="second_title_word_must_fit_the_holder",
    ),
    pytest.param(
        "Госдепартамент США назвал позицию России по размещению элементов системы ПРО в "
        "Европе «неожиданной, особенно в свете новых отношений».",
        "неожиданной, особенно в свете новых отношений",
        "Госдепартамент США",
        id="naming_verb_past_a_long_object",
    ),
    pytest.param(
        "«Ущерб бюджету составил 56 миллионов рублей», — говорится в распространенном "
        "вчера пресс-релизе ведомства.",
        "Ущерб бюджету составил 56 миллионов рублей",
        "распространённый вчера пресс-релиз ведомства",
        id="participle_with_an_adverb_before_its_noun",
    ),
    pytest.param(
        "По словам задержанного вчера, он ни в чем не виноват.",
        "он ни в чем не виноват",
        "задержанный",
        id="substantivised_participle_with_an_adverb",
    ),
    pytest.param(
        "Владелец готов продать здание за 290 млн долларов, говорится в письме Анны Левицкой.",
        "Владелец готов продать здание за 290 млн долларов",
        "Анна Левицкая",
        id="letter_of_a_person_is_her_words",
    ),
    pytest.param(
        "Напомним, в сентябре прошлого года МВД заявило: часть бумаг уничтожена в связи "
        "с истечением срока давности.",
        "часть бумаг уничтожена в связи с истечением срока давности",
        "МВД",
        id="lowercase_clause_after_a_colon_and_a_name_after_a_time",
    ),
    pytest.param(
        "В отношениях взрослых дети не виноваты, убеждены оба родителя.",
        "В отношениях взрослых дети не виноваты",
        "оба родителя",
        id="both_heads_a_plural_subject",
    ),
    pytest.param(
        "Оно дает доводы в пользу теорий психологов, таких как Стивен Пинкер из Гарварда, "
        "который настаивает, что поведение человека определяется генами.",
        "поведение человека определяется генами",
        "Стивен Пинкер",
        id="relative_pronoun_is_the_subject_of_its_clause",
    ),
    pytest.param(
        "Знатоки истории саммитов, который проводится уже в пятый раз, вспомнили, что "
        "президенты уже встречались.",
        "президенты уже встречались",
        "знатоки истории саммитов",
        id="closed_relative_clause_is_no_subject",
    ),
    pytest.param(
        "Позднее канадец заявил, что ему понравилась Россия.",
        "ему понравилась Россия",
        "канадец",
        id="adjective_not_agreeing_is_no_attribute",
    ),
    pytest.param(
        "Падение на фондовом рынке, который Сорос назвал «медвежьим рынком Буша», продолжится.",
        "медвежьим рынком Буша",
        "Сорос",
        id="relative_pronoun_as_object_is_no_subject",
    ),
    pytest.param(
        "«Мы направили беспрецедентные средства - около 5 трлн рублей - банкам», - "
        "напомнил Владимир Путин, добавив, что «необходимо жестко контролировать их».",
        "необходимо жестко контролировать их",
        "Владимир Путин",
        id="gerund_after_an_inverted_attribution",
    ),
    pytest.param(
        "«Встреча намечена на 6 апреля», - заявил тренер Иван Петров в интервью ВВС.",
        "Встреча намечена на 6 апреля",
        "Иван Петров",
        id="interview_is_no_place_that_speaks",
    ),
    pytest.param(
        "Леннокс Льюис ждет боя с Майком Тайсоном, заявил тренер Льюиса Эммануэль Стюард. "
        "«Встреча намечена на 6 апреля», - заявил Стюард в интервью ВВС.",
        "Встреча намечена на 6 апреля",
        "Эммануэль Стюард",
        id="person_right_after_the_verb_whatever_the_gender_guess",
    ),
    pytest.param(
        "Против фотографа готовятся возбудить дело, сообщил источник РИА «Новости».",
        "Против фотографа готовятся возбудить дело",
        "источник РИА Новости",
        id="name_in_a_description_takes_its_canonical_form",
    ),
    pytest.param(
        "Россия усилила боевую мощь. Сейчас она оснащена современным вооружением на 60%, "
        "заявил в среду на заседании коллегии Минобороны глава ведомства Сергей Шойгу.",
        "Сейчас она оснащена современным вооружением на 60%",
        "Сергей Шойгу",
        id="genitive_after_a_governed_noun_is_no_object",
    ),
    pytest.param(
        "В ходе заседания следователь и прокурор заявляли, что родители подростка самоустранились.",
        "родители подростка самоустранились",
        "следователь и прокурор",
        id="two_singular_subjects_of_a_plural_verb",
    ),
    pytest.param(
        "Инициатива получила негативную рецензию со стороны Минпромторга, где уверены, что "
        "предприятия нуждаются в защите.",
        "предприятия нуждаются в защите",
        "Минпромторг",
        id="where_points_back_to_the_organisation",
    ),
    pytest.param(
        "Председатель правления Газпрома Александр Куприянов ответил ему. «Контракт "
        "рыночный», - заявил в ответ Куприянов.",
        "Контракт рыночный",
        "Александр Куприянов",
        id="person_after_a_short_phrase_after_the_verb",
    ),
    pytest.param(
        "При этом, как сообщили в «М.Видео», спрос постепенно растет.",
        "спрос постепенно растет",
        "М.Видео",
        id="quoted_name_after_v_speaks",
    ),
    pytest.param(
        "По подсчетам «Ренессанс Капитала», потребление обеспечило рост ВВП.",
        "потребление обеспечило рост ВВП",
        "Ренессанс Капитала",
        id="content_starts_after_the_quoted_name_closes",
    ),
]


CONTENT = [
    # a verb in the past after a reporting verb in the present is another subject's
    (
        "Обозреватель Иван Петров отмечает, что этот бой был очень сложен для судейства, "
        "и все решил последний раунд.",
        "этот бой был очень сложен для судейства, и все решил последний раунд",
    ),
    # «По данным X по Y (Z), …»: the content begins after the comma closing the phrase
    (
        "По мнению Объединенной программы ООН по ВИЧ/СПИДу (UNAIDS), эпидемия замедлилась.",
        "эпидемия замедлилась",
    ),
    # without a comma the words after the speaker are the content
    (
        "По мнению Ивана Петрова реальные поступления по налогу на прибыль вырастут.",
        "реальные поступления по налогу на прибыль вырастут",
    ),
    # a title in apposition to the speaker is no content
    (
        "Как заявил Игорь Крутой, главный организатор и сопредседатель жюри конкурса, "
        "конкурс станет праздником.",
        "конкурс станет праздником",
    ),
    # a title with a predicate of its own is
    (
        "Как сообщил Иван Петров, директор уволен, а завод закрыт.",
        "директор уволен, а завод закрыт",
    ),
    # a relative clause reporting speech closes before its main verb
    ("Инвестор, который заявил, что рынок упадет, оказался прав.", "рынок упадет"),
    # a parenthetical between the verb and its «, что»
    (
        "Адвокат Иван Петров утверждал, в частности, что судья допустила к заседанию "
        "представителя прокуратуры.",
        "судья допустила к заседанию представителя прокуратуры",
    ),
    # the reporting subject going on with a verb of its own tense ends the clause
    ("Министр Иван Петров заявил, что цены вырастут, и покинул зал.", "цены вырастут"),
]


@pytest.mark.parametrize(("text", "content"), CONTENT)
def test_quotes_reported_clause_ends(pipeline, text, content):
    assert [q.text for q in pipeline.analyze(text).quotes] == [content]


@pytest.mark.parametrize(("text", "content", "speaker"), SPEAKERS)
def test_quotes_speaker_and_content(pipeline, text, content, speaker):
    q = quote_with(pipeline.analyze(text), content)
    assert q is not None, found(pipeline.analyze(text))
    assert q.speaker_name == speaker


def test_quotes_about_this_aside_is_no_quote_of_its_own(pipeline):
    """«Об этом, как передает «Интерфакс», заявил X»: «Об этом, как передает …» is the
    attribution, never a quote."""
    doc = pipeline.analyze(
        "Китай строит платформу в море. Об этом, как передает «Интерфакс», заявил "
        "министр Сергей Иванов."
    )
    assert all(not q.text.startswith("Об этом") for q in doc.quotes)


def test_quotes_utterance_about_someone_is_not_theirs(pipeline):
    """«со ссылкой на сообщение о визите Путина»: the visit is Putin's, not the report."""
    doc = pipeline.analyze(
        "Пожар потушен, сообщила газета со ссылкой на сообщение о визите Владимира Путина."
    )
    assert all(q.speaker_name != "Владимир Путин" for q in doc.quotes)


def test_quotes_participle_with_a_dependent_is_no_speaker(pipeline):
    """«говорилось в распространенном в 2010 году пресс-релизе»: the press release of
    the body cited before speaks, not «распространенный»."""
    doc = pipeline.analyze(
        "По данным МВД, ректор сдавала помещения в аренду. «Ущерб составил свыше 56 "
        "миллионов рублей», — говорилось в распространенном в 2010 году пресс-релизе."
    )
    q = quote_with(doc, "Ущерб составил свыше 56 миллионов рублей")
    assert q is not None and q.speaker_name == "МВД"


def test_quotes_letter_of_nobody_is_a_document(pipeline):
    """«…, говорится в письме»: a document cited, not a quote (GUIDE)."""
    doc = pipeline.analyze("Взрывные устройства заложены по всей сети, говорится в письме.")
    assert doc.quotes == ()


def test_quotes_colon_after_an_object_is_no_report(pipeline):
    """«напоминает человека: у него есть …» resembles, it does not remind anyone."""
    doc = pipeline.analyze(
        "Робот по своему строению напоминает человека: у него есть туловище, голова и руки."
    )
    assert doc.quotes == ()


def test_quotes_draft_order_is_a_document(pipeline):
    """«следует из проекта приказа»: a document cited, not a quote (GUIDE)."""
    doc = pipeline.analyze(
        "МВД разработало порядок доставления граждан, следует из проекта приказа, "
        "опубликованного на портале."
    )
    assert doc.quotes == ()


def test_quotes_person_after_a_long_title_is_named(pipeline):
    """«Директор центра имени Линдона Джонсона Майкл Коутс заявил»: the speaker ends
    with the person's name, tagged by the NER or not."""
    doc = pipeline.analyze(
        "Директор космического центра имени Линдона Джонсона Майкл Коутс заявил: "
        "«Такие устройства значительно расширят наши возможности»."
    )
    (q,) = doc.quotes
    assert q.speaker_name.endswith("Майкл Коутс")


def test_quotes_profession_given_by_the_text_finds_its_holder(pipeline):
    """«Философ Иван Петров выступил … — пишет философ»: the text gives him the title."""
    doc = pipeline.analyze(
        "Философ Иван Петров выступил на конференции. «Сочувствовать диктатору - желать "
        "смерти», - пишет философ на своей странице."
    )
    q = quote_with(doc, "Сочувствовать диктатору - желать смерти")
    assert q is not None and q.speaker_name == "Иван Петров"


def test_quotes_word_cited_and_verb_with_an_object_are_no_quotes(pipeline):
    """«писал маркером слово "Hello"»: a word written, not said; «писал» has an object,
    so it attributes nothing before its comma."""
    doc = pipeline.analyze(
        "На Земле робот прошел испытания: тягал гири, писал маркером слово «Hello», "
        "доставал конверт из емкости."
    )
    assert doc.quotes == ()
