"""What the quotes stage remembers while it reads: the speakers resolved so far.

Claims are resolved in the order of their cues, so a pronoun («он», «по ее словам»), an
outlet word («по данным агентства») or a source («собеседник») can point back to a
speaker or a person named before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from svodka.doc import Entity
from svodka.stages.quotes.lexicon import fold, lemma
from svodka.stages.quotes.phrases import is_nominative
from svodka.stages.quotes.subjects import person_gender
from svodka.stages.quotes.view import View

WEB_ADDRESS = re.compile(r"\w\.(ru|com|ua|net|org|info|by|kz|uk|de|fr|tv|fm)\b", re.IGNORECASE)
EX_PREFIX = "экс-"  # «экс-министр» is a past «министр»
PRONOUN_REACH = 40  # speakers and people looked back over for a pronoun
VOICE_REACH = 400  # tokens looked back over for an earlier «пресс-служба»
ROLE_REACH = 300  # person mentions looked over for the holder of a position
ORG_REACH = 200  # organisation mentions looked back over for «министерства»
LAST_REACH_UNITS = 3  # a quote continues the speaker of a quote at most this many sentences back


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: an entity, or a description in ``name``, or nobody."""

    entity: Entity | None = None
    name: str | None = None
    outlet: bool = False
    gender: str | None = None
    number: str | None = None
    head: str = ""
    voice: str = ""  # «пресс-релиз» when named as «пресс-релиз движения»


NOBODY = Speaker()


class Discourse:
    """The speakers resolved so far, in text order, that later phrases may point back to.

    Claims are resolved in the order of their cues, so everything here lies before the
    claim being resolved; each question is answered from a running record, not a scan.
    """

    def __init__(self, view: View):
        self.view = view
        self.said: list[tuple[int, Speaker]] = []  # (token of the cue, speaker)
        self.plain: tuple[int, Speaker] | None = None  # the last speaker not an outlet
        self.outlets: list[Speaker] = []
        self.orgs: list[Speaker] = []  # organisations that spoke, outlets proper aside
        self.voices: dict[str, Speaker] = {}  # «пресс-релиз» → who spoke through one
        self.described: dict[str, tuple[int, Speaker]] = {}  # head word → last such one
        self.quoted: list[tuple[int, int]] = []  # token ranges of direct quotes, sorted
        self.reported: list[tuple[int, int]] = []  # token ranges of claims resolved so far
        self.outlet_cache: dict[str, bool] = {}

    def add(self, at: int, speaker: Speaker) -> None:
        """Record a resolved speaker."""
        if speaker is NOBODY:
            return
        self.said.append((at, speaker))
        if speaker.outlet:
            self.outlets.append(speaker)
        else:
            self.plain = (at, speaker)
        if speaker.entity is not None and speaker.entity.type == "ORG" and not self.listed(speaker):
            self.orgs.append(speaker)
            if speaker.voice:
                self.voices[speaker.voice] = speaker
        if speaker.entity is None and speaker.head:
            self.described[speaker.head] = (len(self.said), speaker)

    def last(self, at: int, *, units: int = LAST_REACH_UNITS) -> Speaker:
        """The last non-outlet speaker before token ``at``, at most ``units`` back."""
        if self.plain is None:
            return NOBODY
        k, speaker = self.plain
        near = self.view.unit_of[min(at, len(self.view.unit_of) - 1)] - self.view.unit_of[k]
        return speaker if near <= units else NOBODY

    def last_outlet(self, at: int) -> Speaker:
        """The outlet cited last before ``at``; else the first one named in the text."""
        return self.outlets[-1] if self.outlets else self.first_outlet()

    def first_outlet(self) -> Speaker:
        """The outlet an article is based on: the first one it cites or names."""
        if self.outlets:
            return self.outlets[0]
        for entity in self.view.doc.entities:
            if entity.type == "ORG" and self.is_outlet(entity):
                return Speaker(entity, entity.name, outlet=True)
        return NOBODY

    def last_org(self, at: int, voice: str = "") -> Speaker:
        """The organisation that spoke last before ``at`` — through the same voice
        («пресс-релиз») when one did; news outlets proper are not counted."""
        if voice and voice in self.voices:
            return self.voices[voice]
        return self.orgs[-1] if self.orgs else NOBODY

    def listed(self, speaker: Speaker) -> bool:
        """A speaker that is a news outlet by name: listed or a web address."""
        name = speaker.name or ""
        return fold(name) in self.view.lex.outlets or bool(WEB_ADDRESS.search(name))

    def is_outlet(self, entity: Entity) -> bool:
        """An organisation that is a news outlet: listed, a web address, or named after
        an outlet word somewhere in the text («телеканал AlJazeera»)."""
        if entity.id not in self.outlet_cache:
            name = fold(entity.name)
            self.outlet_cache[entity.id] = entity.type == "ORG" and (
                name in self.view.lex.outlets
                or bool(WEB_ADDRESS.search(entity.name))
                or any(after_media_word(self.view, m.start) for m in entity.mentions)
            )
        return self.outlet_cache[entity.id]

    def report(self, first: int, last: int) -> None:
        """Record the token range of a claim's content once its speaker is known."""
        self.reported.append((first, last))

    def in_report(self, k: int) -> bool:
        """Whether token ``k`` lies in the content of a claim resolved before: «Как
        сообщил X, Идрисов подозревается … По его словам, …» — Идрисов is spoken of."""
        return any(first <= k < last for first, last in self.reported[-PRONOUN_REACH:])

    def in_quote(self, k: int) -> bool:
        """Whether token ``k`` lies in a direct quote."""
        n = bisect_right(self.quoted, (k, len(self.view.tokens))) - 1
        return n >= 0 and self.quoted[n][0] <= k < self.quoted[n][1]


