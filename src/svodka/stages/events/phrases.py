"""The phrases around an event's trigger: the candidate event, the preposition that
governs an actor, the actors coordinated with one, the target a frame finds, and the doer
of a participle or a gerund phrase."""

from __future__ import annotations

from dataclasses import dataclass, field

from svodka.lang.text import QUOTES
from svodka.resources import read_lines
from svodka.stages.events.lexicon import Frame, Trigger
from svodka.stages.events.words import TIME_WORDS, Actor, Clause, Word

#: A phrase's words before an actor may be genitives of it: «с президентом Казахстана».
GENITIVE = frozenset({"gent"})
#: Punctuation that ends the phrase a trigger governs.
BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")"})
#: How far (words) before a noun trigger the participle of its modifier may stand.
PHRASE_REACH = 8
#: What joins coordinated actors, longest first.
CONJUNCTIONS = ([",", "а", "также"], ["а", "также"], ["и"], [","])
#: How far (words) a preposition may stand before the actor it governs.
PREPOSITION_REACH = 4
#: Prepositions that put a clause's subject at the meeting after them: «на саммите».
OCCASIONS = tuple(tuple(line.split()) for line in read_lines("events/occasions.txt"))
#: Types of meeting a subject attends; the words that may qualify one: «на двустороннем».
ATTENDED = frozenset({"CONSULT"})
QUALIFIERS = frozenset({"ADJF", "PRTF", "NUMR"})


@dataclass(slots=True)
class Candidate:
    """An event before ids and selection: word indices into its clause."""

    clause: Clause
    at: int
    trigger: Trigger
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    negated: bool = False
    modality: str = "asserted"
    place: Actor | None = None
    date: str | None = None
    left: int = 0
    right: int = 0

    @property
    def actors(self) -> list[Actor]:
        return self.sources + self.targets


def find_target(c: Candidate, frames: tuple[Frame, ...]) -> list[Actor]:
    """The first actor after the trigger, before the next comma, that fits a frame, tried
    in the frames' order."""
    clause, words = c.clause, c.clause.words
    stop = next((k for k in range(c.at + 1, c.right) if words[k].text in BREAKS), c.right)
    after = [a for a in clause.actors if c.at < a.first < stop]
    for frame in (f for f in frames if not f.doer):
        for actor in after:
            if frame.case not in actor.cases:
                continue
            preposition = governing(words, actor, c.at + 1)
            if preposition == frame.preposition:
                return coordinated(c, actor)
    return []


def target_before(c: Candidate, frames: tuple[Frame, ...]) -> list[Actor]:
    """A noun trigger's target named with a preposition inside the participle phrase
    right before it: «введенных против России санкций», «введённые в отношении Ирана
    санкции»."""
    words = c.clause.words
    if words[c.at].pos != "NOUN":
        return []
    opened = next(
        (
            k
            for k in range(c.at - 1, max(c.left, c.at - PHRASE_REACH) - 1, -1)
            if words[k].pos == "PRTF" or words[k].text in BREAKS or words[k].pos == "VERB"
        ),
        None,
    )
    if opened is None or words[opened].pos != "PRTF":
        return []
    inside = [a for a in c.clause.actors if opened < a.first and a.last < c.at]
    for frame in (f for f in frames if f.preposition and not f.doer):
        for actor in inside:
            if (
                frame.case in actor.cases
                and governing(words, actor, opened + 1) == frame.preposition
            ):
                return coordinated(c, actor)
    return []


def gerund_doer(c: Candidate) -> list[Actor]:
    """In a gerund phrase that opens a sentence, the doer is the subject after its
    comma: «Рассказав о встречах с Обамой, Порошенко сообщил» → Порошенко met Обама."""
    words = c.clause.words
    if c.left != 0 or not any(w.pos == "GRND" for w in words[: c.at]):
        return []
    if any(w.text in BREAKS for w in words[: c.at]):
        return []
    comma = next((k for k in range(c.at + 1, len(words)) if words[k].text == ","), None)
    if comma is None:
        return []
    after = next((a for a in c.clause.actors if a.first > comma), None)
    if after is None or after.first - comma > 3 or "nomn" not in after.cases:
        return []
    return [a for a in coordinated(c, after) if a.first > comma]


def attendee(c: Candidate) -> list[Actor]:
    """The subject of a clause that puts it at a meeting took part in it: «заявил Путин,
    выступая на саммите ШОС», «На саммите ЕС Меркель предложила», «во время визита в Пекин
    Лавров провел». The nearest nominative before the meeting, else the first after it
    that is not the meeting's own genitive («ШОС», «ЕС»), which stays its other side."""
    words = c.clause.words
    if c.trigger.type not in ATTENDED or words[c.at].pos != "NOUN" or not at_occasion(c):
        return []
    own = {id(a) for a in meeting_genitives(c)}
    free = [
        a
        for a in c.clause.actors
        if c.left <= a.first < c.right
        and id(a) not in own
        and "nomn" in a.cases
        and not governing(words, a, c.at + 1 if a.first > c.at else c.left)
    ]
    before = [a for a in free if a.last < c.at]
    actor = before[-1] if before else next((a for a in free if a.first > c.at), None)
    return coordinated(c, actor) if actor is not None else []


