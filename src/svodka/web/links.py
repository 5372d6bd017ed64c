"""The root path the app is served under (``uvicorn --root-path /x``, behind a proxy that
forwards ``/x/…``), for the links the UI writes: ``Guard`` sets it for each request, and
``rooted`` puts it before a path. Outside a request (a notebook's ``_repr_html_``) it is
empty, so the links stay as they were."""

from __future__ import annotations

from contextvars import ContextVar

#: The current request's root path: "" or «/x», without a final slash.
ROOT: ContextVar[str] = ContextVar("svodka_root_path", default="")


def root() -> str:
    """The current request's root path."""
    return ROOT.get()


def rooted(path: str) -> str:
    """``path`` (absolute, «/search?q=…») under the current request's root path."""
    return ROOT.get() + path
