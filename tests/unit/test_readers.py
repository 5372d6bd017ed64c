"""Readers: paths and standard input into records, bad input into rejections."""

from __future__ import annotations

import codecs
import io
import json
from datetime import date
from pathlib import Path

import pytest

from svodka.doc import Record, Rejection
from svodka.errors import InputError
from svodka.io import pages, readers
from svodka.io.decode import decode_bytes
from svodka.io.readers import read_records

HEADLINE = "Путин и Токаев довольны темпами развития двустороннего сотрудничества"
BODY = (
    "В этом году Россия и Казахстан отмечают годовщину установления дипломатических "
    "отношений. А сегодня в Сочи проходят переговоры лидеров двух стран, сообщает «МИР 24».\n"
    "Владимир Путин и Касым-Жомарт Токаев обсуждают двустороннее сотрудничество и дальнейшее "
    "развитие партнерства. Эта встреча – вторая за лето.\n"
)
ARTICLE = f"{HEADLINE}\n{BODY}"
ENGLISH = "Putin and Tokayev discussed bilateral cooperation at talks in Sochi on Monday.\n"


def read_all(*paths: str | Path, **options: object) -> list[Record | Rejection]:
    return list(read_records(paths, **options))  # type: ignore[arg-type]


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def jsonl(*lines: object) -> str:
    return "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)


# --- plain text ------------------------------------------------------------------------


def test_txt_gives_headline_id_and_the_whole_text(tmp_path: Path) -> None:
    path = write(tmp_path / "mir24-putin-tokayev.txt", ARTICLE)
    [record] = read_all(path, published=date(2024, 8, 19))
    assert record == Record(
        id="mir24-putin-tokayev", text=ARTICLE, title=HEADLINE, published=date(2024, 8, 19)
    )
    start = record.text.index("Сочи")
    assert record.text[start : start + 4] == "Сочи"  # offsets index the file


@pytest.mark.parametrize(
    ("name", "content", "title"),
    [
        ("leading-blank.txt", f"\n\n  {HEADLINE}  \r\n{BODY}", HEADLINE),
        ("notes.md", ARTICLE, HEADLINE),  # unknown extension: read as text
        ("no-extension", ARTICLE, HEADLINE),
    ],
)
def test_txt_edge_cases_still_give_a_record(
    tmp_path: Path, name: str, content: str, title: str | None
) -> None:
    [record] = read_all(write(tmp_path / name, content))
    assert isinstance(record, Record)
    assert (record.text, record.title, record.id) == (content, title, Path(name).stem)


# --- JSON and JSON Lines ---------------------------------------------------------------


def test_json_record_keeps_every_field(tmp_path: Path) -> None:
    fields = {
        "id": "a1",
        "text": ARTICLE,
        "title": HEADLINE,
        "published": "2024-08-19",
        "source": "МИР 24",
        "url": "https://mir24.tv/news/1",
    }
    [record] = read_all(write(tmp_path / "a.json", json.dumps(fields, ensure_ascii=False)))
    assert record == Record(
        id="a1",
        text=ARTICLE,
        title=HEADLINE,
        published=date(2024, 8, 19),
        source="МИР 24",
        url="https://mir24.tv/news/1",
    )


def test_jsonl_broken_line_is_rejected_and_the_rest_still_come(tmp_path: Path) -> None:
    path = write(
        tmp_path / "batch.jsonl",
        jsonl({"id": "one", "text": BODY}, '{"id": "two", "text": "Сочи', "", {"text": BODY}),
    )
    first, broken, last = read_all(path)
    assert first == Record(id="one", text=BODY)
    assert isinstance(broken, Rejection)
    assert broken.source == f"{path}:2"
    assert "broken JSON" in broken.reason and "Unterminated string" in broken.reason
    assert last == Record(id="batch-4", text=BODY)  # blank line 3 skipped, still counted


@pytest.mark.parametrize(
    ("name", "content", "expected_ids"),
    [
        ("story.json", json.dumps({"text": BODY}), ["story"]),
        ("story.json", json.dumps({"id": "", "text": BODY}), ["story"]),
        ("story.json", json.dumps({"id": 42, "text": BODY}), ["42"]),
        ("feed.jsonl", jsonl({"text": BODY}, {"id": "x", "text": BODY}), ["feed-1", "x"]),
        ("story.txt", BODY, ["story"]),
    ],
)
def test_missing_id_defaults_to_the_file_name(
    tmp_path: Path, name: str, content: str, expected_ids: list[str]
) -> None:
    records = read_all(write(tmp_path / name, content))
    assert [r.id for r in records if isinstance(r, Record)] == expected_ids


