"""One settings object: SVODKA_* variables read once, options over them, used by the CLI,
the web app, the pipeline's config and the knowledge base's default path."""

from pathlib import Path

from platformdirs import user_data_path
from typer.testing import CliRunner

from svodka.cli.main import app
from svodka.knowledge.kb import default_path
from svodka.settings import default_kb_path, load_settings


def test_variables_fill_the_settings_and_options_win(monkeypatch):
    monkeypatch.setenv("SVODKA_DB", "postgresql://svodka@db/news")
    monkeypatch.setenv("SVODKA_ALLOWED_HOSTS", "news.example, svodka.example ,")
    monkeypatch.setenv("SVODKA_TOKEN", "")
    settings = load_settings()
    assert settings.db == "postgresql://svodka@db/news"
    assert settings.allowed_hosts == ("news.example", "svodka.example")
    assert settings.token is None  # an empty variable is no token
    assert load_settings(db="local.db", token=None).db == "local.db"


def test_the_knowledge_base_follows_the_settings(monkeypatch, tmp_path):
    monkeypatch.delenv("SVODKA_KB", raising=False)
    assert default_path() == default_kb_path() == user_data_path("svodka", False) / "kb.sqlite"
    kb = tmp_path / "kb.sqlite"
    kb.touch()
    monkeypatch.setenv("SVODKA_KB", str(kb))
    assert default_path() == kb
    assert load_settings().config().kb == str(kb)
    assert load_settings(kb=Path("/elsewhere/kb.sqlite")).config().kb == "/elsewhere/kb.sqlite"


def test_no_knowledge_base_unless_one_exists(monkeypatch, tmp_path):
    monkeypatch.delenv("SVODKA_KB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # platformdirs reads it on Linux
    assert load_settings().config().kb is None


def test_create_app_serves_the_configured_store(monkeypatch, tmp_path):
    db = str(tmp_path / "configured.db")
    monkeypatch.setenv("SVODKA_DB", db)
    monkeypatch.setenv("SVODKA_TOKEN", "a-token-of-sixteen-chars")
    from svodka.web import create_app

    state = create_app().state.settings
    assert (state.db, state.token) == (db, "a-token-of-sixteen-chars")
    assert create_app(str(tmp_path / "given.db")).state.settings.db.endswith("given.db")


def test_the_command_line_reads_svodka_db_and_its_option_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("SVODKA_DB", str(tmp_path / "from-env.db"))
    runner = CliRunner()
    from_env = runner.invoke(app, ["stats"])
    assert from_env.exit_code == 1 and "from-env.db" in from_env.output
    given = runner.invoke(app, ["stats", "--db", str(tmp_path / "given.db")])
    assert given.exit_code == 1 and "given.db" in given.output
    assert "from-env.db" not in given.output
