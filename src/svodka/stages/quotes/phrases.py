"""Noun phrases around reporting verbs: who the subject is, and how far a name reaches.

This is a shallow reading, not a parser: a phrase is a head (an entity mention, a
pronoun or a noun) with the adjectives before it and the genitives, names and «в/из/при»
phrases after it; the subject is the first nominative phrase of the clause that agrees
with the verb in number and gender («Сестра погибшего Нина сообщила», not «погибшего»).
"""

from __future__ import annotations

from dataclasses import dataclass

from svodka.doc import Entity
from svodka.lang import morph
from svodka.resources import read_lines
from svodka.stages.quotes.lexicon import fold
from svodka.stages.quotes.view import PREPOSITIONS, View

#: Prepositions whose phrase belongs to a noun before it: «пресс-секретарь посольства
#: России в Таллинне», «энтузиасты из «Русского глобуса»».
#: Words after an utterance noun in which its author may be named.
AUTHOR_REACH = 6
MAX_DEPENDENT = 5  # words of «в 2010 году» between a participle and its noun
NOUN_PREPOSITIONS = frozenset(read_lines("quotes/noun_prepositions.txt"))
#: Words that head a subject though pymorphy reads them as adverbs or numerals:
#: «несколько чиновников … считают».
QUANTIFIERS = frozenset(read_lines("quotes/quantifiers.txt"))
#: Pronouns that stand as subjects: «Тот заявил», «там сочли», «который сообщил».
SUBJECT_PRONOUNS = frozenset(read_lines("quotes/subject_pronouns.txt"))
#: Of those, the ones that are also adverbs of place: «там сочли», but «Там он заявил».
PLACE_PRONOUNS = frozenset({"там", "где"})
#: «по его словам»; a description ends before one: «сослуживцы ее брата».
POSSESSIVES = frozenset(read_lines("quotes/possessives.txt"))
POSSESSIVE_PRONOUNS = POSSESSIVES | frozenset(read_lines("quotes/reflexive_possessives.txt"))
MAX_NAME_TOKENS = 8  # a quoted name inside a phrase: «энтузиасты из «Русского глобуса»»


@dataclass(frozen=True, slots=True)
class Phrase:
    """Tokens ``[first, last)`` headed by token ``head``; ``oblique`` when the phrase
    stands in an oblique case («по словам экспертов») and its head must be put in the
    nominative to name the speaker; ``literal`` when the phrase names the speaker as it
    is and points back to nothing («появилось сообщение, что …»)."""

    first: int
    last: int
    head: int
    oblique: bool = False
    literal: bool = False


@dataclass(slots=True)
class Claim:
    """A quote found, before its speaker is resolved: content offsets ``start``/``stop``,
    ``kind`` ("direct", "indirect", or "mention" for a source named with «со ссылкой на»
    that later words may point back to), the ``cue`` words and their first token ``at``.

    ``who`` is a phrase naming the speaker, "last" for the speaker of the quote before
    (a quote that continues one), "same" for the speaker of the claim before it in the
    same sentence, "outlet" for the outlet cited last (an impersonal «сообщается»), or
    None. ``weak`` marks people in a place («сообщили в департаменте»), whom a following
    «Об этом заявил X» replaces; ``refers_back`` marks that «Об этом …» claim itself.
    ``outlet_cue`` is an outlet's present tense («сообщает»). A ``cuttable`` claim (its
    cue comes first) ends where another claim's own clause begins, at that claim's token
    ``clause``; ``cue_last`` ends the whole attribution, speaker included.
    """

    start: int
    stop: int
    kind: str
    cue: str
    at: int
    who: Phrase | str | None
    weak: bool = False
    outlet_cue: bool = False
    refers_back: bool = False
    cuttable: bool = False
    clause: int = -1
    cue_last: int = -1


def noun_phrase(view: View, k: int, stop: int, *, oblique: bool = False) -> Phrase | None:
    """The noun phrase that starts at token ``k`` and ends before ``stop``, or None."""
    head = find_head(view, k, stop)
    if head is None:
        return None
    last = extend_right(view, head, stop, oblique=oblique)
    opened = view.opened_at(k)
    if opened is not None and last < stop and view.index(opened.stop) == last:
        last += 1  # «По подсчетам "Ренессанс Капитала", …»: the closing mark is the name's
    return Phrase(k, last, head, oblique)


