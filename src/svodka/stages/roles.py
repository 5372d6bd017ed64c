"""Roles: the positions people hold, from titles and appositions around their names.

- before the name: «президент Казахстана Касым-Жомарт Токаев» → президент, of Казахстан;
  «директор компании «Алматинский автоцентр «КамАЗ»» Андрей Ковганов» → директор, of
  the company; «бывший министр …» → a past role;
- after the name: «Андрей Ковганов, директор компании …» → директор, of the company.

Position words are data (``resources/roles/positions.txt``), matched by lemma.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from svodka.config import Config
from svodka.doc import Document, Entity, Role
from svodka.lang import morph
from svodka.lang.names import normalize
from svodka.lang.text import QUOTES
from svodka.resources import read_lines

REQUIRES = ("tokens", "entities")
PROVIDES = ("entities.roles",)

#: Quote tokens skipped between a position and its name; the apostrophe too, as copy
#: set in English style quotes names in single marks: «директор компании 'Лукойл'».
MARKS = QUOTES | {"'"}
EX_PREFIX = "экс-"  # «экс-министр» is a past «министр»
#: The one preposition between a position and a place: «полпред президента в Уральском округе».
PLACE_PREPOSITIONS = frozenset({"в", "во"})
MAX_GAP = 12  # tokens between a position word and the name: «директор компании «…» Имя»


@dataclass(frozen=True, slots=True)
class Resources:
    positions: dict[tuple[str, ...], str]
    longest: int
    past: frozenset[str]
    org_types: frozenset[str]


@dataclass(frozen=True, slots=True)
class Found:
    """A position phrase found at tokens ``[first, last)``."""

    title: str
    first: int
    last: int


def load(config: Config) -> Resources:
    """Read the position words, keyed by the lemmas of their words."""
    positions = {
        tuple(morph.lemma(w) for w in p.split()): p for p in read_lines("roles/positions.txt")
    }
    return Resources(
        positions=positions,
        longest=max(len(k) for k in positions),
        past=frozenset(read_lines("roles/past_markers.txt")),
        org_types=frozenset(read_lines("orgs/types.txt")),
    )


def apply(doc: Document, res: Resources) -> Document:
    """Attach roles to the person entities of a document."""
    view = View(doc)
    entities = []
    for entity in doc.entities:
        if entity.type == "PER":
            roles = find_roles(view, entity, res)
            entity = replace(entity, roles=roles) if roles else entity
        entities.append(entity)
    return replace(doc, entities=tuple(entities))


class View:
    """Token positions and the entity mention covering each token of a document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.starts = [t.start for t in doc.tokens]
        self.owner: dict[int, tuple[Entity, int, int]] = {}
        for entity in doc.entities:
            for m in entity.mentions:
                first, last = self.index(m.start), self.index(m.stop)
                for k in range(first, last):
                    self.owner[k] = (entity, first, last)

    def index(self, offset: int) -> int:
        """The index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def word(self, k: int) -> str:
        return self.doc.tokens[k].text

    def text_of(self, first: int, last: int) -> str:
        """The text of tokens ``[first, last)``."""
        return self.doc.text[self.doc.tokens[first].start : self.doc.tokens[last - 1].stop]


def find_roles(view: View, entity: Entity, res: Resources) -> tuple[Role, ...]:
    """Every distinct role found around the entity's mentions, in order."""
    roles: list[Role] = []
    for m in entity.mentions:
        first, last = view.index(m.start), view.index(m.stop)
        for role in (role_before(view, first, res), role_after(view, last, res)):
            if role is not None and role not in roles:
                roles.append(role)
    return tuple(roles)


def role_before(view: View, first: int, res: Resources) -> Role | None:
    """«президент Казахстана [Имя]»: a position, then what it is of, then the name."""
    of, of_text, words, k = None, "", [], first - 1
    while k >= 0 and first - k <= MAX_GAP:
        if k in view.owner and view.owner[k][0].type in ("ORG", "LOC"):
            of, start, stop = view.owner[k]
            of_text = view.text_of(start, stop)
            k = start - 1
            continue
        found = match_position(view, k, res)
        if found is not None:
            return make_role(view, outer_position(view, found, res), of, words, res, of_text)
        word = view.word(k)
        if word in MARKS or is_genitive_word(word):
            words.insert(0, word)
        elif word not in PLACE_PREPOSITIONS or of is None or of.type != "LOC":
            return None  # «полпред президента в Уральском округе» is the one preposition
        k -= 1
    return None


