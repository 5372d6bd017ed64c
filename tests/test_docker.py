"""The Docker image and the compose file: read always; built and run where a Docker daemon
answers (CI machines without one skip, with the reason)."""

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
#: An offline container of the image the test builds.
DOCKER_RUN = ("docker", "run", "--rm", "--network", "none", "-i", "svodka-test")


def extras() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return set(project["optional-dependencies"])


def test_the_image_installs_extras_that_exist_and_serves_on_all_addresses():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    installed = re.search(r"pip install [^\n]*'\.\[([a-z,]+)\]'", dockerfile)
    assert installed, "the Dockerfile installs svodka with its extras"
    assert {"web", "pg"} <= set(installed.group(1).split(",")) <= extras()
    assert '"serve", "--host", "0.0.0.0"' in dockerfile


def test_compose_runs_svodka_over_its_postgresql():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert services["svodka"]["depends_on"]["db"]["condition"] == "service_healthy"
    db_url = services["svodka"]["environment"]["SVODKA_DB"]
    assert db_url.startswith("postgresql://") and db_url.endswith("@db/svodka")
    assert services["db"]["environment"]["POSTGRES_DB"] == "svodka"


def docker_answers() -> str | None:
    """None when a Docker daemon answers, else why not."""
    if shutil.which("docker") is None:
        return "no docker command"
    info = subprocess.run(["docker", "info"], capture_output=True, text=True, check=False)
    return None if info.returncode == 0 else "the Docker daemon does not answer"


@pytest.mark.slow
def test_the_image_analyzes_an_article_with_no_network():
    reason = docker_answers()
    if reason:
        pytest.skip(reason)
    subprocess.run(["docker", "build", "-q", "-t", "svodka-test", str(ROOT)], check=True)
    article = ROOT / "examples" / "mir24-putin-tokayev.txt"
    result = subprocess.run(
        [*DOCKER_RUN, "svodka", "analyze", "-", "--format", "json"],
        input=article.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Касым-Жомарт Токаев" in result.stdout
