"""Events in one sentence: a trigger from the lexicon, its source (the subject, or the
agent of a passive), its target (by the trigger's frames), coordinated actors, negation
and modality, and the place and date the sentence gives."""

from __future__ import annotations

from svodka.lang import morph
from svodka.lang.text import fold
from svodka.resources import read_lines
from svodka.stages.events.lexicon import Frame, Lexicon, Trigger
from svodka.stages.events.modality import is_negated, read_modality
from svodka.stages.events.phrases import (
    BREAKS,
    Candidate,
    attendee,
    coordinated,
    find_target,
    gerund_doer,
    governed,
    governing,
    participle_head,
    target_before,
)
from svodka.stages.events.triggers import fits_context, governs, is_label, is_noun_modifier, repeats
from svodka.stages.events.words import Actor, Clause, Word

#: Words that open a new clause after a comma or dash: its subject is its own.
SUBORDINATORS = frozenset(read_lines("events/clauses.txt"))
#: Verbs denying the accusation they take: «отвергает [обвинения]».
DENIALS = frozenset(read_lines("events/denials.txt"))
#: A sentence's opening attribution, up to its comma (at most that many words): «Как
#: сообщает ТАСС, …».
ATTRIBUTIONS = [line.split() for line in read_lines("events/attributions.txt")]
ATTRIBUTION_REACH = 12
#: The types a sport sentence may still report («дисквалифицировали», «призвал
#: переиграть матч»); meetings, concessions and attacks there are games.
SPORT_TYPES = frozenset({"SANCTION", "REQUEST", "ACCUSE", "COERCE"})
#: What may stand between a verb and its subject after it: «заявил вчера Путин».
INVERSION = frozenset({"ADVB", "PRCL"})
#: Prepositions of the body where an act happened: «в МИД», «во ВЦИОМ».
PLACE_PREPOSITIONS = frozenset({"в", "во"})
#: Parts of speech of a subject's apposition before it: «еще один обвиняемый Миронов».
APPOSITION = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})
#: The relative pronoun as a subject: its clause's doer is the actor before it.
RELATIVE_SUBJECTS = frozenset({"который", "которая", "которое", "которые"})
#: Words opening a clause that shares the subject of the clause before it.
SHARED_SUBJECT = frozenset({"а", "но", "однако", "зато"})
#: Cases of a verb's object that does what its infinitive says.
OBJECT_CASES = frozenset({"accs", "datv"})
#: Symmetric types: «Путин и Токаев встретились» is Путин → Токаев.
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Where a noun trigger names its doer: «критика со стороны президента», «переговоры
#: Путина и Токаева».
NOUN_SOURCES = (Frame("со стороны", "gent"), Frame("", "gent"))
#: How far (words) a noun trigger's doer in the genitive may stand: «иск "Юганска"».
DOER_REACH = 3


def find_events(clause: Clause, lexicon: Lexicon) -> list[Candidate]:
    """Every trigger of the sentence with the actors its frames find."""
    found: list[Candidate] = []
    labels: list[Candidate] = []  # «подозреваемого [в убийстве]»: a label's content
    sport = any(w.lemma in lexicon.sport for w in clause.words)
    for i, word in enumerate(clause.words):
        rows = lexicon.triggers.get(word.lemma)
        if not rows or clause.actor_at(i) is not None:
            continue
        if is_label(clause.words, i, follows_actor(clause, i)):
            labels.append(Candidate(clause, i, rows[0], left=i, right=i + 1))
            continue
        trigger = next((t for t in rows if fits_context(clause.words, i, t)), None)
        if trigger is None or (sport and trigger.type not in SPORT_TYPES):
            continue
        if is_denied(clause, i, trigger) or any(governs(clause.words, c, i) for c in labels):
            continue  # «отвергает обвинения», «обвиняемый в [убийстве]»
        if any(governs(clause.words, c, i) or repeats(c, trigger, i) for c in found):
            continue
        left, right = bounds(clause.words, i)
        left = max(left, attribution_end(clause, i, lexicon))
        c = Candidate(clause, i, trigger, left=left, right=right)
        find_actors(c)
        if not c.actors and is_noun_modifier(clause.words, i, trigger):
            continue  # «в рамках сотрудничества», «значение для расследования»
        if not c.actors and is_alone(clause.words[i], trigger):
            continue  # «слово встречалось»: no one meets alone
        c.negated = is_negated(clause.words, i, left)
        c.modality = read_modality(clause.words, i, (left, right), lexicon.modality)
        found.append(c)
    return found


