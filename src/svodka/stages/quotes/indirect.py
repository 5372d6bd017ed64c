"""Reported speech without quote marks, and news outlets' attributions.

- «По словам X, …», «По мнению экспертов, …», «по данным агентства, …»;
- «Как сообщил X, …», «как пишет «Коммерсант», …», «Как отмечается в сообщении, …»;
- «X заявил, что …», «X подчеркнул/отметил/добавил/пояснил, что …», «заявив, что …»;
- «…, заявил X.», «…, сообщает «МИР 24».», «X, сообщает АФИ, выступает за …»;
- «Об этом сообщил X.» — the sentence before is what X said;
- «появилось сообщение, что …»; «Из постановления следует, что …».

The content is the reported clause: from the cue to the end of the sentence, or to a
later attribution («…, сообщает ТАСС»), or to a second verb of the same subject
(«заявляли, что …, однако потом дали понять …»). «со ссылкой на X» adds X to what
later words may point back to («по мнению источника»), not a quote of its own.
"""

from __future__ import annotations

from svodka.resources import read_lines
from svodka.stages.quotes.clauses import (
    MAX_CLAUSE_TOKENS,
    RELATIVES,
    apposition,
    cites_document,
    comma_after,
    content_start,
    governs_object,
    is_document,
    make_claim,
    parenthetical,
    skip_asides,
    speaker_tail,
    verb_after_this,
)
from svodka.stages.quotes.infinitives import advice_cue, infinitive_cue
from svodka.stages.quotes.lexicon import VerbForm, lemma
from svodka.stages.quotes.phrases import (
    POSSESSIVES,
    Claim,
    Phrase,
    adjective_start,
    noun_phrase,
)
from svodka.stages.quotes.subjects import (
    SUBJECT_REACH,
    clause_start,
    locative,
    object_between,
    prefer_person,
    subject_left,
    subject_of,
    subject_right,
)
from svodka.stages.quotes.view import View

#: Conjunctions that open a reported clause: «заявил, что …», «будто …».
CONNECTORS = frozenset(read_lines("quotes/that_words.txt"))
#: «Из них следовало, что …» names nobody.
PRONOUN_OBJECTS = frozenset(read_lines("quotes/pronoun_objects.txt"))
#: Adverbs between «и» and a verb joined to the one before: «и затем добавил».
SEQUENCE_ADVERBS = frozenset(read_lines("quotes/sequence_adverbs.txt"))
NESTING = 4  # claims of a sentence a verb may stand inside: the last few
MAX_CUE_GAP = 12  # tokens between a verb and its «, что»: «сообщила в интервью Daily Mirror, что»


def find_indirect(view: View, inside: list[bool]) -> list[Claim]:
    """Every reported clause and attribution outside the direct quotes ``inside``.

    A cue looks only at the claims of its own sentence (``here``), so long articles
    stay linear."""
    claims: list[Claim] = []
    for lo, hi in view.units:
        here: list[Claim] = []
        for k in range(lo, hi):
            if inside[k] or view.quoted[k] or view.consumed[k]:
                continue
            found = cue_at(view, k, lo, hi, here, inside)
            if found is not None:
                here.append(found)
                consume(view, found)
        claims.extend(here)
    return claims


def consume(view: View, claim: Claim) -> None:
    """Mark a claim's cue and speaker phrase as read."""
    last = claim.cue_last
    if isinstance(claim.who, Phrase) and claim.who.last <= last + MAX_CUE_GAP:
        last = max(last, claim.who.last)
    for k in range(claim.at, min(last, len(view.consumed))):
        view.consumed[k] = True


def cue_at(
    view: View, k: int, lo: int, hi: int, claims: list[Claim], inside: list[bool]
) -> Claim | None:
    """The claim whose cue begins at token ``k``, if any."""
    word = view.word(k)
    if word == "как" and k + 1 < hi and view.finite_verb(k + 1) is not None:
        return as_cue(view, k, lo, hi)
    if word == "по" and k + 2 < hi:
        return phrase_cue(view, k, lo, hi)
    if word == "со" and view.words[k + 1 : k + 3] == ["ссылкой", "на"]:
        return reference(view, k, hi)
    if word == "об" and k == lo and k + 1 < hi and view.word(k + 1) == "этом":
        return about_this(view, k, hi)
    if view.verb(k):
        return verb_cue(view, k, lo, hi, claims, inside)
    if lemma(word) in view.lex.advice and view.is_finite(k):
        return advice_cue(view, k, clause_start(view, k, nested_start(view, k, lo, claims)), hi)
    if k > lo and word in view.lex.speech_lemmas and view.tag(k).POS == "INFN":
        return infinitive_cue(view, k, lo, hi, connector_after(view, k, hi))
    if word in view.lex.speech_nouns:
        return noun_that(view, k, hi)
    return None


