"""From candidates to the article's main events: place and date from the sentence,
actorless mentions joined to the event they name, duplicates merged, the most salient
kept (the GUIDE: «the main events of the article, usually 1–4»)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace

from svodka.doc import DateMention, Document, Entity, Event, Quote
from svodka.stages.events.find import SYMMETRIC
from svodka.stages.events.lexicon import Lexicon
from svodka.stages.events.phrases import BREAKS, Candidate, governing
from svodka.stages.events.referents import Mentions
from svodka.stages.events.states import (
    aimed_at,
    body_states,
    city_country,
    countries,
    country_of,
    demonym_countries,
    group_countries,
)
from svodka.stages.events.words import Actor

#: Prepositions that put an event somewhere: «в Сочи», «на Кипре».
PLACE_PREPOSITIONS = frozenset({"в", "во", "на"})
#: Prepositions of a place near which something happened: «под Глазго», «возле станции».
NEAR_PREPOSITIONS = frozenset({"под", "возле", "около", "близ", "вблизи", "рядом"})
#: Pronouns that make the speaker of a quote its actor.
FIRST_PERSON = frozenset({"мы", "я", "нас", "нам", "нами", "меня", "мне", "мной"})
#: Acts only a state does: with no agent named, the state where they happen did them.
STATE_ACTS = frozenset({"COERCE"})


def complete(c: Candidate) -> None:
    """An event with one side named and one other entity in its clause, which is not
    where it happened, has that entity as its other side: «"Юганскнефтегаз" отсудил у
    ЮКОСа 62 млрд рублей» — ЮКОС, the only other party there."""
    if bool(c.sources) == bool(c.targets) or met_after(c):
        return
    taken = {id(a) for a in c.actors}
    named = {x.entity.id for x in c.actors if x.entity is not None}
    breaks = [k for k, w in enumerate(c.clause.words) if w.text in BREAKS]
    others = [
        a
        for a in c.clause.actors
        if a.entity is not None
        and id(a) not in taken
        and a is not c.place
        and c.left <= a.first < c.right
        and not any_between(breaks, min(a.last, c.at), max(a.first, c.at))
        and a.entity.id not in named
        and not is_somewhere(c, a)
    ]
    if len({a.entity.id for a in others}) != 1:
        return
    if c.sources:
        c.targets = others[:1]
    else:
        c.sources = others[:1]


def is_somewhere(c: Candidate, actor: Actor) -> bool:
    """A place after a preposition is where, not who: «задержала под Глазго», «теракт в
    Манчестере», «возле станции Шиес»."""
    if actor.entity is None or actor.entity.type != "LOC":
        return False
    preposition = governing(c.clause.words, actor, c.left)
    if preposition in PLACE_PREPOSITIONS:
        return "loct" in actor.cases and "accs" not in actor.cases  # not «ввели в Миннеаполис»
    return preposition in NEAR_PREPOSITIONS


def any_between(indexes: list[int], lo: int, hi: int) -> bool:
    """Whether a sorted list of word indexes has one in ``[lo, hi)``: one bisection, so a
    sentence of thousands of words («…» with no full stop) stays quadratic at worst."""
    k = bisect_left(indexes, lo)
    return k < len(indexes) and indexes[k] < hi


def met_after(c: Candidate) -> bool:
    """Both sides of a symmetric noun named after it: «о встрече Путина и Токаева»."""
    return c.trigger.type in SYMMETRIC and len(c.sources) > 1 and c.sources[0].first > c.at


def locate(c: Candidate, dates: list[DateMention]) -> None:
    """The place (a LOC after «в»/«на», not an actor) and the date the clause gives."""
    words = c.clause.words
    places = [
        a
        for a in c.clause.actors
        if a.entity is not None
        and a.entity.type == "LOC"
        and a not in c.actors
        and a.first > 0
        and words[a.first - 1].lower in PLACE_PREPOSITIONS
        and "loct" in a.cases
    ]
    if places:
        c.place = min(places, key=lambda a: abs(a.first - c.at))
    sentence = c.clause.sentence
    first = bisect_left(dates, sentence.start, key=lambda d: d.start)
    last = bisect_left(dates, sentence.stop, key=lambda d: d.start)
    here = [d for d in dates[first:last] if d.value]
    if here:
        at = words[c.at].start
        c.date = min(here, key=lambda d: abs(d.start - at)).value


def resolve_pronouns(candidates: list[Candidate], mentions: Mentions) -> None:
    """A pronoun subject stands for the actors of the event before it within a few
    sentences: «они» for all of them, «он»/«она» for its source when that is a person;
    with no such event, «он»/«она» is the person named last before it, and so is an
    object pronoun («поддержали ее»). A pronoun left unresolved is dropped."""
    for n, c in enumerate(candidates):
        c.targets = [resolve_target(a, c, mentions) if a.pronoun else a for a in c.targets]
        c.targets = [a for a in c.targets if not a.pronoun]
        c.sources = c.sources[:1] + [a for a in c.sources[1:] if not a.pronoun]
        if not (c.sources and c.sources[0].pronoun):
            continue
        pronoun = c.sources[0]
        plural = pronoun.name == "они"
        prior = next(
            (
                p
                for p in reversed(candidates[max(0, n - 5) : n])
                if named(p.actors) and close(p, c, 400) and (plural or people(p.sources))
            ),
            None,
        )
        if prior is not None:
            antecedents = named(prior.actors) if plural else people(prior.sources)[:1]
        else:
            person = None if plural else last_person(mentions, c.clause.words[pronoun.first].start)
            antecedents = [replace(pronoun, entity=person, name=person.name)] if person else []
        c.sources = [
            replace(a, first=pronoun.first, last=pronoun.last, pronoun=False) for a in antecedents
        ]


def resolve_target(pronoun: Actor, c: Candidate, mentions: Mentions) -> Actor:
    """«расстрелян он» → the person named last before the pronoun."""
    person = last_person(mentions, c.clause.words[pronoun.first].start)
    if person is None or pronoun.name == "они":
        return pronoun
    return replace(pronoun, entity=person, name=person.name, pronoun=False)


def last_person(mentions: Mentions, offset: int) -> Entity | None:
    """The person named last before ``offset``, within the 50 mentions before it."""
    at = bisect_left(mentions, offset, key=lambda x: x[0])
    for _, stop, entity in reversed(mentions[max(0, at - 50) : at]):
        if entity.type == "PER" and stop <= offset:
            return entity
    return None


def people(actors: list[Actor]) -> list[Actor]:
    """The actors that are named people: «она» stands for one of them, not for Латвия."""
    return [a for a in actors if a.entity is not None and a.entity.type == "PER"]


def named(actors: list[Actor]) -> list[Actor]:
    return [a for a in actors if a.entity is not None]


def join_mentions(candidates: list[Candidate]) -> list[Candidate]:
    """An event named without its actors, or with groups only («проходят переговоры
    лидеров двух стран»), and the same type with named actors in the next sentence
    («Путин и Токаев обсуждают») are one event: the second takes the first's place and
    date."""
    kept: list[Candidate] = []
    for c in candidates:
        prior = kept[-1] if kept else None
        if (
            prior is not None
            and prior.trigger.type == c.trigger.type
            and close(prior, c, 3)
            and (not named(prior.actors) or not named(c.actors) or same_actors(prior, c))
            and not differ(prior, c)
        ):
            kept[-1] = merge(prior, c)
            continue
        kept.append(c)
    return kept


def close(a: Candidate, b: Candidate, gap: int) -> bool:
    """The same sentence, or sentences at most ``gap`` characters apart."""
    return a.clause is b.clause or b.clause.sentence.start - a.clause.sentence.stop < gap


def differ(a: Candidate, b: Candidate) -> bool:
    """Two dates or two places that disagree: «сегодня в Сочи» is not «в июне в Петербурге»."""
    places = a.place and b.place and a.place.entity is not b.place.entity
    return bool(places or (a.date and b.date and a.date != b.date))


def same_actors(a: Candidate, b: Candidate) -> bool:
    return keys(a.actors) <= keys(b.actors) or keys(b.actors) <= keys(a.actors)


def keys(actors: list[Actor]) -> frozenset[str]:
    return frozenset(a.entity.id if a.entity else a.name for a in actors)


def merge(a: Candidate, b: Candidate) -> Candidate:
    """The one with more named actors, with the other's place and date where it has none."""
    main, other = (a, b) if len(named(a.actors)) >= len(named(b.actors)) else (b, a)
    main.place = main.place or other.place
    main.date = main.date or other.date
    return main


