"""Per-word caches, bounded, all sized by one knob: ``Config.cache_words``.

The stages look words up again and again (a parse, a lemma, a token's features), so each
such lookup is an LRU cache. Over a long run they fill and hold most of a process's
memory growth (a word's pymorphy3 parses alone take ~1 KB), so every one is bounded and
sized together: ``resize(words)`` gives each ``words × share`` entries, its share by
what a miss costs and what an entry holds. A pymorphy3 parse (~16 µs, ~2.4 KB): 0.75. A
helper a stage asks of every token (a lemma, a folded word: a short string): 0.5, since at
a tenth those missed more often than they hit and each miss walked the caches below
them. Other helpers over cached parses: 0.1. The caches are process-wide; building a
:class:`~svodka.pipeline.Pipeline` sizes them from its config.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, update_wrapper
from typing import Any, Protocol, cast

#: Entries per cache (× its share) until a pipeline says otherwise: ``Config.cache_words``.
WORDS = 50_000


class WordCache(Protocol):
    """A function of words behind an LRU cache of ``WORDS × share`` entries, resizable."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any: ...
    def resize(self, words: int) -> None: ...
    def cache_info(self) -> Any: ...
    def cache_clear(self) -> None: ...


CACHES: list[WordCache] = []


def word_cache(share: float = 1.0) -> Callable[[Callable[..., Any]], WordCache]:
    """Decorate a function of words with a bounded cache of ``Config.cache_words × share``
    entries. A plain function forwards to the current ``lru_cache`` (≈25 ns a call; a class's
    ``__call__`` costs ≈100)."""

    def wrap(func: Callable[..., Any]) -> WordCache:
        current = [lru_cache(maxsize=size(share, WORDS))(func)]

        def cached(*args: Any, **kwargs: Any) -> Any:
            return current[0](*args, **kwargs)

        def resize(words: int) -> None:
            current[0] = lru_cache(maxsize=size(share, words))(func)

        cached.resize = resize  # type: ignore[attr-defined]
        cached.cache_info = lambda: current[0].cache_info()  # type: ignore[attr-defined]
        cached.cache_clear = lambda: current[0].cache_clear()  # type: ignore[attr-defined]
        cache = cast(WordCache, update_wrapper(cached, func))
        CACHES.append(cache)
        return cache

    return wrap


def size(share: float, words: int) -> int:
    """Entries of a cache with this share of ``words``."""
    return max(1, int(words * share))


def resize(words: int) -> None:
    """Size every word cache for ``words`` entries (× its share); a no-op when unchanged."""
    global WORDS
    if words == WORDS:
        return
    WORDS = words
    for cache in CACHES:
        cache.resize(words)
