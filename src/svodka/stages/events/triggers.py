"""Which words of a sentence are event triggers: a lexicon word next to its context
words, not a label («задержанный признался»), not the content of an earlier demand or
threat («потребовали вывести войска»), not a repeat of the trigger before it, and not a
noun naming a kind of thing («флагман сотрудничества»)."""

from __future__ import annotations

from svodka.stages.events.lexicon import Trigger
from svodka.stages.events.modality import CONTEXT_REACH
from svodka.stages.events.phrases import BREAKS, Candidate
from svodka.stages.events.words import Word

#: Types whose object is what they demand, threaten, allege, agree or refuse.
CONTENT_TAKERS = frozenset({"REQUEST", "THREATEN", "ACCUSE", "AGREE", "REJECT", "CONSULT"})
CONTENT_REACH = 6
#: What a content may be: «вывести», «вывод», «освободить [задержанных]».
CONTENT_WORDS = frozenset({"INFN", "NOUN", "PRTF"})
#: Words after a list's comma before its next item: «, а также провести».
LIST_JOINERS = frozenset({"а", "также", "и"})
#: How far (words) a verb's context word may stand after it within one phrase.
OBJECT_REACH = 8


def is_noun_modifier(words: list[Word], i: int, trigger: Trigger) -> bool:
    """A noun trigger in the genitive right after another noun names a kind of thing,
    not an event, when it has no actors: «флагман сотрудничества», «в рамках
    сотрудничества», «управление международного военного сотрудничества»; not after a
    word of its context («акция протеста», «в ходе телефонного разговора»)."""
    k = i
    while k > 0 and words[k - 1].pos in ("ADJF", "PRTF") and "gent" in words[k - 1].cases:
        k -= 1  # «управления международного военного сотрудничества»
    before = words[k - 1] if k > 0 else None
    return (
        words[i].pos == "NOUN"
        and before is not None
        and before.pos == "NOUN"
        and not any(w.lemma in trigger.context for w in words[k - 1 : i])
        and "gent" in words[i].grammemes  # its likeliest reading: «сотрудничества»
    )


def is_label(words: list[Word], i: int, after_actor: bool = False) -> bool:
    """A participle that names someone rather than reports an event: «задержанный
    признался», «обвиняемому грозит», any present passive one («обвиняемый в шпионаже
    Иванов») (not «арестованного в США разведчика»), and a present active one that
    describes rather than reports («угрожающие сообщения», «сайты, призывающие к …»),
    unless it follows its actor («Минобороны, призывающее соотечественников …»)."""
    if words[i].pos != "PRTF":
        return False
    if {"pres", "pssv"} <= words[i].grammemes:
        return True  # «обвиняемый», «подозреваемый»: a standing status, not an act
    if "pres" in words[i].grammemes and not after_actor:
        return True  # «угрожающими письмами»: a property, not an act
    after = words[i + 1] if i + 1 < len(words) else None
    before = words[i - 1] if i > 0 else None
    return (after is None or after.pos in ("VERB", None)) and (
        before is None or before.pos != "NOUN"
    )


def governs(words: list[Word], c: Candidate, i: int) -> bool:
    """Word ``i`` is the content of an earlier demand, threat, accusation, agreement,
    refusal or talk, not an event of its own: «потребовали вывести войска», «обвинили в
    убийстве», «договорились о поставках помощи», «отказался встретиться», «обсуждают
    сотрудничество»; so is every act of a list of demanded ones: «требуют созвать
    комиссию, освободить всех задержанных, перестать классифицировать протесты как
    беспорядки»."""
    if c.trigger.type not in CONTENT_TAKERS or i <= c.at or words[i].pos not in CONTENT_WORDS:
        return False
    head, k = c.at, c.at + 1
    while k < i:
        if words[k].pos == "VERB":
            return False
        if words[k].text in BREAKS:
            k = next_item(words, k)
            if k > i or words[k].pos != "INFN":
                return False
            head = k
        elif words[k].pos == "INFN":
            head = k  # «потребовали предотвратить коллапс и предпринять меры для…»
        k += 1
    return i - head <= CONTENT_REACH


def next_item(words: list[Word], k: int) -> int:
    """The first word of the next item of a list, after the comma at ``k`` and «а также»,
    «и»."""
    k += 1
    while k < len(words) - 1 and words[k].lower in LIST_JOINERS:
        k += 1
    return min(k, len(words) - 1)


def repeats(c: Candidate, trigger: Trigger, i: int) -> bool:
    """A second trigger of one type right after the first is the same event:
    «санкционировал задержание», «объявлена повышенная боевая готовность»."""
    return c.trigger.type == trigger.type and 0 < i - c.at <= 3


def fits_context(words: list[Word], i: int, trigger: Trigger) -> bool:
    """A trigger with context words counts only next to one of them («вывести войска»),
    and never after or before the words that undo it («с помощью», «отказался
    комментировать»)."""
    if i > 0 and words[i - 1].lemma in trigger.not_after:
        return False
    if i + 1 < len(words) and words[i + 1].lemma in trigger.not_before:
        return False
    near = words[max(0, i - CONTEXT_REACH) : i + CONTEXT_REACH + 1]
    if not trigger.required <= {w.lemma for w in near}:
        return False  # «[боевая] готовность»
    if not trigger.context:
        return True
    if any(w.lemma in trigger.context for w in near):
        return True
    # an object further on in the same phrase: «подписали сегодня с руководителями
    # служб безопасности соглашение»
    for w in words[i + CONTEXT_REACH + 1 : i + OBJECT_REACH + 1]:
        if w.text in BREAKS:
            return False
        if w.lemma in trigger.context:
            return words[i].pos in ("VERB", "INFN")
    return False
