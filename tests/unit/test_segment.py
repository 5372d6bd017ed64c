"""The segment stage's tokens are razdel's, offset for offset."""

import pytest
from razdel import tokenize as razdel_tokenize

from svodka.stages.segment import tokenize

TEXTS = [
    "",
    "   ",
    "Кто-то сказал: «Цена выросла на 1,5% — до 3.14 рубля», т.е. почти вдвое.",
    "а -то, 1/2 и 3\\4; x_y и а_б; :-) ... ?! -- ** *** Yahoo! yahoo !",
    "Δσ mβж ΔP 5G COVID19 Ту-154 №5 §3 @user #тег http://example.com/a-b?c=1",
    "Hева и Забайкальcкий край\n\n— Да, — ответил он.\u00a0Нет.",
    "—«Привет»—сказал он…",
]


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_are_razdels(text):
    assert tokenize(text) == [(t.start, t.stop) for t in razdel_tokenize(text)]


def words(text):
    return [text[start:stop] for start, stop in tokenize(text)]


def test_touching_atoms_join_as_razdel_joins_them():
    assert words("Кто-то на 1,5% больше") == ["Кто-то", "на", "1,5", "%", "больше"]
    assert words("т.е. «да»") == ["т", ".", "е", ".", "«", "да", "»"]
