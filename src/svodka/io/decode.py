"""Bytes to text, and the checks every input passes: the encoding (a BOM, UTF-8, a declared
or guessed Cyrillic code page: cp1251 is common), binary content, and the language.

Every entry point (files, stdin, pages, feeds, the REST API) goes through these, so one
rule decides what counts as readable Russian text.
"""

from __future__ import annotations

import codecs
import re

from svodka.errors import InputError
from svodka.io.language import detect_language

try:
    from charset_normalizer import from_bytes
except ImportError:  # pragma: no cover - a declared dependency, but only a fallback here
    from_bytes = None

# Russian news quotes Latin names, brands, tickers and URLs, so a real article may carry
# a fair share of Latin letters, yet it stays far above 30% Cyrillic; English or other
# text with a few Russian words stays far below. The models only read Russian, so text
# under the line is rejected instead of being analysed into nonsense.
MIN_CYRILLIC_SHARE = 0.30
LANGUAGE_SAMPLE_CHARS = 100_000  # the language check reads this much: whole articles

BINARY_SAMPLE_CHARS = 65_536
MAX_CONTROL_SHARE = 0.05  # text has almost no control characters, random bytes ~11%

# Code pages tried when the bytes are not UTF-8. cp1251 wins unless another one reads
# clearly better (by ENCODING_MARGIN). If even the best reads as no Russian (its share
# of common bigrams under MIN_BIGRAM_SHARE; real text has ~0.4) the input is likely in
# another language, and charset-normalizer's guess is used so the language check can
# report it truthfully. Below MIN_BIGRAMS_TO_JUDGE letter pairs the sample is too short.
CYRILLIC_ENCODINGS = ("cp1251", "koi8_r", "mac_cyrillic", "cp866", "iso8859_5")
ENCODING_SAMPLE_BYTES = 65_536
ENCODING_MARGIN = 0.02
MIN_BIGRAM_SHARE = 0.2
MIN_BIGRAMS_TO_JUDGE = 100

FILE_KINDS = ".txt, .json, .jsonl, .html or feed file"

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CYRILLIC_CODECS = frozenset(codecs.lookup(name).name for name in CYRILLIC_ENCODINGS)
_BIGRAM = re.compile("(?=[а-яё]{2})")
_COMMON_BIGRAM = re.compile(  # the most frequent letter pairs of Russian
    "(?=ст|но|то|на|ен|ов|ни|ра|во|ко|ро|ал|ре|по|пр|ет|он|ли|ка|ос|не|ан|ва|ор|ол|та|ер"
    "|ть|го|ло|ле|ит|ки|ин|ат|ие|ия|ль|ом|ес|ел|ем|де|ти)"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_RUSSIAN_NON_ASCII = re.compile("[а-яёА-ЯЁ«»—–…№\u00a0]")
_MIDWORD_CAPITAL = re.compile("[а-яё][А-ЯЁ]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC_LETTER = re.compile("[\u0400-\u0481\u048a-\u04ff]")


def decode_bytes(data: bytes, source: str, *, declared: str | None = None) -> str:
    """Decode ``data``: by its BOM, else as strict UTF-8, else as the ``declared`` code
    page (an HTML page's ``<meta charset>``) if it is a Cyrillic one, else as the likeliest
    Cyrillic code page (cp1251 unless another reads clearly better). Other declared code
    pages are not trusted: a Russian page that claims Latin-1 is usually cp1251.

    Raises InputError naming ``source`` for binary content or bytes invalid for their BOM.
    """
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        if encoding is not None:
            raise InputError(
                source,
                f"the bytes are not valid {encoding} although they start with its "
                f"byte order mark ({error.reason} at byte {error.start}); expected text",
            ) from error
        text = _decode_declared(data, declared) or _decode_legacy(data)
    sample = text[:BINARY_SAMPLE_CHARS]
    if "\x00" in text or len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise InputError(source, f"binary content, not text; expected a {FILE_KINDS}")
    return text


def check_russian(text: str, source: str) -> None:
    """Raise InputError naming ``source`` unless ``text`` is an article in Russian: the one
    input rule of every entry point (files, stdin, pages, feeds, the REST API).

    Empty or whitespace-only text is rejected; so is text under ``MIN_CYRILLIC_SHARE``
    Cyrillic letters, and Cyrillic text in another language (Ukrainian, Belarusian,
    Bulgarian…, see :mod:`svodka.io.language`). Text with no letters at all (digits,
    punctuation) passes: there is nothing to judge, and it gives an empty result.
    """
    if not text.strip():
        raise InputError(
            source, "the text is empty or only whitespace; expected an article in Russian"
        )
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return
    share = len(_CYRILLIC_LETTER.findall(sample)) / letters
    if share < MIN_CYRILLIC_SHARE:
        raise InputError(
            source,
            f"not Russian text ({int(share * 100)}% Cyrillic letters); expected an "
            f"article in Russian, with at least {MIN_CYRILLIC_SHARE:.0%} Cyrillic letters",
        )
    found = detect_language(sample)
    if found is not None:
        language, confidence = found
        raise InputError(
            source,
            f"not Russian text (it reads as {language}, {int(confidence * 100)}% sure); "
            "expected an article in Russian",
        )


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    if declared is None or codecs.lookup(declared).name not in _CYRILLIC_CODECS:
        return None
    try:
        return data.decode(declared)
    except UnicodeDecodeError:
        return None


def _decode_legacy(data: bytes) -> str:
    """Decode non-UTF-8 bytes with the code page under which they read most like Russian."""
    sample = data[:ENCODING_SAMPLE_BYTES]
    scores = {name: _plausibility(sample.decode(name, "replace")) for name in CYRILLIC_ENCODINGS}
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    if scores[ranked[0]] - scores["cp1251"] <= ENCODING_MARGIN:
        ranked.insert(0, "cp1251")
    if not _reads_as_russian(sample.decode(ranked[0], "replace")) and from_bytes is not None:
        guess = from_bytes(sample).best()
        ranked.insert(0, guess.encoding if guess is not None else ranked[0])
    for name in ranked:  # the sample may have missed a byte the full decode rejects
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    return data.decode("koi8_r")  # pragma: no cover - koi8_r decodes any byte


def _plausibility(text: str) -> float:
    """How Russian ``text`` reads: the share of its non-ASCII characters that are Russian
    letters or typography (less capitals inside words), plus its common-bigram share."""
    russian = len(_RUSSIAN_NON_ASCII.findall(text)) - len(_MIDWORD_CAPITAL.findall(text))
    return russian / max(len(_NON_ASCII.findall(text)), 1) + _bigram_share(text.lower())


def _bigram_share(lowered: str) -> float:
    return len(_COMMON_BIGRAM.findall(lowered)) / max(len(_BIGRAM.findall(lowered)), 1)


def _reads_as_russian(text: str) -> bool:
    lowered = text.lower()
    if len(_BIGRAM.findall(lowered)) < MIN_BIGRAMS_TO_JUDGE:
        return True  # too short to judge: keep the Cyrillic reading
    return _bigram_share(lowered) >= MIN_BIGRAM_SHARE
