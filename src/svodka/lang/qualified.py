"""A state body and the country after it are one organisation.

The NER model splits «МВД Индии» into ORG «МВД» and LOC «Индии»; the GUIDE names the
organisation with its country qualifier, so coref reads a state-body head
(``orgs/state_bodies.txt``) followed directly by a country in the genitive as one ORG
mention; the spans stay apart (FactRuEval tags «Индии» as a LOC of its own):
«Минобороны России», «Генпрокуратура Киргизии», «Министерство обороны Украины».
"""

from __future__ import annotations

from functools import cache

from svodka.doc import Document, Span
from svodka.lang import morph
from svodka.lang.names import normalize
from svodka.resources import country_names, read_lines, read_table


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


def join_countries(doc: Document, spans: list[Span]) -> list[Span]:
    """«МВД» + «Индии» → «МВД Индии» where only spaces stand between them; the joined
    span's ``normal`` is the body's normal form and the country as written."""
    result: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = result[-1] if result else None
        if (
            last is not None
            and last.type == "ORG"
            and span.type == "LOC"
            and span.start > last.stop
            and not doc.text[last.stop : span.start].strip()
            and is_state_body(last.text)
            and is_country_genitive(span.text)
        ):
            text = doc.text[last.start : span.stop]
            normal = f"{last.normal} {span.text}" if last.normal else None
            result[-1] = Span(last.start, span.stop, "ORG", text, normal=normal)
        result.append(span)
    return result


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


@cache
def is_country_genitive(text: str) -> bool:
    """«Индии», «России», «РФ», «США»: a country, in the genitive or indeclinable."""
    if normalize(text, "LOC").lower() not in countries():
        return False
    if text.isupper():
        return True
    return any(morph.case_of(p.tag) == "gent" for p in morph.parse(text.split()[-1].lower()))
