"""Subjects of reporting verbs: the first nominative phrase of the clause that agrees
with the verb in number and gender («Сестра погибшего Нина сообщила», not «погибшего»;
«представители … считают», not «Семья …»), or the phrase after the verb («— сказал в
понедельник собеседник агентства»), or the place that speaks («сообщили в департаменте»).
"""

from __future__ import annotations

from dataclasses import replace

from svodka.lang import morph
from svodka.resources import read_lines
from svodka.stages.quotes.lexicon import VerbForm, fold, lemma, parse
from svodka.stages.quotes.phrases import (
    QUANTIFIERS,
    Phrase,
    adjective_start,
    extend_right,
    in_short_quote,
    is_genitive,
    is_head_candidate,
    is_nominative,
    is_partitive,
    noun_phrase,
)
from svodka.stages.quotes.untagged import bracket_end, unnamed_person_end
from svodka.stages.quotes.view import CLAUSE_CONJUNCTIONS, PREPOSITIONS, View

#: «в частности», «в связи с»: «в» + these is no place that speaks.
#: Relative pronouns in the nominative that open a clause as its subject.
RELATIVE_SUBJECTS = frozenset({"который", "которая", "которое", "которые"})
#: «в сентябре прошлого года»: times, no place that speaks and no head of a genitive name.
TIME_NOUNS = frozenset(read_lines("quotes/time_nouns.txt"))
NOT_PLACES = frozenset(read_lines("quotes/not_places.txt")) | TIME_NOUNS
SUBJECT_REACH = 40  # tokens between a verb and its subject, at most
MAX_CLAUSE_REACH = 400  # tokens looked back over for the start of a clause


def agrees(view: View, k: int, form: VerbForm | None) -> bool:
    """Whether a subject at ``k`` agrees with the verb form in number (and gender in the
    past singular): «Семья … считают» does not, «представители … считают» does."""
    if form is None or form.number is None:
        return True
    number, gender = features(view, k)
    if number is not None and number != form.number:
        return False
    if form.number == "sing" and form.gender and gender and gender != "ms-f":
        # «канцлер отметила»: a woman holding a masculine title
        return gender == form.gender or (
            (gender, form.gender) == ("masc", "femn") and is_title(view, k)
        )
    return True


def is_title(view: View, k: int) -> bool:
    """An animate masculine noun that names a position: «канцлер», «министр»."""
    return k not in view.owner and any(
        "anim" in p.tag.grammemes and p.tag.POS == "NOUN" for p in view.parses(k)[:2]
    )


def features(view: View, k: int) -> tuple[str | None, str | None]:
    """The number and gender a subject at ``k`` imposes on its verb, where known."""
    word = view.word(k)
    if k in view.owner:
        entity = view.owner[k][0]
        if entity.type == "PER":
            return "sing", person_gender(entity.name)
        return name_number(view, k), None
    if word in view.lex.pronouns:
        gender, number = view.lex.pronouns[word]
        return (None if number == "any" else number), (
            gender if gender in ("masc", "femn") else None
        )
    if word in QUANTIFIERS:
        return "plur", None
    for p in view.parses(k):
        if morph.case_of(p.tag) == "nomn" and p.tag.POS in ("NOUN", "ADJF", "PRTF", "NPRO"):
            return (str(p.tag.number) if p.tag.number else None), morph.gender_of(p.tag)
    return None, None


def name_number(view: View, k: int) -> str | None:
    """The number of an organisation's name by its first word, when it is clear:
    «Базовый элемент» → sing, «Ведомости» → plur, «МИД» → None."""
    numbers = {
        str(p.tag.number)
        for p in view.parses(k)
        if morph.case_of(p.tag) == "nomn" and p.tag.number and "Fixd" not in p.tag.grammemes
    }
    return numbers.pop() if len(numbers) == 1 else None


def person_gender(name: str) -> str | None:
    """A person's gender from the first name («Нина» → femn), or None when unknown."""
    first = name.split()[0].lower() if name.split() else ""
    for p in parse(fold(first)):
        if "Name" in p.tag.grammemes and p.tag.gender in ("masc", "femn"):
            return str(p.tag.gender)
    return None


