"""svodka: Russian news into structured, linked, queryable knowledge.

>>> import svodka
>>> doc = svodka.analyze("Президент Казахстана Касым-Жомарт Токаев прилетел в Сочи.")
>>> [(e.type, e.name) for e in doc.entities]
[('LOC', 'Казахстан'), ('PER', 'Касым-Жомарт Токаев'), ('LOC', 'Сочи')]
"""

from svodka.config import Config
from svodka.doc import Amount, DateMention, Document, Entity, Mention, Quote, Record, Role
from svodka.errors import InputError, PipelineError, SchemaError, SvodkaError
from svodka.pipeline import Pipeline, analyze
from svodka.schema import dumps, from_dict, to_dict

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "Config",
    "DateMention",
    "Document",
    "Entity",
    "InputError",
    "Mention",
    "Pipeline",
    "PipelineError",
    "Quote",
    "Record",
    "Role",
    "SchemaError",
    "SvodkaError",
    "analyze",
    "dumps",
    "from_dict",
    "to_dict",
]
