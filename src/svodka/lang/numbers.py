"""Russian number words: every inflected form of every number word, read from
``resources/numbers/``: «двух» → 2, «полутора» → 1.5. Shared by the amounts and dates stages."""

from __future__ import annotations

from decimal import Decimal

from svodka.lang.morph import inflections
from svodka.resources import read_table

#: Forms of «один» that are plural: «одни из них» is "some", not 1.
PLURAL_ONE = frozenset({"одни", "одних", "одними"})


def number_forms() -> dict[str, Decimal]:
    """«двух» → 2, «полутора» → 1.5, «двоих» → 2: every form of every number word."""
    forms: dict[str, Decimal] = {}
    for word, value in read_table("numbers/words.tsv"):
        for form in inflections(word, strict=True):
            if form not in PLURAL_ONE:
                forms.setdefault(form, Decimal(value))
    return forms
