"""Person names to the nominative: the part of the names stage that knows Russian names.

Every word of a name is inflected in one grammatical reading (case, number, gender)
shared by all its words, chosen by score: «Анны Ивановой» → «Анна Иванова»,
«Касым-Жомарта Токаева» → «Касым-Жомарт Токаев». A word's readings come from pymorphy's
name dictionary, else from the surname paradigms in
``resources/names/surname_endings.tsv``, else from adjectival surnames («Навального»);
a word none of them knows is indeclinable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from svodka.lang import morph
from svodka.lang.caches import word_cache
from svodka.resources import read_lines, read_table

CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")
HARD_CONSONANTS = CONSONANTS - {"й"}
#: How every patronymic ends: «-ович», «Кузьмич», «-евна», «-ична», «-инична».
PATRONYMIC_END = re.compile(r"(?:ич|на)$")
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
# Words after which a name leans nominative: «и Иванова заявила», «что Петров».
OPENERS = frozenset(read_lines("names/openers.txt"))
# The cost of a name word that cannot take a reading the others share.
MISFIT = -0.5
# How much the «already nominative» reading weighs against the dictionary's (0..1).
AS_WRITTEN_SCORE = 0.3
# «Лоре», «Анне»: endings of the oblique cases, rare as a first name's nominative.
OBLIQUE_ENDINGS = ("е", "у", "ю", "ой", "ей", "ом", "ем", "ы", "и")
# How much a woman's nominative weighs against the man's genitive it shares a form with.
HOMONYM_WEIGHT = 0.5
# pymorphy's score of a man's genitive above which a listed woman's name that shares its
# form reads as the man's («Петра» is Пётр's at 0.86); uniform scores (0.5) say nothing.
MOSTLY_HIS = 0.6
# A reading scored below this is a guess: a hyphenated name's first part keeps its form.
WEAK = AS_WRITTEN_SCORE / 3
# A lone name is one person far more often than a family («Ивановы»).
SING_PRIOR = 0.05


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

    A hyphenated word's first part declines with its last only where it has a reading
    of weight (:func:`declined_part`): «Касым-Жомарта» → «Касым-Жомарт».
    """
    return person_forms(words, subject_gender(after), nominative_hint(before))


def person_forms(words: list[str], gender: str | None, hint: float) -> list[str]:
    """:func:`normalize_person` given the subject's gender and the case hint."""
    if any(EPITHET.search(w) for w in words):
        # «Бекхэмом-младшим» → «Бекхэм-младший»: the epithet declines as a word of its own.
        parts = [p for w in words for p in EPITHET.sub(r" \1", w).split()]
        forms = iter(person_forms(parts, gender, hint))
        return ["-".join(next(forms) for _ in EPITHET.sub(r" \1", w).split()) for w in words]
    options = [
        word_options(w.split("-")[-1]) if w[:1].isupper() else epithet_options(w) for w in words
    ]
    if len(words) > 1:
        options = [one_person(opts) for opts in options]
        # The last word is the surname even where pymorphy has it as a first name only
        # («Серене Уильямс»): a woman's surname on a consonant is the same in every case.
        last = words[-1].split("-")[-1].lower()
        options[-1] = options[-1] + tuple(indeclinable_feminine(last, list(options[-1])))
    reading = best_reading(options, gender, hint)
    if reading is None:
        return words
    forms = []
    for word, opts in zip(words, options, strict=True):
        head, _, last = word.rpartition("-")
        fitting = [o for o in opts if fits_reading(o, reading)]
        nominative = (
            morph.restore_case(best_option(fitting, last).nominative, last) if fitting else last
        )
        if head and nominative.lower() != last.lower():
            # The parts decline together: «Сала-Бару» keeps «Сала» as «Бару» keeps its form.
            head = "-".join(declined_part(part, reading) for part in head.split("-"))
        last = nominative
        forms.append(f"{head}-{last}" if head else last)
    return forms


def declined_part(part: str, reading: tuple[str, str, str]) -> str:
    """A first part of a hyphenated name declines with the last where it has a reading of
    weight in the same case: «Франка-Вальтера» → «Франк-Вальтер», «Эвой-Марией» →
    «Эва-Мария»; «Касым-Жомартом» keeps «Касым», whose instrumental is only a guess."""
    fitting = [o for o in word_options(part) if fits_reading(o, reading) and o.score >= WEAK]
    if not fitting:
        return part
    return morph.restore_case(best_option(fitting, part).nominative, part)


def best_option(fitting: list[Option], word: str) -> Option:
    """The best scored reading; of equals, one that declines: «Марку Цукербергу» is Марк's
    dative more likely than an indeclinable «Марку»."""
    return max(fitting, key=lambda o: (o.score, o.nominative != word.lower()))


EPITHET = re.compile(r"-([а-яё]+)$")