def verb_cue(
    view: View, k: int, lo: int, hi: int, claims: list[Claim], inside: list[bool]
) -> Claim | None:
    """«X заявил, что …» or «…, заявил X»."""
    connector = connector_after(view, k, hi)
    if connector is not None and not any(v.after for v in view.verb(k)):
        return verb_that(view, k, connector, lo, hi, claims)
    form = view.finite_verb(k)
    if form is not None and is_postposed(view, k, lo, inside):
        return postposed(view, k, lo, hi, form)
    return None


# «Как сообщил X, …»


def as_cue(view: View, k: int, lo: int, hi: int) -> Claim | None:
    """«Как сообщает ИТАР-ТАСС, …», «как считают энтузиасты из «Русского глобуса», …»;
    «Как отметила, по данным прессы, канцлер, …» — the aside is part of the cue."""
    verb = k + 1
    form = view.finite_verb(verb)
    if form is not None and form.source_from:
        return None  # «Как следует из материалов дела, …» cites a document
    stop = comma_after(view, verb, hi)
    search_from = verb
    if stop == verb + 1 and stop + 1 < hi and view.word(stop + 1) == "по":
        search_from = comma_after(view, stop + 1, hi)
        stop = comma_after(view, search_from, hi)
    who: Phrase | str | None = subject_right(view, search_from, stop, form)
    weak = who is None
    if isinstance(who, Phrase):
        who = prefer_person(view, who, stop)
    else:
        who = locative(view, verb + 1, stop, source=True)
        if cites_document(view, who):
            return None  # «Как говорится в докладе, …»
        if who is None and view.is_impersonal(verb):
            if is_past_impersonal(view, verb):
                return None  # «Как сообщалось, …» is the newsroom's own reminder
            who = "outlet"
    body = skip_asides(view, stop, hi)
    start = content_start(view, k, body, lo)
    return make_claim(view, start, hi, (k, k + 2), stop, who, form, weak=weak, clause=True)


# «По словам X, …»


def phrase_cue(view: View, k: int, lo: int, hi: int) -> Claim | None:
    """«По словам Жукова, …», «по его мнению, …», «По данным агентства, …»."""
    noun = k + 2 if view.word(k + 1) in POSSESSIVES else k + 1
    if noun >= hi or ("по", lemma(view.word(noun))) not in view.lex.phrases:
        return None
    if noun == k + 2:
        who: Phrase = Phrase(k + 1, k + 2, k + 1)
    else:
        found = noun_phrase(view, noun + 1, hi, oblique=True)
        if found is None:
            return None
        who = found
    end = max(who.last, noun + 1)
    body = skip_asides(view, speaker_tail(view, end, hi), hi)
    who = apposition(view, who, end, body)
    start = content_start(view, k, body, lo)
    return make_claim(view, start, hi, (k, noun + 1), end, who, None, clause=True)


def reference(view: View, k: int, hi: int) -> Claim | None:
    """«со ссылкой на источник в Кремле»: no quote, but a source later words may name
    again («по мнению источника»)."""
    who = noun_phrase(view, k + 3, hi, oblique=True)
    if who is None:
        return None
    return Claim(0, 0, "mention", "", k, who, cue_last=who.last)


# «X заявил, что …»


def connector_after(view: View, k: int, hi: int) -> int | None:
    """The «что» of «заявил, что», «сообщила в интервью Daily Mirror, что», «высказались
    в том смысле, что», «заявив что»; None when the verb reports nothing."""
    for j in range(k + 1, min(hi, k + MAX_CUE_GAP)):
        word = view.word(j)
        if word in CONNECTORS:
            return j if j == k + 1 or view.word(j - 1) == "," else None
        # «утверждал, в частности, что …» goes on to its «что»
        after_comma = j + 1 >= hi or view.word(j + 1) not in CONNECTORS
        if word == "," and after_comma and not parenthetical(view, j + 1, hi):
            return None
        if word in (":", ";", ".", "?", "!", "(") or view.verb(j):
            return None
    return None


