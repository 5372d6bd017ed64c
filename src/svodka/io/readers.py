"""Turn input paths into records: read, decode, parse and check, never crashing a batch.

:func:`read_records` yields a :class:`~svodka.doc.Record` for every article it can read
and a :class:`Rejection` for every one it cannot, so one bad file, one broken JSON line
or one empty feed item never stops the rest of a batch. Formats go by extension
(anything else is text):

- ``.txt``   the whole file is the text, its first line the headline, its stem the id;
- ``.json``  one object ``{"id", "text", "title"?, "published"?, "source"?, "url"?}``;
- ``.jsonl`` one such object per line (also ``.ndjson``); a file past ``MAX_BYTES`` (an
  archive) is streamed a line at a time, each line held to the limit on its own;
- ``.html``, ``.htm``  a saved news page: its article, title, date, canonical URL and
  site name, found by trafilatura; the text is the title, a newline, then the body;
- ``.xml``, ``.rss``, ``.atom``, or any file that starts like RSS or Atom: a feed, one
  record per item (see :mod:`svodka.io.pages` for the fields).

A folder is read recursively, in sorted path order: every file with one of the
extensions above; other files, and hidden files and folders (``.name``), are skipped.
A feed item whose page is saved as HTML in the feed's folder, or below it, is read
from that page, and inside a folder such a page is then not read a second time as a
record of its own: the feed has consumed it.

The path ``-`` is standard input: JSON if it starts with ``{``, plain text otherwise.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from svodka.doc import Record, Rejection
from svodka.errors import InputError
from svodka.io.decode import FILE_KINDS, check_russian, decode_bytes
from svodka.io.pages import (
    FEED_START_BYTES,
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    Feed,
    FeedItem,
    Page,
    PageIndex,
    declared_charset,
    extract_page,
    item_record,
    looks_like_feed,
    page_record,
    parse_feed,
)
from svodka.io.records import json_record, text_record

MAX_BYTES = 50_000_000  # larger inputs are rejected: no news article comes near it

JSON_KINDS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
FOLDER_SUFFIXES = frozenset({".txt", *JSON_KINDS, *HTML_SUFFIXES, *FEED_SUFFIXES})
STDIN = "-"
STDIN_NAME = "<stdin>"


def read_records(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Record | Rejection]:
    """Yield a record or a rejection for every article in ``paths``, in order; a folder
    gives its files' articles in sorted path order.

    ``published`` dates the records that carry no date; ``stdin`` is what the path ``-``
    reads (``sys.stdin.buffer`` by default). Bad input is rejected, never raised.
    """
    for path in paths:
        if str(path) == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, published)
        elif Path(path).is_dir():
            yield from _read_folder(Path(path), published)
        else:
            yield from _read_path(Path(path), published, _page_indexes(None))


def _read_stdin(stream: TextIO | BinaryIO, published: date | None) -> Iterator[Record | Rejection]:
    try:
        text = _read_stream(stream)
    except InputError as error:
        yield Rejection(error.source, error.reason)
        return
    yield from _parse(_guess_format(text), text, STDIN_NAME, "stdin", published)


def _read_folder(root: Path, published: date | None) -> Iterator[Record | Rejection]:
    """The folder's files in sorted path order, less the pages that its feeds consumed."""
    files, problems = _list_files(root)
    yield from problems
    index_for = _page_indexes(files)
    consumed = {page for path in files if _is_feed(path) for page in _feed_pages(path, index_for)}
    for path in files:
        if path not in consumed:
            yield from _read_path(path, published, index_for)


def _read_path(
    path: Path, published: date | None, index_for: Callable[[Path], PageIndex]
) -> Iterator[Record | Rejection]:
    source = str(path)
    if JSON_KINDS.get(path.suffix.lower()) == "jsonl" and _size(path) > MAX_BYTES:
        yield from _stream_json_lines(path, source, published)
        return
    try:
        data = _read_file(path, source)
        kind = _kind_of(path, data)
        declared = declared_charset(data) if kind == "html" else None
        text = "" if kind == "feed" else decode_bytes(data, source, declared=declared)
    except InputError as error:
        yield Rejection(error.source, error.reason)
        return
    if kind == "feed":
        yield from _read_feed(data, path, published, index_for)
    else:
        yield from _parse(kind, text, source, path.stem, published)


def _list_files(root: Path) -> tuple[list[Path], list[Rejection]]:
    """The files under ``root`` with a known extension, by sorted path, and a rejection
    for each folder that could not be listed; hidden files and folders are skipped."""
    files: list[Path] = []
    problems: list[Rejection] = []

    def reject(error: OSError) -> None:
        reason = f"cannot read the folder ({error.strerror or error}); expected a readable folder"
        problems.append(Rejection(str(error.filename), reason))

    for folder, subfolders, names in os.walk(root, onerror=reject):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        files.extend(
            Path(folder, name)
            for name in names
            if not name.startswith(".") and Path(name).suffix.lower() in FOLDER_SUFFIXES
        )
    files.sort(key=lambda path: path.relative_to(root).parts)
    return files, problems


def _page_indexes(files: list[Path] | None) -> Callable[[Path], PageIndex]:
    """The saved pages of a feed's folder, indexed once, when a feed first needs them:
    those among ``files``, or, for a feed given on its own (None), those on disk."""
    indexes: dict[Path, PageIndex] = {}

    def index_for(folder: Path) -> PageIndex:
        if folder not in indexes:
            found = _list_files(folder)[0] if files is None else files
            indexes[folder] = PageIndex(path for path in found if path.is_relative_to(folder))
        return indexes[folder]

    return index_for