def salience(c: Candidate, counts: Counter[str], lead_stop: int) -> float:
    """How central an event is: in the headline or lead, between often-named actors,
    with both sides named, asserted."""
    score = 2.0 if c.clause.sentence.start < lead_stop else 0.0
    score += sum(min(counts[a.entity.id], 6) * 0.3 for a in c.actors if a.entity is not None)
    score += 1.0 if c.sources and c.targets else 0.0
    score -= 1.0 if c.modality != "asserted" or c.negated else 0.0
    score += 0.5 if c.place is not None or c.date else 0.0
    return score


def select(candidates: list[Candidate], doc: Document, limit: int) -> list[Candidate]:
    """Every event (``limit`` 0), or the ``limit`` most salient that do not repeat one
    kept already (the same type, no new actor), in text order; an event without actors
    («задержаны десятки человек») competes too, with a lower salience."""
    if not limit:
        return candidates
    counts = Counter({e.id: len(e.mentions) for e in doc.entities})
    lead_stop = doc.sentences[min(2, len(doc.sentences) - 1)].stop if doc.sentences else 0
    ranked = sorted(candidates, key=lambda c: -salience(c, counts, lead_stop))
    chosen: list[Candidate] = []
    for c in ranked:
        if len(chosen) == limit:
            break
        if not any(repeats_event(c, k) for k in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.at + c.clause.sentence.start * 10_000)


