"""Names: the nominative normal form of every mention (:mod:`svodka.lang.names`).

«президента Казахстана Касым-Жомарта Токаева» has the mentions «Казахстана» and
«Касым-Жомарта Токаева»; their normal forms are «Казахстан» and «Касым-Жомарт Токаев».
"""

from __future__ import annotations

from dataclasses import replace

from svodka.config import Config
from svodka.doc import Document
from svodka.lang import morph
from svodka.lang.names import normalize_mentions

REQUIRES = ("spans",)
PROVIDES = ("spans.normal",)


def load(config: Config) -> None:
    """Warm the morphology dictionaries."""
    morph.analyzer()


def apply(doc: Document, resources: None = None) -> Document:
    """Set ``normal`` on every span, the document's other forms of a surname considered."""
    where = [(s.start, s.stop, s.type) for s in doc.spans]
    normals = normalize_mentions(doc.text, where)
    spans = tuple(replace(s, normal=n) for s, n in zip(doc.spans, normals, strict=True))
    return replace(doc, spans=spans)