def is_denied(clause: Clause, i: int, trigger: Trigger) -> bool:
    """An accusation right after a verb denying it, with no accuser named after it:
    «Мединский отвергает обвинения» reports none; «отвергли обвинения Эстонии» does."""
    if trigger.type != "ACCUSE" or i == 0 or clause.words[i - 1].lemma not in DENIALS:
        return False
    accuser = clause.actor_at(i + 1)
    return accuser is None or "gent" not in accuser.cases


def is_alone(word: Word, trigger: Trigger) -> bool:
    """A verb of a symmetric event in the singular with no one named: «в 2009 году слово
    встречалось …», «игру посетило 40842 зрителя» is no meeting; «встретились» (plural)
    may be one between unnamed sides, and «гарантирую» has its speaker."""
    grammemes = word.grammemes
    return (
        trigger.type in SYMMETRIC
        and word.pos == "VERB"
        and "sing" in grammemes
        and not grammemes & {"1per", "2per"}
    )


def follows_actor(clause: Clause, i: int) -> bool:
    """Whether word ``i`` comes right after an actor, or after an actor and a comma."""
    k = i - 2 if i > 1 and clause.words[i - 1].text == "," else i - 1
    return k >= 0 and clause.actor_at(k) is not None


def bounds(words: list[Word], i: int) -> tuple[int, int]:
    """The clause around word ``i``: from after the last «, что»/«;» before it to the
    next one after it."""
    left = 0
    for k in range(i - 1, 0, -1):
        if words[k].text == ";" or (words[k - 1].text in ",—–" and words[k].lower in SUBORDINATORS):
            left = k
            break
    right = len(words)
    for k in range(i + 1, len(words) - 1):
        if words[k].text == ";" or (words[k].text in ",—–" and words[k + 1].lower in SUBORDINATORS):
            right = k
            break
    return left, right


def attribution_end(clause: Clause, i: int, lexicon: Lexicon) -> int:
    """The word after the comma that closes a sentence's opening attribution to an
    outlet, when word ``i`` stands past it: «Как напоминает ИТАР-ТАСС, совещание прошло…»
    — who reports an event is no side of it (but «По словам Путина, переговоры…»: he
    may be); else 0."""
    words = clause.words
    opener = next((o for o in ATTRIBUTIONS if [w.lower for w in words[: len(o)]] == o), None)
    if opener is None:
        return 0
    reach = min(i, ATTRIBUTION_REACH)
    comma = next((k for k in range(len(opener), reach) if words[k].text == ","), None)
    if comma is None:
        return 0
    outlet = any(w.lemma in lexicon.media for w in words[:comma]) or any(
        a.entity is not None and fold(a.entity.name) in lexicon.outlets
        for a in clause.actors
        if a.last < comma
    )
    return comma + 1 if outlet else 0


def find_actors(c: Candidate) -> None:
    """Source and target: a passive's subject is its target and its agent the source;
    otherwise the subject is the source and the frames find the target."""
    words, i = c.clause.words, c.at
    passive = "pssv" in words[i].grammemes
    subject = find_controller(c) or (find_subject(c) if takes_subject(words, i) else [])
    if passive:
        c.targets = subject
        c.sources = find_agent(c)
    else:
        named_doer = find_doer(c) if words[i].pos == "NOUN" else []
        c.sources = named_doer or subject or attendee(c)  # «критика со стороны президента»
        c.targets = find_target(c, c.trigger.frames) or target_before(c, c.trigger.frames)
        if not c.sources and words[i].pos == "NOUN":
            doers = find_target(c, NOUN_SOURCES)  # «переговоры Путина и Токаева»
            c.sources = [] if any(a in c.targets for a in doers) else doers  # «вину Иванова»
        if not c.sources:
            c.sources = gerund_doer(c)
        if not c.sources and not c.targets:
            c.targets = object_before(c)
    sources = {a.entity.id if a.entity else a.name for a in c.sources}
    c.targets = [a for a in c.targets if (a.entity.id if a.entity else a.name) not in sources]


