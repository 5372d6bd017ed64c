"""Counterparts: «Назарбаев проведет переговоры со своим бразильским [коллегой] Лулой да
Силвой» — the name holds the post the other person of the sentence holds, of the country
the adjective names («бразильский» → Бразилия)."""

from __future__ import annotations

from svodka.doc import Entity, Role
from svodka.stages.roles.view import Resources, View

REACH = 3  # tokens before «коллега» read for the country adjective: «своим [бразильским]»


def counterpart_roles(
    view: View, found: dict[str, tuple[Role, ...]], res: Resources
) -> dict[str, list[Role]]:
    """Roles of people named right after «коллега» with a country adjective before it,
    by entity id: the national post another person of the sentence holds."""
    more: dict[str, list[Role]] = {}
    for entity in view.doc.entities:
        if entity.type != "PER":
            continue
        for m in entity.mentions:
            k = view.index(m.start) - 1
            if k < 1 or view.lemma(k) not in res.counterparts:
                continue
            role = counterpart(view, k, entity, found, res)
            if role is not None and role not in (
                *found.get(entity.id, ()),
                *more.get(entity.id, []),
            ):
                more.setdefault(entity.id, []).append(role)
    return more


def counterpart(
    view: View, k: int, entity: Entity, found: dict[str, tuple[Role, ...]], res: Resources
) -> Role | None:
    """The role «[бразильским] коллегой» at ``k`` gives ``entity``, or None."""
    country = next(
        (res.adjectives[view.lemma(j)] for j in range(k - 1, max(k - 1 - REACH, -1), -1)
         if view.lemma(j) in res.adjectives),
        None,
    )  # fmt: skip
    if country is None:
        return None
    sentence = next(
        (s for s in view.doc.sentences if s.start <= view.doc.tokens[k].start < s.stop), None
    )
    if sentence is None:
        return None
    for other in view.doc.entities:
        if other.type != "PER" or other.id == entity.id:
            continue
        if not any(sentence.start <= m.start < sentence.stop for m in other.mentions):
            continue
        title = next((r.title for r in found.get(other.id, ()) if r.title in res.national), None)
        if title is not None:
            place = next(
                (e for e in view.doc.entities if e.type == "LOC" and e.name == country), None
            )
            return Role(title=title, of=place.id if place else None, of_name=country)
    return None
