"""Speakers named by a common noun: an organisation's voice, a position, a description.

- «агентство Reuters», «пресс-служба Кремля», «данные ГИБДД» → the organisation named;
  a bare «агентства» → the outlet cited last, «в статье» → the outlet the article is
  based on, «министерства» → the ministry named before («Минобороны»);
- «— отметил командующий», «по словам министра торговли США» → the person holding that
  position, from the roles stage;
- «Депутат считает» → like «он», the person spoken of last;
- «собеседник агентства» → the source described before («информированный источник»);
- anything else is a description, its head put in the nominative: «по словам очевидцев»
  → «очевидцы».
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from svodka.doc import Entity
from svodka.stages.quotes.discourse import (
    EX_PREFIX,
    NOBODY,
    ORG_REACH,
    ROLE_REACH,
    VOICE_REACH,
    WEB_ADDRESS,
    Discourse,
    Speaker,
    candidates_before,
    compatible,
    entity_speaker,
)
from svodka.stages.quotes.lexicon import fold, lemma, parse
from svodka.stages.quotes.phrases import Phrase
from svodka.stages.quotes.subjects import person_gender
from svodka.stages.quotes.view import PREPOSITIONS, View
from svodka.stages.quotes.wording import head_features, nominative_text

#: Tokens before a person's mention in which the text may give their title.
TITLE_REACH = 10


def person_lemma(word: str) -> str:
    """The lemma of a speaker's head word, a person's reading first: «премьера» →
    «премьер», not «премьера» (a première)."""
    for p in parse(fold(word))[:4]:
        if p.tag.POS == "NOUN" and "anim" in p.tag.grammemes:
            return fold(p.normal_form)
    return lemma(word)


def is_bare_report(view: View, phrase: Phrase) -> bool:
    """«в статье», «в публикации газеты»: a report word with nothing before it and only
    outlet words after it; not «в первых сообщениях»."""
    if phrase.first != phrase.head:
        return False
    rest = range(phrase.head + 1, phrase.last)
    return all(k not in view.owner and lemma(view.word(k)) in view.lex.media for k in rest)


def org_speaker(view: View, phrase: Phrase, head_lemma: str, at: int, talk: Discourse) -> Speaker:
    """«агентство Reuters» → Reuters, an outlet; «пресс-служба Кремля» → Кремль; «по данным
    агентства» → the outlet cited last; «в пресс-релизе движения» → the movement named
    before; «организации» alone → the organisation that spoke last."""
    lex = view.lex
    voice = head_lemma if head_lemma in lex.voice else ""
    org = org_in(view, phrase)
    if org is not None:
        return replace(entity_speaker(org, talk, outlet=head_lemma in lex.media), voice=voice)
    words = [lemma(view.word(k)) for k in range(phrase.head + 1, phrase.last)]
    if head_lemma in lex.media and not words:
        return talk.last_outlet(at)
    if voice and not words:
        same = talk.last_org(at, voice)
        if same is not NOBODY and (same.voice == voice or not introduced(view, phrase.head)):
            return replace(same, outlet=False)  # «по данным пресс-службы»: not an outlet
        return NOBODY  # «его пресс-служба … По сообщению пресс-службы»: that one
    kinds = [head_lemma] if head_lemma in lex.org_kinds and not words else words[:1]
    for kind in kinds:
        if kind in lex.org_kinds:
            # «в столичной полиции» is no other organisation that spoke before
            qualified = phrase.first < phrase.head
            found = org_by_kind(view, kind, at, talk, fallback=not qualified)
            return replace(found, voice=voice) if found is not NOBODY else NOBODY
    return NOBODY


def introduced(view: View, k: int) -> bool:
    """Whether the voice word at ``k`` was used before without an organisation named
    after it («подтвердила его пресс-служба»): then a bare one later is that one."""
    word = lemma(view.word(k))
    for j in range(k - 1, max(-1, k - VOICE_REACH), -1):
        if view.word(j) in view.lex.voice_forms and lemma(view.word(j)) == word:
            return j + 1 >= len(view.tokens) or j + 1 not in view.owner
    return False


def org_by_kind(
    view: View, kind: str, at: int, talk: Discourse, *, fallback: bool = True
) -> Speaker:
    """The organisation of that kind named last before ``at``: «движения» →
    «Общероссийское движение «За права человека»», «министерства» → «Минобороны»;
    failing a name that fits, with ``fallback`` the organisation named last, not an
    outlet."""
    prefix = view.lex.kind_prefixes.get(kind)
    n = bisect_left(view.orgs, at, key=lambda pair: pair[0])
    earlier = [e for _, e in reversed(view.orgs[max(0, n - ORG_REACH) : n])]
    for entity in earlier:
        name = fold(entity.name)
        if kind in {lemma(w) for w in name.split()} or (prefix and name.startswith(prefix)):
            return entity_speaker(entity, talk)
    if not fallback:
        return NOBODY
    spoke = talk.last_org(at)
    if spoke is not NOBODY:
        return spoke
    for entity in earlier:
        if not talk.is_outlet(entity):
            return entity_speaker(entity, talk)
    return NOBODY


def org_in(view: View, phrase: Phrase) -> Entity | None:
    """The first organisation named in the phrase («агентство Reuters», «пресс-служба
    Кремля»); a place is not one («министерства обороны России» is not Russia)."""
    for k in range(phrase.first, phrase.last):
        if k in view.owner and view.owner[k][0].type == "ORG":
            return view.owner[k][0]
    return None


def role_holder(
    view: View, phrase: Phrase, head_lemma: str, at: int, talk: Discourse
) -> Entity | None:
    """The person who holds the position the phrase names: «— отметил командующий»,
    «по словам министра торговли США», «глава государства». The nearest one named
    before wins; in a headline, the first one named after. When the phrase names what
    the position is of and nobody holds it there («глава КГБ»), the last speaker still
    does if the title fits."""
    lex = view.lex
    if not (
        head_lemma in lex.positions or head_lemma in lex.professions or head_lemma in lex.synonyms
    ):
        return None  # «Префект отметил» after «префект округа Виктор Козлов»
    if head_features(view, phrase)[0] == "plur":
        return None
    group = view.lex.synonyms.get(head_lemma, frozenset({head_lemma}))
    inside = {view.owner[k][0] for k in range(phrase.first, phrase.last) if k in view.owner}
    named = {e.id for e in inside if e.type != "PER"}
    n = bisect_left(view.people, at, key=lambda pair: pair[0])
    before = view.people[max(0, n - ROLE_REACH) : n]
    order = [e for _, e in reversed(before)] + [e for _, e in view.people[n : n + ROLE_REACH]]
    # «адвокат Сайпса» is not Сайпс, whatever role he was given
    said_by = verb_gender(view, at)  # «сказала глава …»: not a man holding the title
    holders = [e for e in order if holds(e, group) and e not in inside and fits_gender(e, said_by)]
    if head_lemma not in lex.positions and head_lemma not in lex.synonyms:
        # a profession («префект», «философ») only where the text gives it to the person
        holders = [e for e in holders if titled_in_text(view, e, group)]
    second = second_title(view, phrase)
    if second:
        # «Заместитель министра заверил» is no «заместитель начальника ГУВД»
        holders = [e for e in holders if holds_both(e, group, second)]
    # «Министр отметил» after «министр Силуанов и глава ЦБ Набиуллина»: the same title
    # first, a synonym («глава») only failing that
    holders.sort(key=lambda e: not holds(e, frozenset({head_lemma})))
    for entity in holders:
        if not named or any(r.of in named for r in entity.roles):
            return entity
    last = talk.last(at).entity
    return last if last is not None and last in holders else None


def second_title(view: View, phrase: Phrase) -> str:
    """The position the head's title is of, right after it: «заместитель министра» →
    «министр»; "" when none."""
    k = phrase.head + 1
    if k >= phrase.last or k in view.owner:
        return ""
    word = person_lemma(view.word(k))
    lex = view.lex
    return word if word in lex.positions or word in lex.professions else ""


def holds_both(entity: Entity, group: frozenset[str], second: str) -> bool:
    """Whether one of the person's roles has a title word of ``group`` and ``second``."""
    for role in entity.roles:
        words = {lemma(w.removeprefix(EX_PREFIX)) for w in role.title.split()}
        if words & group and second in words:
            return True
    return False