def find_head(view: View, k: int, stop: int) -> int | None:
    """The head of a phrase starting at ``k``: past adjectives and quote marks, the first
    entity mention, pronoun, noun or unknown capitalized word."""
    for j in range(k, min(stop, k + 5)):
        if possessor(view, j, stop):
            continue  # «Его адвокат сообщил»: the lawyer speaks, not «его»
        if j in view.owner or view.word(j) in view.lex.pronouns or view.word(j) in QUANTIFIERS:
            return j
        if is_partitive(view, j, stop):
            return j
        if view.is_mark(j):
            continue
        if view.is_punct(j) or view.word(j) in PREPOSITIONS:
            return None  # «одного из …»: «из» is no noun («иза»)
        if is_attribute(view, j, stop):
            continue
        if (view.is_noun(j) and is_head_candidate(view, j)) or view.is_latin_or_name(j):
            return j
        if not view.is_adjective(j):
            return None
        past = noun_past_dependent(view, j, stop)
        if past is not None:
            return past  # «в распространенном в 2010 году пресс-релизе»
        if substantive(view, j, stop):
            return j  # «по словам самого обвиняемого»: the participle is the noun
    return None


def noun_past_dependent(view: View, k: int, stop: int) -> int | None:
    """The noun a participle at ``k`` qualifies past the words that depend on it: «в
    распространенном в 2010 году пресс-релизе» → «пресс-релизе», of the same case."""
    if k + 1 >= stop:
        return None
    prepositional = view.word(k + 1) in PREPOSITIONS
    if not prepositional and view.tag(k + 1).POS != "ADVB":
        return None
    cases = {morph.case_of(p.tag) for p in view.parses(k) if p.tag.POS in ("ADJF", "PRTF")}
    first = k + 3 if prepositional else k + 2  # past «в 2010» or «вчера»
    for j in range(first - 1, min(stop, k + 2 + MAX_DEPENDENT)):
        if view.is_punct(j):
            return None
        agrees = view.is_noun(j) and any(view.has_case(j, c, ("NOUN",)) for c in cases)
        last = j + 1 >= stop or not view.is_noun(j + 1) or is_genitive(view, j + 1)
        if j >= first and agrees and last:
            return j
    return None


def possessor(view: View, k: int, stop: int) -> bool:
    """«его», «ее», «их» before the noun they belong to: «его адвокат», «её владельцы»."""
    if view.word(k) not in POSSESSIVES or k + 1 >= stop:
        return False
    return k + 1 in view.owner or (view.is_noun(k + 1) and view.word(k + 1) not in POSSESSIVES)


def substantive(view: View, k: int, stop: int) -> bool:
    """An adjective or participle with no noun after it that stands for a person:
    «обвиняемого», «пострадавших», «погибшего» before a comma or the phrase's end."""
    after = k + 2 if k + 1 < stop and view.tag(k + 1).POS == "ADVB" else k + 1  # «вчера»
    if after < stop and not view.is_punct(after) and view.word(after) not in PREPOSITIONS:
        return False
    return any(
        p.tag.POS in ("ADJF", "PRTF") and "Apro" not in p.tag.grammemes for p in view.parses(k)
    )


def is_partitive(view: View, k: int, stop: int) -> bool:
    """An adjectival word before «из» heads its phrase: «одного из участников встречи»,
    «каждый из них», «некоторые из экспертов»."""
    return k + 1 < stop and view.word(k + 1) == "из" and view.is_adjective(k)


def is_attribute(view: View, k: int, stop: int) -> bool:
    """A word read as a noun that agrees as an adjective with the noun after it:
    «главного редактора» is headed by «редактора», not «главное»."""
    if k + 1 >= stop or k + 1 in view.owner or not view.is_noun(k + 1):
        return False
    nouns = [p.tag for p in view.parses(k + 1) if p.tag.POS == "NOUN"]
    return any(
        p.tag.POS == "ADJF"
        and any(
            (morph.case_of(p.tag), p.tag.number, p.tag.gender)
            == (morph.case_of(t), t.number, t.gender)
            for t in nouns
        )
        for p in view.parses(k)
    )


