"""Reported clauses: where the content of an indirect claim begins and ends.

- it begins after the cue («По словам X, …»), or at the start of the clause when the
  words before the cue belong to it («Лицензии, по ее словам, будут стоить …»);
- it ends at the end of the sentence, or before a later attribution («…, сообщает
  ТАСС»), before «: «» that opens a direct quote, or before a second verb of the
  reporting subject («…, однако потом дали понять …»); a clause that opens a quote
  running past its sentence ends where the quote does.
"""

from __future__ import annotations

from svodka.resources import read_lines
from svodka.stages.quotes.lexicon import VerbForm, lemma
from svodka.stages.quotes.phrases import Claim, Phrase, author_after
from svodka.stages.quotes.subjects import clause_start, locative, subject_right
from svodka.stages.quotes.view import CLAUSE_CONJUNCTIONS, PREPOSITIONS, View

#: Words that open a clause about the word before: «, которые приводит CNN,».
RELATIVES = frozenset(read_lines("quotes/relatives.txt"))
#: Words before «по словам X» that start a clause of their own: «…, что, как считают X, …».
SUBORDINATORS = CLAUSE_CONJUNCTIONS | frozenset(read_lines("quotes/subordinators.txt"))
MAX_CLAUSE_TOKENS = 150  # a reported clause is cut after this many tokens (real ones: < 100)
#: Final marks that belong to a clause: «?», «!», «на 60%».
KEPT_AT_END = frozenset({"?", "!", "%"})
#: A reporting verb in the present and a verb in the past are not one subject's.
TENSE_SHIFT = {"pres", "past"}
#: Parts of speech of a predicate: «заявил», «уволен», «готов».
PREDICATES = frozenset({"VERB", "PRTS", "ADJS"})
MAX_TITLE_ASIDE = 12  # tokens of «, главный организатор и сопредседатель жюри конкурса,»
MAX_SPEAKER_TAIL = 8  # words after «по данным X» the phrase may leave out before its comma
MAX_ABOUT_ASIDE = 10  # tokens of «, как передает «Интерфакс»,» after «Об этом»
MAX_ABOUT_GAP = 8  # tokens between «Об этом» and its verb, a name among them


def make_claim(
    view: View,
    first: int,
    last: int,
    cue: tuple[int, int],
    cue_last: int,
    who: Phrase | str | None,
    form: VerbForm | None,
    *,
    weak: bool = False,
    clause: bool = False,
) -> Claim | None:
    """A claim over tokens ``[first, last)``, cut at the clause end when ``clause``
    (a cue that comes before its content) and trimmed of punctuation at both ends.
    ``cue`` is the token range of the cue words, ``cue_last`` the end of the whole
    attribution (the speaker phrase included)."""
    if clause:
        last = clause_end(view, first, min(last, first + MAX_CLAUSE_TOKENS), form)
        last = max(last, quote_end(view, first, last))
    last = trim_tokens(view, first, last)
    while first < last and view.is_punct(first) and not view.is_mark(first):
        first += 1
    if first >= last:
        return None
    start, stop = view.tokens[first].start, view.tokens[last - 1].stop
    cue_first = cue[0]
    return Claim(
        start,
        stop,
        "indirect",
        view.span_text(*cue),
        cue_first,
        who,
        # people in a place («сообщили в департаменте») are weak; a text («говорится в
        # пресс-релизе») is not
        weak=weak and form is not None and form.number == "plur",
        # «сообщает», «пишут»: an outlet's present tense; «сообщила пресс-служба» is not
        outlet_cue=form is not None and form.outlet and form.tense == "pres",
        cuttable=clause,
        clause=cue_first,
        cue_last=cue_last,
    )


def clause_end(view: View, first: int, hi: int, form: VerbForm | None) -> int:
    """Where a reported clause starting at ``first`` ends: before a later attribution
    («…, сообщает ТАСС»), before «: «» opening a direct quote, before a second verb of the
    reporting subject («…, однако потом дали понять»), else at the sentence end."""
    j = first
    while j < hi:
        m = view.opened_at(j)
        if m is not None and m.closed:
            j = view.index(m.stop) + 1
            continue
        word = view.word(j)
        if word == ":" and j + 1 < hi and view.is_mark(j + 1):
            return j
        if word == "," and j > first:
            n = j + 2 if j + 1 < hi and view.is_dash(j + 1) else j + 1
            if n < hi and attribution_follows(view, n, hi):
                return j
            if (
                n < hi
                and view.word(n) in CLAUSE_CONJUNCTIONS
                and same_subject(view, n + 1, hi, form)
            ):
                return j
            if resumes_main(view, first, j, hi, form):
                return j
        j += 1
    return hi


