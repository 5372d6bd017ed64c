"""The event lexicon is written in pymorphy3's lemmas: a word is looked up by its normal
form, so a row keyed by another form («учения», «войска») never fires."""

from svodka.lang import morph
from svodka.resources import read_lines
from svodka.stages.events.lexicon import load_lexicon


def is_lemma(word: str) -> bool:
    """Some reading of ``word`` has ``word`` itself as its normal form."""
    return any(p.normal_form.replace("ё", "е") == word for p in morph.parse(word))


def test_every_trigger_context_and_modality_word_is_a_lemma():
    lexicon = load_lexicon()
    words = set(lexicon.triggers)
    for rows in lexicon.triggers.values():
        for row in rows:
            words |= row.context | row.not_after | row.not_before | row.required
    words |= set(lexicon.modality) | set(lexicon.demonyms)
    assert sorted(w for w in words if " " not in w and not is_lemma(w)) == []


def test_a_participle_group_is_found_by_its_verb():
    """«протестующие» reads as a form of «протестовать»: the group is found by that."""
    assert {"протестовать", "митинговать"} <= load_lexicon().groups


def test_every_group_word_is_a_lemma_or_a_participle():
    listed = [line.split()[0] for line in read_lines("events/actors.txt")]
    assert [w for w in listed if not is_lemma(w) and not is_participle(w)] == []


def is_participle(word: str) -> bool:
    return any(p.tag.POS == "PRTF" for p in morph.parse(word))
