"""Analysis stages, one module each, and the table that runs them in order.

Every stage module has the same shape::

    REQUIRES = ("tokens",)           # layers it reads
    PROVIDES = ("spans",)            # layers it adds
    def load(config) -> resources    # once per process
    def apply(doc, resources) -> doc # pure: returns a new Document

and may add ``apply_many(docs, resources) -> list[doc]`` when batching across
documents makes it faster. The pipeline checks REQUIRES/PROVIDES when it is built.

A module named ``<stage>_<part>.py`` (``ner_rules``, ``names_person``) is a part of that
stage, split out for size; it is not a stage and is not in the table.
"""

from svodka.stages import (
    amounts,
    coref,
    dates,
    identity,
    names,
    ner,
    places,
    quotes,
    roles,
    segment,
)

#: The run order. dates runs before amounts, which skips the years and dates it found;
#: places sets the keys of the places it finds, identity the rest.
STAGES = (
    segment,
    ner,
    names,
    coref,
    places,
    identity,
    roles,
    quotes,
    dates,
    amounts,
)

__all__ = ["STAGES"]