def resumes_main(view: View, first: int, comma: int, hi: int, form: VerbForm | None) -> bool:
    """«Инвестор, который заявил, что рынок упадет, оказался прав»: after a clause
    reported in a relative clause, with a verb of its own, a comma and a bare verb
    agreeing with the reporting one go back to the main clause."""
    n = comma + 1
    if n >= hi or view.tag(n).POS != "VERB" or not same_subject(view, n, hi, form):
        return False
    if not any(view.word(j).startswith("котор") for j in range(max(0, first - 5), first)):
        return False  # only a relative clause closes before its main verb
    return any(view.is_finite(j) for j in range(first, comma))


def quote_end(view: View, first: int, last: int) -> int:
    """A clause that opens a quote running past its sentence ends where the quote does:
    «По мнению организации, «Это … . Обжалуемое письмо …»» — whole sentences quoted."""
    k = first
    while k < last and view.is_punct(k) and not view.is_mark(k):
        k += 1
    m = view.opened_at(k) if k < last else None
    if m is None or not m.closed:
        return last
    close = view.index(m.stop)
    return close + 1 if close >= last else last


def attribution_follows(view: View, k: int, hi: int) -> bool:
    """«…, сообщает NEWSru.Ua», «…, говорится в пресс-релизе»."""
    form = view.finite_verb(k)
    if form is None:
        return False
    if k not in view.attributions:  # asked again for every clause the comma ends
        view.attributions[k] = (
            subject_right(view, k, hi, form) is not None
            or locative(view, k + 1, comma_after(view, k, hi)) is not None
        )
    return view.attributions[k]


def same_subject(view: View, k: int, hi: int, form: VerbForm | None) -> bool:
    """A finite verb within three words that agrees with the reporting verb: the
    reporting subject goes on with another predicate («…, но … воздержался»)."""
    if form is None or form.number is None:
        return False
    for j in range(k, min(hi, k + 3)):
        if view.is_punct(j):
            return False
        tag = view.tag(j)
        if tag.POS == "VERB":
            if str(tag.number) != form.number or {form.tense, str(tag.tense)} == TENSE_SHIFT:
                return False  # «отмечает, что …, и все решил раунд»: not the one who notes
            return form.number != "sing" or not form.gender or str(tag.gender) == form.gender
        if new_subject(view, j):
            return False  # «…, и ситуация улучшится»: another subject, still reported
    return False


def new_subject(view: View, k: int) -> bool:
    """A noun or a name that can only be a subject of its own: «ситуация», «Иванов»."""
    tag = view.tag(k)
    return (k in view.owner or tag.POS == "NOUN") and "nomn" in tag.grammemes


def trim_tokens(view: View, first: int, last: int) -> int:
    """Drop the final punctuation of a clause, but not a «?», a «%», a closing quote mark
    or a bracket the clause opened."""
    while last > first and view.is_punct(last - 1) and view.word(last - 1) not in KEPT_AT_END:
        if view.is_mark(last - 1) and view.closed_at(last - 1) is not None:
            break
        if view.word(last - 1) == ")" and "(" in view.words[first : last - 1]:
            break  # «(JBIC)»: a bracket opened in the clause closes in it
        last -= 1
    return last


def content_start(view: View, cue: int, body: int, lo: int) -> int:
    """Where the content of «по словам X»/«как сообщил X» begins: after the cue when the
    cue opens its clause or only connectors stand before it («При этом, по словам X,
    …»); else at the clause start, the words before the cue being part of what is
    reported («Лицензии, по ее словам, будут стоить …»)."""
    j = cue - 1
    if j >= lo and view.word(j) == ",":
        j -= 1
    if j < lo or view.word(j) in SUBORDINATORS:
        return body
    start = clause_start(view, cue, lo)
    words = [view.word(i) for i in range(start, cue) if not view.is_punct(i)]
    return body if all(w in view.lex.connectors for w in words) else start


def skip_asides(view: View, k: int, hi: int) -> int:
    """Past the comma after a speaker, a relative clause about it («, которые приводит
    CNN,»), an outlet's aside («, сообщает «Интерфакс»,») or a person in apposition."""
    while k < hi and view.word(k) == ",":
        n = k + 1
        if n < hi and (
            view.word(n) in RELATIVES
            or view.finite_verb(n) is not None
            or aside_person(view, n, hi)
            or aside_title(view, k, n, hi)
        ):
            k = comma_after(view, n, hi)
            continue
        return n
    return k


def aside_title(view: View, comma: int, k: int, hi: int) -> bool:
    """«Как заявил Игорь Крутой, главный организатор и сопредседатель жюри конкурса, …»:
    a title in apposition to the person named right before the ``comma``, then a comma."""
    if comma == 0 or comma - 1 not in view.owner or view.owner[comma - 1][0].type != "PER":
        return False
    end = comma_after(view, k, hi)
    if end >= hi or end - k > MAX_TITLE_ASIDE:
        return False
    if any(view.tag(j).POS in PREDICATES for j in range(k, end)):
        return False  # «Как сообщил Иван Петров, директор уволен, …»: the content
    if not view.has_case(k, "nomn", ("NOUN", "ADJF")):
        return False
    return any(is_title_word(view, j) for j in range(k, end))