def verb_that(
    view: View, k: int, connector: int, lo: int, hi: int, claims: list[Claim]
) -> Claim | None:
    """«X заявил, что …»: the speaker is the verb's subject; a gerund or a second verb
    («…, и проинформировал, что …») shares the subject of the verb before it."""
    forms = view.verb(k)
    form = next((v for v in forms if v.pos != "GRND"), None)
    start_lo = nested_start(view, k, lo, claims)
    left_lo = clause_start(view, k, start_lo)
    weak = False
    if any(v.source_from for v in forms):
        who: Phrase | str | None = from_phrase(view, left_lo, connector)
        if who is None or is_document(view, who):
            return None  # «следует отметить, что …» is the writer's own voice
    elif form is None:
        who = gerund_subject(view, k, start_lo, claims)
    elif coordinated(view, k, start_lo):
        who = "same" if has_claim(claims) else subject_of(view, k)
    else:
        who = subject_left(view, k, left_lo, form) or subject_right(view, k, connector, form)
        if who is None:
            who = locative(view, left_lo, k) or locative(view, k + 1, connector)
            weak = True
            if cites_document(view, who):
                return None  # «В материалах дела говорится, что …»
            if who is None and view.is_impersonal(k):
                if is_past_impersonal(view, k):
                    return None  # «Ранее сообщалось, что …»
                who = "outlet"
    claim = make_claim(
        view, connector + 1, hi, (k, k + 1), connector, who, form, weak=weak, clause=True
    )
    if claim is not None:
        claim.clause = -1 if form is None else left_clause(view, k, start_lo, who)
    return claim


def from_phrase(view: View, lo: int, hi: int) -> Phrase | None:
    """«Из постановления о привлечении следует, что …»: the phrase after «из»."""
    for j in range(lo, hi - 1):
        if view.word(j) == "из":
            phrase = noun_phrase(view, j + 1, hi, oblique=True)
            # «Из них следовало, что …» names nobody
            return None if phrase is None or view.word(phrase.head) in PRONOUN_OBJECTS else phrase
    return None


def gerund_subject(view: View, k: int, lo: int, claims: list[Claim]) -> Phrase | str:
    """«заявив, что …» is said by the subject of the verb the gerund goes with: the
    speaker of the claim made with that verb («— отметил X, подчеркнув, что …»), or
    that verb's subject («Блэр «публично соврал», говоря, что …»)."""
    lo = max(lo, k - SUBJECT_REACH)
    verb = next((j for j in range(k - 1, lo - 1, -1) if view.is_finite(j)), None)
    if verb is None or any(c.at == verb for c in claims):
        return "same" if has_claim(claims) else "last"
    if verb > lo and (view.is_dash(verb - 1) or view.word(verb - 1) == ","):
        # «"…", - напомнил Путин, добавив, что …»: the subject after its verb
        after = subject_right(view, verb, k, view.finite_verb(verb))
        if after is not None:
            return after
    return subject_of(view, verb, lo)


def nested_start(view: View, k: int, lo: int, claims: list[Claim]) -> int:
    """Where the clause of a verb begins when it stands inside another claim's content:
    «Нина сообщила, что [сослуживцы … сообщили ей, что …]»."""
    start = lo
    offset = view.tokens[k].start
    for c in claims[-NESTING:]:
        if c.start <= offset < c.stop:
            start = max(start, view.index(c.start))
    return start


def coordinated(view: View, k: int, lo: int) -> bool:
    """«…, и проинформировал, что», «и сказал, что»: a verb joined to the one before."""
    j = k - 1
    while j > lo and view.word(j) in SEQUENCE_ADVERBS:
        j -= 1
    return j > lo and view.word(j) in ("и", "а")  # «…, и сказал», «а затем добавил»


def has_claim(claims: list[Claim]) -> bool:
    """Whether a sentence already has a claim (``claims`` are its claims)."""
    return any(c.kind != "mention" for c in claims)


def left_clause(view: View, k: int, lo: int, who: Phrase | str | None) -> int:
    """The first token of a claim's own clause: its subject, or its verb."""
    if isinstance(who, Phrase) and who.first < k:
        return who.first
    if coordinated(view, k, lo):
        return k - 1
    return k


