"""Readers: paths and standard input into records, bad input into rejections."""

from __future__ import annotations

import codecs
import io
import json
from datetime import date
from pathlib import Path

import pytest

from svodka.doc import Record
from svodka.errors import InputError
from svodka.io import readers
from svodka.io.readers import Rejection, decode_bytes, read_records

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
        ("empty.txt", "", None),
        ("blank.txt", "  \n\n \t\n", None),
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


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_json_text_is_a_record_not_a_rejection(tmp_path: Path, text: str) -> None:
    [record] = read_all(write(tmp_path / "a.json", json.dumps({"id": "e", "text": text})))
    assert record == Record(id="e", text=text)


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


def test_non_russian_legacy_encoding_is_rejected_not_garbled(tmp_path: Path) -> None:
    pytest.importorskip("charset_normalizer")
    greek = "Ο πρόεδρος της Ρωσίας συναντήθηκε με τον πρόεδρο του Καζακστάν στο Σότσι. " * 4
    [rejection] = read_all(write(tmp_path / "el.txt", greek.encode("cp1253")))
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith("not Russian text (0% Cyrillic letters)")


# --- unreadable paths, batches, size ---------------------------------------------------


@pytest.mark.parametrize(
    ("make", "in_reason"),
    [
        (lambda tmp: tmp / "missing.txt", "No such file or directory"),
        (lambda tmp: tmp, "Is a directory"),
    ],
)
def test_unreadable_path_is_rejected_with_the_os_message(
    tmp_path: Path, make: object, in_reason: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    [rejection] = read_all(path)
    assert isinstance(rejection, Rejection)
    assert rejection.source == str(path)
    assert in_reason in rejection.reason and "cannot read the file" in rejection.reason


def test_a_rejection_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE)
    results = read_all(tmp_path / "missing.txt", good, str(good))
    assert [type(r) for r in results] == [Rejection, Record, Record]


def test_file_over_the_limit_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_BYTES", 1_000_000)
    [rejection] = read_all(write(tmp_path / "huge.txt", ARTICLE * 5000))
    assert isinstance(rejection, Rejection)
    assert "MB, more than the 1 MB limit" in rejection.reason


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