@pytest.mark.parametrize(
    ("fields", "in_reason"),
    [
        ({"id": "a"}, 'has no "text"'),
        ({"id": "a", "text": None}, 'has no "text"'),
        ({"id": "a", "text": 5}, 'has a number as its "text"'),
        ({"id": "a", "text": ["Сочи"]}, 'has an array as its "text"'),
        ({"id": ["a"], "text": BODY}, 'the "id" is an array'),
        ({"id": "a", "text": BODY, "title": 3}, 'the "title" is a number'),
        ({"id": "a", "text": BODY, "published": "2024-13-01"}, '"2024-13-01" is not a date'),
        ({"id": "a", "text": BODY, "published": "19.08.2024"}, '"19.08.2024" is not a date'),
        ({"id": "a", "text": BODY, "published": "2024-8-19"}, '"2024-8-19" is not a date'),
        ({"id": "a", "text": BODY, "published": 20240819}, "20240819 is not a date"),
    ],
)
def test_bad_fields_are_rejected_with_a_reason(
    tmp_path: Path, fields: dict[str, object], in_reason: str
) -> None:
    path = write(tmp_path / "bad.json", json.dumps(fields))
    [rejection] = read_all(path)
    assert isinstance(rejection, Rejection)
    assert rejection.source == str(path)
    assert in_reason in rejection.reason
    assert "expected" in rejection.reason


def test_bad_published_names_the_expected_format(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", json.dumps({"text": BODY, "published": "вчера"}))
    [rejection] = read_all(path)
    assert isinstance(rejection, Rejection)
    assert '"вчера"' in rejection.reason and "YYYY-MM-DD" in rejection.reason


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"text": BODY}, date(2024, 1, 2)),
        ({"text": BODY, "published": "2023-05-06"}, date(2023, 5, 6)),
    ],
)
def test_published_option_fills_only_missing_dates(
    tmp_path: Path, fields: dict[str, str], expected: date
) -> None:
    [record] = read_all(write(tmp_path / "a.json", json.dumps(fields)), published=date(2024, 1, 2))
    assert isinstance(record, Record)
    assert record.published == expected


EMPTY = "the text is empty or only whitespace; expected an article in Russian"


@pytest.mark.parametrize("text", ["", "   \n\t ", "\u00a0\u2003\n"])
def test_empty_json_text_is_rejected_with_the_reason(tmp_path: Path, text: str) -> None:
    [rejection] = read_all(write(tmp_path / "a.json", json.dumps({"id": "e", "text": text})))
    assert rejection == Rejection(str(tmp_path / "a.json"), EMPTY)


@pytest.mark.parametrize(("name", "content"), [("empty.txt", ""), ("blank.txt", "  \n\n \t\n")])
def test_empty_text_file_is_rejected_with_the_reason(
    tmp_path: Path, name: str, content: str
) -> None:
    [rejection] = read_all(write(tmp_path / name, content))
    assert rejection == Rejection(str(tmp_path / name), EMPTY)


def test_empty_stdin_and_jsonl_text_are_rejected_and_the_batch_goes_on(tmp_path: Path) -> None:
    [from_stdin] = read_all("-", stdin=io.BytesIO(b" \n "))
    assert from_stdin == Rejection("<stdin>", EMPTY)
    batch = write(tmp_path / "b.jsonl", jsonl({"text": " "}, {"id": "ok", "text": ARTICLE}))
    rejected, record = read_all(batch)
    assert rejected == Rejection(f"{batch}:1", EMPTY)
    assert isinstance(record, Record) and record.id == "ok"


def test_broken_json_message_says_at_once() -> None:
    [rejection] = read_all("-", stdin=io.BytesIO('{"text": "Сочи'.encode()))
    assert isinstance(rejection, Rejection)
    assert "(Unterminated string starting at column 10)" in rejection.reason