def role_after(view: View, last: int, res: Resources) -> Role | None:
    """«[Имя], директор компании «…»»: a comma, a position, then what it is of."""
    if last >= len(view.doc.tokens) or view.word(last) != ",":
        return None
    for end in range(last + 2, min(last + 2 + res.longest, len(view.doc.tokens)) + 1):
        found = match_position(view, end - 1, res)
        if found is not None and found.first in (last + 1, last + 2):
            return make_role(view, found, next_entity(view, found.last), [], res)
    return None


def next_entity(view: View, k: int) -> Entity | None:
    """The first ORG/LOC right after a position, across descriptor words and quotes."""
    for j in range(k, min(k + MAX_GAP, len(view.doc.tokens))):
        if j in view.owner:
            entity = view.owner[j][0]
            return entity if entity.type in ("ORG", "LOC") else None
        word = view.word(j)
        if not (word in MARKS or is_genitive_word(word)):
            return None
    return None


def outer_position(view: View, found: Found, res: Resources) -> Found:
    """«полпред президента»: a position in the genitive after another one belongs to it;
    the role is the outer one («полпред»)."""
    outer = match_position(view, found.first - 1, res) if found.first > 0 else None
    return outer if outer is not None else found


def match_position(view: View, k: int, res: Resources) -> Found | None:
    """The longest position phrase ending at token ``k``."""
    for size in range(min(res.longest, k + 1), 0, -1):
        words = [view.word(j) for j in range(k - size + 1, k + 1)]
        key = tuple(morph.lemma(w.removeprefix(EX_PREFIX)) for w in words)
        if key in res.positions:
            return Found(res.positions[key], k - size + 1, k + 1)
    return None


def make_role(
    view: View,
    found: Found,
    of: Entity | None,
    words: list[str],
    res: Resources,
    of_text: str = "",
) -> Role:
    """A role from a found position and what lies between it and the name.

    - nothing, or a kind of organisation before its name («директор компании «КамАЗ»»,
      «редактор газеты Wall Street Journal»): the role is of the entity, by its name;
    - a field before a place («министр торговли США»): the field joins the title;
    - a unit of an organisation («глава бюджетного комитета Госдумы»): linked to the
      entity, named by the whole phrase in the nominative, «бюджетный комитет Госдумы»;
    - an abbreviation the NER missed («глава МИД России»): named, not linked.
    """
    before = view.word(found.first - 1).lower() if found.first > 0 else ""
    past = view.word(found.first).lower().startswith(EX_PREFIX) or morph.lemma(before) in res.past
    plain = [w for w in words if w not in MARKS]
    if any(w.isupper() and len(w) > 1 for w in plain):
        of_name = " ".join(plain + ([of.name] if of else []))
        return Role(title=found.title, of=None, of_name=of_name, past=past)
    kind = [w for w in plain if morph.lemma(w) not in res.org_types]
    if kind and of is not None and len(plain) == len(words):
        if of.type == "LOC":
            # «министр торговли США»: the field belongs to the title, the role is of the place
            title = " ".join([found.title, *kind])
            return Role(title=title, of=of.id, of_name=of.name, past=past)
        # «глава бюджетного комитета Госдумы»: a unit of the organisation, named in full
        of_name = normalize(" ".join([*kind, of_text]), "ORG")
        return Role(title=found.title, of=of.id, of_name=of_name, past=past)
    return Role(
        title=found.title, of=of.id if of else None, of_name=of.name if of else None, past=past
    )


def is_genitive_word(word: str) -> bool:
    """A descriptor between a position and its organisation: «компании», «бюджетного»,
    «МИД»."""
    if word.isupper() and len(word) > 1:
        return True
    if not word.isalpha() or not word.islower() or len(word) < 3:
        return False
    return any(
        p.tag.POS in ("NOUN", "ADJF") and morph.case_of(p.tag) == "gent"
        for p in morph.parse(word)[:2]
    )
