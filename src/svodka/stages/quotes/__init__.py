"""Quotes: direct and reported speech, with who said it.

- direct speech is a quoted span attached to a speaker (``direct``): «…», — заявил X;
  X: «…»; a quote interrupted by its attribution is found in two parts, which are
  joined into one quote at the end (``merge.join_interrupted``, as the GUIDE counts it);
- reported speech and outlets' attributions come from cue words (``indirect``):
  «X заявил, что …», «По словам X, …», «Как сообщил X, …», «…, сообщает ТАСС»;
- advice and reporting infinitives (``infinitives``): «специалисты советуют не …»,
  «не преминул напомнить, что …»;
- a reported clause that is all one quote («заявил, что «…»») is direct speech
  (``merge``);
- speakers resolve to entities, outlets or descriptions in text order (``speakers``),
  so «он», «по данным агентства» and «— сказал президент» can point back to what came
  before.

Quote marks are paired by ``marks``; the word lists are data in ``resources/quotes/``
(read by ``lexicon``). Names in quote marks («КамАЗ», «МИР 24») are not quotes: nothing
attaches them to a speaker. An outlet's attribution («сообщает «МИР 24»») is an indirect
quote with ``source`` set and the outlet as its speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from svodka.config import Config
from svodka.doc import Document, Quote
from svodka.stages.quotes.colon import find_unmarked
from svodka.stages.quotes.direct import find_direct
from svodka.stages.quotes.discourse import NOBODY, Discourse, Speaker
from svodka.stages.quotes.indirect import find_indirect
from svodka.stages.quotes.lexicon import Lexicon, lemma, load_lexicon
from svodka.stages.quotes.merge import (
    drop_nested_repeats,
    join_interrupted,
    merge_claims,
    refer_back,
)
from svodka.stages.quotes.phrases import Claim
from svodka.stages.quotes.relay import drop_postposed_wrappers, drop_relay_wrappers, relayed
from svodka.stages.quotes.speakers import resolve, resolve_phrase
from svodka.stages.quotes.view import View

#: The nouns of «по данным X», «по информации X»: data cited, not words said.
DATA_NOUNS = frozenset({"данные", "информация"})
REQUIRES = ("tokens", "sentences", "entities", "entities.roles")
PROVIDES = ("quotes",)


@dataclass(frozen=True, slots=True)
class Resources:
    lex: Lexicon


def load(config: Config) -> Resources:
    """Read the reporting verbs, cue phrases and outlet names; generate verb forms."""
    return Resources(lex=load_lexicon())


def apply(doc: Document, res: Resources) -> Document:
    """Fill ``doc.quotes`` with the document's direct and reported speech."""
    if not doc.tokens:
        return replace(doc, quotes=())
    view = View(doc, res.lex)
    direct = find_direct(view)
    direct += find_unmarked(view, quoted_tokens(view, direct))
    indirect = find_indirect(view, quoted_tokens(view, direct))
    resolved = resolve_all(view, merge_claims(view, direct, indirect), direct)
    resolved = drop_postposed_wrappers(view, resolved)
    quotes = [
        make_quote(doc, c, speaker, res.lex) for c, speaker in resolved if c.kind != "mention"
    ]
    quotes = drop_nested_repeats(drop_relay_wrappers(quotes))
    quotes = join_interrupted(view, sorted(quotes, key=lambda q: (q.start, q.stop)))
    return replace(doc, quotes=tuple(quotes))


def quoted_tokens(view: View, claims: list[Claim]) -> list[bool]:
    """For every token, whether it lies in a direct quote."""
    inside = [False] * len(view.tokens)
    for c in claims:
        for k in range(view.index(c.start), view.index(c.stop)):
            inside[k] = True
    return inside


def resolve_all(
    view: View, claims: list[Claim], direct: list[Claim]
) -> list[tuple[Claim, Speaker]]:
    """Resolve every claim's speaker in text order, so later ones can point back;
    «Об этом заявил X» then gives X the weak claims of the sentence before."""
    talk = Discourse(view)
    talk.quoted = sorted((view.index(c.start), view.index(c.stop)) for c in direct)
    resolved: list[tuple[Claim, Speaker]] = []
    for c in sorted(claims, key=lambda c: (c.at, c.start)):
        speaker = resolve(view, c.who, c.at, talk)
        c, speaker = relayed(view, c, speaker, talk, resolve_phrase)
        if c.who == "last" and speaker is NOBODY:
            continue  # a quoted sentence with nobody to say it is not speech
        talk.add(c.at, speaker)
        if speaker.entity is not None and speaker.entity.type == "PER":
            # people a person spoke of come after that person for a later «он»
            talk.report(view.index(c.start), view.index(c.stop))
        resolved.append((c, speaker))
    return refer_back(resolved)


def make_quote(doc: Document, c: Claim, speaker: Speaker, lex: Lexicon) -> Quote:
    """The output record of a claim; ``source`` marks an outlet's attribution, never an
    outlet's own call («газета Kayhan призвала нанести удар …»)."""
    entity = speaker.entity
    return Quote(
        start=c.start,
        stop=c.stop,
        text=doc.text[c.start : c.stop],
        kind=c.kind,
        speaker=entity.id if entity is not None else None,
        speaker_name=speaker.name,
        cue=c.cue or None,
        source=c.kind == "indirect" and not is_advice(c, lex) and is_source(c, speaker, lex),
    )


def is_source(c: Claim, speaker: Speaker, lex: Lexicon) -> bool:
    """An outlet's attribution: a known outlet («передает ТАСС», «по данным агентства»),
    or a name that reports in an outlet's present tense («отмечает AllBoxing»), or a
    medium described so («сообщает сайт правительства региона»)."""
    if speaker.outlet or cites_data(c):
        return True
    if not c.outlet_cue or speaker.voice or c.weak:
        return False  # «сообщает пресс-служба Кремля», «сообщают в Кремле»: the Kremlin
    if speaker.entity is not None:
        return speaker.entity.type == "ORG"
    if speaker.head in lex.media:
        return True
    return bool(speaker.name) and speaker.name[:1].isupper()


def is_advice(c: Claim, lex: Lexicon) -> bool:
    """Whether the claim's cue is a verb of advice or a call: what the speaker itself
    urges, not what an outlet relays."""
    return lemma(c.cue.lower()) in lex.advice


def cites_data(c: Claim) -> bool:
    """«По данным Forbes, …», «по информации МВД, …»: data cited, not a quote; kept as
    the source's attribution."""
    words = c.cue.lower().split()
    return len(words) >= 2 and words[0] == "по" and lemma(words[-1]) in DATA_NOUNS
