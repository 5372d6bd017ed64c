"""Quality scorers: svodka (and natasha, the anchor) against annotated data, and the gate.
Speed lives in :mod:`svodka.bench`."""