# «…, заявил X»


def is_postposed(view: View, k: int, lo: int, inside: list[bool]) -> bool:
    """«…, заявил X», «…, - сообщает X»: a verb after a comma, not after a direct quote
    (whose attribution it is) and not inside one."""
    j = k - 1
    if j > lo and (view.is_dash(j) or view.word(j) in RELATIVES):
        j -= 1  # «…, которые приводит CNN, …»
    if j <= lo or view.word(j) != ",":
        return False
    return not inside[j - 1] and not inside[lo] and not (view.closed_at(j - 1) and inside[j - 2])


def postposed(view: View, k: int, lo: int, hi: int, form: VerbForm) -> Claim | None:
    """«Сейчас она оснащена …, заявил … Сергей Шойгу», «…, сообщает «МИР 24»»: what
    comes before the comma; the whole sentence when the attribution is an aside
    («Жуков, сообщает АФИ, выступает за …»)."""
    if governs_object(view, k + 1):
        return None  # «…, признали себя виновными», «…, пообещал не сдаваться»
    who: Phrase | None = subject_right(view, k, hi, form)
    if who is not None and object_between(view, k, who.first, form):
        return None  # «…, писал маркером слово "Hello"»: the verb has an object, no report
    weak = who is None
    if who is not None:
        who = prefer_person(view, who, hi)
    else:
        who = locative(view, k + 1, comma_after(view, k, hi), source=True)
        if who is None or cites_document(view, who):
            return None  # «…, говорится в материалах суда»
    lo = max(lo, k - MAX_CLAUSE_TOKENS)
    comma = next(j for j in range(k - 1, lo - 1, -1) if view.word(j) == ",")
    more = comma_after(view, k, hi) < hi
    aside = more and not any(is_predicate(view, j) for j in range(lo, comma))
    end = who.last if isinstance(who, Phrase) else k + 1
    return make_claim(view, lo, hi if aside else comma, (k, k + 1), end, who, form, weak=weak)


def is_predicate(view: View, k: int) -> bool:
    """A finite verb or a short form: «выступает», «оснащена», «готовы»."""
    return view.tag(k).POS in ("VERB", "PRTS", "ADJS") and not view.is_punct(k)


# «Об этом сообщил X.»


def about_this(view: View, k: int, hi: int) -> Claim | None:
    """«Об этом заявил министр …»: what the sentence before says, said by X."""
    verb = verb_after_this(view, k + 2, hi)
    if verb is None or view.unit_of[k] == 0:
        return None
    form = view.finite_verb(verb)
    who: Phrase | None = subject_right(view, verb, hi, form)
    weak = who is None
    who = prefer_person(view, who, hi) if who is not None else locative(view, verb + 1, hi)
    if weak and cites_document(view, who):
        return None  # «Об этом говорится в докладе …»
    prev_lo, prev_hi = view.units[view.unit_of[k] - 1]
    end = who.last if isinstance(who, Phrase) else verb + 1
    claim = make_claim(view, prev_lo, prev_hi, (k, verb + 1), end, who, form, weak=weak)
    if claim is not None:
        claim.refers_back = True
    return claim


def noun_that(view: View, k: int, hi: int) -> Claim | None:
    """«появилось сообщение, что …»: the utterance noun names the speaker; the subject of
    the verb it is the object of does, when there is one: «СМИ опубликовали информацию,
    что …» → «СМИ»."""
    if k + 2 >= hi or view.word(k + 1) != "," or view.word(k + 2) not in CONNECTORS:
        return None
    start = adjective_start(view, k, view.unit(k)[0])
    who: Phrase | str = Phrase(start, k + 1, k, literal=True)
    if start > 0 and view.is_finite(start - 1):
        made = subject_of(view, start - 1)  # «ряд СМИ опубликовали информацию, что …»
        who = made if isinstance(made, Phrase) else who
    return make_claim(view, k + 3, hi, (k, k + 1), k + 1, who, None, clause=True)


def is_past_impersonal(view: View, k: int) -> bool:
    """«сообщалось», «говорилось»: the newsroom recalling its own earlier reports."""
    return view.word(k).endswith("лось") and view.is_impersonal(k)
