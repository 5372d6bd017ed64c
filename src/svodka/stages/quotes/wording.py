"""A speaker's description as written, put in the nominative: its head and the
adjectives before it inflected («по словам очевидцев» → «очевидцы»), determiners dropped
(«один гражданин Белоруссии» → «гражданин Белоруссии») and names in their canonical form
where only quote marks differ («источник РИА "Новости"» → «источник РИА Новости»)."""

from __future__ import annotations

from svodka.lang import morph
from svodka.lang.text import QUOTES
from svodka.stages.quotes.lexicon import fold
from svodka.stages.quotes.phrases import Phrase
from svodka.stages.quotes.view import PREPOSITIONS, View


def head_features(view: View, phrase: Phrase) -> tuple[str | None, str | None]:
    for p in view.parses(phrase.head):
        if p.tag.POS in ("NOUN", "ADJF", "PRTF"):
            return (str(p.tag.number) if p.tag.number else None), morph.gender_of(p.tag)
    return None, None


def nominative_text(view: View, phrase: Phrase) -> str:
    """The phrase as written, with its head and the adjectives before it in the
    nominative when it stood in an oblique case: «источника GZT.ru» → «источник GZT.ru»."""
    parts: list[str] = []
    first = phrase.first
    while first < phrase.head and view.word(first) in view.lex.determiners:
        first += 1  # «один гражданин Белоруссии» → «гражданин Белоруссии»
    inflect = phrase.oblique
    gender = head_features(view, phrase)[1] or "masc"
    if gender == "neut" and not view.is_noun(phrase.head):
        gender = "masc"  # «одного из участников»: «один», not «одно»
    for k in range(first, phrase.last):
        word = view.tokens[k].text
        # «одного из участников встречи» → «один из участников встречи»: only the head
        # group before a preposition changes
        inflect = inflect and view.word(k) not in PREPOSITIONS
        if inflect and k <= phrase.head and k not in view.owner:
            word = to_nominative(view, k, gender, attribute=k < phrase.head)
        gap = view.text[view.tokens[k - 1].stop : view.tokens[k].start] if parts else ""
        parts.append(gap + word)
    text = balanced(as_named(view, phrase, "".join(parts)))
    word = view.tokens[first].text
    if first not in view.owner and not (word.isupper() and len(word) > 1):
        text = text[:1].lower() + text[1:]
    return text


def balanced(text: str) -> str:
    """A description cut inside a quoted name loses its marks: «источник РИА "Новости»
    → «источник РИА Новости»."""
    marks = sum(1 for c in text if c in QUOTES)
    return text if marks % 2 == 0 else "".join(c for c in text if c not in QUOTES)


def as_named(view: View, phrase: Phrase, text: str) -> str:
    """A name written as its entity's canonical name but with quote marks takes that
    name (GUIDE: «источник РИА "Новости"» → «источник РИА Новости»); an inflected one
    keeps its form and marks («энтузиасты из "Русского глобуса"»)."""
    for k in range(phrase.first, phrase.last):
        owner = view.owner.get(k)
        if owner is None or owner[1] != k:
            continue
        written = view.span_text(owner[1], owner[2])
        plain = "".join(c for c in written if c not in QUOTES)
        if plain != written and fold(plain) == fold(owner[0].name):
            text = text.replace(written, owner[0].name)
    return text


def to_nominative(view: View, k: int, gender: str = "masc", *, attribute: bool = False) -> str:
    """«экспертов» → «эксперты», «пресс-службы» → «пресс-служба», keeping the number;
    an adjective takes the head's gender: «главного ведомства» → «главное ведомство»."""
    word = view.tokens[k].text
    kinds = ("ADJF", "PRTF") if attribute else ("NOUN", "ADJF", "PRTF")
    for p in agreeing_first(view.parses(k), gender):
        if p.tag.POS in kinds and morph.case_of(p.tag) != "nomn":
            form = morph.inflect(p, {"nomn"})
            if form:
                return morph.copy_case(form, word)
    return word


def agreeing_first(parses: tuple, gender: str) -> list:
    """An adjective's readings of the head's gender first: «одного» is «один», not
    «одно», when nothing says otherwise (a speaker is a man by default)."""
    return sorted(parses, key=lambda p: p.tag.POS != "NOUN" and p.tag.gender not in (None, gender))