def object_before(c: Candidate) -> list[Actor]:
    """The object of a plural verb with no subject, put before it: «Браудера отпустили на
    свободу» (someone let Браудер go) → Браудер, the target."""
    words = c.clause.words
    verb = words[c.at]
    if verb.pos != "VERB" or "plur" not in verb.grammemes:
        return []
    before = next(
        (a for a in reversed(c.clause.actors) if c.left <= a.first and a.last < c.at), None
    )
    if (
        before is None
        or before.pronoun
        or "accs" not in before.cases
        or "nomn" in before.cases
        or governed(words, before, c.left)
        or any(w.pos not in INVERSION or w.text in BREAKS for w in words[before.last + 1 : c.at])
    ):
        return []
    return coordinated(c, before)


def find_doer(c: Candidate) -> list[Actor]:
    """Who a noun trigger says did it: after «со стороны», or in the genitive right after
    it where the lexicon says so («@gen»): «иск "Юганскнефтегаза"», «требование
    общества», «встреча Путина и Токаева»."""
    named = find_target(c, NOUN_SOURCES[:1])
    if named or not any(f.doer for f in c.trigger.frames):
        return named
    words = c.clause.words
    after = next((a for a in c.clause.actors if a.first > c.at), None)
    if (
        after is not None
        and after.first - c.at <= DOER_REACH
        and "gent" in after.cases
        and not any(w.pos == "PREP" or w.text in BREAKS for w in words[c.at + 1 : after.first])
    ):
        return coordinated(c, after)
    return []


def takes_subject(words: list[Word], i: int) -> bool:
    """A verb takes its clause's subject; a noun only as the object of a verb or a
    participle right before it («провели переговоры», «ввел санкции», «Королева,
    прибывшая с визитом») or as the subject itself («Переговоры
    прошли»), not deep in another phrase («задержала подозреваемых в причастности к
    терактам»)."""
    if words[i].pos != "NOUN":
        return True
    before = words[max(0, i - 3) : i]
    return (
        any(w.pos in ("VERB", "INFN", "PRTS") or is_subject_participle(w) for w in before)
        or "nomn" in words[i].cases
    )


def is_subject_participle(word: Word) -> bool:
    """A participle that may belong to the subject («Королева, прибывшая с визитом»), not
    one of an object («сбор средств для пострадавших во время теракта»)."""
    return word.pos == "PRTF" and "nomn" in word.cases


def orient(c: Candidate) -> None:
    """A symmetric event between coordinated subjects runs from the first to the others,
    and so does one only «между» coordinated actors («сотрудничество между Евросоюзом и
    Россией»)."""
    if c.trigger.type not in SYMMETRIC:
        return
    if not c.targets and len(c.sources) > 1:
        c.sources, c.targets = c.sources[:1], c.sources[1:]
    elif not c.sources and len(c.targets) > 1:
        c.sources, c.targets = c.targets[:1], c.targets[1:]


def find_controller(c: Candidate) -> list[Actor]:
    """An infinitive's doer when a verb's object controls it: «призвала Москву вывести
    войска» → Москва, «помог Киеву провести» → Киев."""
    words, clause = c.clause.words, c.clause
    if words[c.at].pos != "INFN":
        return []
    verb = next(
        (k for k in range(c.at - 1, max(c.left, c.at - 6) - 1, -1) if words[k].pos == "VERB"),
        None,
    )
    if verb is None:
        return []
    for actor in clause.actors:
        if verb < actor.first and actor.last < c.at and actor.cases & OBJECT_CASES:
            return coordinated(c, actor)
    return []


