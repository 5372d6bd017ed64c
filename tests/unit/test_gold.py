"""The guide's scorer on small hand-made documents (no models, no shared data)."""

import hashlib
import json

import pytest

from svodka.doc import Amount, DateMention, Document, Entity, Mention, Place, Quote, Role
from svodka.errors import InputError
from svodka.eval.gold import GoldScore, km, load_article, norm, score_article, stems
from svodka.schema import to_dict

GOLD = {
    "doc": "data/rucoco-news/a.json",
    "entities": [
        {
            "type": "PER",
            "name": "Касым-Жомарт Токаев",
            "mentions": ["Токаев", "Касым-Жомарт Токаев"],
        },
        {"type": "LOC", "name": "Казахстан", "mentions": ["Казахстана"]},
        {"type": "ORG", "name": "Сбербанк", "mentions": ["Сбербанка"], "optional": True},
    ],
    "roles": [{"person": "Касым-Жомарт Токаев", "title": "президент", "of": "Казахстан"}],
    "quotes": [
        {
            "speaker": "Касым-Жомарт Токаев",
            "kind": "direct",
            "begins": "Нас объединяют",
            "ends": "общие границы",
        }
    ],
    "amounts": [{"text": "$24 миллиардов", "value": 24000000000, "unit": "USD"}],
    "dates": [{"text": "в прошлом году", "value": "2021"}],
    "places": [{"name": "Казахстан", "country": "KZ", "lat": 48.0, "lon": 67.0}],
}


PRESIDENT = Role("президент", "e1", "Казахстан")


def document(roles=(PRESIDENT,), extra=(), **layers) -> Document:
    kz = Entity(
        "e1", "LOC", "Казахстан", (Mention(0, 10, "Казахстана"),), place=layers.pop("place", None)
    )
    tokayev = Entity("e2", "PER", "Касым-Жомарт Токаев", (Mention(11, 17, "Токаев"),), roles=roles)
    return Document(id="d", text="", entities=(kz, tokayev, *extra), **layers)


def scored(doc: Document, gold: dict = GOLD) -> dict:
    score = GoldScore()
    score_article(gold, to_dict(doc), score)
    return score


def test_entities_coreference_and_roles():
    score = scored(document())
    entities = score.layers["entities"]
    assert (entities.tp, entities.predicted, entities.gold) == (2, 2, 2)
    coref = score.layers["coref"]
    assert (coref.tp, coref.gold) == (2, 3)  # «Касым-Жомарт Токаев» is not among its mentions
    assert score.figures()["coref"] == pytest.approx(2 / 3)
    assert score.figures()["roles"] == 1.0


def test_optional_entities_are_neither_right_nor_wrong_and_mistyped_ones_are_wrong():
    bank = Entity("e3", "ORG", "Сбербанк", (Mention(20, 29, "Сбербанка"),))
    mistyped = Entity("e4", "ORG", "Казахстан", (Mention(30, 40, "Казахстан"),))
    assert scored(document(extra=(bank,))).layers["entities"].predicted == 2
    assert scored(document(extra=(mistyped,))).layers["entities"].predicted == 3


@pytest.mark.parametrize(
    ("role", "found"),
    [
        (Role("президент", "e1", "Казахстан"), True),
        (Role("президент республики", None, "Казахстан"), True),
        (Role("президент", None, None), False),
        (Role("премьер-министр", "e1", "Казахстан"), False),
    ],
)
def test_roles_match_by_title_head_and_organisation(role, found):
    assert scored(document(roles=(role,))).layers["roles"].tp == int(found)


def test_missing_layers_score_zero_recall():
    figures = scored(document()).figures()
    for name in ("quotes", "amounts", "dates"):
        assert figures[name] == 0.0


def test_quotes_match_by_first_and_last_words_and_speaker_by_surname():
    text = "Нас объединяют общие границы – самые протяженные"
    by_name = Quote(0, len(text), text, "direct", speaker_name="Токаев")
    score = scored(document(quotes=(by_name,)))
    assert score.layers["quotes"].tp == 1
    assert score.layers["quotes_attributed"].tp == 1
    wrong = Quote(0, len(text), text, "direct", speaker_name="Интерфакс")
    assert scored(document(quotes=(wrong,))).layers["quotes_attributed"].tp == 0
    cut = Quote(0, 14, "Нас объединяют", "direct", speaker="e2")
    assert scored(document(quotes=(cut,))).layers["quotes"].tp == 0


