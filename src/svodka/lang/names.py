"""Names to the nominative: the normal form of a mention of a person, organisation or place.

«президента Казахстана Касым-Жомарта Токаева» has the mentions «Казахстана» and
«Касым-Жомарта Токаева»; their normal forms are «Казахстан» and «Касым-Жомарт Токаев».

- A person's name: every word is inflected in one grammatical reading (case, number,
  gender) shared by all its words, so «Анны Ивановой» → «Анна Иванова»
  (:mod:`svodka.lang.person`).
- An organisation or place: only the head group — leading adjectives and the first
  noun — is inflected; what follows is a dependent and keeps its form:
  «Министерства иностранных дел» → «Министерство иностранных дел»,
  «Алматинского автоцентра «КамАЗ»» → «Алматинский автоцентр «КамАЗ»»
  (:mod:`svodka.lang.head_group`).
"""

from __future__ import annotations

import re

from svodka.lang import morph
from svodka.lang.caches import word_cache
from svodka.lang.head_group import is_abbreviation, normalize_head_group
from svodka.lang.name_case import capitalize_names, is_group_noun
from svodka.lang.person import nominative_hint, person_forms, subject_gender
from svodka.lang.text import CLOSING_QUOTES, OPENING_QUOTES, QUOTES, fold_homoglyphs
from svodka.resources import read_lines

WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
WORD_END = re.compile(r"[А-Яа-яЁёA-Za-z]+$")
PUNCT_END = re.compile(r"[^\w\s]$")
#: Conjunctions that join two names into one phrase: «Путина и Токаева».
JOINING = frozenset({"и", "или"})
#: The text before a name joined by «и» to the next: «Переговоры| Путина и».
FIRST_CONJUNCT = re.compile(r"^(.*)\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*\s+(?:и|или)$", re.S)
# «КамАЗа», «МИДе», «ВТБ»: a case ending glued to an abbreviation.
ABBR_ENDING = re.compile(r"^(.*[A-ZА-ЯЁ])(а|у|ом|е|ы|ов|ам|ами|ах|ой)$")


def neighbours(text: str, start: int, stop: int) -> tuple[str, str]:
    """The token before a mention and the word after it, lowercased.

    A preposition before («с Токаевым») says the name is not nominative; a sentence
    start, a comma or a conjunction before it leans nominative; a past-tense verb after
    it («Иванова заявила») gives a subject's gender. The token before is a word or one
    punctuation character; the start of the text counts as «.». A name joined to the one
    before by «и» reads the token before that one («Переговоры Путина и Токаева»).
    """
    head = text[max(0, start - 80) : start].rstrip()
    found = WORD_END.search(head) or PUNCT_END.search(head)
    before = found.group(0).lower() if found else "."
    if before in JOINING and (first := FIRST_CONJUNCT.search(head)) is not None:
        # «Путина и Токаева»: the second name shares the first's context, not «и»'s
        found = WORD_END.search(first.group(1)) or PUNCT_END.search(first.group(1))
        before = found.group(0).lower() if found else "."
    match = WORD.search(text, stop, stop + 40)
    return before, match.group(0).lower() if match else ""


def normalize(text: str, type: str, before: str = "", after: str = "") -> str:
    """The nominative form of a mention of type PER, ORG or LOC.

    A person's name reads its neighbours as a case hint and a subject's gender; other
    names only whether a preposition comes before them (then they are no nominative:
    «в Автостате»); the cache is keyed by those: «России» is normalized once per run.
    """
    if type != "PER":
        return normalize_in(text, type, min(nominative_hint(before), 0.0), None)
    return normalize_in(text, type, nominative_hint(before), subject_gender(after))


LEGAL_SUFFIXES = frozenset(read_lines("orgs/legal_suffixes.txt"))


def strip_legal_suffix(text: str) -> str:
    """«Media Most Capital Ltd» → «Media Most Capital»: a legal form after the name goes
    (``orgs/legal_suffixes.txt``); a name that is only a legal form stays."""
    head, _, last = text.rstrip().rpartition(" ")
    word = last.rstrip(".").strip(",").lower()
    if head.strip() and word in LEGAL_SUFFIXES and not head.endswith(("&", "and", "и")):
        return head.rstrip(" ,")
    return text


@word_cache()
def normalize_in(text: str, type: str, hint: float, gender: str | None) -> str:
    """:func:`normalize` given the neighbours' hint (-1, 0, +1) and subject gender."""
    text = " ".join(text.split())
    inner = strip_outer_quotes(text)
    if inner != text:
        # «Северного потока — 2» → «Северный поток — 2»: inflect inside, keep the quotes.
        at = text.index(inner)
        return text[:at] + normalize_in(inner, type, hint, gender) + text[at + len(inner) :]
    text = uncap_shouting(text) if type != "ORG" else text  # «АНСА» is no dateline
    text = text if any(c.isupper() for c in text) else capitalize_names(text, type)
    words = list(WORD.finditer(text))
    if not words:
        return text
    if type == "PER" and any(w.group(0)[:1].isupper() for w in words) and not is_group_noun(text):
        # «Республиканцы» is a group of people, not a surname «Республиканца» in gent
        forms = person_forms([w.group(0) for w in words], gender, hint)
    else:
        forms = normalize_head_group(text, words, type, hint)
    out, last = [], 0
    for match, form in zip(words, forms, strict=True):
        out.append(text[last : match.start()] + form)
        last = match.end()
    out.append(text[last:])
    result = close_quotes(strip_abbr_endings("".join(out)))
    # pymorphy spells ё; keep the writer's е when the mention had none («Соединенные»).
    return result if "ё" in text.lower() else result.replace("ё", "е").replace("Ё", "Е")


