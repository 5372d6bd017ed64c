"""Whether an event happened: negation («не договорились») and modality — a plan, a
future tense, a possibility or an appeal («планируют встретиться», «может ввести»)."""

from __future__ import annotations

from svodka.stages.events.phrases import BREAKS
from svodka.stages.events.words import Word

#: How far (words) a trigger's context word, or a modal word before it, may stand.
CONTEXT_REACH = 4


def is_negated(words: list[Word], i: int, left: int) -> bool:
    """«не договорились», «не смогли договориться», «ни о чем не договорились»."""
    for k in range(i - 1, max(left, i - 3) - 1, -1):
        if words[k].lower in ("не", "ни"):
            return True
        if words[k].pos not in ("VERB", "INFN", "ADVB", "PRCL"):
            break
    return False


def read_modality(words: list[Word], i: int, bounds: tuple[int, int], table: dict[str, str]) -> str:
    """ "future" for a future tense or a plan («планируют встретиться»), "hypothetical"
    for a possibility, a condition or an appeal («может ввести», «призвал ввести»); a
    noun takes the tense of the verb after it in its clause («учения пройдут»)."""
    left, right = bounds
    clause_words = words[left:i]
    if any(w.lower in ("бы", "если") for w in clause_words):
        return "hypothetical"
    for w in reversed(words[max(left, i - CONTEXT_REACH) : i]):
        kind = table.get(w.lemma)
        if kind in ("future", "hypothetical"):
            return kind
        if w.lemma in ("быть", "стать") and "futr" in w.grammemes:
            return "future"
    if "futr" in words[i].grammemes:
        return "future"
    if words[i].pos in ("NOUN", "ADJF") and (verb := verb_after(words, i, right, table)):
        kind = table.get(verb.lemma)
        if kind in ("future", "hypothetical"):
            return kind
        return "future" if "futr" in verb.grammemes else "asserted"
    return "asserted"


def verb_after(words: list[Word], i: int, right: int, table: dict[str, str]) -> Word | None:
    """The first finite verb or modal word («должны») after word ``i`` in its clause,
    before any break."""
    for w in words[i + 1 : right]:
        if w.text in BREAKS:
            return None
        if w.pos == "VERB" or w.lemma in table:
            return w
    return None