@word_cache(0.1)
def epithet_options(word: str) -> tuple[Option, ...]:
    """Readings of a lowercase adjective inside a name: «младшим» → младший (ablt)."""
    return tuple(o for p in morph.parse(word) if p.tag.POS == "ADJF" and (o := parse_option(p)))


@word_cache()
def word_options(word: str) -> tuple[Option, ...]:
    """Readings of one name word; initials, abbreviations and Latin words have none
    and fit every reading."""
    if not word[:1].isupper() or (word.isupper() and len(word) > 1):
        return ()
    lower = word.lower()
    if lower.endswith(INDECLINABLE_ENDINGS):
        return ()  # «Банерджи», «Белуччи»: fits every reading, keeps its form
    parses = morph.parse(lower)
    named = [p for p in parses if is_name_parse(p)]
    # pymorphy's noun guesses for unknown words decline «Пелоси» as «Пелось», so only
    # the dictionary's names, the surname paradigms and adjectival surnames
    # («Навального») speak; a word none of them knows is indeclinable.
    options = [o for p in named if (o := parse_option(p))]
    if not any(o.number == "sing" or o.case == "nomn" for o in options):
        # «Милонов», «Митт»: a name pymorphy knows only as a family («Милоны», gent) is
        # read by the surname paradigms, as an adjectival surname, or as indeclinable.
        options = list(surname_options(lower)) or [
            o for p in parses if p.tag.POS == "ADJF" and (o := parse_option(p))
        ]
        if named and not options:
            options = [o for p in named if (o := parse_option(p))]
    # «Мартины Хингис»: a foreign feminine first name pymorphy reads as Мартин's forms.
    # A listed first name is one woman, never a family («Мартины» is not Мартины, plural).
    female = female_first_options(lower)
    if female:
        options = prefer_listed_woman(female, options)
    elif any("Name" in p.tag.grammemes for p in named):
        options = demote_homonyms(options)
    first_name_only = named and not any("Surn" in p.tag.grammemes for p in named)
    weak = options and max(o.score for o in options) < AS_WRITTEN_SCORE / 3
    nominative = any(o.case == "nomn" and o.number == "sing" for o in options)
    if (first_name_only or weak) and not nominative:
        options.append(as_written(lower))
    if len({o.case for o in options}) > 1 and all(o.nominative == lower for o in options):
        return ()  # «Джо», «Ромни», «Буш»: the same in every case, so no case evidence
    if not options and len(lower) > 3 and lower[-1:] in HARD_CONSONANTS | {"ь"}:
        # «Мигель», «Калинич»: a name on a consonant nothing declines is a man's
        # nominative (his other cases end otherwise) or a woman's in any case.
        options = [Option("nomn", "sing", "masc", lower, AS_WRITTEN_SCORE)]
    if not first_name_only:
        options += indeclinable_feminine(lower, options)
    return tuple(options)


def prefer_listed_woman(female: tuple[Option, ...], options: list[Option]) -> list[Option]:
    """«Мартины Хингис», «Асия Биби», «Серене Уильямс»: a listed foreign woman's name.

    A listed name is one woman, never a family (plural readings go). Where pymorphy's
    corpus scores say the form is mostly a man's genitive («Петра» 0.86, «Мартина» 0.91)
    her readings weigh half; where they say nothing (uniform scores: «Асия» as Асий's
    0.5/0.5) or her forms are guesses («Серене» as indeclinable), his weigh half.
    """
    singular = [o for o in options if o.number == "sing"]
    his = max((o.score for o in singular if o.case == "gent" and o.gender == "masc"), default=0)
    if his >= MOSTLY_HIS:
        return [*(replace(o, score=o.score * HOMONYM_WEIGHT) for o in female), *singular]
    return [*female, *(replace(o, score=o.score * HOMONYM_WEIGHT) for o in singular)]


def indeclinable_feminine(word: str, options: list[Option]) -> list[Option]:
    """«Серене Уильямс», «Анны Смит»: a surname on a hard consonant is a man's, declined,
    or a woman's, the same in every case; the woman's readings weigh as the man's
    nominative."""
    if word[-1:] not in HARD_CONSONANTS or any(o.gender == "femn" for o in options):
        return []
    score = max((o.score for o in options if o.case == "nomn" and o.gender == "masc"), default=0)
    if not score:
        return []
    return [Option(case, "sing", "femn", word, score) for case in morph.CASES]


def demote_homonyms(options: list[Option]) -> list[Option]:
    """«Петра», «Андрея»: a form that is a man's first name in the genitive and also a
    rare woman's name in the nominative reads as the man's far more often in news."""
    masculine = any(o.case == "gent" and o.gender == "masc" for o in options)
    if not masculine:
        return options
    return [
        replace(o, score=o.score * HOMONYM_WEIGHT) if o.case == "nomn" and o.gender == "femn" else o
        for o in options
    ]


