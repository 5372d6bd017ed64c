"""Part of the coref stage: mention spans fixed before they are grouped. They are split
at blank lines, between two surnames and beside an acronym; legal forms, company organs
and events are dropped; a state body takes the article's country («МВД страны» →
«МВД Индии»)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from svodka.doc import Document, Span
from svodka.lang import morph
from svodka.lang.inflect import genitive
from svodka.lang.names import normalize, strip_legal_suffix
from svodka.lang.qualified import (
    is_place_genitive,
    is_state_body,
)
from svodka.lang.text import QUOTES
from svodka.stages.coref.keys import group_key
from svodka.stages.coref.merge import is_full_name, is_initial, same_word
from svodka.stages.coref.tables import Resources

APPOSED = re.compile(r"^(.+?)\s+[-—–]\s+([A-ZА-ЯЁ]{2,})$")


def split_apposed_acronyms(doc: Document, spans: list[Span]) -> tuple[list[Span], list]:
    """An organisation and its acronym set side by side are one referent:
    «Российская академия театрального искусства - ГИТИС» (one span, split in two) and
    «Европейский банк реконструкции и развития (ЕБРР)» (two spans). Returns the spans
    and the pairs of mention starts to join."""
    result: list[Span] = []
    links: list[tuple[int, int]] = []
    for span in spans:
        found = APPOSED.match(span.text) if span.type == "ORG" and span.normal else None
        if found is None:
            last = result[-1] if result else None
            if last is not None and is_bracketed_acronym(doc, last, span):
                links.append((last.start, span.start))
            result.append(span)
            continue
        name, acronym = found.group(1), found.group(2)
        second = span.start + found.start(2)
        result.append(
            replace(span, stop=span.start + len(name), text=name, normal=normalize(name, "ORG"))
        )
        result.append(replace(span, start=second, text=acronym, normal=acronym))
        links.append((span.start, second))
    return result, links


def is_bracketed_acronym(doc: Document, name: Span, span: Span) -> bool:
    """«Европейский банк реконструкции и развития (ЕБРР)»: an acronym in brackets right
    after an organisation's name of several words."""
    return (
        name.type == span.type == "ORG"
        and len(name.text.split()) > 1
        and span.text.isupper()
        and span.text.isalpha()
        and doc.text[name.stop : span.start].strip() == "("
        and doc.text[span.stop : span.stop + 1] == ")"
    )


def join_trailing_initials(doc: Document, spans: list[Span]) -> list[Span]:
    """«Путин В.В.» tagged «Путин» and «В.В.»: initials right after a surname are part of
    that person's mention."""
    result: list[Span] = []
    for span in spans:
        last = result[-1] if result else None
        if (
            last is not None
            and span.type == last.type == "PER"
            and last.normal
            and all(is_initial(w) for w in span.text.split())
            and not doc.text[last.stop : span.start].strip()
        ):
            normal = f"{last.normal} {span.text}"
            text = doc.text[last.start : span.stop]
            result[-1] = Span(last.start, span.stop, "PER", text, normal=normal)
            continue
        result.append(span)
    return result


def split_two_surnames(spans: list[Span], res: Resources) -> list[Span]:
    """«заявил Уго Чавес Бараку Обаме» tagged «Чавес Обаме»: a two-word person mention
    whose words are the surnames of two different people named in full elsewhere in the
    text is two mentions; so is a hyphenated place before one such surname
    («Порт-оф-Спейн Обама»)."""
    full = {
        group_key(s, res)
        for s in spans
        if s.type == "PER" and s.normal and is_full_name(s.normal.lower())
    }
    result = []
    for span in spans:
        words = span.text.split()
        if span.type != "PER" or len(words) != 2 or not span.normal:
            result.append(span)
            continue
        key = group_key(span, res)
        owners = [
            [k for k in full if k != key and same_word(w.lower(), k.split()[-1], res.endings)]
            for w in words
        ]
        place = not owners[0] and "-" in words[0] and bool(res.places.find(words[0]))
        if not owners[1] or not (owners[0] or place) or set(owners[0]) & set(owners[1]):
            result.append(span)
            continue
        second = span.text.index(words[1], len(words[0]))
        for at, word in ((0, words[0]), (second, words[1])):
            start = span.start + at
            kind = "LOC" if place and at == 0 else "PER"
            result.append(
                replace(
                    span, start=start, stop=start + len(word), text=word, normal=word, type=kind
                )
            )
    return result


def name_own_country(doc: Document, spans: list[Span], res: Resources) -> list[Span]:
    """«сообщили в МВД страны» in an article about India: the state body's normal form
    takes the country the article names most, in the genitive («МВД Индии»)."""
    country = article_country(spans, res)
    if country is None:
        return spans
    result = []
    for span in spans:
        after = doc.text[span.stop : span.stop + 20].split()
        if (
            span.type == "ORG"
            and span.normal
            and after
            and after[0].strip(".,;:)»") in res.country_words
            and doc.text[span.stop : span.stop + 1].isspace()
            and is_state_body(span.text)
        ):
            span = replace(span, normal=f"{span.normal} {country}")
        result.append(span)
    return result


