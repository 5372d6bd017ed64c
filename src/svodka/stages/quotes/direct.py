"""Direct speech: quoted spans that something marks as said, the rest are names.

A quoted span is speech when it is attached to a speaker:

- a reporting verb right after it: «…», — заявил X; "…" - цитирует X агентство;
- a colon before it, after a speaker or a reporting verb: X: «…»; X заявил: «…»;
- a naming verb or an utterance noun right before it: назвал его «идиотом за рулем»;
  с пожеланием «быть внимательнее»;
- it fills whole sentences right after another quote or reported speech, and goes on
  with that speaker: «…», — сказал X. «…».

Everything else in quote marks — «КамАЗ», «МИР 24», scare quotes — is a name or a term.
«По словам X, «…»» and «заявил, что «…»» are found by the indirect finders: their
clause is the quote, and they become direct there.
"""

from __future__ import annotations

from svodka.lang.text import DASHES, QUOTES
from svodka.resources import read_lines
from svodka.stages.quotes.clauses import comma_after
from svodka.stages.quotes.lexicon import lemma
from svodka.stages.quotes.marks import Marked
from svodka.stages.quotes.phrases import Claim, Phrase, is_nominative, noun_phrase
from svodka.stages.quotes.subjects import (
    locative,
    prefer_person,
    subject_left,
    subject_of,
    subject_right,
)
from svodka.stages.quotes.view import CLAUSE_CONJUNCTIONS, View

SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
PART_END = frozenset({",", "!", "?", "…", "...", ":"})
#: Pronouns between a naming verb and its quote: «назвал его «идиотом за рулем»».
OBJECT_PRONOUNS = frozenset(read_lines("quotes/object_pronouns.txt"))
#: Marks trimmed from a quote's edges: stray quote marks and dashes; at its end also the
#: comma or colon before the attribution: «…», — сказал X.
OPEN_TRIM = QUOTES | DASHES
CLOSE_TRIM = QUOTES | DASHES | {",", ";", ":"}
MIN_STANDALONE_WORDS = 3
MIN_INLINE_WORDS = 4
MAX_VERB_REACH = 40  # tokens between a colon and the verb before it, at most
MAX_ATTRIBUTION = 30  # tokens of «— сказал …, —» inside a quote, at most
MAX_OBJECT_WORDS = 12  # words between a naming verb and its quote: «назвал ситуацию в X «…»»
INSTRUMENTAL_POS = ("NOUN", "ADJF", "PRTF")
PERSON_REACH = 4  # tokens from a verb to the person named after it: «заявил в ответ X»
MAX_VERB_GAP = 5  # words between «», —» and its verb: «», — в своей прямой манере заявил X»


def find_direct(view: View) -> list[Claim]:
    """Every quoted span attached to a speaker, as direct claims (in text order)."""
    claims: list[Claim] = []
    taken = -1  # the end of the last span taken: spans nested in it are part of it
    for m in view.marked:
        if m.start < taken:
            continue
        found = classify(view, m)
        if found:
            claims.extend(found)
            taken = m.stop
    return claims


def classify(view: View, m: Marked) -> list[Claim]:
    """The claims a quoted span makes: none when it is a name or a term."""
    first, last = view.index(m.start), view.index(m.stop)
    if first >= last or not any(not view.is_punct(k) for k in range(first, last)):
        return []
    if m.closed and last < len(view.tokens):
        verb = verb_after(view, last + 1)
        if verb is not None and attaches(view, first, last, verb):
            return attributed(view, m, first, last, verb)
    parts = interrupted_parts(view, first, last)
    if len(parts) > 1 or (parts and not m.closed):
        return parts_claims(view, parts)
    opening = first - 1
    if opening > 0 and view.word(opening - 1) == ":":
        who = before_colon(view, opening - 1)
        if who is not None:
            return [claim(view, m.start, m.stop, ":", opening, who)]
    named = naming_cue(view, opening)
    if named is not None:
        cue, who = named
        return [claim(view, m.start, m.stop, view.tokens[cue].text, cue, who)]
    if fills_sentences(view, first, last, m.closed):
        return [claim(view, m.start, m.stop, "", opening, "last")]
    return []


def claim(view: View, start: int, stop: int, cue: str, at: int, who: Phrase | str | None) -> Claim:
    """A direct claim over ``[start, stop)``, trimmed of spaces and stray marks."""
    start, stop = trim(view.text, start, stop)
    return Claim(start, stop, "direct", cue, max(at, 0), who)


