"""svodka: Russian news into structured, linked, queryable knowledge.

>>> import svodka
>>> doc = svodka.analyze("Президент Казахстана Касым-Жомарт Токаев прилетел в Сочи.")
>>> [(e.type, e.name) for e in doc.entities]
[('LOC', 'Казахстан'), ('PER', 'Касым-Жомарт Токаев'), ('LOC', 'Сочи')]
"""

import typing
from importlib import import_module as _import_module

from svodka.version import __version__ as __version__

if typing.TYPE_CHECKING:
    from svodka.config import Config
    from svodka.doc import (
        Amount,
        DateMention,
        Document,
        Entity,
        Event,
        Mention,
        Quote,
        Record,
        Rejection,
        Role,
    )
    from svodka.errors import InputError, PipelineError, SchemaError, SvodkaError
    from svodka.pipeline import Pipeline, analyze
    from svodka.schema import dumps, from_dict, to_dict

#: Where each public name lives; imported on first use (PEP 562), so that ``import svodka``
#: and everything that only needs the model stay free of the analysis stack.
_HOMES = {
    "Config": "svodka.config",
    "Amount": "svodka.doc",
    "DateMention": "svodka.doc",
    "Document": "svodka.doc",
    "Entity": "svodka.doc",
    "Event": "svodka.doc",
    "Mention": "svodka.doc",
    "Quote": "svodka.doc",
    "Record": "svodka.doc",
    "Rejection": "svodka.doc",
    "Role": "svodka.doc",
    "InputError": "svodka.errors",
    "PipelineError": "svodka.errors",
    "SchemaError": "svodka.errors",
    "SvodkaError": "svodka.errors",
    "Pipeline": "svodka.pipeline",
    "analyze": "svodka.pipeline",
    "dumps": "svodka.schema",
    "from_dict": "svodka.schema",
    "to_dict": "svodka.schema",
}

__all__ = [
    "Amount",
    "Config",
    "DateMention",
    "Document",
    "Entity",
    "Event",
    "InputError",
    "Mention",
    "Pipeline",
    "PipelineError",
    "Quote",
    "Record",
    "Rejection",
    "Role",
    "SchemaError",
    "SvodkaError",
    "analyze",
    "dumps",
    "from_dict",
    "to_dict",
]


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'svodka' has no attribute {name!r}")
    value = getattr(_import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return [*globals(), *__all__]
