"""Morphology helpers over pymorphy3, shared by the stages: cached parses and inflection.

pymorphy3 takes ~200 µs to parse an unknown word, and news repeats its words, so every
lookup goes through an LRU cache keyed by the lowercased word, bounded like every word
cache (:mod:`svodka.lang.caches`, ``Config.cache_words``).
"""

from __future__ import annotations

from functools import cache

import pymorphy3

from svodka.lang.caches import word_cache

_morph: pymorphy3.MorphAnalyzer | None = None

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process-wide pymorphy3 analyzer (its dictionaries load once, ~15 MB)."""
    global _morph
    if _morph is None:
        _morph = pymorphy3.MorphAnalyzer()
    return _morph


@word_cache(0.75)
def parse(word: str) -> tuple:
    """All pymorphy3 parses of a lowercased word, best first; never empty.

    pymorphy3 raises ValueError on some rare Unicode characters («0𗀀»); such a word
    gets the parse of a bare punctuation mark, so callers may always take ``[0]``.
    """
    try:
        return tuple(analyzer().parse(word))
    except ValueError:
        return tuple(analyzer().parse("?"))


def known(word: str) -> bool:
    """``Parse.is_known`` of a word: one lookup in the dictionary (~3 µs with pymorphy3's C
    reader, so not cached)."""
    return analyzer().word_is_known(word)


@word_cache(0.1)
def is_first_name(word: str) -> bool:
    """«Дмитрий»: a dictionary first name."""
    return any("Name" in p.tag.grammemes for p in parse(word.lower()) if known(p.word))


@word_cache(0.1)
def has_adjective_reading(word: str) -> bool:
    """Whether some reading of the word is a full adjective or participle: «военные»."""
    return any(p.tag.POS in ("ADJF", "PRTF") for p in parse(word))


@word_cache(0.1)
def adjective_lemma(word: str) -> str:
    """An adjective's or a participle's masculine nominative: «заслуженного» →
    «заслуженный» (not the verb «заслужить»), «главного» → «главный» (not the noun
    «главное», pymorphy's first parse), «ближайшую» → «ближайший» (not «близкий»)."""
    parses = parse(word.lower())
    best = next((p for p in parses[:3] if p.tag.POS in ("ADJF", "PRTF")), parses[0])
    if best.tag.POS == "PRTF" or "Supr" in best.tag:
        return inflect(best, {"nomn", "sing", "masc"}) or best.normal_form
    return best.normal_form


@word_cache(0.5)
def lemma(word: str) -> str:
    """The most likely normal form of a word, lowercased: «президента» → «президент»."""
    parses = parse(word.lower())
    return parses[0].normal_form if parses else word.lower()


@cache
def case_of(tag) -> str | None:
    """The grammatical case of a parse, folding the rare second cases into the main ones
    (cached: a dictionary has a few thousand tags, and reading one takes microseconds)."""
    case = str(tag.case) if tag.case else None
    return {"gen2": "gent", "acc2": "accs", "loc2": "loct", "voct": "nomn"}.get(case, case)


def gender_of(tag) -> str | None:
    """The gender of a parse as a plain string: masc, femn, neut, ms-f (common) or None."""
    if "ms-f" in tag.grammemes:
        return "ms-f"
    return str(tag.gender) if tag.gender else None


def inflect(parse_, grammemes: set[str]) -> str | None:
    """The word form of ``parse_`` with ``grammemes``, or None when pymorphy has none."""
    form = parse_.inflect(grammemes)
    return form.word if form is not None else None


def restore_case(word: str, like: str) -> str:
    """Give ``word`` the capitalization of ``like``, part by part across hyphens.

    «санкт-петербург» like «Санкт-Петербурге» → «Санкт-Петербург».
    """
    parts, models = word.split("-"), like.split("-")
    if len(parts) != len(models):
        models = [like] * len(parts)
    return "-".join(copy_case(p, m) for p, m in zip(parts, models, strict=True))


def copy_case(word: str, like: str) -> str:
    """«иванов» like «ИВАНОВА» → «ИВАНОВ»; like «Иванова» → «Иванов»; a capital inside
    the stem both share stays: «дирест» like «ДиРеста» → «ДиРест»."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if not like[:1].isupper():
        return word
    letters = list(word[:1].upper() + word[1:])
    for i, (mine, model) in enumerate(zip(word, like, strict=False)):
        if mine != model.lower():
            break
        if model.isupper():
            letters[i] = mine.upper()
    return "".join(letters)


def inflections(word: str, *, strict: bool = False) -> set[str]:
    """Every form of ``word`` in pymorphy3's paradigms, lowercased, ё as е.

    With ``strict``, forms whose most likely reading is another word are left out:
    «семью» is more often «семья» than «семь», «третью» more often «третий» than «треть».
    """
    forms = {word}
    for p in analyzer().parse(word):
        if p.normal_form.replace("ё", "е") == word.replace("ё", "е"):
            forms.update(f.word for f in p.lexeme)
    forms = {f.replace("ё", "е") for f in forms}
    if strict:
        forms = {f for f in forms if f == word or lemma(f).replace("ё", "е") == word}
    return forms
