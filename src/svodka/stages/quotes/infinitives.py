"""Reported speech carried by an infinitive.

- advice: «специалисты советуют не переутомляться, …», «врачи рекомендуют больным пить
  больше воды» — what the subject advises is what it said (advice verbs are listed in
  ``resources/quotes/advice_verbs.txt``);
- a reporting infinitive after a verb that says it was done («не преминул напомнить,
  что …», «поспешил заявить, что …», listed in ``infinitive_governors.txt``) — said by
  that verb's subject; «Стоит отметить, что …» has none and is the writer's.
"""

from __future__ import annotations

from svodka.stages.quotes.clauses import make_claim
from svodka.stages.quotes.lexicon import lemma
from svodka.stages.quotes.phrases import Claim, Phrase
from svodka.stages.quotes.subjects import finite_form, subject_left, subject_of
from svodka.stages.quotes.view import View

#: Parts of speech that may lead the advice before its infinitive: «серьезно», «чаще».
ADVERBS = frozenset({"ADVB", "COMP"})
MAX_ADVICE_GAP = 5  # words between an advice verb and its infinitive, the object among them


def advice_cue(view: View, k: int, lo: int, hi: int) -> Claim | None:
    """«Специалисты советуют не переутомляться, …»: the advice, from the infinitive the
    verb at ``k`` governs to the clause end, said by the verb's subject (sought from
    ``lo``, the clause start)."""
    infinitive = infinitive_after(view, k, hi)
    if infinitive is None:
        return None
    form = finite_form(view, k)
    who = subject_left(view, k, lo, form)
    if who is None:
        return None
    first = infinitive_start(view, k, infinitive)
    return make_claim(view, first, hi, (k, k + 1), k + 1, who, form, clause=True)


def infinitive_start(view: View, k: int, infinitive: int) -> int:
    """Where the advice begins: its infinitive, with the «не» and adverbs right before it
    («призывает серьезно относиться», «советуют не переутомляться»), never past the verb
    at ``k``."""
    first = infinitive
    while first - 1 > k and (view.word(first - 1) == "не" or view.tag(first - 1).POS in ADVERBS):
        first -= 1
    return first


def infinitive_after(view: View, k: int, hi: int) -> int | None:
    """The infinitive a verb at ``k`` governs, a few words on, before any punctuation:
    «советуют не переутомляться», «рекомендуют больным пить»."""
    for j in range(k + 1, min(hi, k + MAX_ADVICE_GAP)):
        if view.is_punct(j):
            return None
        if view.tag(j).POS == "INFN":
            return j
    return None


def infinitive_cue(view: View, k: int, lo: int, hi: int, connector: int | None) -> Claim | None:
    """«Министр поспешил заявить, что …»: a reporting infinitive at ``k`` right after a
    finite verb, with its «что» at ``connector``, says what that verb's subject said."""
    governing = view.tag(k - 1)
    if governing.POS != "VERB" or {"1per", "2per"} & governing.grammemes:
        return None  # «хочу сказать, что …»: the speaker's own words
    if lemma(view.word(k - 1)) not in view.lex.governors:
        return None  # «не могли предположить, что …»: nothing was said
    if connector is None:
        return None
    who = subject_of(view, k - 1, lo)
    if not isinstance(who, Phrase):
        return None  # «Стоит отметить, что …», «Следует сказать, что …»: the writer's words
    if not can_speak(view, who):
        return None  # «ролик позволяет предположить, что …»: a thing says nothing
    return make_claim(view, connector + 1, hi, (k, k + 1), connector, who, None, clause=True)


def can_speak(view: View, who: Phrase) -> bool:
    """A named entity, a pronoun or an animate noun: «Ортега», «он», «министр»; not
    «ролик» or «данные»."""
    head = who.head
    if head in view.owner or view.word(head) in view.lex.pronouns:
        return True
    return any("anim" in p.tag.grammemes for p in view.parses(head)[:2])