def repeats_event(c: Candidate, kept: Candidate) -> bool:
    """The same type between actors an event already kept names, at no other place or
    date, or with no actors at all: «убит» after «убийство Кеннеди» tells nothing
    new."""
    if c.trigger.type != kept.trigger.type:
        return False
    if not c.actors:
        return True
    # «сегодня в Сочи» is not «в июне в Петербурге»
    return keys(c.actors) <= keys(kept.actors) and not differ(c, kept)


def to_event(number: int, c: Candidate, doc: Document, lexicon: Lexicon) -> Event:
    """The output record of a candidate."""
    words = c.clause.words
    source, target = first_entity(c.sources), first_entity(c.targets)
    quote = quote_at(doc.quotes, words[c.at].start)
    source_id = source.entity.id if source and source.entity else None
    source_name = source.name if source else None
    actors = [a.name for a in c.actors]
    speaker = doc.quotes[int(quote[1:]) - 1] if quote and speaks(c) else None
    if speaker is not None and speaker.speaker is not None:
        # «Мы не будем вводить санкции», — заявил Трамп: the speaker is the source
        source_id, source_name = speaker.speaker, speaker.speaker_name
        actors.insert(0, speaker.speaker_name)
    states = countries(doc)
    if source is None and c.trigger.type in STATE_ACTS and c.place is not None:
        # «Бут был арестован в Бангкоке»: an arrest with no agent named is the state's
        state = states.get(country_of(c.place.entity))
        if state is not None:
            source_id, source_name = state.id, state.name
            actors.insert(0, state.name)
    actors += [states[code].name for a in c.actors if (code := city_country(a.entity)) in states]
    actors += group_countries(c, doc, lexicon.countries) + body_states(c, doc)
    actors += [
        states[code].name for code in demonym_countries(c, lexicon.demonyms) if code in states
    ]
    target_id = target.entity.id if target and target.entity else None
    target_name = target.name if target else None
    if target is None and (aimed := aimed_at(c, doc, lexicon.countries)) is not None:
        target_id, target_name = aimed.id, aimed.name  # «антироссийские санкции»
        actors.append(aimed.name)
    return Event(
        id=f"v{number}",
        type=c.trigger.type,
        mode=c.trigger.mode,
        source=source_id,
        target=target_id,
        source_name=source_name,
        target_name=target_name,
        actors=tuple(dict.fromkeys(actors)),
        place=c.place.entity.id if c.place and c.place.entity else None,
        date=c.date,
        negated=c.negated,
        modality="reported" if quote else c.modality,
        trigger=words[c.at].text,
        start=words[c.left].start,
        stop=words[min(c.right, len(words)) - 1].stop,
        quote=quote,
    )


def speaks(c: Candidate) -> bool:
    """A quoted event told in the first person, with no other source: «Мы не будем
    вводить санкции» — its speaker did it."""
    words = c.clause.words
    return not c.sources and any(
        "1per" in w.grammemes or w.lower in FIRST_PERSON for w in words[c.left : c.right]
    )


def first_entity(actors: list[Actor]) -> Actor | None:
    """The first actor, an entity preferred to a group word."""
    return next((a for a in actors if a.entity is not None), actors[0] if actors else None)


def quote_at(quotes: tuple[Quote, ...], offset: int) -> str | None:
    """«q3» when the offset lies inside the document's third quote (quotes are in text
    order; the five starting last before it are looked at); an outlet's attribution
    («…, сообщает ТАСС») is the news itself, not a quote."""
    at = bisect_right(quotes, offset, key=lambda q: q.start)
    for n in range(at - 1, max(-1, at - 6), -1):
        q = quotes[n]
        if q.start <= offset < q.stop and not q.source:
            return f"q{n + 1}"
    return None
