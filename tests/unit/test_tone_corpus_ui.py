"""Tone in the web UI: the article colours each toned mention and quote and says its tone
in words and as a sign (never by colour alone); the entity page draws the tone strip by
month, the total and the table by outlet; a store without tones shows no strip. Over
hand-made documents: no pipeline."""

from __future__ import annotations

import re
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from tests.unit.test_tone_corpus_store import IVANOV, corpus

from svodka.doc import Document, Entity, Mention, Quote, Tone
from svodka.store import Store, prepare
from svodka.web import create_app
from svodka.web.render import highlight, linker
from svodka.web.tones import signed, tone_phrase, tone_strip_svg


@pytest.fixture
def client(tmp_path) -> TestClient:
    store = Store.open(tmp_path / "svodka.db")
    store.add([prepare(doc) for doc in corpus()])
    app = create_app("unused.db")
    app.state.services.store = store
    yield TestClient(app)
    store.close()


def get(client: TestClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.text
    return response.text


def test_tone_corpus_ui_words_and_signs():
    assert signed(0.414) == "+0,41" and signed(-0.5) == "−0,50" and signed(0.001) == "0,00"
    assert tone_phrase(Tone(-1, -0.41)) == "тон: негативный, −0,41"
    assert tone_phrase(None) == ""


def test_tone_corpus_ui_highlight_marks_tone_by_sign_and_words():
    text = "Сидоров хвалит Петрова. Петров молчит."
    people = Entity(
        "e1",
        "PER",
        "Пётр Петров",
        (Mention(15, 22, "Петрова", Tone(1, 0.62)), Mention(24, 30, "Петров", Tone(0, 0.02))),
        key="per:пётр петров",
    )
    quote_ = Quote(0, 23, text[:23], "direct", speaker_name="редакция", tone=Tone(-1, -0.3))
    html = str(highlight(Document("t", text, entities=(people,), quotes=(quote_,)), linker()))
    first = re.search(
        r'<a class="mark mark-PER" data-type="PER" data-tone="pos" title="([^"]+)"', html
    )
    assert first and first.group(1) == "Пётр Петров · тон: позитивный, +0,62"
    assert '<span class="tag">PER<span class="tone-sign">+</span></span>' in html
    assert 'data-tone="neu"' in html and html.count('class="tone-sign"') == 1  # no sign: neutral
    assert '<span class="quote quote-start tone-neg" title="цитата: редакция">' in html
    assert '<span class="tone-note tone-neg" title="тон цитаты: негативный, −0,30">−</span>' in html


def test_tone_corpus_ui_highlight_without_tones_is_unchanged():
    text = "Петров молчит."
    people = Entity("e1", "PER", "Петров", (Mention(0, 6, "Петров"),), key="per:петров")
    html = str(highlight(Document("t", text, entities=(people,)), linker()))
    assert "data-tone" not in html and "tone-" not in html
    assert '<span class="tag">PER</span>' in html


def test_tone_corpus_ui_strip_columns_stack_and_say_their_counts():
    periods = [
        SimpleNamespace(period="2024-05", documents=1, negative=1, neutral=2, positive=1, mean=0.1),
        SimpleNamespace(
            period="2024-06", documents=0, negative=0, neutral=0, positive=0, mean=None
        ),
    ]
    svg = str(tone_strip_svg(periods))
    assert svg.startswith('<svg class="tone-strip tone-strip-month"') and 'role="img"' in svg
    assert svg.count('class="tone-neg"') == 1 and svg.count('class="tone-pos"') == 1
    assert '<rect class="empty"' in svg
    assert svg.count('<line class="mean"') == 1  # the empty period has no mean
    assert 'y1="37.3"' in svg  # mean +0.1: 4 + 74 × 0.45
    assert (
        "<title>2024-05: статей 1; средний тон +0,10: "
        "негативных 1, нейтральных 2, позитивных 1</title>" in svg
    )
    assert "<title>2024-06: статей 0; тон не определён</title>" in svg
    heights = [
        float(h)
        for h in re.findall(
            r'class="tone-\w+" x="\d+" y="[\d.]+" width="14" height="([\d.]+)"', svg
        )
    ]
    assert heights == pytest.approx([18.5, 37.0, 18.5])  # a quarter, a half, a quarter
    assert str(tone_strip_svg([])) == ""


def test_tone_corpus_ui_article_colours_mentions_and_quotes(client):
    html = get(client, "/documents/said")
    assert 'data-tone="pos"' in html and 'class="tone-sign">+</span>' in html
    assert "тон: позитивный, +0,30" in html  # the mention's tooltip
    assert 'class="tone-note tone-pos" title="тон цитаты: позитивный, +0,60"' in html
    assert 'class="tone-word tone-pos">тон: позитивный, +0,60</span>' in html  # the panel
    assert 'class="legend tone-legend"' in html
    assert "Тон статьи +0,15" in html
    assert re.search(r'class="tone-badge tone-pos" title="средний тон \+0,30: негативных 0', html)


def test_tone_corpus_ui_article_without_tones_has_no_tone_legend(client):
    html = get(client, "/documents/old")
    assert "tone-legend" not in html and "data-tone" not in html and "Тон статьи" not in html


def test_tone_corpus_ui_entity_page_draws_the_strip_and_outlets(client):
    html = get(client, "/entities/" + quote(IVANOV, safe=":"))
    assert "Тон упоминаний по месяцам" in html
    assert '<svg class="tone-strip tone-strip-month"' in html
    strip = html[html.index('<svg class="tone-strip') :]
    strip = strip[: strip.index("</svg>")]
    assert strip.count("<title>2024-") == 3  # May, the empty June, July
    assert (
        "Всего:</strong> статей 4; средний тон +0,10: негативных 1, нейтральных 2, позитивных 3"
        in html
    )
    table = html[html.index('class="facts tone-sources"') :]
    rows = re.findall(r"<tr title[^>]*><td>([^<]+)</td>", table)
    assert rows == ["ТАСС", "без источника", "РИА"]


def test_tone_corpus_ui_entity_without_tones_has_no_strip(tmp_path):
    store = Store.open(tmp_path / "svodka.db")
    store.add([prepare(corpus()[-1])])
    app = create_app("unused.db")
    app.state.services.store = store
    try:
        html = get(TestClient(app), "/entities/" + quote(IVANOV, safe=":"))
    finally:
        store.close()
    assert "Тон упоминаний по месяцам" in html
    assert "tone-strip" not in html and "tone-sources" not in html