def _is_feed(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(FEED_START_BYTES)
    except OSError:
        return False  # the file is rejected, with the reason, when it is read
    return _kind_of(path, head) == "feed"


def _feed_pages(path: Path, index_for: Callable[[Path], PageIndex]) -> set[Path]:
    """The saved pages that the items of the feed at ``path`` will be read from."""
    try:
        feed = parse_feed(_read_file(path, str(path)), path.stem, str(path))
    except InputError:
        return set()  # the feed is rejected, with the reason, when it is read
    links = [item.url for item in feed.items if item.url]
    found = (index_for(path.parent).find(link) for link in links)
    return {page for page in found if page is not None}


def _read_feed(
    data: bytes, path: Path, published: date | None, index_for: Callable[[Path], PageIndex]
) -> Iterator[Record | Rejection]:
    source = str(path)
    try:
        feed = parse_feed(data, path.stem, source)
    except InputError as error:
        yield Rejection(error.source, error.reason)
        return
    for item in feed.items:
        page = index_for(path.parent).find(item.url) if item.url else None
        yield _attempt(_item_record, item, feed, page, f"{source}:{item.id}", published)


def _item_record(
    item: FeedItem, feed: Feed, page_path: Path | None, source: str, published: date | None
) -> Record:
    """A feed item from its saved page; from its own text if the page gives no article."""
    page = None
    if page_path is not None:
        try:
            page = _read_page(page_path)
        except InputError as error:
            if not item.text:
                raise InputError(
                    source,
                    f"the feed item has no content or summary, and its saved page "
                    f"{error.source} was rejected: {error.reason}",
                ) from error
    record = item_record(item, feed, page, published, source)
    check_russian(record.text, source)
    return record


def _read_page(path: Path) -> Page:
    source = str(path)
    data = _read_file(path, source)
    page = extract_page(decode_bytes(data, source, declared=declared_charset(data)), source)
    check_russian(page.body, source)
    return page


def _read_file(path: Path, source: str) -> bytes:
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise InputError(source, _too_big(size))
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise InputError(
            source,
            f"cannot read the file ({error.strerror or error}); expected a readable {FILE_KINDS}",
        ) from error
    if len(data) > MAX_BYTES:  # a pipe or a device: its size shows only once read
        raise InputError(source, _too_big(len(data)))
    return data


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # _read_file reports why it cannot be read


def _stream_json_lines(
    path: Path, source: str, published: date | None
) -> Iterator[Record | Rejection]:
    """A JSON Lines file past ``MAX_BYTES`` (an archive), read a line at a time in flat
    memory: each line is one article, held to the limit and decoded on its own."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield Rejection(source, f"cannot read the file ({error.strerror or error})")
        return
    with handle:
        number = 0
        while raw := handle.readline(MAX_BYTES + 1):
            number += 1
            where = f"{source}:{number}"
            if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                while (rest := handle.readline(MAX_BYTES)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of the overlong line
                yield Rejection(where, _too_big(len(raw)))
                continue
            if not raw.strip():
                continue
            try:
                line = decode_bytes(raw, where)
            except InputError as error:
                yield Rejection(error.source, error.reason)
                continue
            yield _attempt(json_record, line, f"{path.stem}-{number}", where, published)


def _read_stream(stream: TextIO | BinaryIO) -> str:
    try:
        data = stream.read(MAX_BYTES + 1)
    except (OSError, ValueError) as error:
        raise InputError(STDIN_NAME, f"cannot read standard input ({error})") from error
    if len(data) > MAX_BYTES:
        raise InputError(STDIN_NAME, _too_big(len(data)))
    raw = data if isinstance(data, bytes) else data.encode(errors="replace")
    return decode_bytes(raw, STDIN_NAME)


def _too_big(size: int) -> str:
    return (
        f"the input is {size / 1e6:.1f} MB, more than the {MAX_BYTES / 1e6:.0f} MB limit; "
        "expected a smaller file (split it)"
    )


def _kind_of(path: Path, data: bytes) -> str:
    """The format by extension; a feed also by how it starts, whatever its extension."""
    suffix = path.suffix.lower()
    if suffix in JSON_KINDS:
        return JSON_KINDS[suffix]
    if suffix in FEED_SUFFIXES or looks_like_feed(data):
        return "feed"
    return "html" if suffix in HTML_SUFFIXES else "txt"


def _guess_format(text: str) -> str:
    """Plain text unless it starts with ``{``; then JSON Lines if the whole does not parse
    as one JSON value but its first line does, else JSON."""
    head = text.lstrip()
    if not head.startswith("{"):
        return "txt"
    try:
        json.loads(text)
    except ValueError:
        try:
            json.loads(head.partition("\n")[0])
        except ValueError:
            return "json"
        return "jsonl"
    return "json"


def _parse(
    kind: str, text: str, source: str, stem: str, published: date | None
) -> Iterator[Record | Rejection]:
    if kind == "txt":
        yield _attempt(text_record, text, stem, source, published)
    elif kind == "html":
        yield _attempt(_page_record, text, stem, source, published)
    elif kind == "json":
        yield _attempt(json_record, text, stem, source, published)
    else:
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                where = f"{source}:{number}"
                yield _attempt(json_record, line, f"{stem}-{number}", where, published)


def _attempt(make: Callable[..., Record], *args: Any) -> Record | Rejection:
    try:
        return make(*args)
    except InputError as error:
        return Rejection(error.source, error.reason)


def _page_record(html: str, stem: str, source: str, published: date | None) -> Record:
    record = page_record(extract_page(html, source), stem, published)
    check_russian(record.text, source)
    return record
