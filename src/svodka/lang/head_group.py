"""The head group of an organisation's or place's name, inflected to the nominative.

Only the head group — leading adjectives and the first noun — is inflected; what
follows is a dependent and keeps its form: «Министерства иностранных дел» →
«Министерство иностранных дел», «Алматинского автоцентра «КамАЗ»» → «Алматинский
автоцентр «КамАЗ»». The group takes one reading (case, number, gender) its words agree
in; words the dictionary does not know are read with care: «Брекзита» is no woman's
name, «Неваде» is the gazetteer's «Невада» (:mod:`svodka.lang.place_names`).
"""

from __future__ import annotations

import re

from svodka.lang import morph
from svodka.lang.caches import word_cache
from svodka.lang.name_case import PERSON_TAGS
from svodka.lang.person import CASE_HINT
from svodka.lang.place_names import place_nominative
from svodka.lang.text import OPENING_QUOTES
from svodka.resources import read_lines

#: How much less a plural reading pymorphy guesses for an unknown word weighs: a name is
#: one thing far more often than many.
GUESSED_PLURAL = 0.1
#: How much more an unknown word's reading as a nominative weighs, by type: a place
#: («Невада») is often a feminine the dictionary does not know; an event or an
#: organisation on -а («Ковида», «Автостата») is more often a masculine's genitive.
UNKNOWN_NOMINATIVE = {"LOC": 0.3}
AGREEING = frozenset({"ADJF", "PRTF"})
#: Cases in which a masculine and a neuter adjective share their form («Панкисском»).
OBLIQUE_SHARED = frozenset({"gent", "datv", "ablt", "loct"})
GENDERS = frozenset({"masc", "femn", "neut"})
CONSONANT_LETTERS = frozenset("бвгджзклмнпрстфхцчшщ")
COMPOUND_TAILS = tuple(read_lines("names/compound_tails.txt"))


def normalize_head_group(
    text: str, words: list[re.Match], type: str = "ORG", hint: float = 0.0
) -> list[str]:
    """Inflect leading adjectives and the first noun of an ORG/LOC to the nominative."""
    forms = [w.group(0) for w in words]
    lone = len(forms) == 1 and forms[0].islower() and text == forms[0]
    if lone and (form := dictionary_adjective(forms[0], type)):
        return [form]
    if type == "LOC" and len(forms) == 1 and (place := known_place(forms[0])):
        return [place]
    group = head_group(text, words)
    if not group:
        return forms
    ordinals = {i for i in group if is_ordinal_ending(text, words[i])}
    parses = [
        ordinal_parses(forms[i]) if i in ordinals else group_parses(forms[i].lower(), type)
        for i in group
    ]
    if len(group) == 1 and parses[0] and parses[0][0].tag.POS in ("ADJF", "PRTF"):
        forms[group[0]] = normalize_adjective(masculine_first(parses[0]), forms[group[0]])
        return forms
    if type == "LOC" and len(group) == 1 and looks_nominative(forms[group[0]], parses[0]):
        return forms
    reading = best_group_reading(parses, hint, type)
    if reading is None:
        return singular_of_split_group(forms, group, parses)
    if reading[0] == "nomn":
        return forms
    wanted = {"nomn", reading[1]} | ({reading[2]} if reading[1] == "sing" and reading[2] else set())
    for i, opts in zip(group, parses, strict=True):
        fitting = [p for p in opts if fits_group(p.tag, reading)]
        form = inflect_keeping_stem(fitting[0], wanted, forms[i]) if fitting else None
        if form and i in ordinals:
            forms[i] = ordinal_ending(form)
        elif form:
            forms[i] = morph.restore_case(form, forms[i])
    return forms


#: An ordinal written in digits takes the readings of «второй» in the forms its ending
#: allows: «64-й» is a masculine nominative or a feminine oblique case, as «второй» is.
ORDINAL_FORMS = {
    "й": ("второй",), "я": ("вторая",), "е": ("второе", "вторые"), "го": ("второго",),
    "му": ("второму",), "м": ("втором", "вторым"), "ю": ("вторую",), "х": ("вторых",),
    "ми": ("вторыми",), "ой": ("второй",), "ая": ("вторая",), "ые": ("вторые",),
}  # fmt: skip