def after_media_word(view: View, offset: int) -> bool:
    """Whether a mention at ``offset`` follows an outlet word: «агентство «Росбалт»»; not
    a word any organisation has («сайт Кремля»)."""
    k = view.index(offset) - 1
    while k >= 0 and view.is_mark(k):
        k -= 1
    word = lemma(view.word(k)) if k >= 0 else ""
    return word in view.lex.media and word not in view.lex.voice


def entity_speaker(entity: Entity, talk: Discourse, *, outlet: bool = False) -> Speaker:
    """An entity as a speaker, with what pronouns need to find it: a person's gender."""
    gender = person_gender(entity.name) if entity.type == "PER" else None
    number = "sing" if entity.type == "PER" else None
    outlet = (outlet and entity.type == "ORG") or talk.is_outlet(entity)
    return Speaker(entity, entity.name, outlet=outlet, gender=gender, number=number)


def candidates_before(view: View, k: int, talk: Discourse) -> list[Speaker]:
    """Earlier speakers and people mentioned outside quotes, nearest first; people named
    in an oblique case or inside what someone reported only after the rest: in «На
    вопрос, коснется ли амнистия Ходорковского и Лебедева, он ответил» «он» is the one
    who was speaking, not Лебедев."""
    found: list[tuple[int, Speaker]] = []
    oblique: list[tuple[int, Speaker]] = []
    n = bisect_left(view.people, k, key=lambda pair: pair[0])
    for first, entity in reversed(view.people[max(0, n - PRONOUN_REACH) : n]):
        if not talk.in_quote(first):
            spoken_of = talk.in_report(first) or not is_nominative(view, first)
            into = oblique if spoken_of else found
            into.append((first, entity_speaker(entity, talk)))
    found += [(at, s) for at, s in talk.said[-PRONOUN_REACH:] if at < k and not s.outlet]
    found.sort(key=lambda pair: -pair[0])
    return [speaker for _, speaker in found] + [speaker for _, speaker in oblique]


def compatible(speaker: Speaker, gender: str, number: str) -> bool:
    """Whether «он» (masc, sing), «она» or «они» can point to the speaker; only people
    and descriptions are «он»/«она», an organisation only «они»."""
    if number != "any" and speaker.number and speaker.number != number:
        return False
    if gender in ("masc", "femn") and speaker.gender and speaker.gender != gender:
        return False
    return number == "plur" or speaker.entity is None or speaker.entity.type == "PER"