def find_subject(c: Candidate) -> list[Actor]:
    """The nominative actor nearest before the trigger in its clause, not after a
    preposition, with the actors coordinated to it; in a clause after «, а»/«, но» with
    none, the subject of the clause before («Мусави заявил …, а позднее обвинил
    власти»); else the first one after it, past adverbs and its own apposition
    («заявили в МИД России», «был задержан еще один обвиняемый Иван Миронов»)."""
    clause, words = c.clause, c.clause.words
    if head := participle_head(c):
        return head
    found = nominative_before(c, c.left, c.at)
    if not found and c.left > 1 and words[c.left].lower in SHARED_SUBJECT:
        found = nominative_before(c, bounds(words, c.left - 2)[0], c.left - 1)
    if found:
        return found
    if antecedent := relative_antecedent(c):
        return antecedent
    if body := speaking_body(c):
        return body
    after = next((a for a in clause.actors if c.at < a.first < c.right), None)
    between = words[c.at + 1 : after.first] if after else []
    if after and "nomn" in after.cases and all(inverts(w) for w in between):
        return coordinated(c, after)  # «встретились Путин и Токаев»
    return []


def relative_antecedent(c: Candidate) -> list[Actor]:
    """In a clause opened by «, который» (the subject's form), the actor the pronoun
    stands for: the one right before the comma, where the relative clause opens («с
    Медведевым, который призвал», «Медведев, который заявил это, призвал»)."""
    words = c.clause.words
    if c.left < 2 or words[c.left].lower not in RELATIVE_SUBJECTS or words[c.left - 1].text != ",":
        return []
    before = next((a for a in c.clause.actors if a.last == c.left - 2), None)
    if before is None or (before.entity is None and words[c.left].lower != "которые"):
        return []
    return [before]


def speaking_body(c: Candidate) -> list[Actor]:
    """The organisation «в» which a plural verb without a subject happened: «В
    Минобрнауки инициативу не поддержали» → Минобрнауки."""
    words = c.clause.words
    if words[c.at].pos != "VERB" or "plur" not in words[c.at].grammemes:
        return []
    for actor in c.clause.actors:
        if (
            c.left <= actor.first < c.at
            and actor.entity is not None
            and actor.entity.type == "ORG"
            and governing(words, actor, c.left) in PLACE_PREPOSITIONS
        ):
            return [actor]
    return []


def nominative_before(c: Candidate, left: int, stop: int) -> list[Actor]:
    """The nominative actor nearest before word ``stop`` from word ``left`` on, not after
    a preposition, with the actors coordinated to it."""
    words = c.clause.words
    before = [a for a in c.clause.actors if left <= a.first and a.last < stop]
    for actor in reversed(before):
        if "nomn" in actor.cases and not governed(words, actor, left):
            found = coordinated(c, actor)
            if agrees(words[c.at], found, words):
                return found
    return []


def agrees(verb: Word, actors: list[Actor], words: list[Word]) -> bool:
    """A finite verb in the singular has no plural group for its subject, nor a
    plural verb one person or a group in the singular: «военные» is no subject of
    «провела». Names of bodies and places may take either («США заявили»)."""
    number = verb.grammemes & {"sing", "plur"} if verb.pos == "VERB" else set()
    if not number or len(actors) > 1:
        return not number or "plur" in number
    actor = actors[0]
    if actor.entity is not None and actor.entity.type != "PER":
        return True
    if actor.entity is not None:
        return "sing" in number
    head = next((w for w in words[actor.first : actor.last + 1] if w.pos == "NOUN"), None)
    return head is None or any(
        p.tag.number in number and morph.case_of(p.tag) == "nomn" for p in morph.parse(head.lower)
    )


def inverts(word: Word) -> bool:
    """A word between a verb and its subject after it: an adverb or particle («заявил
    вчера Путин»), or the subject's own nominative apposition («еще один обвиняемый»)."""
    if word.pos in INVERSION:
        return True
    return word.pos in APPOSITION and "nomn" in word.cases


def find_agent(c: Candidate) -> list[Actor]:
    """A passive's agent: an instrumental actor after it («задержан полицией»), or the
    actor in the genitive after an instrumental noun («сотрудниками ФСБ»)."""
    words = c.clause.words
    for actor in c.clause.actors:
        if not c.at < actor.first < min(c.right, c.at + 6):
            continue
        if "ablt" in actor.cases and not governed(words, actor, c.at + 1):
            return [actor]
        if "gent" in actor.cases and governing(words, actor, c.at + 1) == "со стороны":
            return coordinated(c, actor)
        if "gent" in actor.cases and "ablt" in words[actor.first - 1].cases:
            return [actor]
    return []
