"""``make docs``: the API reference builds offline from the docstrings of the public modules."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def api_modules() -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    found = re.search(r"^API_MODULES := (.+)$", makefile, flags=re.MULTILINE)
    assert found, "the Makefile names the public modules"
    return found.group(1).split()


@pytest.mark.slow
def test_the_reference_builds_and_loads_nothing_from_the_network(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pdoc", "-o", str(tmp_path), *api_modules()],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "svodka" / "doc.html").read_text(encoding="utf-8")
    assert 'id="Document"' in page and 'id="Document.to_dict"' in page
    for html in tmp_path.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?://", text), html
