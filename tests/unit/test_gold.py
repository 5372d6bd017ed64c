"""The gold-set scorer on small hand-made documents (no models, no shared data)."""

import hashlib
import json

import pytest

from svodka.doc import Amount, DateMention, Document, Entity, Mention, Place, Quote, Role
from svodka.errors import InputError
from svodka.eval.gold import GoldScore, km, load_article, norm, score_article

GOLD = {
    "entities": [
        {
            "type": "PER",
            "name": "Касым-Жомарт Токаев",
            "mentions": ["Токаев", "Касым-Жомарт Токаев"],
            "roles": [{"title": "президент", "of": "Казахстан"}],
        },
        {
            "type": "LOC",
            "name": "Казахстан",
            "mentions": ["Казахстана"],
            "place": {"country": "KZ", "lat": 48.0, "lon": 67.0},
        },
    ],
    "quotes": [
        {"kind": "direct", "text": "Нас объединяют общие границы", "speaker": "Касым-Жомарт Токаев"}
    ],
    "amounts": [{"text": "$24 миллиардов", "value": 24000000000, "unit": "USD"}],
    "dates": [{"text": "в прошлом году", "value": "2021"}],
}


def document(**layers):
    kz = Entity(
        "e1", "LOC", "Казахстан", (Mention(0, 10, "Казахстана"),), place=layers.pop("place", None)
    )
    tokayev = Entity(
        "e2",
        "PER",
        "Касым-Жомарт Токаев",
        (Mention(11, 17, "Токаев"),),
        roles=(Role("президент", "e1", "Казахстан"),),
    )
    return Document(id="d", text="", entities=(kz, tokayev), **layers)


def scored(doc):
    score = GoldScore()
    score_article(GOLD, doc, score)
    return score.layers


def test_gold_entities_roles_and_coreference():
    layers = scored(document())
    assert (layers["entities"].tp, layers["entities"].gold) == (2, 2)
    assert layers["roles"].f1 == 1.0
    coref = layers["coreference"]
    assert (coref.tp, coref.predicted, coref.gold) == (2, 2, 3)


def test_gold_missing_layers_score_zero_recall():
    layers = scored(document())
    for name in ("quotes", "amounts", "dates"):
        assert layers[name].recall == 0.0
        assert layers[name].gold == 1


def test_gold_quotes_match_by_overlap_and_attribution_by_name():
    text = "Нас объединяют общие границы – самые протяженные"
    quote = Quote(0, len(text), text, "direct", speaker="e2")
    layers = scored(document(quotes=(quote,)))
    assert layers["quotes"].tp == 1
    assert layers["quote_attribution"].tp == 1


def test_gold_outlet_reports_alone_are_neither_rewarded_nor_punished():
    """GUIDE: «как сообщает ТАСС, …» is narration; a made-up quote still counts against."""
    report = Quote(0, 20, "в Сочи прошли переговоры", "indirect", speaker_name="ТАСС", source=True)
    invented = Quote(30, 50, "совсем другие слова здесь", "indirect", speaker_name="эксперты")
    gold = {
        **GOLD,
        "quotes": [
            *GOLD["quotes"],
            {"kind": "indirect", "source": True, "text": "в Сочи прошли переговоры"},
        ],
    }
    score = GoldScore()
    score_article(gold, document(quotes=(report,)), score)
    assert (score.layers["quotes"].predicted, score.layers["quotes"].gold) == (0, 1)
    score = GoldScore()
    score_article(gold, document(quotes=(report, invented)), score)
    assert score.layers["quotes"].predicted == 1


def test_gold_amounts_and_dates_by_value():
    layers = scored(
        document(
            amounts=(Amount(0, 1, "$", 24e9, "USD"), Amount(0, 1, "5", 5)),
            dates=(DateMention(0, 1, "в прошлом году", "2021", True, "year"),),
        )
    )
    assert (layers["amounts"].tp, layers["amounts"].predicted) == (1, 2)
    assert layers["dates"].f1 == 1.0


def place_at(country: str, lat: float, lon: float) -> Place:
    return Place(None, "", "country", country, None, lat, lon, None)


@pytest.mark.parametrize(
    ("place", "country", "near"),
    [
        (place_at("KZ", 48.1, 67.1), 1, 1),
        (place_at("KZ", 43.2, 76.9), 1, 0),
        (place_at("RU", 48.0, 67.0), 0, 1),
        (None, 0, 0),
    ],
)
def test_gold_places_country_and_distance(place, country, near):
    layers = scored(document(place=place))
    assert layers["place_country"].tp == country
    assert layers["place_within_50km"].tp == near


@pytest.mark.parametrize(
    ("a", "b"),
    [("«Алматинский автоцентр «КамАЗ»»", "алматинский автоцентр камаз"), ("Ёлкин", "елкин")],
)
def test_gold_names_compare_loosely(a, b):
    assert norm(a) == norm(b)


def test_gold_distance_moscow_petersburg():
    assert 620 < km(place_at("RU", 55.756, 37.617), {"lat": 59.939, "lon": 30.316}) < 650


def test_gold_rucoco_text_is_checked_by_hash(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"text": "Текст статьи."}), encoding="utf-8")
    good = hashlib.sha256("Текст статьи.".encode()).hexdigest()
    for digest, ok in [(good, True), ("0" * 64, False)]:
        path = tmp_path / "gold.json"
        source = {"rucoco": "a.json", "sha256": digest}
        path.write_text(json.dumps({"source": source, "published": None, "entities": []}))
        if ok:
            assert load_article(path, tmp_path, tmp_path).text == "Текст статьи."
        else:
            with pytest.raises(InputError, match="changed"):
                load_article(path, tmp_path, tmp_path)
