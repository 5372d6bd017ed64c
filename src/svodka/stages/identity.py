"""Identity: a cross-document ``key`` for every entity, and Wikidata ids when a knowledge
base is configured.

Geocoded places already carry their key from the places stage (``geonames:…``,
``iso:…``); every other entity gets one from its canonical name (see :mod:`svodka.knowledge.keys`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from svodka.config import Config
from svodka.doc import Document, Entity
from svodka.knowledge.keys import entity_key

REQUIRES = ("entities", "entities.place")
PROVIDES = ("entities.key",)


@dataclass(frozen=True, slots=True)
class Resources:
    kb: object | None  # svodka.knowledge.kb.KnowledgeBase, imported only when one is configured


def load(config: Config) -> Resources:
    """Open the knowledge base named in the config, if any."""
    if config.kb is None:
        return Resources(kb=None)
    from svodka.knowledge.kb import KnowledgeBase

    return Resources(kb=KnowledgeBase.open(Path(config.kb)))


def apply(doc: Document, res: Resources) -> Document:
    """Set ``key`` (and ``wikidata``) on every entity."""
    return replace(doc, entities=tuple(identify(e, res) for e in doc.entities))


def identify(entity: Entity, res: Resources) -> Entity:
    key = entity.key or entity_key(entity.type, entity.name)
    wikidata = link(entity, res.kb) if res.kb is not None else None
    return replace(entity, key=key, wikidata=wikidata)


def link(entity: Entity, kb) -> str | None:
    """The Wikidata id of the entity's canonical name, else of its mentions' texts."""
    names = dict.fromkeys([entity.name, *(m.text for m in entity.mentions)])
    return kb.lookup_many(list(names), entity.type)
