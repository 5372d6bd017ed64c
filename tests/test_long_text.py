"""A 10 MB article goes through the whole pipeline (about 1.5 min, ~1 GB peak)."""

import pytest

from tests.conftest import EXAMPLE

TEN_MB = 10_000_000


@pytest.mark.slow
def test_ten_megabyte_document_finishes(pipeline):
    body = EXAMPLE.read_text(encoding="utf-8").split("\n", 1)[1] + "\n"
    copies = TEN_MB // len(body.encode("utf-8")) + 1
    doc = pipeline.analyze(body * copies)
    assert len(doc.text.encode("utf-8")) >= TEN_MB
    tokayev = next(e for e in doc.entities if e.name == "Касым-Жомарт Токаев")
    assert len(tokayev.mentions) == 3 * copies
    last = tokayev.mentions[-1]
    assert doc.text[last.start : last.stop] == last.text
