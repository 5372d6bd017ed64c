"""Words a title phrase carries that no earlier stage tagged: a bracketed acronym
(«войсками Воздушно-космической обороны (ВКО) генерал-майор …») and a person's name the
NER missed («директор центра Майкл Коутс заявил»)."""

from __future__ import annotations

from svodka.stages.quotes.view import View

#: Tokens of a bracketed aside a title may carry: «(ВКО)», «(Минэнерго России)».
MAX_ASIDE = 8
MAX_NAME_WORDS = 3  # words of a person's name the NER missed: «Майкл Коутс»


def bracket_end(view: View, k: int, hi: int) -> int:
    """The token after the «)» closing a short aside opened at ``k`` («(ВКО)»); ``hi``
    when there is none."""
    for j in range(k + 1, min(hi, k + MAX_ASIDE)):
        if view.word(j) == ")":
            return j + 1
        if view.word(j) == "(":
            break
    return hi


def unnamed_person_end(view: View, k: int, hi: int) -> int:
    """«Директор космического центра имени Линдона Джонсона Майкл Коутс заявил»: two or
    three capitalised words the NER left untagged, ending the phrase right before its
    end, are the person the title describes; the phrase takes them in (``k`` when none)."""
    j = k
    while j < hi and j - k < MAX_NAME_WORDS and is_capitalised_word(view, j):
        j += 1
    if j - k < 2 or (j < hi and not view.is_punct(j) and not view.is_finite(j)):
        return k
    return j


def is_capitalised_word(view: View, k: int) -> bool:
    """A Cyrillic word in title case that is no entity's: «Майкл», «Коутс»."""
    text = view.tokens[k].text
    return (
        k not in view.owner
        and text[:1].isupper()
        and text[1:].islower()
        and all("а" <= c.lower() <= "я" or c in "ёЁ-" for c in text)
    )
