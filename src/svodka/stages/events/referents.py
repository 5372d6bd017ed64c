"""Who a bare title or a common noun stands for in an article: «Президент заявил» → the one
president it names, «суд отказал» → the one court, «глава РАО» → the head of РАО it
names."""

from __future__ import annotations

from bisect import bisect_left

from svodka.doc import Document, Entity
from svodka.lang import morph

#: Titles too general to stand for one person: «глава» of what?
GENERIC_TITLES = frozenset({"глава", "член", "представитель", "сотрудник", "эксперт"})

#: A title's or an organisation's head word → the entities it may stand for.
Holders = dict[str, tuple[Entity, ...]]
#: (start, stop, entity) of every mention, sorted by start.
Mentions = list[tuple[int, int, Entity]]
#: How many mentions back a title or a head noun looks for the one it stands for.
RECENT = 30
#: (a title's head word, the id of the body or country it is held in) → its one holder.
Posts = dict[tuple[str, str], "Entity"]


def title_holders(doc: Document) -> Holders:
    """A title's head word → the people the article gives it: «президент» → Токаев; an
    organisation's head noun → the organisations the article names with it:
    «агентство» → «Агентство по охране здоровья», «суд» → «Центральный районный суд
    Новосибирска» (:func:`holder_at` picks one)."""
    found: dict[str, set[str]] = {}
    for entity in doc.entities:
        for role in entity.roles:
            head = role.title.split(" ")[0].replace("ё", "е")
            if head not in GENERIC_TITLES:
                found.setdefault(head, set()).add(entity.id)
        if entity.type == "ORG" and (head := head_noun(entity.name)):
            found.setdefault(head, set()).add(entity.id)
    return {head: tuple(doc.entity(i) for i in sorted(ids)) for head, ids in found.items()}


def holder_at(holders: Holders, lemma: str, mentions: Mentions, offset: int) -> Entity | None:
    """Who the word stands for at ``offset``: its one holder, or of several the one named
    last before it («Арбитражный суд … Апелляционный суд … Суд постановил» → the
    appeal court), among the ``RECENT`` mentions before it."""
    found = holders.get(lemma, ())
    if len(found) < 2:
        return found[0] if found else None
    ids = {e.id for e in found}
    at = bisect_left(mentions, offset, key=lambda x: x[0])
    for _, stop, entity in reversed(mentions[max(0, at - RECENT) : at]):
        if entity.id in ids and stop <= offset:
            return entity
    return None


def head_noun(name: str) -> str | None:
    """The lemma of the common noun that heads an organisation's name, after its
    adjectives: «Центральный районный суд Новосибирска» → «суд», «Агентство по охране
    здоровья» → «агентство»; None for a proper name («Газпром»)."""
    for word in name.split(" "):
        parse = morph.parse(word.lower())[0]
        if parse.tag.POS == "NOUN" and "nomn" in parse.tag and not is_proper(parse):
            return parse.normal_form.replace("ё", "е")
        if parse.tag.POS != "ADJF":
            return None
    return None


def is_proper(parse: object) -> bool:
    """A reading of a name, a place or an unknown word, not a common noun."""
    tag = parse.tag  # type: ignore[attr-defined]
    return bool({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & set(tag.grammemes)) or not (
        parse.is_known  # type: ignore[attr-defined]
    )


def post_holders(doc: Document) -> Posts:
    """(A title's head word, where it is held) → the one person holding it: («глава»,
    РАО ЕЭС) → Чубайс, so «глава РАО» later in the text is Чубайс."""
    found: dict[tuple[str, str], set[str]] = {}
    for entity in doc.entities:
        for role in entity.roles:
            if role.of:
                head = role.title.split(" ")[0].replace("ё", "е")
                found.setdefault((head, role.of), set()).add(entity.id)
    return {key: doc.entity(next(iter(ids))) for key, ids in found.items() if len(ids) == 1}


def holds(holder: Entity, head: str, place: str) -> bool:
    """The holder's title with this head is held in ``place``, or nowhere said; an
    organisation (the head of its own name) holds nothing but itself."""
    if holder.type != "PER":
        return False
    return all(r.of in (None, place) for r in holder.roles if r.title.split(" ")[0] == head)
