"""How a batch command ends: one exit-code rule for ``svodka analyze`` and ``svodka ingest``.

- 0: the inputs were analyzed (stored); rejected ones, if any, were named on stderr
  (``svodka rejects`` lists an ingest's);
- 1: no input could be analyzed (every one was rejected), or, with ``--strict``, at
  least one was rejected;
- 2: a usage error (a bad option or argument), before any work.
"""

from __future__ import annotations

import typer

from svodka.cli.common import err


def finish(*, done: int, rejected: int, strict: bool) -> None:
    """End a batch by the rule above: ``done`` inputs went through, ``rejected`` did not."""
    if not rejected:
        return
    if strict:
        err.print(f"{rejected} input(s) rejected; failing (--strict)", style="red")
        raise typer.Exit(1)
    if not done:
        err.print(f"{rejected} input(s) rejected, none analyzed", style="red")
        raise typer.Exit(1)
    err.print(f"{rejected} input(s) rejected; the others went through", style="yellow")
