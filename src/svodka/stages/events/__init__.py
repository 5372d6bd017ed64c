"""Events: who did what to whom, where and when, coded in PLOVER.

«Путин и Токаев обсуждают сотрудничество … В июне они виделись … в Санкт-Петербурге» →
CONSULT Путин → Токаев. Rules over the Russian trigger lexicon (``resources/events/``:
lemmas with their PLOVER type and mode, the frames that find a target — «с кем»,
«против кого», «в адрес» — and the words a noun needs to be an event, «ввести санкции»):

- the source is the clause's subject (coordinated subjects included), or a passive's
  agent; the target the first actor that fits a frame; actors are entities or groups
  the text names («боевики»); a symmetric event between coordinated subjects
  («Путин и Токаев встретились») runs from the first to the others;
- coordinated actors make one event with several actors (``actors`` lists them all);
- «не договорились» is negated; «планируют встретиться» future; «может ввести санкции»,
  «призвал ввести санкции» hypothetical; an event inside a quote is reported and names
  the quote;
- the place is a LOC after «в»/«на» in the clause, the date the nearest resolved date in
  the sentence; an event the text names without actors («проходят переговоры») lends
  them to the same type with actors in the next sentence.

An article keeps its ``Config.events`` most salient events that do not repeat one kept
already (the GUIDE's main events; 5 by default, the fewest that find every gold event the
tuned-on articles' candidates can give, 13 of 47 at 1.87 predicted per gold; 0 keeps every
one).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace

from svodka.config import Config
from svodka.doc import Document, Sentence
from svodka.lang import morph
from svodka.lang.caches import word_cache
from svodka.stages.events.find import find_events, orient
from svodka.stages.events.lexicon import Lexicon, load_lexicon
from svodka.stages.events.referents import post_holders, title_holders
from svodka.stages.events.select import (
    complete,
    join_mentions,
    locate,
    resolve_pronouns,
    select,
    to_event,
)
from svodka.stages.events.words import index_mentions, read_clause

REQUIRES = ("tokens", "sentences", "entities", "quotes", "dates")
PROVIDES = ("events",)


@dataclass(frozen=True, slots=True)
class Resources:
    lexicon: Lexicon
    limit: int


def load(config: Config) -> Resources:
    """The trigger lexicon and the number of events an article keeps."""
    return Resources(load_lexicon(), config.events)


def apply(doc: Document, resources: Resources) -> Document:
    """``doc`` with its main events."""
    lexicon = resources.lexicon
    candidates = []
    marked = trigger_offsets(doc, lexicon)
    dates = sorted(doc.dates, key=lambda d: d.start)
    referents = (title_holders(doc), post_holders(doc))
    mentions = index_mentions(doc)
    for sentence in (line for s in doc.sentences for line in lines(doc.text, s)):
        at = bisect_left(marked, sentence.start)
        if at == len(marked) or marked[at] >= sentence.stop:
            continue
        clause = read_clause(doc, sentence, lexicon, referents, mentions)
        for c in find_events(clause, lexicon):
            locate(c, dates)
            complete(c)
            candidates.append(c)
    resolve_pronouns(candidates, mentions)
    for c in candidates:
        orient(c)
    chosen = select(join_mentions(candidates), doc, resources.limit)
    return replace(doc, events=tuple(to_event(n, c, doc, lexicon) for n, c in enumerate(chosen, 1)))


def lines(text: str, sentence: Sentence) -> Iterator[Sentence]:
    """A sentence cut at its line breaks: a headline without a full stop is not one
    sentence with the lead under it."""
    start = sentence.start
    while (end := text.find("\n", start, sentence.stop)) != -1:
        if text[start:end].strip():
            yield from pieces(text, Sentence(start, end))
        start = end + 1
    if text[start : sentence.stop].strip():
        yield from pieces(text, Sentence(start, sentence.stop))


#: A line longer than this (a scraped page with no full stop) is read in pieces cut at
#: spaces: no clause is this long, and the stage compares every actor of a clause with
#: every word of it, which over a 50k-character «sentence» took minutes.
LONGEST = 2_000


def pieces(text: str, line: Sentence) -> Iterator[Sentence]:
    """``line`` itself, or, when longer than ``LONGEST``, its pieces of at most that
    many characters, cut at the last space of each."""
    start = line.start
    while line.stop - start > LONGEST:
        space = text.rfind(" ", start + LONGEST // 2, start + LONGEST)
        end = space if space != -1 else start + LONGEST
        yield Sentence(start, end)
        start = end + 1 if space != -1 else end
    yield Sentence(start, line.stop)


def trigger_offsets(doc: Document, lexicon: Lexicon) -> list[int]:
    """A cheap first look: where words whose lemma is a trigger start. Only their
    sentences are read in full."""
    return [t.start for t in doc.tokens if t.text[:1].isalpha() and is_trigger(t.text, lexicon)]


def is_trigger(word: str, lexicon: Lexicon) -> bool:
    """Any reading of the word is a trigger's lemma."""
    return reads_as_trigger(word.lower(), lexicon.lemmas)


@word_cache(0.5)
def reads_as_trigger(lower: str, triggers: frozenset[str]) -> bool:
    """Any reading of a lowercased word is in ``triggers`` (cached per word)."""
    return any(p.normal_form.replace("ё", "е") in triggers for p in morph.parse(lower))