def subject_left(view: View, verb: int, lo: int, form: VerbForm | None) -> Phrase | None:
    """The subject before a verb, in the clause from ``lo``: the first nominative phrase
    not governed by a preposition that agrees with the verb; failing that, the nearest
    person named in the nominative («Уже после задержания Шаройко признался»)."""
    governed, after_noun, name_end, after_time = False, False, -1, False
    lo = max(lo, verb - SUBJECT_REACH)
    for j in range(lo, verb):
        word = view.word(j)
        if j < name_end or (j in view.owner and view.owner[j][1] != j):
            continue
        if view.is_mark(j):
            m = view.opened_at(j)
            if m is not None and (after_noun or governed):
                name_end = view.index(m.stop) + 1  # «книге «Архив Митрохина»»: a name
        elif view.is_punct(j):
            governed, after_noun = False, False
        elif word in PREPOSITIONS:
            governed = True
        elif not governed and is_partitive(view, j, verb) and is_nominative(view, j):
            return noun_phrase(view, adjective_start(view, j, lo), verb)  # «Один из …»
        elif is_head_candidate(view, j):
            dependent = after_noun and is_genitive(view, j) and not view.is_mark(j - 1)
            dependent = dependent and not nominative_attribute(view, j - 1)
            dependent = dependent and not (after_time and j in view.owner)  # «года МВД»
            if not governed and not dependent and is_nominative(view, j):
                if agrees(view, j, form) and not relative_object(view, j, verb, form):
                    phrase = noun_phrase(view, adjective_start(view, j, lo), verb)
                    if phrase is None:
                        return None
                    phrase = prefer_person(view, phrase, verb, commas=True)
                    return joined_titles_person(view, phrase, verb, form) or phrase
                pair = coordination(view, j, verb, form)
                if pair is not None:
                    return pair
            governed, after_noun = False, view.tag(j).POS == "NOUN" or j in view.owner
            after_time = j not in view.owner and lemma(word) in TIME_NOUNS
        elif view.tag(j).POS not in ("ADJF", "PRTF", "NUMR"):
            governed, after_noun = False, False  # «Между тем …»: no noun was governed
    return nearest_person(view, verb, lo, form)


def relative_object(view: View, k: int, verb: int, form: VerbForm | None) -> bool:
    """«рынок, который Сорос назвал …»: «который» is the object when a name that agrees
    with the verb stands between it and the verb."""
    if view.word(k) not in RELATIVE_SUBJECTS:
        return False
    return any(
        j in view.owner
        and view.owner[j][1] == j
        and is_nominative(view, j)
        and agrees(view, j, form)
        for j in range(k + 1, verb)
    )


def joined_titles_person(
    view: View, phrase: Phrase, verb: int, form: VerbForm | None
) -> Phrase | None:
    """«Советник президента Иванова и глава совета по культуре Петр Смирнов заявил»: two
    titles joined by «и» before a singular verb are one person's, the one named right
    before the verb; not Иванов, in the genitive after the first title."""
    if form is None or form.number != "sing" or phrase.last >= verb - 1:
        return None
    if verb - 1 not in view.owner:
        return None
    entity, first, _ = view.owner[verb - 1]
    if entity.type != "PER" or not is_nominative(view, first) or not agrees(view, first, form):
        return None
    between = range(phrase.last, first)
    if "и" not in view.words[phrase.last : first] or any(view.is_punct(j) for j in between):
        return None
    return Phrase(phrase.first, verb, first)


def nominative_attribute(view: View, k: int) -> bool:
    """An adjective before a head that can only be nominative: «В связи с расследованием
    местные СМИ сообщили» — «СМИ» is no genitive of «расследованием»."""
    return view.has_case(k, "nomn", ("ADJF", "PRTF")) and not view.has_case(
        k, "gent", ("ADJF", "PRTF")
    )


def coordination(view: View, k: int, verb: int, form: VerbForm | None) -> Phrase | None:
    """«Дадаев и братья Губашевы … заявив»: two subjects joined by «и» before a plural
    verb; the speaker is named by both, as written. Joined by «, а также» the first
    one is the speaker, the second one an addition."""
    if form is None or form.number != "plur":
        return None
    first = noun_phrase(view, k, verb)
    if first is None or first.last + 1 >= verb:
        return None  # «следователь и прокурор заявляли»: «и» and a word at least
    if view.words[first.last : first.last + 3] == [",", "а", "также"]:
        return first  # «Семья погибшего, а также представители Ирака, считают»: the first
    if view.word(first.last) != "и":
        return None
    second = noun_phrase(view, first.last + 1, verb)
    if second is None or not is_nominative(view, second.head):
        return None
    return Phrase(first.first, second.last, first.head, literal=True)


