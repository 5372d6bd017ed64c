"""Where the text points for a name the gazetteer lacks, in an article about several
countries (an article about one is placed at its home by the stage).

A name counts as a place only when the text treats it as one: it follows a locative
preposition («в Хазар-Квадаме», «у Эредви») or a place noun («поселения Идна», «острова
Ява»). Such a name is then placed, in order of the evidence:

1. ``pointed_country``: a country adjective right before it or before its noun («в
   шведском Линчопинге», «индонезийской провинции Ачех») — in that country;
2. ``nearest_place``: the placed mention nearest to it in the same sentence («между
   поселениями Авней-Хефец и Эйнав в районе Тулькарма») — at that place's point;
Both are ``context``, with the confidence of a ``fallback``; a name with neither stays
unresolved. (The country the article's places name most was tried as a third resort and
dropped: in articles about several countries it was wrong as often as right.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from svodka.doc import Document, Entity
from svodka.knowledge.gazetteer import Entry, Gazetteer
from svodka.lang.morph import lemma
from svodka.stages.places.article import WORD, Adjectives, Head, adjective_country
from svodka.stages.places.score import CONFIDENCE

SENTENCE_END = re.compile(r"[.!?]\s|\n")
#: Characters before a mention searched for its preposition, noun and adjective.
BEFORE = 60


@dataclass(frozen=True, slots=True)
class Placed:
    """A mention the stage has placed: its bounds and its place."""

    start: int
    stop: int
    place: Entry


def words_before(doc: Document, start: int) -> list[str]:
    """The words right before a position, in the same sentence, nearest last."""
    text = doc.text[max(0, start - BEFORE) : start]
    ends = list(SENTENCE_END.finditer(text))
    if ends:
        text = text[ends[-1].end() :]
    return WORD.findall(text)


def is_named_place(
    doc: Document,
    entity: Entity,
    head: Head | None,
    locatives: frozenset[str],
    nouns: frozenset[str] = frozenset(),
) -> bool:
    """The text treats the name as a place: a place noun before it or opening it («порт
    Ходейда»), or a locative preposition right before it or before its adjective («в
    шведском Линчопинге»)."""
    words = entity.name.split()
    if head is not None or (len(words) > 1 and lemma(words[0].lower()) in nouns):
        return True
    if len(entity.name) < 3 or not any(w[:1].isupper() for w in entity.name.split()):
        return False
    for mention in entity.mentions:
        words = [w.lower() for w in words_before(doc, mention.start)[-2:]]
        if words and (words[-1] in locatives or (len(words) == 2 and words[0] in locatives)):
            return True
    return False


def pointed_country(
    doc: Document, entity: Entity, head: Head | None, adjectives: Adjectives
) -> str | None:
    """The country of an adjective right before a mention or before its place noun
    («в шведском Линчопинге», «индонезийской провинции Ачех»), else None."""
    for mention in entity.mentions:
        words = words_before(doc, mention.start)
        candidates = words[-1:] if head is None else words[-3:-1]
        for word in reversed(candidates):
            code = adjective_country(word, adjectives)
            if code is not None:
                return code
    return None


def nearest_place(
    doc: Document, entity: Entity, placed: list[Placed], head: Head | None
) -> Entry | None:
    """The place of the mention nearest to one of the entity's in the same sentence: after
    it («Крцаниси под Тбилиси»), or before it too when a place noun introduces the name
    («в Черногории в городе Лиева Река»); a bare name after others is more often one of a
    list («в ЮАР, в Эмиратах, в Корее») than a place inside them."""
    best, distance = None, len(doc.text) + 1
    for mention in entity.mentions:
        for other in placed:
            if other.start < mention.start and head is None:
                continue
            gap = max(mention.start, other.start) - min(mention.stop, other.stop)
            between = doc.text[min(mention.stop, other.stop) : max(mention.start, other.start)]
            if 0 <= gap < distance and not SENTENCE_END.search(between):
                best, distance = other.place, gap
    return best


def pointed_place(
    doc: Document,
    entity: Entity,
    head: Head | None,
    placed: list[Placed],
    gazetteer: Gazetteer,
    adjectives: Adjectives,
) -> tuple[Entry, float, str] | None:
    """The entity placed where the text points (the module docstring), with the confidence
    of a fallback and the method ``context``; None when nothing points anywhere."""
    code = pointed_country(doc, entity, head, adjectives)
    near = nearest_place(doc, entity, placed, head) if code is None else None
    if code is not None and code in gazetteer.by_code:
        where = gazetteer.by_code[code]
    elif near is not None:
        where = near
    else:
        return None
    local = replace(
        where, name=entity.name, kind="other", geonameid=None, population=None, code=None
    )
    return local, CONFIDENCE["fallback"], "context"