def is_ordinal_ending(text: str, word: re.Match) -> bool:
    """«й» of «64-й»: letters right after a number and a hyphen."""
    return (
        word.group(0) in ORDINAL_FORMS
        and text[: word.start()].endswith("-")
        and (text[: word.start() - 1][-1:].isdecimal())
    )


def ordinal_parses(ending: str) -> tuple:
    """The readings of an ordinal's ending, from «второй»'s forms."""
    return tuple(p for w in ORDINAL_FORMS[ending] for p in morph.parse(w) if p.tag.POS == "ADJF")


def ordinal_ending(form: str) -> str:
    """«вторая» → «я»: the nominative ending of an ordinal in digits."""
    return "й" if form.endswith(("ой", "ый", "ий")) else form[-1:]


def singular_of_split_group(forms: list[str], group: list[int], parses: list[tuple]) -> list[str]:
    """«Донецкой областей» (of «Луганской и Донецкой областей»), «Республиканской
    партий»: singular adjectives before a plural noun name one thing each; the group
    takes the adjectives' gender in the nominative singular: «Донецкая область»."""
    adjective, noun = parses[0][:1], parses[-1][:1]
    if len(group) < 2 or not adjective or not noun:
        return forms
    adjective, noun = adjective[0], noun[0]
    if adjective.tag.POS not in AGREEING or adjective.tag.number != "sing":
        return forms
    if morph.case_of(adjective.tag) == "nomn":
        return forms  # «Дагестанский Хунзах» is a nominative already
    if noun.tag.POS != "NOUN" or noun.tag.number != "plur":
        return forms
    gender = morph.gender_of(noun.tag) or morph.gender_of(adjective.tag)
    for i, opts in zip(group, parses, strict=True):
        wanted = {"nomn", "sing"} | ({gender} if opts[0].tag.POS in AGREEING and gender else set())
        form = morph.inflect(opts[0], wanted)
        if form:
            forms[i] = morph.restore_case(form, forms[i])
    return forms


@word_cache(0.1)
def group_parses(word: str, type: str = "ORG") -> tuple:
    """The parses of a word of an organisation's or place's name. For a word the
    dictionary does not know, pymorphy's guesses as a first name or surname go when it
    has others: «Брекзита» is Брекзит's genitive, not a woman named Брекзита. In a
    place's name a noun that may be a place is one: «Ливане» is Ливан's, not Ливана's."""
    parses = morph.parse(word)
    if type == "LOC" and morph.known(word) and any("Geox" in p.tag.grammemes for p in parses):
        return tuple(p for p in parses if p.tag.POS in AGREEING or "Geox" in p.tag.grammemes)
    if morph.known(word):
        return relational_first(parses)
    common = tuple(p for p in parses if not PERSON_TAGS & p.tag.grammemes) or parses
    if word.endswith("и"):
        # «Кальяри», «Комирнати»: a foreign word on -и does not decline; the guess of a
        # feminine on -ь («Кальярь») goes unless a known noun ends it («Газпромнефть»).
        common = tuple(p for p in common if not p.normal_form.endswith("ь") or has_known_tail(p))
    return common


def relational_first(parses: list) -> tuple:
    """Of two adjectives with the same form, the relational one first: «Окружного суда» is
    the district court's («окружной»), not a qualitative «окружный»."""
    if not any("Qual" in p.tag.grammemes for p in parses):
        return tuple(parses)
    relational = {
        p.normal_form for p in parses if p.tag.POS == "ADJF" and "Qual" not in p.tag.grammemes
    }
    if not relational:
        return tuple(parses)
    demoted = [p for p in parses if p.tag.POS == "ADJF" and "Qual" in p.tag.grammemes]
    return tuple([p for p in parses if p not in demoted] + demoted)