def verb_gender(view: View, at: int) -> str | None:
    """The gender a past singular reporting verb at ``at`` gives its speaker: «сказала»
    → femn; None when the cue is no such verb."""
    form = view.finite_verb(at)
    if form is None or form.number != "sing" or form.gender not in ("masc", "femn"):
        return None
    return form.gender


def fits_gender(entity: Entity, gender: str | None) -> bool:
    """Whether a person can be the subject of a verb of that gender."""
    known = person_gender(entity.name) if entity.type == "PER" else None
    return gender is None or known is None or known == gender


def holds(entity: Entity, group: frozenset[str]) -> bool:
    """Whether a person has a role titled with a word of the group."""
    return any(
        {lemma(w.removeprefix(EX_PREFIX)) for w in role.title.split()} & group
        for role in entity.roles
    )


def describe(view: View, phrase: Phrase, head_lemma: str, at: int, talk: Discourse) -> Speaker:
    """A speaker who is not a named entity: the phrase, its head in the nominative;
    a bare «источник» or «собеседник» is the source described before."""
    bare = phrase.first == phrase.head and phrase.last == phrase.head + 1
    group = view.lex.synonyms.get(head_lemma, frozenset({head_lemma}))
    number, gender = head_features(view, phrase)
    if bare or head_lemma == "собеседник":
        # «Аналитик добавил» is not the «аналитики» described before: one is not many
        earlier = [
            talk.described[word]
            for word in group
            if word in talk.described and same_number(talk.described[word][1], number)
        ]
        if earlier:
            return max(earlier, key=lambda pair: pair[0])[1]
        if head_lemma == "собеседник" and talk.last(at) is not NOBODY:
            # «Как сообщили ТАСС в МИД, … . Собеседник агентства отметил»: that source
            return talk.last(at)
    member = member_of_named_org(view, phrase, head_lemma, at, talk)
    if member is not None:
        return entity_speaker(member, talk)
    said_by = verb_gender(view, at)
    # «Депутат считает, что …», «По словам экс-начальника», «— сказала глава
    # американской дипломатии»: like «он», the person spoken of last; not «его адвокат»
    titled = bool(said_by) and phrase.first == phrase.head and not names_anything(view, phrase)
    titled = titled and head_lemma not in view.lex.members  # «представитель милиции»: anyone
    if head_lemma in view.lex.positions and number == "sing" and (bare or titled):
        for candidate in candidates_before(view, phrase.head, talk):
            fits = compatible(candidate, said_by or gender or "any", "sing")
            if fits and candidate.entity is not None:
                # a title with words of its own is someone who holds a position
                holds_it = candidate.entity.roles or titled_in_text(view, candidate.entity, group)
                return (
                    candidate
                    if bare or holds_it
                    else describe_only(view, phrase, head_lemma, said_by)
                )
    speaker = describe_only(view, phrase, head_lemma, said_by)
    return qualified_before(view, phrase, head_lemma, speaker) if bare else speaker