def article_country(spans: list[Span], res: Resources) -> str | None:
    """The country the article's places name most, as the text writes it in the
    genitive («Индии»); None when no country is named in the genitive."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for span in spans:
        if span.type != "LOC" or not span.normal:
            continue
        key = group_key(span, res)
        if key in res.countries:
            counts[key] += 1
            if is_place_genitive(span.text) and span.text != span.normal:
                forms.setdefault(key, Counter())[span.text] += 1
    if not counts:
        return None
    top = counts.most_common(1)[0][0]
    return forms[top].most_common(1)[0][0] if top in forms else None


def qualify_by_adjective(span: Span, res: Resources) -> Span:
    """«бразильском МИД» is «МИД Бразилии»: a state body written as an abbreviation after
    a country's adjective is named with the country in the genitive."""
    words = (span.normal or "").split()
    if span.type != "ORG" or len(words) != 2 or not words[1].isupper():
        return span
    if not words[0].islower() or not is_state_body(words[1]):
        return span
    country = adjective_country(words[0], res)
    if country is None:
        return span
    at = span.text.rfind(words[1])
    if at <= 0:
        return replace(span, normal=f"{words[1]} {country}")
    start = span.start + at  # the mention is the body's name: «МИД»
    return replace(span, start=start, text=span.text[at:], normal=f"{words[1]} {country}")


def adjective_country(adjective: str, res: Resources) -> str | None:
    """«бразильский» → «Бразилии»: the country of a country adjective
    (``roles/country_adjectives.tsv``, the table the roles stage reads), in the genitive."""
    country = res.adjectives.get(morph.lemma(adjective))
    return genitive(country) if country else None


def split_paragraphs(spans) -> list[Span]:
    """A mention never runs across a line break: «РАО "ЕЭС России"⏎⏎Европейский банк …»
    is two mentions, each normalized on its own."""
    result = []
    for span in spans:
        if "\n" not in span.text.strip():
            result.append(span)
            continue
        at = span.start
        for part in span.text.split("\n"):
            if part.strip() and not is_lone_adjective(part):
                start = at + len(part) - len(part.lstrip())
                text = part.strip()
                normal = normalize(text, span.type) if span.normal else None
                result.append(
                    replace(span, start=start, stop=start + len(text), text=text, normal=normal)
                )
            at += len(part) + 1
    return result


def is_lone_adjective(text: str) -> bool:
    """«Марафонские» left of a span split at a line break names nothing on its own."""
    words = text.split()
    return (
        len(words) == 1
        and words[0].isalpha()
        and morph.parse(words[0].lower())[0].tag.POS == "ADJF"
    )


def drop_legal_suffix(span: Span) -> Span:
    """«Media Most Capital Ltd» is named and keyed «Media Most Capital»."""
    if span.type != "ORG" or not span.normal:
        return span
    return replace(span, normal=strip_legal_suffix(span.normal))


def is_event(span: Span, res: Resources) -> bool:
    """«ATP Masters Cup», «Кубок Дэвиса», «Золотой группы»: an ORG mention whose head
    names an event or a tournament group (``orgs/event_heads.txt``)."""
    words = [w.strip('«»"') for w in span.text.split()]
    if span.type != "ORG" or not words:
        return False
    if words[-1].isascii() and words[-1].lower() in res.event_heads:
        return True
    for at, word in enumerate(words):
        if not word.isalpha() or word.isascii():
            continue
        parse = morph.parse(word.lower())[0]
        if parse.tag.POS == "NOUN":
            lemma = parse.normal_form
            if lemma == "группа":
                return at == 1 and len(words) == 2
            return at == 0 and lemma in res.event_heads
    return False


def is_generic_body(span: Span, res: Resources) -> bool:
    """«собрание акционеров», «совет директоров», «Акционерные общества»: an ORG mention
    written in lowercase (or capitalized with a plural head) whose head noun names a
    company's organ or kind is no named organisation (``orgs/generic_bodies.txt``);
    «администрация президента» and «Совет директоров НТВ» stay."""
    if span.type != "ORG" or not span.text[1:].islower():
        return False
    for word in span.text.split():
        if word.isalpha():
            parse = morph.parse(word.lower())[0]
            if parse.tag.POS == "NOUN":
                plural = parse.tag.number == "plur"
                return parse.normal_form in res.generic_bodies and (plural or span.text.islower())
    return False


def close_inner_quote(doc: Document, span: Span) -> Span:
    """«РИА "Новости» → «РИА "Новости"»: a quote opened inside a name closes in it."""
    text, after = span.text, doc.text[span.stop : span.stop + 1]
    opened = text.count("«") > text.count("»") or (text.count('"') % 2 and '"' in text[1:])
    if opened and after in ('"', "»", "“", "”") and text[:1] not in QUOTES:
        return replace(span, stop=span.stop + 1, text=text + after)
    return span
