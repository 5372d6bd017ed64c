"""A state body and the place after it are one organisation.

The NER model splits «МВД Индии» into ORG «МВД» and LOC «Индии»; the GUIDE names the
organisation with its country qualifier, so coref reads a state-body head
(``orgs/state_bodies.txt``) followed directly by a place in the genitive as one ORG
mention; the spans stay apart (FactRuEval tags «Индии» as a LOC of its own):
«Минобороны России», «Генпрокуратура Киргизии», «Прокуратура Москвы».

Coref also joins an acronym to the name it spells («КГБ») and one name tagged both ORG
and LOC (:func:`merge_acronyms`, :func:`merge_types`).
"""

from __future__ import annotations

import re
from functools import cache

from svodka.doc import Document, Span
from svodka.lang import morph
from svodka.lang.names import normalize
from svodka.resources import country_names, read_lines, read_table

Groups = dict[tuple[str, str], list[Span]]
#: A lowercase word and one space right before a span: «прокуратура| Москвы»; or two,
#: an adjective and its noun: «законодательного собрания| Санкт-Петербурга».
BODY_BEFORE = re.compile(r"(?<![\w-])([А-ЯЁа-яё][а-яё]+) $")
PHRASE_BEFORE = re.compile(r"(?<![\w-])([А-ЯЁа-яё][а-яё]+ [а-яё]+) $")


@cache
def state_bodies() -> frozenset[str]:
    return frozenset(read_lines("orgs/state_bodies.txt"))


@cache
def countries() -> frozenset[str]:
    """Lowercase names of countries, with the aliases that name one («РФ», «КНР»)."""
    names = country_names()
    found = {n.lower() for pair in names.items() for n in pair}
    for alias, name in read_table("names/canonical.tsv"):
        if alias.lower() in found or name.lower() in found or name == "Россия":
            found |= {alias.lower(), name.lower()}
    return frozenset(found)


@cache
def lowercase_bodies() -> frozenset[str]:
    return frozenset(read_lines("orgs/lowercase_bodies.txt"))


def find_bodies(doc: Document, spans: list[Span]) -> list[Span]:
    """A body (in lowercase, or capitalised) right before a place in the genitive is an
    organisation the NER model does not tag: «прокуратура Москвы», «в мэрии Томска»
    (``orgs/lowercase_bodies.txt``); the body alone becomes an ORG span, which
    :func:`join_countries` joins to the place."""
    taken = [(s.start, s.stop) for s in spans if s.type == "ORG"]
    found = []
    for span in spans:
        if span.type != "LOC" or not is_place_genitive(span.text):
            continue
        body = body_before(doc.text, span.start)
        if body is None or any(a < body.stop and body.start < b for a, b in taken):
            continue
        found.append(body)
    return sorted(spans + found, key=lambda s: s.start)


def body_before(text: str, at: int) -> Span | None:
    """The lowercase body right before offset ``at``: a two-word one first
    («законодательного собрания»), else one word whose lemma is listed («прокуратуры»)."""
    match = PHRASE_BEFORE.search(text, max(0, at - 60), at)
    if match is not None:
        normal = normalize(match.group(1), "ORG")
        if normal.lower() in lowercase_bodies():
            return Span(*match.span(1), "ORG", match.group(1), normal=normal)
    match = BODY_BEFORE.search(text, max(0, at - 40), at)
    if match is None:
        return None
    parse = morph.parse(match.group(1))[0]
    if parse.tag.POS != "NOUN" or parse.normal_form not in lowercase_bodies():
        return None
    return Span(*match.span(1), "ORG", match.group(1), normal=parse.normal_form)


def join_countries(doc: Document, spans: list[Span]) -> list[Span]:
    """«МВД» + «Индии» → «МВД Индии», «Генассамблее» + «ООН» → «Генассамблея ООН»,
    «Экспертное управление» + «президента» + «России»: a place or organisation in the
    genitive after a state body, with at most two lowercase genitive nouns between; the
    joined span's ``normal`` is the body's normal form and the rest as written."""
    result: list[Span] = []
    joined: Span | None = None  # the last joined body: «… Москвы» may go on «и Московской области»
    for span in sorted(spans, key=lambda s: s.start):
        last = result[-1] if result else None
        if joined is not None and is_second_owner(doc, joined, span):
            normal = f"{joined.normal} и {span.text}" if joined.normal else None
            text = doc.text[joined.start : span.stop]
            at = result.index(joined)
            result[at] = joined = Span(joined.start, span.stop, "ORG", text, normal=normal)
        elif (
            last is not None
            and last.type == "ORG"
            and span.start > last.stop
            and is_genitive_gap(doc.text[last.stop : span.start])
            and is_state_body(last.text)
            and is_genitive_owner(span)
        ):
            text = doc.text[last.start : span.stop]
            gap = " ".join(doc.text[last.stop : span.start].split())
            normal = " ".join(filter(None, (last.normal, gap, span.text))) if last.normal else None
            result[-1] = joined = Span(last.start, span.stop, "ORG", text, normal=normal)
        result.append(span)
    return result