def titled_in_text(view: View, entity: Entity, group: frozenset[str]) -> bool:
    """Whether the text gives the person the title right before a mention: «заместитель
    министра … статс-секретарь Владимир Васильев» (where the roles stage found none)."""
    for m in entity.mentions:
        first = view.index(m.start)
        lo, _ = view.unit(min(first, len(view.tokens) - 1))
        for k in range(first - 1, max(lo, first - TITLE_REACH) - 1, -1):
            if lemma(view.word(k)) in group:
                return True
    return False


def qualified_before(view: View, phrase: Phrase, head_lemma: str, speaker: Speaker) -> Speaker:
    """«заявили в посольстве» after «пресс-секретарь посольства РФ»: a bare noun is the
    one named before with the place or organisation it belongs to («посольство РФ»)."""
    for j in range(phrase.head - 1, max(0, phrase.head - VOICE_REACH), -1):
        owner = view.owner.get(j + 1)
        if owner is None or owner[1] != j + 1 or owner[0].type not in ("LOC", "ORG"):
            continue
        if j in view.owner or lemma(view.word(j)) != head_lemma:
            continue
        name = f"{speaker.name} {view.span_text(owner[1], owner[2])}"
        return replace(speaker, name=name)
    return speaker


def describe_only(
    view: View, phrase: Phrase, head_lemma: str, said_by: str | None = None
) -> Speaker:
    """The phrase itself as the speaker's description, its head in the nominative; a
    singular speaker takes the gender of its verb («адвокат заявила» is a woman, whom a
    later «она» points back to)."""
    number, gender = head_features(view, phrase)
    if said_by and number != "plur":
        gender = said_by
    name = nominative_text(view, phrase)
    return Speaker(None, name, bool(WEB_ADDRESS.search(name)), gender, number, head_lemma)


def names_anything(view: View, phrase: Phrase) -> bool:
    """Whether a phrase names an entity before any preposition: «глава МИД России», not
    «глава дипломатии в Доминиканской Республике» (where she spoke)."""
    for k in range(phrase.first, phrase.last):
        if k > phrase.head and view.word(k) in PREPOSITIONS:
            return False
        if k in view.owner:
            return True
    return False


def same_number(speaker: Speaker, number: str | None) -> bool:
    """Whether an earlier speaker can be a later description of that number."""
    return not (number and speaker.number and speaker.number != number)


def member_of_named_org(
    view: View, phrase: Phrase, head_lemma: str, at: int, talk: Discourse
) -> Entity | None:
    """«Представитель Гидрометцентра сказал» after «начальник отдела Гидрометцентра
    Александр Колесов»: one member of an organisation («представитель», «сотрудник») is
    the one person of it named before, when only one was."""
    if head_lemma not in view.lex.members or head_features(view, phrase)[0] == "plur":
        return None
    org = org_in(view, phrase)
    if org is None:
        return None
    n = bisect_left(view.people, at, key=lambda pair: pair[0])
    found = {
        e.id: e
        for k, e in view.people[max(0, n - ROLE_REACH) : n]
        if not talk.in_quote(k) and any(r.of == org.id for r in e.roles)
    }
    return next(iter(found.values())) if len(found) == 1 else None
