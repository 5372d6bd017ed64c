"""Errors svodka raises.

::

    SvodkaError                 the root: catch this to catch everything svodka raises
    ├── InputError              a record could not be read: bad encoding, binary, broken JSON
    ├── SchemaError             a JSON document does not match the output contract
    └── PipelineError           stages do not fit together (a REQUIRES nobody PROVIDES)

Messages name the input, the value and what was expected. Finding nothing is an empty
result, never an error.
"""


class SvodkaError(Exception):
    """Root of every error svodka raises."""


class InputError(SvodkaError):
    """An input could not be turned into a record."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class SchemaError(SvodkaError):
    """A JSON document does not match the output contract."""


class PipelineError(SvodkaError):
    """The stage table is inconsistent."""
