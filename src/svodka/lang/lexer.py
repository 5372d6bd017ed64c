"""Part of the amounts and dates stages: a lexer that knows how numbers are written.

razdel's tokens split «1.844.036.360,12» and glue «5,3млн»; numbers need their own
tokens. ``lex`` cuts a text into typed tokens in one regular-expression pass:

- ``num``: «500», «12,5», «1.5», «10 000» (spaces, no-break and thin spaces group
  thousands), «1.844.036.360,12» (dots group when there are two groups or a decimal comma);
- ``comp``: digits, a hyphen and letters: «30-летняя», «2020-го», «90-х», «1-й»;
- ``name``: letters glued to digits: «Су-35», «COVID-19», «G20», «N309-о», «5G»;
- ``date`` «15.03.2023», ``time`` «3:00» and scores «2:1», ``fract`` «1/16»,
  ``phone``, ``url`` (addresses and e-mails);
- ``word``, ``sign`` ($ € ₽ ¥ £ %), ``punct``, and ``nl`` for line breaks, which no
  amount or date crosses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from svodka.lang.text import QUOTES

SPACES = "\u0020\u00a0\u2009\u202f"

TOKEN = re.compile(
    rf"""
    (?P<word>(?!https?://|www\.)[^\W\d_]++(?:-[^\W\d_]++)*+(?!-?\d|[\w.+-]*@))
  | (?P<url>(?:https?://|www\.)\S+|[\w.+-]++@[\w-]+\.[\w.]+)
  | (?P<phone>\+\d[\d\s()-]{{9,}}\d
      |(?:(?:\+7|8)[\s-]?)?(?:\(\d{{3,5}}\)[\s-]?|\d{{3}}-)?\d{{2,3}}-\d{{2}}-\d{{2}}(?!\d))
  | (?P<date>(?<![\d.])\d{{1,2}}\.\d{{1,2}}\.(?:\d{{4}}|\d{{2}})(?![\d]|[.,]\d))
  | (?P<time>(?<!\d)\d{{1,3}}:\d{{1,3}}(?!\d))
  | (?P<fract>(?<!\d)\d+/\d+(?!\d))
  | (?P<name>[^\W\d_]++-?\d++(?:[.,]\d+)*+[\w-]*+|\d++[A-Za-z]+[\w-]*+)
  | (?P<comp>\d+(?:[.,]\d+)?-[^\W\d_]+)
  | (?P<num>\d{{1,3}}(?:[{SPACES}]\d{{3}})+(?:,\d+)?(?!\d)
      |\d{{1,3}}(?:\.\d{{3}}){{2,}}(?:,\d+)?(?!\d)
      |\d{{1,3}}(?:\.\d{{3}})+,\d+
      |\d{{1,3}}(?:,\d{{3}}){{2,}}(?!\d)
      |\d+(?:[.,]\d+)?)
  | (?P<word2>[^\W\d_]++(?:-[^\W\d_]++)*+)
  | (?P<sign>[$€₽¥£%])
  | (?P<nl>\n+)
  | (?P<punct>\S)
    """,
    re.VERBOSE,
)

WORD2 = {"word2": "word"}  # a word the fast first branch left: «Формулы» in «Формулы-1»


class Tok(NamedTuple):
    """A token: where it is, its kind (a group name of TOKEN) and its text, lowercased.

    A named tuple, not a dataclass: an article has ~1,000 tokens, and a tuple is built in
    a third of the time."""

    start: int
    stop: int
    kind: str
    text: str
    low: str


#: Texts up to this size are cached, as many as two of the pipeline's batches
#: (Config.docs_per_batch is 32, and one batch runs ahead): the dates and amounts stages
#: lex the same texts one after the other, and lexing is half their time. A longer text
#: (a news article is ~2,000 characters) is lexed again rather than held: its tokens take
#: ~200 bytes a character, and 64 parts of a huge text (Config.part_chars) would hold
#: hundreds of MB.
CACHE_CHARS, CACHE_TEXTS = 20_000, 64


def lex(text: str) -> tuple[Tok, ...]:
    """Cut ``text`` into typed tokens, in order."""
    return lex_cached(text) if len(text) <= CACHE_CHARS else lex_text(text)


@lru_cache(maxsize=CACHE_TEXTS)
def lex_cached(text: str) -> tuple[Tok, ...]:
    return lex_text(text)


def lex_text(text: str) -> tuple[Tok, ...]:
    toks = []
    for m in TOKEN.finditer(text):
        group = m.lastgroup or "punct"
        word = m.group()
        low = word.lower().replace("ё", "е") if "ё" in word or "Ё" in word else word.lower()
        toks.append(Tok(m.start(), m.end(), WORD2.get(group, group), word, low))
    return tuple(toks)


def digits_value(text: str) -> Decimal | None:
    """The number a ``num`` token writes: «1.844.036.360,12» → 1844036360.12, «5,3» → 5.3,
    «10 000» → 10000, «1,000,000» → 1000000; None when it is not one."""
    text = "".join(c for c in text if c not in SPACES)
    if text.count(".") > 1 or ("." in text and "," in text):
        text = text.replace(".", "").replace(",", ".")  # 1.844.036,12: dots group
    elif text.count(",") > 1:
        text = text.replace(",", "")  # 1,000,000: English grouping
    else:
        text = text.replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def plain(value: Decimal) -> int | float:
    """An int when the value is whole, else a float: 5.3e6 → 5300000, 12.5 → 12.5."""
    return int(value) if value == value.to_integral_value() else float(value)


def in_short_quotes(toks: Sequence[Tok], num: int, end: int) -> bool:
    """Tokens inside a short quoted name: «МИР 24», "112", «России сегодня»."""
    left = next((j for j in range(num - 1, max(-1, num - 4), -1) if toks[j].text in QUOTES), None)
    if left is None:
        return False
    right = next((j for j in range(end, min(len(toks), end + 3)) if toks[j].text in QUOTES), None)
    if right is None:
        return False
    inside = toks[left + 1 : right]
    return all(t.kind not in ("punct", "nl") for t in inside)
