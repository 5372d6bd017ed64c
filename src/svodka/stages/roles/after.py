"""Roles written after a name: «Лука Модрич, полузащитник мадридского «Реала»»."""

from __future__ import annotations

from svodka.doc import Entity, Role
from svodka.lang import morph
from svodka.stages.roles.make import make_role
from svodka.stages.roles.view import (
    MARKS,
    Found,
    Resources,
    View,
    is_genitive_word,
    match_position,
    name_cases,
    serves_name,
    title_cases,
)

MAX_GAP = 12  # tokens between a position and its organisation
#: «Уоррен Баффет — американский предприниматель»: a dash, then adjectives and a title.
DASHES = frozenset({"—", "–", "-"})
#: «Фредди Гуарина (полузащитник «Шанхая»)»: a title in brackets, in the nominative whatever
#: the name's case, may have adjectives before it as after a dash.
OPENERS = DASHES | {"("}
APPOSITION = OPENERS | {","}
MAX_ADJECTIVES = 4


def adjectives(view: View, k: int) -> int:
    """How many adjectives (and «и» between them) start at ``k``: «[советский и российский]
    художник»."""
    count = 0
    while count < MAX_ADJECTIVES and k + count < len(view.doc.tokens):
        word = view.word(k + count)
        if word != "и" and morph.parse(word)[0].tag.POS != "ADJF":
            break
        count += 1
    return count


def role_after(view: View, last: int, res: Resources) -> Role | None:
    """«[Имя], директор компании «…»»: a comma, a position, then what it is of."""
    if last >= len(view.doc.tokens) or view.word(last) not in APPOSITION:
        return None
    reach = last + 2 + adjectives(view, last + 1) if view.word(last) in OPENERS else last + 2
    for end in range(last + 2, min(reach + res.longest, len(view.doc.tokens)) + 1):
        found = match_position(view, end - 1, res)
        if found is not None and last < found.first <= reach:
            if heads_name(view, found):
                return None  # «художник X, певица Y»: «певица» is Y's, not X's
            if not agrees(view, found, last):
                return None  # «X, а главным редактором — Y»: not an apposition of X
            of, words = next_entity(view, found.last)
            return make_role(view, found, of, words if of and of.type == "LOC" else [], res)
    return None


def agrees(view: View, found: Found, last: int) -> bool:
    """Whether a title after a name may be its apposition: an instrumental title after
    «—» or «, а» and a name in another case is not («X, а главным редактором — Y»,
    «Y — главным редактором»); other cases are left alone, a name's case is often unsure."""
    name = name_cases(view, last)
    title = title_cases(view, found)
    gapped = view.word(last) in DASHES or view.word(last + 1).lower() in ("а", "и")
    return not gapped or title != {"ablt"} or not name or "ablt" in name


def heads_name(view: View, found: Found) -> bool:
    """Whether a person's name right after a position holds it: «певица Y», not
    «пресс-секретарь Путина», whom it serves."""
    hit = view.owned(found.last, "PER") if found.last < len(view.doc.tokens) else None
    return hit is not None and not serves_name(view, found.last - 1, hit[2])


def next_entity(view: View, k: int) -> tuple[Entity | None, list[str]]:
    """The first ORG/LOC right after a position, across descriptor words and quotes,
    with the words before it: «министр [торговли] США»."""
    words: list[str] = []
    for j in range(k, min(k + MAX_GAP, len(view.doc.tokens))):
        if (hit := view.owned(j, "ORG", "LOC")) is not None:
            return hit[0], words
        word = view.word(j)
        if j in view.owner or not (word in MARKS or is_genitive_word(word)):
            return None, []
        words.append(word)
    return None, []