def trim(text: str, start: int, stop: int) -> tuple[int, int]:
    """Strip spaces, stray quote marks and a trailing comma or dash from a content span."""
    while start < stop and (text[start].isspace() or text[start] in OPEN_TRIM):
        start += 1
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] in CLOSE_TRIM):
        stop -= 1
    return start, stop


def attaches(view: View, first: int, last: int, verb: int) -> bool:
    """Whether «…», — VERB X» makes the quote X's words: always when the quote opens its
    clause; a quote inside a sentence only when long enough and said by someone — with
    «…, говорится в пресс-релизе» or «…, сообщает ТАСС» the whole sentence is what the
    text or the outlet says."""
    if opens_clause(view, first):
        return True
    if view.is_impersonal(verb) or any(v.outlet for v in view.verb(verb)):
        return False  # «…», сообщает ТАСС: the outlet reports the whole sentence
    return long_enough(view, first, last)


def opens_clause(view: View, first: int) -> bool:
    """Whether the quote opening before token ``first`` starts a sentence or a clause:
    at the sentence start, after a dash or a colon."""
    opening = first - 1
    lo, _ = view.unit(max(opening, 0))
    return opening <= lo or view.is_dash(opening - 1) or view.word(opening - 1) == ":"


def long_enough(view: View, first: int, last: int) -> bool:
    """A quote inside a sentence is speech only when it is more than a term:
    «индекс стал «неотъемлемой частью жизни …», сказал Престбо», not «птичьего гриппа»."""
    return sum(1 for k in range(first, last) if not view.is_punct(k)) >= MIN_INLINE_WORDS


def verb_after(view: View, k: int, *, seen: bool = False) -> int | None:
    """The reporting verb of «», — заявил X»: after a comma or a dash (``seen`` when the
    caller has passed it), past at most a few adverbs («— в свою очередь заявил»); None
    when something else follows."""
    end = min(len(view.tokens), k + MAX_VERB_GAP + 2)
    for j in range(k, end):
        if view.word(j) == "," or view.is_dash(j):
            seen = True
            continue
        if not seen or view.is_punct(j) or j in view.owner:
            return None
        if view.finite_verb(j) is not None:
            return j
        if view.word(j) in CLAUSE_CONJUNCTIONS or view.is_finite(j):
            return None
    return None


def attributed(view: View, m: Marked, first: int, last: int, verb: int) -> list[Claim]:
    """«…», — заявил X: the speaker follows the verb; a quote interrupted by its own
    attribution («…, — сказал X. — …») is found in two parts, which
    ``merge.join_interrupted`` joins again."""
    who = speaker_after(view, verb)
    parts = interrupted_parts(view, first, last) or [(m.start, m.stop, None)]
    claims = []
    for start, stop, inner in parts:
        inner_who = speaker_after(view, inner) if inner is not None else None
        cue = view.tokens[inner if inner is not None else verb].text
        claims.append(claim(view, start, stop, cue, verb, inner_who or who))
    return claims


def speaker_after(view: View, verb: int) -> Phrase | None:
    """Who the reporting verb at ``verb`` names after itself, up to the sentence end."""
    _, stop = view.unit(verb)
    form = view.finite_verb(verb)
    phrase = subject_right(view, verb, stop, form)
    if phrase is None:
        phrase = person_next(view, verb, stop)
    if phrase is None:
        return locative(view, verb + 1, comma_after(view, verb, stop))
    return prefer_person(view, phrase, stop)


def person_next(view: View, verb: int, stop: int) -> Phrase | None:
    """«— заявил Стюард в интервью», «— заявил в ответ Куприянов»: a person named right
    after the verb (past an adverb or a short phrase) speaks, whatever gender or case
    their name was guessed in."""
    for j in range(verb + 1, min(stop, verb + PERSON_REACH)):
        owner = view.owner.get(j)
        if owner is not None and owner[0].type == "PER" and owner[1] == j:
            return Phrase(j, owner[2], j) if is_nominative(view, j) else None
        if view.is_punct(j) or j in view.owner:
            return None
    return None


def interrupted_parts(view: View, first: int, last: int) -> list[tuple[int, int, int | None]]:
    """«Я убежден …, - сказал Мэнникс. - Но я думаю …»: the parts of a quote around
    an attribution inside it, each with the verb of that attribution (or None)."""
    parts: list[tuple[int, int, int | None]] = []
    start = view.tokens[first].start
    k = first + 1
    while k < last - 1:
        if view.is_dash(k) and view.word(k - 1) in PART_END:
            verb = verb_after(view, k + 1, seen=True)
            if verb is not None and verb < last:
                resume = next(
                    (
                        j
                        for j in range(verb + 1, min(last, verb + MAX_ATTRIBUTION))
                        if view.is_dash(j) and is_part_end(view, j)
                    ),
                    None,
                )
                parts.append((start, view.tokens[k - 1].start, verb))
                if resume is None:
                    return parts
                start, k = view.tokens[resume].stop, resume
        k += 1
    if parts:
        stop = view.tokens[last - 1].stop
        parts.append((start, stop, parts[-1][2]))
    return parts


