import pytest


def entities(pipeline, text):
    return {e.name: [m.text for m in e.mentions] for e in pipeline.analyze(text).entities}


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        (
            "Сергей Лавров прибыл в Анкару. Лавров провел переговоры.",
            "Сергей Лавров",
            ["Сергей Лавров", "Лавров"],
        ),
        (
            "Мария Захарова выступила с брифингом. По словам Захаровой, визит состоится.",
            "Мария Захарова",
            ["Мария Захарова", "Захаровой"],
        ),
        (
            "Республика Казахстан и Россия подписали договор. Казахстан выполнит его.",
            "Казахстан",
            ["Республика Казахстан", "Казахстан"],
        ),
        (
            "Российская Федерация ответит. Россия готова к переговорам.",
            "Россия",
            ["Российская Федерация", "Россия"],
        ),
    ],
)
def test_coref_joins_short_forms(pipeline, text, name, mentions):
    assert entities(pipeline, text)[name] == mentions


def test_coref_keeps_two_namesakes_apart_by_nearest(pipeline):
    text = (
        "Александр Иванов открыл форум. Иванов выступил первым. "
        "Позже Сергей Иванов приехал. Иванов улетел вечером."
    )
    found = entities(pipeline, text)
    assert found["Александр Иванов"] == ["Александр Иванов", "Иванов"]
    assert found["Сергей Иванов"] == ["Сергей Иванов", "Иванов"]
