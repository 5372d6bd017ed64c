"""The web UI: every page over a small store, highlighting, escaping, 404s, no remote assets."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from urllib.parse import quote, urlencode

import pytest
from fastapi.testclient import TestClient
from tests.conftest import EXAMPLE
from tests.unit.test_store_events import PUTIN, corpus

from svodka.corpus.ingest import ingest
from svodka.doc import Amount, Document, Entity, Event, Mention, Quote, Record
from svodka.store import Store, prepare
from svodka.web import create_app
from svodka.web.charts import (
    Dot,
    bars_svg,
    quad_timeline_svg,
    timeline_svg,
    type_grid_svg,
    world_map,
)
from svodka.web.pages import HERE
from svodka.web.render import clean_snippet, highlight, linker

TOKAYEV = "per:касым-жомарт токаев"
SCRIPT = "<script>alert(1)</script>"
RECORDS = [
    {
        "id": "a",
        "title": "Токаев встретился с Путиным",
        "published": date(2024, 5, 14),
        "source": "ТАСС",
        "text": "Владимир Путин провел переговоры в Москве. «Мы довольны темпами "
        "сотрудничества с Россией», — заявил президент Казахстана Касым-Жомарт Токаев. "
        "Товарооборот вырос до 24 млрд долларов.",
    },
    {
        "id": "b",
        "title": "Токаев в Алматы",
        "published": date(2024, 4, 20),
        "source": "РИА Новости",
        "text": "Касым-Жомарт Токаев посетил Алматы и осмотрел новый завод. Инвестиции "
        "составили 2 млрд рублей.",
    },
    {
        "id": "c",
        "title": "Газ для Китая",
        "published": date(2024, 5, 2),
        "source": "Коммерсантъ",
        "text": "«Газпром» увеличил поставки газа в Китай. Экспорт газа вырос на 10%.",
    },
    {
        "id": "x",
        "title": "Новая станция <b>метро</b>",
        "published": date(2024, 5, 10),
        "source": "Вести",
        "text": f"Мэр Москвы Сергей Собянин открыл новую станцию метро. {SCRIPT} Стоимость "
        "строительства составила 5 млрд рублей.",
    },
]


# ------------------------------------------------------------ rendering, no pipeline needed


def tiny_doc(text: str, **layers) -> Document:
    return Document(id="t", text=text, **layers)


def test_highlight_nests_entities_inside_quotes_and_escapes_text():
    text = "«Мы <рады>», — сказал Токаев. Токаев"
    first, second = text.index("Токаев"), text.rindex("Токаев")
    mentions = (Mention(first, first + 6, "Токаев"), Mention(second, second + 6, "Токаев"))
    tokayev = Entity("e1", "PER", "Касым-Жомарт Токаев", mentions, key=TOKAYEV)
    quote = Quote(1, 10, "Мы <рады>", "direct", speaker="e1", speaker_name="Токаев")
    html = str(highlight(tiny_doc(text, entities=(tokayev,), quotes=(quote,))))
    assert "&lt;рады&gt;" in html and "<рады>" not in html
    assert html.count('data-type="PER"') == 2
    assert 'href="/entities/per:%D0%BA' in html
    assert re.search(r'class="quote[^"]*"[^>]*>Мы &lt;рады&gt;</span><a class="speaker"', html)
    assert "— Касым-Жомарт Токаев" in html


def test_highlight_keeps_the_earlier_longer_of_overlapping_marks():
    text = "около 10 тысяч жителей Казахстана"
    amount = Amount(0, 22, "около 10 тысяч жителей", 10000, approx=True)
    country = Entity("e1", "LOC", "Казахстан", (Mention(15, 33, "жителей Казахстана"),))
    html = str(highlight(tiny_doc(text, entities=(country,), amounts=(amount,))))
    assert 'data-type="amount"' in html and 'data-type="LOC"' not in html


def test_highlight_splits_a_mark_that_crosses_a_quote_edge():
    text = "он сказал: мир труд май"
    entity = Entity("e1", "ORG", "Мир Труд", (Mention(11, 19, "мир труд"),), key="org:мир")
    quote = Quote(15, 23, "труд май", "direct")
    html = str(highlight(tiny_doc(text, entities=(entity,), quotes=(quote,)), linker()))
    assert html.count('data-type="ORG"') == 2 and html.count('class="tag"') == 1
    assert "автор неизвестен" in html


def test_charts_draw_dots_and_bars():
    svg = str(world_map([Dot(55.75, 37.62, "Москва <1>", 3, "/entities/x")], zoom=True))
    assert svg.startswith("<svg") and "<circle" in svg and "Москва &lt;1&gt;: 3" in svg
    bars = str(timeline_svg((("2024-01", 2), ("2024-02", 0), ("2024-03", 5))))
    assert bars.count("<rect") == 3 and "2024-03: 5" in bars


# --------------------------------------------------------------------- pages over a store


@pytest.fixture(scope="module")
def client(tmp_path_factory, pipeline):
    path = str(tmp_path_factory.mktemp("ui") / "svodka.db")
    with Store.open(path) as store:
        summary = ingest([Record(**r) for r in RECORDS], store, jobs=1)
        assert summary.added == len(RECORDS)
    app = create_app(db=path)
    app.state.services.__dict__["pipeline"] = pipeline  # the session's, not a second load
    with TestClient(app) as client:
        yield client


def get(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


PAGES = [
    ("/", ["Последние статьи", "Чаще всего упоминаются: люди", "Касым-Жомарт Токаев"]),
    ("/documents/a", ["Разбор", "Люди", "Касым-Жомарт Токаев", "Цитаты", "Числа и суммы"]),
    ("/analyze", ["Анализ текста", "Разобрать"]),
    (f"/entities/{TOKAYEV}", ["Упоминания по месяцам", "Вместе упоминаются", "Статьи", "2024-05"]),
    ("/search?q=Токаев", ["Найдено статей: 2", "<mark>Токаев</mark>"]),
    ("/map", ["Карта упоминаний", "<circle", "Алматы"]),
    ("/map?q=Токаев", ["Места в статьях по запросу «Токаев»", "Алматы"]),
]


@pytest.mark.slow
@pytest.mark.parametrize(("url", "expected"), PAGES)
def test_ui_page_shows_labels_and_data(client, url, expected):
    html = get(client, url)
    assert '<html lang="ru">' in html
    for text in expected:
        assert text in html, text


@pytest.mark.slow
def test_ui_article_highlights_entities_with_types_and_links(client):
    html = get(client, "/documents/a")
    mark = re.search(r'<a class="mark mark-PER" data-type="PER"[^>]*href="([^"]+)">Касым', html)
    assert mark, html
    assert 'data-type="LOC"' in html and 'data-type="amount"' in html
    assert get(client, mark.group(1)).count("Касым-Жомарт Токаев") >= 1


@pytest.mark.slow
def test_ui_article_marks_the_quote_with_its_speaker(client):
    html = get(client, "/documents/a")
    quote = re.search(r'<span class="quote[^"]*" title="цитата: ([^"]+)">Мы довольны', html)
    assert quote and quote.group(1) == "Касым-Жомарт Токаев"
    assert re.search(r'class="speaker" href="/entities/per:[^"]+">— Касым-Жомарт Токаев', html)


@pytest.mark.slow
def test_ui_entity_page_of_a_place_has_a_map(client):
    html = get(client, "/")
    almaty = re.search(r'href="(/entities/[^"]+)">Алматы<', html)
    assert almaty
    assert '<svg class="map small"' in get(client, almaty.group(1))


@pytest.mark.slow
def test_ui_escapes_script_in_stored_articles(client):
    html = get(client, "/documents/x")
    assert "<script" not in html  # «1» in it is an amount, so the escaped text is cut
    assert "&lt;script&gt;alert(" in html and "&lt;/script&gt;" in html
    assert "<b>метро</b>" not in html and "&lt;b&gt;метро&lt;/b&gt;" in html


@pytest.mark.slow
def test_ui_escapes_script_in_analyzed_text(client):
    response = client.post("/analyze", data={"text": f"Сергей Собянин сказал: {SCRIPT}"})
    assert response.status_code == 200
    assert "<script" not in response.text
    assert "&lt;script&gt;alert(" in response.text and "&lt;/script&gt;" in response.text


@pytest.mark.slow
def test_ui_analyzes_the_example_article(client):
    text = EXAMPLE.read_text(encoding="utf-8")
    response = client.post("/analyze", data={"text": text, "published": "2019-08-16"})
    html = response.text
    assert response.status_code == 200 and "Результат разбора" in html
    # the store knows Токаев, so his marks link to his page
    assert re.search(r'<a class="mark mark-PER" data-type="PER"[^>]*>Касым-Жомарт Токаев', html)
    quote = re.search(r'title="цитата: ([^"]+)">В целом есть все основания', html)
    assert quote and quote.group(1) == "Касым-Жомарт Токаев"
    # Ковганов is not in the store: a plain mark, no link
    assert re.search(r'<mark class="mark mark-PER" data-type="PER"[^>]*>Андре', html)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("data", "message"),
    [({"text": "  "}, "Вставьте текст."), ({"text": "Текст", "published": "вчера"}, "вчера")],
)
def test_ui_analyze_refuses_bad_input(client, data, message):
    response = client.post("/analyze", data=data)
    assert response.status_code == 400 and message in response.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/documents/nope", "Статьи с номером «nope» нет в хранилище."),
        ("/entities/per:никто", "Сущности «per:никто» нет в хранилище."),
        ("/documents/%3Cscript%3E", "&lt;script&gt;"),
    ],
)
def test_ui_unknown_things_get_a_russian_404(client, url, message):
    html = get(client, url, 404)
    assert "Страница не найдена" in html and message in html


@pytest.mark.slow
def test_ui_search_filters_and_escapes(client):
    assert "Найдено статей: 1" in get(client, "/search?q=Токаев&from=2024-05-01")
    assert "Найдено статей: 1" in get(client, "/search?q=&entity=Токаев&source=ТАСС")
    assert "Ничего не найдено." in get(client, "/search?q=Токаев&type=ORG&entity=Токаев")
    assert "не похожа на ДД.ММ.ГГГГ" in get(client, "/search?q=газ&from=завтра")
    assert "Найдено статей: 1" in get(client, "/search?q=Токаев&from=01.05.2024")
    html = get(client, "/search?q=<script>")
    assert "<script>" not in html.split("</header>", 1)[1]


ASSET = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


@pytest.mark.slow
def test_ui_pages_load_nothing_from_other_hosts(client):
    urls = [url for url, _ in PAGES] + ["/documents/x", "/static/style.css", "/static/graph.js"]
    for url in urls:
        text = client.get(url).text
        assert not ASSET.search(text), url
        assert "@import" not in text and "url(http" not in text


def test_ui_static_urls_carry_the_content_hash_and_are_kept_for_a_year(tmp_path):
    client = TestClient(create_app(db=str(tmp_path / "ui.db")), root_path="/x")
    html = get(client, "/x/")
    [url] = re.findall(r'href="([^"]*style\.css[^"]*)"', html)
    digest = hashlib.sha256((HERE / "static" / "style.css").read_bytes()).hexdigest()[:12]
    assert url == f"/x/static/style.css?v={digest}"
    kept = client.get(url)
    assert kept.status_code == 200 and "immutable" in kept.headers["cache-control"]
    assert client.get("/x/static/style.css").headers["cache-control"] == "no-cache"


@pytest.mark.slow
@pytest.mark.parametrize("url", [url for url, _ in PAGES])
def test_ui_links_live_under_the_root_path(client, url):
    """Behind a proxy at «/x» (``uvicorn --root-path /x``) every link a page writes —
    menus, forms, articles, entities, the map's and the graph's — stays under «/x»."""
    under = TestClient(client.app, root_path="/x")
    html = get(under, "/x" + url)
    links = re.findall(r'(?:href|action|src)="(/[^"]*)"', html)
    assert links and all(link.startswith("/x/") for link in links), links
    assert get(client, url).count('="/') == len(links)  # the same links without a root


# ------------------------------------------------------------ the first hour (issue 17)


def test_timeline_of_many_years_is_drawn_by_year_with_whole_labels():
    months = tuple((f"{y}-{m:02d}", 1) for y in range(2012, 2023) for m in range(1, 13))
    svg = str(timeline_svg(months))
    assert svg.count("<rect") == 11 and "timeline-year" in svg
    assert ">2012</text>" in svg and ">2022</text>" in svg and "2022: 12" in svg
    assert int(re.search(r'width="(\d+)"', svg).group(1)) < 600  # not a 2,000 px strip
    short = str(timeline_svg((("2024-01", 2), ("2024-02", 0), ("2024-03", 5))))
    first = re.search(r'<text class="period" x="([\d.]+)"[^>]*text-anchor="start"', short)
    assert first and float(first.group(1)) >= 0  # starts at its bar: «2024-01», not «024-01»


def test_snippets_lose_wiki_markup_and_the_repeated_headline():
    title = "Хинкли выходит из клиники"
    snippet = f"{title} thumb|left|Покушение на Рейгана Джон [https://x.ru/a статья] и Куба|Кубе"
    at = snippet.index("Рейгана")
    text, marks = clean_snippet(snippet, [(at, at + 7)], title)
    assert text == "Покушение на Рейгана Джон статья и Кубе"
    assert [text[a:b] for a, b in marks] == ["Рейгана"]
    assert clean_snippet(title, [], title)[0] == title  # only the headline: kept


@pytest.mark.slow
def test_ui_roles_read_in_the_genitive(client):
    html = get(client, "/documents/a")
    assert "президент Казахстана" in html and "президент Казахстан<" not in html
    api = client.get(f"/api/v1/entities/{TOKAYEV}").json()
    role = next(r for r in api["roles"] if r["title"] == "президент")
    assert (role["of_name"], role["display"]) == ("Казахстан", "президент Казахстана")


@pytest.mark.slow
def test_ui_entity_by_name_redirects_chooses_or_searches(client):
    one = client.get("/entities/Токаев", follow_redirects=False)
    assert one.status_code == 303
    assert one.headers["location"] == "/entities/" + quote(TOKAYEV, safe=":")
    assert "Касым-Жомарт Токаев" in get(client, "/entities/токаев")
    none = client.get("/entities/Шойгу", follow_redirects=False)
    assert none.status_code == 303 and none.headers["location"].startswith("/search?q=")
    several = get(client, "/entities/Ка")  # Казахстан, Касым-Жомарт Токаев
    assert "несколько сущностей" in several and several.count('class="chip') >= 2


@pytest.mark.slow
def test_api_entity_by_name_redirects_or_lists_the_candidates(client):
    one = client.get("/api/v1/entities/Токаев", follow_redirects=False)
    assert one.status_code == 307 and one.headers["location"].startswith("/api/v1/entities/per:")
    assert client.get("/api/v1/entities/Токаев").json()["key"] == TOKAYEV
    several = client.get("/api/v1/entities/Ка", follow_redirects=False)
    assert several.status_code == 300 and len(several.json()["entities"]) >= 2
    assert several.headers["content-type"] == "application/problem+json"
    missing = client.get("/api/v1/entities/Шойгу")
    assert missing.status_code == 404 and missing.json()["search"].endswith(
        "?q=%D0%A8%D0%BE%D0%B9%D0%B3%D1%83"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "url", ["/search?q=%00", "/search?q=газ&source=a%00b", "/documents/a%00", "/map?q=%00"]
)
def test_ui_refuses_nul_in_parameters_like_the_api(client, url):
    response = client.get(url)
    assert response.status_code == 422 and "NUL" in response.json()["detail"]


@pytest.mark.slow
def test_ui_serves_a_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response.headers["content-type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO header


@pytest.mark.slow
def test_ui_home_says_which_window_the_top_list_covers(client):
    html = get(client, "/")
    assert "За всё время: статей 4" in html  # 4 articles: no window holds enough


@pytest.mark.slow
def test_ui_home_uses_the_30_day_window_when_it_holds_enough(client, monkeypatch):
    from svodka.web import ui

    monkeypatch.setattr(ui, "MIN_WINDOW_DOCUMENTS", 2)
    assert "За 30 дней до 14.05.2024: статей 4" in get(client, "/")


UKRAINIAN = (
    "Президент України провів переговори з прем'єр-міністром у Києві щодо відбудови "
    "енергетичної системи країни після зимових атак."
)


@pytest.mark.slow
def test_ui_and_api_analyze_refuse_other_languages_and_blank_text(client):
    response = client.post("/analyze", data={"text": UKRAINIAN})
    assert response.status_code == 400 and "it reads as Ukrainian" in response.text
    for text in (UKRAINIAN, " \n\t", "The president of Kazakhstan arrived in Sochi."):
        api = client.post("/api/v1/analyze", json={"text": text})
        assert api.status_code == 422
        [detail] = api.json()["errors"]
        assert detail["loc"] == ["body", "text"]
        assert detail["msg"].startswith(("not Russian text", "the text is empty"))


# ------------------------------------------------------------------------------ events


def test_highlight_anchors_events_and_marks_the_chosen_clause():
    text = "Вчера Токаев посетил Москву. Боевики <обстреляли> колонну."
    at = text.index("Токаев")
    tokayev = Entity(
        "e1", "PER", "Касым-Жомарт Токаев", (Mention(at, at + 6, "Токаев"),), key=TOKAYEV
    )
    attack = text.index("Боевики")
    events = (
        Event("v1", "CONSULT", "посетил", at + 2, text.index("."), source="e1"),  # inside a mark
        Event("v2", "ASSAULT", "<обстреляли>", attack, len(text), source_name="боевики"),
    )
    doc = tiny_doc(text, entities=(tokayev,), events=events)
    html = str(highlight(doc, linker(), "v2"))
    # the first anchor moves back to the start of «Токаев», so the mark stays whole
    assert re.search(r'id="ev-v1"[^>]*>⚑</a><a class="mark mark-PER"', html)
    assert html.count('data-type="PER"') == 1
    assert 'title="ASSAULT: &lt;обстреляли&gt;"' in html
    clause = re.findall(r'<span class="clause">(.*?)</span>', html)
    assert "".join(clause) == "Боевики &lt;обстреляли&gt; колонну."
    assert "clause" not in str(highlight(doc, linker()))  # none chosen, none marked


def test_charts_stack_quads_by_month_and_draw_type_bars():
    months = [("2024-06", (1, 0, 0, 0)), ("2024-07", (0, 0, 0, 0)), ("2024-08", (2, 0, 1, 3))]
    svg = str(quad_timeline_svg(months, ("сотр. <сл>", "сотр. мат.", "конфл. сл.", "конфл. мат.")))
    assert svg.count("<rect") == 4  # one segment a non-empty class and month
    assert 'class="quad-3"' in svg and "2024-08 · конфл. мат.: 3" in svg
    assert "сотр. &lt;сл&gt;" in svg and ">6</text>" in svg  # August's total over its bar
    grid = str(type_grid_svg(["2024-06", "2024-07"], [("угроза", "quad-2", [0, 3])]))
    assert grid.count("<rect") == 2 and "2024-07 · угроза: 3" in grid
    years = [f"{y}-{m:02d}" for y in (2023, 2024, 2025) for m in range(1, 13)] + ["2026-01"]
    counts = [1] * len(years)
    by_year = str(type_grid_svg(years, [("угроза", "quad-2", counts)]))
    assert by_year.count("<rect") == 4 and "2024 · угроза: 12" in by_year
    bars = str(bars_svg([("консультации (CONSULT)", 2, "quad-0"), ("угроза", 1, "quad-2")]))
    assert bars.count("<rect") == 2 and "консультации (CONSULT): 2" in bars
    assert quad_timeline_svg([], ("a", "b", "c", "d")) == "" and bars_svg([]) == ""


@pytest.fixture
def event_client(tmp_path):
    """The UI over a store holding the hand-made documents of ``test_store_events``."""
    path = str(tmp_path / "events.db")
    with Store.open(path) as store:
        store.add([prepare(doc) for doc in corpus()])
    with TestClient(create_app(db=path)) as client:
        yield client


@pytest.mark.slow
def test_ui_dyad_page_shows_the_pairs_events_linked_to_their_sentences(event_client):
    html = get(event_client, "/dyads?" + urlencode({"a": PUTIN, "b": "Токаев"}))
    assert "Владимир Путин и Касым-Жомарт Токаев: события" in html
    assert '<svg class="timeline quads timeline-month"' in html
    assert "2024-12 · словесный конфликт: 1" in html  # the accusation, by quad and month
    assert "консультации (CONSULT): 2" in html and "обвинение (ACCUSE): 1" in html
    assert "2024-06 · консультации (CONSULT): 1" in html  # the grid of types by month
    assert "Без даты" not in html  # every event has a day: its own or its article's
    links = re.findall(r'<a href="(/documents/[^"?]+\?event=[^"]+)">([^<]+)</a>', html)
    assert [href for href, _ in links] == [
        "/documents/future?event=v1#ev-v1",
        "/documents/accuse?event=v1#ev-v1",
        "/documents/sochi?event=v1#ev-v1",
        "/documents/sochi?event=v2#ev-v2",
    ]
    assert links[-1][1] == "В июне они встречались в Санкт-Петербурге."
    assert "в будущем" in html  # the planned agreement's modality
    assert "sochi-copy" not in html  # near-duplicates count nowhere
    article = get(event_client, links[-1][0].split("#")[0])
    assert 'id="ev-v2"' in article and 'id="ev-v2-panel" class="event chosen"' in article
    marked = "".join(re.findall(r'<span class="clause">(.*?)</span>', article))
    assert re.sub(r"<[^>]+>", "", marked).startswith("В июне они встречались в ")


@pytest.mark.slow
def test_ui_article_lists_its_events_with_actors_and_the_pair(event_client):
    html = get(event_client, "/documents/accuse")
    panel = html[html.index("<h3>События</h3>") : html.index("<h3>Цитаты</h3>")]
    assert "обвинение (ACCUSE)" in panel and "нападение (ASSAULT)" in panel
    assert "боевики" in panel and 'href="#ev-v2"' in panel
    assert panel.count("/dyads?") == 1  # only the event with two known actors has a pair page
    assert 'href="/entities/per:' in panel


@pytest.mark.slow
def test_ui_entity_page_links_its_event_partners_to_the_dyad_page(event_client):
    html = get(event_client, "/entities/" + quote(PUTIN, safe=":"))
    assert "События с участием" in html
    href = "/dyads?" + urlencode({"a": PUTIN, "b": TOKAYEV})
    link = f'<a href="{href.replace("&", "&amp;")}">Касым-Жомарт Токаев</a>'
    assert f'{link} <span class="count">4</span>' in html
    assert "Должности" in html


@pytest.mark.slow
def test_ui_dyad_page_with_one_actor_offers_its_partners(event_client):
    html = get(event_client, "/dyads?a=" + quote("Токаев"))
    assert "Выберите второго участника" in html and "Владимир Путин" in html
    assert "Выберите второго участника" in get(event_client, "/dyads?a=Никтошин&b=Путин")
    assert "Нужны два участника" in get(event_client, "/dyads?a=Никтошин&b=Петров")
    assert "Событий между ними не найдено" in get(
        event_client, "/dyads?" + urlencode({"a": PUTIN, "b": "geonames:491422"})
    )
    assert "Пара участников" in get(event_client, "/dyads")