@pytest.mark.parametrize(
    ("content", "in_reason"),
    [
        ("", "broken JSON (Expecting value at column 1)"),
        ('{"text": "Сочи",\n  oops}', "at line 2, column 3"),
        (json.dumps([{"text": BODY}]), "the JSON is an array"),
    ],
)
def test_broken_json_file_is_rejected(tmp_path: Path, content: str, in_reason: str) -> None:
    [rejection] = read_all(write(tmp_path / "a.json", content))
    assert isinstance(rejection, Rejection)
    assert in_reason in rejection.reason


# --- decoding --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (ARTICLE, "cp1251"),
        (HEADLINE, "cp1251"),
        ("Мэр Москвы объявил о закрытии парков.", "cp1251"),
        (ARTICLE, "koi8_r"),
        (ARTICLE, "cp866"),
        (ARTICLE, "utf-8"),
    ],
)
def test_decode_bytes_reads_russian_code_pages(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    assert decode_bytes(data, "x") == data.decode(encoding)


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_decode_bytes_strips_a_byte_order_mark(bom: bytes, encoding: str) -> None:
    assert decode_bytes(bom + ARTICLE.encode(encoding), "x") == ARTICLE


def test_cp1251_file_is_decoded_as_cp1251(tmp_path: Path) -> None:
    [record] = read_all(write(tmp_path / "win.txt", ARTICLE.encode("cp1251")))
    assert isinstance(record, Record)
    assert (record.text, record.title) == (ARTICLE, HEADLINE)


def test_utf8_sig_json_is_read(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + json.dumps({"id": "b", "text": BODY}).encode()
    [record] = read_all(write(tmp_path / "bom.json", data))
    assert record == Record(id="b", text=BODY)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "Сочи".encode() + b"\x00" + "Москва".encode(),
        bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x10, 0x11]) * 50 + ARTICLE.encode("cp1251"),
    ],
)
def test_binary_content_is_rejected(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError, match="binary content, not text"):
        decode_bytes(data, "blob")
    [rejection] = read_all(write(tmp_path / "blob.txt", data))
    assert rejection == Rejection(str(tmp_path / "blob.txt"), rejection.reason)
    assert rejection.reason.startswith("binary content, not text")


def test_invalid_bytes_after_a_bom_raise_input_error() -> None:
    with pytest.raises(InputError, match="not valid utf-8-sig"):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe abc", "x")


# --- language --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "percent"),
    [
        (ENGLISH, 0),
        (ENGLISH * 5 + "Сочи, Россия.", 2),
    ],
)
def test_non_russian_text_is_rejected(tmp_path: Path, content: str, percent: int) -> None:
    [rejection] = read_all(write(tmp_path / "en.txt", content))
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith(f"not Russian text ({percent}% Cyrillic letters)")


def test_russian_with_latin_names_is_accepted(tmp_path: Path) -> None:
    text = "Apple и Google обсудили с ЦБ выпуск Apple Pay в России, сообщает Reuters.\n"
    [record] = read_all(write(tmp_path / "mixed.txt", text))
    assert isinstance(record, Record)


#: Other Cyrillic-script languages: all but no Latin letters, so only the language model
#: tells them from Russian (each an ordinary news sentence, written for this test).
CYRILLIC_NEIGHBOURS = [
    (
        "Ukrainian",
        "Президент України провів переговори з прем'єр-міністром у Києві щодо відбудови "
        "енергетичної системи країни після зимових атак.",
    ),
    (
        "Belarusian",
        "Прэзідэнт Беларусі правёў нараду з урадам у Мінску, паведамляе інфармацыйнае "
        "агенцтва. Гаворка ішла пра цэны на прадукты.",
    ),
    (
        "Bulgarian",
        "Президентът на България проведе среща с министър-председателя в София. Двамата "
        "обсъдиха бюджета за следващата година.",
    ),
]


@pytest.mark.parametrize(("language", "text"), CYRILLIC_NEIGHBOURS)
def test_other_cyrillic_languages_are_rejected_naming_the_language(
    tmp_path: Path, language: str, text: str
) -> None:
    for path in (
        write(tmp_path / "a.txt", text),
        write(tmp_path / "a.json", json.dumps({"text": text})),
    ):
        [rejection] = read_all(path)
        assert isinstance(rejection, Rejection), path
        assert rejection.reason.startswith(f"not Russian text (it reads as {language}, ")


