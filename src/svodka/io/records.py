"""One record from one text: a plain text or one JSON object, checked field by field."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from svodka.doc import Record
from svodka.errors import InputError
from svodka.io.decode import check_russian

EXPECTED_RECORD = 'expected a JSON object with "id" and "text"'
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def text_record(text: str, stem: str, source: str, published: date | None) -> Record:
    """A plain text as a record: its first line is the headline, ``stem`` the id."""
    check_russian(text, source)
    return Record(id=stem, text=text, title=headline(text), published=published)


def json_record(text: str, default_id: str, source: str, published: date | None) -> Record:
    """One JSON object ``{"id", "text", "title"?, "published"?, "source"?, "url"?}`` as a
    record; InputError naming ``source`` says what is wrong with it."""
    try:
        fields = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            source, f"broken JSON ({_json_problem(error)}); {EXPECTED_RECORD}"
        ) from error
    if not isinstance(fields, dict):
        raise InputError(source, f"the JSON is {_json_type(fields)}; {EXPECTED_RECORD}")
    body = fields.get("text")
    if not isinstance(body, str):
        got = "no" if body is None else f"{_json_type(body)} as its"
        raise InputError(source, f'the record has {got} "text"; expected the text as a string')
    check_russian(body, source)
    raw_id = fields.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int | None):
        raise InputError(source, f'the "id" is {_json_type(raw_id)}; expected a string or a number')
    raw_date = fields.get("published")
    return Record(
        id=str(raw_id) if raw_id not in (None, "") else default_id,
        text=body,
        title=_optional_string(fields, "title", source),
        published=published if raw_date is None else _parse_date(raw_date, source),
        source=_optional_string(fields, "source", source),
        url=_optional_string(fields, "url", source),
    )


def _json_problem(error: json.JSONDecodeError) -> str:
    """«Expecting value at line 2, column 3»; «Unterminated string starting at column 26»,
    not «starting at at»: some of json's messages already end in "at"."""
    line = f"line {error.lineno}, " if error.lineno > 1 else ""
    at = " " if error.msg.endswith(" at") else " at "
    return f"{error.msg}{at}{line}column {error.colno}"


def _optional_string(fields: dict[str, Any], key: str, source: str) -> str | None:
    value = fields.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(source, f'the "{key}" is {_json_type(value)}; expected a string')


def _parse_date(value: Any, source: str) -> date:
    problem = f'the "published" value {json.dumps(value, ensure_ascii=False)} is not a date'
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise InputError(source, f"{problem}; expected YYYY-MM-DD, e.g. 2024-08-19")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise InputError(source, f"{problem} ({error}); expected a real YYYY-MM-DD") from error


def _json_type(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    kinds = {dict: "an object", list: "an array", str: "a string"}
    return next((name for kind, name in kinds.items() if isinstance(value, kind)), "a number")


def headline(text: str) -> str | None:
    """The first non-blank line, stripped; found without splitting a huge text."""
    start = 0
    while start < len(text):
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        if line := text[start:stop].strip():
            return line
        start = stop + 1
    return None