def extend_right(view: View, head: int, stop: int, *, oblique: bool = False) -> int:
    """Where the phrase headed at ``head`` ends: after its genitives («председатель
    комиссии»), names in apposition («… Михаил Барабанов»), quoted names and «в/из/при»
    phrases («в Таллинне»). An ``oblique`` phrase ends before a person named in the
    nominative, who begins the next clause: «По словам врачей Ричард Бах находился …»."""
    j = view.owner[head][2] if head in view.owner else head + 1
    while j < stop:
        if view.word(j) in POSSESSIVE_PRONOUNS:
            break  # «сослуживцы ее брата»: what points back is left out of a description
        if is_web_part(view, j):
            j += 2  # «uefa.com», «CNews.ru»
        elif j in view.owner:
            if oblique and j > head and starts_clause(view, j):
                break
            j = view.owner[j][2]
        elif view.is_mark(j):
            after = skip_name(view, j)
            if after is None:
                break
            j = after
        elif view.word(j) in NOUN_PREPOSITIONS and j + 1 < stop:
            after = prepositional_object(view, j + 1, stop, place=view.word(j) in ("в", "во"))
            if after is None:
                break
            j = after
        elif view.word(j) == "и" and j + 1 < stop and is_genitive(view, j + 1) and j > head + 1:
            j += 1  # «департамент информации и печати»
        elif is_genitive(view, j) and not view.is_finite(j):
            j += 1
        else:
            break
    return min(j, stop)


def starts_clause(view: View, k: int) -> bool:
    """A person's name at ``k`` that can only be nominative: «Ричард Бах», not «Сергея
    Лаврова» (the genitive of a phrase in apposition)."""
    entity, first, _ = view.owner[k]
    if entity.type != "PER" or view.has_case(first, "gent", ("NOUN",)):
        return False
    return view.has_case(first, "nomn", ("NOUN",))


def is_web_part(view: View, k: int) -> bool:
    """«.com» after «uefa»: the dot and the next part of a web address."""
    return (
        view.word(k) == "."
        and k + 1 < len(view.tokens)
        and view.tokens[k].start == view.tokens[k - 1].stop
        and view.tokens[k + 1].start == view.tokens[k].stop
        and view.tokens[k + 1].text.isascii()
        and view.tokens[k + 1].text.isalpha()
    )


def skip_name(view: View, k: int) -> int | None:
    """Past a short quoted name opened at ``k`` («Русского глобуса»), or None."""
    m = view.opened_at(k)
    if m is None or not m.closed:
        return None
    close = view.index(m.stop)
    if close - k > MAX_NAME_TOKENS:
        return None
    return close + 1


def prepositional_object(view: View, k: int, stop: int, *, place: bool = False) -> int | None:
    """Past the noun after a preposition («в Таллинне», «из «Русского глобуса»»); with
    ``place`` («в») only a noun in the locative: «СМИ в среду» is a time, not a part."""
    for j in range(k, min(stop, k + 4)):
        if j in view.owner:
            return view.owner[j][2]
        if view.is_mark(j):
            return skip_name(view, j)
        if view.is_noun(j):
            return j + 1 if not place or view.has_case(j, "loct") else None
        if not view.is_adjective(j):
            return None
    return None


def is_genitive(view: View, k: int) -> bool:
    """A word that can be a genitive dependent: «посольства», «этого», «журнала»."""
    if view.is_punct(k) or len(view.word(k)) < 2 or view.word(k) in PREPOSITIONS:
        return False  # «со» is no abbreviation here: «газета со ссылкой на …»
    return view.has_case(k, "gent", ("NOUN", "ADJF", "PRTF", "NUMR")) or (
        view.tokens[k].text.isupper() and len(view.tokens[k].text) > 1
    )


def is_nominative(view: View, k: int) -> bool:
    """Whether the word or mention at ``k`` can be in the nominative."""
    if k in view.owner:
        entity, first, last = view.owner[k]
        if entity.type == "PER" and entity.name.split():
            # the canonical name is nominative: «Спейси» of «Кевин Спейси» is, whatever
            # pymorphy guesses; «Медведева» of «Дмитрий Медведев» is not
            return as_named(view, entity.name, first, last)
        if oblique_name(view, first):
            return False  # «Сергея Иванова», though «Иванова» alone could be nominative
        return any(nominative_word(view, j) for j in range(first, last))
    return nominative_word(view, k)


