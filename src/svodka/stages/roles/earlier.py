"""Pairs of a title with a person named in an earlier sentence: «Рокера доставили в
клинику», «75-летний политик принес присягу», «Глава МИД заявил …» after the person was
named. The pair classifier (:mod:`.pairs`) scores them with features of their own:
how far back and how recently the person was named, whether the title's sentence names
anyone, where the title stands, gender, and what the rules already gave the person.
"""

from __future__ import annotations

from collections.abc import Iterator

from svodka.doc import Entity, Role
from svodka.lang import morph
from svodka.lang.caches import word_cache
from svodka.stages.roles.view import Found, View, cases, head_of

SENTENCES_BACK = 2  # how many sentences before a title its holder may be named in
CANDIDATES = 3  # the most recently named people paired with a title
#: Words before an anaphoric title: «этот», «бывший», «покойный» are kept as features.
#: Third-person pronouns that may stand for the person a title is of, by gender.
PRONOUNS = {"он": "masc", "его": "masc", "ему": "masc", "им": "masc", "она": "femn"} | {
    "её": "femn",
    "ее": "femn",
    "ей": "femn",
    "неё": "femn",
    "нее": "femn",
}
DETERMINERS = frozenset({"этот", "тот", "сам", "наш", "бывший", "покойный", "новый"})


def earlier_people(
    view: View, spans: list[tuple[int, int]], index: int
) -> list[tuple[Entity, int, int, int]]:
    """The people named in the sentences before sentence ``index``, the most recently
    named first, each with its last mention there and how many sentences back it is."""
    found: dict[str, tuple[Entity, int, int, int]] = {}
    for back in range(1, SENTENCES_BACK + 1):
        if index - back < 0:
            break
        first, last = spans[index - back]
        hits = sorted(
            {view.owner[k] for k in range(first, last) if view.owned(k, "PER") is not None},
            key=lambda hit: -hit[1],
        )
        for entity, start, stop in hits:
            found.setdefault(entity.id, (entity, start, stop, back))
    return list(found.values())[:CANDIDATES]


def earlier_features(
    view: View,
    found: Found,
    candidate: tuple[Entity, int, int, int],
    rank: int,
    alone: bool,
    held: tuple[Role, ...],
) -> list[str]:
    """The features of a title paired with a person named ``back`` sentences before."""
    entity, _, _, back = candidate
    head = view.word(head_of(view, found))
    out = ["X", f"X:back={back}", f"X:rank={rank}", f"X:mentions={min(len(entity.mentions), 4)}"]
    out += [f"X:tcase_{c}" for c in sorted(cases(head))]
    if alone:
        out.append("X:alone")  # no one is named in the title's sentence
    if opens_sentence(view, found):
        out.append("X:opens")
    if found.first > 0 and (word := view.lemma(found.first - 1)) in DETERMINERS:
        out.append(f"X:prev={word}")
    if any("plur" in p.tag for p in morph.parse(head.lower())[:1]):
        out.append("X:plural")
    out.append(f"X:gender={title_gender(head)}-{person_gender(entity.name)}")
    if held:
        same = any(r.title in found.title or found.title in r.title for r in held)
        out.append("X:held_same" if same else "X:held_other")
    if is_main(view, entity):
        out += ["X:main", f"X:main_alone={alone}"]
    out.append(f"X:rank{rank}_back{back}_alone={alone}")
    if (pronoun := pronoun_before(view, found)) is not None:
        out.append(f"X:pronoun={pronoun}-{person_gender(entity.name)}")
    out.append(f"X:title={found.title}")
    return out


def is_main(view: View, entity: Entity) -> bool:
    """Whether a person is the article's most mentioned one."""
    most = max((len(e.mentions) for e in view.doc.entities if e.type == "PER"), default=0)
    return len(entity.mentions) == most


def pronoun_before(view: View, found: Found) -> str | None:
    """The gender of a third-person pronoun before a title in its sentence: «[он]
    работал инженером» → masc."""
    k = found.first - 1
    while k >= 0 and view.word(k) not in (".", "!", "?") and not view.breaks(k):
        word = view.word(k).lower()
        if word in PRONOUNS:
            return PRONOUNS[word]
        k -= 1
    return None


def opens_sentence(view: View, found: Found) -> bool:
    """Whether a title is the first words of its sentence (adjectives aside)."""
    k = found.first - 1
    while k >= 0 and view.word(k)[:1].islower() and view.word(k).isalpha():
        if morph.parse(view.word(k))[0].tag.POS not in ("ADJF", "NUMR"):
            return False
        k -= 1
    return k < 0 or view.word(k) in (".", "!", "?", "«", '"') or view.breaks(k)


@word_cache(0.1)
def title_gender(word: str) -> str:
    """«актриса» → femn, «президент» → masc (common gender titles read as masculine)."""
    parse = morph.parse(word.lower())[0]
    return "femn" if morph.gender_of(parse.tag) == "femn" else "masc"


@word_cache(0.1)
def person_gender(name: str) -> str:
    """The gender a name's first word gives: «Наталья Тимакова» → femn; «?» when unsure.
    A canonical name is in the nominative singular, so only such readings count: «Абий»
    is no plural genitive of «Абия», and «Абий Ахмед» is a man."""
    for word in name.split()[:2]:
        for parse in morph.parse(word)[:3]:
            grammemes = parse.tag.grammemes
            if {"Name", "Surn"} & grammemes and {"nomn", "sing"} <= grammemes:
                gender = morph.gender_of(parse.tag)
                return gender if gender in ("masc", "femn") else "?"
    return "?"


def earlier_pairs(
    view: View,
    spans: list[tuple[int, int]],
    index: int,
    titles: list[Found],
    present: bool,
    rules: dict[str, tuple[Role, ...]],
) -> Iterator[tuple[Found, tuple[Entity, int, int], list[str]]]:
    """Each title of sentence ``index`` that heads no name, with each person named in
    the sentences before it, and their features."""
    candidates = None
    for found in titles:
        if found.last < len(view.doc.tokens) and view.owned(found.last, "PER") is not None:
            continue  # «певица Y»: the title is Y's
        if candidates is None:
            candidates = earlier_people(view, spans, index)
        for rank, candidate in enumerate(candidates, 1):
            entity, start, stop, _ = candidate
            held = rules.get(entity.id, ())
            feats = earlier_features(view, found, candidate, rank, not present, held)
            yield found, (entity, start, stop), feats
