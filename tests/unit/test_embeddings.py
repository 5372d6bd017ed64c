"""navec's words in a trie: answers as navec's own list and dict, shared with the NER model."""

import pytest
from natasha.data import NEWS_EMBEDDING
from navec import Navec

from svodka.lang.embeddings import WordIds, WordList, digest, load_navec

WORDS = ["<pad>", "<unk>", "путин", "путина", "сочи", "ёлка", "a", "-", "x" * 300]


def test_word_ids_answer_as_a_dict_and_a_list():
    ids = WordIds(WORDS)
    words = WordList(ids)
    assert [ids[w] for w in WORDS] == list(range(len(WORDS)))
    assert [ids.get(w) for w in WORDS] == list(range(len(WORDS)))
    assert ids.get("путину", -1) == -1 and ids.get("путину") is None
    assert "сочи" in ids and "соч" not in ids and len(ids) == len(WORDS)
    assert list(words) == WORDS and words[-1] == WORDS[-1] and words[2:4] == WORDS[2:4]
    with pytest.raises(KeyError):
        ids["нет"]


def test_word_ids_refuse_a_repeated_word():
    with pytest.raises(ValueError, match="repeats"):
        WordIds(["а", "б", "а"])


def test_digest_tells_order_and_content():
    assert digest(WORDS) == digest(list(WORDS))
    assert digest(WORDS) != digest(WORDS[::-1]) != digest(WORDS[:-1])


def test_load_navec_keeps_navec_rows():
    ours, theirs = load_navec().vocab, Navec.load(NEWS_EMBEDDING).vocab
    assert len(ours.word_ids) == len(theirs.words)
    assert all(ours.word_ids.get(w) == i for i, w in enumerate(theirs.words))
    assert all(ours.words[i] == theirs.words[i] for i in range(0, len(theirs.words), 97))
    assert (ours.unk_id, ours.pad_id) == (theirs.unk_id, theirs.pad_id)
    assert ours.word_ids.digest == digest(theirs.words)


def test_ner_model_reads_the_shared_words():
    from svodka.config import Config
    from svodka.stages.ner import load

    vocab = load(Config()).model.infer.encoder.words_vocab
    assert vocab.item_ids is load_navec().vocab.word_ids
