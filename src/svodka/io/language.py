"""Which Cyrillic-script language a text is in: Russian, or one the models cannot read.

The Cyrillic-share check of :func:`svodka.io.decode.check_russian` alone lets through Ukrainian,
Belarusian, Bulgarian and other Cyrillic text, which the Russian models then analyse into
nonsense. py3langid's naive Bayes model (shipped inside its wheel, so no download) tells
them apart; it is restricted to the Cyrillic-script languages it knows and reads only
the first ``SAMPLE_CHARS`` characters (about 0.5 ms). It is loaded once per process (about
1 s), and only when a sample could be another language: one with a letter the Russian
alphabet lacks, or with neither ы nor э. Russian news costs a regular-expression scan
(about 10 µs an article) and loads no model.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from typing import Any

#: Cyrillic-script languages of the model, by ISO 639-1 code, with their English names.
CYRILLIC_LANGUAGES = {
    "ru": "Russian",
    "uk": "Ukrainian",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "mk": "Macedonian",
    "sr": "Serbian",
    "kk": "Kazakh",
    "ky": "Kyrgyz",
    "mn": "Mongolian",
    "tt": "Tatar",
    "ba": "Bashkir",
    "tg": "Tajik",
}
#: The sample read. On 3,821 Russian news texts (RuCoCo, NEREL train) the first 300
#: characters were never taken for another language; headlines alone (100) sometimes
#: were, but with a confidence under 0.6.
SAMPLE_CHARS = 1000
#: Another language is reported only above this confidence: a short or mixed Russian
#: text that looks a little Bulgarian stays Russian.
MIN_CONFIDENCE = 0.9
#: Samples with fewer Cyrillic letters are too short to judge and pass.
MIN_LETTERS = 20

#: Letters of the other Cyrillic alphabets that Russian lacks (Ukrainian і ї є ґ,
#: Belarusian і ў, Serbian and Macedonian ј љ њ ћ џ ѓ ќ ѕ, Kazakh, Tatar, Bashkir,
#: Kyrgyz, Tajik, Mongolian ә ғ қ ң ө ұ ү һ җ ҙ ҫ ӣ ӯ ҳ ҷ …), and two letters Russian
#: text is never long without while Bulgarian has neither (ы, э). The model only runs
#: on a sample with one of the first or none of the second: Russian news skips it.
_FOREIGN_CYRILLIC = re.compile("[\u0400-\u040f\u0450-\u045f\u0460-\u04ff]")
_RUSSIAN_ONLY = re.compile("[ыэЫЭ]")
_loading = threading.Lock()


def detect_language(text: str) -> tuple[str, float] | None:
    """The language of ``text`` other than Russian and the model's confidence, or None
    when it reads as Russian or is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for char in sample if "\u0400" <= char <= "\u04ff") < MIN_LETTERS:
        return None
    if _RUSSIAN_ONLY.search(sample) and not _foreign_letters(sample):
        return None  # Russian letters only, and those no neighbour has: no model needed
    code, confidence = _identifier().classify(sample)
    if code == "ru" or confidence < MIN_CONFIDENCE:
        return None
    return CYRILLIC_LANGUAGES.get(code, code), confidence


def _foreign_letters(sample: str) -> bool:
    """Whether ``sample`` has a Cyrillic letter outside the Russian alphabet (ё is in it)."""
    return any(char not in "ёЁ" for char in _FOREIGN_CYRILLIC.findall(sample))


def _identifier() -> Any:
    with _loading:
        return _load_identifier()


@cache
def _load_identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CYRILLIC_LANGUAGES))
    return identifier