def has_known_tail(parse_) -> bool:
    """«Газпромнефти»: the guessed normal form ends in a dictionary noun of four letters
    or more («нефть»), so it declines as that noun does."""
    lemma = parse_.normal_form
    return any(is_noun_lemma(lemma[-size:]) for size in range(4, min(len(lemma) - 1, 8)))


def is_noun_lemma(word: str) -> bool:
    """A dictionary noun in its normal form: «нефть», not «бань» (of баня)."""
    best = morph.parse(word)[0]
    return morph.known(word) and best.tag.POS == "NOUN" and best.normal_form == word


def known_place(word: str) -> str | None:
    """«Неваде» → «Невада», «Делавэра» → «Делавэр»: a one-word place the dictionary
    does not know as one, in the nominative the gazetteer knows (:mod:`place_names`)."""
    lower = word.lower()
    if not word[:1].isupper() or is_abbreviation(word) or len(lower) < 4:
        return None
    parses = morph.parse(lower)
    if morph.known(lower) and (
        parses[0].tag.POS in AGREEING or any("Geox" in p.tag.grammemes for p in parses)
    ):
        return None  # «Луганской» is an adjective, «Казани» the dictionary's own place
    found = place_nominative(lower)
    return morph.restore_case(found, word) if found else None


def masculine_first(parses: tuple):
    """An adjective's best parse, masculine where its form is masculine or neuter:
    «британского МИД» → «британский МИД» (an abbreviation has no gender to agree with)."""
    best = parses[0]
    if morph.case_of(best.tag) not in OBLIQUE_SHARED or morph.gender_of(best.tag) != "neut":
        return best
    return next(
        (
            p
            for p in parses
            if p.tag.POS == best.tag.POS
            and morph.gender_of(p.tag) == "masc"
            and morph.case_of(p.tag) == morph.case_of(best.tag)
        ),
        best,
    )


def looks_nominative(word: str, parses: tuple) -> bool:
    """«Невада», «Индиана»: a place the dictionary does not know, on -а/-я, is a
    feminine nominative more often than the genitive pymorphy guesses (of «Невад»)."""
    if not word[:1].isupper() or not word.endswith(("а", "я")) or not parses:
        return False
    return not morph.known(parses[0].word) and all(
        morph.case_of(p.tag) != "nomn" or p.tag.number == "plur" for p in parses
    )


def dictionary_adjective(word: str, type: str = "LOC") -> str | None:
    """A lone lowercase adjective is named by its dictionary form, the masculine
    singular: «американской», «американских» → «американский»; a plural nominative of a
    people or places («американские», «русские») stays as written, of a party
    («демократические») does not."""
    parse_ = morph.parse(word)[0]
    if parse_.tag.POS not in ("ADJF", "PRTF"):
        return None
    if type != "ORG" and parse_.tag.number == "plur" and morph.case_of(parse_.tag) == "nomn":
        return word
    return parse_.normal_form


def inflect_keeping_stem(parse_, grammemes: set[str], word: str) -> str | None:
    """The form with ``grammemes`` closest to ``word``: «Высшей» → «Высшая», never
    «Высочайшая» (pymorphy files высший under высокий with its other superlatives)."""
    form = morph.inflect(parse_, grammemes) or morph.inflect(parse_, grammemes - GENDERS)
    if form is None or parse_.tag.POS != "ADJF":
        return form
    forms = [form, *(f.word for f in parse_.lexeme if grammemes <= f.tag.grammemes)]
    return max(forms, key=lambda f: common_prefix(f, word.lower()))


def common_prefix(a: str, b: str) -> int:
    a, b = a.replace("ё", "е"), b.replace("ё", "е")
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def normalize_adjective(parse_, word: str) -> str:
    """A lone adjective: «американского» → «американский», «американской» →
    «американская», «американских» → «американский»; a nominative stays."""
    if morph.case_of(parse_.tag) == "nomn":
        return word
    if parse_.tag.number == "plur":
        return morph.restore_case(parse_.normal_form, word)
    form = morph.inflect(parse_, {"nomn", "sing"})
    return morph.restore_case(form, word) if form else word


