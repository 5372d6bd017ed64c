"""svodka's settings, read once from the environment (``SVODKA_*``) by pydantic-settings.

One object for what the CLI, the web app, ``svodka.analyze`` and the workers share: the
store (``SVODKA_DB``), the Wikidata knowledge base (``SVODKA_KB``, else the file ``svodka kb
import`` wrote, when there is one), the write token (``SVODKA_TOKEN``), the Dask scheduler
(``SVODKA_CLUSTER``), the host names the server answers to (``SVODKA_ALLOWED_HOSTS``,
comma-separated), the pipeline's event count (``SVODKA_EVENTS``) and the size of its word
caches (``SVODKA_CACHE_WORDS``: less memory, a little slower). A command-line option
overrides its variable. Default paths come from platformdirs, right on Linux, macOS and
Windows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from platformdirs import user_data_path
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from svodka.config import DEFAULT_DB, Config


class Settings(BaseSettings):
    """Where svodka keeps and finds things; every field is ``SVODKA_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="SVODKA_", extra="ignore", frozen=True)

    db: str = DEFAULT_DB
    kb: Path | None = None
    token: str | None = None
    cluster: str | None = None
    allowed_hosts: Annotated[tuple[str, ...], NoDecode] = ()
    events: int = Config().events
    cache_words: Annotated[int, Field(ge=1)] = Config().cache_words
    overlap: bool = Config().overlap

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def split_hosts(cls, value: object) -> object:
        """«a.example, b.example» → ("a.example", "b.example")."""
        if isinstance(value, str):
            return tuple(name.strip() for name in value.split(",") if name.strip())
        return value

    @field_validator("token", "cluster", mode="before")
    @classmethod
    def empty_is_unset(cls, value: object) -> object:
        """``SVODKA_TOKEN=`` means no token, not an empty one."""
        return value or None

    def kb_file(self) -> str | None:
        """The knowledge base to use: ``kb`` when set, else the imported one if it exists."""
        if self.kb is not None:
            return str(self.kb.expanduser())
        path = default_kb_path()
        return str(path) if path.is_file() else None

    def config(self, **overrides: object) -> Config:
        """The pipeline's ``Config`` under these settings; ``overrides`` win."""
        fields: dict[str, object] = {
            "kb": self.kb_file(),
            "events": self.events,
            "cache_words": self.cache_words,
            "overlap": self.overlap,
        }
        return Config(**{**fields, **overrides})  # type: ignore[arg-type]


def load_settings(**overrides: object) -> Settings:
    """The settings from the environment, with the given options (None: not given) over them."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})  # type: ignore[arg-type]


def data_dir() -> Path:
    """svodka's data folder: ``~/.local/share/svodka`` on Linux, the platform's elsewhere."""
    return user_data_path("svodka", appauthor=False)


def default_kb_path() -> Path:
    """Where ``svodka kb import`` writes the knowledge base when not told otherwise."""
    return data_dir() / "kb.sqlite"
