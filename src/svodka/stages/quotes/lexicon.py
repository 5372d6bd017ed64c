"""The quotes stage's word lists, read from ``resources/quotes/`` once per process.

The files hold lemmas and phrases; the word forms of reporting verbs are generated
here with pymorphy3, so «заявил», «заявила», «заявляют», «заявив» and «заявлено» are all
found by a set lookup, without parsing every token of every article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from svodka.lang import morph
from svodka.lang import text as lang_text
from svodka.lang.caches import word_cache
from svodka.resources import read_lines, read_table

#: The parts of speech of a verb's lexeme that report speech: finite forms, gerunds
#: («заявив»), short participles and adjectives («отмечено», «убежден», «уверены»).
CUE_POS = frozenset({"VERB", "GRND", "PRTS", "ADJS"})


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One word form of a reporting verb: «заявила» → заявить, VERB, femn, sing, past."""

    lemma: str
    pos: str
    gender: str | None
    number: str | None
    tense: str | None
    outlet: bool = False
    object: bool = False
    source_from: bool = False
    after: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[VerbForm, ...]]
    phrases: frozenset[tuple[str, str]]
    speech_nouns: frozenset[str]
    naming: frozenset[str]
    media: frozenset[str]
    reports: frozenset[str]
    documents: frozenset[str]
    letters: frozenset[str]
    voice: frozenset[str]
    voice_forms: frozenset[str]
    org_kinds: frozenset[str]
    kind_prefixes: dict[str, str]
    determiners: frozenset[str]
    outlets: frozenset[str]
    pronouns: dict[str, tuple[str, str]]
    synonyms: dict[str, frozenset[str]]
    connectors: frozenset[str]
    positions: frozenset[str]
    professions: frozenset[str]
    members: frozenset[str]
    advice: frozenset[str]
    speech_lemmas: frozenset[str]
    governors: frozenset[str]


def load_lexicon() -> Lexicon:
    """Read every word list the quotes stage uses."""
    verbs = verb_forms(read_lines("quotes/speech_verbs.txt"))
    return Lexicon(
        verbs=verbs,
        phrases=frozenset(phrase_key(p) for p in read_lines("quotes/speech_phrases.txt")),
        speech_nouns=noun_forms(read_lines("quotes/speech_nouns.txt")),
        naming=frozenset(read_lines("quotes/naming_verbs.txt")),
        media=frozenset(read_lines("orgs/media_nouns.txt")),
        reports=frozenset(read_lines("quotes/report_nouns.txt")),
        documents=frozenset(fold(w) for w in read_lines("quotes/documents.txt")),
        letters=frozenset(read_lines("quotes/letters.txt")),
        voice=frozenset(read_lines("quotes/voice_nouns.txt")),
        voice_forms=noun_forms(read_lines("quotes/voice_nouns.txt")),
        org_kinds=frozenset(read_lines("orgs/types.txt")) | {row[0] for row in org_kind_rows()},
        kind_prefixes={row[0]: row[1] for row in org_kind_rows() if len(row) > 1},
        determiners=frozenset(read_lines("quotes/speaker_determiners.txt")),
        outlets=frozenset(fold(name) for name in read_lines("orgs/outlets.txt")),
        pronouns={form: (gender, number) for form, gender, number in pronoun_rows()},
        synonyms=synonym_groups(read_lines("quotes/speaker_synonyms.txt")),
        connectors=frozenset(read_lines("quotes/connectors.txt")),
        positions=frozenset(fold(p.split()[0]) for p in read_lines("roles/positions.txt")),
        professions=frozenset(fold(p.split()[0]) for p in read_lines("roles/professions.txt")),
        members=frozenset(read_lines("quotes/member_nouns.txt")),
        advice=frozenset(read_lines("quotes/advice_verbs.txt")),
        speech_lemmas=frozenset(v.lemma for forms in verbs.values() for v in forms),
        governors=frozenset(read_lines("quotes/infinitive_governors.txt")),
    )


#: The apostrophe too: copy set in English style quotes names in single marks, 'ТАСС'.
MARKS = lang_text.QUOTES | {"'"}


