"""The outlet that relays a statement is not its speaker.

- «сообщает ИТАР-ТАСС со ссылкой на пресс-службу мэрии», «Как сообщает РИА Новости со
  ссылкой на источник в Минфине, …»: the source after «со ссылкой на» is the speaker,
  and the claim is no longer the outlet's own report;
- «Это не продажа», — цитирует слова Багапша «Интерфакс»: the person whose words are
  cited (found by the verb's ``object`` tag); «…», — цитирует губернатора ТАСС: the
  holder of the position cited;
- «…», — передает РИА Новости: whoever spoke — the speaker of the quote before, or the
  person named last before the quote, in its sentence or the one before;
- «В числе сложных он назвал …, сообщает "Интерфакс"»: a relayed report that names
  something with its own verb is the words of that verb's subject;
- a report attributed to the outlet alone (``source``) is narration, left to the outlet.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from svodka.doc import Quote
from svodka.stages.quotes.clauses import comma_after
from svodka.stages.quotes.discourse import NOBODY, Discourse, Speaker, entity_speaker
from svodka.stages.quotes.lexicon import lemma
from svodka.stages.quotes.phrases import Claim, Phrase, noun_phrase
from svodka.stages.quotes.subjects import (
    finite_form,
    locative,
    prefer_person,
    subject_left,
    subject_right,
)
from svodka.stages.quotes.view import View

REFERENCE_REACH = 12  # tokens after the cue in which «со ссылкой на» may stand
PERSON_REACH_UNITS = 1  # «Силуанов выступил на форуме. «…», — передает ТАСС»


def relayed(
    view: View, c: Claim, speaker: Speaker, talk: Discourse, resolve_phrase
) -> tuple[Claim, Speaker]:
    """The claim and its real speaker when ``speaker`` is an outlet that only relays it;
    ``resolve_phrase`` resolves a speaker phrase (passed in to keep modules acyclic)."""
    relay_verb = c.kind == "direct" and any(v.outlet for v in view.verb(c.at))
    if not is_channel(speaker, talk) and not (speaker is NOBODY and relay_verb):
        return c, speaker
    # the words of someone the claim itself names: inside it, in its own naming verb,
    # after the outlet as its addressee, or after «со ссылкой на»
    for find in (speaker_inside, speaker_within, subject_after_addressee, reference_after):
        phrase = find(view, c)
        if phrase is None:
            continue
        found = resolve_phrase(view, phrase, c.at, talk)
        if found is not NOBODY and not is_channel(found, talk):
            return replace(c, outlet_cue=False), found
    if not relay_verb:
        return c, speaker
    cited = cited_object(view, c, speaker)
    if cited is not None:
        found = resolve_phrase(view, cited, c.at, talk)
        if found is not NOBODY and not is_channel(found, talk):
            return c, found
    found = talk.last(c.at, units=PERSON_REACH_UNITS)
    if found is NOBODY:
        found = person_before(view, c, talk)
    return (c, found) if found is not NOBODY else (c, speaker)


def speaker_within(view: View, c: Claim) -> Phrase | None:
    """«В числе наиболее сложных он назвал …, сообщает "Интерфакс"»: a report an outlet
    relays whose clause names something with its own verb («назвал», «охарактеризовал»)
    gives the words of that verb's subject. (A clause with «заявил, что» inside holds a
    quote of its own, which the outlet's report only wraps.)"""
    if c.kind != "indirect":
        return None
    first, last = view.index(c.start), view.index(c.stop)
    verb = next((k for k in range(first, last) if names_something(view, k)), None)
    return subject_left(view, verb, first, finite_form(view, verb)) if verb else None


def names_something(view: View, k: int) -> bool:
    """A finite naming verb: «назвал», «охарактеризовал»."""
    return view.tag(k).POS == "VERB" and lemma(view.word(k)) in view.lex.naming


def speaker_inside(view: View, c: Claim) -> Phrase | None:
    """«"ВОЗ считает, что …", — отмечается в сообщении»: a quote that opens with a name
    and its reporting verb («X считает, что») gives the outlet's words of X."""
    first, last = view.index(c.start), view.index(c.stop)
    if c.kind != "direct" or first not in view.owner or view.owner[first][1] != first:
        return None
    _, _, name_end = view.owner[first]
    verb = name_end
    if verb + 2 >= last or view.finite_verb(verb) is None:
        return None
    if view.words[verb + 1 : verb + 3] != [",", "что"]:
        return None
    return Phrase(first, name_end, first)


def is_channel(speaker: Speaker, talk: Discourse) -> bool:
    """A news outlet as a speaker: flagged when resolved, or listed by name."""
    return speaker.outlet or (speaker.entity is not None and talk.listed(speaker))