def nearest_person(view: View, verb: int, lo: int, form: VerbForm | None) -> Phrase | None:
    """The last person mention before the verb that can be its subject, not one in a
    quoted name («В книге «Архив Митрохина» утверждается»)."""
    for j in range(verb - 1, lo - 1, -1):
        if j in view.owner and not in_short_quote(view, j, lo):
            entity, first, last = view.owner[j]
            if entity.type == "PER" and is_nominative(view, first) and agrees(view, first, form):
                return Phrase(first, last, first)
    return None


def subject_right(view: View, verb: int, hi: int, form: VerbForm | None) -> Phrase | None:
    """The subject after a verb, up to ``hi`` or the first comma: «— сказал в понедельник
    собеседник агентства», «сообщил «Интерфаксу» информированный источник»."""
    if form is not None and form.object:
        quoted = object_person(view, verb, min(hi, verb + SUBJECT_REACH))
        if quoted is not None:
            return quoted  # «приводит слова Селянне «Спорт-Экспресс»»: Селянне's words
    governed, after_noun, start = False, False, None
    hi = min(hi, verb + SUBJECT_REACH)
    for j in range(verb + 1, hi):
        word = view.word(j)
        if j in view.owner and view.owner[j][1] != j:
            continue
        if view.is_punct(j) and not view.is_mark(j):
            break
        if word in PREPOSITIONS:
            governed, start = True, None
        elif not governed and is_partitive(view, j, hi) and is_nominative(view, j):
            return noun_phrase(view, start if start is not None else j, hi)  # «один из …»
        elif is_head_candidate(view, j):
            dependent = after_noun and is_genitive(view, j) and not view.is_mark(j - 1)
            dependent = dependent or (after_noun and place_apposition(view, j))
            if not governed and not dependent and is_nominative(view, j) and agrees(view, j, form):
                return noun_phrase(view, start if start is not None else j, hi)
            governed, start, after_noun = False, None, True
        elif not governed and substantive_subject(view, j, hi) and agrees(view, j, form):
            # «сообщил … оперативный дежурный Турачакского РОВД»
            first = start if start is not None else j
            return Phrase(first, extend_right(view, j, hi), j)
        elif view.is_adjective(j) and not governed:
            start = j if start is None else start
    return None


def substantive_subject(view: View, k: int, hi: int) -> bool:
    """An adjective used as a noun in the nominative with no noun of its own after it:
    «дежурный», «уполномоченный», «управляющий» (pymorphy's ``Subx``)."""
    if k + 1 < hi and (view.is_noun(k + 1) or view.has_case(k + 1, "nomn", ("ADJF",))):
        return False
    return any(
        p.tag.POS == "ADJF" and "Subx" in p.tag.grammemes and morph.case_of(p.tag) == "nomn"
        for p in view.parses(k)
    )


def place_apposition(view: View, k: int) -> bool:
    """A place named right after the noun it names: «в материалах суда округа Колумбия»,
    «власти штата Техас» — not the subject of the verb before."""
    return k in view.owner and view.owner[k][0].type == "LOC" and is_genitive(view, k - 1)


def object_person(view: View, verb: int, hi: int) -> Phrase | None:
    """«цитирует Феттеля BBC», «цитирует газета слова … Чеснулявичюса»: the person quoted;
    failing a person, whoever «слова» are of: «приводит слова официальных лиц Ирана»."""
    words = None
    for j in range(verb + 1, hi):
        if view.is_punct(j) and not view.is_mark(j) and view.word(j) not in "()":
            break
        if j in view.owner and view.owner[j][0].type == "PER":
            _, first, last = view.owner[j]
            return Phrase(first, last, first)
        if words is None and lemma(view.word(j)) == "слово" and j + 1 < hi:
            words = noun_phrase(view, j + 1, hi, oblique=True) if is_genitive(view, j + 1) else None
    return words


def locative(view: View, lo: int, hi: int, *, source: bool = False) -> Phrase | None:
    """«сообщили в департаменте …», «говорится на сайте Кремля»: the place that speaks;
    not «в частности» or «в связи с …». With ``source`` (after the verb) also the place
    it speaks from: «Как сообщили из федеральной прокуратуры, …»."""
    for j in range(lo, min(hi, lo + SUBJECT_REACH) - 1):
        word = view.word(j)
        # «как сообщили в "М.Видео"»: a quoted name after the preposition
        obj = j + 2 if view.is_mark(j + 1) and j + 2 < hi else j + 1
        place = word in ("в", "во", "на") and lemma(view.word(obj)) not in NOT_PLACES
        if place and governs(view, obj, "loct"):
            return noun_phrase(view, j + 1, hi, oblique=True)
        if source and word == "из" and governs(view, j + 1, "gent"):
            return noun_phrase(view, j + 1, hi, oblique=True)
    return None


