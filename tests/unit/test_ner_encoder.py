"""svodka's forward pass of the NER network against slovnet's own, on the same weights."""

import numpy as np
import pytest

from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def model():
    from svodka.config import Config
    from svodka.stages import ner

    return ner.load(Config())


def batch_of(model, sentences):
    from razdel import tokenize

    encoder = model.model.infer.encoder
    return encoder.input([encoder.item([t.text for t in tokenize(s)]) for s in sentences])


def test_encoder_scores_and_tags_as_slovnet_does(model):
    paragraphs = [p for p in EXAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    inputs = batch_of(model, [*paragraphs[:6], "Путин", "В Москве прошла встреча."])
    assert inputs.pad_mask.any()  # sentences of different lengths: padding is exercised
    args = (inputs.word_id, inputs.shape_id, inputs.pad_mask)
    theirs, ours = model.model.infer.model(*args), model.encoder(*args)
    assert ours.shape == theirs.shape
    real = ~inputs.pad_mask
    assert np.allclose(ours[real], theirs[real], atol=1e-3)
    decode = model.model.infer.model.head.crf.decode
    assert [list(t) for t in decode(ours, real)] == [list(t) for t in decode(theirs, real)]


def test_encoder_keeps_a_one_token_input(model):
    inputs = batch_of(model, ["Токаев"])
    scores = model.encoder(inputs.word_id, inputs.shape_id, inputs.pad_mask)
    assert scores.shape == (1, 1, len(model.model.infer.decoder.tags_vocab.items))


def test_viterbi_finds_the_paths_slovnet_finds(model):
    from svodka.stages.ner.encoder import viterbi

    crf = model.model.infer.model.head.crf
    rng = np.random.default_rng(7)
    tags = crf.transitions.array.shape[0]
    emissions = rng.normal(size=(9, 13, tags)).astype(np.float32)
    lengths = [13, 1, 5, 12, 2, 13, 7, 3, 9]  # one-token and full-width sequences too
    mask = np.array([[t < n for t in range(13)] for n in lengths])
    theirs = [list(map(int, path)) for path in crf.decode(emissions, mask)]
    assert viterbi(crf.transitions.array, emissions, mask) == theirs
    assert [len(path) for path in theirs] == lengths
