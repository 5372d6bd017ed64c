"""Roles written before a name: «президент Казахстана Касым-Жомарт Токаев»."""

from __future__ import annotations

from dataclasses import dataclass, field

from svodka.doc import Entity, Role
from svodka.stages.roles.make import make_role
from svodka.stages.roles.view import (
    JOINERS,
    MARKS,
    Found,
    Resources,
    View,
    cases,
    is_genitive_word,
    is_plural,
    match_position,
    topic_tail,
)

#: The one preposition between a position and a place: «полпред президента в Уральском округе».
PLACE_PREPOSITIONS = frozenset({"в", "во"})
MAX_GAP = 12  # tokens between a position word and the name: «директор компании «…» Имя»


@dataclass(slots=True)
class Scan:
    """What lies between a name and the position before it, read right to left."""

    first: int  # the name's first token
    listed: int = 0  # names of the same list before this one: «президенты … X, Y и [Z]»
    nested: bool = (
        False  # a person in the genitive in between: «пресс-секретарю … Клинтона [Локхарту]»
    )
    joined: bool = False  # a joiner just read
    ofs: list[tuple[Entity, str]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def roles_before(view: View, first: int, last: int, res: Resources) -> list[Role]:
    """The role before a name, and a second one stacked before it: «командующий войсками
    округа генерал-полковник Александр Постников» → командующий войсками, генерал-полковник."""
    scan = Scan(first)
    found = scan_back(view, scan, res)
    if found is None:
        return []
    if (unit := unit_holder(view, scan, found, res)) is not None:
        scan, found = unit
    role, chosen = pick_role(view, scan, found, last, res)
    if role is None:
        return []
    roles = [role]
    if chosen.last == first and not scan.ofs and not serves(view, chosen, res):
        stacked = Scan(chosen.first)
        more = scan_back(view, stacked, res)
        if more is not None and not stacked.listed and not stacked.nested:
            roles.append(pick_role(view, stacked, more, last, res)[0] or role)
    return [r for i, r in enumerate(roles) if r not in roles[:i]]


def unit_holder(view: View, scan: Scan, found: Found, res: Resources) -> tuple[Scan, Found] | None:
    """«глава администрации [президента] Сергей Нарышкин»: a national title after a
    genitive noun names a unit, and the name holds the position before that unit."""
    k = found.first - 1
    if found.title not in res.national or k < 0 or view.word(k).isupper():
        return None
    if not is_genitive_word(view.word(k)) or match_position(view, k, res) is not None:
        return None
    words = [view.word(j) for j in range(found.first, found.last)]
    outer = Scan(found.first, ofs=list(scan.ofs), words=words + scan.words)
    more = scan_back(view, outer, res)
    return (outer, more) if more is not None and not outer.nested else None


def serves(view: View, chosen: Found, res: Resources) -> bool:
    """Whether a national title the name holds follows another position, which is then
    someone else's: «пресс-секретарь президента Путина» → Путин is only the президент."""
    k = chosen.first - 1
    return chosen.title in res.national and k >= 0 and match_position(view, k, res) is not None


def scan_back(view: View, scan: Scan, res: Resources) -> Found | None:
    """Read leftwards from a name to the position it follows, filling ``scan``."""
    k = scan.first - 1
    while k >= 0 and scan.first - k <= MAX_GAP:
        step = step_back(view, scan, k, res)
        if isinstance(step, Found):
            return step
        if step is None:
            return None
        k = step
    return None


def step_back(view: View, scan: Scan, k: int, res: Resources) -> Found | int | None:
    """The next token to read left of ``k``, the position found at ``k``, or None to stop."""
    word, clean = view.word(k), not scan.words and not scan.ofs
    if (person := view.owned(k, "PER")) is not None:
        if not clean or (not scan.joined and k != scan.first - 1):
            return None
        scan.listed += scan.joined  # «X, [Y]»: a list; «Клинтона [Локхарту]»: nested
        scan.nested = scan.nested or not scan.joined
        scan.first, scan.joined = person[1], False
        return person[1] - 1
    if (other := view.owned(k, "ORG", "LOC")) is not None:
        entity, start, stop = other
        scan.ofs.append((entity, view.text_of(start, stop)))
        scan.joined = False
        return start - 1
    if word in JOINERS and k > 0 and joins(view, scan, k - 1):
        scan.joined = True  # «Латвии, [Эстонии]», «X, [Y]»
        return k - 1
    found = match_position(view, k, res)
    if found is not None:
        return found
    if word in MARKS or is_genitive_word(word):
        scan.words.insert(0, word)
        return k - 1
    if (start := topic_tail(view, k)) <= k:
        scan.words[:0] = [view.word(j) for j in range(start, k + 1)]
        return start - 1  # «комитета Госдумы [по экономической политике]»
    if word in PLACE_PREPOSITIONS and scan.ofs and scan.ofs[-1][0].type == "LOC":
        return k - 1  # «полпред президента в Уральском округе» is the one preposition
    return None


def joins(view: View, scan: Scan, k: int) -> bool:
    """Whether a joiner before ``k + 1`` continues a list of names or of places."""
    if scan.words:
        return False
    if not scan.ofs:
        return view.owned(k, "PER") is not None
    return view.owned(k, "ORG", "LOC") is not None


def pick_role(
    view: View, scan: Scan, found: Found, last: int, res: Resources
) -> tuple[Role | None, Found]:
    """The role of the position found: the outer of two nested ones where the name is its
    («пресс-секретарь президента Дмитрий Песков»), of the place aligned with the name in
    a list («президенты Латвии, Эстонии и Литвы X, Y и Z»)."""
    if scan.listed and not is_plural(view.word(found.last - 1)):
        return None, found
    outer = match_position(view, found.first - 1, res) if found.first > 0 else None
    if scan.nested:
        return (make_role(view, outer, None, [], res), outer) if outer else (None, found)
    if outer is not None and not holds_inner(view, found, outer, last):
        found = outer
    of, of_text = aligned_of(view, scan, last)
    return make_role(view, found, of, scan.words, res, of_text), found


def holds_inner(view: View, inner: Found, outer: Found, last: int) -> bool:
    """Whether the name agrees with the inner title rather than the outer one:
    «пресс-секретарь президента Путина» → Путин is the президент."""
    owner = view.owner.get(last - 1)
    surname = owner[0].name.split()[-1] if owner and owner[0].name else ""
    name = cases(view.word(last - 1), surname)
    return len(name & cases(view.word(inner.last - 1))) > len(
        name & cases(view.word(outer.last - 1))
    )


def aligned_of(view: View, scan: Scan, last: int) -> tuple[Entity | None, str]:
    """The organisation or place of a role; in a list, the one in the name's place."""
    if not scan.ofs:
        return None, ""
    total = scan.listed + 1 + names_after(view, last)
    if total > 1 and len(scan.ofs) == total:
        return scan.ofs[::-1][scan.listed]
    return scan.ofs[-1]


def names_after(view: View, last: int) -> int:
    """How many names of a list follow a name: «X[, Y и Z]» → 2."""
    count, k = 0, last
    while k + 1 < len(view.doc.tokens) and view.word(k) in JOINERS and view.owned(k + 1, "PER"):
        count += 1
        k = view.owner[k + 1][2]
    return count