def one_person(options: tuple[Option, ...]) -> tuple[Option, ...]:
    """A word of a name of several words names one person: «Владимир Путины» is
    Владимир Путин, and «Митт Ромни» is no family «Митты». A plural nominative on -ы/-и
    gives its singular; other plural readings are dropped."""
    if not options or any(o.number == "sing" for o in options):
        return tuple(o for o in options if o.number == "sing")
    return tuple(
        Option("nomn", "sing", None, o.nominative[:-1], o.score)
        for o in options
        if o.case == "nomn" and o.nominative.endswith(("ы", "и"))
    )


#: Case endings of a feminine first name in -а/-я: «Мартины», «Мартине», «Мартину».
FEMALE_ENDINGS = (
    ("а", "а", "nomn"), ("ы", "а", "gent"), ("и", "а", "gent"), ("е", "а", "datv"),
    ("е", "а", "loct"), ("у", "а", "accs"), ("ой", "а", "ablt"), ("я", "я", "nomn"),
    ("и", "я", "gent"), ("и", "я", "datv"), ("и", "я", "loct"), ("е", "я", "datv"),
    ("е", "я", "loct"), ("ю", "я", "accs"), ("ей", "я", "ablt"),
)  # fmt: skip
FOREIGN_FEMALE = frozenset(w.lower() for w in read_lines("names/foreign_female_first.txt"))
INDECLINABLE_ENDINGS = tuple(read_lines("names/indeclinable_endings.txt"))
FEMALE_FIRST_SCORE = 1.0


def female_first_options(word: str) -> tuple[Option, ...]:
    """Readings of a listed foreign feminine first name: «мартины» → Мартина (gent)."""
    found = []
    for ending, nominative_end, case in FEMALE_ENDINGS:
        if word.endswith(ending):
            nominative = word[: len(word) - len(ending)] + nominative_end
            if nominative in FOREIGN_FEMALE:
                found.append(Option(case, "sing", "femn", nominative, FEMALE_FIRST_SCORE))
    return tuple(found)


def is_name_parse(p) -> bool:
    """A dictionary parse as a name; first names only in the singular («Джен» is not
    the plural of «Джена» in a news story)."""
    grammemes = p.tag.grammemes
    if p.tag.POS != "NOUN" or not NAME_TAGS & grammemes or not morph.known(p.word):
        return False
    return "Name" not in grammemes or p.tag.number != "plur"


def as_written(word: str) -> Option:
    """The reading «this is already the nominative», for names the dictionary knows only
    in other forms («Асия» as a case of «Асий»); a final -а/-я makes it feminine.
    Words nothing knows («Псаки») get no readings at all and fit any."""
    gender = "femn" if word.endswith(("а", "я")) else None
    score = AS_WRITTEN_SCORE / 3 if word.endswith(OBLIQUE_ENDINGS) else AS_WRITTEN_SCORE
    return Option("nomn", "sing", gender, word, score)


def parse_option(p) -> Option | None:
    case, number = morph.case_of(p.tag), str(p.tag.number or "sing")
    form = p.word if case == "nomn" else morph.inflect(p, {"nomn", number})
    if case is None or form is None:
        return None
    return Option(case, number, morph.gender_of(p.tag), form, p.score)


def surname_options(word: str) -> tuple[Option, ...]:
    """Readings from the surname paradigms: «токаева» → Токаев (gent, accs) or Токаева."""
    for size in (5, 4, 3, 2, 1):
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
    for ending, case, number, gender, nominative, *weight in read_table(
        "names/surname_endings.tsv"
    ):
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


def drop_patronymic(name: str) -> str:
    """A person's name without the patronymic, as the GUIDE names people:
    «Владимир Владимирович Путин» → «Владимир Путин», «Сергей Анатольевич» → «Сергей»;
    «Роман Абрамович» keeps its surname (pymorphy knows it as one)."""
    words = name.split()
    if len(words) == 3 and is_patronymic(words[1], surname_too=True):
        return f"{words[0]} {words[2]}"
    patronymic_last = len(words) == 3 and is_patronymic(words[2], surname_too=False)
    if patronymic_last and morph.is_first_name(words[1]):  # «Медведев Дмитрий Анатольевич»
        return f"{words[1]} {words[0]}"
    if len(words) == 2 and is_patronymic(words[1], surname_too=False):
        return words[0]
    return name


@word_cache(0.1)
def is_patronymic(word: str, *, surname_too: bool) -> bool:
    """«Анатольевич», «Владимировна»: a dictionary patronymic; unless ``surname_too``,
    not a word that is also a surname («Абрамович»)."""
    if not word[:1].isupper() or len(word) < 6 or not PATRONYMIC_END.search(word):
        return False  # most words end otherwise: no dictionary look-up (it is slow)
    parses = [p for p in morph.parse(word.lower()) if morph.known(p.word)]
    patr = any("Patr" in p.tag.grammemes for p in parses)
    surname = any("Surn" in p.tag.grammemes for p in parses)
    return patr and (surname_too or not surname)