def is_second_owner(doc: Document, joined: Span, span: Span) -> bool:
    """«Гидрометеобюро Москвы и Московской области»: a second place in the genitive right
    after a joined body's place, linked by «и»."""
    return (
        span.type == "LOC"
        and doc.text[joined.stop : span.start] == " и "
        and is_place_genitive(span.text)
    )


@cache
def is_state_body(text: str) -> bool:
    """«МВД», «Генеральной прокуратуре», «Министерство обороны»: a state body's name
    without a country yet (one that names a place already keeps it)."""
    words = text.split()
    if not words or len(words) > 4:
        return False
    if words[0].lower() in state_bodies():
        return True
    for word in words:
        if word.isalpha():
            parse = morph.parse(word.lower())[0]
            if parse.tag.POS == "NOUN":
                return parse.normal_form in state_bodies()
    return False


def is_genitive_gap(gap: str) -> bool:
    """Only spaces, or up to two lowercase nouns in the genitive: «президента»."""
    words = gap.split()
    if len(words) > 2 or not gap[:1].isspace() or not gap[-1:].isspace():
        return False
    return all(word.isalpha() and word.islower() and is_genitive_noun(word) for word in words)


@cache
def is_genitive_noun(word: str) -> bool:
    parse = morph.parse(word)[0]
    return parse.tag.POS == "NOUN" and morph.case_of(parse.tag) == "gent"


def is_genitive_owner(span: Span) -> bool:
    """A place in the genitive («Москвы», «РФ») or an organisation's abbreviation or
    genitive name («ООН», «Минобороны», «Следственного комитета»)."""
    if span.type == "LOC":
        return is_place_genitive(span.text)
    if span.type != "ORG" or not span.text.replace("-", "").isalpha():
        return False
    return span.text.isupper() or is_place_genitive(span.text.title())


@cache
def is_place_genitive(text: str) -> bool:
    """«Индии», «РФ», «США», «Москвы», «Костромской области»: a place in the genitive,
    or a country's indeclinable abbreviation."""
    if text.isupper():
        return normalize(text, "LOC").lower() in countries()
    last = text.split()[-1].lower()
    return any(morph.case_of(p.tag) == "gent" for p in morph.parse(last))


def merge_acronyms(groups: Groups) -> Groups:
    """Join an organisation's acronym to the one name of the document it spells:
    «КГБ» → «Комитет государственной безопасности», «УГМК» → «Уральская
    горно-металлургическая компания» (each part of a hyphenated word gives a letter)."""
    spelled: dict[str, list[tuple[str, str]]] = {}
    for key, spans in groups.items():
        if key[0] == "ORG" and len(key[1].split()) > 1:
            for spelling in {initials(spans[0].normal), initials(spans[0].normal, True)}:
                spelled.setdefault(spelling, []).append(key)
    merged = dict(groups)
    for key, spans in groups.items():
        text = spans[0].text
        if key[0] != "ORG" or not (text.isupper() and text.isalpha() and len(text) > 1):
            continue
        found = spelled.get(text.lower(), [])
        if len(found) == 1 and found[0] in merged:
            merged[found[0]] = sorted(merged.pop(key) + merged[found[0]], key=lambda s: s.start)
    return merged


def merge_types(groups: Groups) -> Groups:
    """One name tagged ORG in one place and LOC in another («Елисейский дворец», «Белый
    дом») is one referent: the smaller group joins the larger, whose type wins."""
    merged = dict(groups)
    for key in sorted(groups, key=lambda k: len(groups[k])):
        if key[0] == "PER" or key not in merged:
            continue
        other = ("LOC" if key[0] == "ORG" else "ORG", key[1])
        if other in merged and len(merged[other]) >= len(merged[key]):
            merged[other] = sorted(merged.pop(key) + merged[other], key=lambda s: s.start)
    return merged


def initials(name: str, skip_small: bool = False) -> str:
    """«Уральская горно-металлургическая компания» → «угмк»; with ``skip_small`` the
    conjunctions and prepositions give no letter: «Европейский банк реконструкции и
    развития» → «ебрр», «Министерство по чрезвычайным ситуациям» → «мчс»."""
    parts = [p for p in name.lower().replace("-", " ").split() if p.isalpha()]
    if skip_small:
        parts = [p for p in parts if p not in small_words()]
    return "".join(part[:1] for part in parts)


@cache
def small_words() -> frozenset[str]:
    """Conjunctions and prepositions an acronym leaves out (``orgs/acronym_skips.txt``)."""
    return frozenset(read_lines("orgs/acronym_skips.txt"))
