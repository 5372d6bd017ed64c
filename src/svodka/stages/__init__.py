"""Analysis stages, one module or package each, and the table that runs them in order.

Every stage module has the same shape::

    REQUIRES = ("tokens",)           # layers it reads
    PROVIDES = ("spans",)            # layers it adds
    def load(config) -> resources    # once per process
    def apply(doc, resources) -> doc # pure: returns a new Document

and may add ``apply_many(docs, resources) -> list[doc]`` when batching across
documents makes it faster, and ``RELEASES_GIL = True`` when its heavy work runs outside
the GIL (the NER network): the pipeline then runs the stages up to it on the next batch
in a thread. The pipeline checks REQUIRES/PROVIDES when it is built.

A layer is a field of ``Document`` («entities») or a field of its items («entities.roles»).
A stage with parts is a package (``ner/``, ``quotes/``, ``dates/``, ``amounts/``): its
``__init__`` is the stage, its other modules are parts that only it imports.
"""

from svodka.stages import (
    amounts,
    coref,
    dates,
    events,
    identity,
    names,
    ner,
    places,
    quotes,
    roles,
    segment,
    tone,
)

#: The run order. dates runs before amounts, which skips the years and dates it found;
#: places sets the keys of the places it finds, identity the rest; events reads
#: every layer before it; tone reads the entities and quotes.
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
    events,
    tone,
)

__all__ = ["STAGES"]
