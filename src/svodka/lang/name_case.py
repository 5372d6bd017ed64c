"""Capitals of a name's normal form: the dictionary's, not the writer's accident.

A name written all in lowercase («владимир путин», «сша») gets the capitals the
dictionary gives it; a capitalized common noun naming a group of people
(«Республиканцы») is no person's name.
"""

from __future__ import annotations

from svodka.lang import morph
from svodka.lang.caches import word_cache

PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})
PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})


def capitalize_names(text: str, type: str) -> str:
    """A name written all in lowercase gets the capitals the dictionary gives it:
    «владимир путин» → «Владимир Путин», «россии» → «России», «сша» → «США»; common
    words stay («американские», «коронавирус»). A person's name with one known name
    word capitalizes every word («михаил мурашко»)."""
    words = text.split(" ")
    kinds = [proper_kind(w, type) for w in words]
    if type == "PER" and any(kinds):
        kinds = [k or ("title" if w.isalpha() else None) for w, k in zip(words, kinds, strict=True)]
    return " ".join(
        w.upper() if k == "upper" else w[:1].upper() + w[1:] if k == "title" else w
        for w, k in zip(words, kinds, strict=True)
    )


def proper_kind(word: str, type: str) -> str | None:
    """How the dictionary writes a lowercase word's likeliest reading: «upper» for an
    abbreviation of a place or body («сша», «фбр»), «title» for a person's name or
    surname («путин») in a person's name and for a place («москва») in a place's; None
    for common words and adjectives («украинский», «минздрав»: a body written in
    lowercase is written so in its normal form too)."""
    if not word.isalpha() or not morph.known(word):
        return None
    best = morph.parse(word)[0]
    grammemes = best.tag.grammemes
    if best.tag.POS != "NOUN" or not PROPER_TAGS & grammemes:
        return None
    if "Abbr" in grammemes:
        return "upper"
    wanted = {"PER": PERSON_TAGS, "LOC": {"Geox"}}.get(type, set())
    return "title" if wanted & grammemes else None


@word_cache(0.1)
def is_group_noun(text: str) -> bool:
    """«Республиканцы», «Британцы»: one capitalized word the dictionary knows first as an
    animate common noun in the nominative plural, in no reading a name, surname, place
    or organisation; read as a group of people, not as a surname («Мясников» reads
    first as a genitive and stays a surname)."""
    word = text.lower()
    if not text.isalpha() or not text[:1].isupper() or not morph.known(word):
        return False
    parses = morph.parse(word)
    if any(PROPER_TAGS & p.tag.grammemes for p in parses):
        return False
    best = parses[0].tag
    return (
        best.POS == "NOUN"
        and "anim" in best.grammemes
        and best.number == "plur"
        and morph.case_of(best) == "nomn"
    )
