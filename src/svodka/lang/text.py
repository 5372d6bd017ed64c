"""The marks of written Russian every layer compares text with, defined once: quote marks,
dashes, and ``fold``, the form in which words and names are compared.

A module that needs a different membership derives it from these sets and says why
(``QUOTES | {"'"}``); it never writes a fresh literal.
"""

from __future__ import annotations

import re
from functools import cache

from svodka.lang.caches import word_cache

#: Quote marks of Russian news: «ёлочки», „лапки“, “English” and straight "marks".
QUOTES = frozenset('«»"„“”')
#: The marks that open a quote and those that close one: “ closes „…“ in German style,
#: and a straight mark does both.
OPENING_QUOTES, CLOSING_QUOTES = QUOTES - {"»", "”"}, QUOTES - {"«", "„"}
#: Dashes between words and numbers: hyphen-minus, en dash «5–7», em dash «— сказал»,
#: figure dash.
DASHES = frozenset("-–—‒")


def fold(text: str, marks: frozenset[str] = QUOTES) -> str:
    """The form texts are compared in: lowercase, ё → е, no ``marks``, one space between
    words. «Зелёная  “Ёлка”» → «зеленая елка»."""
    return " ".join(text.lower().replace("ё", "е").translate(dropping(marks)).split())


@cache
def dropping(marks: frozenset[str]) -> dict[int, None]:
    """A ``str.translate`` table that deletes ``marks``."""
    return dict.fromkeys(map(ord, marks))


#: The hyphen and the non-breaking hyphen too: names pasted from word processors keep them.
NAME_DASHES = DASHES | {"\u2010", "\u2011"}
#: A dash with the spaces around it: «Усть – Каменогорск» is «Усть-Каменогорск».
SPACED_DASH = re.compile(r"\s*[" + re.escape("".join(sorted(NAME_DASHES))) + r"]\s*")


@word_cache(0.2)
def fold_name(name: str) -> str:
    """The comparison form of a name: ``fold``, without outer dots and
    apostrophes, every dash a hyphen. «Усть–Каменогорск» → «усть-каменогорск»."""
    return " ".join(SPACED_DASH.sub("-", fold(name).strip(" '.")).split())


#: Latin letters that look like Cyrillic ones. Old and hastily typed news mixes them into
#: Russian words («Hева» with a Latin H, «Забайкальcкого» with a Latin c), which the NER
#: model and the dictionaries then do not know.
HOMOGLYPHS = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")
_LATIN = re.compile("[A-Za-z]")
#: A Latin letter next to a Cyrillic one, and a word with one.
_BOUNDARY = re.compile("[A-Za-z][А-Яа-яЁё]|[А-Яа-яЁё][A-Za-z]")
_MIXED_WORD = re.compile(f"[A-Za-zА-Яа-яЁё]*(?:{_BOUNDARY.pattern})[A-Za-zА-Яа-яЁё]*")


def fold_homoglyphs(text: str) -> str:
    """Latin look-alikes inside Cyrillic words made Cyrillic: «Hеве» → «Неве». Only words
    with both scripts whose every Latin letter has a Cyrillic twin change, letter for
    letter, so offsets stay; «iPhone», «McDonald's» and «SakhalinMedia.ru» stay."""
    if not _BOUNDARY.search(text):
        return text  # most texts: one fast scan
    return _MIXED_WORD.sub(fold_mixed_word, text)


def fold_mixed_word(match: re.Match) -> str:
    """One word of :func:`fold_homoglyphs`."""
    word = match.group()
    folded = word.translate(HOMOGLYPHS)
    return word if _LATIN.search(folded) else folded