def close_quotes(text: str) -> str:
    """«Алматинский автоцентр «КамАЗ» → «Алматинский автоцентр «КамАЗ»»: close what opens."""
    return text + "»" * max(0, text.count("«") - text.count("»"))


def strip_outer_quotes(text: str) -> str:
    """«Спутник V» → Спутник V; «Алматинский автоцентр «КамАЗ»» keeps its inner pair."""
    while len(text) > 2 and text[0] in OPENING_QUOTES and text[-1] in CLOSING_QUOTES:
        inner = text[1:-1]
        if count_marks(inner, OPENING_QUOTES) != count_marks(inner, CLOSING_QUOTES):
            break
        text = inner.strip()
    return text


def count_marks(text: str, marks: frozenset[str]) -> int:
    return sum(text.count(mark) for mark in marks)


def uncap_shouting(text: str) -> str:
    """«МОСКВА» in a dateline → «Москва», when the dictionary knows it as a name."""
    if not text.isupper() or len(text) < 4:
        return text
    parses = morph.parse(text.lower())
    grammemes = parses[0].tag.grammemes if parses and morph.known(parses[0].word) else set()
    if {"Geox", "Name", "Surn"} & grammemes and "Abbr" not in grammemes:
        return morph.restore_case(text.lower(), text.title())
    return text


#: Marks around a word: «"За права человека"», «(КамАЗа)».
MARKS = "".join(QUOTES) + "()[]"


def strip_abbr_endings(text: str) -> str:
    """«КамАЗа» → «КамАЗ», «МИДе» → «МИД», inside quote marks too («"КамАЗа"»); other
    words stay: «Дом», «Ле Пен», «Томом» open with one capital, which is no abbreviation,
    nor is «"За» of «"За права человека"»."""
    return " ".join(strip_abbr_ending(w) for w in text.split(" "))


def strip_abbr_ending(word: str) -> str:
    """:func:`strip_abbr_endings` for one word, its quote marks and brackets aside."""
    core = word.strip(MARKS)
    if not core or core.isupper():
        return word
    m = ABBR_ENDING.match(core)
    if m is None or not is_abbreviation(m.group(1)):
        return word
    at = word.index(core)
    return word[:at] + m.group(1) + word[at + len(core) :]


#: Endings only a surname in «-а» takes («с Хатоямой», «Журавлевой»), never a man's on a
#: consonant («Хатоямом», «Журавлевым»).
FEMININE_DECLENSION = ("ой", "ою")


def normalize_mentions(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """The normal forms of a document's mentions ``(start, stop, type)``: each from its
    words and neighbours, then the document's surnames settled (:func:`settle_surnames`).
    The names stage and the SlavicNER scorer both call this."""
    normals = [
        normalize(fold_homoglyphs(text[start:stop]), type_, *neighbours(text, start, stop))
        for start, stop, type_ in spans
    ]
    return settle_surnames(text, spans, normals)


def settle_surnames(text: str, spans: list[tuple[int, int, str]], normals: list[str]) -> list[str]:
    """The normal forms of a document's mentions, with the document's word on a surname in
    «-а»: a lone «Хатояма» reads as the genitive of «Хатоям», «Журавлева» as that of
    «Журавлев», but where the text writes «Хатоямой» and never «Хатоям», the «-а» form is
    the nominative (a foreign name, a woman's surname)."""
    words = set(WORD.findall(text))
    return [
        settle_surname(text[start:stop], normal, words) if type_ == "PER" else normal
        for (start, stop, type_), normal in zip(spans, normals, strict=True)
    ]


def settle_surname(surface: str, normal: str, words: set[str]) -> str:
    """:func:`settle_surnames` for one mention: «Хатояма» as «Хатоям» becomes «Хатояма»,
    and «Хатоямой», left as written, «Хатояма» too."""
    surface_words, parts = surface.split(), normal.split()
    if not surface_words or not parts:
        return normal
    written, last = surface_words[-1], parts[-1]
    if written == last and written.endswith(FEMININE_DECLENSION):
        stem = written[:-2]  # «с Хатоямой» where «Хатояма» stands elsewhere
        return " ".join([*parts[:-1], stem + "а"]) if stem + "а" in words else normal
    if written != last + "а" or last in words:
        return normal
    if not any(last + ending in words for ending in FEMININE_DECLENSION):
        return normal
    return " ".join([*parts[:-1], written])
