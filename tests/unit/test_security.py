"""What a hostile page or client meets: security headers on every response, a UI that
needs nothing inline (so the Content-Security-Policy holds), the Host check against DNS
rebinding, tokens too short to trust, the token for analyses, and ``svodka serve``'s
warning when it is exposed without one."""

from __future__ import annotations

import base64
import hashlib
import re
import socket

import pytest
import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from svodka.cli import serve as serve_command
from svodka.web import create_app
from svodka.web.app import POLICY

TOKEN = "a-token-of-24-characters"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
#: The UI's pages, and API answers of each kind (JSON, error, static file).
PAGES = ["/", "/search?q=газ", "/search", "/analyze", "/map", "/map?q=газ"]
OTHERS = ["/api/v1/health", "/api/v1/nothing", "/static/style.css", "/entities/per:никто"]
#: What a Content-Security-Policy without 'unsafe-inline' blocks in a page.
INLINE = {
    "an inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "a style element": re.compile(r"<style\b", re.I),
    "a style attribute": re.compile(r"\sstyle\s*=", re.I),
    "an event handler attribute": re.compile(r"\son[a-z]+\s*=", re.I),
    "a javascript: URL": re.compile(r"javascript:", re.I),
}


@pytest.fixture
def client(tmp_path, monkeypatch) -> TestClient:
    monkeypatch.delenv("SVODKA_TOKEN", raising=False)
    return TestClient(create_app(str(tmp_path / "web.db"), token=TOKEN))


@pytest.mark.parametrize("path", PAGES + OTHERS)
def test_every_response_has_the_security_headers(client, path):
    headers = client.get(path).headers
    assert headers["content-security-policy"] == POLICY
    assert "frame-ancestors 'none'" in POLICY and "script-src 'self'" in POLICY
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", PAGES)
def test_the_ui_needs_nothing_inline_under_its_policy(client, path):
    html = client.get(path).text
    for what, pattern in INLINE.items():
        assert not pattern.search(html), f"{path} has {what}: the policy blocks it"


def test_swagger_ui_allows_its_one_inline_script_by_hash(client):
    page = client.get("/api/docs")
    policy = page.headers["content-security-policy"]
    scripts = re.findall(r"<script>(.*?)</script>", page.text, flags=re.DOTALL)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";")[0]
    assert page.headers["x-frame-options"] == "DENY"


# ------------------------------------------------------------------------ Host check


@pytest.fixture
def guarded(tmp_path) -> TestClient:
    app = create_app(str(tmp_path / "web.db"), token=TOKEN, allowed_hosts=["svodka.example"])
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize(
    "host", ["svodka.example", "SVODKA.example:8000", "localhost:8000", "127.0.0.1", "[::1]:80"]
)
def test_allowed_hosts_are_served(guarded, host):
    assert guarded.get("/api/v1/health", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["rebound.example", "svodka.example.evil", "10.0.0.7:8000", ""])