def test_russian_news_is_not_taken_for_a_neighbour(tmp_path: Path) -> None:
    short = "Мэр Казани открыл мост через Казанку."  # short: too little to tell, passes
    quoting = ARTICLE.replace("в Сочи", "в Киеве (по-украински Київ)")  # the model runs
    for number, text in enumerate((ARTICLE, BODY, HEADLINE, short, quoting)):
        [record] = read_all(write(tmp_path / f"{number}.txt", text))
        assert isinstance(record, Record), text


def test_non_russian_legacy_encoding_is_rejected_not_garbled(tmp_path: Path) -> None:
    pytest.importorskip("charset_normalizer")
    greek = "Ο πρόεδρος της Ρωσίας συναντήθηκε με τον πρόεδρο του Καζακστάν στο Σότσι. " * 4
    [rejection] = read_all(write(tmp_path / "el.txt", greek.encode("cp1253")))
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith("not Russian text (0% Cyrillic letters)")


# --- unreadable paths, batches, size ---------------------------------------------------


def test_missing_path_is_rejected_with_the_os_message(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    [rejection] = read_all(path)
    assert isinstance(rejection, Rejection)
    assert rejection.source == str(path)
    assert "cannot read the file (No such file or directory)" in rejection.reason


def test_a_rejection_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE)
    results = read_all(tmp_path / "missing.txt", good, str(good))
    assert [type(r) for r in results] == [Rejection, Record, Record]


def test_file_over_the_limit_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_BYTES", 1_000_000)
    [rejection] = read_all(write(tmp_path / "huge.txt", ARTICLE * 5000))
    assert isinstance(rejection, Rejection)
    assert "MB, more than the 1 MB limit" in rejection.reason


