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
            [("глава", "МИД", False)],
        ),
        (
            "На встрече был Андрей Ковганов, директор компании «Алматинский автоцентр «КамАЗ».",
            "Андрей Ковганов",
            [("директор", "Алматинский автоцентр «КамАЗ»", False)],
        ),
        (
            "Интервью дал бывший министр финансов Алексей Кудрин.",
            "Алексей Кудрин",
            [("министр", None, True)],
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