def subject_after_addressee(view: View, c: Claim) -> Phrase | None:
    """«— сообщил ТАСС источник в силовых структурах», «Как сообщили РИА Новости в
    пресс-службе ведомства»: an outlet right after the verb is its addressee (dative),
    and the speaker follows it."""
    who = c.who
    verb = c.at + 1 if view.word(c.at) == "как" else c.at
    right_after = verb + 2 if view.is_mark(verb + 1) else verb + 1
    if not isinstance(who, Phrase) or who.first != right_after or who.head not in view.owner:
        return None
    form = view.finite_verb(verb)
    if form is None or form.tense == "pres":
        return None  # «сообщает ТАСС»: the outlet itself reports
    _, hi = view.unit(c.at)
    name_end = view.owner[who.head][2]
    if name_end >= hi:
        return None  # the name ends the sentence: nobody follows it
    name_end += 1 if view.is_mark(name_end) else 0
    end = comma_after(view, name_end, hi)
    if name_end >= end:
        return None
    if view.word(name_end) in ("в", "во", "на"):
        return locative(view, name_end, end)
    phrase = subject_right(view, name_end - 1, end, form)
    return prefer_person(view, phrase, end) if phrase is not None else None


def reference_after(view: View, c: Claim) -> Phrase | None:
    """The phrase after «со ссылкой на» in the attribution that follows the cue, outside
    the claim's content: «…, сообщает ТАСС со ссылкой на пресс-службу ведомства»."""
    _, hi = view.unit(c.at)
    for j in range(c.at, min(hi - 3, c.at + REFERENCE_REACH)):
        if c.start <= view.tokens[j].start < c.stop:
            return None
        if view.word(j) == "со" and view.words[j + 1 : j + 3] == ["ссылкой", "на"]:
            phrase = noun_phrase(view, j + 3, hi, oblique=True)
            return phrase if phrase is not None and speaks(view, phrase) else None
    return None


def speaks(view: View, phrase: Phrase) -> bool:
    """Whether a cited phrase can be a speaker: not a document or data («со ссылкой на
    постановление …»), not another outlet («со ссылкой на португальские СМИ»)."""
    if phrase.head in view.owner:
        return True
    head = lemma(view.word(phrase.head))
    lex = view.lex
    return head not in lex.documents and head not in lex.media and head not in lex.reports


def cited_object(view: View, c: Claim, speaker: Speaker) -> Phrase | None:
    """«— цитирует губернатора ТАСС»: the noun between a citing verb and the outlet,
    whose holder is the speaker; not the outlet's own words («цитирует агентство»)."""
    if not any(v.object for v in view.verb(c.at)):
        return None
    _, hi = view.unit(c.at)
    for j in range(c.at + 1, min(hi, c.at + 4)):
        if view.is_punct(j) or j in view.owner:
            return None
        if view.is_noun(j) and not view.is_mark(j):
            return noun_phrase(view, j, min(hi, j + 1), oblique=True)
    return None


def person_before(view: View, c: Claim, talk: Discourse) -> Speaker:
    """The person named last before the quote, outside quotes, in the quote's sentence
    or the one before: «Министр Антон Силуанов выступил на форуме. «…», — передает ТАСС»."""
    first = view.index(c.start)
    unit = view.unit_of[min(first, len(view.unit_of) - 1)]
    n = bisect_left(view.people, first, key=lambda pair: pair[0])
    for i in range(n - 1, -1, -1):
        k, entity = view.people[i]
        if talk.in_quote(k):
            continue
        if unit - view.unit_of[k] > PERSON_REACH_UNITS:
            break
        return entity_speaker(entity, talk)
    return NOBODY


def drop_relay_wrappers(quotes: list[Quote]) -> list[Quote]:
    """«…», — сказал Силуанов, передает Интерфакс»: the outlet's report around a quote
    with its own speaker only relays it; the quote is kept alone, direct or reported:
    «Как сообщает Интерфакс, глава Минфина Антон Силуанов заявил, что …»."""
    spans = sorted((q.start, q.stop) for q in quotes if not q.source and q.speaker_name)
    starts = [a for a, _ in spans]

    def wraps(q: Quote) -> bool:
        n = bisect_left(starts, q.start)
        return n < len(spans) and spans[n][0] < q.stop

    return [q for q in quotes if not (q.source and wraps(q))]


def drop_postposed_wrappers(
    view: View, resolved: list[tuple[Claim, Speaker]]
) -> list[tuple[Claim, Speaker]]:
    """«По словам родственников, …, передает «НТА-Приволжье»»: an outlet's report
    whose cue follows it and whose content holds a claim with its own cue and speaker
    only relays that claim, though the outlet is not a listed one; the inner claim is
    kept alone."""
    cues = sorted(
        view.tokens[c.at].start for c, speaker in resolved if c.kind != "mention" and speaker.name
    )

    def wraps(c: Claim, speaker: Speaker) -> bool:
        if c.kind != "indirect" or view.tokens[c.at].start < c.stop:
            return False
        if not (speaker.outlet or any(v.outlet for v in view.verb(c.at))):
            return False  # «…, мотивировав …, говорится в заявлении движения»: both said
        n = bisect_left(cues, c.start)
        return n < len(cues) and cues[n] < c.stop

    return [(c, speaker) for c, speaker in resolved if not wraps(c, speaker)]