def is_part_end(view: View, k: int) -> bool:
    """A dash that reopens the quote: after the attribution's full stop or comma."""
    return view.word(k - 1) in (".", ",", ":")


def parts_claims(view: View, parts: list[tuple[int, int, int | None]]) -> list[Claim]:
    """The claims of an unclosed quote's parts, each said by its attribution's speaker."""
    claims = []
    for start, stop, verb in parts:
        if verb is not None:
            claims.append(
                claim(view, start, stop, view.tokens[verb].text, verb, speaker_after(view, verb))
            )
    return claims


def before_colon(view: View, colon: int) -> Phrase | str | None:
    """«X: «…»», «X заявил: «…»», «сообщал о …: «…»»: the speaker of the clause before
    the colon, when it has a reporting verb or is only a name."""
    lo = max(view.unit(colon)[0], colon - MAX_VERB_REACH)
    for j in range(colon - 1, lo - 1, -1):
        if view.is_mark(j):
            lo = j + 1
            break
    for j in range(colon - 1, lo - 1, -1):
        form = view.finite_verb(j)
        if form is not None:
            phrase = subject_left(view, j, lo, form)
            return phrase if phrase is not None else "last"
    phrase = noun_phrase(view, lo, colon)
    if phrase is not None and phrase.last == colon and phrase.head in view.owner:
        return phrase
    return None


def naming_cue(view: View, opening: int) -> tuple[int, Phrase | str | None] | None:
    """«назвал «идиотом за рулем»», «назвав ее «журналистской уткой»», «с пожеланием
    «быть внимательнее на дороге»»: the cue word before the quote, and its speaker."""
    k = opening - 1
    if k >= 0 and view.word(k) in OBJECT_PRONOUNS:
        k -= 1
    if k < 0 or view.is_punct(k):
        return None
    if lemma(view.word(k)) in view.lex.naming and not view.is_adjective(k):
        return k, subject_of(view, k)
    if view.word(k) in view.lex.speech_nouns and view.is_noun(k):
        if view.word(k) == "слово" and one_word(view, opening):
            return None  # «писал маркером слово "Hello"»: a word cited, not said
        return k, subject_of(view, k)
    verb = naming_verb_before(view, opening)
    return (verb, subject_of(view, verb)) if verb is not None else None


def one_word(view: View, opening: int) -> bool:
    """Whether the quote opened at token ``opening`` holds a single word."""
    m = view.opened_at(opening)
    return m is not None and view.index(m.stop) - view.index(m.start) == 1


def naming_verb_before(view: View, opening: int) -> int | None:
    """«назвал задержание вице-премьера «сфабрикованным делом»», «сравнил главу Белого
    дома с «дьяволом»»: a naming verb a short object phrase before a quote that opens in
    the instrumental — what the subject called it, in the subject's words."""
    first = opening + 1
    if first >= len(view.tokens) or not view.has_case(first, "ablt", INSTRUMENTAL_POS):
        return None
    lo, _ = view.unit(max(opening, 0))
    for k in range(opening - 1, max(lo, opening - MAX_OBJECT_WORDS) - 1, -1):
        if view.is_punct(k):
            return None
        if lemma(view.word(k)) in view.lex.naming and not view.is_adjective(k):
            return k
        if view.is_finite(k):
            return None
    return None


def fills_sentences(view: View, first: int, last: int, closed: bool) -> bool:
    """Whether a quote fills whole sentences on its own: it opens a sentence (after at
    most a dash) and its sentence ends right after it; at least a few words long."""
    opening = first - 1
    lo, _ = view.unit(max(opening, 0))
    if opening < 0 or not (opening == lo or (opening == lo + 1 and view.is_dash(lo))):
        return False
    words = sum(1 for k in range(first, last) if not view.is_punct(k))
    if words < MIN_STANDALONE_WORDS:
        return False
    if not closed:
        return True
    _, hi = view.unit(last)
    tail = range(last + 1, hi)  # after the closing mark: «…».
    if not tail:
        return view.word(last - 1) in SENTENCE_END
    return len(tail) <= 2 and all(view.word(k) in SENTENCE_END for k in tail)