def is_title_word(view: View, k: int) -> bool:
    """A position or profession in the nominative: «сопредседатель», «министр»."""
    word = lemma(view.word(k))
    lex = view.lex
    return (word in lex.positions or word in lex.professions) and view.has_case(
        k, "nomn", ("NOUN",)
    )


def aside_person(view: View, k: int, hi: int) -> bool:
    """«, депутата Ярослава Нилова,»: a short phrase naming a person, then a comma."""
    end = comma_after(view, k, hi)
    if end >= hi or end - k > 6 or any(view.is_finite(j) for j in range(k, end)):
        return False
    if view.word(k) in PREPOSITIONS:
        return False  # «По данным МВД, в 2009 году Иванова, которая …»: the content
    return any(j in view.owner and view.owner[j][0].type == "PER" for j in range(k, end))


def comma_after(view: View, k: int, hi: int) -> int:
    """The first comma after token ``k`` (looked for within a clause's length), or ``hi``."""
    return next(
        (j for j in range(k + 1, min(hi, k + MAX_CLAUSE_TOKENS)) if view.word(j) == ","), hi
    )


def governs_object(view: View, k: int) -> bool:
    """Whether the verb before ``k`` takes what follows as its object, not a report:
    «себя», a negated or plain infinitive («пообещал не сдаваться»), «о …»."""
    if k >= len(view.tokens):
        return False
    if view.word(k) in ("себя", "не", "о", "об", "обо"):
        return True  # «…, сообщали о зверствах …»: what they spoke about follows
    return view.tag(k).POS == "INFN"


def verb_after_this(view: View, k: int, hi: int) -> int | None:
    """The reporting verb of «Об этом …» from token ``k``: within three words, or past
    an addressee's name («Об этом РИА «Новости» сообщил пресс-секретарь …») or an aside
    between commas («Об этом, как передает «Интерфакс», заявил …»)."""
    if k < hi and view.word(k) == ",":
        reach = range(k + 1, min(hi, k + MAX_ABOUT_ASIDE))
        close = next((j for j in reach if view.word(j) == ","), None)
        if close is None:
            return None
        k = close + 1
    for j in range(k, min(hi, k + MAX_ABOUT_GAP)):
        if view.finite_verb(j):
            return j
        if j >= k + 3 and not (j in view.owner or view.is_mark(j)):
            return None
    return None


def apposition(view: View, who: Phrase, end: int, body: int) -> Phrase:
    """«По словам одного из авторов обращения, депутата Ярослава Нилова, …»: a person
    in apposition after the phrase is the speaker."""
    for j in range(end, body):
        if j in view.owner and view.owner[j][0].type == "PER":
            _, first, last = view.owner[j]
            return Phrase(first, last, first, oblique=True)
    return who


def speaker_tail(view: View, end: int, hi: int) -> int:
    """The comma that closes «По данным Объединенной программы ООН по ВИЧ/СПИДу
    (UNAIDS), …» past a prepositional or bracketed tail the speaker phrase left out;
    ``end`` when something else follows it, a verb comes first or the comma is far."""
    if end >= hi or not (
        view.word(end) in PREPOSITIONS or view.word(end) == "(" or view.tag(end).POS == "ADVB"
    ):
        return end  # «По мнению Жукова реальные поступления …»: no comma, the content
    comma = comma_after(view, end, hi)
    if comma >= hi or comma - end > MAX_SPEAKER_TAIL:
        return end
    return end if any(view.is_finite(j) for j in range(end, comma)) else comma


def parenthetical(view: View, k: int, hi: int) -> bool:
    """Whether connector words («в частности», «кроме того») from ``k`` up to a comma
    stand between a verb and its «, что»."""
    j = k
    while j < hi and j < k + 4 and view.word(j) in view.lex.connectors:
        j += 1
    return k < j < hi and view.word(j) == ","


def is_document(view: View, phrase: Phrase) -> bool:
    """A document or data, cited but not speaking: «Из материалов дела следует, что …»;
    not a statement («Из заявления МИД следует, что …»)."""
    if phrase.head in view.owner:
        return False
    word = lemma(view.word(phrase.head))
    if word in view.lex.letters and author_after(view, phrase.head) is not None:
        return False  # «говорится в письме Левицкой»: her words
    return word in view.lex.documents


def cites_document(view: View, who: Phrase | str | None) -> bool:
    """Whether the place a report comes from is a document or data, cited but not
    speaking (GUIDE): «говорится в материалах суда», «в докладе говорится»."""
    return isinstance(who, Phrase) and is_document(view, who)
