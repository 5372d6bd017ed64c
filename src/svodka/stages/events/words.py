"""A sentence as the event rules read it: its words with their readings, and the entity
mentions among them, each with the cases it may stand in."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container
from dataclasses import dataclass, replace

from svodka.doc import Document, Entity, Sentence
from svodka.lang import morph
from svodka.lang.caches import word_cache
from svodka.lang.text import QUOTES
from svodka.resources import read_lines
from svodka.stages.events.cases import ANY_CASE, mention_cases
from svodka.stages.events.lexicon import Lexicon
from svodka.stages.events.referents import Holders, Mentions, Posts, holder_at, holds

#: How many words a group's genitive complement may have.
COMPLEMENT_REACH = 4
#: Compound prepositions whose noun governs the actor after it: «в отношении России».
COMPOUND_PREPOSITIONS = frozenset(
    {("в", "отношении"), ("со", "стороны"), ("в", "адрес"), ("с", "участием")}
)
#: Nouns of time: a preposition or a head noun before an actor belongs to them, not to
#: it («В среду суд отклонил»).
TIME_WORDS = frozenset(read_lines("events/time.txt"))
#: Subject pronouns that stand for earlier actors.
PRONOUNS = frozenset({"он", "она", "они"})
#: Object pronouns that stand for the person named last («поддержали ее»), with their
#: cases («им», «ими» could be plural too and are left out).
OBJECT_PRONOUNS = {
    form: frozenset(cases.split())
    for forms, cases in (
        ("его него", "gent accs"),
        ("ее её нее неё", "gent accs"),
        ("ему нему", "datv"),
        ("ей ней", "datv ablt"),
    )
    for form in forms.split()
}


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


def read_word(start: int, stop: int, text: str, triggers: frozenset[str] = frozenset()) -> Word:
    """A word with its best reading: lemma, part of speech, every case any reading
    allows; the best reading that is a trigger when there is one («экстрадирован», which
    pymorphy3 guesses is a noun first)."""
    return Word(start, stop, text, *read_reading(text, triggers))


@word_cache(0.1)
def read_reading(text: str, triggers: frozenset[str]) -> tuple:
    """``Word``'s fields after ``text``, for a word wherever it stands (cached: news
    repeats its words, and the trigger set is one per process)."""
    lower = text.lower()
    parses = morph.parse(lower)
    best = next((p for p in parses if folded(p.normal_form) in triggers), parses[0])
    cases = frozenset(c for p in parses if (c := morph.case_of(p.tag)))
    pos = str(best.tag.POS) if best.tag.POS else None
    grammemes = frozenset(best.tag.grammemes)
    return lower, folded(best.normal_form), pos, shared(cases), shared(grammemes)


#: One copy of each set of cases or grammemes: a few hundred sets serve every word.
SETS: dict[frozenset[str], frozenset[str]] = {}


def shared(items: frozenset[str]) -> frozenset[str]:
    """The one stored copy of a set equal to ``items``."""
    return SETS.setdefault(items, items)


def folded(lemma: str) -> str:
    return lemma.replace("ё", "е")


def read_clause(
    doc: Document,
    sentence: Sentence,
    lexicon: Lexicon,
    referents: tuple[Holders, Posts],
    mentions: Mentions,
) -> Clause:
    """The sentence's words and actors: entity mentions (not a place or organisation
    that only qualifies the person after it: «России» in «министра России Сергея
    Лаврова»), a title the article gives one person («Президент заявил» → the president
    it named) or the head of the one organisation it names so («суд отказал» → the
    court), group words («иранские военные»; not before a mention: «активиста Алексея
    Навального» is Навальный) and pronouns."""
    holders = referents[0]
    first = bisect_left(doc.tokens, sentence.start, key=lambda t: t.start)
    last = bisect_left(doc.tokens, sentence.stop, key=lambda t: t.start)
    triggers = lexicon.lemmas
    words = [read_word(t.start, t.stop, t.text, triggers) for t in doc.tokens[first:last]]
    found = drop_nested(mention_actors(mentions, words, sentence))
    actors = drop_qualifiers(stand_ins(found, words, referents, lexicon, mentions))
    actors = complements(actors, words)
    taken = {i for a in actors for i in range(a.first, a.last + 1)}
    for i, w in enumerate(words):
        if i in taken or (i + 1 in taken and w.pos == "NOUN"):
            continue
        if w.pos == "NOUN" and (holder := holder_at(holders, w.lemma, mentions, w.start)):
            actors.append(Actor(i, i, holder, holder.name, w.cases))
        elif is_group(w, words[i + 1] if i + 1 < len(words) else None, lexicon.groups):
            first_word = adjectives_before(words, i)
            end = complement_end(words, i, taken, lexicon.triggers)
            name = group_name(words[first_word : i + 1], lexicon.plural_groups)
            tail = " ".join(x.lower for x in words[i + 1 : end + 1])
            actors.append(Actor(first_word, end, None, f"{name} {tail}".strip(), w.cases))
            taken.update(range(i, end + 1))
        elif w.lower in PRONOUNS:
            actors.append(Actor(i, i, None, w.lower, frozenset({"nomn"}), pronoun=True))
        elif (cases := OBJECT_PRONOUNS.get(w.lower)) and not possessive(words, i):
            actors.append(Actor(i, i, None, w.lower, cases, pronoun=True))
    actors.sort(key=lambda a: a.first)
    return Clause(sentence, words, actors)


def possessive(words: list[Word], i: int) -> bool:
    """«его машина», «ее новый фильм»: a possessive before a noun phrase, no actor."""
    after = words[i + 1] if i + 1 < len(words) else None
    return after is not None and after.pos in ("NOUN", "ADJF", "PRTF", "NUMR")


def complement_end(
    words: list[Word], i: int, taken: Container[int], triggers: Container[str]
) -> int:
    """The last word of a group's genitive complement, or ``i``: «сотрудники
    правоохранительных органов», «членам экипажа», «участников марша» — common words in
    the genitive, ending in a noun, no entity and no trigger («участники протеста» keeps
    its protest)."""
    end = i
    for k in range(i + 1, min(len(words), i + 1 + COMPLEMENT_REACH)):
        w = words[k]
        if (
            k in taken
            or w.pos not in ("NOUN", "ADJF", "PRTF")
            or "gent" not in w.cases
            or w.lemma in triggers
            or not w.text[:1].islower()
        ):
            break
        if w.pos == "NOUN":
            end = k
    return end


def is_group(word: Word, after: Word | None, groups: frozenset[str]) -> bool:
    """A group the text names as an actor: a listed word («боевики», «полиция»; an
    adjective only standing alone: not «военной базы», «военные учения») or any people
    in the plural («заложники», «избиратели»)."""
    alone = after is None or after.pos != "NOUN" or not after.cases & word.cases
    if word.pos == "NOUN":
        listed = word.lemma in groups or {"anim", "plur"} <= word.grammemes
        return listed and (alone or not morph.has_adjective_reading(word.lower))
    if word.pos in ("ADJF", "PRTF") and word.lemma in groups:
        return alone
    return False


def drop_nested(actors: list[Actor]) -> list[Actor]:
    """Without the mentions inside a longer one: «Москвы» in «Тверской суд Москвы» acts
    only as part of the court."""
    return [
        a
        for a in actors
        if not any(
            b is not a
            and b.first <= a.first
            and a.last <= b.last
            and b.last - b.first > a.last - a.first
            for b in actors
        )
    ]


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
        and words[k - 1].text.isalpha()  # not «58-й»: the name would not be the text's
        and words[k - 1].cases & words[i].cases
    ):
        k -= 1
    return k


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
    actors: list[Actor],
    words: list[Word],
    referents: tuple[Holders, Posts],
    lexicon: Lexicon,
    mentions: Mentions,
) -> list[Actor]:
    """A noun followed by an entity in the genitive acts for it, in the noun's case:
    «лидеры России и Украины» are Россия and Украина, «с послом Франции» is Франция,
    «активистов движения Гринпис» Гринпис — unless a person's name follows («президент
    России Владимир Путин» is Путин); a title the article gives one person stands for
    that person («Королева Великобритании, прибывшая с визитом» is Елизавета II), and a
    title held in that body or country stands for its holder («глава РАО» is Чубайс). The
    noun is a person, a group word or a title: «письмо Корнеева» is no stand-in."""
    holders, posts = referents
    starts = {a.first: a for a in actors}
    result = []
    for a in sorted(actors, key=lambda a: a.first):
        at = a.first - 1
        if at > 0 and words[at].text in QUOTES:
            at -= 1  # «глава «Северстали»»
        # a name in the nominative is the apposition of the noun before, in its case:
        # «сайта "Коготь"», «движения Зелёный фронт»
        apposed = "gent" not in a.cases and a.entity is not None and a.entity.type != "PER"
        cases = words[at].cases if apposed and at >= 0 else a.cases
        if (
            0 < at not in starts
            and words[at].pos == "NOUN"
            and not acts(words[at], lexicon, holders)
            and acts(words[at - 1], lexicon, holders)
        ):
            at -= 1  # «создатели сайта "Коготь"», «членов клана Гамбино»
        head = words[at] if at >= 0 else None
        after = starts.get(a.last + 1)
        if (
            head is not None
            and acts(head, lexicon, holders)
            and not in_preposition(words, at)
            and at not in starts
            and "gent" in cases
            and a.entity is not None
            and not (after and after.entity and after.entity.type == "PER")
        ):
            holder = posts.get((head.lemma, a.entity.id)) or holder_at(
                holders, head.lemma, mentions, head.start
            )
            if holder is not None and not holds(holder, head.lemma, a.entity.id):
                holder = None  # «президента России» is not the president of Kazakhstan
            a = replace(a, first=at, cases=a.cases | head.cases)
            if holder is not None:
                a = replace(a, entity=holder, name=holder.name, cases=head.cases)
        result.append(a)
    return result


def acts(word: Word, lexicon: Lexicon, holders: Holders) -> bool:
    """A noun that may act for the entity after it: a person, a group word or a title,
    never a trigger («иск "Юганскнефтегаза"»)."""
    return (
        word.pos == "NOUN"
        and word.lemma not in lexicon.triggers
        and ("anim" in word.grammemes or word.lemma in lexicon.groups or word.lemma in holders)
    )


def complements(actors: list[Actor], words: list[Word]) -> list[Actor]:
    """An actor right after a common noun, which may be genitive, is that noun's
    complement and genitive only: «Здание правительства Северной Осетии пикетировали»
    has no subject there. A person's name or an indeclinable name after a noun is its
    apposition and keeps every case («министр Лавров», «компания Apple заявила»), and
    so does an actor after a noun of time («в среду ЮКОС заявил») or after another
    actor."""
    result = []
    ends = {a.last for a in actors}
    for a in actors:
        before = words[a.first - 1] if a.first > 0 else None
        if (
            before is not None
            and before.pos == "NOUN"
            and a.first - 1 not in ends  # «России Владимир Путин»
            and not (a.entity is not None and a.entity.type == "PER")  # «министр Лавров»
            and before.lemma not in TIME_WORDS
            and {"gent", "nomn"} <= a.cases
            and a.cases != ANY_CASE
        ):
            a = replace(a, cases=frozenset({"gent"}))
        result.append(a)
    return result


def in_preposition(words: list[Word], k: int) -> bool:
    """Word ``k`` is the noun of a compound preposition: «в отношении», «со стороны»."""
    return k > 0 and (words[k - 1].lower, words[k].lower) in COMPOUND_PREPOSITIONS


def group_name(words: list[Word], plural_heads: Container[str] = ()) -> str:
    """A group actor's name, nominative in the number the text uses: «иранских военных» →
    «иранские военные», «кузбасские власти» (plural by its adjective), «власти» alone
    (a head usually plural, ``plural_heads``: not «власть»); a singular adjective takes
    its head's gender («местная полиция»)."""
    head = words[-1]
    plural = (
        "plur" in head.grammemes
        or any("plur" in w.grammemes for w in words[:-1])
        or (head.lemma in plural_heads and reads_plural(head))
    )
    number = "plur" if plural else "sing"
    gender = morph.gender_of(morph.parse(head.lower)[0].tag)
    agree = {number} if plural or gender not in ("masc", "femn", "neut") else {number, gender}
    return " ".join(nominative(w, agree if w is not head else {number}) for w in words)


def reads_plural(word: Word) -> bool:
    """Some reading of the word is a plural nominative or accusative: «власти»."""
    return any(
        p.tag.number == "plur" and morph.case_of(p.tag) in ("nomn", "accs")
        for p in morph.parse(word.lower)
    )


def nominative(word: Word, grammemes: set[str]) -> str:
    parse = morph.parse(word.lower)[0]
    return morph.inflect(parse, {"nomn", *grammemes}) or word.lemma