def governs(view: View, k: int, case: str) -> bool:
    """Whether a preposition's object at ``k`` is a name or a noun phrase in ``case``."""
    return k in view.owner or view.has_case(k, case, ("NOUN", "ADJF", "PRTF"))


def prefer_person(view: View, phrase: Phrase, hi: int, *, commas: bool = False) -> Phrase:
    """«первый заместитель командующего ОГВ - руководитель … полковник Олег Хотин»: a
    person named in the nominative further on, before any comma or preposition, is the
    one the titles describe. With ``commas`` (a subject before its verb), commas inside
    the titles are passed: «Директор департамента пассивных, страховых и … продуктов
    банка «Открытие» Вадим Погосьян пояснил»."""
    if any(
        k in view.owner and view.owner[k][0].type == "PER" for k in range(phrase.first, phrase.last)
    ):
        return phrase
    j = phrase.last
    while j < hi:
        word = view.word(j)
        if word == "(":  # «войсками Воздушно-космической обороны (ВКО) генерал-майор X»
            j = bracket_end(view, j, hi)
            continue
        passable = view.is_dash(j) or view.is_mark(j) or (commas and word == ",")
        if word in PREPOSITIONS or (view.is_punct(j) and not passable):
            break
        if j in view.owner and view.owner[j][0].type == "PER" and is_nominative(view, j):
            _, first, last = view.owner[j]
            return Phrase(phrase.first, last, first)
        j += 1
    end = unnamed_person_end(view, phrase.last, hi)
    return replace(phrase, last=end) if end != phrase.last else phrase


def subject_of(view: View, k: int, lo: int | None = None) -> Phrase | str:
    """The subject of the clause a word at ``k`` belongs to; a gerund («назвав») takes
    the subject of the finite verb before it; "last" when none is found. ``lo`` bounds
    the search (a clause nested in a reported one begins there)."""
    if lo is None:
        lo, _ = view.unit(k)
    lo = max(lo, k - SUBJECT_REACH)
    verb = (
        k
        if view.is_finite(k)
        else next((j for j in range(k - 1, lo - 1, -1) if view.is_finite(j)), None)
    )
    if verb is None:
        return "last"
    form = finite_form(view, verb)
    phrase = subject_left(view, verb, clause_start(view, verb, lo), form)
    if phrase is None:  # «…, но потом отказались от них, заявив …»: the sentence's subject
        phrase = subject_left(view, verb, lo, form)
    return phrase if phrase is not None else "last"


def clause_start(view: View, k: int, lo: int) -> int:
    """Where the clause of token ``k`` begins: after the last «;», «:» or «, а/но/однако»
    before it, else at ``lo``."""
    for j in range(k - 1, max(lo, k - MAX_CLAUSE_REACH), -1):
        word = view.word(j)
        joins_clauses = word in CLAUSE_CONJUNCTIONS and view.word(j - 1) == ","
        if word in (";", ":") or (joins_clauses and view.word(j + 1) != "также"):
            return j + 1  # «…, а …» starts a clause; «…, а также …» adds to a phrase
        if word in RELATIVE_SUBJECTS and view.word(j - 1) == "," and "," not in view.words[j:k]:
            return j  # «…, Стивен Пинкер, который настаивает, что …»: «который» is its subject
        if view.consumed[j]:
            return j + 1
    return lo


def finite_form(view: View, k: int) -> VerbForm | None:
    """Number and gender of any finite verb, for agreement: «отказались» → plural."""
    tag = view.tag(k)
    if tag.POS != "VERB":
        return None
    return VerbForm(
        lemma="",
        pos="VERB",
        gender=str(tag.gender) if tag.gender else None,
        number=str(tag.number) if tag.number else None,
        tense=str(tag.tense) if tag.tense else None,
    )


def object_between(view: View, verb: int, first: int, form: VerbForm | None) -> bool:
    """Whether a noun between a verb and its subject is the verb's direct object: one
    that could be nominative but does not agree with the verb, and could be accusative
    («писал маркером слово "Hello"»); nouns after prepositions and names are not."""
    governed = False
    for j in range(verb + 1, first):
        if view.word(j) in PREPOSITIONS:
            governed = True
            continue
        if j in view.owner or not view.is_noun(j):
            continue
        either = view.has_case(j, "accs", ("NOUN",)) and view.has_case(j, "nomn", ("NOUN",))
        either = either and not view.has_case(j, "gent", ("NOUN",))  # «заседании коллегии»
        if not governed and either and not agrees(view, j, form):
            return True
        governed = False
    return False
