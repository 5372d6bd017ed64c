"""The web UI in a real browser: Playwright drives Debian's Chromium against uvicorn.

Skips when Playwright or /usr/bin/chromium is missing, except in CI (``CI`` set), where a
skip would hide a broken UI: there it fails. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest

from svodka.corpus.ingest import ingest
from svodka.doc import Record
from svodka.store import Store
from svodka.web import create_app
from tests.conftest import EXAMPLE, ROOT
from tests.unit.test_ui import RECORDS, TOKAYEV

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"


def need_browser() -> None:
    """Skip without a browser locally; fail in CI."""
    missing = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "playwright is not installed (pip install playwright)"
    if missing is None and not CHROMIUM.exists():
        missing = f"{CHROMIUM} is missing (apt-get install -y chromium)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {missing}")
        pytest.skip(missing)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline):
    """uvicorn in a background thread over a small temporary store; yields its base URL."""
    need_browser()
    import uvicorn

    path = str(tmp_path_factory.mktemp("browser") / "svodka.db")
    with Store.open(path) as store:
        ingest([Record(**r) for r in RECORDS], store, jobs=1)
    app = create_app(db=path)
    app.state.services.__dict__["pipeline"] = pipeline
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start in 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-background-networking"],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that fails the test on any request to another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    outside: list[str] = []
    opened.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    errors: list[str] = []
    opened.on("pageerror", lambda e: errors.append(str(e)))
    yield opened
    context.close()
    assert not outside, f"requests to other hosts: {outside}"
    assert not errors, f"JavaScript errors: {errors}"


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(
    ("path", "name", "heading"),
    [
        ("/", "home", "Сводка"),
        ("/documents/a", "article", "Токаев встретился с Путиным"),
        ("/documents/x", "article-script", "Новая станция <b>метро</b>"),
        ("/analyze", "analyze", "Анализ текста"),
        (f"/entities/{TOKAYEV}", "entity", "Касым-Жомарт Токаев"),
        ("/search?q=Токаев", "search", "Поиск"),
        ("/map", "map", "Карта упоминаний"),
    ],
)
def test_browser_opens_every_page(page, server, path, name, heading):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    started = time.monotonic()
    response = page.goto(server + path)
    assert response is not None and response.status == 200
    assert time.monotonic() - started < 3
    assert heading in page.locator("h1").first.inner_text()
    assert not dialogs  # the article's <script>alert(1)</script> never runs
    shoot(page, name)


def test_browser_analyzes_the_example_and_follows_tokayev(page, server):
    page.goto(server + "/analyze")
    page.fill("textarea[name=text]", EXAMPLE.read_text(encoding="utf-8"))
    page.fill("input[name=published]", "2019-08-16")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Результат разбора", timeout=30_000)
    shoot(page, "analyze-result")
    tokayev = page.locator('.text [data-type="PER"]', has_text="Касым-Жомарт Токаев").first
    assert tokayev.is_visible()
    sign = {None: "", "neu": "", "pos": "+", "neg": "−"}[tokayev.get_attribute("data-tone")]
    assert tokayev.locator(".tag").inner_text() == "PER" + sign  # a toned mention is signed
    quote = page.locator(".text .quote", has_text="В целом есть все основания").first
    assert quote.get_attribute("title") == "цитата: Касым-Жомарт Токаев"
    speakers = page.locator(".text .speaker", has_text="Касым-Жомарт Токаев")
    assert speakers.count() >= 1
    tokayev.click()
    page.wait_for_url(re.compile(r"/entities/per:"))
    assert "Касым-Жомарт Токаев" in page.locator("h1").inner_text()
    assert page.locator("svg.timeline rect").count() >= 1
    shoot(page, "entity-from-analyze")


def test_browser_graph_nodes_can_be_dragged(page, server):
    page.goto(server + f"/entities/{TOKAYEV}")
    url = page.url
    node = page.locator("#graph .node:not(.centre)").first
    page.wait_for_timeout(300)  # let the layout settle a little
    before = node.get_attribute("transform")
    box = node.locator("circle").bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 60, y + 40, steps=8)
    page.mouse.up()
    assert node.get_attribute("transform") != before
    assert page.url == url  # a drag is not a click on the node's link
    shoot(page, "entity-graph-dragged")


def test_browser_graph_labels_do_not_overlap_once_settled(page, server):
    page.goto(server + f"/entities/{TOKAYEV}")
    page.wait_for_selector("#graph[data-settled]")
    boxes = [label.bounding_box() for label in page.locator("#graph .node text").all()]
    assert len(boxes) >= 3
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart_x = a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
            apart_y = a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]
            assert apart_x or apart_y, (a, b)


def test_browser_dates_read_the_russian_way(page, server):
    page.goto(server + "/search")
    field = page.locator("input[name=from]")
    assert field.get_attribute("type") == "text"
    assert field.get_attribute("placeholder") == "дд.мм.гггг"
    field.fill("01.05.2024")
    page.fill("form.filters input[name=q]", "Токаев")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("text=Найдено статей: 1")
    assert page.locator("link[rel=icon]").get_attribute("href") == "/favicon.ico"
