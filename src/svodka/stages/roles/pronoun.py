"""Titles predicated of a pronoun: «До этого он был генеральным прокурором штата» gives
the title to the person the pronoun stands for: the one person of its gender named
before it in its sentence, or else in the sentence before."""

from __future__ import annotations

from svodka.doc import Entity, Role
from svodka.stages.roles.earlier import person_gender
from svodka.stages.roles.predicate import role_predicate
from svodka.stages.roles.view import Resources, View

#: Subject pronouns and the gender of the person they stand for.
SUBJECTS = {"он": "masc", "она": "femn"}
ENDS = frozenset({".", "!", "?"})
SENTENCES_BACK = 1  # sentence ends a pronoun's person may be named behind


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
    return found


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
