"""A sentence as the event rules read it: its words with their readings, and the entity
mentions among them, each with the cases it may stand in."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from svodka.doc import Document, Entity, Sentence
from svodka.lang import morph

#: Endings a surname adds to its nominative, and the cases they show.
SURNAME_ENDINGS = {
    "а": frozenset({"gent", "accs"}),
    "у": frozenset({"datv"}),
    "ым": frozenset({"ablt"}),
    "ом": frozenset({"ablt"}),
    "е": frozenset({"loct", "datv"}),
    "ой": frozenset({"gent", "datv", "ablt", "loct"}),
}
#: Subject pronouns that stand for earlier actors.
PRONOUNS = frozenset({"он", "она", "они"})


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    stop: int
    text: str
    lower: str
    lemma: str
    pos: str | None
    cases: frozenset[str]
    grammemes: frozenset[str]


@dataclass(frozen=True, slots=True)
class Actor:
    """An entity mention, a group word («боевики») or a personal pronoun standing for
    earlier actors («они»: ``pronoun``), at words ``first``..``last``."""

    first: int
    last: int
    entity: Entity | None
    name: str
    cases: frozenset[str]
    pronoun: bool = False


@dataclass(slots=True)
class Clause:
    """One sentence: its words and the actors among them, by word index."""

    sentence: Sentence
    words: list[Word]
    actors: list[Actor]

    def actor_at(self, index: int) -> Actor | None:
        """The actor whose words include ``index``."""
        return next((a for a in self.actors if a.first <= index <= a.last), None)


def read_word(start: int, stop: int, text: str) -> Word:
    """A word with its best reading: lemma, part of speech, every case any reading allows."""
    lower = text.lower()
    parses = morph.parse(lower)
    best = parses[0]
    cases = frozenset(c for p in parses if (c := morph.case_of(p.tag)))
    return Word(
        start,
        stop,
        text,
        lower,
        best.normal_form.replace("ё", "е"),
        str(best.tag.POS) if best.tag.POS else None,
        cases,
        frozenset(best.tag.grammemes),
    )


def read_clause(doc: Document, sentence: Sentence, groups: frozenset[str]) -> Clause:
    """The sentence's words and actors: entity mentions, group words («боевики»; not
    before a mention: «активиста Алексея Навального» is Навальный) and pronouns."""
    starts = [t.start for t in doc.tokens]
    first = bisect_left(starts, sentence.start)
    last = bisect_left(starts, sentence.stop)
    words = [read_word(t.start, t.stop, t.text) for t in doc.tokens[first:last]]
    actors = mention_actors(doc, words, sentence)
    taken = {i for a in actors for i in range(a.first, a.last + 1)}
    for i, w in enumerate(words):
        if i in taken:
            continue
        if w.lemma in groups and w.pos in ("NOUN", "ADJF", "PRTF") and i + 1 not in taken:
            actors.append(Actor(i, i, None, group_name(w), w.cases))
        elif w.lower in PRONOUNS:
            actors.append(Actor(i, i, None, w.lower, frozenset({"nomn"}), pronoun=True))
    actors.sort(key=lambda a: a.first)
    return Clause(sentence, words, actors)


def mention_actors(doc: Document, words: list[Word], sentence: Sentence) -> list[Actor]:
    """Every entity mention inside the sentence, as an actor over its words."""
    starts = [w.start for w in words]
    actors = []
    for entity in doc.entities:
        for m in entity.mentions:
            if m.start < sentence.start or m.stop > sentence.stop:
                continue
            first = bisect_left(starts, m.start)
            last = max(first, bisect_left(starts, m.stop) - 1)
            if first < len(words):
                cases = mention_cases(words[first : last + 1], entity)
                actors.append(Actor(first, last, entity, entity.name, cases))
    return actors


def mention_cases(words: list[Word], entity: Entity) -> frozenset[str]:
    """The cases a mention may stand in: for a person, its last word's, read from its
    ending against the canonical name too (pymorphy3 reads the unknown «Токаев» as a
    genitive plural); for anything else, its head's (the first word: «Министерством
    иностранных дел»)."""
    if entity.type != "PER":
        return words[0].cases
    word, nominative = words[-1].lower, entity.name.rsplit(" ", 1)[-1].lower()
    return words[-1].cases | surname_cases(word, nominative)


def surname_cases(word: str, nominative: str) -> frozenset[str]:
    """Cases a form of a surname shows by its ending: «Токаев» (the name itself) →
    nomn, «Токаевым» → ablt, «Токаеву» → datv, «Токаева» → gent, accs."""
    if word == nominative:
        return frozenset({"nomn", "accs"} if word[-1:] not in "вн" else {"nomn"})
    if not word.startswith(nominative[: max(3, len(nominative) - 2)]):
        return frozenset()
    ending = word[len(nominative) :] if word.startswith(nominative) else word[-2:]
    return SURNAME_ENDINGS.get(ending, frozenset())


def group_name(word: Word) -> str:
    """A group actor's name, nominative in the number the text uses: «боевиков» → «боевики»."""
    parse = morph.parse(word.lower)[0]
    number = "plur" if "plur" in word.grammemes else "sing"
    return morph.inflect(parse, {"nomn", number}) or word.lemma
