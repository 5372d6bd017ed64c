"""HTML pages and RSS/Atom feeds into records, offline.

trafilatura finds a page's article and metadata, feedparser a feed's items. Neither ever
fetches anything: both get the file's own text or bytes, never a URL. This module knows
no batches: :mod:`svodka.io.readers` reads and decodes files, walks folders, checks the
language and turns :class:`~svodka.errors.InputError` into rejections.

A record's ``text`` keeps the ``.txt`` convention: the headline, when there is one, is
its first line, then the article body.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from svodka.doc import Record
from svodka.errors import InputError
from svodka.extras import require

HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})

HEAD_BYTES = 65_536  # <meta charset> and <link rel=canonical> sit in <head>, far inside this
FEED_START_BYTES = 4_096  # a feed's root element follows at most a declaration and comments

# htmldate's extensive search guesses a date from the body text, and in news that is as
# often the date of an event the article mentions: only the markup's own dates count.
DATE_PARAMS = {"extensive_search": False, "original_date": True}

EXPECTED_PAGE = "expected an HTML page with a news article"
EXPECTED_FEED = "expected an RSS or Atom feed"

_FEED_START = re.compile(  # the bytes read as Latin-1: markup before the root is ASCII
    r"(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b",
    re.DOTALL | re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_MARKUP = re.compile(r"<[^>]*>")  # tags, comments, declarations: only when html.parser fails
_NEWLINE = re.compile(r"[\r\n]")
_BREAKS = frozenset({"br", "p", "div", "li", "tr", "blockquote", "h1", "h2", "h3", "h4", "h5"})
_SKIPPED = frozenset({"script", "style"})


@dataclass(frozen=True, slots=True)
class Page:
    """What trafilatura finds in an HTML page: the article body, without its headline,
    and the page's metadata."""

    title: str | None
    body: str
    published: date | None
    url: str | None
    site: str | None


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One feed item; ``text`` is its content or summary as plain text, "" if it has none."""

    id: str
    title: str | None
    published: date | None
    url: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its title (the ``source`` of its records) and its items, in order."""

    title: str | None
    items: tuple[FeedItem, ...]


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` starts like a feed: at most an XML declaration, comments and a
    doctype, then an ``<rss>``, ``<feed>`` or ``<rdf:RDF>`` root."""
    return _FEED_START.match(data[:FEED_START_BYTES].decode("latin-1")) is not None


def declared_charset(data: bytes) -> str | None:
    """The code page an HTML page names in its ``<meta>`` tags, if Python knows it."""
    match = _META_CHARSET.search(data[:HEAD_BYTES])
    if match is None:
        return None
    try:
        return codecs.lookup(match[1].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def canonical_url(html: str) -> str | None:
    """The page's own URL: its ``<link rel="canonical">``, else its ``og:url``."""
    parser = _HeadLinks()
    _run(parser, html[:HEAD_BYTES])
    return parser.links.get("canonical") or parser.links.get("og:url") or None


def extract_page(html: str, source: str) -> Page:
    """The article of an HTML page and its metadata, by trafilatura; reader comments are
    left out, and so is the headline when the body repeats it (from the page's ``<h1>``).

    Raises InputError naming ``source`` when the page has no article text.
    """
    trafilatura = require("trafilatura")  # on first use: 0.3 s that other commands skip

    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, date_extraction_params=DATE_PARAMS
        )
    except Exception as error:  # a parser bug on one odd page must not stop the batch
        raise InputError(
            source, f"the HTML could not be parsed ({error!r}); {EXPECTED_PAGE}"
        ) from error
    body = (document.text or "") if document is not None else ""
    title = _clean(document.title) if document is not None else None
    first, _, rest = body.partition("\n")
    if title and " ".join(first.split()) == title:
        body = rest
    if document is None or not _LETTER.search(body):
        raise InputError(source, f"no article text found in the page; {EXPECTED_PAGE}")
    return Page(
        title=title,
        body=body.strip(),
        published=_iso_date(document.date),
        url=canonical_url(html) or _clean(document.url),
        site=_clean(document.sitename) or _clean(document.hostname),
    )


def page_record(page: Page, stem: str, published: date | None) -> Record:
    """A standalone page as a record: its file stem as id, dated by the page, else by
    ``published``."""
    return Record(
        id=stem,
        text=_headed(page.title, page.body),
        title=page.title,
        published=page.published or published,
        source=page.site,
        url=page.url,
    )


def parse_feed(data: bytes, stem: str, source: str) -> Feed:
    """The items of an RSS or Atom feed, by feedparser; an item without a guid is named
    by the feed's file stem and its number (``news-3``).

    Raises InputError naming ``source`` when the bytes are no feed or a broken one with
    no items; a broken feed that still gave items is read (feedparser is lenient).
    """
    feedparser = require("feedparser")  # on first use, like trafilatura

    try:  # bytes in a stream: feedparser takes a string for a URL or a file name
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    except Exception as error:  # a parser bug on one odd feed must not stop the batch
        raise InputError(
            source, f"the feed could not be parsed ({error!r}); {EXPECTED_FEED}"
        ) from error
    if not parsed.entries and parsed.get("bozo"):
        problem = _describe(parsed.get("bozo_exception"))
        raise InputError(source, f"broken feed ({problem}); {EXPECTED_FEED}")
    if not parsed.entries and not parsed.get("version"):
        raise InputError(source, f"no <rss>, <feed> or <rdf:RDF> root; {EXPECTED_FEED}")
    items = (_feed_item(entry, f"{stem}-{n}") for n, entry in enumerate(parsed.entries, 1))
    return Feed(title=_plain(parsed.feed.get("title_detail")) or None, items=tuple(items))


def item_record(
    item: FeedItem, feed: Feed, page: Page | None, published: date | None, source: str
) -> Record:
    """A feed item as a record: the article from its local ``page`` when there is one,
    else the item's own text; dated by the item, else the page, else ``published``.

    Raises InputError naming ``source`` when neither gives any text.
    """
    body = page.body if page is not None else item.text
    if not body:
        raise InputError(
            source,
            "the feed item has no content or summary and no saved page; expected an item "
            "with text, or its page saved as .html next to the feed",
        )
    title = item.title or (page.title if page is not None else None)
    return Record(
        id=item.id,
        text=_headed(title, body),
        title=title,
        published=item.published or (page.published if page is not None else None) or published,
        source=feed.title,
        url=item.url or (page.url if page is not None else None),
    )


class PageIndex:
    """Saved HTML pages a feed's items may point to. An item's page is the one whose
    canonical URL is the item's link (scheme, fragment and a trailing ``/`` aside), else
    the one whose file name is the link's last segment, with or without ``.html``:
    ``…/news/12345`` matches ``12345.html``. Where several match, the first given wins."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self._by_url: dict[str, Path] = {}
        self._by_name: dict[str, Path] = {}
        for path in paths:
            if path.suffix.lower() not in HTML_SUFFIXES:
                continue
            if url := _read_canonical_url(path):
                self._by_url.setdefault(_url_key(url), path)
            self._by_name.setdefault(path.name, path)
            self._by_name.setdefault(path.stem, path)

    def find(self, link: str) -> Path | None:
        """The saved page for ``link``, or None."""
        return self._by_url.get(_url_key(link)) or self._by_name.get(_last_segment(link))


class _HeadLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "").strip() for name, value in attrs}
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.links.setdefault("canonical", values.get("href", ""))
        elif tag == "meta" and values.get("property") == "og:url":
            self.links.setdefault("og:url", values.get("content", ""))


class _TextOnly(HTMLParser):
    def __init__(self, keep_newlines: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._keep_newlines = keep_newlines
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._mark(tag, +1)

    def handle_endtag(self, tag: str) -> None:
        self._mark(tag, -1)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data if self._keep_newlines else _NEWLINE.sub(" ", data))

    def _mark(self, tag: str, step: int) -> None:
        if tag in _SKIPPED:
            self._skipping = max(self._skipping + step, 0)
        elif tag in _BREAKS:
            self.parts.append("\n")


def strip_tags(html: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded, one line per block
    (``<p>``, ``<br>``, ``<li>``…). A fragment with no tag at all is plain text that
    feeds label HTML, so its own line breaks are kept."""
    parser = _TextOnly(keep_newlines=_TAG.search(html) is None)
    if not _run(parser, html):
        return " ".join(unescape(_MARKUP.sub(" ", html)).split())
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _run(parser: HTMLParser, html: str) -> bool:
    """Parse ``html``; False if html.parser gave up, as it does with an AssertionError on
    a malformed marked section (``<![foo[…]]>``)."""
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:
        return False
    return True


def _feed_item(entry: Any, default_id: str) -> FeedItem:
    texts = (_plain(detail) for detail in [*entry.get("content", ()), entry.get("summary_detail")])
    return FeedItem(
        id=(entry.get("id") or "").strip() or default_id,
        title=_plain(entry.get("title_detail")) or None,
        published=_entry_date(entry),
        url=(entry.get("link") or "").strip() or None,
        text=next((text for text in texts if text), ""),
    )


def _plain(detail: Any) -> str:
    """The text of a feedparser text construct, tags stripped when its type is HTML."""
    if not detail or not detail.get("value"):
        return ""
    value: str = detail["value"]
    return strip_tags(value) if "html" in (detail.get("type") or "") else value.strip()


def _describe(error: Any) -> str:
    """``not well-formed (invalid token) at line 1, column 12``, for a SAX error."""
    if not hasattr(error, "getLineNumber"):
        return str(error)
    line, column = error.getLineNumber(), error.getColumnNumber()
    return f"{error.getMessage()} at line {line}, column {column}"


def _entry_date(entry: Any) -> date | None:
    """The day an item was published, else updated, in the feed's own time zone.
    feedparser's ``*_parsed`` fields are in UTC, which would put news from 00:00–03:00
    Moscow time on the day before; they are only the fallback."""
    for key in ("published", "updated"):
        if day := _local_date(entry.get(key) or ""):
            return day
        if parsed := entry.get(f"{key}_parsed"):
            return date(*parsed[:3])
    return None


def _local_date(value: str) -> date | None:
    try:
        return parsedate_to_datetime(value).date()  # RSS: Mon, 19 Aug 2024 01:30:00 +0300
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.strip()).date()  # Atom: 2024-08-19T01:30:00+03:00
    except ValueError:
        return None


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _headed(title: str | None, body: str) -> str:
    return f"{title}\n{body}" if title else body


def _clean(value: str | None) -> str | None:
    """``value`` with its whitespace runs made single spaces; None when nothing is left."""
    return (" ".join(value.split()) or None) if value else None


def _read_canonical_url(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return None  # the page itself is rejected, with the reason, when it is read
    return canonical_url(head.decode(declared_charset(head) or "utf-8", errors="replace"))


def _url_key(url: str) -> str:
    """``https://Site.ru/news/1/#top`` and ``http://site.ru/news/1`` are one page."""
    parts = urlsplit(url.strip())
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.netloc.lower()}{parts.path.rstrip('/')}{query}"


def _last_segment(url: str) -> str:
    return unquote(urlsplit(url.strip()).path.rstrip("/").rpartition("/")[2])
