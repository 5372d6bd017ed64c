"""Names: the nominative normal form of every mention.

«президента Казахстана Касым-Жомарта Токаева» has the mentions «Казахстана» and
«Касым-Жомарта Токаева»; their normal forms are «Казахстан» and «Касым-Жомарт Токаев».

- A person's name: every word is inflected in one grammatical reading (case, number,
  gender) shared by all its words, so «Анны Ивановой» → «Анна Иванова».
- An organisation or place: only the head group — leading adjectives and the first
  noun — is inflected; what follows is a dependent and keeps its form:
  «Министерства иностранных дел» → «Министерство иностранных дел»,
  «Алматинского автоцентра «КамАЗ»» → «Алматинский автоцентр «КамАЗ»».
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from svodka import morph
from svodka.config import Config
from svodka.doc import Document
from svodka.resources import read_table

REQUIRES = ("spans",)
PROVIDES = ("names",)

WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
WORD_END = re.compile(r"[А-Яа-яЁёA-Za-z]+$")
PUNCT_END = re.compile(r"[^\w\s]$")
# «КамАЗа», «МИДе», «ВТБ»: a case ending glued to an abbreviation.
ABBR_ENDING = re.compile(r"^(.*[A-ZА-ЯЁ])(а|у|ом|е|ы|ов|ам|ами|ах|ой)$")
OPENING, CLOSING = '«„“"', '»“”"'
CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")
NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
# The parse scores pymorphy gives a form are close for names; a small prior for the
# masculine breaks ties such as «Токаева» (Токаев, gent) vs «Токаева» (femn, nomn),
# since in the SlavicNER train mentions masculine names are the large majority.
MASC_PRIOR = 0.05
# «Иванова заявила»: a past-tense verb right after a name hints that the name is its
# subject, so nominative and of the verb's gender. Only a hint: in «администрация Трампа
# заявила» the verb belongs to another noun.
SUBJECT_BONUS = 0.1
# How much the token before a name moves its reading toward or away from nominative.
CASE_HINT = 0.25
OPENERS = frozenset({"и", "а", "но", "или", "что", "как"})
# The cost of a name word that cannot take a reading the others share.
MISFIT = -0.5
# How much the «already nominative» reading weighs against the dictionary's (0..1).
AS_WRITTEN_SCORE = 0.3
# A lone name is one person far more often than a family («Ивановы»).
SING_PRIOR = 0.05


def load(config: Config) -> None:
    """Warm the morphology dictionaries."""
    morph.analyzer()


def apply(doc: Document, resources: None = None) -> Document:
    """Set ``normal`` on every span."""
    spans = tuple(
        replace(s, normal=normalize(s.text, s.type, *neighbours(doc.text, s.start, s.stop)))
        for s in doc.spans
    )
    return replace(doc, spans=spans)


def neighbours(text: str, start: int, stop: int) -> tuple[str, str]:
    """The token before a mention and the word after it, lowercased.

    A preposition before («с Токаевым») says the name is not nominative; a sentence
    start, a comma or a conjunction before it leans nominative; a past-tense verb after
    it («Иванова заявила») gives a subject's gender. The token before is a word or one
    punctuation character; the start of the text counts as «.».
    """
    head = text[max(0, start - 40) : start].rstrip()
    found = WORD_END.search(head) or PUNCT_END.search(head)
    before = found.group(0).lower() if found else "."
    match = WORD.search(text, stop, stop + 40)
    return before, match.group(0).lower() if match else ""


@lru_cache(maxsize=100_000)
def normalize(text: str, type: str, before: str = "", after: str = "") -> str:
    """The nominative form of a mention of type PER, ORG or LOC."""
    text = " ".join(text.split())
    inner = strip_outer_quotes(text)
    if inner != text:
        # «Северного потока — 2» → «Северный поток — 2»: inflect inside, keep the quotes.
        at = text.index(inner)
        return text[:at] + normalize(inner, type, before, after) + text[at + len(inner) :]
    text = uncap_shouting(text)
    words = list(WORD.finditer(text))
    if not words:
        return text
    if type == "PER" and any(w.group(0)[:1].isupper() for w in words):
        forms = normalize_person([w.group(0) for w in words], before, after)
    else:
        forms = normalize_head_group(text, words)
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
    while len(text) > 2 and text[0] in OPENING and text[-1] in CLOSING:
        inner = text[1:-1]
        if sum(inner.count(c) for c in OPENING) != sum(inner.count(c) for c in CLOSING):
            break
        text = inner.strip()
    return text


def uncap_shouting(text: str) -> str:
    """«МОСКВА» in a dateline → «Москва», when the dictionary knows it as a name."""
    if not text.isupper() or len(text) < 4:
        return text
    parses = morph.parse(text.lower())
    grammemes = parses[0].tag.grammemes if parses and parses[0].is_known else set()
    if {"Geox", "Name", "Surn"} & grammemes and "Abbr" not in grammemes:
        return morph.restore_case(text.lower(), text.title())
    return text


def strip_abbr_endings(text: str) -> str:
    """«КамАЗа» → «КамАЗ», «МИДе» → «МИД»; other words stay."""
    return " ".join(
        m.group(1) if (m := ABBR_ENDING.match(w)) and not w.isupper() else w
        for w in text.split(" ")
    )


@dataclass(frozen=True, slots=True)
class Option:
    """One grammatical reading of a name word and its nominative in that reading."""

    case: str
    number: str
    gender: str | None
    nominative: str
    score: float


def normalize_person(words: list[str], before: str, after: str) -> list[str]:
    """Inflect every word of a person's name to the nominative in one shared reading.

    Only the last part of a hyphenated word declines: «Касым-Жомарта» → «Касым-Жомарт».
    """
    options = [word_options(w.split("-")[-1]) for w in words]
    reading = best_reading(options, subject_gender(after), nominative_hint(before))
    if reading is None:
        return words
    forms = []
    for word, opts in zip(words, options, strict=True):
        head, _, last = word.rpartition("-")
        fitting = [o for o in opts if fits_reading(o, reading)]
        if fitting:
            last = morph.restore_case(max(fitting, key=lambda o: o.score).nominative, last)
        forms.append(f"{head}-{last}" if head else last)
    return forms


@lru_cache(maxsize=100_000)
def word_options(word: str) -> tuple[Option, ...]:
    """Readings of one name word: the name dictionary's, else surname endings, else guesses.

    Initials, abbreviations and Latin words have none and fit every reading.
    """
    if not word[:1].isupper() or (word.isupper() and len(word) > 1):
        return ()
    lower = word.lower()
    parses = morph.parse(lower)
    named = [p for p in parses if is_name_parse(p)]
    # pymorphy's noun guesses for unknown words decline «Пелоси» as «Пелось», so only
    # the dictionary's names, the surname paradigms and adjectival surnames
    # («Навального») speak; a word none of them knows is indeclinable.
    options = [o for p in named if (o := parse_option(p))]
    if not named:
        options = list(surname_options(lower)) or [
            o for p in parses if p.tag.POS == "ADJF" and (o := parse_option(p))
        ]
    first_name_only = named and not any("Surn" in p.tag.grammemes for p in named)
    if first_name_only and not any(o.case == "nomn" and o.number == "sing" for o in options):
        options.append(as_written(lower))
    return tuple(options)


def is_name_parse(p) -> bool:
    """A dictionary parse as a name; first names only in the singular («Джен» is not
    the plural of «Джена» in a news story)."""
    grammemes = p.tag.grammemes
    if p.tag.POS != "NOUN" or not p.is_known or not NAME_TAGS & grammemes:
        return False
    return "Name" not in grammemes or p.tag.number != "plur"


def as_written(word: str) -> Option:
    """The reading «this is already the nominative», for names the dictionary knows only
    in other forms («Асия» as a case of «Асий»); a final -а/-я makes it feminine.
    Words nothing knows («Псаки») get no readings at all and fit any."""
    gender = "femn" if word.endswith(("а", "я")) else None
    return Option("nomn", "sing", gender, word, AS_WRITTEN_SCORE)


def parse_option(p) -> Option | None:
    case, number = morph.case_of(p.tag), str(p.tag.number or "sing")
    form = p.word if case == "nomn" else morph.inflect(p, {"nomn", number})
    if case is None or form is None:
        return None
    return Option(case, number, morph.gender_of(p.tag), form, p.score)


def surname_options(word: str) -> tuple[Option, ...]:
    """Readings from the surname paradigms: «токаева» → Токаев (gent, accs) or Токаева."""
    for size in (4, 3, 2, 1):
        stem, ending = word[:-size], word[-size:]
        rows = SURNAME_ENDINGS.get(ending, ())
        if not rows and stem[-1:] in CONSONANTS:
            rows = SURNAME_ENDINGS.get("+" + ending, ())
        if rows and len(stem) > 1:
            total = sum(weight for *_, weight in rows)
            return tuple(
                Option(
                    case,
                    number,
                    None if gender == "-" else gender,
                    stem + nominative.lstrip("+"),
                    weight / total,
                )
                for case, number, gender, nominative, weight in rows
            )
    return ()


def load_surname_endings() -> dict[str, list[tuple[str, str, str, str, float]]]:
    """The surname paradigm table, keyed by ending."""
    table: dict[str, list[tuple[str, str, str, str, float]]] = {}
    for ending, case, number, gender, nominative, *weight in read_table("surname_endings.tsv"):
        row = (case, number, gender, nominative, float(weight[0]) if weight else 1.0)
        table.setdefault(ending, []).append(row)
    return table


SURNAME_ENDINGS = load_surname_endings()


def nominative_hint(before: str) -> float:
    """+1 when the token before a name leans nominative, -1 after a preposition, else 0
    (and 0 when the token before is not known: "")."""
    if not before:
        return 0.0
    if not before.isalpha() or before in OPENERS:
        return 1.0
    parses = morph.parse(before)
    return -1.0 if parses and parses[0].tag.POS == "PREP" else 0.0


def subject_gender(after: str) -> str | None:
    """«заявила» after a name says the name is feminine and nominative."""
    for p in morph.parse(after)[:1] if after else ():
        if p.tag.POS == "VERB" and p.tag.tense == "past" and p.tag.number == "sing":
            return morph.gender_of(p.tag)
    return None


def best_reading(
    options: list[tuple[Option, ...]], gender: str | None, hint: float = 0.0
) -> tuple[str, str, str] | None:
    """The (case, number, gender) every word can have, with the highest total score."""
    scores: dict[tuple[str, str, str], float] = {}
    for case in morph.CASES:
        for number in ("sing", "plur"):
            for gen in ("masc", "femn"):
                score = reading_score(options, (case, number, gen))
                if score > MISFIT * len(options):
                    prior = MASC_PRIOR * (gen == "masc") + SING_PRIOR * (number == "sing")
                    if (case, number, gen) == ("nomn", "sing", gender):
                        prior += SUBJECT_BONUS
                    if case == "nomn":
                        prior += CASE_HINT * hint
                    scores[(case, number, gen)] = score + prior
    return max(scores, key=scores.__getitem__) if scores else None


def reading_score(options: list[tuple[Option, ...]], reading: tuple[str, str, str]) -> float:
    """Summed scores of the best option of each word in ``reading``.

    Words with no options fit any reading and add nothing; a word with options none of
    which fits costs MISFIT and keeps its form («Терезе Мэй»: «Мэй» stays as written).
    """
    total = 0.0
    for opts in options:
        fits = [o.score for o in opts if fits_reading(o, reading)]
        total += max(fits) if fits else (MISFIT if opts else 0.0)
    return total


def fits_reading(option: Option, reading: tuple[str, str, str]) -> bool:
    case, number, gender = reading
    if option.case != case or option.number != number:
        return False
    return number == "plur" or option.gender in (gender, "ms-f", None)


def normalize_head_group(text: str, words: list[re.Match]) -> list[str]:
    """Inflect leading adjectives and the first noun of an ORG/LOC to the nominative."""
    forms = [w.group(0) for w in words]
    group = head_group(text, words)
    if not group:
        return forms
    parses = [tuple(morph.parse(forms[i].lower())) for i in group]
    if len(group) == 1 and parses[0] and parses[0][0].tag.POS in ("ADJF", "PRTF"):
        forms[group[0]] = normalize_adjective(parses[0][0], forms[group[0]])
        return forms
    reading = best_group_reading(parses)
    if reading is None or reading[0] == "nomn":
        return forms
    for i, opts in zip(group, parses, strict=True):
        fitting = [p for p in opts if fits_group(p.tag, reading)]
        form = morph.inflect(fitting[0], {"nomn", reading[1]}) if fitting else None
        if form:
            forms[i] = morph.restore_case(form, forms[i])
    return forms


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
        if any(q in text[: w.start()] for q in '«"“„') or is_abbreviation(word):
            break
        parses = morph.parse(word.lower())
        if "-" in word and not parses[0].is_known:
            break  # «Даунинг-стрит»: a compound the dictionary does not know stays as is
        pos = {p.tag.POS for p in parses[:2]}
        group.append(i)
        if not pos & {"ADJF", "PRTF"} or ("NOUN" in pos and i == len(words) - 1):
            break
    return group


def is_abbreviation(word: str) -> bool:
    """«МИД», «КамАЗа», «ВТБ»: a capital letter after the first one of a part
    («Санкт-Петербурге» is not one)."""
    return any(c.isupper() for part in word.split("-") for c in part[1:])


def best_group_reading(parses: list[tuple]) -> tuple[str, str, str] | None:
    """The (case, number, gender) the head group agrees in, with the highest score."""
    best, best_score = None, 0.0
    for p in parses[-1]:
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
            # for a word the dictionary does not know («Невада» is not «Невад» in gent).
            score += 0.01 if p.is_known else 0.3
        if score > best_score:
            best, best_score = reading, score
    return best


def fits_group(tag, reading: tuple[str, str, str]) -> bool:
    case, number, gender = reading
    if morph.case_of(tag) != case or str(tag.number or "sing") != number:
        return False
    return number == "plur" or not gender or morph.gender_of(tag) in (gender, None)