def test_outlet_reports_alone_are_neither_rewarded_nor_punished():
    """GUIDE: «как сообщает ТАСС, …» is narration; a made-up quote still counts against."""
    report = Quote(0, 20, "в Сочи прошли переговоры", "indirect", speaker_name="ТАСС", source=True)
    invented = Quote(30, 50, "совсем другие слова здесь", "indirect", speaker_name="эксперты")
    assert scored(document(quotes=(report,))).layers["quotes"].predicted == 0
    assert scored(document(quotes=(report, invented))).layers["quotes"].predicted == 1


def test_amounts_by_value_and_currency_and_dates_by_value_and_text():
    score = scored(
        document(
            amounts=(Amount(0, 1, "$", 24e9, "USD"), Amount(0, 1, "5", 5)),
            dates=(DateMention(0, 1, "в прошлом году", "2021", True, "year"),),
        )
    )
    amounts = score.layers["amounts"]
    assert (amounts.tp, amounts.predicted) == (1, 2)
    assert score.figures()["dates"] == 1.0
    roubles = scored(document(amounts=(Amount(0, 1, "", 24e9, "RUB"),)))
    assert roubles.layers["amounts"].tp == 0


def test_a_range_matches_by_its_midpoint():
    gold = {**GOLD, "amounts": [{"text": "20-30 тыс.", "value": 25000, "unit": "RUB"}]}
    amount = Amount(0, 1, "", 20000, "RUB", range=(20000.0, 30000.0))
    assert scored(document(amounts=(amount,)), gold).layers["amounts"].tp == 1


def place_at(country: str, lat: float, lon: float) -> Place:
    return Place(None, "", "country", country, None, lat, lon, None)


@pytest.mark.parametrize(
    ("place", "right"),
    [
        (place_at("KZ", 48.1, 67.1), 1),
        (place_at("KZ", 43.2, 76.9), 0),
        (place_at("RU", 48.0, 67.0), 0),
        (None, 0),
    ],
)
def test_places_by_country_and_distance(place, right):
    assert scored(document(place=place)).layers["places"].tp == right


def test_misses_are_listed_when_asked():
    score = GoldScore(misses=[])
    score_article(GOLD, to_dict(document()), score, "a")
    assert any(m.startswith("a: missed quote") for m in score.misses)


@pytest.mark.parametrize(
    ("a", "b"),
    [("«Алматинский автоцентр «КамАЗ»»", '"алматинский автоцентр "камаз""'), ("Ёлкин.", "елкин")],
)
def test_names_compare_loosely(a, b):
    assert norm(a) == norm(b)


def test_stems_are_the_first_five_letters_of_longer_words():
    assert stems("председатель бюджетного комитета и др") == ["предс", "бюдже", "комит"]


def test_distance_moscow_petersburg():
    assert 620 < km(55.756, 37.617, 59.939, 30.316) < 650


def test_gold_text_is_checked_by_hash(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"text": "Текст статьи."}), encoding="utf-8")
    digest = hashlib.sha256("Текст статьи.".encode()).hexdigest()
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps({"doc": "a.json", "sha256": digest, "published": "2020-01-02"}))
    article = load_article(gold, tmp_path)
    assert (article.text, str(article.published)) == ("Текст статьи.", "2020-01-02")
    gold.write_text(json.dumps({"doc": "a.json", "sha256": "0" * 64}))
    with pytest.raises(InputError, match="changed"):
        load_article(gold, tmp_path)
    gold.write_text(json.dumps({"doc": "missing.json"}))
    with pytest.raises(InputError, match="not found"):
        load_article(gold, tmp_path)


def test_a_text_file_is_read_as_is(tmp_path):
    (tmp_path / "a.txt").write_text("Заголовок\nТекст.", encoding="utf-8")
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps({"doc": "a.txt"}))
    assert load_article(gold, tmp_path).text == "Заголовок\nТекст."
