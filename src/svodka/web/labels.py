"""Every word the web UI shows, in one place: key → Russian text.

Templates read them as ``t["key"]``; Python code (the highlighter, the charts) through
``LABELS``. An English UI is another dict with the same keys.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    "lang": "ru",
    "app.name": "Сводка",
    "app.tagline": "новости на русском — люди, организации, места, цитаты",
    "nav.home": "Главная",
    "nav.search": "Поиск",
    "nav.map": "Карта",
    "nav.analyze": "Анализ текста",
    "nav.api": "API",
    # home
    "home.recent": "Последние статьи",
    "home.people": "Чаще всего упоминаются: люди",
    "home.orgs": "Организации",
    "home.places": "Места",
    "home.window": "За {days} дней до {day}: статей {n}",
    "home.all_time": "За всё время: статей {n}",
    "home.empty": "В хранилище пока нет статей. Загрузите их командой «svodka ingest».",
    # search
    "search.title": "Поиск",
    "search.query": "Слова",
    "search.placeholder": "например: Токаев газ",
    "search.submit": "Найти",
    "search.entity": "Сущность",
    "search.type": "Тип",
    "search.any_type": "любой",
    "search.from": "С",
    "search.to": "По",
    "search.source": "Источник",
    "search.found": "Найдено статей: {n}",
    "search.none": "Ничего не найдено.",
    "search.bad_date": "Дата «{value}» не похожа на ДД.ММ.ГГГГ и не учтена.",
    "date.placeholder": "дд.мм.гггг",
    "date.hint": "Дата в виде ДД.ММ.ГГГГ, например 19.08.2022",
    "search.on_map": "Места из найденных статей на карте",
    # article
    "doc.source": "Источник",
    "doc.published": "Опубликовано",
    "doc.original": "Открыть оригинал",
    "doc.duplicate": "Почти копия статьи",
    "doc.analysis": "Разбор",
    "doc.people": "Люди",
    "doc.orgs": "Организации",
    "doc.places": "Места",
    "doc.quotes": "Цитаты",
    "doc.amounts": "Числа и суммы",
    "doc.dates": "Даты",
    "doc.none": "нет",
    "doc.legend": "Обозначения",
    "doc.mentions": "упоминаний: {n}",
    "doc.untitled": "Без заголовка",
    # analyze
    "analyze.title": "Анализ текста",
    "analyze.intro": "Вставьте текст новости: он будет разобран, но не сохранён.",
    "analyze.text": "Текст",
    "analyze.date": "Дата публикации (для относительных дат, необязательно)",
    "analyze.submit": "Разобрать",
    "analyze.empty": "Вставьте текст.",
    "analyze.refused": "Текст не принят: {reason}.",
    "analyze.too_long": "Текст слишком длинный: {n} символов, допустимо до {max}.",
    "analyze.failed": "Не удалось разобрать текст: ошибка анализа.",
    "analyze.result": "Результат разбора",
    # entity
    "entity.documents": "Статей",
    "entity.mentions": "Упоминаний",
    "entity.first_seen": "Впервые",
    "entity.last_seen": "Последний раз",
    "entity.aliases": "Другие имена",
    "entity.timeline": "Упоминания по месяцам",
    "entity.timeline_years": "Упоминания по годам",
    "entity.graph": "Вместе упоминаются",
    "entity.graph_hint": "Узлы можно перетаскивать; щелчок открывает страницу.",
    "entity.roles": "Должности",
    "entity.choose": "«{query}»: несколько сущностей",
    "entity.choose_hint": "Так называются несколько сущностей; выберите одну.",
    "entity.past": "бывш.",
    "entity.quotes": "Цитаты",
    "entity.articles": "Статьи",
    "entity.place": "На карте",
    "entity.country": "Страна",
    "entity.none": "нет данных",
    # map
    "map.title": "Карта упоминаний",
    "map.intro": "Круг — место, его размер — число статей, где оно упоминается.",
    "map.for_query": "Места в статьях по запросу «{q}»",
    "map.none": "Нет мест с координатами.",
    "map.places": "Места",
    # types and marks
    "type.PER": "персона",
    "type.ORG": "организация",
    "type.LOC": "место",
    "mark.quote": "цитата",
    "mark.amount": "число",
    "mark.date": "дата",
    "mark.speaker": "говорит",
    "quote.direct": "прямая речь",
    "quote.indirect": "косвенная речь",
    "quote.unknown": "автор неизвестен",
    # errors
    "error.title": "Ошибка",
    "error.404": "Страница не найдена",
    "error.no_document": "Статьи с номером «{id}» нет в хранилище.",
    "error.no_entity": "Сущности «{key}» нет в хранилище.",
    "error.back": "На главную",
    "footer.attribution": "Границы стран: Natural Earth (общественное достояние).",
}


def label(name: str, **values: object) -> str:
    """The label ``name`` with ``{placeholders}`` filled: ``label("search.found", n=3)``."""
    return LABELS[name].format(**values) if values else LABELS[name]
