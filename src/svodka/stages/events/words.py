"""A sentence as the event rules read it: its words with their readings, and the entity
mentions among them, each with the cases it may stand in."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container
from dataclasses import dataclass, replace

from svodka.doc import Document, Entity, Sentence
from svodka.lang import morph
from svodka.stages.events.lexicon import Lexicon

#: Endings a surname adds to its nominative, and the cases they show.
SURNAME_ENDINGS = {
    "а": frozenset({"gent", "accs"}),
    "у": frozenset({"datv"}),
    "ым": frozenset({"ablt"}),
    "ом": frozenset({"ablt"}),
    "е": frozenset({"loct", "datv"}),
    "ой": frozenset({"gent", "datv", "ablt", "loct"}),
}
#: Titles too general to stand for one person: «глава» of what?
GENERIC_TITLES = frozenset({"глава", "член", "представитель", "сотрудник", "эксперт"})
#: Subject pronouns that stand for earlier actors.
PRONOUNS = frozenset({"он", "она", "они"})


Holders = dict[str, "Entity | None"]
#: (start, stop, entity) of every mention, sorted by start.
Mentions = list[tuple[int, int, "Entity"]]


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


def read_word(start: int, stop: int, text: str, triggers: Container[str] = ()) -> Word:
    """A word with its best reading: lemma, part of speech, every case any reading
    allows; the best reading that is a trigger when there is one («экстрадирован», which
    pymorphy3 guesses is a noun first)."""
    lower = text.lower()
    parses = morph.parse(lower)
    best = next((p for p in parses if folded(p.normal_form) in triggers), parses[0])
    cases = frozenset(c for p in parses if (c := morph.case_of(p.tag)))
    return Word(
        start,
        stop,
        text,
        lower,
        folded(best.normal_form),
        str(best.tag.POS) if best.tag.POS else None,
        cases,
        frozenset(best.tag.grammemes),
    )


def folded(lemma: str) -> str:
    return lemma.replace("ё", "е")


def read_clause(
    doc: Document, sentence: Sentence, lexicon: Lexicon, holders: Holders, mentions: Mentions
) -> Clause:
    """The sentence's words and actors: entity mentions (not a place or organisation
    that only qualifies the person after it: «России» in «министра России Сергея
    Лаврова»), group words («иранские военные»; not before a mention: «активиста Алексея
    Навального» is Навальный), a title the article gives one person («Президент
    заявил» → the president it named) and pronouns."""
    first = bisect_left(doc.tokens, sentence.start, key=lambda t: t.start)
    last = bisect_left(doc.tokens, sentence.stop, key=lambda t: t.start)
    triggers = lexicon.triggers
    words = [read_word(t.start, t.stop, t.text, triggers) for t in doc.tokens[first:last]]
    found = mention_actors(mentions, words, sentence)
    actors = drop_qualifiers(stand_ins(found, words, holders, triggers))
    taken = {i for a in actors for i in range(a.first, a.last + 1)}
    for i, w in enumerate(words):
        if i in taken or (i + 1 in taken and w.pos == "NOUN"):
            continue
        if is_group(w, words[i + 1] if i + 1 < len(words) else None, lexicon.groups):
            first_word = adjectives_before(words, i)
            actors.append(
                Actor(first_word, i, None, group_name(words[first_word : i + 1]), w.cases)
            )
        elif w.lower in PRONOUNS:
            actors.append(Actor(i, i, None, w.lower, frozenset({"nomn"}), pronoun=True))
        elif w.pos == "NOUN" and (holder := holders.get(w.lemma)) is not None:
            actors.append(Actor(i, i, holder, holder.name, w.cases))
    actors.sort(key=lambda a: a.first)
    return Clause(sentence, words, actors)


def is_group(word: Word, after: Word | None, groups: frozenset[str]) -> bool:
    """A group the text names as an actor: a listed word («боевики», «полиция»; an
    adjective only standing alone: not «военной базы») or any people in the plural
    («заложники», «избиратели»)."""
    if word.pos == "NOUN":
        return word.lemma in groups or {"anim", "plur"} <= word.grammemes
    if word.pos in ("ADJF", "PRTF") and word.lemma in groups:
        return after is None or after.pos != "NOUN" or not after.cases & word.cases
    return False


def drop_qualifiers(actors: list[Actor]) -> list[Actor]:
    """Without the entities right before a person's name: «президент России Владимир
    Путин» acts as Путин, not Россия."""
    starts = {a.first for a in actors if a.entity is not None and a.entity.type == "PER"}
    return [a for a in actors if a.last + 1 not in starts]


def adjectives_before(words: list[Word], i: int) -> int:
    """Where a group's description starts: «иранские военные», «кузбасские власти»."""
    k = i
    while (
        k > 0
        and words[k - 1].pos == "ADJF"
        and "Apro" not in words[k - 1].grammemes  # not «наши», «эти», «одни»
        and words[k - 1].cases & words[i].cases
    ):
        k -= 1
    return k


