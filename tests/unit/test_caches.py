"""Word caches and the collector: bounded, sized by the config, same answers at any size."""

from __future__ import annotations

import gc

import pytest

from svodka.config import Config
from svodka.lang import caches, morph
from svodka.pipeline import Pipeline
from svodka.settings import load_settings
from svodka.stages import segment


@pytest.fixture
def restore_size():
    words = caches.WORDS
    yield
    caches.resize(words)


def test_a_word_cache_holds_at_most_its_share_of_the_words(restore_size, monkeypatch):
    monkeypatch.setattr(caches, "CACHES", list(caches.CACHES))  # `double` leaves with the test
    calls = []

    @caches.word_cache(0.5)
    def double(word: str) -> str:
        calls.append(word)
        return word * 2

    caches.resize(10)
    assert [double(str(n)) for n in range(20)] == [str(n) * 2 for n in range(20)]
    info = double.cache_info()
    assert (info.maxsize, info.currsize) == (5, 5)
    double("19")
    assert calls.count("19") == 1  # the latest words stay
    double("0")
    assert calls.count("0") == 2  # the oldest were let go


def test_resizing_keeps_the_answers_and_bounds_every_cache(restore_size):
    words = ["президента", "Казахстана", "переговоры", "прошли"]
    before = [morph.lemma(w) for w in words]
    caches.resize(3)
    assert [morph.lemma(w) for w in words] == before
    assert all(cache.cache_info().maxsize <= 3 for cache in caches.CACHES)
    assert morph.lemma.cache_info().currsize <= 3


def test_the_size_comes_from_the_environment_into_the_config(monkeypatch):
    monkeypatch.setenv("SVODKA_CACHE_WORDS", "1234")
    assert load_settings().config().cache_words == 1234


def test_a_pipeline_sizes_the_caches_from_its_config(restore_size):
    Pipeline(Config(cache_words=800), stages=[segment])
    assert morph.parse.cache_info().maxsize == 600  # its share: three quarters


def test_a_pipeline_sets_the_collector_thresholds_or_leaves_them(restore_size):
    before = gc.get_threshold()
    try:
        Pipeline(Config(gc_thresholds=(12_345, 6, 7)), stages=[segment])
        assert gc.get_threshold() == (12_345, 6, 7)
        Pipeline(Config(gc_thresholds=None), stages=[segment])
        assert gc.get_threshold() == (12_345, 6, 7)
    finally:
        gc.set_threshold(*before)


@pytest.mark.parametrize("trim", [True, False])
def test_a_pipeline_gives_freed_memory_back_once_a_batch_when_asked(monkeypatch, trim):
    calls = []
    monkeypatch.setattr("svodka.pipeline.release_free_memory", lambda: calls.append(1))
    pipeline = Pipeline(Config(docs_per_batch=4, trim_memory=trim), stages=[segment])
    docs = list(pipeline.pipe([f"Текст номер {n}." for n in range(10)]))
    assert [doc.text for doc in docs] == [f"Текст номер {n}." for n in range(10)]
    assert len(calls) == (3 if trim else 0)