def test_other_hosts_are_refused_before_any_handler(guarded, host):
    response = guarded.get("/api/v1/health", headers={"host": host})
    assert response.status_code == 400
    assert "is not served here" in response.json()["detail"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_without_an_allow_list_any_host_is_served(client):
    assert client.get("/api/v1/health", headers={"host": "anything.example"}).status_code == 200


# ----------------------------------------------------------------------------- tokens


@pytest.mark.parametrize("token", ["short", "fifteen-chars15"])
def test_a_token_under_16_characters_is_refused(tmp_path, monkeypatch, token):
    monkeypatch.delenv("SVODKA_TOKEN", raising=False)
    with pytest.raises(ValueError, match="at least 16"):
        create_app(str(tmp_path / "web.db"), token=token)
    monkeypatch.setenv("SVODKA_TOKEN", token)
    with pytest.raises(ValueError, match="at least 16"):
        create_app(str(tmp_path / "web.db"))


def test_requiring_the_token_for_analyses_needs_a_token(tmp_path, monkeypatch):
    monkeypatch.delenv("SVODKA_TOKEN", raising=False)
    with pytest.raises(ValueError, match="needs SVODKA_TOKEN"):
        create_app(str(tmp_path / "web.db"), analyze_token=True)


class Failing:
    """A pipeline that fails every analysis: a 422 shows the request got past the token."""

    def analyze_many(self, records, *, on_error=None):
        for record in records:
            on_error(record, RuntimeError("the model broke"))
        return iter(())


@pytest.mark.parametrize(("required", "statuses"), [(True, (401, 401, 422)), (False, (422,) * 3)])
def test_analyses_need_the_token_when_the_server_says_so(tmp_path, required, statuses):
    app = create_app(str(tmp_path / "web.db"), token=TOKEN, analyze_token=required)
    app.state.services.__dict__["pipeline"] = Failing()
    client = TestClient(app, raise_server_exceptions=False)
    asked = [
        client.post("/api/v1/analyze", json={"text": "Текст"}),
        client.post("/api/v1/analyze", json={"text": "Текст"}, headers={"Authorization": "x"}),
        client.post("/api/v1/analyze", json={"text": "Текст"}, headers=AUTH),
    ]
    assert tuple(response.status_code for response in asked) == statuses


def test_the_analyze_page_cannot_go_around_the_token(tmp_path):
    app = create_app(str(tmp_path / "web.db"), token=TOKEN, analyze_token=True)
    app.state.services.__dict__["pipeline"] = Failing()
    client = TestClient(app, raise_server_exceptions=False)
    assert client.post("/analyze", data={"text": "Текст"}).status_code == 401
    assert client.post("/analyze", data={"text": "Текст"}, headers=AUTH).status_code != 401


# ------------------------------------------------------------------------ svodka serve


def test_serve_answers_any_host_on_loopback_and_only_its_own_beyond():
    assert serve_command.allowed_hosts("127.0.0.1", []) is None
    assert serve_command.allowed_hosts("localhost", ["a.example"]) == ["a.example"]
    assert serve_command.allowed_hosts("192.0.2.10", ["a.example"]) == ["192.0.2.10", "a.example"]
    everywhere = serve_command.allowed_hosts("0.0.0.0", [])
    assert socket.gethostname() in everywhere
    assert "0.0.0.0" not in everywhere


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        *[("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("localhost", True)],
        *[("0.0.0.0", False), ("::", False), ("192.0.2.10", False), ("svodka.example", False)],
    ],
)
def test_serve_knows_loopback_addresses(host, loopback):
    assert serve_command.loopback(host) is loopback


@pytest.fixture
def serve_cli(monkeypatch, tmp_path):
    """``svodka serve`` with uvicorn.run recording what it was given instead of serving."""
    import uvicorn

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(options, app=app))
    monkeypatch.delenv("SVODKA_TOKEN", raising=False)
    monkeypatch.delenv("SVODKA_ALLOWED_HOSTS", raising=False)
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """svodka"""

    serve_command.register(app)

    def run(*args: str, **env: str):
        return CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "s.db"), *args], env=env)

    return run, served


def test_serve_warns_loudly_when_exposed_without_a_token(serve_cli):
    run, served = serve_cli
    result = run("--host", "0.0.0.0")
    assert result.exit_code == 0, result.output
    assert "WARNING: serving on 0.0.0.0 without SVODKA_TOKEN" in " ".join(result.output.split())
    assert served["host"] == "0.0.0.0"
    assert served["app"].state.settings.allowed_hosts is not None


def test_serve_on_loopback_does_not_warn(serve_cli):
    run, served = serve_cli
    result = run()
    assert result.exit_code == 0, result.output
    assert "WARNING" not in result.output
    assert served["app"].state.settings.allowed_hosts is None


def test_serve_refuses_a_short_token(serve_cli):
    run, served = serve_cli
    result = run(SVODKA_TOKEN="short")
    assert result.exit_code == 2
    assert "at least 16" in result.output
    assert served == {}


def test_serve_requires_the_token_for_analyses_when_asked(serve_cli):
    run, served = serve_cli
    result = run("--analyze-token", "--allow-host", "svodka.example", SVODKA_TOKEN=TOKEN)
    assert result.exit_code == 0, result.output
    settings = served["app"].state.settings
    assert settings.analyze_token is True
    assert "svodka.example" in settings.allowed_hosts


def test_serve_passes_the_root_path_to_the_server(serve_cli):
    run, served = serve_cli
    result = run("--root-path", "/svodka/")
    assert result.exit_code == 0, result.output
    assert served["root_path"] == "/svodka"
    assert "http://127.0.0.1:8000/svodka/api/docs" in result.output