def title_holders(doc: Document) -> Holders:
    """A title's head word → the one person the article gives it: «президент» → Токаев
    when he is the only president it names."""
    found: dict[str, set[str]] = {}
    for entity in doc.entities:
        for role in entity.roles:
            head = role.title.split(" ")[0].replace("ё", "е")
            found.setdefault(head, set()).add(entity.id)
    return {
        head: doc.entity(next(iter(ids)))
        for head, ids in found.items()
        if len(ids) == 1 and head not in GENERIC_TITLES
    }


def index_mentions(doc: Document) -> Mentions:
    """Every entity mention, by where it starts: read once per document, so a sentence
    finds its mentions by bisection and a huge text stays linear."""
    return sorted(
        ((m.start, m.stop, e) for e in doc.entities for m in e.mentions), key=lambda x: x[0]
    )


def mention_actors(mentions: Mentions, words: list[Word], sentence: Sentence) -> list[Actor]:
    """Every entity mention inside the sentence, as an actor over its words."""
    starts = [w.start for w in words]
    actors = []
    at = bisect_left(mentions, sentence.start, key=lambda x: x[0])
    for start, stop, entity in mentions[at:]:
        if start >= sentence.stop:
            break
        if stop <= sentence.stop:
            first = bisect_left(starts, start)
            last = max(first, bisect_left(starts, stop) - 1)
            if first < len(words):
                cases = mention_cases(words[first : last + 1], entity)
                actors.append(Actor(first, last, entity, entity.name, cases))
    return actors


def stand_ins(
    actors: list[Actor], words: list[Word], holders: Holders, triggers: Container[str]
) -> list[Actor]:
    """A noun followed by an entity in the genitive acts for it, in the noun's case:
    «лидеры России и Украины» are Россия and Украина, «с послом Франции» is Франция,
    «активистов движения Гринпис» Гринпис — unless a person's name follows («президент
    России Владимир Путин» is Путин); a title the article gives one person stands for
    that person («Королева Великобритании, прибывшая с визитом» is Елизавета II)."""
    starts = {a.first: a for a in actors}
    result = []
    for a in sorted(actors, key=lambda a: a.first):
        head = words[a.first - 1] if a.first > 0 else None
        after = starts.get(a.last + 1)
        if (
            head is not None
            and head.pos == "NOUN"
            and head.lemma not in triggers
            and a.first - 1 not in starts
            and "gent" in a.cases
            and a.entity is not None
            and not (after and after.entity and after.entity.type == "PER")
        ):
            holder = holders.get(head.lemma)
            a = replace(a, first=a.first - 1, cases=a.cases | head.cases)
            if holder is not None:
                a = replace(a, entity=holder, name=holder.name, cases=head.cases)
        result.append(a)
    return result


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


def group_name(words: list[Word]) -> str:
    """A group actor's name, nominative in the number the text uses: «иранских военных» →
    «иранские военные»."""
    number = "plur" if "plur" in words[-1].grammemes else "sing"
    return " ".join(nominative(w, number) for w in words)


def nominative(word: Word, number: str) -> str:
    parse = morph.parse(word.lower)[0]
    return morph.inflect(parse, {"nomn", number}) or word.lemma