def as_named(view: View, name: str, first: int, last: int) -> bool:
    """Whether a person's mention ends as the entity's canonical (nominative) name does:
    «Спейси», «Кевин Спейси», «В. Путин»; not «Путина»."""
    return fold(view.tokens[last - 1].text) == fold(name.split()[-1])


def oblique_name(view: View, k: int) -> bool:
    """A first name in an oblique case only: «Сергея», «Анне» (plural readings are
    pymorphy's guesses for foreign names: «Гарет» is not «Гареты»)."""
    names = [p for p in view.parses(k) if {"Name", "sing"} <= p.tag.grammemes]
    return bool(names) and all(morph.case_of(p.tag) != "nomn" for p in names)


def nominative_word(view: View, k: int) -> bool:
    word = view.word(k)
    if view.tokens[k].text.isascii() or word in QUANTIFIERS or word in SUBJECT_PRONOUNS:
        return True
    return any(
        morph.case_of(p.tag) == "nomn" or p.tag.POS in ("ADJS", None) for p in view.parses(k)
    )


def is_head_candidate(view: View, k: int) -> bool:
    """A word that can head a subject; «многие», «некоторые» only with no noun after."""
    word = view.word(k)
    if (
        word in PLACE_PRONOUNS
        and k + 1 < len(view.tokens)
        and (view.word(k + 1) in SUBJECT_PRONOUNS or k + 1 in view.owner)
    ):
        return False  # «Там он заявил», «где Путин сказал»: the place, not the subject
    if k in view.owner or word in SUBJECT_PRONOUNS or word in QUANTIFIERS:
        return True
    if view.is_latin_or_name(k):
        return True
    if not view.is_noun(k):
        return False
    if "Apro" in view.tag(k).grammemes or view.tag(k).POS == "NPRO":
        return k + 1 >= len(view.tokens) or not view.is_noun(k + 1)
    return True


def adjective_start(view: View, k: int, lo: int) -> int:
    """Where the nominative adjectives before a head begin: «информированный источник»,
    not «Между тем несколько …»."""
    heads = None
    while k > lo and view.has_case(k - 1, "nomn", ("ADJF", "PRTF")):
        if heads is None:
            heads = [
                p.tag for p in view.parses(k) if p.tag.POS == "NOUN" and "nomn" in p.tag.grammemes
            ]
        if view.word(k - 1) in PREPOSITIONS or view.is_punct(k - 1):
            break
        if view.word(k - 1).startswith("котор"):
            break  # «который Сорос назвал»: «который» is no attribute of Сорос
        if heads and not agrees_with(view, k - 1, heads):
            break  # «Позднее канадец заявил»: «позднее» is no attribute of «канадец»
        k -= 1
    return k


def agrees_with(view: View, k: int, heads: list) -> bool:
    """Whether a word at ``k`` has a nominative adjective reading agreeing with one of
    the head's noun readings ``heads`` in number and, in the singular, gender."""
    for p in view.parses(k):
        tag = p.tag
        if tag.POS not in ("ADJF", "PRTF") or "nomn" not in tag.grammemes:
            continue
        for head in heads:
            if tag.number == head.number and (
                tag.number == "plur" or tag.gender == head.gender or "ms-f" in head.grammemes
            ):
                return True
    return False


def in_short_quote(view: View, k: int, lo: int) -> bool:
    """Whether token ``k`` lies in a quoted name that opens at or after ``lo``."""
    for j in range(k - 1, max(lo, k - MAX_NAME_TOKENS) - 1, -1):
        m = view.opened_at(j)
        if m is not None and view.index(m.stop) > k:
            return True
    return False


def author_after(view: View, head: int) -> Entity | None:
    """The person named in the genitive right after an utterance or a letter at
    ``head``: «заявление его зятя Фредерика Сала-Бару», «в письме Левицкой»; not past a
    preposition («сообщение о визите Путина»)."""
    hi = min(view.unit(head)[1], head + AUTHOR_REACH)
    for k in range(head + 1, hi):
        if (view.is_punct(k) and not view.is_mark(k)) or view.word(k) in PREPOSITIONS:
            return None
        if k in view.owner and view.owner[k][0].type == "PER":
            return view.owner[k][0]
    return None