def head_group(text: str, words: list[re.Match]) -> list[int]:
    """Indexes of the leading adjectives and the first noun, before any quote mark.

    Abbreviations («МИД», «ООН») and quoted names are never inflected.
    """
    group = []
    for i, w in enumerate(words):
        word = w.group(0)
        if any(q in text[: w.start()] for q in OPENING_QUOTES) or is_abbreviation(word):
            break
        if is_ordinal_ending(text, w):
            group.append(i)  # «64-й отдельной бригады»: the ordinal agrees as an adjective
            continue
        parses = morph.parse(word.lower())
        if "-" in word and not morph.known(parses[0].word):
            break  # «Даунинг-стрит»: a compound the dictionary does not know stays as is
        if word.lower().endswith(COMPOUND_TAILS):
            break  # «Киргизтелеком», not «Киргизтелек»
        pos = {p.tag.POS for p in parses[:2]}
        if not morph.known(parses[0].word) and i < len(words) - 1:
            # «Панкисском ущелье»: an unknown word before a noun may be its adjective
            # even when pymorphy's first guesses are nouns.
            pos |= {p.tag.POS for p in parses if p.tag.POS == "ADJF"}
        group.append(i)
        if not pos & {"ADJF", "PRTF"} or ("NOUN" in pos and i == len(words) - 1):
            break
    return group


def is_abbreviation(word: str) -> bool:
    """«МИД», «КамАЗа», «ВТБ»: a capital letter after the first one of a part
    («Санкт-Петербурге» is not one)."""
    return any(c.isupper() for part in word.split("-") for c in part[1:])


def best_group_reading(
    parses: list[tuple], hint: float = 0.0, type: str = "ORG"
) -> tuple[str, str, str] | None:
    """The (case, number, gender) the head group agrees in, with the highest score; after
    a preposition (``hint`` -1) a nominative weighs less («в Автостата» is no nominative)."""
    best, best_score = None, 0.0
    for p in parses[-1]:
        if is_guessed_plural(p):
            continue
        reading = (
            morph.case_of(p.tag) or "",
            str(p.tag.number or "sing"),
            morph.gender_of(p.tag) or "",
        )
        score = p.score + sum(
            max((q.score for q in opts if fits_group(q.tag, reading)), default=-1.0)
            for opts in parses[:-1]
        )
        if reading[0] == "nomn":
            # Prefer leaving a form alone when it may already be nominative, much more so
            # for a word the dictionary does not know in the singular («Невада» is not
            # «Невад» in gent; «Нацразведки» is no plural).
            unknown = not morph.known(p.word) and reading[1] == "sing"
            bonus = UNKNOWN_NOMINATIVE.get(type, 0.0) if unknown else 0.01
            score += bonus + CASE_HINT * hint
        if reading[1] == "plur" and not morph.known(p.word):
            score -= GUESSED_PLURAL  # «Грексита» is Грексит's, not plural «Грексито»
        if score > best_score:
            best, best_score = reading, score
    return best


def is_guessed_plural(parse_) -> bool:
    """«Элаф», «Маарив», «Ликуд»: pymorphy guesses an unknown word on a consonant to be
    a genitive plural (of «Элафа»); a name written so is its own nominative."""
    word = parse_.word
    return (
        parse_.tag.number == "plur"
        and morph.case_of(parse_.tag) != "nomn"
        and word[-1:] in CONSONANT_LETTERS
        and not morph.known(word)
    )


def fits_group(tag, reading: tuple[str, str, str]) -> bool:
    """A parse agrees with the group's (case, number, gender); masculine and neuter
    adjectives share their oblique forms («Панкисском ущелье» is neuter)."""
    case, number, gender = reading
    if morph.case_of(tag) != case or str(tag.number or "sing") != number:
        return False
    genders = {gender, None}
    if case in OBLIQUE_SHARED and gender in ("masc", "neut") and tag.POS in ("ADJF", "PRTF"):
        genders |= {"masc", "neut"}
    return number == "plur" or not gender or morph.gender_of(tag) in genders