def at_occasion(c: Candidate) -> bool:
    """The trigger stands after one of :data:`OCCASIONS`, past its qualifiers («в ходе
    официального визита»)."""
    words, k = c.clause.words, c.at
    while k > c.left and words[k - 1].pos in QUALIFIERS:
        k -= 1
    before = tuple(w.lower for w in words[max(c.left, k - 2) : k])
    return any(before[-len(o) :] == o for o in OCCASIONS if len(o) <= len(before))


def meeting_genitives(c: Candidate) -> list[Actor]:
    """The genitives right after a meeting noun, one after another, that name whose
    meeting it is: «саммите стран-экспортеров газа», «саммите ЕС»; not an actor a verb
    follows, its subject («На саммите ЕС Меркель предложила»)."""
    words, found, last = c.clause.words, [], c.at
    for actor in (a for a in c.clause.actors if a.first > c.at):
        between = words[last + 1 : actor.first]
        if "gent" not in actor.cases or any(
            w.pos in ("PREP", "VERB") or w.text in BREAKS for w in between
        ):
            break
        if len(between) > 2 or (
            actor.last + 1 < len(words) and words[actor.last + 1].pos == "VERB"
        ):
            break
        found.append(actor)
        last = actor.last
    return found


def participle_head(c: Candidate) -> list[Actor]:
    """An active participle after a comma does what the actor right before the comma is
    said to do, in any case the two share: «с министром Олегом Дымовым, потребовавшим
    отставки» → Дымов."""
    words, i = c.clause.words, c.at
    if words[i].pos != "PRTF" or "actv" not in words[i].grammemes or i < 2:
        return []
    if words[i - 1].text != ",":
        return []
    before = next((a for a in c.clause.actors if a.last == i - 2), None)
    if before is None or not before.cases & words[i].cases:
        return []
    return [before]


def governing(words: list[Word], actor: Actor, stop: int) -> str:
    """The preposition that governs an actor: the nearest one before it, past the words
    of its phrase that agree with it and their genitives («с президентом Казахстана
    Токаевым»); "" when none does («В июне они виделись»: «июне» does not agree)."""
    for k in range(actor.first - 1, max(stop, actor.first - PREPOSITION_REACH) - 1, -1):
        w = words[k]
        if w.text in QUOTES:
            continue  # «против компаний "Гранит"»
        if w.pos == "PREP":
            return w.lower
        if w.lemma in TIME_WORDS:
            return ""  # «В среду суд отклонил»: «в» governs «среду»
        if w.lower == "отношении" and k > 0 and words[k - 1].lower == "в":
            return "в отношении"
        if w.lower == "стороны" and k > 0 and words[k - 1].lower == "со":
            return "со стороны"
        if w.pos not in ("NOUN", "ADJF", "PRTF", "NUMR") or not (
            w.cases & (actor.cases | GENITIVE)
        ):
            return ""
    return ""


def governed(words: list[Word], actor: Actor, stop: int) -> bool:
    return bool(governing(words, actor, stop))


def coordinated(c: Candidate, actor: Actor) -> list[Actor]:
    """The actor and those joined to it by «и», «,» or «а также» in a shared case, on
    its side of the trigger: «Лидеры России и Украины», «Латвии, Эстонии и Литвы»; a
    genitive name right after one qualifies it and is passed over."""
    actors = c.clause.actors
    at = actors.index(actor)
    joined = [actor]
    for step in (-1, 1):
        k, last = at + step, actor
        while 0 <= k < len(actors):
            other = actors[k]
            if step == 1 and other.first == last.last + 1 and "gent" in other.cases:
                last, k = other, k + 1  # «Фонда культуры РФ, …»: a qualifier, no partner
                continue
            if not joins(c, *sorted((last, other), key=first_word)):
                break
            if not other.cases & actor.cases or (other.first < c.at) != (actor.first < c.at):
                break
            if not c.left <= other.first < c.right:
                break  # «Как сообщает ТАСС, Путин …»: not across the clause's bounds
            joined.append(other)
            last, k = other, k + step
    return sorted(joined, key=first_word)


def joins(c: Candidate, a: Actor, b: Actor) -> bool:
    """«и», «,», «а также» join two actors, past quote marks and a title or adjective
    of the second: «"Ньюсфронт", "Инфорос"», «"Атомстройэкспорт" и болгарская НЭК»,
    «SouthFront, журналиста Александра Малькевича»."""
    between = [w for w in c.clause.words[a.last + 1 : b.first] if w.text not in QUOTES]
    words = [w.lower for w in between]
    for conjunction in CONJUNCTIONS:
        if words[: len(conjunction)] == conjunction:
            rest = between[len(conjunction) :]
            return len(rest) <= 2 and all(
                w.pos in ("NOUN", "ADJF") and w.text.islower() and w.cases & b.cases for w in rest
            )
    return False


def first_word(actor: Actor) -> int:
    return actor.first
