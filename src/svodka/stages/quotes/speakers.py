"""Who said it: a speaker phrase resolved to an entity, an outlet or a description.

- a person named in the phrase is the speaker: «президент Казахстана Касым-Жомарт
  Токаев» → the person entity;
- «он», «она», «они», «по его словам» → the nearest earlier speaker or person of the
  same gender and number, outside quotes; «там» → the organisation named last;
- an outlet word alone («по данным агентства», «сообщается в статье») → the outlet cited
  last; before a name («агентство Reuters») it marks that name as an outlet;
- a position alone («— сказал президент», «Советник предположил») → the person who holds
  it, from the roles stage; a bare «источник» or «собеседник» → the source described
  before;
- anything else is a description, its head put in the nominative: «по словам очевидцев»
  → «очевидцы».
"""

from __future__ import annotations

from svodka.doc import Entity
from svodka.stages.quotes.descriptions import (
    describe,
    is_bare_report,
    org_speaker,
    person_lemma,
    role_holder,
)
from svodka.stages.quotes.discourse import (
    EX_PREFIX,
    NOBODY,
    Discourse,
    Speaker,
    candidates_before,
    compatible,
    entity_speaker,
)
from svodka.stages.quotes.lexicon import lemma
from svodka.stages.quotes.phrases import Phrase, author_after, is_nominative, noun_phrase
from svodka.stages.quotes.subjects import finite_form, subject_left
from svodka.stages.quotes.view import View
from svodka.stages.quotes.wording import head_features, nominative_text


def resolve(view: View, who: Phrase | str | None, at: int, talk: Discourse) -> Speaker:
    """The speaker a claim's ``who`` names, at cue token ``at``."""
    if who is None:
        return NOBODY
    if who == "last":
        return talk.last(at)
    if who == "same":
        return talk.last(at, units=0)
    if who == "outlet":
        return talk.last_outlet(at)
    return resolve_phrase(view, who, at, talk) if isinstance(who, Phrase) else NOBODY


def resolve_phrase(view: View, phrase: Phrase, at: int, talk: Discourse) -> Speaker:
    """A speaker phrase: a person in it, a pronoun, an entity, an outlet, a description."""
    head = phrase.head
    if phrase.literal:
        number, gender = head_features(view, phrase)
        return Speaker(None, nominative_text(view, phrase), False, gender, number)
    if view.word(head) in view.lex.pronouns and (
        head not in view.owner or view.owner[head][2] - view.owner[head][1] == 1
    ):
        return resolve_pronoun(view, head, talk)  # also «Тот», when tagged as a name
    person = person_in(view, phrase) or author_of(view, phrase)
    if person is not None:
        return entity_speaker(person, talk)
    head_lemma = person_lemma(view.word(head).removeprefix(EX_PREFIX))
    if head in view.owner:
        return entity_speaker(view.owner[head][0], talk)
    lex = view.lex
    if head_lemma in lex.reports and is_bare_report(view, phrase):
        return talk.first_outlet()  # «в статье», «в публикации газеты»
    if head_lemma in lex.media or head_lemma in lex.voice or head_lemma in lex.org_kinds:
        organisation = org_speaker(view, phrase, head_lemma, at, talk)
        if organisation is not NOBODY:
            return organisation
    holder = role_holder(view, phrase, head_lemma, at, talk)
    if holder is not None:
        return entity_speaker(holder, talk)
    return describe(view, phrase, head_lemma, at, talk)


def person_in(view: View, phrase: Phrase) -> Entity | None:
    """A person named in the phrase in apposition to its head: «председатель комиссии
    Михаил Барабанов»; not one in the genitive («адвокат Сайпса»), in a quoted name
    («книге «Архив Митрохина»») or after a plural head («коллеги Шаройко»)."""
    head = view.owner.get(phrase.head)
    if head is not None and head[0].type == "PER":
        return head[0]  # «советник аятоллы Хаменеи и глава совета Камаль Харази»: Харази
    plural = phrase.head not in view.owner and head_features(view, phrase)[0] == "plur"
    name_end = -1
    for k in range(phrase.first, phrase.last):
        m = view.opened_at(k)
        if m is not None:
            name_end = max(name_end, view.index(m.stop))
        if k in view.owner and view.owner[k][1] == k and view.owner[k][0].type == "PER":
            if k == phrase.head:
                return view.owner[k][0]
            if k > name_end and not plural and (phrase.oblique or is_nominative(view, k)):
                return in_apposition(view, k)
    return None