@word_cache(0.5)
def fold(text: str) -> str:
    """``lang.text.fold`` with the apostrophe dropped too: how names and words are
    compared here (cached: it is asked of every word, again and again)."""
    return lang_text.fold(text, MARKS)


PLAIN_WORD = re.compile(r"[0-9a-zа-яё.\-'’]+")


@word_cache(0.5)
def lemma(word: str) -> str:
    """The folded lemma of a word: «словам» → «слово», «подсчётам» → «подсчет»."""
    folded = fold(word)
    return fold(morph.lemma(folded)) if PLAIN_WORD.fullmatch(folded) else folded


def parse(word: str) -> tuple:
    """pymorphy3 parses of a lowercased word made of Russian or Latin letters, digits and
    joiners; () for anything else (pymorphy3 raises on some rare Unicode letters)."""
    return morph.parse(word) if PLAIN_WORD.fullmatch(word) else ()


def phrase_key(phrase: str) -> tuple[str, str]:
    """«по словам» → ("по", "слово")."""
    first, second = phrase.split()
    return first, lemma(second)


def org_kind_rows() -> tuple[tuple[str, ...], ...]:
    return read_table("quotes/speaker_org_kinds.tsv")


def pronoun_rows() -> list[tuple[str, str, str]]:
    return [(row[0], row[1], row[2]) for row in read_table("quotes/speaker_pronouns.tsv")]


def synonym_groups(lines: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Each word → every word it shares a group with (itself included)."""
    groups: dict[str, set[str]] = {}
    for line in lines:
        words = {fold(w) for w in line.split()}
        for word in words:
            groups.setdefault(word, set()).update(words)
    return {word: frozenset(group) for word, group in groups.items()}


def verb_forms(lines: tuple[str, ...]) -> dict[str, tuple[VerbForm, ...]]:
    """Every form of every reporting verb, keyed by the folded form."""
    forms: dict[str, list[VerbForm]] = {}
    for line in lines:
        word, *tags = line.split()
        flags = {
            "outlet": "outlet" in tags,
            "object": "object" in tags,
            "source_from": "from" in tags,
            "after": "after" in tags,
        }
        for form, found in lexeme_forms(word, finite="finite" in tags, **flags):
            if found not in forms.setdefault(form, []):
                forms[form].append(found)
    # «передают» is also a perfective future in pymorphy's lexeme of «передавать»: the
    # present reading (an outlet's tense) comes first
    return {
        form: tuple(sorted(found, key=lambda v: v.tense != "pres")) for form, found in forms.items()
    }


def lexeme_forms(word: str, *, finite: bool = False, **flags: bool) -> list[tuple[str, VerbForm]]:
    """The reporting forms of one lemma's lexeme («заявить» → «заявил», «заявив», …);
    first and second persons («напомним», «думаю») are the writer's or the speaker's own
    words, not a report; a ``finite`` lemma has no gerund («опасаясь, что» is a motive)."""
    skipped = {"GRND"} if finite else set()
    parses = [p for p in morph.analyzer().parse(word) if fold(p.normal_form) == fold(word)]
    found = []
    for form in (f for p in parses if p.tag.POS in ("INFN", "ADJF") for f in p.lexeme):
        tag = form.tag
        if tag.POS not in CUE_POS - skipped or {"impr", "1per", "2per"} & tag.grammemes:
            continue
        cue = VerbForm(
            lemma=fold(word),
            pos=str(tag.POS),
            gender=str(tag.gender) if tag.gender else None,
            number=str(tag.number) if tag.number else None,
            tense=str(tag.tense) if tag.tense else None,
            **flags,
        )
        found.append((fold(form.word), cue))
    return found


def noun_forms(lines: tuple[str, ...]) -> frozenset[str]:
    """Every case and number form of the listed nouns: «сообщение» → «сообщении», …"""
    forms = set()
    for word in lines:
        for p in morph.analyzer().parse(word):
            if p.tag.POS == "NOUN" and fold(p.normal_form) == fold(word):
                forms.update(fold(f.word) for f in p.lexeme)
    return frozenset(forms)
