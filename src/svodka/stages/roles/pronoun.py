"""Titles predicated of a pronoun: «До этого он был генеральным прокурором штата» gives
the title to the person the pronoun stands for: the one person of its gender named
before it in its sentence, or else in the sentence before. A sentence whose predicate has
no subject at all («С 2002 года был депутатом горсовета», «Работала прокурором») is
read the same way, the verb's gender standing for the pronoun's."""

from __future__ import annotations

from svodka.doc import Entity, Role
from svodka.lang import morph
from svodka.stages.roles.earlier import person_gender
from svodka.stages.roles.predicate import predicate_title, role_predicate
from svodka.stages.roles.view import Resources, View

#: Subject pronouns and the gender of the person they stand for.
SUBJECTS = {"он": "masc", "она": "femn"}
ENDS = frozenset({".", "!", "?"})
SENTENCES_BACK = 1  # sentence ends a pronoun's person may be named behind
LEAD_WORDS = 4  # words of time or place a subjectless sentence may open with


def pronoun_roles(view: View, res: Resources) -> dict[str, tuple[Role, ...]]:
    """The roles predicated of subject pronouns, by the entity each pronoun stands for
    (repeats are left to the caller, which merges them with the rules' roles)."""
    found: dict[str, tuple[Role, ...]] = {}
    for k, token in enumerate(view.doc.tokens):
        gender = SUBJECTS.get(token.text.lower())
        if gender is None or k in view.owner:
            continue
        role = role_predicate(view, k + 1, res)
        person = antecedent(view, k, gender) if role is not None else None
        if person is not None:
            found[person.id] = (*found.get(person.id, ()), role)
    for start in sentence_starts(view):
        verb = subjectless_verb(view, start)
        role = predicate_title(view, verb, res) if verb is not None else None
        gender = verb_gender(view.word(verb)) if role is not None else None
        person = antecedent(view, start, gender) if gender else None
        if person is not None:
            found[person.id] = (*found.get(person.id, ()), role)
    return found


def sentence_starts(view: View) -> list[int]:
    """The first token of every sentence but the first."""
    return [k + 1 for k, t in enumerate(view.doc.tokens[:-1]) if t.text in ENDS]


def subjectless_verb(view: View, start: int) -> int | None:
    """The past-tense verb a sentence opens with, past at most a few words of time or
    place and no name, pronoun or nominative noun: «[С 2002 года] был …», «Работала …»."""
    for k in range(start, min(start + LEAD_WORDS + 1, len(view.doc.tokens))):
        if k in view.owner:
            return None
        parse = morph.parse(view.word(k).lower())[0]
        if parse.tag.POS == "VERB":
            return k if "past" in parse.tag else None
        if parse.tag.POS in ("NOUN", "NPRO") and parse.tag.case == "nomn":
            return None
    return None


def verb_gender(word: str) -> str | None:
    """«работала» → femn, «был» → masc; None for a plural or present verb."""
    gender = morph.gender_of(morph.parse(word.lower())[0].tag)
    return gender if gender in ("masc", "femn") else None


def antecedent(view: View, k: int, gender: str) -> Entity | None:
    """The one person of the pronoun's gender named before token ``k`` in its sentence,
    else in the sentence before; None when two are, as the pronoun is then unsure."""
    ends, people = 0, {}
    for j in range(k - 1, -1, -1):
        if view.word(j) in ENDS:
            if people:
                break
            ends += 1
            if ends > SENTENCES_BACK:
                break
        if (hit := view.owned(j, "PER")) is not None and may_be(hit[0], gender):
            people[hit[0].id] = hit[0]
    return next(iter(people.values())) if len(people) == 1 else None


def may_be(person: Entity, gender: str) -> bool:
    """Whether a pronoun of ``gender`` may stand for a person (of that or unknown gender)."""
    return person_gender(person.name) in (gender, "?")