def in_apposition(view: View, k: int) -> Entity:
    """The person mentioned at ``k``, or the one named right after it, whose title the
    first one qualifies: «адвоката Лебедева Евгения Бару» → Бару."""
    entity, _, last = view.owner[k]
    after = view.owner.get(last)
    if after is not None and after[0].type == "PER" and after[1] == last and after[0] != entity:
        return after[0]
    return entity


def author_of(view: View, phrase: Phrase) -> Entity | None:
    """«со ссылкой на заявление его зятя Фредерика Сала-Бару», «в письме Левицкой»: an
    utterance's or a letter's author, named in the genitive after it."""
    if phrase.head in view.owner:
        return None
    word = view.word(phrase.head)
    if word not in view.lex.speech_nouns and lemma(word) not in view.lex.letters:
        return None
    return author_after(view, phrase.head)


def resolve_pronoun(view: View, k: int, talk: Discourse) -> Speaker:
    """The speaker a pronoun at token ``k`` points back to."""
    gender, number = view.lex.pronouns[view.word(k)]
    if gender == "org":  # «там сочли», «В нем отмечается»: failing an organisation, who spoke
        found = nearest_org(view, k, talk)
        return found if found is not NOBODY else talk.last(k, units=1)
    if view.word(k).startswith("котор"):
        return antecedent(view, k, talk)
    if number == "plur":
        group = previous_subject(view, k, talk)
        if group is not NOBODY:
            return group
    for candidate in candidates_before(view, k, talk):
        if compatible(candidate, gender, number):
            return candidate
    return NOBODY


def previous_subject(view: View, k: int, talk: Discourse) -> Speaker:
    """«Международные эксперты призвали … . Они считают, что …»: «они» opening a sentence
    is the group the sentence before was about — its plural subject, a description —
    when nobody spoke in that sentence."""
    n = view.unit_of[k]
    if n == 0 or view.units[n][0] != k:
        return NOBODY
    lo, hi = view.units[n - 1]
    if talk.said and talk.said[-1][0] >= lo:
        return NOBODY
    verb = next((j for j in range(lo, hi) if view.is_finite(j)), None)
    if verb is None:
        return NOBODY
    phrase = subject_left(view, verb, lo, finite_form(view, verb))
    if phrase is None or phrase.head in view.owner or not is_group(view, phrase):
        return NOBODY
    return describe(view, phrase, person_lemma(view.word(phrase.head)), verb, talk)


def is_group(view: View, phrase: Phrase) -> bool:
    """A plural animate head: «эксперты», «специалисты»; not «данные»."""
    return any(
        p.tag.POS == "NOUN" and {"anim", "plur"} <= p.tag.grammemes
        for p in view.parses(phrase.head)[:2]
    )


def nearest_org(view: View, k: int, talk: Discourse) -> Speaker:
    """«там сочли, что …»: the organisation named last before ``k``, not an outlet."""
    for j in range(k - 1, max(-1, k - 200), -1):
        if j in view.owner and view.owner[j][0].type == "ORG":
            entity = view.owner[j][0]
            if not talk.is_outlet(entity):
                return entity_speaker(entity, talk)
    return NOBODY


def antecedent(view: View, k: int, talk: Discourse) -> Speaker:
    """«… гражданин Белоруссии, который … сообщил»: the phrase before the comma."""
    end = k - 1 if k > 0 and view.word(k - 1) == "," else k
    start = end
    while start > 0 and not view.is_punct(start - 1) and end - start < 6:
        start -= 1
    for first in range(start, end):
        phrase = noun_phrase(view, first, end)
        if phrase is not None and phrase.last == end:
            return resolve_phrase(view, phrase, k, talk)
    return NOBODY