def test_json_lines_past_the_limit_stream_line_by_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An archive of millions of articles is one big JSON Lines file: it is read a line
    at a time, each line within the limit, each line decoded on its own."""
    monkeypatch.setattr(readers, "MAX_BYTES", 2_000)
    line = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode()
    lines = [line] * 5 + [json.dumps({"text": ARTICLE * 10}, ensure_ascii=False).encode()]
    lines += [b"{broken", json.dumps({"text": ARTICLE}, ensure_ascii=False).encode("cp1251")]
    lines += [b"", line]
    path = write(tmp_path / "archive.jsonl", b"\n".join(lines) + b"\n")
    assert path.stat().st_size > 2 * readers.MAX_BYTES
    results = read_all(path)
    assert describe(results) == [
        *(f"archive-{n}" for n in range(1, 6)),
        f"rejected {path}:6",
        f"rejected {path}:7",
        "archive-8",
        "archive-10",
    ]
    assert "more than the 0 MB limit" in results[5].reason
    assert "broken JSON" in results[6].reason
    assert results[7].text == ARTICLE  # a cp1251 line among UTF-8 ones


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_ten_megabytes_of_russian_read_fine(tmp_path: Path, encoding: str) -> None:
    text = ARTICLE * (10_000_000 // len(ARTICLE.encode()) + 1)
    [record] = read_all(write(tmp_path / "big.txt", text.encode(encoding)))
    assert isinstance(record, Record)
    assert record.text == text and record.title == HEADLINE


# --- standard input --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stream", "expected"),
    [
        (io.BytesIO(ARTICLE.encode()), [Record(id="stdin", text=ARTICLE, title=HEADLINE)]),
        (io.BytesIO(ARTICLE.encode("cp1251")), [Record(id="stdin", text=ARTICLE, title=HEADLINE)]),
        (io.StringIO(ARTICLE), [Record(id="stdin", text=ARTICLE, title=HEADLINE)]),
        (io.BytesIO(json.dumps({"id": "j", "text": BODY}).encode()), [Record(id="j", text=BODY)]),
        (
            io.BytesIO(json.dumps({"text": BODY}, indent=2).encode()),
            [Record(id="stdin", text=BODY)],
        ),
        (
            io.BytesIO(jsonl({"text": BODY}, {"id": "b", "text": BODY}).encode()),
            [Record(id="stdin-1", text=BODY), Record(id="b", text=BODY)],
        ),
    ],
)
def test_dash_reads_standard_input(stream: io.IOBase, expected: list[Record]) -> None:
    assert read_all("-", stdin=stream) == expected


def test_standard_input_rejections_name_stdin_and_line() -> None:
    stream = io.BytesIO(jsonl({"text": BODY}, "{not json}").encode())
    _, rejection = read_all("-", stdin=stream)
    assert isinstance(rejection, Rejection)
    assert rejection.source == "<stdin>:2"


def test_rejection_is_frozen() -> None:
    rejection = Rejection("a.txt", "why")
    with pytest.raises(AttributeError):
        rejection.reason = "other"  # type: ignore[misc]


# --- folders ---------------------------------------------------------------------------

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
FEED_TITLE = "Городские новости"
BRIDGE_TITLE = "По новому мосту через Волгу пустили транспорт"
BRIDGE_URL = "https://gorod-novosti.example/news/2024/08/19/most-cherez-volgu"
BRIDGE_SENTENCE = "Строительство переправы длиной 1,2 километра заняло три года"
THEATRE_TITLE = "Драматический театр открылся после реставрации"


def describe(results: list[Record | Rejection]) -> list[str]:
    """Records by id, rejections by source: the order of a batch at a glance."""
    return [r.id if isinstance(r, Record) else f"rejected {r.source}" for r in results]


def test_folder_is_read_recursively_in_sorted_path_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/b/c.json", "a.txt", "d.jsonl", "A/upper.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        content = json.dumps({"text": BODY}) if name.endswith(("json", "jsonl")) else BODY
        write(tmp_path / name, content)
    assert describe(read_all(tmp_path)) == ["upper", "c", "z", "a", "b", "d-1"]


def test_folder_skips_hidden_and_unknown_files_silently(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "HEAD.txt", BODY)
    write(tmp_path / ".draft.txt", BODY)
    write(tmp_path / "notes.md", BODY)
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / "story.TXT", BODY)
    assert describe(read_all(tmp_path)) == ["story"]


def test_empty_folder_gives_nothing_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    good = write(tmp_path / "good.txt", ARTICLE)
    assert describe(read_all(tmp_path / "empty", good)) == ["good"]


def test_fixture_folder_gives_pages_feeds_and_rejections_in_order() -> None:
    results = read_all(PAGES, published=date(2000, 1, 1))
    assert describe(results) == [
        "teatr-cp1251",  # articles/most-cherez-volgu.html is consumed by feed.xml
        "tag:volzhskie-vesti.example,2024:1001",
        "tag:volzhskie-vesti.example,2024:1002",
        f"rejected {PAGES / 'broken.html'}",
        f"rejected {PAGES / 'english.html'}",
        "gn-2024-0819-most",
        "gn-2024-0819-park",
        f"rejected {PAGES / 'feed.xml'}:gn-2024-0819-pusto",
    ]
    texts = [r.text for r in results if isinstance(r, Record)]
    assert sum(BRIDGE_SENTENCE in text for text in texts) == 1  # read once, through the feed


# --- HTML pages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title", "published", "url", "site", "sentence"),
    [
        (
            "most-cherez-volgu.html",
            BRIDGE_TITLE,
            date(2024, 8, 19),
            BRIDGE_URL,
            FEED_TITLE,
            BRIDGE_SENTENCE,
        ),
        (
            "teatr-cp1251.html",
            THEATRE_TITLE,
            date(2024, 8, 20),
            "https://volzhskie-vesti.example/culture/teatr-posle-restavracii",
            "Волжские вести",
            "Первым спектаклем обновлённого театра стала «Гроза» Островского — билеты",
        ),
    ],
)
def test_html_page_gives_article_and_metadata(
    name: str, title: str, published: date, url: str, site: str, sentence: str
) -> None:
    [record] = read_all(PAGES / "articles" / name, published=date(2000, 1, 1))
    assert isinstance(record, Record)
    assert (record.id, record.title, record.published) == (Path(name).stem, title, published)
    assert (record.url, record.source) == (url, site)
    assert record.text.startswith(f"{title}\n") and record.text.count(title) == 1
    assert sentence in record.text  # the cp1251 page is decoded: ё, «», —
    assert "Главная" not in record.text and "права защищены" not in record.text  # boilerplate


def test_html_page_without_metadata_takes_the_defaults(tmp_path: Path) -> None:
    html = f"<html><body><article><p>{BODY}</p></article></body></html>"
    [record] = read_all(write(tmp_path / "bare.htm", html), published=date(2024, 1, 2))
    assert record == Record(id="bare", text=" ".join(BODY.split()), published=date(2024, 1, 2))


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [
        ("cp1251", "windows-1251"),
        ("koi8_r", "koi8-r"),
        ("cp1251", "iso-8859-1"),  # a Latin code page is not trusted on a Russian page
        ("cp1251", None),
    ],
)
def test_html_page_in_a_legacy_code_page_is_decoded(
    tmp_path: Path, encoding: str, declared: str | None
) -> None:
    meta = f'<meta charset="{declared}">' if declared else ""
    script = f"<script>{'var x = 1;' * 7000}</script>"  # no Russian in the first 64 KB to go by
    head = f"<head>{meta}<title>{HEADLINE}</title>{script}</head>"
    html = f"<html>{head}<body><p>{BODY}</p></body></html>"
    [record] = read_all(write(tmp_path / "page.html", html.encode(encoding, errors="replace")))
    assert isinstance(record, Record)
    assert record.title == HEADLINE
    assert "Касым-Жомарт Токаев обсуждают двустороннее сотрудничество" in record.text


@pytest.mark.parametrize(
    ("path", "in_reason"),
    [
        (PAGES / "broken.html", "binary content, not text"),
        (PAGES / "english.html", "not Russian text (0% Cyrillic letters)"),
        ("<html><<<>>", "no article text found in the page"),
        ("<html><head><title>Пусто</title></head><body></body></html>", "no article text"),
        (f"<html><body><h1>{HEADLINE}</h1></body></html>", "no article text"),
    ],
)
def test_bad_html_page_is_rejected_with_a_reason(
    tmp_path: Path, path: Path | str, in_reason: str
) -> None:
    if isinstance(path, str):
        path = write(tmp_path / "page.html", path)
    [rejection] = read_all(path)
    assert isinstance(rejection, Rejection)
    assert rejection.source == str(path)
    assert rejection.reason.startswith(in_reason)


# --- feeds -----------------------------------------------------------------------------


def rss(*items: str, title: str = "Лента") -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title>{''.join(items)}</channel></rss>"
    )


def rss_item(link: str, description: str | None = None, guid: str | None = None) -> str:
    parts = [f"<title>{HEADLINE}</title>", f"<link>{link}</link>"]
    parts += [f"<guid>{guid}</guid>"] if guid else []
    parts += [f"<description>{description}</description>"] if description else []
    return f"<item>{''.join(parts)}</item>"


def page(canonical: str | None = None) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"<html><head>{link}</head><body><article><p>{BODY}</p></article></body></html>"


def test_rss_items_come_from_the_saved_page_or_the_summary() -> None:
    feed = PAGES / "feed.xml"
    bridge, park, empty = read_all(feed, published=date(2000, 1, 1))
    assert isinstance(bridge, Record)
    assert (bridge.id, bridge.title, bridge.url) == ("gn-2024-0819-most", BRIDGE_TITLE, BRIDGE_URL)
    assert (bridge.source, bridge.published) == (FEED_TITLE, date(2024, 8, 19))
    assert bridge.text.startswith(f"{BRIDGE_TITLE}\nДвижение по новому мосту через Волгу открыли")
    assert BRIDGE_SENTENCE in bridge.text  # the page's article, not the one-line summary
    assert park == Record(
        id="gn-2024-0819-park",
        text="В парке «Швейцария» высадят сто лип\n"
        "Сто молодых лип высадят осенью в парке «Швейцария», сообщили в департаменте "
        "благоустройства.\n"
        "Деревья заменят старые тополя, которые признали аварийными после летних ураганов.",
        title="В парке «Швейцария» высадят сто лип",
        published=date(2024, 8, 19),
        source=FEED_TITLE,
        url="https://gorod-novosti.example/news/2024/08/19/lipy-v-parke",
    )
    assert isinstance(empty, Rejection)
    assert empty.source == f"{feed}:gn-2024-0819-pusto"
    assert empty.reason.startswith("the feed item has no content or summary and no saved page")


def test_rss_date_is_the_day_in_the_feeds_time_zone(tmp_path: Path) -> None:
    # 01:30 in Moscow is 22:30 the day before in UTC, where feedparser's *_parsed are
    item = rss_item("https://x.example/1", BODY).replace(
        "</item>", "<pubDate>Mon, 19 Aug 2024 01:30:00 +0300</pubDate></item>"
    )
    [record] = read_all(write(tmp_path / "news.rss", rss(item)))
    assert isinstance(record, Record)
    assert record.published == date(2024, 8, 19)


def test_atom_feed_gives_content_or_summary_and_dates() -> None:
    cinema, station = read_all(PAGES / "atom" / "vesti.atom")
    assert cinema == Record(
        id="tag:volzhskie-vesti.example,2024:1001",
        text="На набережной откроют летний кинотеатр\n"
        "Летний кинотеатр под открытым небом заработает на набережной в пятницу.\n"
        "Вход на показы будет бесплатным, а первым фильмом станет «Белое солнце пустыни».",
        title="На набережной откроют летний кинотеатр",
        published=date(2024, 8, 21),
        source="Волжские вести",
        url="https://volzhskie-vesti.example/city/kinoteatr-na-naberezhnoj",
    )
    assert isinstance(station, Record)
    assert station.published == date(2024, 8, 20)  # no <published>: <updated>
    assert station.text.startswith("Речной вокзал закроют на ремонт\nЗдание речного вокзала")


@pytest.mark.parametrize(
    ("link", "page_name"),
    [
        ("https://x.example/news/12345", "12345.html"),
        ("https://x.example/news/12345.html", "12345.html"),
        ("https://x.example/news/vybory/", "archive/2024/vybory.htm"),
        ("https://x.example/news/%D0%BC%D0%BE%D1%81%D1%82", "мост.html"),
    ],
)
def test_item_page_is_found_by_file_name(tmp_path: Path, link: str, page_name: str) -> None:
    (tmp_path / page_name).parent.mkdir(parents=True, exist_ok=True)
    write(tmp_path / page_name, page())
    feed = write(tmp_path / "feed.xml", rss(rss_item(link, "Короткая аннотация.", guid="g1")))
    assert describe(read_all(tmp_path)) == ["g1"]  # the page is not read a second time
    [record] = read_all(feed)
    assert isinstance(record, Record)
    assert record.text == f"{HEADLINE}\n{' '.join(BODY.split())}"


def test_feed_given_alone_finds_its_page_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a bare file name: its folder is "."
    write(tmp_path / "12345.html", page())
    write(tmp_path / "feed.xml", rss(rss_item("https://x.example/12345", guid="g1")))
    [record] = read_all("feed.xml")
    assert isinstance(record, Record) and "Сочи" in record.text


def test_pages_given_by_name_are_read_even_if_a_feed_uses_them(tmp_path: Path) -> None:
    saved = write(tmp_path / "12345.html", page())
    feed = write(tmp_path / "feed.xml", rss(rss_item("https://x.example/12345", guid="g1")))
    assert describe(read_all(feed, saved)) == ["g1", "12345"]  # consuming is for folders


def test_item_page_is_found_by_canonical_url_whatever_its_name(tmp_path: Path) -> None:
    write(tmp_path / "saved-1.html", page("https://x.example/news/1"))
    write(tmp_path / "feed.xml", rss(rss_item("http://X.example/news/1/#comments", guid="g1")))
    [record] = read_all(tmp_path)
    assert isinstance(record, Record) and record.id == "g1" and "Сочи" in record.text


def test_feed_consumes_only_the_pages_its_items_link_to_below_it(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    write(tmp_path / "feeds" / "linked.html", page())
    write(tmp_path / "feeds" / "other.html", page())
    write(tmp_path / "outside.html", page())  # not below the feed's folder
    items = [
        rss_item("https://x.example/linked", guid="a"),
        rss_item("https://x.example/outside", "Только аннотация.", guid="b"),
    ]
    write(tmp_path / "feeds" / "feed.xml", rss(*items))
    assert describe(read_all(tmp_path)) == ["a", "b", "other", "outside"]


def test_item_with_a_bad_saved_page_falls_back_on_its_summary(tmp_path: Path) -> None:
    english = f"<html><body><article><p>{ENGLISH * 3}</p></article></body></html>"
    write(tmp_path / "en1.html", english)
    write(tmp_path / "en2.html", english)
    items = [
        rss_item("https://x.example/en1", BODY, "a"),
        rss_item("https://x.example/en2", None, "b"),
    ]
    summary, rejection = read_all(write(tmp_path / "feed.xml", rss(*items)))
    assert isinstance(summary, Record)
    assert summary.text == f"{HEADLINE}\n{BODY.strip()}"  # a summary without tags keeps lines
    assert isinstance(rejection, Rejection)
    assert rejection.source == f"{tmp_path / 'feed.xml'}:b"
    assert f"its saved page {tmp_path / 'en2.html'} was rejected: not Russian" in rejection.reason


def test_feed_item_without_guid_is_named_by_the_feed_and_its_number(tmp_path: Path) -> None:
    items = [rss_item("https://x.example/1", BODY), rss_item("https://x.example/2", BODY)]
    results = read_all(write(tmp_path / "lenta.xml", rss(*items)))
    assert describe(results) == ["lenta-1", "lenta-2"]


def test_feed_item_in_english_is_rejected(tmp_path: Path) -> None:
    feed = write(tmp_path / "en.rss", rss(rss_item("https://x.example/1", ENGLISH * 3, "e1")))
    [rejection] = read_all(feed)
    assert isinstance(rejection, Rejection)
    assert rejection.source == f"{feed}:e1"
    assert rejection.reason.startswith("not Russian text")


@pytest.mark.parametrize("name", ["feed.txt", "feed.html", "feed"])
def test_feed_is_recognized_by_its_start_whatever_its_extension(tmp_path: Path, name: str) -> None:
    content = "\ufeff<!-- экспорт -->\n" + rss(rss_item("https://x.example/1", BODY, "g1"))
    assert describe(read_all(write(tmp_path / name, content))) == ["g1"]


@pytest.mark.parametrize(
    ("content", "in_reason"),
    [
        ((PAGES / "broken.html").read_bytes(), "broken feed (not well-formed (invalid token) at"),
        ("<rss version='2.0'><channel><title>Лента", "broken feed (no element found at line"),
        ('<?xml version="1.0"?><urlset><url/></urlset>', "no <rss>, <feed> or <rdf:RDF> root"),
        ("", "no <rss>, <feed> or <rdf:RDF> root"),
    ],
)
def test_broken_feed_is_one_rejection(tmp_path: Path, content: str | bytes, in_reason: str) -> None:
    path = write(tmp_path / "feed.xml", content)
    [rejection] = read_all(path)
    assert rejection == Rejection(str(path), rejection.reason)
    assert (
        rejection.reason.startswith(in_reason)
        and "expected an RSS or Atom feed" in rejection.reason
    )


def test_feed_without_items_gives_nothing(tmp_path: Path) -> None:
    assert read_all(write(tmp_path / "feed.xml", rss())) == []


# --- pages module ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Первый абзац.</p><p>Второй абзац.</p>", "Первый абзац.\nВторой абзац."),
        ("строка<br>ещё одна<br/>", "строка\nещё одна"),
        ("<p>одна\r\nстрока</p>\n<p>\n</p>", "одна строка"),
        ("без разметки\nдве строки &amp; знак", "без разметки\nдве строки & знак"),
        (
            "в парке &laquo;Швейцария&raquo;&nbsp;&#8212; <b>сто</b> лип",
            "в парке «Швейцария» — сто лип",
        ),
        ("<script>var a = 1;</script><style>p {}</style>текст", "текст"),
        ("  рост  <  5%  ", "рост < 5%"),
        ("<![foo[сломано]]><p>текст &amp; ещё</p>", "текст & ещё"),
        ("", ""),
    ],
)
def test_strip_tags_keeps_text_and_paragraphs(html: str, text: str) -> None:
    assert pages.strip_tags(html) == text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<?xml version="1.0" encoding="windows-1251"?>\n<rss version="2.0">', True),
        (b"\xef\xbb\xbf  <feed xmlns='http://www.w3.org/2005/Atom'>", True),
        (b'<?xml version="1.0"?><!-- c --><?xml-stylesheet href="s.xsl"?><rdf:RDF>', True),
        (b"<!DOCTYPE rss PUBLIC '-//Netscape'>\n<RSS>", True),
        (b"<!DOCTYPE html><html><body><p>rss</p>", False),
        (b"<rssfeed>", False),
        ("Лента новостей: <rss>".encode(), False),
    ],
)
def test_looks_like_feed(data: bytes, expected: bool) -> None:
    assert pages.looks_like_feed(data) is expected


def test_page_index_matches_scheme_case_slash_and_fragment_variants() -> None:
    saved = PAGES / "articles" / "most-cherez-volgu.html"
    index = pages.PageIndex([saved, PAGES / "feed.xml"])
    assert index.find(BRIDGE_URL) == saved
    assert index.find("http://GOROD-novosti.example/news/2024/08/19/most-cherez-volgu/#c") == saved
    assert index.find("https://gorod-novosti.example/news/2024/08/19/other") is None
